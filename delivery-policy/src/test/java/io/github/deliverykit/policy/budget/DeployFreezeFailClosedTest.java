package io.github.deliverykit.policy.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.budget.FreezeDecision.Verdict;
import io.github.deliverykit.policy.budget.spi.FreezePolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class DeployFreezeFailClosedTest {

    static FreezePolicy policy(String id, java.util.function.Supplier<RuleResult<FreezePolicy.Outcome>> result) {
        return new FreezePolicy() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public RuleResult<Outcome> evaluate(FreezeInput input, DeployFreezeConfig config) {
                return result.get();
            }
        };
    }

    @Test
    void evaluate_brokenOrSpoofingPolicy_freezesRoutine() {
        DeployFreezeConfig config = DeployFreezeConfig.custom().policy("custom").build();
        FreezeInput input = FreezeInput.of(DeployFreezeTest.ROUTINE, DeployFreezeTest.month(0));
        FreezePolicy throwing = policy("custom", () -> {
            throw new IllegalStateException("down");
        });
        FreezePolicy nulls = policy("custom", () -> null);
        // speaks for the built-in: "allow" under the burn-rate namespace
        FreezePolicy spoof = policy("custom", () -> RuleResult.of(new FreezePolicy.Outcome(false, BigDecimal.ZERO),
                Finding.pass("burn-rate.threshold", "fine", Facts.none())));
        for (FreezePolicy p : List.of(throwing, nulls, spoof)) {
            FreezeDecision d = DeployFreeze.of(config, List.of(p)).evaluate(input, DeployFreezeTest.CLOCK);
            assertEquals(Verdict.FREEZE, d.verdict(), d.findings().toText());
            assertTrue(d.frozen());
            assertTrue(d.findings().codes().get(0).startsWith("freeze.plugin."), d.findings().codes().toString());
            assertEquals("freeze.active", d.findings().codes().get(d.findings().size() - 1));
        }
    }

    @Test
    void of_policyInEngineNamespaceOrWithoutId_isRejected() {
        FreezePolicy engine = policy("freeze", () -> RuleResult.of(new FreezePolicy.Outcome(false, BigDecimal.ZERO),
                Finding.pass("freeze.exempt", "fine", Facts.none())));
        assertThrows(IllegalArgumentException.class, () -> DeployFreeze.of(
                DeployFreezeConfig.custom().policy("freeze").build(), List.of(engine)));
        FreezePolicy noId = policy(null, () -> null);
        assertThrows(IllegalArgumentException.class, () -> DeployFreeze.of(DeployFreezeConfig.ofDefaults(),
                List.of(noId)));
    }

    @Test
    void decision_rejectsInconsistentVerdict() {
        FreezeDecision d = DeployFreeze.ofDefaults().evaluate(FreezeInput.of(DeployFreezeTest.ROUTINE,
                DeployFreezeTest.month(0)), DeployFreezeTest.CLOCK);
        assertEquals(d, new FreezeDecision(d.verdict(), d.findings(), d.service(), d.changeId(), d.kind(), d.frozen(),
                d.budget(), d.burnRate(), d.lookback(), d.allowedWhileFrozen(), d.policy(), d.evaluatedAt()));
        assertThrows(IllegalArgumentException.class, () -> new FreezeDecision(Verdict.FREEZE, d.findings(),
                d.service(), d.changeId(), d.kind(), false, d.budget(), d.burnRate(), null, Set.of(), "p",
                d.evaluatedAt()));
        assertThrows(IllegalArgumentException.class, () -> new FreezeDecision(Verdict.ALLOW, d.findings(),
                d.service(), d.changeId(), ChangeKind.ROUTINE, true, d.budget(), d.burnRate(), null, Set.of(), "p",
                d.evaluatedAt()));
        assertThrows(IllegalArgumentException.class, () -> new FreezeDecision(Verdict.ALLOW, d.findings(),
                "other", d.changeId(), d.kind(), false, d.budget(), d.burnRate(), null, Set.of(), "p",
                d.evaluatedAt()));
        assertThrows(IllegalArgumentException.class, () -> d.allows(null));
        assertEquals(d.budget().remainingPercent(), d.remainingPercent());
        assertTrue(d.lookbackWindow().isEmpty());
    }
}
