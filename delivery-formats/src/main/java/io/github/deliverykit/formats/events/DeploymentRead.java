package io.github.deliverykit.formats.events;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.formats.ReadReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The read of the mapped deployments: oldest first (ties by id), each linked to the previous
     * deployment of its environment. The GitHub and GitLab readers share it.
     */
    static DeploymentRead linked(List<Deployment> mapped, ReadReport report) {
        List<Deployment> sorted = new ArrayList<>(mapped);
        sorted.sort(Comparator.comparing(Deployment::started).thenComparing(Deployment::id));
        Map<String, String> last = new HashMap<>();
        List<Deployment> linked = new ArrayList<>(sorted.size());
        for (Deployment d : sorted) {
            String prev = last.put(d.environment(), d.id());
            linked.add(new Deployment(d.id(), d.service(), d.environment(), d.version(), d.started(), d.finished(),
                    d.outcome(), d.commits(), prev));
        }
        return new DeploymentRead(linked, report);
    }
}
