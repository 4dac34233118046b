package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.check.Checks;
import org.jspecify.annotations.Nullable;

/**
 * How one criterion came out: its status, what decided it, the team's answer (if any) and the
 * measurement (if evidence decided it).
 *
 * @param criterion the criterion
 * @param status the status used for scoring
 * @param decidedBy what decided the status
 * @param answer the team's answer, or null
 * @param measurement the measurement that decided it, or null
 */
public record CriterionResult(Criterion criterion, CriterionStatus status, DecidedBy decidedBy,
        @Nullable Answer answer, @Nullable Measurement measurement) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a field is null or the fields disagree (evidence without
     *     a measurement, an answer decision without an answer, nothing deciding a known status)
     */
    public CriterionResult {
        Checks.notNull(criterion, "criterion");
        Checks.notNull(status, "status");
        Checks.notNull(decidedBy, "decidedBy");
        if ((decidedBy == DecidedBy.EVIDENCE) != (measurement != null)) {
            throw Checks.invalid("measurement of " + criterion.id(), "must be present exactly when evidence decided",
                    measurement);
        }
        if (decidedBy == DecidedBy.ANSWER && answer == null) {
            throw Checks.invalid("answer of " + criterion.id(), "must be present when the answer decided", null);
        }
        if (decidedBy == DecidedBy.NOTHING && status != CriterionStatus.UNKNOWN) {
            throw Checks.invalid("status of " + criterion.id(), "must be UNKNOWN when nothing decided", status);
        }
    }

    /**
     * Whether the criterion counts as met (UNKNOWN never does).
     *
     * @return true when MET
     */
    public boolean met() {
        return status == CriterionStatus.MET;
    }

    /**
     * Whether the team's answer said MET or NOT_MET and the evidence said the opposite.
     *
     * @return true on a contradiction
     */
    public boolean contradicted() {
        return decidedBy == DecidedBy.EVIDENCE && answer != null && answer.status() != CriterionStatus.UNKNOWN
                && answer.status() != status;
    }

    /**
     * What decided, for people: {@code answer}, {@code no answer}, or
     * {@code measured: ci.duration.median = 840 s (target ci.duration.median < 600 s)}.
     *
     * @return the text
     */
    public String source() {
        if (measurement != null && criterion.rule() != null) {
            return "measured: " + measurement.key() + " = " + measurement.rendered() + " (target "
                    + criterion.rule().describe() + ")";
        }
        return decidedBy == DecidedBy.ANSWER ? "answer" : "no answer";
    }
}
