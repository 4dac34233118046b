package io.github.deliverykit.core.metric;

import io.github.deliverykit.core.check.Checks;
import java.math.BigDecimal;

/**
 * How a measurable criterion is decided from a measured metric: key, comparison, threshold(s) and
 * the unit the measurement must have, e.g. {@code ci.duration.median < 600 s}. Exact (decimal)
 * comparison; a boundary value is decided exactly as the seed words it ("under 10 minutes" is
 * {@code <}, "95 %+" is {@code >=}).
 *
 * @param key the metric key
 * @param comparison the comparison
 * @param threshold the threshold (the lower bound for {@link Comparison#BETWEEN})
 * @param upper the upper bound for {@link Comparison#BETWEEN}, otherwise equal to {@code threshold}
 * @param unit the unit of the threshold and of the measurement
 */
public record Threshold(String key, Comparison comparison, BigDecimal threshold, BigDecimal upper, Unit unit) {

    /**
     * Validates the rule.
     *
     * @throws IllegalArgumentException if a field is null, the key malformed, a bound exceeds
     *     {@link Checks#MAX_DECIMAL_DIGITS} digits or scale, the unit differs from
     *     a well-known key's unit, a BETWEEN's bounds are reversed, or a non-BETWEEN's upper differs
     *     from its threshold
     */
    public Threshold {
        MetricKeys.checkKey(key, "rule key");
        Checks.notNull(comparison, "comparison");
        Checks.decimal(threshold, "threshold");
        Checks.decimal(upper, "upper");
        Checks.notNull(unit, "unit");
        MetricKeys.checkUnit(key, unit);
        if (comparison == Comparison.BETWEEN) {
            if (upper.compareTo(threshold) < 0) {
                throw Checks.invalid("upper", "must not be below threshold " + Unit.plain(threshold), upper);
            }
        } else if (upper.compareTo(threshold) != 0) {
            throw Checks.invalid("upper", "must equal the threshold unless BETWEEN", upper);
        }
    }

    /**
     * A rule with one threshold.
     *
     * @param key the key
     * @param comparison the comparison, not BETWEEN
     * @param threshold the threshold
     * @param unit the unit
     * @return the rule
     * @throws IllegalArgumentException if the comparison is BETWEEN or an argument is invalid
     */
    public static Threshold of(String key, Comparison comparison, String threshold,
            Unit unit) {
        if (comparison == Comparison.BETWEEN) {
            throw Checks.invalid("comparison", "must have two bounds: use between(..)", comparison);
        }
        BigDecimal t = decimal(threshold, "threshold");
        return new Threshold(Checks.notNull(key, "rule key"), Checks.notNull(comparison, "comparison"), t, t,
                Checks.notNull(unit, "unit"));
    }

    /**
     * A rule {@code lower <= value <= upper}.
     *
     * @param key the key
     * @param lower the lower bound, inclusive
     * @param upper the upper bound, inclusive
     * @param unit the unit
     * @return the rule
     */
    public static Threshold between(String key, String lower, String upper,
            Unit unit) {
        return new Threshold(Checks.notNull(key, "rule key"), Comparison.BETWEEN, decimal(lower, "threshold"),
                decimal(upper, "upper"), Checks.notNull(unit, "unit"));
    }

    private static BigDecimal decimal(String text, String field) {
        Checks.notNull(text, field);
        try {
            return Checks.decimal(new BigDecimal(text.trim()), field);
        } catch (NumberFormatException e) {
            throw Checks.invalid(field, "must be a decimal number", text);
        }
    }

    /**
     * Whether a value satisfies the rule.
     *
     * @param value the measured value, in this rule's unit
     * @return true when the criterion is met
     */
    public boolean test(BigDecimal value) {
        Checks.notNull(value, "value");
        int c = value.compareTo(threshold);
        switch (comparison) {
            case LESS_THAN:
                return c < 0;
            case AT_MOST:
                return c <= 0;
            case GREATER_THAN:
                return c > 0;
            case AT_LEAST:
                return c >= 0;
            default:
                return c >= 0 && value.compareTo(upper) <= 0;
        }
    }

    /**
     * The target for people: {@code ci.duration.median < 600 s}, {@code ci.runner.utilization
     * between 50 % and 80 %}.
     *
     * @return the rendered rule
     */
    public String describe() {
        if (comparison == Comparison.BETWEEN) {
            return key + " between " + unit.render(threshold) + " and " + unit.render(upper);
        }
        return key + " " + comparison.symbol() + " " + unit.render(threshold);
    }
}
