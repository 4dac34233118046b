package io.github.deliverykit.policy.governance;

import static io.github.deliverykit.policy.governance.MergeGateTest.GREEN;
import static io.github.deliverykit.policy.governance.MergeGateTest.check;
import static io.github.deliverykit.policy.governance.MergeGateTest.pr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.CiRun.Outcome;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.Shadow;
import io.github.deliverykit.policy.governance.MergeDecision.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Shadow mode of the merge gate's rules: before the effective date reported as a WARN, from it enforced. */
final class MergeGateShadowTest {

    static final Instant EFFECTIVE = Instant.parse("2026-05-02T00:00:00Z");
    static final Clock DAY_BEFORE = Clock.fixed(EFFECTIVE.minus(Duration.ofDays(1)), ZoneOffset.UTC);
    static final Clock JUST_BEFORE = Clock.fixed(EFFECTIVE.minusNanos(1), ZoneOffset.UTC);
    static final Clock ON_THE_DAY = Clock.fixed(EFFECTIVE, ZoneOffset.UTC);

    static MergeGate shadow(String rule) {
        return MergeGate.of(MergeGateConfig.custom().protectedPath("infra/**").effectiveOn(rule, EFFECTIVE).build());
    }

    static final List<CiRun> FAILING = List.of(check("unit-tests", Outcome.FAILED), check("security-scan", Outcome.PASSED));

    @Test
    void failedCheck_dayBefore_warnsNotEnforced() {
        MergeDecision d = shadow(MergeGate.CHECKS).evaluate(pr(FAILING, List.of(), 1, List.of()), DAY_BEFORE);
        assertEquals(Verdict.AUTO_MERGE, d.verdict());
        assertEquals(Verdict.BLOCKED, d.wouldBe());
        assertEquals(List.of("merge.rule.shadow", "merge.checks.failed", "merge.policy.satisfied",
                "merge.ci_rounds.within", "merge.paths.unprotected", "merge.green"), d.findings().codes());
        Finding s = d.findings().list().get(0);
        assertEquals(Level.WARN, s.level());
        assertEquals("Rule checks is in shadow until 2026-05-02T00:00:00Z: it would fail but is not enforced "
                + "(verdict BLOCKED)", s.message());
        assertEquals("checks", s.fact("rule"));
        assertEquals(EFFECTIVE, s.fact("effective_on"));
        assertEquals(Level.FAIL, s.fact("would_be"));
        assertEquals("BLOCKED", s.fact("would_be_verdict"));
        assertEquals(List.of("merge.checks.failed"), s.fact("codes"));
        Finding failed = d.findings().list().get(1);
        assertEquals(Level.WARN, failed.level(), "a would-be FAIL is reported as a WARN");
        assertEquals("[shadow until 2026-05-02T00:00:00Z] Checks failed: unit-tests", failed.message());
        assertEquals(List.of("unit-tests"), d.failedChecks(), "the typed results still say what happened");
        Shadow record = d.shadow(MergeGate.CHECKS).orElseThrow();
        assertTrue(record.wouldFail());
        assertEquals(List.of(record), d.shadowed());
        assertTrue(d.shadow(MergeGate.POLICY).isEmpty());
        assertTrue(d.shadow(null).isEmpty());
        assertEquals(d.verdict(), shadow(MergeGate.CHECKS).evaluate(pr(FAILING, List.of(), 1, List.of()), JUST_BEFORE)
                .verdict(), "in shadow up to the last instant before the date");
    }

    @Test
    void failedCheck_onTheDay_enforced() {
        MergeDecision d = shadow(MergeGate.CHECKS).evaluate(pr(FAILING, List.of(), 1, List.of()), ON_THE_DAY);
        assertEquals(Verdict.BLOCKED, d.verdict());
        assertEquals(Verdict.BLOCKED, d.wouldBe());
        assertTrue(d.shadowed().isEmpty());
        MergeDecision enforced = MergeGate.of(MergeGateConfig.custom().protectedPath("infra/**").build())
                .evaluate(pr(FAILING, List.of(), 1, List.of()), ON_THE_DAY);
        assertEquals(enforced, d, "from the effective date the rule decides as if it had no date");
    }

