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
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CanaryProgressionTest {

    private static final CanaryAnalysisConfig WITH_LATENCY_COMPARISON = CanaryAnalysisConfig.custom()
            .metric(MetricSpec.samples("latency").build()).build();

    @Test
    void seedProgression_endToEnd() {
        RolloutPlan plan = RolloutPlan.canaryDefault();
        CanaryAnalysis analyzer = CanaryAnalysis.of(WITH_LATENCY_COMPARISON);
        List<Observation> log = healthy(T0, T0.plus(Duration.ofHours(4)), 1);
        Rollout r = Rollout.start(plan, analyzer, T0);
        List<String> trace = new ArrayList<>();
        for (int minute = 10; minute <= 240 && !r.state().phase().isTerminal(); minute += 10) {
            r = r.evaluate(log, at(Duration.ofMinutes(minute)));
            Rollout.Event e = r.history().get(r.history().size() - 1);
            trace.add(minute + ":" + e.verdict());
        }
        // 5 % for 30 min, 25 % for 1 h, 50 % for 2 h, then 100 % promoted
        assertEquals(List.of("10:HOLD", "20:HOLD", "30:ADVANCE", "40:HOLD", "50:HOLD", "60:HOLD", "70:HOLD", "80:HOLD",
                "90:ADVANCE", "100:HOLD", "110:HOLD", "120:HOLD", "130:HOLD", "140:HOLD", "150:HOLD", "160:HOLD",
                "170:HOLD", "180:HOLD", "190:HOLD", "200:HOLD", "210:ADVANCE", "220:HOLD", "230:PROMOTE"), trace);
        // at 100 % the P99 still needs its 100 samples (50 after ten minutes)
        assertEquals(50, r.history().get(21).findings().find("threshold.latency.insufficient").orElseThrow()
                .fact("samples"));
        assertEquals(Rollout.Phase.PROMOTED, r.state().phase());
        assertEquals(3, r.state().stageIndex());
        Rollout.Event advance = r.history().get(2);
        Finding stage = advance.findings().find("canary.stage").orElseThrow();
        assertEquals(5.0, stage.fact("weightPercent"));
        assertEquals(Duration.ofMinutes(30), stage.fact("elapsed"));
        Finding rate = advance.findings().find("threshold.error-rate").orElseThrow();
        assertEquals(Level.PASS, rate.level());
        assertEquals(0.005, rate.fact("errorRate"));
        assertEquals(30_000L, rate.fact("requests"));
        assertEquals(Level.PASS, advance.findings().find("threshold.latency").orElseThrow().level());
        assertEquals(Level.PASS, advance.findings().find("threshold.health").orElseThrow().level());
        assertEquals(Level.PASS, advance.findings().find("mann-whitney.metric.pass").orElseThrow().level());
        assertEquals(Level.PASS, advance.findings().find("mann-whitney.score").orElseThrow().level());
        assertEquals(25.0, advance.findings().find("canary.advance").orElseThrow().fact("nextWeightPercent"));
        // holding at 10 minutes says why, with the numbers
        Finding bake = r.history().get(0).findings().find("canary.hold.bake").orElseThrow();
        assertEquals(Duration.ofMinutes(20), bake.fact("remaining"));
    }

    @Test
    void errorRateOf1point2PercentAt25Percent_rollsBack() {
        RolloutPlan plan = RolloutPlan.canaryDefault();
        CanaryAnalysis analyzer = CanaryAnalysis.ofDefaults();
        Instant stage2 = T0.plus(Duration.ofMinutes(30));
        List<Observation> log = new ArrayList<>(healthy(T0, stage2, 2));
        log.addAll(traffic(stage2, stage2.plus(Duration.ofHours(1)), 1000, 0.012, 200, 200, 3));
        Rollout r = Rollout.start(plan, analyzer, T0).evaluate(log, at(Duration.ofMinutes(30)));
        assertEquals(List.of(StageVerdict.ADVANCE), r.verdicts());
        r = r.evaluate(log, at(Duration.ofMinutes(40)));
        assertEquals(StageVerdict.ROLLBACK, r.verdicts().get(1));
        assertEquals(Rollout.Phase.ROLLED_BACK, r.state().phase());
        Rollout.Event e = r.history().get(1);
        Finding rate = e.findings().find("threshold.error-rate").orElseThrow();
        assertEquals(Level.FAIL, rate.level());
        assertEquals(0.012, rate.fact("errorRate"));
        assertEquals(120L, rate.fact("errors"));
        assertEquals(10_000L, rate.fact("requests"));
        assertEquals(2, e.findings().find("canary.stage").orElseThrow().fact("stage"));
        assertEquals(0.01, rate.fact("maxErrorRate"));
        assertEquals("Canary error rate 1.2 % is not below 1 %", rate.message());
        Finding why = e.findings().find("canary.rollback.critical").orElseThrow();
        assertEquals("threshold/error-rate", why.fact("measurement"));
        assertEquals(25.0, e.findings().find("canary.stage").orElseThrow().fact("weightPercent"));
    }

    @Test
    void tooFewSamples_holds() {
        CanaryAnalysis analyzer = CanaryAnalysis.ofDefaults();
        List<Observation> log = traffic(T0, T0.plus(Duration.ofMinutes(31)), 1, 0.0, 200, 200, 4);
        CanaryDecision ev = analyzer.evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), log), at(Duration.ofMinutes(31)));
        assertEquals(StageVerdict.HOLD, ev.verdict());
        Finding evidence = ev.findings().find("canary.hold.evidence").orElseThrow();
        assertEquals(31L, evidence.fact("requests"));
        assertEquals(100L, evidence.fact("minSamples"));
        assertTrue(ev.findings().find("threshold.error-rate.insufficient").isPresent());
        assertFalse(ev.findings().has(Level.FAIL));
        assertEquals(Rollout.Phase.RUNNING, ev.next().phase());
    }

    @Test
    void noDataAtAll_holdsNeverRollsBack() {
        CanaryAnalysis analyzer = CanaryAnalysis.of(WITH_LATENCY_COMPARISON);
        CanaryDecision ev = analyzer.evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), List.of()), at(Duration.ofHours(5)));
        assertEquals(StageVerdict.HOLD, ev.verdict());
        assertTrue(ev.findings().find("threshold.error-rate.no-data").isPresent());
        assertTrue(ev.findings().find("mann-whitney.metric.no-data").isPresent());
        assertFalse(ev.findings().has(Level.FAIL));
    }

    @Test
    void criticalMetricBreachAt5Percent_rollsBackImmediately() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom()
                .metric(MetricSpec.samples("latency").critical().criticalLimits(1.2, 1.0).build()).build();
        CanaryAnalysis analyzer = CanaryAnalysis.of(config);
        // canary latency 2x the baseline (still under the 500 ms gate), ten minutes into a 30-minute bake
        List<Observation> log = traffic(T0, T0.plus(Duration.ofMinutes(10)), 100, 0.0, 400, 200, 5);
        Rollout r = Rollout.start(RolloutPlan.canaryDefault(), analyzer, T0).evaluate(log, at(Duration.ofMinutes(10)));
        assertEquals(List.of(StageVerdict.ROLLBACK), r.verdicts());
        Rollout.Event e = r.history().get(0);
        Finding high = e.findings().find("mann-whitney.metric.high").orElseThrow();
        assertTrue(high.message().contains("critical"), high.message());
        assertTrue((double) high.fact("lower") > 0);
        assertTrue((double) high.fact("meanRatio") > 1.8);
        assertEquals("mann-whitney/latency", e.findings().find("canary.rollback.critical").orElseThrow().fact("measurement"));
        Finding score = e.findings().find("mann-whitney.score").orElseThrow();
        assertEquals(0.0, score.fact("score"));
        assertEquals(5.0, e.findings().find("canary.stage").orElseThrow().fact("weightPercent"));
        // the bake time had not elapsed, and it did not matter
        Finding stage = e.findings().find("canary.stage").orElseThrow();
        assertEquals(Duration.ofMinutes(10), stage.fact("elapsed"));
        assertEquals(Duration.ofMinutes(30), stage.fact("bakeTime"));
        assertFalse(e.findings().find("canary.hold.bake").isPresent());
    }

    @Test
    void failedHealthCheckAt5Percent_rollsBack() {
        List<Observation> log = new ArrayList<>(healthy(T0, T0.plus(Duration.ofMinutes(5)), 6));
        log.add(new Observation.Health(T0.plus(Duration.ofMinutes(3)), "liveness", false));
        CanaryDecision ev = CanaryAnalysis.ofDefaults().evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), log), at(Duration.ofMinutes(5)));
        assertEquals(StageVerdict.ROLLBACK, ev.verdict());
        Finding f = ev.findings().filter(x -> x.code().equals("threshold.health") && x.level() == Level.FAIL)
                .list().get(0);
        assertEquals("liveness", f.fact("check"));
        assertEquals(1L, f.fact("failed"));
    }

    @Test
    void p99AboveThreshold_rollsBackWithTheQuantile() {
        List<Observation> log = traffic(T0, T0.plus(Duration.ofMinutes(30)), 100, 0.0, 600, 200, 7);
        CanaryDecision ev = CanaryAnalysis.ofDefaults().evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), log), at(Duration.ofMinutes(30)));
        assertEquals(StageVerdict.ROLLBACK, ev.verdict());
        Finding f = ev.findings().find("threshold.latency").orElseThrow();
        assertEquals(Level.FAIL, f.level());
        assertEquals(150, f.fact("samples"));
        assertTrue(ev.metric("threshold", "latency").orElseThrow().value() >= 500);
        assertEquals(f.fact("value"), ev.metric("threshold", "latency").orElseThrow().value());
        assertTrue(f.message().startsWith("Canary P99 latency "), f.message());
    }

    @Test
    void errorsAlreadyBreachingTheMinimum_failEarly() {
        RolloutPlan plan = RolloutPlan.canary(List.of(RolloutPlan.Stage.of(5, Duration.ofMinutes(30)).withMinSamples(1000),
                RolloutPlan.Stage.of(100, Duration.ZERO)));
        List<Observation> log = List.of(new Observation.Count(T0, Variant.CANARY, "requests", 10, 100));
        CanaryDecision ev = CanaryAnalysis.ofDefaults().evaluate(
                CanaryAnalysis.StageInput.of(plan, Rollout.State.start(T0), log), at(Duration.ofMinutes(1)));
        assertEquals(StageVerdict.ROLLBACK, ev.verdict());
        assertEquals("Canary errors (10) already breach 1 % of the 1000-request minimum",
                ev.findings().find("threshold.error-rate").orElseThrow().message());
        List<Observation> nine = List.of(new Observation.Count(T0, Variant.CANARY, "requests", 9, 100));
        assertEquals(StageVerdict.HOLD, CanaryAnalysis.ofDefaults().evaluate(
                CanaryAnalysis.StageInput.of(plan, Rollout.State.start(T0), nine), at(Duration.ofMinutes(1))).verdict());
    }

    @Test
    void errorRateExactlyAtTheGate_fails() {
        List<Observation> log = List.of(new Observation.Count(T0, Variant.CANARY, "requests", 10, 1000));
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().noLatencyGate().healthGate(false).build();
        CanaryDecision ev = CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), log), at(Duration.ofMinutes(40)));
        assertEquals(StageVerdict.ROLLBACK, ev.verdict());
        List<Observation> below = List.of(new Observation.Count(T0, Variant.CANARY, "requests", 9, 1000));
        assertEquals(StageVerdict.ADVANCE, CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), below), at(Duration.ofMinutes(40))).verdict());
    }
}
