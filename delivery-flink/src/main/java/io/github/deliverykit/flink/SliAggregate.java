package io.github.deliverykit.flink;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Good / total counts per bucket (the SLI series) of the events of one key (a service) as a Flink
 * {@link AggregateFunction} over the library's {@link GoodTotalAccumulator}: {@code add} is the
 * accumulator's O(1) allocation-free {@code record}, {@code merge} its exact merge. Events outside
 * the geometry's range are counted in {@link GoodTotalAccumulator#rejected()}. Pass
 * {@link io.github.deliverykit.flink.types.AccumulatorTypes#GOOD_TOTAL} as the accumulator and
 * result type so Flink uses the explicit serializer.
 */
public final class SliAggregate implements AggregateFunction<RequestEvent, GoodTotalAccumulator, GoodTotalAccumulator> {

    private static final long serialVersionUID = 1L;

    private final SliGeometry geometry;

    /**
     * An aggregate over one bucket range.
     *
     * @param geometry the range every accumulator covers
     * @throws IllegalArgumentException if the geometry is null
     */
    public SliAggregate(SliGeometry geometry) {
        this.geometry = Checks.notNull(geometry, "geometry");
    }

    @Override
    public GoodTotalAccumulator createAccumulator() {
        return geometry.newAccumulator();
    }

    @Override
    public GoodTotalAccumulator add(RequestEvent e, GoodTotalAccumulator acc) {
        acc.record(e.timestampMillis(), e.good());
        return acc;
    }

    @Override
    public GoodTotalAccumulator getResult(GoodTotalAccumulator acc) {
        return acc;
    }

    @Override
    public GoodTotalAccumulator merge(GoodTotalAccumulator a, GoodTotalAccumulator b) {
        return a.merge(b);
    }
}
