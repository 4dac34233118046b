package io.github.deliverykit.policy.budget;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.metrics.budget.ErrorBudgets;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.SliSeries;
import io.github.deliverykit.metrics.budget.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link DeployFreeze} evaluates: the deployment asking to go ahead, the error budget status
 * of its service and, when a lookback is configured, the Workbook burn rate over it. Immutable and
 * validated on construction.
 *
 * @param request the deployment asking to go ahead
 * @param budget the error budget status of its service
 * @param lookback the lookback of {@code lookbackBurnRate}, or null
 * @param lookbackBurnRate the burn rate over the lookback, or null to use the budget-period burn rate
 */
public record FreezeInput(Request request, BudgetStatus budget, @Nullable Duration lookback,
        @Nullable BigDecimal lookbackBurnRate) {

    /**
     * Validates the input.
     *
     * @throws IllegalArgumentException if a required field is null, only one of lookback and its
     *     burn rate is given, the burn rate is negative, or the services differ
     */
    public FreezeInput {
        Checks.notNull(request, "request");
        Checks.notNull(budget, "budget");
        if ((lookback == null) != (lookbackBurnRate == null)) {
            throw Checks.invalid("lookbackBurnRate", "must be given together with lookback (" + lookback + ")",
                    lookbackBurnRate);
        }
        if (lookback != null) {
            Checks.positive(lookback, "lookback");
        }
        if (lookbackBurnRate != null && (lookbackBurnRate.signum() < 0
                || lookbackBurnRate.stripTrailingZeros().scale() > 30
                || lookbackBurnRate.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0)) {
            throw Checks.invalid("lookbackBurnRate", "must be between 0 and 2^63 with at most 30 decimals",
                    lookbackBurnRate.toString());
        }
        if (!request.service().equals(budget.slo().service())) {
            throw Checks.invalid("request.service", "must be the budget's service '" + budget.slo().service() + "'",
                    request.service());
        }
    }

    /**
     * Input with the budget-period burn rate only.
     *
     * @param request the request
     * @param budget the budget status
     * @return the input
     */
    public static FreezeInput of(Request request, BudgetStatus budget) {
        return new FreezeInput(request, budget, null, null);
    }

    /**
     * Input for a time-based SLO computed from incidents at an instant, with the config's lookback.
     *
     * @param request the request
     * @param slo the time-based SLO of the service
     * @param incidents the incidents
     * @param maintenance scheduled maintenance
     * @param at now
     * @param config the freeze config (for its lookback)
     * @return the input
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static FreezeInput fromIncidents(Request request, Slo slo, Collection<Incident> incidents,
            MaintenanceSchedule maintenance, Instant at, DeployFreezeConfig config) {
        Checks.notNull(config, "config");
        BudgetStatus budget = ErrorBudgets.timeBased(slo, incidents, maintenance, at);
        Duration lb = config.lookback().orElse(null);
        BigDecimal rate = lb == null ? null : ErrorBudgets.burnRate(slo, incidents, maintenance, lb, at);
        return new FreezeInput(request, budget, lb, rate);
    }

    /**
     * Input for an event-based SLO computed from a series at an instant, with the config's lookback.
     *
     * @param request the request
     * @param slo the event-based SLO of the service
     * @param series the good / total counts
     * @param at now
     * @param config the freeze config (for its lookback)
     * @return the input
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static FreezeInput fromEvents(Request request, Slo slo, SliSeries series, Instant at,
            DeployFreezeConfig config) {
        Checks.notNull(config, "config");
        BudgetStatus budget = ErrorBudgets.events(slo, series, at);
        Duration lb = config.lookback().orElse(null);
        BigDecimal rate = lb == null ? null : ErrorBudgets.burnRate(slo.target(), series, lb, at);
        return new FreezeInput(request, budget, lb, rate);
    }

    /**
     * The burn rate a freeze compares with its threshold: over the lookback when given, else over
     * the elapsed budget period.
     *
     * @return the burn rate
     */
    public BigDecimal burnRate() {
        return lookbackBurnRate != null ? lookbackBurnRate : budget.burnRate();
    }

    /**
     * The lookback, if any.
     *
     * @return the lookback
     */
    public Optional<Duration> lookbackWindow() {
        return Optional.ofNullable(lookback);
    }

    /**
     * A deployment asking to go ahead.
     *
     * @param service the service to deploy, not blank
     * @param changeId the change or deployment id, for the findings, not blank
     * @param kind what kind of change it is (what a freeze may still allow)
     */
    public record Request(String service, String changeId, ChangeKind kind) {

        /**
         * Validates the request.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public Request {
            Checks.notBlank(service, "service");
            Checks.notBlank(changeId, "changeId");
            Checks.notNull(kind, "kind");
        }
    }
}
