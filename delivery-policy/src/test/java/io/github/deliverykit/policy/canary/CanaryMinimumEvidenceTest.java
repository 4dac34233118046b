package io.github.deliverykit.policy.canary;

import static io.github.deliverykit.policy.canary.Synthetic.T0;
import static io.github.deliverykit.policy.canary.Synthetic.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.metrics.evidence.EvidenceCheck;
import io.github.deliverykit.metrics.evidence.MinimumEvidence;
import io.github.deliverykit.metrics.evidence.MinimumEvidence.BelowMinimum;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The error-rate gate on the minimum-evidence rule set it shares with the SLO alerts. */
final class CanaryMinimumEvidenceTest {

    private static final MinimumEvidence EXACT = MinimumEvidence.custom().belowMinimum(BelowMinimum.EXACT_TEST).build();

    private static CanaryAnalysisConfig.Builder gateOnly() {
        return CanaryAnalysisConfig.custom().noLatencyGate().healthGate(false).judges(List.of("threshold"));
    }

    private static CanaryDecision judge(CanaryAnalysisConfig config, RolloutPlan plan, long errors, long requests) {
        List<Observation> log = List.of(new Observation.Count(T0, Variant.CANARY, "requests", errors, requests));
        return CanaryAnalysis.of(config).evaluate(CanaryAnalysis.StageInput.of(plan, Rollout.State.start(T0), log),
                at(Duration.ofMinutes(40)));
    }

    private static RolloutPlan minimum(long minSamples) {
        return RolloutPlan.canary(List.of(RolloutPlan.Stage.of(5, Duration.ofMinutes(30)).withMinSamples(minSamples),
                RolloutPlan.Stage.of(100, Duration.ZERO)));
    }

    @Test
    void defaults_areTheAlertsRuleSet_andKeepTheSeed() {
        assertSame(MinimumEvidence.ofDefaults(), CanaryAnalysisConfig.ofDefaults().evidence());
        assertSame(MinimumEvidence.ofDefaults(), CanaryAnalysisConfig.DEFAULT_EVIDENCE);
        // the seed: 1 % gate, 100-request stages: 100 requests with 0 errors advance
        assertEquals(StageVerdict.ADVANCE, judge(gateOnly().build(), RolloutPlan.canaryDefault(), 0, 100).verdict());
        assertEquals(StageVerdict.HOLD, judge(gateOnly().build(), RolloutPlan.canaryDefault(), 0, 99).verdict());
    }

    @Test
    void aStrictGate_needsOneExpectedError_beforeItPasses() {
        CanaryAnalysisConfig config = gateOnly().maxErrorRate(0.001).build();
        // 0.1 % gate: 500 clean requests expect 0.5 errors, too few to tell; 1,000 expect 1
        CanaryDecision early = judge(config, RolloutPlan.canaryDefault(), 0, 500);
        assertEquals(StageVerdict.HOLD, early.verdict());
        Finding f = early.findings().find("threshold.error-rate.insufficient").orElseThrow();
        assertEquals(Level.WARN, f.level());
        assertEquals(1000L, f.fact("requiredEvents"));
        assertEquals(0.5, f.fact("expectedErrors"));
        assertEquals(100L, f.fact("minSamples"));
        assertEquals("Only 500 of 1000 canary requests observed (1 expected errors at 0.1 % need 1000): holding", f.message());
        assertEquals(CanaryDecision.class, early.getClass());
        assertEquals(StageVerdict.ADVANCE, judge(config, RolloutPlan.canaryDefault(), 0, 1000).verdict());
        // a rule set that asks for no expected errors keeps the stage's own 100
        CanaryAnalysisConfig loose = CanaryAnalysisConfig.from(config)
                .evidence(MinimumEvidence.custom().minExpectedErrors(0).build()).build();
        assertEquals(StageVerdict.ADVANCE, judge(loose, RolloutPlan.canaryDefault(), 0, 500).verdict());
    }

    @Test
    void theRuleSetsFloor_raisesAStageWithAFewRequests() {
        RolloutPlan tiny = minimum(1);
        assertEquals(StageVerdict.HOLD, judge(gateOnly().build(), tiny, 0, 10).verdict());
        CanaryAnalysisConfig floorless = gateOnly().evidence(MinimumEvidence.custom().minEvents(0).minExpectedErrors(0).build())
                .build();
        assertEquals(StageVerdict.ADVANCE, judge(floorless, tiny, 0, 10).verdict());
    }

