package io.github.deliverykit.metrics.dora;

import static io.github.deliverykit.metrics.dora.Events.commit;
import static io.github.deliverykit.metrics.dora.Events.day;
import static io.github.deliverykit.metrics.dora.Events.days;
import static io.github.deliverykit.metrics.dora.Events.failed;
import static io.github.deliverykit.metrics.dora.Events.h;
import static io.github.deliverykit.metrics.dora.Events.incident;
import static io.github.deliverykit.metrics.dora.Events.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Unit;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DoraMeasurementsTest {

    private static DoraReport week() {
        DoraEvents events = DoraEvents.builder()
                .commits(commit("aaaa", h(9), h(9)))
                .deployments(ok("d1", h(10), "aaaa"), ok("d2", day(1, 10)), failed("d3", day(2, 10)), ok("d4", day(3, 10)))
                .incidents(incident("i1", day(2, 11), day(2, 13)))
                .build();
        return DoraDataset.of(events).report(days(0, 7));
    }

    private static Measurement m(DoraReport r, String key) {
        return r.measurement(key).orElseThrow(() -> new AssertionError("no " + key + " in " + r.measurements()));
    }

    @Test
    void measurements_knownInputs_valuesAndUnits() {
        DoraReport r = week();
        // 3 successful deployments over 7 days
        assertEquals(3.0 / 7, m(r, MetricKeys.DORA_DEPLOYMENT_FREQUENCY_PER_DAY).value().doubleValue(), 1e-12);
        assertEquals(Unit.PER_DAY, m(r, MetricKeys.DORA_DEPLOYMENT_FREQUENCY_PER_DAY).unit());
        assertEquals(3.0, m(r, MetricKeys.DEPLOY_FREQUENCY_PER_WEEK).value().doubleValue(), 1e-12);
        assertEquals(Unit.PER_WEEK, m(r, MetricKeys.DEPLOY_FREQUENCY_PER_WEEK).unit());
        // commit authored at 9 h, shipped at 10 h: 1 h
        assertEquals(0, new BigDecimal("3600").compareTo(m(r, MetricKeys.DORA_LEAD_TIME_MEDIAN).value()));
        assertEquals(Unit.SECONDS, m(r, MetricKeys.DORA_LEAD_TIME_MEDIAN).unit());
        // incident 11 h to 13 h on day 2: 2 h
        assertEquals(0, new BigDecimal("7200").compareTo(m(r, MetricKeys.DORA_TIME_TO_RESTORE_MEDIAN).value()));
        assertEquals(0, new BigDecimal("7200").compareTo(m(r, MetricKeys.DORA_TIME_TO_RESTORE_MEAN).value()));
        assertEquals(Unit.SECONDS, m(r, MetricKeys.DORA_TIME_TO_RESTORE_MEAN).unit());
        assertEquals(r.changeFailureRate().value().getAsDouble(),
                m(r, MetricKeys.DORA_CHANGE_FAILURE_RATE).value().doubleValue());
        assertEquals(Unit.RATIO, m(r, MetricKeys.DORA_CHANGE_FAILURE_RATE).unit());
        assertTrue(m(r, MetricKeys.DORA_CHANGE_FAILURE_RATE).value().signum() > 0);
    }

    @Test
    void measurements_everyKeyWellKnownInItsUnit() {
        for (DoraReport r : List.of(week(), DoraDataset.of(DoraEvents.builder().build()).report(days(0, 7)))) {
            for (Measurement m : r.measurements()) {
                assertTrue(MetricKeys.known().contains(m.key()), m.key());
                assertEquals(MetricKeys.unitOf(m.key()), m.unit(), m.key());
            }
        }
    }

    @Test
    void measurements_noData_noMeasurement() {
        DoraReport empty = DoraDataset.of(DoraEvents.builder().build()).report(days(0, 7));
        // zero deployments over a week is a measured 0; nothing else has data
        assertEquals(List.of(MetricKeys.DORA_DEPLOYMENT_FREQUENCY_PER_DAY, MetricKeys.DEPLOY_FREQUENCY_PER_WEEK),
                empty.measurements().stream().map(Measurement::key).toList());
        assertEquals(0, empty.measurement(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK).orElseThrow().value().signum());

    }
}
