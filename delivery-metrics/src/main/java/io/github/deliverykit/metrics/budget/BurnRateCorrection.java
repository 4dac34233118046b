package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.check.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the burn rate of an alert window is computed: as is, or denominator-corrected for low-traffic
 * and seasonal SLOs (opt-in).
 *
 * <p>The correction is Sloth's {@code sloth.dev/contrib/denominator_corrected_rules/v1} plugin (Sloth
 * PR #459): each window's error ratio is multiplied by
 * <pre>
 *   k(w) = min(1, (events(w) / |w|) / (events(P) / |P|))
 *   corrected error ratio(w) = k(w) x bad(w) / events(w)
 *   corrected burn rate(w)   = corrected error ratio(w) / (1 - target)
 * </pre>
 * where {@code P} is the SLO period and both rates are taken over the part of the window covered by
 * data (a partial window is then still scaled by {@code covered / |w|}, as without correction). For a
 * window quieter than the period's average ({@code k < 1}) the corrected ratio is
 * {@code bad(w) x |P| / (events(P) x |w|)}: the errors are weighed against the events an average
 * window of that length brings, so a rule at factor {@code f = share x |P| / |w|} fires when
 * {@code bad(w) > share x (1 - target) x events(P)}, i.e. when the errors spend the rule's share of
 * the whole period's budget counted in events. That is also the threshold of Pyrra's dynamic burn
 * rate (pyrra#1602, {@code (N_SLO / N_alert) x share x (1 - target)}), which Sloth's clamp
 * {@code k <= 1} limits to quiet windows: a window busier than average is judged as without
 * correction, never more harshly.
 */
public enum BurnRateCorrection {
    /** The burn rate as the Workbook defines it: {@code bad(w) / events(w) / (1 - target)}. */
    NONE,
    /** Sloth's denominator correction: the error ratio times {@code min(1, rate(w) / rate(P))}. */
    DENOMINATOR;

    /** The scale of {@link #factor(long, long, long, long)}. */
    public static final int FACTOR_SCALE = 6;

    /**
     * The correction factor of a window: {@code min(1, (windowEvents / windowBuckets) / (periodEvents
     * / periodBuckets))}, rounded half-even to 6 decimals; 1 when the period has no events.
     *
     * @param windowEvents the events in the window (its covered part)
     * @param windowBuckets the window's covered length, in buckets, at least 1 when it has events
     * @param periodEvents the events in the SLO period ending with the window (its covered part), at
     *     least windowEvents
     * @param periodBuckets the period's covered length, in buckets, at least windowBuckets
     * @return k in [0, 1]
     * @throws IllegalArgumentException if a count is negative or the counts are inconsistent
     */
    public static BigDecimal factor(long windowEvents, long windowBuckets, long periodEvents, long periodBuckets) {
        check(windowEvents, windowBuckets, periodEvents, periodBuckets);
        if (periodEvents == 0 || windowBuckets == 0 || !reduces(windowEvents, windowBuckets, periodEvents, periodBuckets)) {
            return BigDecimal.ONE;
        }
        return BigDecimal.valueOf(windowEvents).multiply(BigDecimal.valueOf(periodBuckets))
                .divide(BigDecimal.valueOf(periodEvents).multiply(BigDecimal.valueOf(windowBuckets)), FACTOR_SCALE,
                        RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    /**
     * The corrected burn rate of a window with {@code bad} errors among {@code windowEvents}, for a
     * whole (not partial) window: {@code k x bad / windowEvents / budgetRatio}, rounded half-even to 6
     * decimals.
     *
     * @param bad the errors in the window, at most windowEvents
     * @param windowEvents the events in the window
     * @param windowBuckets the window's length in buckets
     * @param periodEvents the events in the SLO period ending with the window
     * @param periodBuckets the period's covered length in buckets
     * @param budgetRatio {@code 1 - target}, in (0, 1)
     * @return the burn rate, 0 without events
     * @throws IllegalArgumentException if a count is negative, the counts are inconsistent or the
     *     ratio is out of range
     */
    public static BigDecimal correctedBurnRate(long bad, long windowEvents, long windowBuckets, long periodEvents,
            long periodBuckets, BigDecimal budgetRatio) {
        check(windowEvents, windowBuckets, periodEvents, periodBuckets);
        Checks.inRange(bad, 0, windowEvents, "bad");
        Checks.decimal(budgetRatio, "budgetRatio");
        if (budgetRatio.signum() <= 0 || budgetRatio.compareTo(BigDecimal.ONE) >= 0) {
            throw Checks.invalid("budgetRatio", "must be greater than 0 and lower than 1", budgetRatio.toPlainString());
        }
        if (windowEvents == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal numerator = BigDecimal.valueOf(bad);
        BigDecimal denominator = budgetRatio.multiply(BigDecimal.valueOf(windowEvents));
        if (periodEvents > 0 && windowBuckets > 0 && reduces(windowEvents, windowBuckets, periodEvents, periodBuckets)) {
            // k x bad / events(w) = bad x periodBuckets / (periodEvents x windowBuckets)
            numerator = numerator.multiply(BigDecimal.valueOf(periodBuckets));
            denominator = budgetRatio.multiply(BigDecimal.valueOf(periodEvents)).multiply(BigDecimal.valueOf(windowBuckets));
        }
        return numerator.divide(denominator, FACTOR_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** Whether k < 1: the window's traffic rate is below the period's. */
    static boolean reduces(long windowEvents, long windowBuckets, long periodEvents, long periodBuckets) {
        return java.math.BigInteger.valueOf(windowEvents).multiply(java.math.BigInteger.valueOf(periodBuckets))
                .compareTo(java.math.BigInteger.valueOf(periodEvents).multiply(java.math.BigInteger.valueOf(windowBuckets))) < 0;
    }

    private static void check(long windowEvents, long windowBuckets, long periodEvents, long periodBuckets) {
        Checks.nonNegative(windowEvents, "windowEvents");
        Checks.nonNegative(windowBuckets, "windowBuckets");
        Checks.nonNegative(periodEvents, "periodEvents");
        Checks.nonNegative(periodBuckets, "periodBuckets");
        if (periodEvents < windowEvents) {
            throw Checks.invalid("periodEvents", "must be at least windowEvents (" + windowEvents + ")", periodEvents);
        }
        if (periodBuckets < windowBuckets) {
            throw Checks.invalid("periodBuckets", "must be at least windowBuckets (" + windowBuckets + ")", periodBuckets);
        }
        if (windowBuckets == 0 && windowEvents > 0) {
            throw Checks.invalid("windowBuckets", "must be positive when the window has events", windowBuckets);
        }
    }
}
