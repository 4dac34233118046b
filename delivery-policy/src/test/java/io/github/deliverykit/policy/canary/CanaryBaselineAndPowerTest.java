package io.github.deliverykit.policy.canary;

import static io.github.deliverykit.policy.canary.Synthetic.T0;
import static io.github.deliverykit.policy.canary.Synthetic.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.BaselineBreach;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.Direction;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The threshold judge's absolute gates against a baseline that breaches them too, and the compared
 * judges' power check: a comparison too weak to see the configured harmful change holds, never passes.
 */
final class CanaryBaselineAndPowerTest {

    /** 100 latency samples per variant, {@code canarySlow} / {@code baselineSlow} of them at 800 ms, the rest 100-199 ms. */
    private static List<Observation> latency(int canarySlow, int baselineSlow) {
        List<Observation> log = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            log.add(new Observation.Sample(T0.plusSeconds(i), Variant.CANARY, "latency", i < canarySlow ? 800 : 100 + i));
            log.add(new Observation.Sample(T0.plusSeconds(i), Variant.BASELINE, "latency", i < baselineSlow ? 800 : 100 + i));
        }
        log.add(new Observation.Count(T0, Variant.CANARY, "requests", 0, 1000));
        log.add(new Observation.Count(T0, Variant.BASELINE, "requests", 0, 1000));
        return log;
    }

    private static CanaryDecision judge(CanaryAnalysisConfig config, List<Observation> log) {
        return CanaryAnalysis.of(config).evaluate(CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(),
                Rollout.State.start(T0), log), at(Duration.ofMinutes(40)));
    }

    private static CanaryAnalysisConfig threshold(BaselineBreach strategy) {
        return CanaryAnalysisConfig.custom().judges(List.of("threshold")).healthGate(false).baselineBreach(strategy).build();
    }

    @Test
    void default_holdsUnlessWorse() {
        assertEquals(BaselineBreach.HOLD_UNLESS_WORSE, CanaryAnalysisConfig.ofDefaults().baselineBreach());
        assertEquals(CanaryAnalysisConfig.DEFAULT_BASELINE_BREACH, CanaryAnalysisConfig.ofDefaults().baselineBreach());
        assertEquals(BaselineBreach.FAIL,
                CanaryAnalysisConfig.from(threshold(BaselineBreach.FAIL)).build().baselineBreach());
        assertThrows(IllegalArgumentException.class, () -> CanaryAnalysisConfig.custom().baselineBreach(null));
    }

    @Test
    void latency_baselineBreachesToo_holdsWithItsFinding() {
        CanaryDecision d = judge(threshold(BaselineBreach.HOLD_UNLESS_WORSE), latency(3, 2));
        assertEquals(StageVerdict.HOLD, d.verdict(), d.toText());
        assertEquals(Outcome.NO_DATA, d.metric("threshold", "latency").orElseThrow().outcome());
        Finding f = d.findings().find("threshold.latency.baseline-breach").orElseThrow();
        assertEquals(Level.WARN, f.level());
        assertEquals(800.0, f.fact("value"));
        assertEquals(800.0, f.fact("baselineValue"));
        assertEquals(3L, f.fact("canaryBeyond"));
        assertEquals(2L, f.fact("baselineBeyond"));
        assertTrue((double) f.fact("worseThanBaselinePValue") > 0.02, f.toText());
        assertTrue(f.message().contains("the baseline's 800 breaches the gate too"), f.message());
        // the same data under the other strategies
        assertEquals(StageVerdict.HOLD, judge(threshold(BaselineBreach.HOLD_IF_BASELINE_BREACHES), latency(3, 2)).verdict());
        CanaryDecision failed = judge(threshold(BaselineBreach.FAIL), latency(3, 2));
        assertEquals(StageVerdict.ROLLBACK, failed.verdict());
        assertTrue(failed.findings().find("threshold.latency.baseline-breach").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HOLD_UNLESS_WORSE", "HOLD_IF_BASELINE_BREACHES", "FAIL"})
    void latency_significantlyWorseThanABreachingBaseline_fails(String strategy) {
        CanaryDecision d = judge(threshold(BaselineBreach.valueOf(strategy)), latency(12, 2));
        assertEquals(StageVerdict.ROLLBACK, d.verdict(), d.toText());
        assertEquals(Outcome.FAIL, d.metric("threshold", "latency").orElseThrow().outcome());
        Finding f = d.findings().find("threshold.latency").orElseThrow();
        assertEquals(Level.FAIL, f.level());
    }

    @Test
    void latency_breachWhileTheBaselineMeetsTheGate_failsUnlessNotWorse() {
        // 2 slow canary samples put its P99 at 800 ms; the baseline's is 199 ms
        CanaryDecision strict = judge(threshold(BaselineBreach.HOLD_IF_BASELINE_BREACHES), latency(2, 0));
        assertEquals(StageVerdict.ROLLBACK, strict.verdict(), strict.toText());
        CanaryDecision lenient = judge(threshold(BaselineBreach.HOLD_UNLESS_WORSE), latency(2, 0));
        assertEquals(StageVerdict.HOLD, lenient.verdict(), lenient.toText());
        Finding f = lenient.findings().find("threshold.latency.not-worse").orElseThrow();
        assertEquals(198.0, f.fact("baselineValue"));
        assertTrue(f.message().contains("the baseline's 198 is as high within chance"), f.message());
        // clearly worse: 10 against 0 fails under every strategy
        assertEquals(StageVerdict.ROLLBACK, judge(threshold(BaselineBreach.HOLD_UNLESS_WORSE), latency(10, 0)).verdict());
    }

    @Test
    void latency_withoutBaseline_failsOnTheCanaryAlone() {
        List<Observation> log = new ArrayList<>(latency(3, 0));
        log.removeIf(o -> o instanceof Observation.Sample s && s.variant() == Variant.BASELINE);
        assertEquals(StageVerdict.ROLLBACK, judge(threshold(BaselineBreach.HOLD_UNLESS_WORSE), log).verdict());
    }

    private static List<Observation> errors(long canaryBad, long baselineBad, long requests) {
        return List.of(new Observation.Count(T0, Variant.CANARY, "requests", canaryBad, requests),
                new Observation.Count(T0, Variant.BASELINE, "requests", baselineBad, requests));
    }

    private static CanaryAnalysisConfig errorGate(BaselineBreach strategy) {
        return CanaryAnalysisConfig.custom().judges(List.of("threshold")).healthGate(false).noLatencyGate()
                .baselineBreach(strategy).build();
    }

    @Test
    void errorRate_baselineBreachesToo_holds_andWorseFails() {
        CanaryDecision held = judge(errorGate(BaselineBreach.HOLD_UNLESS_WORSE), errors(20, 18, 1000));
        assertEquals(StageVerdict.HOLD, held.verdict(), held.toText());
        Finding f = held.findings().find("threshold.error-rate.baseline-breach").orElseThrow();
        assertEquals(18L, f.fact("baselineErrors"));
        assertEquals(0.018, f.fact("baselineErrorRate"));
        assertTrue(f.message().contains("the baseline's 1.8 % breaches the gate too"), f.message());
        assertEquals(StageVerdict.ROLLBACK, judge(errorGate(BaselineBreach.FAIL), errors(20, 18, 1000)).verdict());
        assertEquals(StageVerdict.ROLLBACK, judge(errorGate(BaselineBreach.HOLD_UNLESS_WORSE), errors(50, 15, 1000)).verdict());
        // the baseline meets the gate: strict fails, the default holds as not worse (12 against 8)
        assertEquals(StageVerdict.ROLLBACK, judge(errorGate(BaselineBreach.HOLD_IF_BASELINE_BREACHES), errors(12, 8, 1000))
                .verdict());
        CanaryDecision notWorse = judge(errorGate(BaselineBreach.HOLD_UNLESS_WORSE), errors(12, 8, 1000));
        assertEquals(StageVerdict.HOLD, notWorse.verdict(), notWorse.toText());
        assertTrue(notWorse.findings().find("threshold.error-rate.not-worse").orElseThrow().message()
                .contains("the baseline's 0.8 % is as high within chance"));
        // a baseline with fewer requests than the gate needs is no comparison
        assertEquals(StageVerdict.ROLLBACK, judge(errorGate(BaselineBreach.HOLD_UNLESS_WORSE),
                List.of(new Observation.Count(T0, Variant.CANARY, "requests", 20, 1000),
                        new Observation.Count(T0, Variant.BASELINE, "requests", 1, 50))).verdict());
    }

    private static CanaryAnalysisConfig compared(String judge, MetricSpec spec) {
        return CanaryAnalysisConfig.custom().judges(List.of(judge)).metric(spec).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mann-whitney", "distribution"})
    void proportion_tooFewEventsToSeeTheHarm_holds(String judge) {
        // 4 canary errors against none in 1,000 requests: not significant, and 1,000 requests cannot exclude +1 point
        CanaryDecision d = judge(compared(judge, MetricSpec.proportion("requests").build()), errors(4, 0, 1000));
        assertEquals(StageVerdict.HOLD, d.verdict(), d.toText());
        assertEquals(Outcome.NO_DATA, d.metric(judge, "requests").orElseThrow().outcome());
        Finding f = d.findings().find(judge + ".metric.underpowered").orElseThrow();
        assertEquals(Level.WARN, f.level());
        assertEquals(1000L, f.fact("canaryEvents"));
        assertEquals(1000L, f.fact("baselineEvents"));
        assertEquals(MetricSpec.DEFAULT_HARMFUL_RATE_INCREASE, f.fact("harmfulIncrease"));
        assertTrue((double) f.fact("detectableChange") > 0.01, f.toText());
        if (judge.equals("mann-whitney")) {
            // the canary's one-sided 98 % Clopper-Pearson bound of 4 in 1,000 (SciPy: beta.ppf(.98, 5, 996))
            assertEquals(0.0105456172921368, (double) f.fact("detectableChange"), 1e-9);
            assertTrue(f.message().contains("the data leave 1.05 percentage points of the bad share open, the judge must"
                    + " see 1: holding"), f.message());
        }
        MetricSpec either = MetricSpec.proportion("requests").direction(Direction.EITHER).build();
        assertEquals(StageVerdict.HOLD, judge(compared(judge, either), errors(4, 0, 1000)).verdict());
        // the check off: the same data pass
        assertEquals(StageVerdict.ADVANCE, judge(compared(judge, MetricSpec.proportion("requests").harmfulIncrease(0).build()),
                errors(4, 0, 1000)).verdict());
        // enough events: 100,000 requests at 0.2 % each exclude +1 point and pass
        CanaryDecision big = judge(compared(judge, MetricSpec.proportion("requests").build()), errors(200, 200, 100_000));
        assertEquals(StageVerdict.ADVANCE, big.verdict(), big.toText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mann-whitney", "distribution"})
    void proportion_decrease_usesTheLowerBound(String judge) {
        MetricSpec success = MetricSpec.proportion("requests").direction(Direction.DECREASE).build();
        CanaryDecision d = judge(compared(judge, success), errors(0, 4, 1000));
        assertEquals(StageVerdict.HOLD, d.verdict(), d.toText());
        assertTrue(d.findings().find(judge + ".metric.underpowered").isPresent());
        MetricSpec either = MetricSpec.proportion("requests").direction(Direction.EITHER).build();
        assertEquals(StageVerdict.ADVANCE, judge(compared(judge, either), errors(200, 200, 100_000)).verdict());
    }

    /** 30 samples per variant, alike and so spread out that a 50 % shift cannot be excluded. */
    @ParameterizedTest
    @ValueSource(strings = {"mann-whitney", "distribution"})
    void samples_tooNoisyToSeeTheHarm_hold(String judge) {
        List<Observation> log = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double z = (i - 14.5) / 14.5;
            log.add(new Observation.Sample(T0.plusSeconds(i), Variant.CANARY, "latency", 101 + 300 * z));
            log.add(new Observation.Sample(T0.plusSeconds(i), Variant.BASELINE, "latency", 100 + 300 * z));
        }
        MetricSpec latency = MetricSpec.samples("latency").build();
        CanaryDecision d = judge(CanaryAnalysisConfig.custom().judges(List.of(judge)).metric(latency).build(), log);
        Finding f = d.findings().find(judge + ".metric.underpowered").orElseThrow(() -> new AssertionError(d.toText()));
        assertEquals(30L, f.fact("canarySamples"));
        assertEquals(MetricSpec.DEFAULT_HARMFUL_SHIFT, f.fact("harmfulIncrease"));
        assertTrue((double) f.fact("detectableChange") > 0.5, f.toText());
        assertTrue(f.message().contains("% of the baseline median open, the judge must see 50: holding"), f.message());
        assertTrue(d.verdict() != StageVerdict.ADVANCE, d.toText());
    }

    @Test
    void harmfulIncrease_isValidated() {
        assertThrows(IllegalArgumentException.class, () -> MetricSpec.proportion("r").harmfulIncrease(-0.1).build());
        assertThrows(IllegalArgumentException.class, () -> MetricSpec.proportion("r").harmfulIncrease(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> MetricSpec.proportion("r").harmfulIncrease(1.5).build());
        assertThrows(IllegalArgumentException.class,
                () -> MetricSpec.samples("l").harmfulIncrease(Double.POSITIVE_INFINITY).build());
        assertEquals(1.5, MetricSpec.samples("l").harmfulIncrease(1.5).build().harmfulIncrease());
        assertEquals(1.0, MetricSpec.proportion("r").harmfulIncrease(1).build().harmfulIncrease());
        assertEquals(MetricSpec.DEFAULT_HARMFUL_SHIFT, MetricSpec.samples("l").build().harmfulIncrease());
    }
}
