package io.github.deliverykit.flink.dora;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.DeploymentOutcome;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * DORA deployment counts per service and window (use after {@code keyBy(DeploymentEvent::service)}
 * and an event-time window on the finish time) as a Flink {@link AggregateFunction}: only
 * production environments count, as in {@link io.github.deliverykit.metrics.dora.DoraConfig}.
 */
public final class DoraCountAggregate implements AggregateFunction<DeploymentEvent, DoraTally, DoraTally> {

    private static final long serialVersionUID = 1L;

    private final TreeSet<String> production;

    /**
     * Counts deployments to the given environments.
     *
     * @param productionEnvironments e.g. {@code DoraConfig.DEFAULT_PRODUCTION_ENVIRONMENTS}
     * @throws IllegalArgumentException if the set is null or empty
     */
    public DoraCountAggregate(Set<String> productionEnvironments) {
        Checks.notNull(productionEnvironments, "productionEnvironments");
        if (productionEnvironments.isEmpty()) {
            throw Checks.invalid("productionEnvironments", "must not be empty", productionEnvironments);
        }
        this.production = new TreeSet<>(productionEnvironments);
    }

    @Override
    public DoraTally createAccumulator() {
        return DoraTally.ZERO;
    }

    @Override
    public DoraTally add(DeploymentEvent d, DoraTally acc) {
        if (!production.contains(d.environment()) || d.outcome() == DeploymentOutcome.IN_PROGRESS) {
            return acc;
        }
        return acc.plus(new DoraTally(1, d.outcome() == DeploymentOutcome.SUCCESS ? 1 : 0, d.outcome().isFailure() ? 1 : 0));
    }

    @Override
    public DoraTally getResult(DoraTally acc) {
        return acc;
    }

    @Override
    public DoraTally merge(DoraTally a, DoraTally b) {
        return a.plus(b);
    }
}
