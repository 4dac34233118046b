package io.github.deliverykit.core.metric;

import io.github.deliverykit.core.check.Checks;
import java.math.BigDecimal;

/**
 * One measured value: a metric key such as {@code ci.duration.median}, an exact value and its unit.
 *
 * @param key the metric key, see {@link MetricKeys}
 * @param value the value
 * @param unit the unit
 */
public record Measurement(String key, BigDecimal value, Unit unit) {

    /**
     * Validates the measurement; a value within a well-known key's range and unit is required.
     *
     * @throws IllegalArgumentException if a field is null, the key is malformed, the value exceeds
     *     {@link Checks#MAX_DECIMAL_DIGITS} digits or scale, or a well-known
     *     key has the wrong unit or a value outside its range
     */
    public Measurement {
        MetricKeys.checkKey(key, "key");
        Checks.decimal(value, "value of " + key);
        Checks.notNull(unit, "unit of " + key);
        MetricKeys.checkKnown(key, value, unit);
    }

    /**
     * The value for people, e.g. {@code 540 s} or {@code 72 %}.
     *
     * @return the rendered value
     */
    public String rendered() {
        return unit.render(value);
    }
}
