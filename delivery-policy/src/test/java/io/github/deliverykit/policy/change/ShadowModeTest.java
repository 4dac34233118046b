package io.github.deliverykit.policy.change;

import static io.github.deliverykit.policy.change.ChangeFixtures.NOW;
import static io.github.deliverykit.policy.change.ChangeFixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.core.spi.Shadow;
import io.github.deliverykit.policy.change.ChangeApprovalConfig.RiskCondition;
import io.github.deliverykit.policy.change.ChangeDecision.Risk;
import io.github.deliverykit.policy.change.ChangeDecision.Verdict;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import io.github.deliverykit.policy.change.spi.ChangeRule;
import io.github.deliverykit.policy.change.spi.ChangeRule.Extras;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ShadowModeTest {

    static final Instant EFFECTIVE = NOW.plus(Duration.ofDays(1));

    /** A normal change without a rollback plan: the built-in rollback-plan rule fails it. */
    static ChangeRequest noRollback() {
        return complete(Type.NORMAL, Duration.ofDays(6)).rollbackPlan(null).approval("carol", Role.CAB).build();
    }

    static ChangeApproval rollbackPlanFrom(Instant effectiveOn) {
        return ChangeApproval.of(ChangeApprovalConfig.custom().effectiveOn(ChangeApproval.ROLLBACK_PLAN, effectiveOn)
                .build());
    }

    @Test
    void beforeTheDate_wouldBeFailIsAWarningAndNotEnforced() {
        ChangeDecision d = TestContext.at(EFFECTIVE.minusNanos(1)).decide(rollbackPlanFrom(EFFECTIVE), noRollback());
        assertEquals(Verdict.APPROVED, d.verdict());
        Finding shadow = d.findings().find("change.rule.shadow").orElseThrow();
        assertEquals(Level.WARN, shadow.level());
        assertEquals("rollback-plan", shadow.fact("rule"));
        assertEquals(EFFECTIVE, shadow.fact("effective_on"));
        assertEquals(Level.FAIL, shadow.fact("would_be"));
        assertEquals(List.of("rollback-plan.missing"), shadow.fact("codes"));
        Finding demoted = d.findings().find("rollback-plan.missing").orElseThrow();
        assertEquals(Level.WARN, demoted.level());
        assertTrue(demoted.message().startsWith("[shadow until " + EFFECTIVE + "] "), demoted.message());
        Shadow typed = d.shadow(ChangeApproval.ROLLBACK_PLAN).orElseThrow();
        assertEquals(new Shadow("rollback-plan", EFFECTIVE, Level.FAIL, List.of("rollback-plan.missing")), typed);
        assertTrue(typed.wouldFail());
        assertEquals(List.of(typed), d.shadowed());
        assertTrue(d.shadow(ChangeApproval.RISK).isEmpty());
        assertTrue(d.shadow(null).isEmpty());
    }

    @Test
    void exactlyAtTheDate_isEnforced() {
        ChangeDecision d = TestContext.at(EFFECTIVE).decide(rollbackPlanFrom(EFFECTIVE), noRollback());
        assertEquals(Verdict.REJECTED, d.verdict());
        assertEquals(Level.FAIL, d.findings().find("rollback-plan.missing").orElseThrow().level());
        assertTrue(d.findings().find("change.rule.shadow").isEmpty());
        assertTrue(d.shadowed().isEmpty());
    }

    @Test
    void afterTheDate_isEnforcedExactlyAsWithoutADate() {
        Instant later = EFFECTIVE.plus(Duration.ofDays(30));
        ChangeDecision dated = TestContext.at(later).decide(rollbackPlanFrom(EFFECTIVE), noRollback());
        ChangeDecision plain = TestContext.at(later).decide(ChangeApproval.ofDefaults(), noRollback());
        assertEquals(plain, dated);
    }

    @Test
    void beforeTheDate_aPassingRuleIsStatedAsInfo() {
        ChangeRequest ok = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeDecision d = TestContext.at(NOW).decide(rollbackPlanFrom(EFFECTIVE), ok);
        assertEquals(Verdict.APPROVED, d.verdict());
        Finding shadow = d.findings().find("change.rule.shadow").orElseThrow();
        assertEquals(Level.INFO, shadow.level());
        assertEquals(Level.PASS, shadow.fact("would_be"));
        assertEquals(Level.PASS, d.findings().find("rollback-plan.documented").orElseThrow().level());
        assertEquals(List.of("rollback-plan.documented"), d.shadow(ChangeApproval.ROLLBACK_PLAN).orElseThrow().codes());
    }

    @Test
    void riskRuleInShadow_appliesNeitherRiskNorApprovers() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeApprovalConfig.Builder b = ChangeApprovalConfig.custom()
                .riskCondition(RiskCondition.of("checkout", Risk.HIGH, r -> r.service().equals("checkout")))
                .riskApprovers(Risk.HIGH, List.of(Role.MANAGER));
        ChangeDecision enforced = TestContext.at(NOW).decide(ChangeApproval.of(b.build()), request);
        assertEquals(Risk.HIGH, enforced.risk());
        assertEquals(Verdict.NEEDS_APPROVAL, enforced.verdict());
        ChangeDecision shadow = TestContext.at(NOW).decide(ChangeApproval.of(
                b.effectiveOn(ChangeApproval.RISK, EFFECTIVE).build()), request);
        assertNull(shadow.risk());
        assertEquals(List.of(Role.CAB), shadow.requiredApprovers());
        assertEquals(Verdict.APPROVED, shadow.verdict());
        Shadow s = shadow.shadow(ChangeApproval.RISK).orElseThrow();
        assertEquals(Level.INFO, s.wouldBe());
        assertEquals(List.of("risk.assessed"), s.codes());
        // the would-be risk stays visible in the rule's own finding
        assertEquals(Risk.HIGH, shadow.findings().find("risk.assessed").orElseThrow().fact("risk"));
    }

    /** A custom rule that carries its own effective date and fails every change. */
    record DatedRule(Optional<Instant> date) implements ChangeRule {
        @Override
        public String id() {
            return "ticket";
        }

        @Override
        public RuleResult<Extras> evaluate(ChangeApproval.Input input, Instant now, ChangeApprovalConfig config) {
            return RuleResult.of(Extras.requiring(List.of(Role.of("auditor"))),
                    Finding.fail("ticket.missing", "No ticket", Facts.none()));
        }

        @Override
        public Optional<Instant> effectiveOn() {
            return date;
        }
    }

    @Test
    void customRule_ownDate_andTheConfigOverridesIt() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeRule dated = new DatedRule(Optional.of(EFFECTIVE));
        ChangeDecision before = TestContext.at(NOW).decide(ChangeApproval.of(ChangeApprovalConfig.ofDefaults(),
                List.of(dated)), request);
        assertEquals(Verdict.APPROVED, before.verdict());
        assertEquals(List.of(Role.CAB), before.requiredApprovers());
        assertEquals(EFFECTIVE, before.shadow("ticket").orElseThrow().effectiveOn());
        ChangeDecision at = TestContext.at(EFFECTIVE).decide(ChangeApproval.of(ChangeApprovalConfig.ofDefaults(),
                List.of(dated)), request);
        assertEquals(Verdict.REJECTED, at.verdict());
        assertEquals(List.of(Role.CAB, Role.of("auditor")), at.requiredApprovers());
        // the config moves the date: enforced now
        ChangeApprovalConfig now = ChangeApprovalConfig.custom().effectiveOn("ticket", NOW).build();
        assertEquals(Verdict.REJECTED, TestContext.at(NOW).decide(ChangeApproval.of(now, List.of(dated)), request)
                .verdict());
        // a rule without a date is enforced at once
        assertEquals(Verdict.REJECTED, TestContext.at(NOW).decide(ChangeApproval.of(ChangeApprovalConfig.ofDefaults(),
                List.of(new DatedRule(Optional.empty()))), request).verdict());
        assertEquals(Verdict.REJECTED, TestContext.at(NOW).decide(ChangeApproval.of(ChangeApprovalConfig.ofDefaults(),
                List.of(new DatedRule(null))), request).verdict());
    }

    @Test
    void customRule_whoseDateThrows_isEnforcedAndReported() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeRule dated = new DatedRule(Optional.of(EFFECTIVE));
        ChangeRule broken = new ChangeRule() {
            @Override
            public String id() {
                return dated.id();
            }

            @Override
            public RuleResult<Extras> evaluate(ChangeApproval.Input input, Instant now, ChangeApprovalConfig config) {
                return dated.evaluate(input, now, config);
            }

            @Override
            public Optional<Instant> effectiveOn() {
                throw new IllegalStateException("no date");
            }
        };
        ChangeDecision d = TestContext.at(NOW).decide(ChangeApproval.of(ChangeApprovalConfig.ofDefaults(),
                List.of(broken)), request);
        assertEquals(Verdict.REJECTED, d.verdict());
        Finding error = d.findings().find("change.plugin.error").orElseThrow();
        assertEquals("ticket", error.fact("provider"));
        assertEquals(IllegalStateException.class.getName(), error.fact("error"));
        assertEquals(Level.FAIL, d.findings().find("ticket.missing").orElseThrow().level());
        assertTrue(d.shadowed().isEmpty());
    }

    @Test
    void successScoreInShadow_reportsTheWouldBeRisk() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeApprovalConfig config = ChangeApprovalConfig.custom()
                .effectiveOn(ChangeApproval.SUCCESS_SCORE, EFFECTIVE).build();
        ChangeDecision d = ChangeApproval.of(config).evaluate(ChangeApproval.Input.of(request)
                .withHistory(ChangeHistory.of(SuccessScoreTest.workedExample(), SuccessScoreTest.YEAR)),
                TestContext.at(NOW).clock());
        assertNull(d.risk());
        assertEquals(Level.WARN, d.shadow(ChangeApproval.SUCCESS_SCORE).orElseThrow().wouldBe());
        assertEquals(Risk.HIGH, d.findings().find("success-score.assessed").orElseThrow().fact("risk"));
        assertEquals(Level.WARN, d.findings().find("change.rule.shadow").orElseThrow().level());
    }

    @Test
    void successScoreInShadow_aStandardChangeItWouldRejectGoesAhead() {
        Instant submitted = NOW.minus(Duration.ofHours(1));
        ChangeRequest standard = ChangeRequest.builder("CHG-9", Type.STANDARD,
                        io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind.ROUTINE, "checkout", "alice",
                        submitted).description("Rotate a certificate").implementationPlan("RB-12")
                .window(io.github.deliverykit.core.time.Interval.of(NOW.plus(Duration.ofHours(1)),
                        Duration.ofMinutes(30))).build();
        ChangeApproval.Input input = ChangeApproval.Input.of(standard)
                .withHistory(ChangeHistory.of(SuccessScoreTest.workedExample(), SuccessScoreTest.YEAR));
        ChangeApproval shadowed = ChangeApproval.of(ChangeApprovalConfig.custom()
                .effectiveOn(ChangeApproval.SUCCESS_SCORE, EFFECTIVE).build());
        ChangeDecision before = shadowed.evaluate(input, TestContext.at(NOW).clock());
        assertEquals(Verdict.APPROVED, before.verdict());
        Shadow s = before.shadow(ChangeApproval.SUCCESS_SCORE).orElseThrow();
        assertTrue(s.wouldFail());
        assertTrue(s.codes().contains("change.risk.exceeds_type"), s.codes().toString());
        assertEquals(Level.WARN, before.findings().find("change.risk.exceeds_type").orElseThrow().level());
        ChangeDecision at = shadowed.evaluate(input, TestContext.at(EFFECTIVE).clock());
        assertEquals(Verdict.REJECTED, at.verdict());
        assertEquals(Level.FAIL, at.findings().find("change.risk.exceeds_type").orElseThrow().level());
        assertEquals(at, ChangeApproval.ofDefaults().evaluate(input, TestContext.at(EFFECTIVE).clock()));
    }

    @Test
    void config_effectiveDates_validated() {
        ChangeApprovalConfig c = ChangeApprovalConfig.custom().effectiveOn("risk", EFFECTIVE).build();
        assertEquals(Optional.of(EFFECTIVE), c.effectiveOn("risk"));
        assertEquals(Optional.empty(), c.effectiveOn("window"));
        assertEquals(Optional.empty(), c.effectiveOn(null));
        assertEquals(java.util.Map.of("risk", EFFECTIVE), c.effectiveDates());
        assertEquals(c.effectiveDates(), ChangeApprovalConfig.from(c).build().effectiveDates());
        assertEquals(SuccessScoring.ofDefaults(), ChangeApprovalConfig.from(c).build().successScoring());
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom().effectiveOn("Risk", NOW));
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom().effectiveOn(null, NOW));
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom().effectiveOn("risk", null));
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom().effectiveOn("risk",
                Instant.MAX));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ChangeApproval.of(
                ChangeApprovalConfig.custom().effectiveOn("no-such-rule", NOW).build()));
        assertTrue(unknown.getMessage().contains("no-such-rule"), unknown.getMessage());
    }
}
