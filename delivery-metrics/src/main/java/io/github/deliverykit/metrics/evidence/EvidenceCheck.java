package io.github.deliverykit.metrics.evidence;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.metrics.evidence.MinimumEvidence.BelowMinimum;

/**
 * What {@link MinimumEvidence#check(long, long, double, MinimumEvidence.Breach)} found: whether the
 * events behind an error rate suffice for a decision, and the facts it used. Callers act on
 * {@link #status()}: decide normally when {@link Status#SUFFICIENT}, hold when {@link #holds()},
 * decide the breach when {@link #breached()}.
 *
 * @param status the outcome
 * @param events the events observed
 * @param errors the errors among them
 * @param rate the threshold rate
 * @param expectedErrors {@code events x rate}, the errors expected at the threshold
 * @param minEvents the rule set's least events
 * @param minExpectedErrors the rule set's least expected errors
 * @param requiredEvents the events needed at this rate ({@code max(minEvents, ceil(minExpectedErrors / rate))})
 * @param belowMinimum the rule set's behaviour below the minimum
 * @param confidence the confidence of the exact test
 * @param pValue the exact test's {@code P(X >= errors)} at the rate, computed below the minimum only
 *     (NaN when the evidence suffices, without events, or beyond 2^31 - 1 events)
 */
public record EvidenceCheck(Status status, long events, long errors, double rate, double expectedErrors,
        long minEvents, double minExpectedErrors, long requiredEvents, BelowMinimum belowMinimum, double confidence,
        double pValue) {

    /** The outcome of a check. */
    public enum Status {
        /** At least the required events: decide on the error rate. */
        SUFFICIENT,
        /** No events at all: no data. */
        NO_EVENTS,
        /** Some events, fewer than required, and no proven breach: hold. */
        INSUFFICIENT,
        /** Fewer than required, but the errors breach the rate even if every missing event were good. */
        BREACH_CERTAIN,
        /** Fewer than required, but the exact binomial test finds the error rate significantly above the rate. */
        BREACH_SIGNIFICANT
    }

    /**
     * Validates the check.
     *
     * @throws IllegalArgumentException if a field is null, a count out of range or a rate not finite
     */
    public EvidenceCheck {
        Checks.notNull(status, "status");
        Checks.nonNegative(events, "events");
        Checks.inRange(errors, 0, events, "errors");
        if (!(rate > 0 && rate <= 1)) {
            throw Checks.invalid("rate", "must be in (0, 1]", rate);
        }
        Checks.nonNegative(expectedErrors, "expectedErrors");
        Checks.nonNegative(minEvents, "minEvents");
        Checks.nonNegative(minExpectedErrors, "minExpectedErrors");
        Checks.nonNegative(requiredEvents, "requiredEvents");
        Checks.notNull(belowMinimum, "belowMinimum");
        Checks.inRange(confidence, 0, 1, "confidence");
        if (!Double.isNaN(pValue)) {
            Checks.inRange(pValue, 0, 1, "pValue");
        }
    }

    /**
     * Whether the evidence suffices for a normal decision.
     *
     * @return true when {@link Status#SUFFICIENT}
     */
    public boolean sufficient() {
        return status == Status.SUFFICIENT;
    }

    /**
     * Whether the decision must hold (no data, or too little and no proven breach).
     *
     * @return true when {@link Status#NO_EVENTS} or {@link Status#INSUFFICIENT}
     */
    public boolean holds() {
        return status == Status.NO_EVENTS || status == Status.INSUFFICIENT;
    }

    /**
     * Whether the errors prove the breach below the minimum.
     *
     * @return true when {@link Status#BREACH_CERTAIN} or {@link Status#BREACH_SIGNIFICANT}
     */
    public boolean breached() {
        return status == Status.BREACH_CERTAIN || status == Status.BREACH_SIGNIFICANT;
    }

    /**
     * The events still missing before the evidence suffices.
     *
     * @return {@code requiredEvents - events}, 0 when sufficient
     */
    public long missingEvents() {
        return Math.max(0, requiredEvents - events);
    }

    /**
     * The facts used, for a finding: events, errors, rate, expectedErrors, minEvents,
     * minExpectedErrors, requiredEvents, evidence (the status), and below the minimum belowMinimum
     * with the exact test's pValue and confidence.
     *
     * @return the facts
     */
    public Facts facts() {
        Facts.Builder b = Facts.builder().put("events", events).put("errors", errors).put("rate", rate)
                .put("expectedErrors", expectedErrors).put("minEvents", minEvents)
                .put("minExpectedErrors", minExpectedErrors).put("requiredEvents", requiredEvents)
                .put("evidence", status);
        if (!sufficient() && status != Status.NO_EVENTS) {
            b.put("belowMinimum", belowMinimum).put("confidence", confidence);
            if (!Double.isNaN(pValue)) {
                b.put("pValue", pValue);
            }
        }
        return b.build();
    }

    /**
     * A short explanation, e.g. {@code 40 of 1000 required events (1 expected error at rate 0.001)}.
     *
     * @return the text
     */
    public String describe() {
        String base = Checks.message("%d of %d required events (%s expected errors at rate %s, %s needed)", events,
                requiredEvents, Facts.format(expectedErrors), Facts.format(rate), Facts.format(minExpectedErrors));
        return switch (status) {
            case SUFFICIENT, NO_EVENTS, INSUFFICIENT -> base;
            case BREACH_CERTAIN -> base + Checks.message("; %d errors breach the rate even if every missing event is good",
                    errors);
            case BREACH_SIGNIFICANT -> base + Checks.message("; %d errors are significantly above the rate (exact "
                    + "binomial p = %.2g < %s)", errors, pValue, Facts.format(1 - confidence));
        };
    }
}
