package io.github.deliverykit.policy.budget;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The result of a {@link DeployFreeze}: whether the service is frozen, whether the change asked
 * about may deploy, and the numbers behind it (the budget, the burn rate used, the lookback). This
 * is the typed value that change approval consumes: {@link #frozen()} and
 * {@link #allows(ChangeKind)} are the only freeze vocabulary downstream steps need.
 *
 * <p>The verdict is {@link Verdict#ALLOW} exactly when {@link #allows(ChangeKind)} holds for
 * {@link #kind()}; the constructor rejects any other combination. Immutable.
 *
 * @param verdict ALLOW or FREEZE for the change asked about
 * @param findings the policy's findings, then the engine's ({@code freeze.exempt} or
 *     {@code freeze.active} when frozen)
 * @param service the service
 * @param changeId the change asked about
 * @param kind the kind of the change asked about
 * @param frozen whether non-exempt deployments of the service are frozen
 * @param budget the error budget status the freeze was computed from
 * @param burnRate the burn rate the policy compared with its threshold
 * @param lookback the lookback of the burn rate, or null for the budget period
 * @param allowedWhileFrozen the kinds that stay allowed while frozen
 * @param policy the id of the policy that decided
 * @param evaluatedAt when the freeze was evaluated (the clock's instant)
 */
public record FreezeDecision(
        Verdict verdict,
        Findings findings,
        String service,
        String changeId,
        ChangeKind kind,
        boolean frozen,
        BudgetStatus budget,
        BigDecimal burnRate,
        @Nullable Duration lookback,
        Set<ChangeKind> allowedWhileFrozen,
        String policy,
        Instant evaluatedAt) implements Decided<FreezeDecision.Verdict> {

    /**
     * Validates the decision.
     *
     * @throws IllegalArgumentException if a required field is null or blank, the verdict disagrees
     *     with {@code frozen}, {@code kind} and {@code allowedWhileFrozen}, or the service is not the
     *     budget's
     */
    public FreezeDecision {
        Checks.notNull(verdict, "verdict");
        Checks.notNull(findings, "findings");
        Checks.notBlank(service, "service");
        Checks.notBlank(changeId, "changeId");
        Checks.notNull(kind, "kind");
        Checks.notNull(budget, "budget");
        Checks.notNull(burnRate, "burnRate");
        Checks.notBlank(policy, "policy");
        Checks.notNull(evaluatedAt, "evaluatedAt");
        EnumSet<ChangeKind> allowed = EnumSet.noneOf(ChangeKind.class);
        for (ChangeKind k : Checks.listOf(allowedWhileFrozen, "allowedWhileFrozen")) {
            allowed.add(k);
        }
        allowedWhileFrozen = Collections.unmodifiableSet(allowed);
        if (!service.equals(budget.slo().service())) {
            throw Checks.invalid("service", "must be the budget's service '" + budget.slo().service() + "'", service);
        }
        Verdict expected = !frozen || allowed.contains(kind) ? Verdict.ALLOW : Verdict.FREEZE;
        if (verdict != expected) {
            throw Checks.invalid("verdict", "must be " + expected + " for a " + (frozen ? "frozen" : "not frozen")
                    + " service and a " + kind + " change", verdict);
        }
    }

    /**
     * Whether a change of this kind may deploy now: always when the service is not frozen, and only
     * the kinds in {@link #allowedWhileFrozen()} while it is.
     *
     * @param changeKind the kind of change
     * @return true when it may deploy
     * @throws IllegalArgumentException if the kind is null
     */
    public boolean allows(ChangeKind changeKind) {
        Checks.notNull(changeKind, "changeKind");
        return !frozen || allowedWhileFrozen.contains(changeKind);
    }

    /**
     * The share of the error budget that remains, from {@link #budget()}.
     *
     * @return the percentage, negative when overspent
     */
    public BigDecimal remainingPercent() {
        return budget.remainingPercent();
    }

    /**
     * The lookback of {@link #burnRate()}.
     *
     * @return the lookback, or empty for the budget-period burn rate
     */
    public Optional<Duration> lookbackWindow() {
        return Optional.ofNullable(lookback);
    }

    /** The verdict of a deploy freeze for one change. */
    public enum Verdict {
        /** The deployment may go ahead. */
        ALLOW,
        /** The deployment is frozen until the burn rate normalises or budget is available again. */
        FREEZE
    }
}
