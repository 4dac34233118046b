package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Measured metrics that back or refute criteria: one {@link Measurement} per key, under the keys in
 * {@link MetricKeys}. Built straight from the metrics module's reports, whose
 * {@code measurements()} are core measurements ({@link #from(List[])} merges several reports), or
 * by hand. A key may be given twice only with the same value and unit. Immutable; keys iterate in
 * sorted order.
 *
 * <pre>{@code
 * Evidence fromReports = Evidence.from(dora.measurements(), flow.measurements(), cost.measurements());
 *
 * Evidence evidence = Evidence.builder()
 *         .duration(MetricKeys.CI_DURATION_MEDIAN, Duration.ofMinutes(8))
 *         .ratio(MetricKeys.CI_CACHE_HIT_RATE, 0.74)
 *         .perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, 3)
 *         .build();
 * }</pre>
 *
 * @param byKey the measurements by key
 */
public record Evidence(Map<String, Measurement> byKey) {

    private static final Evidence NONE = new Evidence(Map.of());

    /**
     * Validates and copies the measurements.
     *
     * @throws IllegalArgumentException if the map, a key or a value is null, or a key differs from
     *     its measurement's key
     */
    public Evidence {
        Checks.notNull(byKey, "evidence");
        TreeMap<String, Measurement> copy = new TreeMap<>();
        for (Map.Entry<String, Measurement> e : byKey.entrySet()) {
            String key = MetricKeys.checkKey(e.getKey(), "evidence key");
            Measurement m = Checks.notNull(e.getValue(), "evidence['" + key + "']");
            if (!m.key().equals(key)) {
                throw Checks.invalid("evidence['" + key + "'].key", "must equal its map key", m.key());
            }
            copy.put(key, m);
        }
        byKey = Collections.unmodifiableMap(copy);
    }

    /**
     * No measurements.
     *
     * @return the empty evidence
     */
    public static Evidence none() {
        return NONE;
    }

    /**
     * Evidence from measurements.
     *
     * @param measurements the measurements; a key given twice must have the same value and unit
     * @return the evidence
     * @throws IllegalArgumentException if null, or a key is given twice with different values
     */
    public static Evidence of(Collection<Measurement> measurements) {
        Builder b = builder();
        for (Measurement m : Checks.listOf(measurements, "measurements")) {
            b.put(m);
        }
        return b.build();
    }

    /**
     * Evidence merged from several reports' measurements (e.g. the DORA, flow and cost reports of
     * the metrics module, each {@code measurements()}).
     *
     * @param reports the measurement lists, in any order
     * @return the evidence
     * @throws IllegalArgumentException if the array, a list or a measurement is null, or a key is
     *     given twice with different values (the message names the key)
     */
    @SafeVarargs
    public static Evidence from(List<Measurement>... reports) {
        Checks.notNull(reports, "reports");
        Builder b = builder();
        for (int i = 0; i < reports.length; i++) {
            for (Measurement m : Checks.listOf(reports[i], "reports[" + i + "]")) {
                b.put(m);
            }
        }
        return b.build();
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The measurement under a key.
     *
     * @param key the key
     * @return the measurement, or null when not measured
     */
    public @Nullable Measurement get(@Nullable String key) {
        return key == null ? null : byKey.get(key);
    }

    /**
     * The number of measurements.
     *
     * @return the size
     */
    public int size() {
        return byKey.size();
    }

    /** Collects measurements; each key may be given once. */
    public static final class Builder {
        private final TreeMap<String, Measurement> values = new TreeMap<>();

        private Builder() {}

        /**
         * Adds a measurement.
         *
         * @param measurement the measurement
         * @return this builder
         * @throws IllegalArgumentException if null or its key was already given with another value
         *     or unit
         */
        public Builder put(Measurement measurement) {
            Checks.notNull(measurement, "measurement");
            Measurement known = values.get(measurement.key());
            if (known != null) {
                if (known.unit().equals(measurement.unit()) && known.value().compareTo(measurement.value()) == 0) {
                    return this;
                }
                throw new IllegalArgumentException(Checks.message(
                        "evidence key must be given once (or again with the same value), but '%s' was %s and %s",
                        measurement.key(), known.rendered(), measurement.rendered()));
            }
            values.put(measurement.key(), measurement);
            return this;
        }

        /**
         * Adds an exact value in a unit.
         *
         * @param key the key
         * @param value the value
         * @param unit the unit
         * @return this builder
         */
        public Builder put(String key, BigDecimal value, Unit unit) {
            return put(new Measurement(MetricKeys.checkKey(key, "key"), Checks.notNull(value, "value of " + key),
                    Checks.notNull(unit, "unit of " + key)));
        }

        /**
         * Adds a finite number in a unit.
         *
         * @param key the key
         * @param value the value, finite
         * @param unit the unit
         * @return this builder
         */
        public Builder put(String key, double value, Unit unit) {
            MetricKeys.checkKey(key, "key");
            Checks.finite(value, key);
            return put(key, BigDecimal.valueOf(value), unit);
        }

        /**
         * Adds a duration, stored exactly in seconds.
         *
         * @param key the key
         * @param value the duration, not negative
         * @return this builder
         */
        public Builder duration(String key, Duration value) {
            MetricKeys.checkKey(key, "key");
            Checks.nonNegative(value, key);
            BigDecimal seconds = BigDecimal.valueOf(value.getSeconds()).add(BigDecimal.valueOf(value.getNano(), 9));
            return put(key, seconds.stripTrailingZeros(), Unit.SECONDS);
        }

        /**
         * Adds a ratio (0.7 = 70 %).
         *
         * @param key the key
         * @param value the ratio, finite
         * @return this builder
         */
        public Builder ratio(String key, double value) {
            return put(key, value, Unit.RATIO);
        }

        /**
         * Adds a rate per day.
         *
         * @param key the key
         * @param value the rate, finite
         * @return this builder
         */
        public Builder perDay(String key, double value) {
            return put(key, value, Unit.PER_DAY);
        }

        /**
         * Adds a rate per week.
         *
         * @param key the key
         * @param value the rate, finite
         * @return this builder
         */
        public Builder perWeek(String key, double value) {
            return put(key, value, Unit.PER_WEEK);
        }

        /**
         * Adds a plain number (a count or a mean of counts).
         *
         * @param key the key
         * @param value the number, finite
         * @return this builder
         */
        public Builder count(String key, double value) {
            return put(key, value, Unit.COUNT);
        }

        /**
         * Adds an amount of money, in its currency's unit.
         *
         * @param key the key
         * @param value the amount
         * @return this builder
         */
        public Builder money(String key, Money value) {
            MetricKeys.checkKey(key, "key");
            Checks.notNull(value, key);
            return put(key, value.toBigDecimal(), Unit.money(value.currency().getCurrencyCode()));
        }

        /**
         * Builds the evidence.
         *
         * @return the evidence
         */
        public Evidence build() {
            return new Evidence(values);
        }
    }
}
