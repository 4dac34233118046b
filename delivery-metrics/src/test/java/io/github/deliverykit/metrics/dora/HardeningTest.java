package io.github.deliverykit.metrics.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.metrics.dora.DoraAssessment.DoraMetric;
import io.github.deliverykit.metrics.dora.DoraAssessment.MetricAssessment;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Issue 16 in the DORA package: no-data change failure rate, null arguments and elements. */
final class HardeningTest {

    @Test
    void changeFailureRate_withoutIncidentData_isNoData_notElite() {
        DoraEvents events = DoraEvents.builder().deployments(Events.ok("d1", Events.day(1, 10)),
                Events.ok("d2", Events.day(2, 10)), Events.ok("d3", Events.day(3, 10))).build();
        DoraReport report = DoraDataset.of(events).report(Events.days(0, 7));
        assertEquals(3, report.changeFailureRate().deployments());
        assertFalse(report.changeFailureRate().incidentData());
        assertTrue(report.changeFailureRate().value().isEmpty());
        DoraAssessment a = PerformanceBands.load().get("dora-2023").table().assess(report);
        assertTrue(a.bandOf(DoraMetric.CHANGE_FAILURE_RATE).isEmpty());
        Finding f = a.findings().list().stream().filter(x -> x.code().equals("dora.change-failure-rate.no-data"))
                .findFirst().orElseThrow();
        assertTrue(f.message().contains("no incident data"), f.message());
        assertTrue(report.measurements().stream().noneMatch(m -> m.key().equals(io.github.deliverykit.core.metric.MetricKeys.DORA_CHANGE_FAILURE_RATE)));
    }

    @Test
    void changeFailureRate_withIncidentData_isZeroWhenNothingFailed() {
        DoraEvents events = DoraEvents.builder().deployments(Events.ok("d1", Events.day(1, 10)))
                .incidents(Events.incident("i1", Events.day(9, 1), Events.day(9, 2))).build();
        DoraReport report = DoraDataset.of(events).report(Events.days(0, 7));
        assertEquals(OptionalDouble.of(0.0), report.changeFailureRate().value());
    }

    @Test
    void builderVarargs_nameTheNullElement() {
        var b = DoraEvents.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.deployments(Events.ok("d1", Events.day(1, 1)), (Deployment) null));
        assertTrue(e.getMessage().contains("deployments[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.incidents((Incident) null));
        assertTrue(e.getMessage().contains("incidents[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.commits(Events.commit("abcd", Events.h(1), Events.h(1)), null));
        assertTrue(e.getMessage().contains("commits[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.deployments((Deployment[]) null));
        assertThrows(IllegalArgumentException.class, () -> b.history("shop", java.util.Arrays.asList((Commit) null)));
    }

    @Test
    void assessment_rejectsNullMetricsAndArguments() {
        Map<DoraMetric, MetricAssessment> withNullValue = new HashMap<>();
        withNullValue.put(DoraMetric.REWORK_RATE, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DoraAssessment("x", withNullValue, Optional.empty(), false, Findings.none()));
        assertTrue(e.getMessage().contains("metrics[REWORK_RATE]"), e.getMessage());
        Map<DoraMetric, MetricAssessment> withNullKey = new HashMap<>();
        withNullKey.put(null, new MetricAssessment(DoraMetric.REWORK_RATE, Optional.empty(), -1, OptionalDouble.empty(), "r"));
        assertThrows(IllegalArgumentException.class,
                () -> new DoraAssessment("x", withNullKey, Optional.empty(), false, Findings.none()));
        Map<DoraMetric, MetricAssessment> misfiled = Map.of(DoraMetric.LEAD_TIME_FOR_CHANGES,
                new MetricAssessment(DoraMetric.REWORK_RATE, Optional.empty(), -1, OptionalDouble.empty(), "r"));
        assertThrows(IllegalArgumentException.class,
                () -> new DoraAssessment("x", misfiled, Optional.empty(), false, Findings.none()));
        DoraAssessment ok = new DoraAssessment("x", Map.of(), Optional.empty(), false, Findings.none());
        e = assertThrows(IllegalArgumentException.class, () -> ok.bandOf(null));
        assertTrue(e.getMessage().contains("metric"), e.getMessage());
    }
}
