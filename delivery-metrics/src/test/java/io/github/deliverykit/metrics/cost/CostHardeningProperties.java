package io.github.deliverykit.metrics.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The cost accumulators at every edge: only IllegalArgumentException, and merge = whole. */
final class CostHardeningProperties {

    private static final Currency USD = Money.currency("USD");

    @Provide
    Arbitrary<Integer> groupCounts() {
        // no valid capacity above 64 is drawn: the bound itself would allocate 256 MiB per try
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 64), Arbitraries.integers().lessOrEqual(-1),
                Arbitraries.integers().greaterOrEqual(CostTotals.MAX_GROUPS + 1),
                Arbitraries.of(CostTotals.MAX_GROUPS + 1, Integer.MAX_VALUE, Integer.MIN_VALUE));
    }

    @Property(tries = 4000)
    void totals_ofAnyCapacity_areBuiltOrRejected(@ForAll("groupCounts") int groups) {
        try {
            CostTotals t = new CostTotals(USD, groups);
            assertTrue(groups >= 0 && groups <= CostTotals.MAX_GROUPS);
            assertEquals(groups, t.groups());
        } catch (IllegalArgumentException e) {
            assertTrue(groups < 0 || groups > CostTotals.MAX_GROUPS, e.getMessage());
        }
    }

    @Provide
    Arbitrary<Long> femtos() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-3, 1_000_000_000_000L), Arbitraries.longs(),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, PriceList.UNKNOWN));
    }

    @Property(tries = 4000)
    void add_anyGroupAndCost_givesIllegalArgumentOrCounts(@ForAll("femtos") long a, @ForAll("femtos") long b,
            @ForAll int group) {
        CostTotals probe = new CostTotals(USD, 3);
        try {
            probe.add(group, a);
            assertTrue(group >= 0 && group < 3 && a >= -1);
        } catch (IllegalArgumentException e) {
            assertTrue(group < 0 || group >= 3 || a < -1, e.getMessage());
        }
        int g = Math.floorMod(group, 3);
        CostTotals whole = new CostTotals(USD, 3);
        CostTotals left = new CostTotals(USD, 3);
        CostTotals right = new CostTotals(USD, 3);
        if (a >= -1) {
            whole.add(g, a);
            left.add(g, a);
        }
        if (b >= -1) {
            whole.add(g, b);
            right.add(g, b);
        }
        assertEquals(whole.cost(g), new CostTotals(USD, 3).merge(left).merge(right).cost(g));
    }
}
