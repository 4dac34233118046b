package io.github.deliverykit.policy.change;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.metrics.budget.ErrorBudgets;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.policy.budget.DeployFreeze;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.budget.FreezeInput;
import io.github.deliverykit.policy.change.ChangeRequest.Impact;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

final class ChangeFixtures {

    static final Instant SUBMITTED = Instant.parse("2024-01-10T09:00:00Z");
    static final Instant NOW = SUBMITTED.plus(Duration.ofHours(1));

    private ChangeFixtures() {}

    static Impact impact() {
        return new Impact(List.of("db-primary"), List.of("checkout"), 1200, Duration.ofMinutes(5));
    }

    /** The kind the seed's types usually have, said explicitly (the library never derives it). */
    static ChangeKind kindOf(Type type) {
        return type == Type.EMERGENCY ? ChangeKind.CRITICAL : ChangeKind.ROUTINE;
    }

    /** A fully documented request of a type whose window starts {@code startAfter} after submission. */
    static ChangeRequest.Builder complete(Type type, Duration startAfter) {
        Instant start = SUBMITTED.plus(startAfter);
        return ChangeRequest.builder("CHG-1", type, kindOf(type), "checkout", "alice", SUBMITTED)
                .description("Upgrade the checkout database driver")
                .justification("Security fix CVE-2024-0001")
                .impact(impact())
                .implementationPlan("Rolling restart with the new driver")
                .rollbackPlan("Redeploy the previous image")
                .testingPlan("Smoke tests and synthetic checkout")
                .window(Interval.of(start, Duration.ofHours(2)));
    }

    /**
     * The error budget's freeze decision for a service, from the seed's month (43.8 minutes, evaluated
     * at minute 25,000 of 43,800): 20 bad minutes burn 0.8x (54 % left), 35 burn 1.4x (20 % left,
     * not frozen), 40 burn 1.6x (frozen, 9 % left), 44 and more exhaust it.
     */
    static FreezeDecision freeze(String service, long badMinutes) {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        Interval month = Interval.of(start, Duration.ofMinutes(Window.AVERAGE_MONTH_MINUTES));
        Slo slo = Slo.timeBased(service, "99.9", Window.averageMonth());
        Instant at = start.plus(Duration.ofMinutes(25_000));
        List<Incident> incidents = badMinutes == 0 ? List.of() : List.of(Incident.builder("INC-1", service,
                Severity.SEV2).started(start.plus(Duration.ofDays(2)))
                .mitigated(start.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(badMinutes))).build());
        BudgetStatus budget = ErrorBudgets.timeBased(slo, month, incidents, MaintenanceSchedule.none(), at);
        return DeployFreeze.ofDefaults().evaluate(FreezeInput.of(new FreezeInput.Request(service, "next-deploy",
                ChangeKind.ROUTINE), budget), Clock.fixed(at, ZoneOffset.UTC));
    }
}
