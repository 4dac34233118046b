package io.github.deliverykit.metrics.flow;

import static io.github.deliverykit.metrics.flow.FlowFixtures.WEEK;
import static io.github.deliverykit.metrics.flow.FlowFixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.metrics.flow.FlowReport.Figure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FlowMeasurementsTest {

    private static final FlowReport REPORT = FlowMetrics.ofDefaults().evaluate(FlowFixtures.week(), FlowFixtures.weekCost(), WEEK);

    private static Measurement m(FlowReport r, String key) {
        return r.measurement(key).orElseThrow(() -> new AssertionError("no " + key + " in " + r.measurements()));
    }

    @Test
    void measurements_knownInputs_valuesAndUnits() {
        assertEquals(0, new BigDecimal("2").compareTo(m(REPORT, MetricKeys.ITS_MEDIAN).value()));
        assertEquals(Unit.COUNT, m(REPORT, MetricKeys.ITS_MEDIAN).unit());
        assertEquals(0.414285714, m(REPORT, MetricKeys.COST_PER_ITERATION).value().doubleValue(), 1e-12);
        assertEquals(Unit.USD, m(REPORT, MetricKeys.COST_PER_ITERATION).unit());
        assertEquals(-0.275, m(REPORT, MetricKeys.COST_PER_FEATURE_QOQ_CHANGE).value().doubleValue(), 1e-12);
        assertEquals(0, new BigDecimal("150").compareTo(m(REPORT, MetricKeys.CI_DURATION_MEDIAN).value()));
        assertEquals(Unit.SECONDS, m(REPORT, MetricKeys.CI_DURATION_MEDIAN).unit());
        assertEquals(0, new BigDecimal("330").compareTo(m(REPORT, MetricKeys.CI_DURATION_P95).value()));
        assertEquals(0, new BigDecimal("165").compareTo(m(REPORT, MetricKeys.CI_FEEDBACK_LATENCY_MEDIAN).value()));
        assertEquals(230.0 / 310, m(REPORT, MetricKeys.CI_CACHE_HIT_RATE).value().doubleValue(), 1e-15);
        assertEquals(Unit.RATIO, m(REPORT, MetricKeys.CI_CACHE_HIT_RATE).unit());
        assertEquals(0, new BigDecimal("0.625").compareTo(m(REPORT, MetricKeys.CI_RUNNER_UTILIZATION).value()));
        assertEquals(0, new BigDecimal("2").compareTo(m(REPORT, MetricKeys.CI_ROUNDS_PER_PR).value()));
        assertEquals(Unit.COUNT, m(REPORT, MetricKeys.CI_ROUNDS_PER_PR).unit());
        assertEquals(Unit.PER_DAY, m(REPORT, MetricKeys.PR_THROUGHPUT_PER_DAY).unit());
        // the week's merged pull requests per week equal the week's count
        assertEquals(REPORT.figure(MetricKeys.PR_THROUGHPUT_PER_DAY).orElseThrow().value().getAsDouble() * 7,
                m(REPORT, MetricKeys.MERGES_PER_WEEK).value().doubleValue(), 1e-9);
        assertEquals(Unit.PER_WEEK, m(REPORT, MetricKeys.MERGES_PER_WEEK).unit());
    }

    @Test
    void measurements_everyFigureWithDataUnderAWellKnownKey() {
        List<String> keys = REPORT.measurements().stream().map(Measurement::key).toList();
        for (Figure f : REPORT.figures()) {
            if (f.hasData() && MetricKeys.known().contains(f.name())) {
                assertTrue(keys.contains(f.name()), f.name());
                assertEquals(f.value().getAsDouble(), m(REPORT, f.name()).value().doubleValue(), f.name());
                assertEquals(f.unit(), m(REPORT, f.name()).unit(), f.name());
            }
        }
        for (Measurement m : REPORT.measurements()) {
            assertTrue(MetricKeys.known().contains(m.key()), m.key());
            assertEquals(MetricKeys.unitOf(m.key()), m.unit(), m.key());
        }
        for (String key : List.of(MetricKeys.ITS_MEAN, MetricKeys.COST_PER_MERGED_PR, MetricKeys.COST_PER_FEATURE,
                MetricKeys.MERGE_QUEUE_WAIT_P50, MetricKeys.REVIEW_AUTO_APPROVE_RATE, MetricKeys.ROLLBACK_MEAN_TIME,
                MetricKeys.ROLLBACK_SUCCESS_RATE, MetricKeys.CI_FEEDBACK_LATENCY_MEDIAN)) {
            assertTrue(keys.contains(key), key);
        }
        // breakdown figures are not measurements
        assertFalse(keys.stream().anyMatch(k -> k.contains("[")));
    }

    @Test
    void measurements_noData_noMeasurement() {
        assertTrue(FlowMetrics.ofDefaults().evaluate(FlowData.empty(), WEEK).measurements().isEmpty());
        // without a cost report no cost measurement
        FlowReport noCost = FlowMetrics.ofDefaults().evaluate(FlowFixtures.week(), WEEK);
        assertTrue(noCost.measurement(MetricKeys.COST_PER_ITERATION).isEmpty());
        assertTrue(noCost.measurement(MetricKeys.CI_DURATION_MEDIAN).isPresent());
    }

    @Test
    void pendingRuns_excludedAndReported() {
        FlowData base = FlowFixtures.week();
        List<CiRun> runs = new ArrayList<>(base.ciRuns());
        runs.add(new CiRun("c-pending", "pr-1", t("10-02T09:00"), t("10-02T09:01"), null, CiRun.Outcome.PENDING, 50, 0));
        FlowData data = FlowData.builder().pullRequests(base.pullRequests()).ciRuns(runs).iterations(base.iterations())
                .reviews(base.reviews()).mergeQueue(base.mergeQueue()).tasks(base.tasks())
                .testFailures(base.testFailures()).runnerUsage(base.runnerUsage()).licences(base.licences())
                .toolActivity(base.toolActivity()).suggestions(base.suggestions()).rollbacks(base.rollbacks())
                .features(base.features()).build();
        FlowReport r = FlowMetrics.ofDefaults().evaluate(data, FlowFixtures.weekCost(), WEEK);
        Finding pending = r.findings().find("flow.ci.pending").orElseThrow();
        assertEquals(Level.WARN, pending.level());
        assertEquals(1L, pending.fact("pending"));
        assertEquals("c-pending", pending.fact("runs"));
        for (String key : List.of(MetricKeys.CI_DURATION_MEDIAN, MetricKeys.CI_DURATION_P95,
                MetricKeys.CI_FEEDBACK_LATENCY_MEDIAN, MetricKeys.CI_CACHE_HIT_RATE, MetricKeys.CI_ROUNDS_PER_PR)) {
            assertEquals(m(REPORT, key), m(r, key), key);
        }
        assertTrue(REPORT.findings().find("flow.ci.pending").isEmpty());
    }
}
