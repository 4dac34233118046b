package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A team's self-reported answers, by criterion id. A criterion without an answer is
 * {@link CriterionStatus#UNKNOWN}. Immutable; iteration is in criterion-id order so that the same
 * answers always render the same way, whatever order they were given in.
 *
 * <p>The file format the CLI reads ({@code assess --answers answers.json}) maps each criterion id
 * to a status string or to an object with {@code status} and {@code note}, see
 * {@link CriterionStatus#parse(String)}.
 *
 * @param byCriterion the answers by criterion id
 */
public record Answers(Map<String, Answer> byCriterion) {

    private static final Answers NONE = new Answers(Map.of());

    /**
     * A self-reported answer to one criterion: a status and an optional note naming the evidence
     * ("dashboard at grafana/ci", "checked in the Q3 retro"). A blank note is kept as no note.
     *
     * @param status the reported status
     * @param note the evidence note, or null
     */
    public record Answer(CriterionStatus status, @Nullable String note) {

        /**
         * Validates the answer.
         *
         * @throws IllegalArgumentException if the status is null
         */
        public Answer {
            Checks.notNull(status, "status");
            if (note != null && note.isBlank()) {
                note = null;
            } else if (note != null) {
                note = note.strip();
            }
        }

        /**
         * An answer without a note.
         *
         * @param status the status
         * @return the answer
         */
        public static Answer of(CriterionStatus status) {
            return new Answer(status, null);
        }

        /**
         * An answer with a note.
         *
         * @param status the status
         * @param note the note, or null
         * @return the answer
         */
        public static Answer of(CriterionStatus status, @Nullable String note) {
            return new Answer(status, note);
        }
    }

    /**
     * Validates and copies the answers.
     *
     * @throws IllegalArgumentException if the map, a key or a value is null, or a key is blank
     */
    public Answers {
        Checks.notNull(byCriterion, "answers");
        TreeMap<String, Answer> copy = new TreeMap<>();
        for (Map.Entry<String, Answer> e : byCriterion.entrySet()) {
            String id = Checks.notBlank(e.getKey(), "answers criterion id");
            copy.put(id, Checks.notNull(e.getValue(), "answers['" + id + "']"));
        }
        byCriterion = Collections.unmodifiableMap(copy);
    }

    /**
     * No answers: every criterion is unknown unless measured.
     *
     * @return the empty answers
     */
    public static Answers none() {
        return NONE;
    }

    /**
     * Answers from a map.
     *
     * @param byCriterion the answers by criterion id
     * @return the answers
     */
    public static Answers of(Map<String, Answer> byCriterion) {
        return new Answers(Checks.notNull(byCriterion, "answers"));
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
     * The answer to one criterion.
     *
     * @param criterionId the criterion id
     * @return the answer, or null when unanswered
     */
    public @Nullable Answer get(@Nullable String criterionId) {
        return criterionId == null ? null : byCriterion.get(criterionId);
    }

    /**
     * The reported status of one criterion.
     *
     * @param criterionId the criterion id
     * @return the status, {@link CriterionStatus#UNKNOWN} when unanswered
     */
    public CriterionStatus status(@Nullable String criterionId) {
        Answer a = get(criterionId);
        return a == null ? CriterionStatus.UNKNOWN : a.status();
    }

    /**
     * These answers with one answer set (replacing any earlier answer to that criterion).
     *
     * @param criterionId the criterion id
     * @param answer the answer
     * @return new answers
     */
    public Answers with(String criterionId, Answer answer) {
        Checks.notBlank(criterionId, "criterionId");
        Checks.notNull(answer, "answer");
        TreeMap<String, Answer> copy = new TreeMap<>(byCriterion);
        copy.put(criterionId, answer);
        return new Answers(copy);
    }

    /**
     * The number of answers.
     *
     * @return the size
     */
    public int size() {
        return byCriterion.size();
    }

    /** Collects answers; a later answer to the same criterion replaces the earlier one. */
    public static final class Builder {
        private final TreeMap<String, Answer> answers = new TreeMap<>();

        private Builder() {}

        /**
         * Sets an answer.
         *
         * @param criterionId the criterion id
         * @param status the status
         * @param note the evidence note, or null
         * @return this builder
         * @throws IllegalArgumentException if the id is blank or the status null
         */
        public Builder answer(String criterionId, CriterionStatus status, @Nullable String note) {
            Checks.notBlank(criterionId, "criterionId");
            answers.put(criterionId, new Answer(Checks.notNull(status, "status"), note));
            return this;
        }

        /**
         * Reports a criterion as met.
         *
         * @param criterionIds the criterion ids
         * @return this builder
         */
        public Builder met(String... criterionIds) {
            return all(CriterionStatus.MET, criterionIds);
        }

        /**
         * Reports a criterion as not met.
         *
         * @param criterionIds the criterion ids
         * @return this builder
         */
        public Builder notMet(String... criterionIds) {
            return all(CriterionStatus.NOT_MET, criterionIds);
        }

        /**
         * Reports a criterion explicitly as unknown.
         *
         * @param criterionIds the criterion ids
         * @return this builder
         */
        public Builder unknown(String... criterionIds) {
            return all(CriterionStatus.UNKNOWN, criterionIds);
        }

        private Builder all(CriterionStatus status, String[] ids) {
            Checks.notNull(ids, "criterionIds");
            for (String id : ids) {
                answer(id, status, null);
            }
            return this;
        }

        /**
         * Builds the answers.
         *
         * @return the answers
         */
        public Answers build() {
            return new Answers(answers);
        }
    }
}