    @Test
    void ciRounds_dayBefore_notFlagged_onTheDay_flagged() {
        MergeGate gate = shadow(MergeGate.CI_ROUNDS);
        MergeDecision before = gate.evaluate(pr(GREEN, List.of(), 3, List.of()), DAY_BEFORE);
        assertEquals(Verdict.AUTO_MERGE, before.verdict());
        assertEquals(Verdict.FLAGGED, before.wouldBe());
        assertEquals(Level.WARN, before.shadow(MergeGate.CI_ROUNDS).orElseThrow().wouldBe());
        assertEquals(Level.WARN, before.findings().find("merge.ci_rounds.exceeded").orElseThrow().level());
        assertEquals(Verdict.FLAGGED, gate.evaluate(pr(GREEN, List.of(), 3, List.of()), ON_THE_DAY).verdict());
    }

    @Test
    void protectedPath_dayBefore_notFlagged() {
        MergeGate gate = shadow(MergeGate.PATHS);
        MergeDecision before = gate.evaluate(pr(GREEN, List.of(), 1, List.of("infra/main.tf")), DAY_BEFORE);
        assertEquals(Verdict.AUTO_MERGE, before.verdict());
        assertEquals(Verdict.FLAGGED, before.wouldBe());
        assertEquals(List.of("infra/main.tf"), before.protectedPaths());
        assertEquals(Verdict.FLAGGED, gate.evaluate(pr(GREEN, List.of(), 1, List.of("infra/main.tf")), ON_THE_DAY)
                .verdict());
        // without protected paths the rule does not run, so it is not in shadow either
        MergeDecision none = MergeGate.of(MergeGateConfig.custom().effectiveOn(MergeGate.PATHS, EFFECTIVE).build())
                .evaluate(pr(GREEN, List.of(), 1, List.of("infra/main.tf")), DAY_BEFORE);
        assertTrue(none.shadowed().isEmpty());
        assertEquals(Verdict.AUTO_MERGE, none.verdict());
    }

    @Test
    void pendingCheck_dayBefore_warnsThatItWouldWait() {
        List<CiRun> pending = List.of(check("unit-tests", Outcome.PENDING));
        MergeDecision d = shadow(MergeGate.CHECKS).evaluate(pr(pending, List.of(), 1, List.of()), DAY_BEFORE);
        assertEquals(Verdict.AUTO_MERGE, d.verdict());
        assertEquals(Verdict.WAIT, d.wouldBe());
        Finding s = d.findings().list().get(0);
        assertEquals(Level.WARN, s.level(), "holding the merge back is worth a warning even from an INFO finding");
        assertEquals("Rule checks is in shadow until 2026-05-02T00:00:00Z: it would warn but is not enforced "
                + "(verdict WAIT)", s.message());
        assertEquals(Level.INFO, d.findings().find("merge.checks.pending").orElseThrow().level());
    }

    @Test
    void passingRule_inShadow_onlyInforms() {
        MergeDecision d = shadow(MergeGate.POLICY).evaluate(pr(GREEN, List.of(), 1, List.of()), DAY_BEFORE);
        assertEquals(Verdict.AUTO_MERGE, d.verdict());
        assertEquals(Verdict.AUTO_MERGE, d.wouldBe());
        Finding s = d.findings().find("merge.rule.shadow").orElseThrow();
        assertEquals(Level.INFO, s.level());
        assertEquals(Level.PASS, d.shadow(MergeGate.POLICY).orElseThrow().wouldBe());
        MergeDecision violated = shadow(MergeGate.POLICY).evaluate(pr(GREEN, List.of("no-secrets"), 1, List.of()),
                DAY_BEFORE);
        assertEquals(Verdict.AUTO_MERGE, violated.verdict());
        assertEquals(Verdict.BLOCKED, violated.wouldBe());
        assertEquals(Verdict.BLOCKED, shadow(MergeGate.POLICY).evaluate(pr(GREEN, List.of("no-secrets"), 1, List.of()),
                ON_THE_DAY).verdict());
    }

    @Test
    void otherRulesStayEnforced() {
        MergeDecision d = shadow(MergeGate.CI_ROUNDS).evaluate(pr(FAILING, List.of(), 3, List.of()), DAY_BEFORE);
        assertEquals(Verdict.BLOCKED, d.verdict(), "the failed check is enforced; only the CI rounds are in shadow");
        assertEquals(Level.FAIL, d.findings().find("merge.checks.failed").orElseThrow().level());
    }

