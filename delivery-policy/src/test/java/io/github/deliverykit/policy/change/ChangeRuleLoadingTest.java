package io.github.deliverykit.policy.change;

import static io.github.deliverykit.policy.change.ChangeFixtures.NOW;
import static io.github.deliverykit.policy.change.ChangeFixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.policy.change.ChangeDecision.Verdict;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import io.github.deliverykit.policy.change.spi.ChangeRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ChangeRuleLoadingTest {

    @Test
    void load_findsBuiltInsAndTestRuleInDeterministicOrder() {
        ProviderRegistry<ChangeRule> registry = Providers.load(ChangeRule.class);
        List<String> expected = new ArrayList<>(ChangeApproval.BUILT_IN_IDS);
        expected.add("ticket-reference");
        assertEquals(expected, registry.ids());
        assertInstanceOf(TicketReferenceRule.class, registry.get("ticket-reference"));
        assertTrue(registry.problems().isEmpty());
    }

    @Test
    void evaluate_loadedCustomRuleTightensVerdict() {
        ChangeApproval evaluator = ChangeApproval.load(ChangeApprovalConfig.ofDefaults());
        assertEquals("ticket-reference", evaluator.ruleIds().get(evaluator.ruleIds().size() - 1));
        ChangeApprovalConfig defaults = ChangeApprovalConfig.ofDefaults();
        for (ChangeApproval other : List.of(ChangeApproval.loadLenient(defaults),
                ChangeApproval.load(defaults, ChangeRuleLoadingTest.class.getClassLoader()))) {
            assertEquals(evaluator.ruleIds(), other.ruleIds());
        }
        assertEquals(ChangeApproval.BUILT_IN_IDS, ChangeApproval.load(defaults, ModuleLayer.boot()).ruleIds());
        assertEquals(ChangeApproval.BUILT_IN_IDS, ChangeApproval.of(defaults).ruleIds());
        ChangeRequest without = complete(Type.STANDARD, Duration.ofDays(1)).build();
        ChangeDecision d = TestContext.at(NOW).decide(evaluator, without);
        assertEquals(Verdict.REJECTED, d.verdict());
        assertEquals(Level.FAIL, d.findings().find("ticket-reference.missing").orElseThrow().level());

        ChangeRequest with = complete(Type.STANDARD, Duration.ofDays(1)).description("Rotate certs OPS-42")
                .build();
        ChangeDecision ok = TestContext.at(NOW).decide(evaluator, with);
        assertEquals(Verdict.APPROVED, ok.verdict());
        assertEquals(List.of("ticket-reference.found", "change.approvals.pre_approved"),
                ok.findings().codes().subList(ok.findings().size() - 2, ok.findings().size()));
    }

    @Test
    void of_handBuiltRegistryWithoutBuiltIns_stillRunsBuiltIns() {
        ProviderRegistry<ChangeRule> registry = ProviderRegistry.of(ChangeRule.class, new TicketReferenceRule());
        ChangeApproval evaluator = ChangeApproval.of(ChangeApprovalConfig.ofDefaults(), registry.all());
        assertEquals(12, evaluator.ruleIds().size());
        ChangeRequest noRollback = complete(Type.NORMAL, Duration.ofDays(6)).description("OPS-1")
                .rollbackPlan(null).approval("carol", Role.CAB).build();
        assertEquals(Verdict.REJECTED, TestContext.at(NOW).decide(evaluator, noRollback).verdict());
    }

    @Test
    void builtIns_haveDocumentedIdsAndPriorities() {
        List<ChangeRule> builtIns = ChangeRuleContractTest.builtIns().toList();
        for (int i = 0; i < builtIns.size(); i++) {
            assertEquals(ChangeApproval.BUILT_IN_IDS.get(i), builtIns.get(i).id());
            assertEquals(900 - 10 * i, builtIns.get(i).priority());
            assertEquals(builtIns.get(i).id(), builtIns.get(i).toString());
        }
    }
}
