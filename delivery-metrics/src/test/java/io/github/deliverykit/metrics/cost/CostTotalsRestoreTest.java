package io.github.deliverykit.metrics.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** {@link CostTotals#restore} and the state accessors it inverts. */
final class CostTotalsRestoreTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void restore_ofTheReadState_givesTheSameCosts() {
        CostTotals t = new CostTotals(USD, 2).add(0, Long.MAX_VALUE).add(0, Long.MAX_VALUE).add(0, 5).add(1, -1)
                .add(1, Money.of("1.5", "USD"));
        assertEquals(1, t.femtosHigh(0));
        assertEquals(3, t.priced(0));
        assertEquals(0, t.unknown(0));
        assertEquals(1, t.unknown(1));
        assertEquals(1, t.priced(1));
        assertEquals(1_500_000_000_000_000L, t.femtosLow(1));
        CostTotals r = CostTotals.restore(USD, new long[] {t.femtosHigh(0), t.femtosHigh(1)},
                new long[] {t.femtosLow(0), t.femtosLow(1)}, new long[] {t.priced(0), t.priced(1)},
                new long[] {t.unknown(0), t.unknown(1)});
        assertEquals(t.exact(0), r.exact(0));
        assertEquals(t.cost(0), r.cost(0));
        assertEquals(t.cost(1), r.cost(1));
        assertEquals(USD, r.currency());
    }

    @Test
    void restore_andAccessors_rejectBadInput_namingTheField() {
        long[] one = {0};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CostTotals.restore(USD, new long[2], one, one, one))
                .getMessage().contains("femtosHigh"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CostTotals.restore(USD, new long[] {-1}, one, one,
                one)).getMessage().contains("femtosHigh[0]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CostTotals.restore(USD, one, one, new long[] {-1},
                one)).getMessage().contains("priced[0]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CostTotals.restore(USD, one, one, one,
                new long[] {-1})).getMessage().contains("unknown[0]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CostTotals.restore(USD, null, one, one, one))
                .getMessage().contains("femtosHigh"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CostTotals.restore(null, one, one, one, one))
                .getMessage().contains("currency"));
        CostTotals t = new CostTotals(USD, 1);
        assertThrows(IllegalArgumentException.class, () -> t.femtosHigh(1));
        assertThrows(IllegalArgumentException.class, () -> t.femtosLow(-1));
        assertThrows(IllegalArgumentException.class, () -> t.priced(1));
        assertThrows(IllegalArgumentException.class, () -> t.unknown(1));
    }
}
