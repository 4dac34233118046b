package io.github.deliverykit.flink.dora;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;

/**
 * A finished {@link Deployment} in a flat form Flink serializes with its record serializer: what
 * {@link DoraCountAggregate} counts per service and window (on the finish time, as
 * {@link io.github.deliverykit.metrics.dora.DoraDataset} does).
 *
 * @param id the deployment id (duplicated deliveries carry the same id)
 * @param service the service
 * @param environment the environment
 * @param finishedMillis when it finished, epoch milliseconds
 * @param outcome the outcome, not {@code IN_PROGRESS}
 */
public record DeploymentEvent(String id, String service, String environment, long finishedMillis,
        DeploymentOutcome outcome) {

    /**
     * The flat form of a finished deployment.
     *
     * @param d the deployment
     * @return the event
     * @throws IllegalArgumentException if the deployment is null or still in progress
     */
    public static DeploymentEvent of(Deployment d) {
        Checks.notNull(d, "deployment");
        if (d.finishedAt().isEmpty()) {
            throw Checks.invalid("deployment.finished", "must be set: in-progress deployments are not counted",
                    d.id());
        }
        return new DeploymentEvent(d.id(), d.service(), d.environment(), d.finishedAt().get().toEpochMilli(),
                d.outcome());
    }
}