    @Test
    void holdMode_failsOnlyACertainBreach_exactMode_onlyASignificantOne() {
        RolloutPlan plan = minimum(1000);
        CanaryAnalysisConfig hold = gateOnly().build();
        CanaryAnalysisConfig exact = gateOnly().evidence(EXACT).build();
        // 9 of 100 at a 1 % gate with a 1,000-request minimum: the seed holds, the exact test (p = 8.4e-7) fails
        assertEquals(StageVerdict.HOLD, judge(hold, plan, 9, 100).verdict());
        CanaryDecision nine = judge(exact, plan, 9, 100);
        assertEquals(StageVerdict.ROLLBACK, nine.verdict());
        Finding f = nine.findings().find("threshold.error-rate").orElseThrow();
        assertEquals(Level.FAIL, f.level());
        assertTrue(f.message().startsWith("Canary errors (9 of 100) are significantly above 1 % (exact binomial p = 8.4e-07)"),
                f.message());
        assertEquals(EvidenceCheck.Status.BREACH_SIGNIFICANT, f.fact("evidence"));
        assertEquals(1000L, f.fact("requiredEvents"));
        // 2 of 100: p = 0.264, both hold
        assertEquals(StageVerdict.HOLD, judge(exact, plan, 2, 100).verdict());
        assertEquals(StageVerdict.HOLD, judge(hold, plan, 2, 100).verdict());
        // 10 of 100 breach the 1,000-request minimum with certainty
        CanaryDecision ten = judge(hold, plan, 10, 100);
        assertEquals(StageVerdict.ROLLBACK, ten.verdict());
        assertEquals(EvidenceCheck.Status.BREACH_CERTAIN, ten.findings().find("threshold.error-rate").orElseThrow()
                .fact("evidence"));
        // 1 error in 3 requests of a 100-request stage: certain (1 >= 1 % of 100), not significant
        // (p = 0.0297): one bad request holds the canary in both modes, it does not roll it back
        assertEquals(StageVerdict.HOLD, judge(hold, RolloutPlan.canaryDefault(), 1, 3).verdict());
        assertEquals(StageVerdict.HOLD, judge(exact, RolloutPlan.canaryDefault(), 1, 3).verdict());
        // 1 in 2: p = 0.0199 < 0.02, certain and significant
        assertEquals(StageVerdict.ROLLBACK, judge(exact, RolloutPlan.canaryDefault(), 1, 2).verdict());
        assertEquals(StageVerdict.ROLLBACK, judge(hold, RolloutPlan.canaryDefault(), 1, 2).verdict());
        // with enough requests the seed's point gate decides in both modes
        assertEquals(StageVerdict.ROLLBACK, judge(exact, RolloutPlan.canaryDefault(), 10, 1000).verdict());
        assertEquals(StageVerdict.ADVANCE, judge(exact, RolloutPlan.canaryDefault(), 9, 1000).verdict());
    }

    @Test
    void noTraffic_neverAdvances() {
        for (MinimumEvidence m : List.of(MinimumEvidence.ofDefaults(), EXACT)) {
            CanaryDecision d = CanaryAnalysis.of(gateOnly().evidence(m).build()).evaluate(
                    CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), List.of()),
                    at(Duration.ofHours(3)));
            assertEquals(StageVerdict.HOLD, d.verdict());
            assertTrue(d.findings().find("threshold.error-rate.no-data").isPresent());
        }
    }

    @Test
    void config_copiesAndValidatesTheRuleSet() {
        CanaryAnalysisConfig c = gateOnly().evidence(EXACT).build();
        assertSame(EXACT, c.evidence());
        assertSame(EXACT, CanaryAnalysisConfig.from(c).build().evidence());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CanaryAnalysisConfig.custom().evidence(null));
        assertTrue(e.getMessage().contains("evidence must not be null"), e.getMessage());
    }

    @Property(tries = 200)
    void belowTheMinimum_neverPasses(@ForAll @IntRange(min = 1, max = 999) int requests,
            @ForAll @IntRange(min = 0, max = 999) int errors0, @ForAll boolean exact) {
        int errors = errors0 % (requests + 1);
        CanaryAnalysisConfig config = gateOnly().evidence(exact ? EXACT : MinimumEvidence.ofDefaults()).build();
        CanaryDecision d = judge(config, minimum(1000), errors, requests);
        assertFalse(d.verdict() == StageVerdict.ADVANCE || d.verdict() == StageVerdict.PROMOTE, d.verdict()::toString);
        // and a rollback below the minimum is always backed by an error rate at the gate or above
        if (d.verdict() == StageVerdict.ROLLBACK) {
            assertTrue(errors >= 0.01 * requests, () -> errors + "/" + requests);
        }
    }
}
