package io.github.deliverykit.metrics.evidence;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.stats.BinomialTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * One minimum-evidence rule set for every decision taken on an error rate against a threshold: a
 * canary's error-rate gate, an SLO's burn-rate alert rule. A decision needs at least
 * {@link #minEvents()} events <em>and</em> enough events that {@code events x rate}, the errors
 * expected at the threshold rate, reaches {@link #minExpectedErrors()}; with a 1 % gate and one
 * expected error that is 100 events, with a 0.1 % gate 1,000. Below that minimum a decision never
 * passes silently and never fires on one bad request: it holds (a canary HOLD, an alert's "no data"),
 * unless the errors already prove the breach:
 * <ul>
 *   <li><b>certainly</b> ({@link BelowMinimum#HOLD}, the default): the errors breach the rate even if
 *       every event still missing up to the minimum were good (with a 1,000-request minimum and a
 *       1 % gate, 10 errors in the first 100 requests fail, 9 hold), <em>and</em> the exact one-sided
 *       binomial test rejects "the true rate is at most the threshold" at {@link #confidence()}: one
 *       error in the first 30 requests "breaches" a 100-request minimum at 1 %, but p = 0.26, so the
 *       canary holds rather than rolling back on one bad request;</li>
 *   <li><b>or significantly</b> ({@link BelowMinimum#EXACT_TEST}): instead, the exact one-sided
 *       binomial test decides: a breach when it rejects "the true rate is at most the threshold" at
 *       {@link #confidence()} (two errors in 50 requests against the 1.44 % threshold of a 14.4x page at
 *       99.9 %: p = 0.16, no page, though two errors would already breach the 100-event minimum;
 *       five: p = 0.0008, page).</li>
 * </ul>
 *
 * <p>Immutable and thread safe; build with {@link #custom()}, start from {@link #ofDefaults()} or copy
 * with {@link #from(MinimumEvidence)}. {@link #check(long, long, double, Breach)} allocates one
 * result and costs O(1), plus O(standard deviation) for the exact test below the minimum.
 */
public final class MinimumEvidence {

    /** The least events before a decision: 100, the canary stage's default minimum. */
    public static final long DEFAULT_MIN_EVENTS = 100;
    /** The least errors expected at the threshold rate ({@code events x rate}): 1. */
    public static final double DEFAULT_MIN_EXPECTED_ERRORS = 1.0;
    /** The confidence of the exact test below the minimum: 0.98, Kayenta's and the canary's. */
    public static final double DEFAULT_CONFIDENCE = 0.98;
    /** What happens below the minimum: hold unless the breach is certain. */
    public static final BelowMinimum DEFAULT_BELOW_MINIMUM = BelowMinimum.HOLD;
    /** The largest minimum of expected errors accepted. */
    public static final double MAX_MIN_EXPECTED_ERRORS = 1e9;

    private static final MinimumEvidence DEFAULTS = custom().build();

    private final long minEvents;
    private final double minExpectedErrors;
    private final double confidence;
    private final BelowMinimum belowMinimum;

    private MinimumEvidence(Builder b) {
        this.minEvents = b.minEvents;
        this.minExpectedErrors = b.minExpectedErrors;
        this.confidence = b.confidence;
        this.belowMinimum = b.belowMinimum;
    }

    /** What a decision below the minimum does. */
    public enum BelowMinimum {
        /**
         * Hold (a canary HOLD, an alert not firing) unless the errors breach the rate with certainty
         * (whatever the events still missing up to the minimum) and the exact test finds them significant.
         */
        HOLD,
        /** Hold unless the exact binomial test finds the error rate significantly above the threshold. */
        EXACT_TEST
    }

    /** Whether an error rate equal to the threshold is a breach. */
    public enum Breach {
        /** {@code errors / events >= rate} breaches: the canary gate (the seed's "error rate below 1 %"). */
        AT_RATE,
        /** {@code errors / events > rate} breaches: a burn-rate rule ("exceeds the factor"). */
        ABOVE_RATE
    }

    /**
     * The defaults: 100 events, 1 expected error, confidence 0.98, hold below.
     *
     * @return the default rule set
     */
    public static MinimumEvidence ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder with the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A builder starting from a rule set.
     *
     * @param base the rule set to copy
     * @return the builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(@Nullable MinimumEvidence base) {
        Checks.notNull(base, "base");
        Builder b = new Builder();
        b.minEvents = base.minEvents;
        b.minExpectedErrors = base.minExpectedErrors;
        b.confidence = base.confidence;
        b.belowMinimum = base.belowMinimum;
        return b;
    }

    /** @return the least events before a decision */
    public long minEvents() {
        return minEvents;
    }

    /** @return the least errors expected at the threshold rate before a decision */
    public double minExpectedErrors() {
        return minExpectedErrors;
    }

    /** @return the confidence of the exact test below the minimum */
    public double confidence() {
        return confidence;
    }

    /** @return what a decision below the minimum does */
    public BelowMinimum belowMinimum() {
        return belowMinimum;
    }

    /**
     * This rule set with a higher floor of events, for a caller with its own minimum (a canary
     * stage's {@code minSamples}).
     *
     * @param events the caller's minimum, 0 or more
     * @return this rule set when its minimum is already at least {@code events}, else a copy with
     *     {@code minEvents = events}
     * @throws IllegalArgumentException if events is negative
     */
    public MinimumEvidence atLeast(long events) {
        Checks.nonNegative(events, "events");
        if (events <= minEvents) {
            return this;
        }
        return from(this).minEvents(events).build();
    }

    /**
     * The events a decision at this threshold rate needs: {@code max(minEvents, ceil(minExpectedErrors
     * / rate))}, computed exactly on the rate's decimal value (1 expected error at 0.01 is 100 events).
     *
     * @param rate the threshold rate, in (0, 1]
     * @return the events needed, at most {@code Long.MAX_VALUE}
     * @throws IllegalArgumentException if the rate is not in (0, 1]
     */
    public long requiredEvents(double rate) {
        checkRate(rate);
        BigDecimal needed = BigDecimal.valueOf(minExpectedErrors).divide(BigDecimal.valueOf(rate), 0, RoundingMode.CEILING);
        long n = needed.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : needed.longValueExact();
        return Math.max(minEvents, n);
    }

    /**
     * Checks the evidence behind an error rate: sufficient, absent, insufficient (hold), or below the
     * minimum but a certain or (with {@link BelowMinimum#EXACT_TEST}) significant breach.
     *
     * @param events the events observed (requests), 0 or more
     * @param errors the errors among them, in {@code [0, events]}
     * @param rate the threshold rate the decision compares the error rate with, in (0, 1]
     * @param breach whether a rate equal to the threshold breaches
     * @return the check, with the facts used
     * @throws IllegalArgumentException if a count or the rate is out of range or breach is null
     */
    public EvidenceCheck check(long events, long errors, double rate, @Nullable Breach breach) {
        Checks.nonNegative(events, "events");
        Checks.inRange(errors, 0, events, "errors");
        Checks.notNull(breach, "breach");
        long required = requiredEvents(rate);
        BigDecimal r = BigDecimal.valueOf(rate);
        double expected = r.multiply(BigDecimal.valueOf(events)).doubleValue();
        EvidenceCheck.Status status;
        double p = Double.NaN;
        if (events >= required) {
            status = EvidenceCheck.Status.SUFFICIENT;
        } else if (events == 0) {
            status = EvidenceCheck.Status.NO_EVENTS;
        } else {
            if (events <= BinomialTest.MAX_TRIALS) {
                p = BinomialTest.pValueGreater(errors, events, rate);
            }
            if (belowMinimum == BelowMinimum.EXACT_TEST) {
                int c = BigDecimal.valueOf(errors).compareTo(r.multiply(BigDecimal.valueOf(events)));
                boolean above = breach == Breach.AT_RATE ? c >= 0 : c > 0;
                status = above && p < 1 - confidence ? EvidenceCheck.Status.BREACH_SIGNIFICANT
                        : EvidenceCheck.Status.INSUFFICIENT;
            } else {
                // the best rate still reachable: every missing event up to the minimum good
                int c = BigDecimal.valueOf(errors).compareTo(r.multiply(BigDecimal.valueOf(required)));
                boolean certain = breach == Breach.AT_RATE ? c >= 0 : c > 0;
                // and not by chance: one error in a quiet start "breaches" a small minimum with certainty
                boolean significant = Double.isNaN(p) || p < 1 - confidence;
                status = certain && significant ? EvidenceCheck.Status.BREACH_CERTAIN : EvidenceCheck.Status.INSUFFICIENT;
            }
        }
        return new EvidenceCheck(status, events, errors, rate, expected, minEvents, minExpectedErrors, required,
                belowMinimum, confidence, p);
    }

    private static void checkRate(double rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw Checks.invalid("rate", "must be in (0, 1]", rate);
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof MinimumEvidence)) {
            return false;
        }
        MinimumEvidence m = (MinimumEvidence) o;
        return minEvents == m.minEvents && Double.compare(minExpectedErrors, m.minExpectedErrors) == 0
                && Double.compare(confidence, m.confidence) == 0 && belowMinimum == m.belowMinimum;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(minEvents, minExpectedErrors, confidence, belowMinimum);
    }

    @Override
    public String toString() {
        return "MinimumEvidence{minEvents=" + minEvents + ", minExpectedErrors=" + minExpectedErrors + ", confidence="
                + confidence + ", belowMinimum=" + belowMinimum + "}";
    }

    /** Builds a {@link MinimumEvidence}; every setter rejects a bad value naming it. */
    public static final class Builder {
        private long minEvents = DEFAULT_MIN_EVENTS;
        private double minExpectedErrors = DEFAULT_MIN_EXPECTED_ERRORS;
        private double confidence = DEFAULT_CONFIDENCE;
        private BelowMinimum belowMinimum = DEFAULT_BELOW_MINIMUM;

        private Builder() {}

        /**
         * Sets the least events before a decision.
         *
         * @param value 0 or more (0: no floor of its own)
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder minEvents(long value) {
            this.minEvents = Checks.nonNegative(value, "minEvents");
            return this;
        }

        /**
         * Sets the least errors expected at the threshold rate before a decision.
         *
         * @param value in [0, 10^9] (0: no such minimum)
         * @return this builder
         * @throws IllegalArgumentException if out of range or NaN
         */
        public Builder minExpectedErrors(double value) {
            this.minExpectedErrors = Checks.inRange(value, 0, MAX_MIN_EXPECTED_ERRORS, "minExpectedErrors");
            return this;
        }

        /**
         * Sets the confidence of the exact test below the minimum.
         *
         * @param value in (0, 1)
         * @return this builder
         * @throws IllegalArgumentException if not in (0, 1)
         */
        public Builder confidence(double value) {
            if (!(value > 0 && value < 1)) {
                throw Checks.invalid("confidence", "must be between 0 and 1 (exclusive)", value);
            }
            this.confidence = value;
            return this;
        }

        /**
         * Sets what a decision below the minimum does.
         *
         * @param value hold, or decide by the exact test
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder belowMinimum(@Nullable BelowMinimum value) {
            this.belowMinimum = Checks.notNull(value, "belowMinimum");
            return this;
        }

        /**
         * Builds the rule set (the builder stays reusable).
         *
         * @return the rule set
         */
        public MinimumEvidence build() {
            return new MinimumEvidence(this);
        }
    }
}
