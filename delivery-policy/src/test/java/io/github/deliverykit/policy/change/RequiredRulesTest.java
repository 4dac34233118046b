package io.github.deliverykit.policy.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.policy.change.ChangeDecision.Verdict;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A custom rule that is not registered must not be silently skipped when the policy requires it. */
final class RequiredRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static ChangeRequest standard() {
        return ChangeRequest.builder("CHG-1", Type.STANDARD, ChangeKind.ROUTINE, "web", "alice", NOW.minusSeconds(60))
                .description("Rotate TLS certificate").implementationPlan("Runbook RB-12")
                .window(Interval.of(NOW.plus(Duration.ofMinutes(5)), Duration.ofMinutes(30))).build();
    }

    private static ChangeDecision decide(ChangeApproval engine) {
        return engine.evaluate(standard(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void requiredRuleNotRegistered_rejectsLoudly() {
        ChangeApprovalConfig config = ChangeApprovalConfig.custom().requireRule("ticket-reference").build();
        assertEquals(Verdict.APPROVED, decide(ChangeApproval.of(ChangeApprovalConfig.ofDefaults())).verdict());
        ChangeDecision d = decide(ChangeApproval.of(config));
        assertEquals(Verdict.REJECTED, d.verdict(), d.toText());
        Finding f = d.findings().find("change.rule.required_missing").orElseThrow();
        assertEquals(Level.FAIL, f.level());
        assertEquals("ticket-reference", f.facts().get("rule"));
        assertEquals("not registered", f.facts().get("state"));
        assertEquals(ChangeApproval.BUILT_IN_IDS, f.facts().get("registered"));
    }

    @Test
    void requiredRuleRegistered_runsAndNothingIsMissing() {
        ChangeApprovalConfig config = ChangeApprovalConfig.custom().requireRule("ticket-reference").build();
        ChangeDecision d = decide(ChangeApproval.of(config, List.of(new TicketReferenceRule())));
        assertEquals(List.of(), d.findings().list().stream()
                .filter(f -> f.code().equals("change.rule.required_missing")).toList());
        assertEquals(java.util.Set.of("ticket-reference"), config.requiredRules());
        assertEquals(config.requiredRules(), ChangeApprovalConfig.from(config).build().requiredRules());
    }

    @Test
    void requiredRuleDisabled_rejectsLoudly() {
        ChangeApprovalConfig config = ChangeApprovalConfig.custom().requireRule(ChangeApproval.RISK)
                .disable(ChangeApproval.RISK, "trial").build();
        ChangeDecision d = decide(ChangeApproval.of(config));
        assertEquals(Verdict.REJECTED, d.verdict());
        assertEquals("disabled", d.findings().find("change.rule.required_missing").orElseThrow().facts().get("state"));
    }

    @Test
    void requireRule_rejectsBadIds() {
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom().requireRule(null));
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom().requireRule("Not An Id"));
    }
}
