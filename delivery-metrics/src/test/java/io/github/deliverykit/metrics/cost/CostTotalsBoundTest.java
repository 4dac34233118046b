package io.github.deliverykit.metrics.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Test;

final class CostTotalsBoundTest {

    private static final Currency USD = Money.currency("USD");

    @Test
    void groupsAboveTheBound_areRejected_insteadOfRunningOutOfMemory() {
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(IllegalArgumentException.class, () -> new CostTotals(USD, Integer.MAX_VALUE)));
        assertEquals("groups must be between 0 and 8388608, but was 2147483647", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CostTotals(USD, CostTotals.MAX_GROUPS + 1));
        assertThrows(IllegalArgumentException.class, () -> new CostTotals(USD, -1));
    }

    @Test
    void theBoundItself_isAccepted() {
        assertEquals(0, new CostTotals(USD, 0).groups());
    }
}
