package io.github.deliverykit.policy.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.Provider;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.metrics.budget.ErrorBudgets;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.budget.spi.FreezePolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract of every built-in {@link FreezePolicy}, run against each one (HdrHistogram's style). */
final class FreezePolicyContractTest {

    static Stream<FreezePolicy> builtIns() {
        List<FreezePolicy> builtIns = Providers.load(FreezePolicy.class).all().stream()
                .filter(p -> p.getClass().getPackageName().endsWith(".internal")).toList();
        assertEquals(List.of("burn-rate"), builtIns.stream().map(Provider::id).toList());
        return builtIns.stream();
    }

    static List<FreezeInput> inputs() {
        List<FreezeInput> inputs = new ArrayList<>();
        for (ChangeKind kind : ChangeKind.values()) {
            FreezeInput.Request r = new FreezeInput.Request("portal", "c-" + kind, kind);
            inputs.add(FreezeInput.of(r, DeployFreezeTest.month(0)));
            inputs.add(FreezeInput.of(r, DeployFreezeTest.month(60)));
            // edge: exhausted at the very end of the period, and a zero burn rate at its start
            List<Incident> big = List.of(DeployFreezeTest.inc("BIG", DeployFreezeTest.START, 600));
            inputs.add(FreezeInput.of(r, ErrorBudgets.timeBased(DeployFreezeTest.SLO, DeployFreezeTest.MONTH, big,
                    MaintenanceSchedule.none(), DeployFreezeTest.MONTH.end())));
            BudgetStatus fresh = ErrorBudgets.timeBased(DeployFreezeTest.SLO, DeployFreezeTest.MONTH, List.of(),
                    MaintenanceSchedule.none(), DeployFreezeTest.START);
            inputs.add(FreezeInput.of(r, fresh));
            inputs.add(new FreezeInput(r, fresh, Duration.ofHours(1), new BigDecimal("1e18")));
        }
        return inputs;
    }

    static List<DeployFreezeConfig> configs() {
        return List.of(DeployFreezeConfig.ofDefaults(),
                DeployFreezeConfig.custom().burnRateThreshold("1000000").freezeWhenExhausted(false)
                        .allowedWhileFrozen(java.util.Set.of()).build(),
                DeployFreezeConfig.custom().burnRateThreshold("0.000001").lookback(Duration.ofMinutes(1)).build());
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void contract_stableIdDeterministicNamespacedNoException(FreezePolicy policy) {
        String id = policy.id();
        assertFalse(id.isBlank());
        assertEquals(id, policy.id());
        for (DeployFreezeConfig config : configs()) {
            for (FreezeInput input : inputs()) {
                RuleResult<FreezePolicy.Outcome> a = policy.evaluate(input, config);
                RuleResult<FreezePolicy.Outcome> b = policy.evaluate(input, config);
                assertEquals(a, b, "deterministic");
                assertTrue(a.inNamespace(id), a.findings().codes().toString());
                assertFalse(a.findings().isEmpty());
                // a frozen outcome is explained by a finding that is not PASS
                if (a.extras().frozen()) {
                    assertTrue(a.findings().worst().compareTo(Level.PASS) != 0, a.findings().toText());
                }
                FreezeDecision d = DeployFreeze.of(config, List.of(policy)).evaluate(input, DeployFreezeTest.CLOCK);
                assertEquals(d.allows(input.request().kind()), d.verdict() == FreezeDecision.Verdict.ALLOW);
                for (Finding f : d.findings()) {
                    assertTrue(f.code().startsWith(id) || f.code().startsWith(DeployFreeze.NAMESPACE + "."), f.code());
                }
            }
        }
    }
}
