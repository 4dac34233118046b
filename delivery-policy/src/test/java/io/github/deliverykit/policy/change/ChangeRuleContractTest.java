package io.github.deliverykit.policy.change;

import static io.github.deliverykit.policy.change.ChangeFixtures.NOW;
import static io.github.deliverykit.policy.change.ChangeFixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.policy.change.ChangeApproval.FreezeWindow;
import io.github.deliverykit.policy.change.ChangeApproval.Input;
import io.github.deliverykit.policy.change.ChangeApproval.ScheduledChange;
import io.github.deliverykit.policy.change.ChangeApprovalConfig.RiskCondition;
import io.github.deliverykit.policy.change.ChangeDecision.Risk;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import io.github.deliverykit.policy.change.spi.ChangeRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract of every built-in {@link ChangeRule}, run against each one (HdrHistogram's style). */
final class ChangeRuleContractTest {

    static Stream<ChangeRule> builtIns() {
        List<ChangeRule> builtIns = Providers.load(ChangeRule.class).all().stream()
                .filter(r -> r.getClass().getPackageName().endsWith(".internal")).toList();
        assertEquals(ChangeApproval.BUILT_IN_IDS, builtIns.stream().map(ChangeRule::id).toList());
        return builtIns.stream();
    }

    static List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        List<FreezeWindow> windows = List.of(FreezeWindow.of("all", Interval.of(Interval.MIN, Interval.MAX)));
        List<ScheduledChange> scheduled = List.of(ScheduledChange.of("CHG-0", "checkout", NOW),
                ScheduledChange.of("CHG-1", "checkout", NOW));
        for (Type type : Type.values()) {
            ChangeRequest full = complete(type, Duration.ofDays(6)).approval("alice", Role.CAB)
                    .approval("bob", Role.ON_CALL).build();
            // edge: nothing documented, no window, an empty window, a window in the past
            ChangeRequest bare = ChangeRequest.builder("CHG-E", type, ChangeFixtures.kindOf(type), "checkout",
                    "alice", Interval.MIN).build();
            ChangeRequest empty = complete(type, Duration.ZERO).window(Interval.of(NOW, NOW)).build();
            ChangeRequest past = complete(type, Duration.ZERO).window(Interval.of(Interval.MIN, Duration.ofHours(1)))
                    .build();
            for (ChangeRequest r : List.of(full, bare, empty, past)) {
                inputs.add(Input.of(r));
                inputs.add(Input.of(r).withFreezeWindows(windows).withScheduled(scheduled)
                        .withFreeze(ChangeFixtures.freeze("checkout", 40)));
                inputs.add(Input.of(r).withFreeze(ChangeFixtures.freeze("other", 60)));
                inputs.add(Input.of(r).withFreeze(ChangeFixtures.freeze("checkout", 120)));
            }
        }
        return inputs;
    }

    static List<ChangeApprovalConfig> configs() {
        return List.of(ChangeApprovalConfig.ofDefaults(), ChangeApprovalConfig.custom().rateLimit(1)
                .riskCondition(RiskCondition.of("all", Risk.VERY_HIGH, r -> true))
                .riskCondition(RiskCondition.of("boom", Risk.HIGH, r -> {
                    throw new IllegalStateException("boom");
                }))
                .riskApprovers(Risk.LOW, List.of(Role.of("peer")))
                .retrospectiveRequired(List.of(Type.values())).retrospectiveWithin(ChangeApprovalConfig.MAX_DURATION)
                .build());
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void contract_stableIdDeterministicNamespacedNoException(ChangeRule rule) {
        String id = rule.id();
        assertFalse(id.isBlank());
        assertEquals(id, rule.id());
        for (ChangeApprovalConfig config : configs()) {
            for (Input input : inputs()) {
                for (Instant now : List.of(NOW, Interval.MIN, Interval.MAX)) {
                    RuleResult<ChangeRule.Extras> a = rule.evaluate(input, now, config);
                    RuleResult<ChangeRule.Extras> b = rule.evaluate(input, now, config);
                    assertEquals(a, b, "deterministic");
                    assertTrue(a.inNamespace(id), id + ": " + a.findings().codes());
                    // typed extras only from the rule that owns them
                    if (!id.equals(ChangeApproval.RISK)) {
                        assertEquals(null, a.extras().risk());
                    }
                    if (!id.equals(ChangeApproval.LEAD_TIME)) {
                        assertEquals(null, a.extras().requiredLeadTime());
                    }
                    if (!id.equals(ChangeApproval.RETROSPECTIVE)) {
                        assertEquals(null, a.extras().retrospectiveDue());
                    }
                }
            }
        }
    }
}
