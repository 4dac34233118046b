package io.github.deliverykit.flink.types;

import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The Flink types of the library's mergeable accumulators, each with an explicit, versioned
 * serializer: pass them wherever Flink asks for a {@link TypeInformation} (window aggregates,
 * state descriptors) so that no accumulator is ever serialized by Kryo and savepoints stay
 * readable across upgrades.
 */
public final class AccumulatorTypes {

    /** {@link GoodTotalAccumulator}, serialized by {@link GoodTotalAccumulatorSerializer}. */
    public static final TypeInformation<GoodTotalAccumulator> GOOD_TOTAL =
            new StateTypeInfo<>(GoodTotalAccumulator.class, () -> GoodTotalAccumulatorSerializer.INSTANCE);

    /** {@link CostTotals}, serialized by {@link CostTotalsSerializer}. */
    public static final TypeInformation<CostTotals> COST_TOTALS =
            new StateTypeInfo<>(CostTotals.class, () -> CostTotalsSerializer.INSTANCE);

    private AccumulatorTypes() {}
}
