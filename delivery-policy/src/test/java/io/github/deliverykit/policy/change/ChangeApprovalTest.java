package io.github.deliverykit.policy.change;

import static io.github.deliverykit.policy.change.ChangeFixtures.NOW;
import static io.github.deliverykit.policy.change.ChangeFixtures.SUBMITTED;
import static io.github.deliverykit.policy.change.ChangeFixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.spi.RuleResult;
import java.util.Set;
import java.math.BigDecimal;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.budget.DeployFreezeConfig;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.change.ChangeApproval.FreezeWindow;
import io.github.deliverykit.policy.change.ChangeApproval.ScheduledChange;
import io.github.deliverykit.policy.change.ChangeApprovalConfig.RiskCondition;
import io.github.deliverykit.policy.change.ChangeDecision.Risk;
import io.github.deliverykit.policy.change.ChangeDecision.Verdict;
import io.github.deliverykit.policy.change.ChangeRequest.Approval;
import io.github.deliverykit.policy.change.ChangeRequest.Field;
import io.github.deliverykit.policy.change.ChangeRequest.Impact;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import io.github.deliverykit.policy.change.spi.ChangeRule;
import io.github.deliverykit.policy.change.spi.ChangeRule.Extras;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ChangeApprovalTest {

    private final ChangeApproval evaluator = ChangeApproval.ofDefaults();

    private ChangeDecision decide(ChangeRequest request) {
        return TestContext.at(NOW).decide(evaluator, request);
    }

    private static Finding finding(ChangeDecision d, String code) {
        return d.findings().find(code).orElseThrow(() -> new AssertionError(code + " not in " + d.findings().codes()));
    }

    @Test
    void evaluate_normalWithoutRollbackPlan_isRejected() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).rollbackPlan(null)
                .approval("bob", Role.CAB).build();
        ChangeDecision d = decide(request);
        assertEquals(Verdict.REJECTED, d.verdict());
        Finding f = finding(d, "rollback-plan.missing");
        assertEquals(Level.FAIL, f.level());
        assertEquals("No normal change deploys without a documented rollback plan", f.message());
        assertEquals(List.of(), d.missingApprovers());
    }

    @Test
    void evaluate_expeditedWithBlankRollbackPlan_isRejected() {
        ChangeRequest request = complete(Type.EXPEDITED, Duration.ofDays(2)).rollbackPlan("  ")
                .approval("bob", Role.MANAGER).build();
        ChangeDecision d = decide(request);
        assertEquals(Verdict.REJECTED, d.verdict());
        assertEquals(Level.FAIL, finding(d, "rollback-plan.missing").level());
    }

    @Test
    void evaluate_standardWithoutRollbackPlan_isApprovedWithoutApproval() {
        ChangeRequest request = ChangeRequest.builder("CHG-2", Type.STANDARD, ChangeKind.ROUTINE, "web", "alice", SUBMITTED)
                .description("Rotate TLS certificate").implementationPlan("Runbook RB-12")
                .window(Interval.of(NOW.plus(Duration.ofMinutes(5)), Duration.ofMinutes(30))).build();
        ChangeDecision d = decide(request);
        assertEquals(Verdict.APPROVED, d.verdict());
        assertEquals(List.of(), d.requiredApprovers());
        assertEquals(Duration.ZERO, d.requiredLeadTime());
        assertFalse(d.retrospectiveRequired());
        assertEquals(Level.INFO, finding(d, "change.approvals.pre_approved").level());
        assertFalse(d.findings().find("rollback-plan.missing").isPresent());
        assertFalse(d.findings().find("rollback-plan.documented").isPresent());
        assertEquals(Level.PASS, finding(d, "required-fields.complete").level());
        assertEquals(Level.PASS, finding(d, "lead-time.met").level());
    }

    @Test
    void evaluate_normalWithCabAndFiveDays_isApproved() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(5)).approval("carol", Role.CAB)
                .build();
        ChangeDecision d = decide(request);
        assertEquals(Verdict.APPROVED, d.verdict(), d.toText());
        assertEquals(List.of(Role.CAB), d.requiredApprovers());
        assertEquals(Duration.ofDays(5), d.requiredLeadTime());
        assertEquals(List.of("required-fields.complete", "rollback-plan.documented", "window.valid", "lead-time.met",
                "freeze-error-budget.unknown", "segregation-of-duties.segregated", "change.approvals.complete"),
                d.findings().codes());
        assertNull(d.risk());
        assertTrue(d.assessedRisk().isEmpty());
    }

    @Test
    void evaluate_normalWithoutCab_needsApprovalListingCab() {
        ChangeDecision d = decide(complete(Type.NORMAL, Duration.ofDays(7)).build());
        assertEquals(Verdict.NEEDS_APPROVAL, d.verdict());
        assertEquals(List.of(Role.CAB), d.missingApprovers());
        Finding f = finding(d, "change.approvals.insufficient");
        assertEquals(Level.WARN, f.level());
        assertEquals(List.of(Role.CAB), f.fact("missing"));
    }

    @Test
    void evaluate_expeditedNeedsManager() {
        ChangeDecision d = decide(complete(Type.EXPEDITED, Duration.ofHours(24)).build());
        assertEquals(Verdict.NEEDS_APPROVAL, d.verdict());
        assertEquals(List.of(Role.MANAGER), d.missingApprovers());
        assertEquals(Duration.ofHours(24), d.requiredLeadTime());
    }

    @Test
    void evaluate_normalScheduledTooSoon_failsLeadTime() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(2)).approval("carol", Role.CAB)
                .build();
        ChangeDecision d = decide(request);
        assertEquals(Verdict.REJECTED, d.verdict());
        Finding f = finding(d, "lead-time.insufficient");
        assertEquals(Duration.ofDays(5), f.fact("required"));
        assertEquals(Duration.ofDays(2), f.fact("actual"));
        assertEquals(SUBMITTED.plus(Duration.ofDays(5)), f.fact("earliest_start"));
    }

    @Test
    void evaluate_leadTimeExactlyMet_passes() {
        ChangeRequest request = complete(Type.EXPEDITED, Duration.ofHours(24))
                .approval("mallory", Role.MANAGER).build();
        assertEquals(Verdict.APPROVED, decide(request).verdict());
        ChangeRequest early = complete(Type.EXPEDITED, Duration.ofHours(24).minusSeconds(1))
                .approval("mallory", Role.MANAGER).build();
        assertEquals(Verdict.REJECTED, decide(early).verdict());
    }

    @Test
    void evaluate_emergency_onCallApprovalLeadTimeZeroRetrospectiveRequired() {
        ChangeRequest request = ChangeRequest.builder("CHG-9", Type.EMERGENCY, ChangeKind.CRITICAL, "checkout", "alice", SUBMITTED)
                .description("Hotfix null pointer in payment").justification("SEV-1 outage")
                .implementationPlan("Deploy hotfix build 1.2.4")
                .window(Interval.of(SUBMITTED, Duration.ofHours(2))).build();
        ChangeDecision d = decide(request);
        assertEquals(Verdict.NEEDS_APPROVAL, d.verdict(), d.toText());
        assertEquals(List.of(Role.ON_CALL), d.missingApprovers());
        assertEquals(Duration.ZERO, d.requiredLeadTime());
        assertTrue(d.retrospectiveRequired());
        Instant due = SUBMITTED.plus(Duration.ofHours(2)).plus(Duration.ofHours(48));
        assertEquals(due, d.retrospectiveDue());
        Finding review = finding(d, "retrospective.required");
        assertEquals(Level.INFO, review.level());
        assertEquals(due, review.fact("due"));
        assertEquals(Level.PASS, finding(d, "lead-time.met").level());

        ChangeDecision approved = decide(request.withApproval(Approval.of("oncall-bob", Role.ON_CALL)));
        assertEquals(Verdict.APPROVED, approved.verdict());
        assertEquals(List.of(), approved.missingApprovers());
        assertTrue(approved.retrospectiveRequired());
    }

    @Test
    void evaluate_emergencyWithoutWindow_retrospectiveDueFromSubmission() {
        ChangeRequest request = ChangeRequest.builder("CHG-9", Type.EMERGENCY, ChangeKind.CRITICAL, "checkout", "alice", SUBMITTED)
                .description("d").justification("j").implementationPlan("i").build();
        ChangeDecision d = decide(request);
        assertEquals(Verdict.REJECTED, d.verdict());
        assertEquals(List.of("scheduled_window"), finding(d, "required-fields.missing").fact("missing"));
        assertEquals(SUBMITTED.plus(Duration.ofHours(48)), d.retrospectiveDue());
    }

    @Test
    void evaluate_missingFieldsListedInOrder() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).justification(null).testingPlan("")
                .impact(new Impact(List.of(), List.of(), 0, Duration.ZERO)).build();
        ChangeDecision d = decide(request);
        Finding f = finding(d, "required-fields.missing");
        assertEquals(List.of("justification", "impact_analysis", "testing_plan"), f.fact("missing"));
        assertEquals("A normal change must document justification, impact_analysis, testing_plan", f.message());
        assertEquals(Verdict.REJECTED, d.verdict());
    }

    @Test
    void evaluate_windowOver_failsElapsed() {
        ChangeRequest request = complete(Type.STANDARD, Duration.ZERO).build();
        ChangeDecision d = TestContext.at(SUBMITTED.plus(Duration.ofHours(2))).decide(evaluator, request);
        assertEquals(Level.FAIL, finding(d, "window.elapsed").level());
        ChangeDecision justBefore = TestContext.at(SUBMITTED.plus(Duration.ofHours(2)).minusNanos(1)).decide(evaluator, request);
        assertEquals(Level.PASS, finding(justBefore, "window.valid").level());
    }

    @Test
    void evaluate_emptyWindow_fails() {
        ChangeRequest request = complete(Type.STANDARD, Duration.ofHours(3))
                .window(Interval.of(NOW.plusSeconds(60), NOW.plusSeconds(60))).build();
        assertEquals(Level.FAIL, finding(decide(request), "window.empty").level());
    }

    @Test
    void evaluate_windowShorterThanDowntime_warns() {
        ChangeRequest request = complete(Type.STANDARD, Duration.ofHours(3))
                .impact(new Impact(List.of("x"), List.of(), 0, Duration.ofHours(3))).build();
        ChangeDecision d = decide(request);
        Finding f = finding(d, "window.shorter_than_downtime");
        assertEquals(Level.WARN, f.level());
        assertEquals(Duration.ofHours(2), f.fact("window"));
        assertEquals(Verdict.APPROVED, d.verdict());
        ChangeRequest equal = complete(Type.STANDARD, Duration.ofHours(3))
                .impact(new Impact(List.of("x"), List.of(), 0, Duration.ofHours(2))).build();
        assertEquals(Level.PASS, finding(decide(equal), "window.valid").level());
    }

    @Test
    void evaluate_calendarFreeze_rejectsNormalButNotEmergency() {
        Interval holidays = Interval.of(Instant.parse("2024-01-15T00:00:00Z"), Instant.parse("2024-01-20T00:00:00Z"));
        TestContext calendar = TestContext.at(NOW).withFreezeWindows(List.of(FreezeWindow.of("holidays", holidays)));
        ChangeApproval e = ChangeApproval.of(ChangeApprovalConfig.ofDefaults(), List.of());
        ChangeRequest normal = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB)
                .build();
        ChangeDecision d = calendar.decide(e, normal);
        assertEquals(Verdict.REJECTED, d.verdict());
        Finding f = finding(d, "freeze-calendar.overlap");
        assertEquals("holidays", f.fact("freeze"));
        assertEquals("The window overlaps the holidays freeze", f.message());

        ChangeRequest emergency = complete(Type.EMERGENCY, Duration.ofDays(6))
                .approval("bob", Role.ON_CALL).build();
        ChangeDecision de = calendar.decide(e, emergency);
        assertEquals(Verdict.APPROVED, de.verdict());
        assertEquals(Level.INFO, finding(de, "freeze-calendar.exempt").level());
        // the kind decides, not the type: an emergency change that is ROUTINE is frozen too
        assertEquals(Verdict.REJECTED, calendar.decide(e, complete(Type.EMERGENCY, Duration.ofDays(6))
                .kind(ChangeKind.ROUTINE).approval("bob", Role.ON_CALL).build()).verdict());
        // ... and the one exemption setting is the deploy freeze config's
        ChangeApproval none = ChangeApproval.of(ChangeApprovalConfig.custom().deployFreeze(
                DeployFreezeConfig.custom().allowedWhileFrozen(Set.of()).build()).build());
        assertEquals(Verdict.REJECTED, calendar.decide(none, emergency).verdict());

        ChangeRequest later = complete(Type.NORMAL, Duration.ofDays(10)).approval("carol", Role.CAB)
                .build();
        assertEquals(Level.PASS, finding(calendar.decide(e, later), "freeze-calendar.clear").level());
    }

    @Test
    void evaluate_errorBudgetFreeze_rejectsNonCritical() {
        ChangeRequest normal = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB)
                .build();
        FreezeDecision burning = ChangeFixtures.freeze("checkout", 40);
        assertTrue(burning.frozen());
        TestContext frozen = TestContext.at(NOW).withFreeze(burning);
        ChangeDecision d = frozen.decide(evaluator, normal);
        assertEquals(Verdict.REJECTED, d.verdict());
        Finding f = finding(d, "freeze-error-budget.frozen");
        assertEquals("Non-critical changes are frozen: burn rate 1.6x, 8.6758% of the error budget remains",
                f.message());

        ChangeDecision allowed = TestContext.at(NOW).withFreeze(ChangeFixtures.freeze("checkout", 20))
                .decide(evaluator, normal);
        assertEquals(Verdict.APPROVED, allowed.verdict());
        assertEquals(Level.PASS, finding(allowed, "freeze-error-budget.clear").level());

        ChangeRequest emergency = complete(Type.EMERGENCY, Duration.ZERO).approval("bob", Role.ON_CALL)
                .build();
        ChangeDecision de = frozen.decide(evaluator, emergency);
        assertEquals(Verdict.APPROVED, de.verdict());
        assertEquals(Level.INFO, finding(de, "freeze-error-budget.exempt").level());

        // a rollback of a standard change goes ahead while frozen, by its kind
        ChangeRequest rollback = complete(Type.STANDARD, Duration.ofHours(3)).kind(ChangeKind.ROLLBACK).build();
        assertEquals(Verdict.APPROVED, frozen.decide(evaluator, rollback).verdict());

        // no decision known: nothing frozen or cleared, and the decision says the budget was not consulted
        ChangeDecision unknown = decide(normal);
        assertFalse(unknown.findings().codes().stream().anyMatch(c -> c.startsWith("freeze.")));
        assertEquals(Level.INFO, finding(unknown, "freeze-error-budget.unknown").level());
        assertEquals(List.of("freeze-error-budget.unknown"), unknown.findings().codes().stream()
                .filter(c -> c.startsWith("freeze-error-budget.")).toList());
    }

    @Test
    void evaluate_freezeDecisionOfAnotherService_failsClosed() {
        // a FreezeDecision is a validated record and cannot be unreadable; one about another service
        // says nothing about this one and is treated as frozen
        FreezeDecision other = ChangeFixtures.freeze("search", 0);
        assertFalse(other.frozen());
        ChangeRequest request = complete(Type.STANDARD, Duration.ofHours(2)).build();
        ChangeDecision d = TestContext.at(NOW).withFreeze(other).decide(evaluator, request);
        assertEquals(Verdict.REJECTED, d.verdict());
        assertEquals(Level.FAIL, finding(d, "freeze-error-budget.other_service").level());
    }

    @Test
    void evaluate_rateLimitPerServiceAndDay() {
        ChangeApprovalConfig policy = ChangeApprovalConfig.custom().rateLimit(2).rateLimit("payments", 1).build();
        ChangeApproval e = ChangeApproval.of(policy, List.of());
        ChangeRequest request = complete(Type.STANDARD, Duration.ofHours(3)).build();
        Instant sameDay = SUBMITTED.plus(Duration.ofHours(5));
        TestContext one = TestContext.at(NOW).withScheduled(List.of(
                ScheduledChange.of("CHG-7", "checkout", sameDay),
                ScheduledChange.of("CHG-8", "search", sameDay),
                ScheduledChange.of("CHG-1", "checkout", sameDay),
                ScheduledChange.of("CHG-6", "checkout", sameDay.plus(Duration.ofDays(1)))));
        ChangeDecision d = one.decide(e, request);
        Finding within = finding(d, "rate-limit.within");
        assertEquals(1, within.fact("already_scheduled"));
        assertEquals(2, within.fact("limit"));

        TestContext two = one.withScheduled(List.of(ScheduledChange.of("CHG-7", "checkout", sameDay),
                ScheduledChange.of("CHG-5", "checkout", sameDay)));
        ChangeDecision exceeded = two.decide(e, request);
        assertEquals(Verdict.REJECTED, exceeded.verdict());
        Finding f = finding(exceeded, "rate-limit.exceeded");
        assertEquals("checkout already has 2 changes on 2024-01-10 (limit 2 per day)", f.message());

        ChangeRequest emergency = complete(Type.EMERGENCY, Duration.ofHours(3)).approval("b", Role.ON_CALL)
                .build();
        assertEquals(Verdict.APPROVED, two.decide(e, emergency).verdict());

        ChangeRequest payments = ChangeRequest.builder("P-1", Type.STANDARD, ChangeKind.ROUTINE, "payments", "alice", SUBMITTED)
                .description("d").implementationPlan("i").window(Interval.of(sameDay, Duration.ofHours(1))).build();
        ChangeDecision p = e.evaluate(TestContext.at(NOW)
                .withScheduled(List.of(ScheduledChange.of("P-0", "payments", sameDay))).input(payments), TestContext.at(NOW)
                .withScheduled(List.of(ScheduledChange.of("P-0", "payments", sameDay))).clock());
        assertEquals(1, finding(p, "rate-limit.exceeded").fact("limit"));
    }

    @Test
    void evaluate_rateLimitDayCountedInPolicyZone() {
        ChangeApprovalConfig policy = ChangeApprovalConfig.custom().rateLimit(1).zone(ZoneOffset.ofHours(10)).build();
        ChangeApproval e = ChangeApproval.of(policy, List.of());
        // window starts 2024-01-10T12:00Z = 22:00 +10; the other change at 15:00Z = 01:00 next day +10
        ChangeRequest request = complete(Type.STANDARD, Duration.ofHours(3)).build();
        TestContext ctx = TestContext.at(NOW)
                .withScheduled(List.of(ScheduledChange.of("X", "checkout", Instant.parse("2024-01-10T15:00:00Z"))));
        assertEquals(Level.PASS, finding(ctx.decide(e, request), "rate-limit.within").level());
        assertEquals(Verdict.REJECTED, ChangeApproval.of(ChangeApprovalConfig.custom().rateLimit(1).build(), List.of())
                .evaluate(ctx.input(request), ctx.clock()).verdict());
    }

    @Test
    void evaluate_authorApproving_failsSegregationAndDoesNotCount() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval(" Alice ", Role.CAB)
                .build();
        ChangeDecision d = decide(request);
        assertEquals(Verdict.REJECTED, d.verdict());
        Finding f = finding(d, "segregation-of-duties.self_approval");
        assertEquals(List.of(Role.CAB), f.fact("roles"));
        assertEquals(List.of(Role.CAB), d.missingApprovers());
    }

    @Test
    void evaluate_riskConditions_highestWinsFirstNamed() {
        ChangeApprovalConfig policy = ChangeApprovalConfig.custom()
                .riskCondition(RiskCondition.of("touches-db", Risk.MODERATE,
                        r -> r.impact() != null && r.impact().systems().contains("db-primary")))
                .riskCondition(RiskCondition.of("many-users", Risk.HIGH,
                        r -> r.impact() != null && r.impact().usersAffected() > 1000))
                .riskCondition(RiskCondition.of("checkout", Risk.HIGH, r -> r.service().equals("checkout")))
                .riskCondition(RiskCondition.of("never", Risk.VERY_HIGH, r -> false))
                .riskApprovers(Risk.MODERATE, List.of(Role.of("security")))
                .riskApprovers(Risk.HIGH, List.of(Role.MANAGER))
                .build();
        ChangeApproval e = ChangeApproval.of(policy, List.of());
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB)
                .build();
        ChangeDecision d = TestContext.at(NOW).decide(e, request);
        assertEquals(Risk.HIGH, d.risk());
        Finding f = finding(d, "risk.assessed");
        assertEquals("many-users", f.fact("condition"));
        assertEquals(List.of("touches-db", "many-users", "checkout"), f.fact("matched"));
        assertEquals(List.of(Role.CAB, Role.of("security"), Role.MANAGER),
                d.requiredApprovers());
        assertEquals(Verdict.NEEDS_APPROVAL, d.verdict());
        assertEquals(List.of(Role.of("security"), Role.MANAGER), d.missingApprovers());

        ChangeRequest standard = complete(Type.STANDARD, Duration.ofDays(1)).build();
        ChangeDecision ds = TestContext.at(NOW).decide(e, standard);
        Finding exceeds = finding(ds, "risk.exceeds_type");
        assertEquals(Risk.LOW, exceeds.fact("max"));
        assertEquals(Verdict.REJECTED, ds.verdict());
    }

    @Test
    void policy_fromCopiesEverySetting() {
        Interval freeze = Interval.of(Instant.parse("2024-12-20T00:00:00Z"), Duration.ofDays(10));
        ChangeApprovalConfig base = ChangeApprovalConfig.custom()
                .approvers(Type.STANDARD, List.of(Role.of("peer"), Role.of("peer")))
                .leadTime(Type.NORMAL, Duration.ofDays(3))
                .requiredFields(Type.STANDARD, List.of(Field.DESCRIPTION))
                .requiredFields(Type.EMERGENCY, List.of())
                .rollbackPlanRequired(List.of(Type.NORMAL, Type.STANDARD))
                .retrospectiveRequired(List.of())
                .retrospectiveWithin(Duration.ofHours(12))
                .deployFreeze(DeployFreezeConfig.custom().allowedWhileFrozen(Set.of()).build())
                .lowBudgetPercent(new BigDecimal("10"))
                .rateLimit(4).rateLimit("payments", 1)
                .rateLimitExempt(List.of(Type.STANDARD))
                .zone(ZoneOffset.ofHours(2))
                .riskCondition(RiskCondition.of("db", Risk.HIGH, r -> true))
                .riskApprovers(Risk.HIGH, List.of(Role.MANAGER))
                .maxRisk(Type.NORMAL, Risk.MODERATE)
                .disable(ChangeApproval.WINDOW, "tested elsewhere")
                .build();
        ChangeApprovalConfig copy = ChangeApprovalConfig.from(base).build();
        for (ChangeApprovalConfig p : List.of(base, copy)) {
            assertEquals(List.of(Role.of("peer")), p.approvers(Type.STANDARD));
            assertEquals(Duration.ofDays(3), p.leadTime(Type.NORMAL));
            assertEquals(java.util.Set.of(Field.DESCRIPTION), p.requiredFields(Type.STANDARD));
            assertTrue(p.requiredFields(Type.EMERGENCY).isEmpty());
            assertTrue(p.rollbackPlanRequired(Type.STANDARD));
            assertFalse(p.rollbackPlanRequired(Type.EXPEDITED));
            assertFalse(p.retrospectiveRequired(Type.EMERGENCY));
            assertEquals(Duration.ofHours(12), p.retrospectiveWithin());
            assertEquals(Set.of(), p.deployFreeze().allowedWhileFrozen());
            assertFalse(p.deployFreeze().allowedWhileFrozen().contains(ChangeKind.CRITICAL));
            assertEquals(new BigDecimal("10"), p.lowBudgetPercent());
            assertEquals(4, p.rateLimit("checkout").getAsInt());
            assertEquals(1, p.rateLimit("payments").getAsInt());
            assertTrue(p.rateLimitExempt(Type.STANDARD));
            assertFalse(p.rateLimitExempt(Type.EMERGENCY));
            assertEquals(ZoneOffset.ofHours(2), p.zone());
            assertEquals(1, p.riskConditions().size());
            assertEquals(List.of(Role.MANAGER), p.riskApprovers(Risk.VERY_HIGH));
            assertEquals(List.of(), p.riskApprovers(Risk.MODERATE));
            assertEquals(Risk.MODERATE, p.maxRisk(Type.NORMAL));
            assertEquals(Risk.LOW, p.maxRisk(Type.STANDARD));
            assertTrue(p.isDisabled(ChangeApproval.WINDOW));
            assertFalse(p.isDisabled(null));
        }
        ChangeApprovalConfig defaults = ChangeApprovalConfig.ofDefaults();
        assertTrue(defaults.rateLimit("checkout").isEmpty());
        assertTrue(defaults.deployFreeze().allowedWhileFrozen().contains(ChangeKind.CRITICAL));
        assertEquals(new BigDecimal("25"), defaults.lowBudgetPercent());
        // calendar freezes are input now: the year-end freeze travels with the request
        ChangeApproval.Input withCalendar = ChangeApproval.Input.of(complete(Type.NORMAL, Duration.ofDays(6)).build())
                .withFreezeWindows(List.of(FreezeWindow.of("year-end", freeze)));
        assertEquals(1, withCalendar.freezeWindows().size());
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom()
                .lowBudgetPercent(new BigDecimal("100.1")));
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom()
                .lowBudgetPercent(new BigDecimal("-1")));
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom().deployFreeze(null));
        assertTrue(defaults.retrospectiveRequired(Type.EMERGENCY));
        assertEquals(ChangeApprovalConfig.DEFAULT_ZONE, defaults.zone());
        assertEquals(ChangeApproval.ofDefaults().config().retrospectiveWithin(), Duration.ofHours(48));
        assertThrows(IllegalArgumentException.class,
                () -> ChangeApprovalConfig.custom().leadTime(Type.NORMAL, ChangeApprovalConfig.MAX_DURATION.plusNanos(1)));
        assertEquals(ChangeApprovalConfig.MAX_DURATION, ChangeApprovalConfig.custom()
                .leadTime(Type.NORMAL, ChangeApprovalConfig.MAX_DURATION).build().leadTime(Type.NORMAL));
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom()
                .riskCondition(RiskCondition.of("a", Risk.LOW, r -> true))
                .riskCondition(RiskCondition.of("a", Risk.HIGH, r -> true)));
    }

    @Test
    void evaluate_selfApprovalInSeveralRoles_listsRolesSorted() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("alice", Role.ON_CALL)
                .approval("ALICE", Role.CAB).approval("alice", Role.MANAGER).build();
        assertEquals(List.of(Role.CAB, Role.MANAGER, Role.ON_CALL),
                finding(decide(request), "segregation-of-duties.self_approval").fact("roles"));
        FreezeDecision frozen = ChangeFixtures.freeze("checkout", 40);
        assertEquals(FreezeDecision.Verdict.FREEZE, frozen.verdict());
        assertTrue(frozen.frozen());
        assertFalse(ChangeFixtures.freeze("checkout", 20).frozen());
        ChangeRequest any = complete(Type.NORMAL, Duration.ofDays(6)).build();
        assertTrue(ChangeApproval.Input.of(any).freezeDecision().isEmpty());
        assertTrue(ChangeApproval.Input.of(any).withFreeze(frozen).freezeDecision().isPresent());
        assertEquals(Type.EXPEDITED, ChangeRequest.builder("x", Type.NORMAL, ChangeKind.ROUTINE, "s", "a", NOW)
                .type(Type.EXPEDITED).build().type());
    }

    @Test
    void evaluate_riskNoConditionMatches_isLow() {
        ChangeApprovalConfig policy = ChangeApprovalConfig.custom()
                .riskCondition(RiskCondition.of("never", Risk.HIGH, r -> false))
                .riskCondition(RiskCondition.of("boom", Risk.HIGH, r -> {
                    throw new IllegalStateException("boom");
                }))
                .build();
        ChangeDecision d = ChangeApproval.of(policy, List.of())
                .evaluate(TestContext.at(NOW).input(complete(Type.STANDARD, Duration.ofDays(1)).build()), TestContext.at(NOW).clock());
        assertEquals(Risk.LOW, d.risk());
        assertEquals("none", finding(d, "risk.assessed").fact("condition"));
        assertEquals("Risk LOW (no condition matched)", finding(d, "risk.assessed").message());
        assertEquals(Level.FAIL, finding(d, "risk.condition_error").level());
        assertEquals(Verdict.REJECTED, d.verdict());
    }

    @Test
    void evaluate_disabledBuiltIn_isReportedVisibly() {
        ChangeApprovalConfig policy = ChangeApprovalConfig.custom().disable(ChangeApproval.ROLLBACK_PLAN, "legacy batch jobs").build();
        ChangeApproval e = ChangeApproval.of(policy, List.of());
        assertFalse(e.ruleIds().contains(ChangeApproval.ROLLBACK_PLAN));
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).rollbackPlan(null)
                .approval("carol", Role.CAB).build();
        ChangeDecision d = TestContext.at(NOW).decide(e, request);
        assertEquals(Verdict.APPROVED, d.verdict());
        Finding f = d.findings().list().get(0);
        assertEquals("change.rule.disabled", f.code());
        assertEquals(Level.WARN, f.level());
        assertEquals("Rule rollback-plan is disabled by configuration: legacy batch jobs", f.message());
    }

    @Test
    void evaluate_disabledRetrospective_noDueDate() {
        ChangeApprovalConfig policy = ChangeApprovalConfig.custom().disable(ChangeApproval.RETROSPECTIVE, "tracked elsewhere").build();
        ChangeDecision d = TestContext.at(NOW).decide(ChangeApproval.of(policy, List.of()),
                complete(Type.EMERGENCY, Duration.ZERO).build());
        assertFalse(d.retrospectiveRequired());
        assertNull(d.retrospectiveDue());
    }

    @Test
    void of_disablingUnknownRule_throws() {
        ChangeApprovalConfig policy = ChangeApprovalConfig.custom().disable("no-such-rule", "typo").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangeApproval.of(policy, List.of()));
        assertTrue(e.getMessage().contains("no-such-rule"), e.getMessage());
    }

    @Test
    void of_customRuleClaimingBuiltInId_throws() {
        ChangeRule impostor = new ChangeRule() {
            @Override
            public String id() {
                return ChangeApproval.ROLLBACK_PLAN;
            }

            @Override
            public RuleResult<Extras> evaluate(ChangeApproval.Input input, Instant now, ChangeApprovalConfig config) {
                return RuleResult.of(Extras.none());
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChangeApproval.of(ChangeApprovalConfig.ofDefaults(), List.of(impostor)));
        assertTrue(e.getMessage().contains("rollback-plan"), e.getMessage());
    }

    @Test
    void of_customRuleClaimingEngineNamespace_throws() {
        ChangeRule engine = rule(ChangeApproval.NAMESPACE, RuleResult.of(Extras.none(),
                Finding.pass("change.approvals.complete", "approved", Facts.none())));
        assertThrows(IllegalStateException.class, () -> ChangeApproval.of(ChangeApprovalConfig.ofDefaults(),
                List.of(engine)));
    }

    @Test
    void of_duplicateCustomIds_throw() {
        ChangeRule a = rule("dup", RuleResult.of(Extras.none()));
        assertThrows(IllegalArgumentException.class, () -> ChangeApproval.of(ChangeApprovalConfig.ofDefaults(), List.of(a, a)));
    }

    @Test
    void evaluate_customRuleThrowingOrReturningNull_failsClosed() {
        ChangeRule throwing = new ChangeRule() {
            @Override
            public String id() {
                return "throwing";
            }

            @Override
            public RuleResult<Extras> evaluate(ChangeApproval.Input input, Instant now, ChangeApprovalConfig config) {
                throw new NullPointerException("oops");
            }
        };
        ChangeRule nulls = rule("nulls", null);
        ChangeApproval e = ChangeApproval.of(ChangeApprovalConfig.ofDefaults(), List.of(throwing, nulls));
        ChangeDecision d = TestContext.at(NOW).decide(e, complete(Type.STANDARD, Duration.ofDays(1)).build());
        assertEquals(Verdict.REJECTED, d.verdict());
        List<Finding> errors = d.findings().filter(f -> f.code().equals("change.plugin.error")).list();
        assertEquals(2, errors.size());
        assertEquals("nulls", errors.get(0).fact("provider"));
        assertEquals("throwing", errors.get(1).fact("provider"));
        assertEquals("java.lang.NullPointerException", errors.get(1).fact("error"));
    }

    @Test
    void evaluate_customRuleCanAddApproverAndCannotLoosen() {
        ChangeRule security = rule("security", RuleResult.of(Extras.requiring(List.of(Role.of("security"))),
                Finding.pass("security.reviewed", "Security review requested", Facts.none())));
        ChangeRule loosen = rule("loosen", RuleResult.of(Extras.none(),
                Finding.pass("loosen.rollback_plan_ok", "ignore it", Facts.none())));
        ChangeApproval e = ChangeApproval.of(ChangeApprovalConfig.ofDefaults(), List.of(security, loosen));
        assertEquals(List.of("required-fields", "rollback-plan", "window", "lead-time", "freeze-calendar",
                "freeze-error-budget", "rate-limit", "segregation-of-duties", "risk", "success-score", "retrospective",
                "loosen", "security"), e.ruleIds());
        ChangeRequest noRollback = complete(Type.NORMAL, Duration.ofDays(6)).rollbackPlan(null)
                .approval("carol", Role.CAB).approval("sec", Role.of("security")).build();
        assertEquals(Verdict.REJECTED, TestContext.at(NOW).decide(e, noRollback).verdict());

        ChangeRequest ok = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeDecision d = TestContext.at(NOW).decide(e, ok);
        assertEquals(Verdict.NEEDS_APPROVAL, d.verdict());
        assertEquals(List.of(Role.of("security")), d.missingApprovers());
    }

    @Test
    void evaluate_clockAndRenderingAreDeterministic() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(7)).build();
        ChangeDecision a = evaluator.evaluate(request, Clock.fixed(NOW, ZoneOffset.UTC));
        ChangeDecision b = TestContext.at(NOW).decide(evaluator, request);
        assertEquals(a, b);
        assertEquals(a.toText(), b.toText());
        assertEquals("Change CHG-1 (NORMAL)\nVerdict: NEEDS_APPROVAL\n"
                + "[PASS] required-fields.complete: All fields required for a normal change are documented "
                + "(type=NORMAL, missing=[])\n"
                + "[PASS] rollback-plan.documented: A rollback plan is documented (type=NORMAL)\n"
                + "[PASS] window.valid: The scheduled window is ahead and long enough "
                + "(window=[2024-01-17T09:00:00Z, 2024-01-17T11:00:00Z))\n"
                + "[PASS] lead-time.met: The lead time is met (required=PT120H, actual=PT168H)\n"
                + "[INFO] freeze-error-budget.unknown: No error-budget freeze decision is known: the error budget "
                + "was not consulted (service=checkout)\n"
                + "[WARN] change.approvals.insufficient: Still needs approval from [cab] (required=[cab], missing=[cab])\n",
                a.toText());
        assertTrue(a.toMarkdown().startsWith("## Change CHG-1 (NORMAL)\n\n**Verdict: NEEDS_APPROVAL**"));
        assertEquals(a.verdict(), a.toDecision().verdict());
    }

    @Test
    void evaluate_customRuleSpoofingRiskAssessed_isRejectedAndRiskUnchanged() {
        ChangeApprovalConfig config = ChangeApprovalConfig.custom()
                .riskCondition(RiskCondition.of("checkout", Risk.HIGH, r -> r.service().equals("checkout"))).build();
        // the spoof: a custom rule speaks for the built-in risk rule and claims LOW risk in its extras too
        ChangeRule spoof = rule("spoof", RuleResult.of(new Extras(List.of(), Risk.LOW, Duration.ZERO, null),
                Finding.info("risk.assessed", "Risk LOW", Facts.of("risk", Risk.LOW))));
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeDecision honest = TestContext.at(NOW).decide(ChangeApproval.of(config), request);
        ChangeDecision d = TestContext.at(NOW).decide(ChangeApproval.of(config, List.of(spoof)), request);
        assertEquals(Risk.HIGH, honest.risk());
        assertEquals(Risk.HIGH, d.risk());
        assertEquals(Duration.ofDays(5), d.requiredLeadTime());
        assertEquals(Verdict.REJECTED, d.verdict());
        Finding foreign = finding(d, "change.plugin.foreign_code");
        assertEquals(Level.FAIL, foreign.level());
        assertEquals("spoof", foreign.fact("provider"));
        assertEquals("risk.assessed", foreign.fact("code"));
        assertEquals(1, d.findings().filter(f -> f.code().equals("risk.assessed")).size());
        // a custom rule in its own namespace is fine, but its extras never set the typed risk
        ChangeRule own = rule("own", RuleResult.of(new Extras(List.of(), Risk.LOW, null, null),
                Finding.info("own.assessed", "Risk LOW", Facts.none())));
        assertEquals(Risk.HIGH, TestContext.at(NOW).decide(ChangeApproval.of(config, List.of(own)), request).risk());
    }

    @Test
    void evaluate_riskFromErrorBudget_lowOrBurningBudgetRaisesRisk() {
        ChangeRequest normal = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        // no budget known: the seed's default, no risk scoring
        assertNull(decide(normal).risk());
        // healthy budget (54 % left, 0.8x): assessed LOW
        ChangeDecision healthy = TestContext.at(NOW).withFreeze(ChangeFixtures.freeze("checkout", 20))
                .decide(evaluator, normal);
        assertEquals(Risk.LOW, healthy.risk());
        assertEquals("none", finding(healthy, "risk.assessed").fact("condition"));
        assertEquals(Verdict.APPROVED, healthy.verdict());
        // low budget (20 % left, 1.4x, not frozen): MODERATE, named after the error budget
        FreezeDecision low = ChangeFixtures.freeze("checkout", 35);
        assertFalse(low.frozen());
        assertTrue(low.remainingPercent().compareTo(new BigDecimal("25")) < 0, low.remainingPercent().toString());
        ChangeDecision lowD = TestContext.at(NOW).withFreeze(low).decide(evaluator, normal);
        assertEquals(Risk.MODERATE, lowD.risk());
        Finding assessed = finding(lowD, "risk.assessed");
        assertEquals("error-budget", assessed.fact("condition"));
        assertEquals(low.remainingPercent(), assessed.fact("remainingPercent"));
        assertEquals(Verdict.APPROVED, lowD.verdict());
        // a standard change on a low budget is no longer standard (max LOW)
        ChangeRequest standard = complete(Type.STANDARD, Duration.ofHours(3)).build();
        ChangeDecision std = TestContext.at(NOW).withFreeze(low).decide(evaluator, standard);
        assertEquals(Verdict.REJECTED, std.verdict());
        assertEquals(Level.FAIL, finding(std, "risk.exceeds_type").level());
        // a lower threshold switches the low-budget raise off
        ChangeApproval lenient = ChangeApproval.of(ChangeApprovalConfig.custom().lowBudgetPercent(BigDecimal.TEN)
                .build());
        assertEquals(Risk.LOW, TestContext.at(NOW).withFreeze(low).decide(lenient, normal).risk());
        // frozen or exhausted: HIGH, and the risk approvers it calls for are required
        ChangeApproval withApprovers = ChangeApproval.of(ChangeApprovalConfig.custom()
                .riskApprovers(Risk.HIGH, List.of(Role.MANAGER)).build());
        for (long bad : new long[] {40, 120}) {
            ChangeDecision high = TestContext.at(NOW).withFreeze(ChangeFixtures.freeze("checkout", bad))
                    .decide(withApprovers, normal);
            assertEquals(Risk.HIGH, high.risk(), "bad minutes " + bad);
            assertEquals(List.of(Role.CAB, Role.MANAGER), high.requiredApprovers());
        }
        // kinds a freeze allows are not made riskier by the budget; conditions still apply
        ChangeRequest rollback = complete(Type.NORMAL, Duration.ofDays(6)).kind(ChangeKind.ROLLBACK)
                .approval("carol", Role.CAB).build();
        assertEquals(Risk.LOW, TestContext.at(NOW).withFreeze(ChangeFixtures.freeze("checkout", 120))
                .decide(evaluator, rollback).risk());
        // the highest of conditions and budget wins
        ChangeApproval conditions = ChangeApproval.of(ChangeApprovalConfig.custom()
                .riskCondition(RiskCondition.of("db", Risk.VERY_HIGH, r -> true)).build());
        ChangeDecision both = TestContext.at(NOW).withFreeze(low).decide(conditions, normal);
        assertEquals(Risk.VERY_HIGH, both.risk());
        assertEquals(List.of("db", "error-budget"), finding(both, "risk.assessed").fact("matched"));
    }

    static ChangeRule rule(String id, RuleResult<Extras> outcome) {
        return new ChangeRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public RuleResult<Extras> evaluate(ChangeApproval.Input input, Instant now, ChangeApprovalConfig config) {
                return outcome;
            }
        };
    }
}