    @Test
    void config_effectiveOn_validatedAndCopied() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MergeGateConfig.custom().effectiveOn("ci-rounds", EFFECTIVE));
        assertEquals("rule must be one of [checks, policy, ci_rounds, paths], but was 'ci-rounds'", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MergeGateConfig.custom().effectiveOn(null, EFFECTIVE));
        assertThrows(IllegalArgumentException.class, () -> MergeGateConfig.custom().effectiveOn("checks", null));
        assertThrows(IllegalArgumentException.class, () -> MergeGateConfig.custom().effectiveOn("checks", Instant.MAX));
        MergeGateConfig config = MergeGateConfig.custom().effectiveOn(MergeGate.POLICY, EFFECTIVE)
                .effectiveOn(MergeGate.CHECKS, EFFECTIVE.plusSeconds(1)).build();
        assertEquals(List.of("checks", "policy"), List.copyOf(config.effectiveDates().keySet()));
        assertEquals(config.effectiveDates(), MergeGateConfig.from(config).build().effectiveDates());
        assertTrue(config.toString().contains("effectiveDates={checks=2026-05-02T00:00:01Z, policy=2026-05-02T00:00:00Z}"),
                config.toString());
        assertTrue(MergeGateConfig.ofDefaults().effectiveDates().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> config.effectiveDates().clear());
    }

    @Test
    void decision_withoutShadow_constructorKeepsVerdictAsWouldBe() {
        MergeDecision d = new MergeDecision("PR-1", Verdict.WAIT, 1, true, List.of(), List.of("x"), List.of(),
                io.github.deliverykit.core.finding.Findings.none());
        assertEquals(Verdict.WAIT, d.wouldBe());
        assertTrue(d.shadowed().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new MergeDecision("PR-1", Verdict.WAIT, 1, true, List.of(),
                List.of(), List.of(), io.github.deliverykit.core.finding.Findings.none(), List.of(), null));
    }

    /** A random pull request state: checks, violations, rounds, a protected path or not. */
    record Case(List<CiRun> runs, List<String> violations, int rounds, List<String> paths) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<CiRun>> runs = Arbitraries.of(Outcome.values()).list().ofMaxSize(3).map(outcomes -> {
            List<CiRun> out = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                out.add(check("check-" + i, outcomes.get(i)));
            }
            return out;
        });
        return Combinators.combine(runs, Arbitraries.of(List.<String>of(), List.of("no-secrets")),
                Arbitraries.integers().between(0, 4), Arbitraries.of(List.<String>of(), List.of("infra/x.tf"), List.of("src/A.java")))
                .as(Case::new);
    }

    /**
     * Before the date a shadowed rule never makes the verdict worse than it would be without the
     * rule, the would-be verdict is always the enforced one, and from the date on the decision is
     * exactly the enforced decision.
     */
    @Property(tries = 300)
    void shadow_neverEnforcesBeforeTheDate_enforcesFromIt(@ForAll("cases") Case c,
            @ForAll("rules") String rule, @ForAll("offsets") long offsetSeconds) {
        MergeGateConfig base = MergeGateConfig.custom().protectedPath("infra/**").build();
        MergeGate enforced = MergeGate.of(base);
        MergeGate shadowed = MergeGate.of(MergeGateConfig.from(base).effectiveOn(rule, EFFECTIVE).build());
        Clock clock = Clock.fixed(EFFECTIVE.plusSeconds(offsetSeconds), ZoneOffset.UTC);
        MergeGate.Input input = pr(c.runs(), c.violations(), c.rounds(), c.paths());
        MergeDecision e = enforced.evaluate(input, clock);
        MergeDecision s = shadowed.evaluate(input, clock);
        assertEquals(e.verdict(), s.wouldBe());
        if (offsetSeconds >= 0) {
            assertEquals(e, s);
            return;
        }
        assertTrue(s.verdict().compareTo(e.verdict()) <= 0, s + " vs " + e);
        assertTrue(s.findings().list().stream().noneMatch(f -> f.level() == Level.FAIL
                && f.code().startsWith("merge." + rule + ".")), s.findings().toText());
        assertEquals(e.failedChecks(), s.failedChecks());
        boolean ran = !rule.equals(MergeGate.PATHS) || !base.protectedPaths().isEmpty();
        assertEquals(ran, s.shadow(rule).isPresent());
    }

    @Provide
    Arbitrary<String> rules() {
        return Arbitraries.of(MergeGate.RULES);
    }

    @Provide
    Arbitrary<Long> offsets() {
        return Arbitraries.oneOf(Arbitraries.of(-1L, 0L), Arbitraries.longs().between(-3 * 86_400L, 3 * 86_400L));
    }
}
