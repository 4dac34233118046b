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
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Measured metrics that back or refute criteria: one {@link Measurement} per key. Filled by hand or
 * by the metrics module (DORA, flow, cost) under the keys in {@link MetricKeys}. Immutable; keys
 * iterate in sorted order.
 *
 * <pre>{@code
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
     * @param measurements the measurements, each key at most once
     * @return the evidence
     * @throws IllegalArgumentException if null, or a key repeats
     */
    public static Evidence of(@Nullable Collection<Measurement> measurements) {
        Builder b = builder();
        for (Measurement m : Checks.listOf(measurements, "measurements")) {
            b.put(m);
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
         * @throws IllegalArgumentException if null or its key was already given
         */
        public Builder put(@Nullable Measurement measurement) {
            Checks.notNull(measurement, "measurement");
            if (values.containsKey(measurement.key())) {
                throw Checks.invalid("evidence key", "must be given once", measurement.key());
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
        public Builder put(@Nullable String key, @Nullable BigDecimal value, @Nullable Unit unit) {
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
        public Builder put(@Nullable String key, double value, @Nullable Unit unit) {
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
        public Builder duration(@Nullable String key, @Nullable Duration value) {
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
        public Builder ratio(@Nullable String key, double value) {
            return put(key, value, Unit.RATIO);
        }

        /**
         * Adds a rate per day.
         *
         * @param key the key
         * @param value the rate, finite
         * @return this builder
         */
        public Builder perDay(@Nullable String key, double value) {
            return put(key, value, Unit.PER_DAY);
        }

        /**
         * Adds a rate per week.
         *
         * @param key the key
         * @param value the rate, finite
         * @return this builder
         */
        public Builder perWeek(@Nullable String key, double value) {
            return put(key, value, Unit.PER_WEEK);
        }

        /**
         * Adds a plain number (a count or a mean of counts).
         *
         * @param key the key
         * @param value the number, finite
         * @return this builder
         */
        public Builder count(@Nullable String key, double value) {
            return put(key, value, Unit.COUNT);
        }

        /**
         * Adds an amount of money, in its currency's unit.
         *
         * @param key the key
         * @param value the amount
         * @return this builder
         */
        public Builder money(@Nullable String key, @Nullable Money value) {
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
