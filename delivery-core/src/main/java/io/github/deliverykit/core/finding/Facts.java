package io.github.deliverykit.core.finding;

import io.github.deliverykit.core.check.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The facts a finding used: an immutable, insertion-ordered map of name to value. Values are kept
 * as given (numbers, durations, instants, strings, money...) for programmatic use and rendered
 * deterministically by {@link #format(Object)}.
 *
 * @param values the facts, in the order they were recorded
 */
public record Facts(Map<String, Object> values) {

    private static final Facts EMPTY = new Facts(Map.of());

    /**
     * Validates and copies the facts.
     *
     * @throws IllegalArgumentException if a name is blank or a value is null
     */
    public Facts {
        Checks.notNull(values, "facts");
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Checks.notBlank(e.getKey(), "fact name");
            copy.put(e.getKey(), Checks.notNull(e.getValue(), "fact '" + e.getKey() + "'"));
        }
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * No facts.
     *
     * @return the empty facts
     */
    public static Facts none() {
        return EMPTY;
    }

    /**
     * Facts from alternating names and values: {@code Facts.of("remaining", d, "budget", b)}.
     *
     * @param namesAndValues name, value, name, value...
     * @return the facts in the given order
     * @throws IllegalArgumentException if the count is odd, a name is not a non-blank string, a
     *     value is null, or a name repeats
     */
    public static Facts of(Object... namesAndValues) {
        Checks.notNull(namesAndValues, "namesAndValues");
        if (namesAndValues.length % 2 != 0) {
            throw Checks.invalid("namesAndValues.length", "must be even", namesAndValues.length);
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object name = namesAndValues[i];
            if (!(name instanceof String)) {
                throw Checks.invalid("namesAndValues[" + i + "]", "must be a fact name (String)", name);
            }
            b.put((String) name, namesAndValues[i + 1]);
        }
        return b.build();
    }

    /**
     * A builder that keeps insertion order.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The value of a fact.
     *
     * @param name the fact name
     * @return the value, or null when absent
     */
    public @Nullable Object get(String name) {
        return values.get(name);
    }

    /**
     * Whether there are no facts.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The facts as {@code name=value} pairs, rendered with {@link #format(Object)}.
     *
     * @return e.g. {@code ["budget=PT43M48S", "consumed=PT20M"]}
     */
    public List<String> rendered() {
        List<String> out = new ArrayList<>(values.size());
        values.forEach((k, v) -> out.add(k + "=" + format(v)));
        return out;
    }

    @Override
    public String toString() {
        return String.join(", ", rendered());
    }

    /**
     * Renders a fact value the same way on every machine: decimals without exponent and without
     * trailing zeros (a decimal beyond {@link Checks#MAX_DECIMAL_DIGITS} digits or scale keeps its
     * exponent, in {@link BigDecimal#toString()} form), {@code double} rounded to 12 significant digits,
     * everything else by {@code toString()}.
     *
     * @param value the value
     * @return its deterministic text
     */
    public static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return Double.toString(d);
            }
            return plain(new BigDecimal(d).round(new java.math.MathContext(12)));
        }
        if (value instanceof BigDecimal) {
            return plain((BigDecimal) value);
        }
        return String.valueOf(value);
    }

    private static String plain(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        if (!Checks.bounded(d)) {
            // beyond 100 digits or scale 100 a plain rendering could need gigabytes: keep the exponent
            try {
                return d.round(new java.math.MathContext(Checks.MAX_DECIMAL_DIGITS)).toString();
            } catch (ArithmeticException scaleOverflow) {
                return d.toString(); // rounding would push the scale past an int; the digits are all kept
            }
        }
        return d.stripTrailingZeros().toPlainString();
    }

    /** Collects facts in insertion order; a repeated name is an error. */
    public static final class Builder {
        private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds a fact.
         *
         * @param name the fact name, unique within the facts
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or repeated, or the value is null
         */
        public Builder put(String name, Object value) {
            Checks.notBlank(name, "fact name");
            Checks.notNull(value, "fact '" + name + "'");
            if (values.containsKey(name)) {
                throw Checks.invalid("fact name", "must be unique", name);
            }
            values.put(name, value);
            return this;
        }

        /**
         * Builds the immutable facts.
         *
         * @return the facts
         */
        public Facts build() {
            return new Facts(values);
        }
    }
}
