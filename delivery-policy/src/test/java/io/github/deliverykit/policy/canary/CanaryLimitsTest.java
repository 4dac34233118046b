package io.github.deliverykit.policy.canary;

import static io.github.deliverykit.policy.canary.Synthetic.T0;
import static io.github.deliverykit.policy.canary.Synthetic.at;
import static io.github.deliverykit.policy.canary.Synthetic.healthy;
import static io.github.deliverykit.policy.canary.Synthetic.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.Direction;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.NoDataStrategy;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageContext;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CanaryLimitsTest {

    private static final RolloutPlan PLAN = RolloutPlan.canaryDefault();

    @Test
    void failureLimit_countsFailuresAcrossEvaluations() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().thresholdsCritical(false).limits(2, 4, 0).build();
        List<Observation> log = traffic(T0, T0.plus(Duration.ofHours(1)), 1000, 0.02, 200, 200, 1);
        Rollout r = Rollout.start(PLAN, CanaryAnalysis.of(config), T0);
        for (int m = 5; m <= 15; m += 5) {
            r = r.evaluate(log, at(Duration.ofMinutes(m)));
        }
        assertEquals(List.of(StageVerdict.HOLD, StageVerdict.HOLD, StageVerdict.ROLLBACK), r.verdicts());
        Finding hold = r.history().get(1).findings().find("canary.hold.failure").orElseThrow();
        assertEquals(2, hold.fact("failures"));
        Finding why = r.history().get(2).findings().find("canary.rollback.failure-limit").orElseThrow();
        assertEquals(3, why.fact("failures"));
        assertEquals(2, why.fact("failureLimit"));
        assertEquals(3, r.state().counters("threshold/error-rate").failures());
    }

    @Test
    void consecutiveErrorLimit_rollsBackAfterFiveErrorsInARow() {
        List<Observation> log = new ArrayList<>(healthy(T0, T0.plus(Duration.ofHours(1)), 2));
        for (int m = 1; m <= 50; m += 5) {
            if (m != 11) {
                log.add(new Observation.QueryError(T0.plus(Duration.ofMinutes(m)), "requests", "prometheus timeout"));
            }
        }
        Rollout r = Rollout.start(PLAN, CanaryAnalysis.ofDefaults(), T0);
        for (int m = 5; m <= 50 && !r.state().phase().isTerminal(); m += 5) {
            r = r.evaluate(log, at(Duration.ofMinutes(m)));
            if (m == 15) {
                // no error in [10, 15): the run of errors is broken
                assertEquals(0, r.state().counters("threshold/error-rate").consecutiveErrors());
            }
        }
        // errors at 1, 6, (not 11), 16, 21, 26, 31, 36: five in a row by the evaluation at 40 minutes
        assertEquals(8, r.verdicts().size());
        assertEquals(StageVerdict.ROLLBACK, r.verdicts().get(7));
        assertEquals(List.of(StageVerdict.HOLD), r.verdicts().subList(0, 7).stream().distinct().toList());
        assertEquals(Rollout.Phase.ROLLED_BACK, r.state().phase());
        Rollout.Event last = r.history().get(r.history().size() - 1);
        Finding why = last.findings().find("canary.rollback.error-limit").orElseThrow();
        assertEquals(5, why.fact("consecutiveErrors"));
        assertEquals(4, why.fact("consecutiveErrorLimit"));
        assertEquals("prometheus timeout",
                last.findings().find("threshold.error-rate.query-error").orElseThrow().fact("errors"));
    }

    @Test
    void marginalScore_inconclusiveThenPauseThenResume() {
        // two groups: latency (weight 1) fails, throughput (weight 1) passes -> score 50: marginal
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().noLatencyGate()
                .metric(MetricSpec.samples("latency").group("latency").build())
                .metric(MetricSpec.samples("cpu").group("saturation").build()).limits(0, 4, 1).build();
        List<Observation> log = new ArrayList<>(traffic(T0, T0.plus(Duration.ofHours(2)), 1000, 0.0, 300, 200, 3));
        for (Observation o : traffic(T0, T0.plus(Duration.ofHours(2)), 1000, 0.0, 50, 50, 4)) {
            if (o instanceof Observation.Sample s) {
                log.add(new Observation.Sample(s.at(), s.variant(), "cpu", s.value()));
            }
        }
        Rollout r = Rollout.start(PLAN, CanaryAnalysis.of(config), T0);
        r = r.evaluate(log, at(Duration.ofMinutes(10)));
        r = r.evaluate(log, at(Duration.ofMinutes(15)));
        assertEquals(List.of(StageVerdict.HOLD, StageVerdict.PAUSE), r.verdicts());
        Finding score = r.history().get(0).findings().find("mann-whitney.score").orElseThrow();
        assertEquals(Level.WARN, score.level());
        assertEquals(50.0, score.fact("score"));
        assertEquals("1/1 passed, weight 1", score.fact("group.saturation"));
        assertEquals("0/1 passed, weight 1", score.fact("group.latency"));
        assertEquals(Rollout.Phase.PAUSED, r.state().phase());
        assertEquals(2, r.state().counters("mann-whitney/score").inconclusive());
        // paused: evaluations keep pausing, never advance
        r = r.evaluate(log, at(Duration.ofMinutes(40)));
        assertEquals(StageVerdict.PAUSE, r.verdicts().get(2));
        assertTrue(r.history().get(2).findings().find("canary.pause.paused").isPresent());
        r = r.resume(T0.plus(Duration.ofMinutes(41)), "alice");
        assertEquals(Rollout.Phase.RUNNING, r.state().phase());
        assertEquals(0, r.state().counters("mann-whitney/score").inconclusive());
        assertTrue(r.state().gateApproved());
        assertEquals("alice", r.history().get(3).findings().find("canary.resumed").orElseThrow().fact("by"));
    }

    @Test
    void groupWeights_weighTheScore() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().noLatencyGate()
                .metric(MetricSpec.samples("latency").group("latency").build())
                .metric(MetricSpec.samples("cpu").group("saturation").build())
                .groupWeight("latency", 1).groupWeight("saturation", 3).build();
        List<Observation> log = new ArrayList<>(traffic(T0, T0.plus(Duration.ofHours(1)), 1000, 0.0, 300, 200, 3));
        for (Observation o : traffic(T0, T0.plus(Duration.ofHours(1)), 1000, 0.0, 50, 50, 4)) {
            if (o instanceof Observation.Sample s) {
                log.add(new Observation.Sample(s.at(), s.variant(), "cpu", s.value()));
            }
        }
        CanaryDecision ev = CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), log), at(Duration.ofMinutes(30)));
        Finding score = ev.findings().find("mann-whitney.score").orElseThrow();
        assertEquals(75.0, score.fact("score"));
        assertEquals(Level.PASS, score.level());
        assertEquals(StageVerdict.ADVANCE, ev.verdict());
    }

    @Test
    void lowScore_failsAndRollsBack() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().metric(MetricSpec.samples("latency").build()).build();
        List<Observation> log = traffic(T0, T0.plus(Duration.ofHours(1)), 1000, 0.0, 300, 200, 5);
        CanaryDecision ev = CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), log), at(Duration.ofMinutes(10)));
        assertEquals(StageVerdict.ROLLBACK, ev.verdict());
        assertEquals(Level.FAIL, ev.findings().find("mann-whitney.score").orElseThrow().level());
        assertEquals("mann-whitney/score", ev.findings().find("canary.rollback.failure-limit").orElseThrow().fact("measurement"));
    }

    @Test
    void dryRunMetric_isReportedButNeverDecides() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom()
                .metric(MetricSpec.samples("latency").critical().dryRun().build()).build();
        List<Observation> log = traffic(T0, T0.plus(Duration.ofHours(1)), 1000, 0.0, 300, 200, 6);
        CanaryDecision ev = CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), log), at(Duration.ofMinutes(30)));
        assertEquals(StageVerdict.ADVANCE, ev.verdict());
        Finding high = ev.findings().find("mann-whitney.metric.high").orElseThrow();
        assertTrue(high.message().endsWith("[dry run]"), high.message());
        Finding dry = ev.findings().find("canary.dry-run").orElseThrow();
        assertEquals("mann-whitney/latency", dry.fact("measurement"));
        assertEquals(Outcome.FAIL, dry.fact("outcome"));
        assertTrue(ev.findings().find("mann-whitney.score.none").isPresent());
        assertFalse(ev.next().counters().containsKey("mann-whitney/latency"));
    }

    @Test
    void directionDecrease_ignoresAnIncrease() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().noLatencyGate()
                .metric(MetricSpec.samples("latency").direction(Direction.DECREASE).build()).build();
        List<Observation> log = traffic(T0, T0.plus(Duration.ofHours(1)), 1000, 0.0, 300, 200, 7);
        CanaryDecision ev = CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), log), at(Duration.ofMinutes(30)));
        assertEquals(StageVerdict.ADVANCE, ev.verdict());
        assertTrue(ev.findings().find("mann-whitney.metric.pass").orElseThrow().message().contains("significant change"));
        CanaryAnalysisConfig either = CanaryAnalysisConfig.custom().noLatencyGate()
                .metric(MetricSpec.samples("latency").direction(Direction.EITHER).build()).build();
        List<Observation> lower = traffic(T0, T0.plus(Duration.ofHours(1)), 1000, 0.0, 100, 200, 8);
        CanaryDecision low = CanaryAnalysis.of(either).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), lower), at(Duration.ofMinutes(30)));
        assertEquals(StageVerdict.ROLLBACK, low.verdict());
        assertTrue(low.findings().find("mann-whitney.metric.low").isPresent());
    }

    @Test
    void allowedIncrease_toleratesASmallSignificantShift() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().noLatencyGate()
                .metric(MetricSpec.samples("latency").allowed(1.2, 0.8).build()).build();
        List<Observation> log = traffic(T0, T0.plus(Duration.ofHours(1)), 1000, 0.0, 220, 200, 9);
        CanaryDecision ev = CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), log), at(Duration.ofMinutes(30)));
        Finding pass = ev.findings().find("mann-whitney.metric.pass").orElseThrow();
        assertTrue((double) pass.fact("lower") > 0, "significant");
        assertTrue((double) pass.fact("meanRatio") < 1.2);
        assertEquals(StageVerdict.ADVANCE, ev.verdict());
    }

    @Test
    void proportionMetric_fisherOrZTestOnErrorCounts() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().metric(MetricSpec.proportion("requests").build()).build();
        List<Observation> log = traffic(T0, T0.plus(Duration.ofHours(1)), 1000, 0.006, 200, 200, 10);
        CanaryDecision ev = CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), log), at(Duration.ofMinutes(30)));
        // 0.6 % errors pass the 1 % gate, but the baseline has none: significantly higher
        Finding high = ev.findings().find("mann-whitney.metric.high").orElseThrow();
        assertEquals(180L, high.fact("canaryBad"));
        assertEquals(0L, high.fact("baselineBad"));
        assertTrue(Double.isNaN((double) high.fact("rateRatio")));
        assertEquals(StageVerdict.ROLLBACK, ev.verdict());
        // equal rates: no change
        List<Observation> same = new ArrayList<>();
        same.add(new Observation.Count(T0, Variant.CANARY, "requests", 5, 1000));
        same.add(new Observation.Count(T0, Variant.BASELINE, "requests", 5, 1000));
        CanaryAnalysisConfig noGates = CanaryAnalysisConfig.from(config).noLatencyGate().healthGate(false).build();
        CanaryDecision ok = CanaryAnalysis.of(noGates).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), same), at(Duration.ofMinutes(30)));
        assertEquals(StageVerdict.ADVANCE, ok.verdict());
        assertEquals(1.0, ok.findings().find("mann-whitney.metric.pass").orElseThrow().fact("rateRatio"));
    }

    @Test
    void noDataStrategies() {
        CanaryAnalysisConfig ignore = CanaryAnalysisConfig.custom().thresholdNoData(NoDataStrategy.IGNORE)
                .metric(MetricSpec.samples("cpu").noData(NoDataStrategy.IGNORE).build()).build();
        List<Observation> requestsOnly = List.of(new Observation.Count(T0, Variant.CANARY, "requests", 0, 1000));
        CanaryDecision ev = CanaryAnalysis.of(ignore).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), requestsOnly), at(Duration.ofMinutes(30)));
        assertEquals(StageVerdict.ADVANCE, ev.verdict());
        assertEquals(Level.INFO, ev.findings().find("threshold.latency.no-data").orElseThrow().level());
        assertEquals(Level.INFO, ev.findings().find("mann-whitney.metric.no-data").orElseThrow().level());

        CanaryAnalysisConfig fail = CanaryAnalysisConfig.custom().thresholdNoData(NoDataStrategy.FAIL).build();
        CanaryDecision failed = CanaryAnalysis.of(fail).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), requestsOnly), at(Duration.ofMinutes(30)));
        assertEquals(StageVerdict.ROLLBACK, failed.verdict());
        assertEquals(Level.FAIL, failed.findings().find("threshold.health.no-data").orElseThrow().level());

        CanaryAnalysisConfig metricFail = CanaryAnalysisConfig.custom().thresholdNoData(NoDataStrategy.IGNORE)
                .metric(MetricSpec.samples("cpu").noData(NoDataStrategy.FAIL).build()).build();
        CanaryDecision mf = CanaryAnalysis.of(metricFail).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), requestsOnly), at(Duration.ofMinutes(30)));
        assertEquals(StageVerdict.ROLLBACK, mf.verdict());
        assertEquals(0.0, mf.findings().find("mann-whitney.score").orElseThrow().fact("score"));
    }

    @Test
    void nanStrategy_replaceWithZeroCountsNans() {
        List<Observation> log = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant t = T0.plus(Duration.ofSeconds(i));
            log.add(new Observation.Sample(t, Variant.CANARY, "cpu", i % 3 != 0 ? Double.NaN : 50 + i % 7));
            log.add(new Observation.Sample(t, Variant.BASELINE, "cpu", 50 + i % 7));
        }
        CanaryAnalysisConfig remove = CanaryAnalysisConfig.custom().thresholdNoData(NoDataStrategy.IGNORE)
                .metric(MetricSpec.samples("cpu").minSamples(5).build()).build();
        CanaryDecision r = CanaryAnalysis.of(remove).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), log), at(Duration.ofMinutes(1)));
        assertEquals(10, r.findings().find("mann-whitney.metric.pass").orElseThrow().fact("canarySamples"));
        CanaryAnalysisConfig zero = CanaryAnalysisConfig.custom().thresholdNoData(NoDataStrategy.IGNORE)
                .metric(MetricSpec.samples("cpu").direction(Direction.EITHER).minSamples(5)
                        .nanStrategy(MetricSpec.NanStrategy.REPLACE_WITH_ZERO).build()).build();
        CanaryDecision z = CanaryAnalysis.of(zero).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), log), at(Duration.ofMinutes(1)));
        Finding low = z.findings().find("mann-whitney.metric.low").orElseThrow();
        assertEquals(30, low.fact("canarySamples"));
    }

    @Test
    void tooFewMetricSamples_holdsEvenIfConfiguredToFail() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().thresholdNoData(NoDataStrategy.IGNORE)
                .metric(MetricSpec.samples("cpu").noData(NoDataStrategy.FAIL).minSamples(50).build()).build();
        List<Observation> log = traffic(T0, T0.plus(Duration.ofMinutes(5)), 1000, 0.0, 200, 200, 11).stream()
                .map(o -> o instanceof Observation.Sample s ? new Observation.Sample(s.at(), s.variant(), "cpu", s.value()) : o)
                .toList();
        CanaryDecision ev = CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), log), at(Duration.ofMinutes(40)));
        assertEquals(StageVerdict.HOLD, ev.verdict());
        Finding f = ev.findings().find("mann-whitney.metric.no-data").orElseThrow();
        assertEquals(25, f.fact("canarySamples"));
        assertTrue(f.message().contains("too few samples"), f.message());
    }

    @Test
    void manualGate_pausesUntilApproved() {
        RolloutPlan gated = RolloutPlan.canary(List.of(RolloutPlan.Stage.of(10, Duration.ofMinutes(10)).gated(),
                new RolloutPlan.Stage(100, Duration.ZERO, 0, false)));
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().noLatencyGate().build();
        List<Observation> log = healthy(T0, T0.plus(Duration.ofHours(1)), 12);
        Rollout r = Rollout.start(gated, CanaryAnalysis.of(config), T0).evaluate(log, at(Duration.ofMinutes(10)));
        assertEquals(StageVerdict.PAUSE, r.verdicts().get(0));
        assertTrue(r.history().get(0).findings().find("canary.pause.gate").isPresent());
        r = r.resume(T0.plus(Duration.ofMinutes(12)), "release-manager");
        r = r.evaluate(log, at(Duration.ofMinutes(13)));
        r = r.evaluate(log, at(Duration.ofMinutes(20)));
        assertEquals(List.of(StageVerdict.PAUSE, StageVerdict.ADVANCE, StageVerdict.PROMOTE), r.verdicts());
        assertEquals(Rollout.Phase.PROMOTED, r.state().phase());
    }

    @Test
    void brokenJudge_isAnErrorMeasurementNotACrash() {
        CanaryJudge broken = new CanaryJudge() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public RuleResult<List<MetricResult>> judge(StageContext context) {
                throw new IllegalStateException("boom");
            }
        };
        CanaryAnalysis analyzer = CanaryAnalysis.of(CanaryAnalysisConfig.custom().judges(List.of("broken")).build(),
                List.of(broken));
        List<Observation> log = healthy(T0, T0.plus(Duration.ofHours(1)), 13);
        CanaryDecision ev = analyzer.evaluate(
                CanaryAnalysis.StageInput.of(PLAN, Rollout.State.start(T0), log), at(Duration.ofMinutes(30)));
        assertEquals(StageVerdict.HOLD, ev.verdict());
        Finding f = ev.findings().find("canary.plugin.error").orElseThrow();
        assertTrue(f.message().contains("boom"), f.message());
        assertEquals("java.lang.IllegalStateException", f.fact("error"));
        assertEquals("broken", f.fact("provider"));
        assertEquals(1, ev.next().counters("broken/judge").consecutiveErrors());
        assertEquals(List.of("broken"), analyzer.judgeIds());
    }
}
