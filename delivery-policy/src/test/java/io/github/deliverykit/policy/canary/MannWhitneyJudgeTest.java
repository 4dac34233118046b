package io.github.deliverykit.policy.canary;

import static io.github.deliverykit.policy.canary.Synthetic.T0;
import static io.github.deliverykit.policy.canary.Synthetic.at;
import static io.github.deliverykit.policy.canary.Synthetic.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.Direction;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.NoDataStrategy;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.internal.BuiltInJudges.MannWhitneyJudge;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MannWhitneyJudgeTest {

    private static CanaryDecision judge(MetricSpec spec, List<Observation> log) {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().judges(List.of(MannWhitneyJudge.ID)).metric(spec).build();
        return CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), log), at(Duration.ofMinutes(30)));
    }

    private static List<Observation> counts(long canaryBad, long canaryTotal, long baselineBad, long baselineTotal) {
        return List.of(new Observation.Count(T0, Variant.CANARY, "requests", canaryBad, canaryTotal),
                new Observation.Count(T0, Variant.BASELINE, "requests", baselineBad, baselineTotal));
    }

    @Test
    void criticalMetric_betweenAllowedAndCritical_failsWithoutCriticality() {
        MetricSpec spec = MetricSpec.samples("latency").critical().allowed(1.1, 1).criticalLimits(2.0, 1).build();
        CanaryDecision ev = judge(spec, traffic(T0, T0.plus(Duration.ofMinutes(30)), 100, 0, 300, 200, 1));
        Finding high = ev.findings().find("mann-whitney.metric.high").orElseThrow();
        assertFalse(high.message().contains("critical"), high.message());
        assertFalse(ev.findings().find("canary.rollback.critical").isPresent());
        assertEquals("mann-whitney/score", ev.findings().find("canary.rollback.failure-limit").orElseThrow()
                .fact("measurement"));
    }

    @Test
    void proportion_criticalIncreaseUsesTheRateRatio() {
        List<Observation> log = counts(50, 1000, 10, 1000);
        CanaryDecision critical = judge(MetricSpec.proportion("requests").critical().criticalLimits(3, 1).build(), log);
        Finding f = critical.findings().find("mann-whitney.metric.high").orElseThrow();
        assertEquals(5.0, f.fact("rateRatio"));
        assertTrue(f.message().endsWith(": critical"), f.message());
        assertTrue(critical.findings().find("canary.rollback.critical").isPresent());
        CanaryDecision notCritical = judge(MetricSpec.proportion("requests").critical().criticalLimits(6, 1).build(), log);
        assertFalse(notCritical.findings().find("canary.rollback.critical").isPresent());
        assertEquals(StageVerdict.ROLLBACK, notCritical.verdict());
    }

    @Test
    void proportion_decreaseAndAllowedEffect() {
        List<Observation> fewer = counts(10, 1000, 50, 1000);
        CanaryDecision low = judge(MetricSpec.proportion("requests").direction(Direction.DECREASE).critical()
                .allowed(1, 0.5).criticalLimits(1, 0.25).build(), fewer);
        Finding f = low.findings().find("mann-whitney.metric.low").orElseThrow();
        assertEquals(0.2, (double) f.fact("rateRatio"), 1e-12);
        assertTrue(low.findings().find("canary.rollback.critical").isPresent());
        CanaryDecision lowNotCritical = judge(MetricSpec.proportion("requests").direction(Direction.DECREASE).critical()
                .allowed(1, 0.5).criticalLimits(1, 0.1).build(), fewer);
        assertFalse(lowNotCritical.findings().find("canary.rollback.critical").isPresent());
        assertTrue(lowNotCritical.findings().find("mann-whitney.metric.low").isPresent());
        // an increase does not count against DECREASE
        CanaryDecision up = judge(MetricSpec.proportion("requests").direction(Direction.DECREASE).build(),
                counts(50, 1000, 10, 1000));
        assertTrue(up.findings().find("mann-whitney.metric.pass").orElseThrow().message().contains("significant change"));
        // significantly higher, but within the allowed ratio
        CanaryDecision within = judge(MetricSpec.proportion("requests").allowed(1.5, 1).build(),
                counts(1200, 100_000, 1000, 100_000));
        Finding pass = within.findings().find("mann-whitney.metric.pass").orElseThrow();
        assertTrue((double) pass.fact("pValue") < 0.02, "significant");
        assertEquals(1.2, (double) pass.fact("rateRatio"), 1e-12);
        assertEquals(StageVerdict.ADVANCE, within.verdict());
        // not significant at all (the power check off: 1,000 requests cannot exclude +1 point)
        CanaryDecision same = judge(MetricSpec.proportion("requests").harmfulIncrease(0).build(), counts(10, 1000, 9, 1000));
        assertTrue(same.findings().find("mann-whitney.metric.pass").orElseThrow().message().endsWith("no significant change"));
    }

    @Test
    void proportion_tooFewEventsHolds() {
        CanaryDecision ev = judge(MetricSpec.proportion("requests").minSamples(500).build(), counts(1, 100, 0, 1000));
        assertEquals(StageVerdict.HOLD, ev.verdict());
        Finding f = ev.findings().find("mann-whitney.metric.no-data").orElseThrow();
        assertEquals(100L, f.fact("canaryEvents"));
        assertTrue(f.message().contains("too few samples"));
        CanaryDecision none = judge(MetricSpec.proportion("errors").noData(NoDataStrategy.IGNORE).build(),
                List.of(new Observation.Count(T0, Variant.CANARY, "requests", 0, 500)));
        assertEquals(StageVerdict.ADVANCE, none.verdict());
    }

    @Test
    void identicalSamples_pass() {
        List<Observation> log = List.of(
                new Observation.Sample(T0, Variant.CANARY, "cpu", 1), new Observation.Sample(T0, Variant.BASELINE, "cpu", 1),
                new Observation.Sample(T0, Variant.CANARY, "cpu", 2), new Observation.Sample(T0, Variant.BASELINE, "cpu", 2),
                new Observation.Count(T0, Variant.CANARY, "requests", 0, 500));
        CanaryDecision ev = judge(MetricSpec.samples("cpu").minSamples(2).build(), log);
        assertTrue(ev.findings().find("mann-whitney.metric.pass").orElseThrow().message().contains("identical"));
        assertEquals(100.0, ev.findings().find("mann-whitney.score").orElseThrow().fact("score"));
    }
}
