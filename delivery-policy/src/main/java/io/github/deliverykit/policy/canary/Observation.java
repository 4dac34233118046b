package io.github.deliverykit.policy.canary;

import io.github.deliverykit.core.check.Checks;
import java.time.Instant;

/**
 * One observed fact about a rollout, time-stamped: a metric sample, a count of bad events among all
 * events, a health-check result, or a failed metric query. A stage is judged on the observations
 * whose time lies in [stage start, now); their order never matters.
 */
public sealed interface Observation {

    /**
     * When it was observed.
     *
     * @return the instant
     */
    Instant at();

    /**
     * The metric (or health check) it belongs to.
     *
     * @return the name
     */
    String metric();

    /**
     * A sample of a latency-like metric. NaN is allowed and means "no value" (handled by the
     * metric's NaN strategy); infinities are rejected.
     *
     * @param at when
     * @param variant canary or baseline
     * @param metric the metric name, e.g. {@code latency}
     * @param value the value (milliseconds for latency)
     */
    record Sample(Instant at, Variant variant, String metric, double value) implements Observation {
        /**
         * Validates the sample.
         *
         * @throws IllegalArgumentException if a field is null or blank, or the value infinite
         */
        public Sample {
            Checks.notNull(at, "at");
            Checks.notNull(variant, "variant");
            Checks.notBlank(metric, "metric");
            if (Double.isInfinite(value)) {
                throw Checks.invalid("value", "must be finite or NaN", value);
            }
        }
    }

    /**
     * A count of bad events among all events over some interval, e.g. errors among requests.
     *
     * @param at when
     * @param variant canary or baseline
     * @param metric the metric name, e.g. {@code requests}
     * @param bad the bad events (errors)
     * @param total all events (requests)
     */
    record Count(Instant at, Variant variant, String metric, long bad, long total) implements Observation {
        /**
         * Validates the count.
         *
         * @throws IllegalArgumentException if a field is null or blank, a count negative, or bad
         *     exceeds total
         */
        public Count {
            Checks.notNull(at, "at");
            Checks.notNull(variant, "variant");
            Checks.notBlank(metric, "metric");
            Checks.nonNegative(total, "total");
            Checks.inRange(bad, 0, total, "bad");
        }
    }

    /**
     * A health-check result of the canary.
     *
     * @param at when
     * @param metric the check name, e.g. {@code readiness}
     * @param healthy whether it passed
     */
    record Health(Instant at, String metric, boolean healthy) implements Observation {
        /**
         * Validates the result.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public Health {
            Checks.notNull(at, "at");
            Checks.notBlank(metric, "metric");
        }
    }

    /**
     * A metric query that failed (provider down, timeout): an error measurement in Argo's sense,
     * counted against the consecutive-error limit.
     *
     * @param at when
     * @param metric the metric that could not be read
     * @param reason what went wrong
     */
    record QueryError(Instant at, String metric, String reason) implements Observation {
        /**
         * Validates the error.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public QueryError {
            Checks.notNull(at, "at");
            Checks.notBlank(metric, "metric");
            Checks.notBlank(reason, "reason");
        }
    }

    /** Which deployment an observation comes from. */
    public enum Variant {
        /** The new version under test. */
        CANARY,
        /** The stable version it is compared with (ideally a fresh deployment of the old version). */
        BASELINE
    }
}
