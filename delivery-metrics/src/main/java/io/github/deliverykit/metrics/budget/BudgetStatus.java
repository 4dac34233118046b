package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import io.github.deliverykit.core.event.Severity;

/**
 * The state of an error budget at an instant: allowed, consumed, remaining (negative when overspent,
 * never clamped), burn rate and the exhaustion forecast. Amounts are exact decimals in
 * {@link #unit()}: seconds for time-based budgets, events or slices otherwise.
 *
 * @param slo the SLO
 * @param at the evaluation instant
 * @param period the whole budget period (for a rolling window, the window ending at {@code at})
 * @param observed the part of the period observed so far
 * @param unit the unit of the amounts
 * @param allowed the budget for the whole period
 * @param consumed the budget consumed in the observed part
 * @param elapsedFraction observed / period, in [0, 1]; 1 for rolling windows and occurrences
 * @param burnRate consumed fraction of the budget / elapsed fraction of the period (1.0 spends the
 *     budget exactly by the period's end)
 * @param incidents the incidents that were charged (time-based only), in start order
 * @param maintenanceExcluded scheduled maintenance removed from incident time (time-based only)
 * @param timeToExhaustion time until the budget is spent at the current burn rate: zero when
 *     already exhausted, null when it never is at this rate
 */
public record BudgetStatus(Slo slo, Instant at, Interval period, Interval observed, BudgetUnit unit,
        BigDecimal allowed, BigDecimal consumed, BigDecimal elapsedFraction, BigDecimal burnRate,
        List<IncidentCharge> incidents, Duration maintenanceExcluded, @Nullable Duration timeToExhaustion) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Validates the status.
     *
     * @throws IllegalArgumentException if a field is null, an amount is negative or beyond
     *     {@link #MAX_AMOUNT} / {@link #MAX_SCALE}
     */
    public BudgetStatus {
        Checks.notNull(slo, "slo");
        Checks.notNull(at, "at");
        Checks.notNull(period, "period");
        Checks.notNull(observed, "observed");
        Checks.notNull(unit, "unit");
        nonNegative(allowed, "allowed");
        nonNegative(consumed, "consumed");
        nonNegative(elapsedFraction, "elapsedFraction");
        nonNegative(burnRate, "burnRate");
        incidents = Checks.listOf(incidents, "incidents");
        Checks.nonNegative(maintenanceExcluded, "maintenanceExcluded");
        if (timeToExhaustion != null) {
            Checks.nonNegative(timeToExhaustion, "timeToExhaustion");
        }
    }

    /** The largest amount, burn rate or fraction a status may hold: 10^60. */
    public static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(60);
    /** The most decimals an amount may have (a 30-decimal target times seconds with 9 leaves 41). */
    public static final int MAX_SCALE = 60;

    private static void nonNegative(@Nullable BigDecimal v, String field) {
        bounded(v, field);
        if (v.signum() < 0) {
            throw Checks.invalid(field, "must not be negative", v.toString());
        }
    }

    /**
     * Requires a decimal of magnitude at most 10^60 with at most 60 decimals, checked without
     * expanding it (a scale such as {@code Integer.MIN_VALUE + 1} is rejected, not rendered).
     */
    static BigDecimal bounded(@Nullable BigDecimal v, String field) {
        Checks.notNull(v, field);
        if (v.signum() == 0) {
            if (Math.abs((long) v.scale()) > MAX_SCALE) { // 0E-714401756 would divide through a huge power of ten
                throw Checks.invalid(field, "must have at most " + MAX_SCALE + " decimals", "0 with scale " + v.scale());
            }
            return v;
        }
        long magnitude = (long) v.precision() - v.scale(); // |v| < 10^magnitude
        boolean tooLarge = magnitude > 61 || (magnitude == 61 && v.abs().compareTo(MAX_AMOUNT) > 0);
        boolean tooFine = v.scale() > MAX_SCALE && (magnitude < -MAX_SCALE || v.stripTrailingZeros().scale() > MAX_SCALE);
        if (tooLarge || tooFine) {
            throw Checks.invalid(field, "must be at most 10^60 in magnitude with at most " + MAX_SCALE + " decimals",
                    "a decimal with precision " + v.precision() + " and scale " + v.scale());
        }
        return v;
    }

    /**
     * Allowed minus consumed: negative when the budget is overspent.
     *
     * @return the remaining budget
     */
    public BigDecimal remaining() {
        return allowed.subtract(consumed);
    }

    /**
     * Remaining as a percentage of the allowed budget, to 4 decimals (negative when overspent).
     *
     * @return the percentage, 0 when nothing is allowed
     */
    public BigDecimal remainingPercent() {
        if (allowed.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return remaining().multiply(HUNDRED).divide(allowed, 4, RoundingMode.HALF_EVEN);
    }

    /**
     * Consumed as a percentage of the allowed budget, to 4 decimals.
     *
     * @return the percentage, 0 when nothing is allowed
     */
    public BigDecimal consumedPercent() {
        if (allowed.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return consumed.multiply(HUNDRED).divide(allowed, 4, RoundingMode.HALF_EVEN);
    }

    /**
     * Whether nothing is left: remaining is zero or negative.
     *
     * @return true when exhausted
     */
    public boolean isExhausted() {
        return remaining().signum() <= 0;
    }

    /**
     * How much was spent beyond the budget.
     *
     * @return {@code max(0, consumed - allowed)}
     */
    public BigDecimal overspend() {
        return remaining().signum() < 0 ? remaining().negate() : BigDecimal.ZERO;
    }

    /**
     * The allowed budget as a duration (time-based budgets).
     *
     * @return the allowed time
     * @throws IllegalStateException if the unit is not seconds
     */
    public Duration allowedTime() {
        return time(allowed);
    }

    /**
     * The consumed budget as a duration (time-based budgets).
     *
     * @return the consumed time
     * @throws IllegalStateException if the unit is not seconds
     */
    public Duration consumedTime() {
        return time(consumed);
    }

    /**
     * The remaining budget as a duration, negative when overspent (time-based budgets).
     *
     * @return the remaining time
     * @throws IllegalStateException if the unit is not seconds
     */
    public Duration remainingTime() {
        return time(remaining());
    }

    private Duration time(BigDecimal seconds) {
        if (unit != BudgetUnit.SECONDS) {
            throw new IllegalStateException("budget unit is " + unit + ", not SECONDS");
        }
        return ErrorBudgets.duration(seconds);
    }

    /**
     * The time to exhaustion at the current burn rate.
     *
     * @return the duration, empty when the budget is never exhausted at this rate
     */
    public Optional<Duration> exhaustion() {
        return Optional.ofNullable(timeToExhaustion);
    }

    /**
     * The instant the budget runs out at the current burn rate.
     *
     * @return {@code at + timeToExhaustion}, empty when never (or beyond the supported range)
     */
    public Optional<Instant> exhaustsAt() {
        if (timeToExhaustion == null || timeToExhaustion.compareTo(Duration.between(at, Interval.MAX)) > 0) {
            return Optional.empty();
        }
        return Optional.of(at.plus(timeToExhaustion));
    }

    /**
     * Whether the period resets before the forecast exhaustion: the period has an end after
     * {@link #at()} (a calendar or explicit period, not a rolling window) and the budget, at the
     * current burn rate, would run out only after it. The budget of this period then lasts.
     *
     * @return true when the reset comes first
     */
    public boolean resetsBeforeExhaustion() {
        if (timeToExhaustion == null || !period.end().isAfter(at)) {
            return false;
        }
        return timeToExhaustion.compareTo(Duration.between(at, period.end())) > 0;
    }

    /** What a budget amount counts. */
    public enum BudgetUnit {
        /** Seconds of bad time (time-based budgets); rendered in minutes. */
        SECONDS,
        /** Bad events (occurrences budgets). */
        EVENTS,
        /** Bad slices, or slice-equivalents for ratio timeslices. */
        SLICES
    }

    /**
     * What one incident consumed of a time-based budget. {@code charged} is the incident's marginal
     * consumption in start order: overlap with an earlier incident is charged to the earlier one (or
     * to this one for the part where this one's impact is higher), so the charges add up exactly to
     * the budget consumed.
     *
     * @param id the incident id
     * @param severity its severity
     * @param impact the degraded share in (0, 1]
     * @param interval its impact interval clipped to the observed window (may be empty)
     * @param maintenanceExcluded the part of the interval inside scheduled maintenance
     * @param chargedSeconds the budget charged to it, in seconds (impact-weighted, exact)
     */
    public record IncidentCharge(String id, Severity severity, BigDecimal impact, Interval interval,
            Duration maintenanceExcluded, BigDecimal chargedSeconds) {

        /**
         * Validates the charge.
         *
         * @throws IllegalArgumentException if a field is null or negative, the impact above 1, or a
         *     decimal beyond {@link BudgetStatus#MAX_AMOUNT} / {@link BudgetStatus#MAX_SCALE}
         */
        public IncidentCharge {
            Checks.notBlank(id, "id");
            Checks.notNull(severity, "severity");
            bounded(impact, "impact");
            if (impact.signum() < 0 || impact.compareTo(BigDecimal.ONE) > 0) {
                throw Checks.invalid("impact", "must be between 0 and 1", impact.toString());
            }
            Checks.notNull(interval, "interval");
            Checks.nonNegative(maintenanceExcluded, "maintenanceExcluded");
            bounded(chargedSeconds, "chargedSeconds");
            if (chargedSeconds.signum() < 0) {
                throw Checks.invalid("chargedSeconds", "must not be negative", chargedSeconds.toString());
            }
        }

        /**
         * The charged budget as a duration, rounded to nanoseconds.
         *
         * @return the charged time
         */
        public Duration charged() {
            return ErrorBudgets.duration(chargedSeconds);
        }
    }
}
