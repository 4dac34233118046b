package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.metric.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * One plotted figure with its unit. Values are exact decimals; a chart library reads
 * {@link #doubleValue()}, a table prints {@link #value()}.
 *
 * @param value the value
 * @param unit its unit
 */
public record Quantity(BigDecimal value, Unit unit) {

    /** Percent, 0 to 100. */
    public static final Unit PERCENT = new Unit("%");
    /** A multiple of a reference rate (burn rates: 1x spends the budget exactly by the period's end). */
    public static final Unit TIMES = new Unit("x");
    /** Hours (DORA durations and their band thresholds). */
    public static final Unit HOURS = new Unit("h");
    /** Milliseconds (latency samples, as the canary observations carry them). */
    public static final Unit MILLISECONDS = new Unit("ms");

    private static final MathContext SIGNIFICANT = new MathContext(12, RoundingMode.HALF_EVEN);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /**
     * Validates the figure and normalises the value (trailing zeros stripped, never a negative
     * scale), so that equal figures are equal records and print as plain numbers.
     *
     * @throws IllegalArgumentException if a field is null, or the value has more than
     *     {@link Checks#MAX_DECIMAL_DIGITS} digits or a scale beyond them
     */
    public Quantity {
        Checks.decimal(value, "value");
        Checks.notNull(unit, "unit");
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    /**
     * A figure from a double, kept to 12 significant digits so that equal inputs print equally.
     *
     * @param value the value, finite
     * @param unit the unit
     * @return the figure
     * @throws IllegalArgumentException if the value is NaN or infinite, or the unit null
     */
    public static Quantity of(double value, Unit unit) {
        Checks.finite(value, "value");
        return new Quantity(BigDecimal.valueOf(value).round(SIGNIFICANT).stripTrailingZeros(), unit);
    }

    /**
     * A duration in seconds.
     *
     * @param duration the duration
     * @return the figure, unit {@link Unit#SECONDS}
     * @throws IllegalArgumentException if the duration is null
     */
    public static Quantity seconds(Duration duration) {
        Checks.notNull(duration, "duration");
        return new Quantity(BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
                .stripTrailingZeros(), Unit.SECONDS);
    }

    /**
     * A duration in hours.
     *
     * @param duration the duration
     * @return the figure, unit {@link #HOURS}
     * @throws IllegalArgumentException if the duration is null
     */
    public static Quantity hours(Duration duration) {
        return new Quantity(seconds(duration).value().divide(SECONDS_PER_HOUR, SIGNIFICANT).stripTrailingZeros(),
                HOURS);
    }

    /**
     * The value as a double, for drawing.
     *
     * @return the value
     */
    public double doubleValue() {
        return value.doubleValue();
    }
}
