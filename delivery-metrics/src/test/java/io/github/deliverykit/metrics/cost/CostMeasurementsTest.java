package io.github.deliverykit.metrics.cost;

import static io.github.deliverykit.metrics.cost.CostLedgerTest.LEDGER;
import static io.github.deliverykit.metrics.cost.CostLedgerTest.T0;
import static io.github.deliverykit.metrics.cost.CostLedgerTest.large;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Unit;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CostMeasurementsTest {

    @Test
    void measurements_knownInputs_exactTotalInUsd() {
        CostReport report = LEDGER.price(List.of(large("r1").build(),
                UsageRecord.builder("r2", T0, "mystery-model").tokens(5, 5, 0, 0).build()));
        // one priced record (0.021 USD), one unknown: the partial total is measured, the gap is a finding
        List<Measurement> ms = report.measurements();
        assertEquals(1, ms.size());
        assertEquals(MetricKeys.COST_TOTAL, ms.get(0).key());
        assertEquals(0, new BigDecimal("0.021").compareTo(ms.get(0).value()));
        assertEquals(Unit.USD, ms.get(0).unit());
        assertTrue(report.findings().find("cost.unknown").isPresent());
        for (Measurement m : ms) {
            assertTrue(MetricKeys.known().contains(m.key()), m.key());
            assertEquals(MetricKeys.unitOf(m.key()), m.unit());
        }
    }

    @Test
    void measurements_nothingPriced_noMeasurement() {
        assertTrue(LEDGER.price(List.of()).measurements().isEmpty());
        assertTrue(LEDGER.price(List.of(UsageRecord.builder("r", T0, "mystery-model").tokens(5, 5, 0, 0).build()))
                .measurements().isEmpty());
    }
}
