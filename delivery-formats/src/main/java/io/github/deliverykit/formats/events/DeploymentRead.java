package io.github.deliverykit.formats.events;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.formats.ReadReport;
import java.util.List;

/**
 * Deployments read from a file, and what the reading rejected or skipped.
 *
 * @param deployments the deployments, oldest first
 * @param report the reading's report
 */
public record DeploymentRead(List<Deployment> deployments, ReadReport report) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public DeploymentRead {
        deployments = Checks.listOf(deployments, "deployments");
        Checks.notNull(report, "report");
    }
}
