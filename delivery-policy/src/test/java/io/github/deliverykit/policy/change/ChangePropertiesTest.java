package io.github.deliverykit.policy.change;

import static io.github.deliverykit.policy.change.ChangeFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.spi.RuleResult;
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
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

final class ChangePropertiesTest {

    @Provide
    Arbitrary<ChangeRequest> requests() {
        Arbitrary<Type> type = Arbitraries.of(Type.class);
        Arbitrary<String> text = Arbitraries.of(null, "", "  ", "documented");
        Arbitrary<Long> startHours = Arbitraries.longs().between(-10, 24 * 10);
        Arbitrary<List<Approval>> approvals = Arbitraries.of("alice", "bob", "carol")
                .flatMap(who -> Arbitraries.of(Role.CAB, Role.MANAGER, Role.ON_CALL)
                        .map(role -> Approval.of(who, role)))
                .list().ofMaxSize(3);
        return Combinators.combine(type, text, text, startHours, approvals, Arbitraries.of(true, false))
                .as((t, desc, rollback, hours, appr, hasWindow) -> {
                    ChangeRequest.Builder b = ChangeRequest.builder("CHG", t, ChangeFixtures.kindOf(t), "svc", "alice",
                                    ChangeFixtures.SUBMITTED)
                            .description(desc).justification("j").implementationPlan(desc).rollbackPlan(rollback)
                            .testingPlan("t").impact(ChangeFixtures.impact());
                    if (hasWindow) {
                        b.window(Interval.of(ChangeFixtures.SUBMITTED.plus(Duration.ofHours(hours)),
                                Duration.ofHours(3)));
                    }
                    appr.forEach(a -> b.approval(a.approver(), a.role()));
                    return b.build();
                });
    }

    @Property
    void customRule_neverLoosensVerdict(@ForAll("requests") ChangeRequest request,
            @ForAll("levels") Level level, @ForAll @IntRange(max = 2) int extraRoles) {
        ChangeDecision base = TestContext.at(NOW).decide(ChangeApproval.ofDefaults(), request);
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < extraRoles; i++) {
            roles.add(Role.of("extra" + i));
        }
        ChangeRule custom = ChangeApprovalTest.rule("custom",
                RuleResult.of(Extras.requiring(roles), Finding.of("custom.check", level, "custom", Facts.none())));
        ChangeDecision tightened = TestContext.at(NOW).decide(ChangeApproval.of(ChangeApprovalConfig.ofDefaults(),
                List.of(custom)), request);
        assertTrue(tightened.verdict().compareTo(base.verdict()) >= 0, base.verdict() + " -> " + tightened.verdict());
        assertTrue(tightened.findings().list().containsAll(base.findings().list().subList(0,
                base.findings().size() - 1)));
    }

    @Provide
    Arbitrary<Level> levels() {
        return Arbitraries.of(Level.class);
    }

    @Property
    void evaluate_sameInputSameRendering(@ForAll("requests") ChangeRequest request) {
        ChangeApproval e = ChangeApproval.ofDefaults();
        String a = TestContext.at(NOW).decide(e, request).toText();
        String b = TestContext.at(NOW).decide(e, request).toText();
        assertTrue(a.equals(b));
    }

    @Property
    void badInput_onlyIllegalArgument(@ForAll("junkStrings") String s, @ForAll("junkInstants") Instant at,
            @ForAll("junkDurations") Duration d, @ForAll @IntRange(min = -3, max = 3) int n) {
        expectOnlyIae(() -> ChangeRequest.builder(s, Type.NORMAL, ChangeKind.ROUTINE, s, s, at).build());
        expectOnlyIae(() -> new Impact(s == null ? null : List.of(s), List.of(), n, d));
        expectOnlyIae(() -> Role.of(s));
        expectOnlyIae(() -> Approval.of(s, null));
        expectOnlyIae(() -> ChangeApproval.Input.of(ChangeFixtures.complete(Type.NORMAL, Duration.ZERO).build())
                .withFreeze(null));
        expectOnlyIae(() -> ScheduledChange.of(s, s, at));
        if (at != null) {
            expectOnlyIae(() -> ChangeApproval.ofDefaults().evaluate(ChangeFixtures.complete(Type.NORMAL, Duration.ZERO)
                    .build(), Clock.fixed(at, ZoneOffset.UTC)));
        }
        expectOnlyIae(() -> ChangeApprovalConfig.custom().leadTime(Type.NORMAL, d).rateLimit(n).disable(s, s).build());
        expectOnlyIae(() -> ChangeApprovalConfig.custom().retrospectiveWithin(d).rateLimit(s, n).build());
        expectOnlyIae(() -> ChangeApprovalConfig.custom().requiredFields(Type.NORMAL,
                n > 0 ? List.of(Field.ROLLBACK_PLAN) : null).build());
        expectOnlyIae(() -> FreezeWindow.of(s, at == null ? null : Interval.of(at, at)));
        expectOnlyIae(() -> RiskCondition.of(s, null, null));
        expectOnlyIae(() -> ChangeApproval.ofDefaults().evaluate((ChangeApproval.Input) null, TestContext.at(NOW).clock()));
        expectOnlyIae(() -> ChangeApproval.ofDefaults().evaluate(ChangeRequest.builder("x", Type.NORMAL,
                ChangeKind.ROUTINE, "s", "a", NOW).build(), null));
        expectOnlyIae(() -> ChangeApproval.Input.of(null));
        expectOnlyIae(() -> ChangeFixtures.complete(Type.NORMAL, Duration.ZERO).build().documents(null));
        expectOnlyIae(() -> ChangeApprovalConfig.ofDefaults().approvers(null));
        expectOnlyIae(() -> ChangeRuleContractTest.builtIns().toList().get(Math.floorMod(n, 10))
                .evaluate(null, null, null));
    }

    @Provide
    Arbitrary<String> junkStrings() {
        return Arbitraries.oneOf(Arbitraries.of(null, "", " ", "UPPER", "ok", "a b"),
                Arbitraries.strings().ofMaxLength(5));
    }

    @Provide
    Arbitrary<Instant> junkInstants() {
        return Arbitraries.of(null, Instant.MIN, Instant.MAX, Instant.EPOCH, Interval.MAX, NOW);
    }

    @Provide
    Arbitrary<Duration> junkDurations() {
        return Arbitraries.of(null, Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(100_000),
                Duration.ofSeconds(Long.MAX_VALUE), Duration.ofHours(1));
    }

    static void expectOnlyIae(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException expected) {
            // the only exception bad input may raise
        } catch (RuntimeException e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }
}
