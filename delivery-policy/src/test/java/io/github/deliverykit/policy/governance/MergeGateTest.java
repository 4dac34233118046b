package io.github.deliverykit.policy.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.CiRun.Outcome;
import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.policy.governance.MergeGateConfig.AutoApprovalCriterion;
import io.github.deliverykit.policy.governance.MergeGateConfig.AutoApprovalCriterion.Source;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MergeGateTest {

    static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);

    static MergeGate.Input pr(List<CiRun> checks, List<String> violations, int rounds, List<String> paths) {
        PullRequest pr = new PullRequest("PR-7", "acme/checkout", "payments", "agent-1", AT, null, null, paths);
        return MergeGate.Input.of(pr, checks, violations, rounds);
    }

    static CiRun check(String name, Outcome outcome) {
        return CiRun.check("PR-7", name, outcome, AT);
    }

    static final MergeGate DEFAULTS = MergeGate.of(MergeGateConfig.ofDefaults());

    static final List<CiRun> GREEN = List.of(check("unit-tests", Outcome.PASSED),
            check("security-scan", Outcome.PASSED));

    @Test
    void evaluate_green_autoMerges() {
        MergeDecision d = DEFAULTS.evaluate(pr(GREEN, List.of(), 2, List.of("src/App.java")), CLOCK);
        assertEquals(MergeDecision.Verdict.AUTO_MERGE, d.verdict());
        assertTrue(d.green());
        assertEquals(List.of("merge.checks.passed", "merge.policy.satisfied", "merge.ci_rounds.within", "merge.green"),
                d.findings().codes());
        assertEquals(MergeDecision.Verdict.AUTO_MERGE, d.toDecision().verdict());
    }

    @Test
    void evaluate_moreThanTwoCiRounds_flagged() {
        MergeDecision d = DEFAULTS.evaluate(pr(GREEN, List.of(), 3, List.of()), CLOCK);
        assertEquals(MergeDecision.Verdict.FLAGGED, d.verdict());
        assertFalse(d.green());
        assertEquals("Took 3 CI rounds (max 2): flagged for investigation",
                d.findings().find("merge.ci_rounds.exceeded").orElseThrow().message());
        assertEquals(2, DEFAULTS.config().maxCiRounds());
        MergeDecision flaggedAndBlocked = DEFAULTS.evaluate(pr(GREEN, List.of("x"), 3, List.of()), CLOCK);
        assertEquals(MergeDecision.Verdict.BLOCKED, flaggedAndBlocked.verdict());
        assertEquals(MergeDecision.Verdict.AUTO_MERGE, MergeGate.of(MergeGateConfig.custom().maxCiRounds(3).build())
                .evaluate(pr(GREEN, List.of(), 3, List.of()), CLOCK).verdict());
    }

    @Test
    void evaluate_failedCheckOrPolicyViolation_blocks() {
        MergeDecision failed = DEFAULTS.evaluate(pr(List.of(check("unit-tests", Outcome.FAILED),
                check("lint", Outcome.PENDING)), List.of(), 1, List.of()), CLOCK);
        assertEquals(MergeDecision.Verdict.BLOCKED, failed.verdict());
        assertEquals(List.of("unit-tests"), failed.findings().find("merge.checks.failed").orElseThrow().fact("failed"));
        assertEquals(List.of("unit-tests"), failed.failedChecks());
        MergeDecision violated = DEFAULTS.evaluate(pr(GREEN, List.of("licence.gpl"), 1, List.of()), CLOCK);
        assertEquals(MergeDecision.Verdict.BLOCKED, violated.verdict());
        assertEquals(Level.FAIL, violated.findings().find("merge.policy.violated").orElseThrow().level());
    }

    @Test
    void evaluate_rerunReportedLaterWins() {
        MergeDecision d = DEFAULTS.evaluate(pr(List.of(check("unit-tests", Outcome.FAILED),
                check("unit-tests", Outcome.PASSED)), List.of(), 2, List.of()), CLOCK);
        assertEquals(MergeDecision.Verdict.AUTO_MERGE, d.verdict());
    }

    @Test
    void evaluate_pendingOrMissingRequiredCheck_waits() {
        MergeDecision pending = DEFAULTS.evaluate(pr(List.of(check("unit-tests",
                Outcome.PENDING)), List.of(), 1, List.of()), CLOCK);
        assertEquals(MergeDecision.Verdict.WAIT, pending.verdict());
        MergeGate policy = MergeGate.of(MergeGateConfig.custom()
                .autoApprovalCriterion(AutoApprovalCriterion.of("unit-tests", Source.CI_CHECK))
                .autoApprovalCriterion(AutoApprovalCriterion.of("coverage", Source.COVERAGE)).build());
        MergeDecision missing = policy.evaluate(pr(GREEN, List.of(), 1, List.of()), CLOCK);
        assertEquals(MergeDecision.Verdict.WAIT, missing.verdict());
        assertEquals(List.of("coverage"), missing.findings().find("merge.checks.pending").orElseThrow().fact("pending"));
        assertEquals(List.of("coverage"), missing.pendingChecks());
        assertEquals(2, policy.config().criteria().size());
        MergeDecision none = DEFAULTS.evaluate(pr(List.of(), List.of(), 0, List.of()), CLOCK);
        assertEquals(MergeDecision.Verdict.FLAGGED, none.verdict());
    }

    @Test
    void evaluate_protectedPath_flagged() {
        MergeGate policy = MergeGate.of(MergeGateConfig.custom().protectedPath("infra/**").protectedPath(".github/workflows/*.yml")
                .build());
        MergeDecision d = policy.evaluate(pr(GREEN, List.of(), 1, List.of("src/a.java", "infra/prod/main.tf",
                ".github/workflows/ci.yml", ".github/workflows/sub/x.yml")), CLOCK);
        assertEquals(MergeDecision.Verdict.FLAGGED, d.verdict());
        assertEquals(List.of("infra/prod/main.tf", ".github/workflows/ci.yml"),
                d.findings().find("merge.paths.protected").orElseThrow().fact("paths"));
        assertEquals(MergeDecision.Verdict.AUTO_MERGE, policy.evaluate(pr(GREEN, List.of(), 1, List.of("infrastructure.md")), CLOCK)
                .verdict());
        MergeGate trailing = MergeGate.of(MergeGateConfig.custom().protectedPath("docs/*").protectedPath("a?c").build());
        assertEquals(List.of("docs/x.md", "abc"), trailing.evaluate(pr(GREEN, List.of(), 1,
                List.of("docs/x.md", "docs/sub/y.md", "abc", "abbc", "a/c")), CLOCK).findings().find("merge.paths.protected")
                .orElseThrow().fact("paths"));
        assertEquals(MergeDecision.Verdict.AUTO_MERGE, trailing.evaluate(pr(GREEN, List.of(), 1, List.of("docs")), CLOCK).verdict());
    }

    @Test
    void autoApproval_restingOnBenchmarkScores_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MergeGateConfig.custom()
                .autoApprovalCriterion(AutoApprovalCriterion.of("swe-bench", Source.BENCHMARK_SCORE)));
        assertTrue(e.getMessage().contains("benchmark"), e.getMessage());
        Findings review = MergeGateConfig.reviewCriteria(List.of(AutoApprovalCriterion.of("tests", Source.CI_CHECK),
                AutoApprovalCriterion.of("swe-bench", Source.BENCHMARK_SCORE)));
        assertEquals(List.of("merge.auto_approval.benchmark_score"), review.codes());
        assertEquals(Level.FAIL, review.worst());
        assertEquals("swe-bench", review.list().get(0).fact("check"));
        assertEquals(List.of("merge.auto_approval.criteria_sound"), MergeGateConfig.reviewCriteria(
                List.of(AutoApprovalCriterion.of("tests", Source.CI_CHECK))).codes());
    }

    @Test
    void evaluate_ciRoundsDerivedFromRuns_saysSo() {
        PullRequest pr = new PullRequest("PR-8", "acme/checkout", "payments", "agent-1", AT, null, null,
                List.of("src/App.java"));
        List<CiRun> runs = List.of(CiRun.check("PR-8", "unit-tests", Outcome.FAILED, AT),
                CiRun.check("PR-8", "unit-tests", Outcome.FAILED, AT.plusSeconds(600)),
                CiRun.check("PR-8", "unit-tests", Outcome.PASSED, AT.plusSeconds(1200)));
        MergeDecision d = DEFAULTS.evaluate(MergeGate.Input.of(pr, runs, List.of()), CLOCK);
        assertEquals(3, d.ciRounds());
        assertTrue(d.ciRoundsDerived());
        assertEquals(MergeDecision.Verdict.FLAGGED, d.verdict());
        assertEquals("derived from 3 CI runs (distinct pushes)",
                d.findings().find("merge.ci_rounds.exceeded").orElseThrow().fact("source"));
        MergeDecision given = DEFAULTS.evaluate(MergeGate.Input.of(pr, runs, List.of(), 1), CLOCK);
        assertFalse(given.ciRoundsDerived());
        assertEquals("given", given.findings().find("merge.ci_rounds.within").orElseThrow().fact("source"));
        assertEquals(MergeDecision.Verdict.AUTO_MERGE, given.verdict());
        assertThrows(IllegalArgumentException.class, () -> MergeGate.Input.of(pr,
                List.of(CiRun.check("PR-9", "x", Outcome.PASSED, AT)), List.of()));
        assertEquals(MergeDecision.Verdict.WAIT, DEFAULTS.evaluate(MergeGate.Input.of(pr,
                List.of(CiRun.check("PR-8", "x", Outcome.CANCELLED, AT)), List.of()), CLOCK).verdict());
    }
}
