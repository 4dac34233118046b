package io.github.deliverykit.flink.cost;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import io.github.deliverykit.metrics.cost.CostReport.Cost;
import java.util.Currency;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * The exact cost of one key (use after {@code keyBy(CostItem::groupKey)}) as a Flink
 * {@link AggregateFunction} over the library's {@link CostTotals}: 128-bit femto sums, rounded to
 * nano units once, when read ({@link #cost(CostTotals)}); merge is exact. Pass
 * {@link io.github.deliverykit.flink.types.AccumulatorTypes#COST_TOTALS} as the accumulator type.
 */
public final class CostAggregate implements AggregateFunction<CostItem, CostTotals, CostTotals> {

    private static final long serialVersionUID = 1L;

    private final String currency;

    /**
     * An aggregate in one currency (the price table's).
     *
     * @param currencyCode the ISO code, e.g. {@code USD}
     * @throws IllegalArgumentException if the code is null or unknown
     */
    public CostAggregate(String currencyCode) {
        this.currency = Money.currency(Checks.notNull(currencyCode, "currencyCode")).getCurrencyCode();
    }

    @Override
    public CostTotals createAccumulator() {
        return new CostTotals(Currency.getInstance(currency), 1);
    }

    @Override
    public CostTotals add(CostItem item, CostTotals acc) {
        if (item.explicitNanos() >= 0) {
            acc.add(0, Money.ofNanos(item.explicitNanos(), currency));
        } else {
            acc.add(0, item.femtos());
        }
        return acc;
    }

    @Override
    public CostTotals getResult(CostTotals acc) {
        return acc;
    }

    @Override
    public CostTotals merge(CostTotals a, CostTotals b) {
        return a.merge(b);
    }

    /**
     * The cost of one key's totals, as the ledger reports it.
     *
     * @param totals one key's totals
     * @return the cost, rounded half-even to nano units once
     */
    public static Cost cost(CostTotals totals) {
        return totals.cost(0);
    }
}
