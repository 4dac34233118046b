package io.github.deliverykit.policy.maturity.spi;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.spi.Provider;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.maturity.Answers.Answer;
import io.github.deliverykit.policy.maturity.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The plug point for maturity models. A model is a {@link Provider} whose {@link #id()} users name
 * ({@code assess --model ai-delivery}), whose {@link #definition()} is the validated content
 * (dimensions, a ladder of levels, criteria), and which decides each criterion in the one plug-in
 * shape: {@link #decide} returns a {@link RuleResult} whose extras ({@link Outcome}) say the status
 * and what decided it. The built-in models ({@code ai-delivery}, {@code delivery-5-level}) use the
 * default {@link #decide}: measured evidence wins over the team's answer, an answer otherwise,
 * UNKNOWN when neither. Custom models are registered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services} and {@code module-info} {@code provides}) or passed to the engine by
 * hand.
 *
 * <p>Finding codes of a model lie in its namespace: the default {@link #decide} emits
 * {@code <id>.evidence.decided} (INFO), {@code <id>.answer.contradicts_evidence} (WARN) and
 * {@code <id>.evidence.unit_mismatch} (WARN). The engine rejects a code outside the namespace
 * (fail closed: the criterion counts as UNKNOWN, with a {@code maturity.plugin.foreign_code}
 * finding), so a custom model cannot speak for a built-in one.
 *
 * <p>{@link #definition()} must return a definition with the same id; it should be a constant.
 * Implementations must be thread safe.
 */
public interface MaturityModel extends Provider {

    /**
     * The content of the model.
     *
     * @return the validated definition, whose id equals {@link #id()}
     */
    Definition definition();

    /**
     * Decides one criterion of this model from the team's answer and the measured evidence. The
     * default: a measurable criterion whose metric was measured in the rule's unit is decided by the
     * measurement (an answer contradicting it is a WARN); a measurement in another unit is ignored
     * with a WARN; otherwise the answer decides; otherwise the criterion is UNKNOWN.
     *
     * @param criterion the criterion, of this model
     * @param answer the team's answer, or null when unanswered
     * @param evidence the measured evidence
     * @return findings in this model's namespace and the outcome
     */
    default RuleResult<Outcome> decide(Criterion criterion, @Nullable Answer answer, Evidence evidence) {
        Checks.notNull(criterion, "criterion");
        Checks.notNull(evidence, "evidence");
        String ns = id();
        Threshold rule = criterion.rule();
        Measurement m = rule == null ? null : evidence.get(rule.key());
        if (rule != null && m != null) {
            if (!m.unit().equals(rule.unit())) {
                Finding f = Finding.warn(ns + ".evidence.unit_mismatch", criterion.id() + ": " + rule.key()
                        + " was measured in '" + m.unit().symbol() + "' but the criterion needs '"
                        + rule.unit().symbol() + "'; the evidence is ignored",
                        Facts.of("criterion", criterion.id(), "key", rule.key(), "unit", m.unit().symbol(),
                                "expected_unit", rule.unit().symbol()));
                return RuleResult.of(answer == null ? Outcome.unknown() : Outcome.answered(answer), f);
            }
            CriterionStatus measured = rule.test(m.value()) ? CriterionStatus.MET : CriterionStatus.NOT_MET;
            Outcome o = new Outcome(measured, DecidedBy.EVIDENCE, answer, m);
            Facts facts = Facts.of("criterion", criterion.id(), "measured", measured, "value", m.rendered(),
                    "target", rule.describe(), "answer", answer == null ? "none" : answer.status());
            if (o.contradicted()) {
                return RuleResult.of(o, Finding.warn(ns + ".answer.contradicts_evidence", criterion.id()
                        + " was answered " + answer.status() + " but " + rule.key() + " = " + m.rendered()
                        + " makes it " + measured + " (target " + rule.describe() + "); the evidence wins", facts));
            }
            return RuleResult.of(o, Finding.info(ns + ".evidence.decided", criterion.id() + " is " + measured
                    + ": " + rule.key() + " = " + m.rendered() + " (target " + rule.describe() + ")", facts));
        }
        return RuleResult.of(answer == null ? Outcome.unknown() : Outcome.answered(answer));
    }

    /**
     * A model around a definition, for use without {@code ServiceLoader}.
     *
     * @param definition the definition
     * @return a model with the definition's id and priority 0
     * @throws IllegalArgumentException if definition is null
     */
    static MaturityModel of(Definition definition) {
        Checks.notNull(definition, "definition");
        return new MaturityModel() {
            @Override
            public String id() {
                return definition.id();
            }

            @Override
            public Definition definition() {
                return definition;
            }

            @Override
            public String toString() {
                return "MaturityModel[" + definition.id() + "]";
            }
        };
    }

    /**
     * The definition of a model, checked: its id must equal the model's id, and a custom model
     * whose {@code definition()} fails is reported as bad input naming its class.
     *
     * @param model the model
     * @return the definition
     * @throws IllegalArgumentException if the model is null, its definition is invalid or null, or
     *     the ids differ
     */
    static Definition definitionOf(MaturityModel model) {
        Checks.notNull(model, "model");
        String cls = model.getClass().getName();
        Definition def;
        String id;
        try {
            id = model.id();
            def = model.definition();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(Checks.message("maturity model %s failed to describe itself: %s",
                    cls, e), e);
        }
        Checks.notNull(def, "definition() of " + cls);
        if (!def.id().equals(id)) {
            throw Checks.invalid("definition().id() of " + cls, "must equal id() '" + id + "'", def.id());
        }
        return def;
    }

    /**
     * What decided one criterion: the extras of {@link #decide}.
     *
     * @param status the status used for scoring
     * @param decidedBy what decided the status
     * @param answer the team's answer, or null
     * @param measurement the measurement that decided it, or null
     */
    record Outcome(CriterionStatus status, DecidedBy decidedBy, @Nullable Answer answer,
            @Nullable Measurement measurement) {

        /**
         * Validates the outcome.
         *
         * @throws IllegalArgumentException if a field is null or the fields disagree (evidence
         *     without a measurement, an answer decision without an answer, nothing deciding a known
         *     status)
         */
        public Outcome {
            Checks.notNull(status, "status");
            Checks.notNull(decidedBy, "decidedBy");
            if ((decidedBy == DecidedBy.EVIDENCE) != (measurement != null)) {
                throw Checks.invalid("measurement", "must be present exactly when evidence decided", measurement);
            }
            if (decidedBy == DecidedBy.ANSWER && (answer == null || answer.status() != status)) {
                throw Checks.invalid("answer", "must be present and give the status when the answer decided",
                        answer);
            }
            if (decidedBy == DecidedBy.NOTHING && status != CriterionStatus.UNKNOWN) {
                throw Checks.invalid("status", "must be UNKNOWN when nothing decided", status);
            }
        }

        /**
         * Nothing decided: UNKNOWN (also what a failing model's criterion counts as).
         *
         * @return the outcome
         */
        public static Outcome unknown() {
            return new Outcome(CriterionStatus.UNKNOWN, DecidedBy.NOTHING, null, null);
        }

        /**
         * The answer decided.
         *
         * @param answer the answer
         * @return the outcome
         * @throws IllegalArgumentException if answer is null
         */
        public static Outcome answered(Answer answer) {
            Checks.notNull(answer, "answer");
            return new Outcome(answer.status(), DecidedBy.ANSWER, answer, null);
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
    }

    /**
     * The content of a maturity model, validated as a whole: dimensions, an ordered ladder of levels
     * and the criteria of each dimension at each level. A definition is valid when ids are unique,
     * level ranks run 1, 2, 3... without gaps, every criterion names a known dimension and level, and
     * no dimension has an empty level (a level without criteria could never be failed). Criteria are
     * kept in dimension order, then level, then the order given.
     *
     * @param id the model id, e.g. {@code ai-delivery}
     * @param title the display title
     * @param description what the model measures; may be empty
     * @param dimensions the dimensions, in display order
     * @param levels the levels, ranks 1..n in order
     * @param criteria the criteria
     */
    record Definition(String id, String title, String description, List<Dimension> dimensions,
            List<MaturityLevel> levels, List<Criterion> criteria) {

        private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

        /**
         * Validates the definition.
         *
         * @throws IllegalArgumentException naming the first problem: a null or malformed field, a
         *     duplicate id, a gap in the level ranks, an unknown dimension or level, an empty level
         */
        public Definition {
            MaturityModel.checkId(id, "model id");
            Checks.notBlank(title, "model title");
            Checks.notNull(description, "model description");
            dimensions = Checks.listOf(dimensions, "dimensions");
            levels = Checks.listOf(levels, "levels");
            criteria = Checks.listOf(criteria, "criteria");
            if (dimensions.isEmpty()) {
                throw Checks.invalid("dimensions of " + id, "must not be empty", dimensions);
            }
            if (levels.isEmpty()) {
                throw Checks.invalid("levels of " + id, "must not be empty", levels);
            }
            Map<String, Integer> dimIndex = new HashMap<>();
            for (Dimension d : dimensions) {
                if (dimIndex.putIfAbsent(d.id(), dimIndex.size()) != null) {
                    throw Checks.invalid("dimension id", "must be unique in " + id, d.id());
                }
            }
            for (int i = 0; i < levels.size(); i++) {
                if (levels.get(i).rank() != i + 1) {
                    throw Checks.invalid("levels[" + i + "].rank", "must be " + (i + 1)
                            + " (ranks start at 1 and are contiguous, in order)", levels.get(i).rank());
                }
            }
            Set<String> seen = new HashSet<>();
            int n = levels.size();
            int[] perCell = new int[dimensions.size() * n];
            for (Criterion c : criteria) {
                if (!seen.add(c.id())) {
                    throw Checks.invalid("criterion id", "must be unique in " + id, c.id());
                }
                Integer d = dimIndex.get(c.dimension());
                if (d == null) {
                    throw Checks.invalid("dimension of " + c.id(), "must be one of " + dimIndex.keySet().stream().sorted().toList(),
                            c.dimension());
                }
                if (c.level() > n) {
                    throw Checks.invalid("level of " + c.id(), "must be between 1 and " + n, c.level());
                }
                perCell[d * n + c.level() - 1]++;
            }
            for (int d = 0; d < dimensions.size(); d++) {
                for (int l = 0; l < n; l++) {
                    if (perCell[d * n + l] == 0) {
                        throw Checks.invalid("criteria of " + dimensions.get(d).id() + " at level " + (l + 1),
                                "must not be empty", 0);
                    }
                }
            }
            List<Criterion> ordered = new ArrayList<>(criteria);
            // stable: keeps the given order within one dimension and level
            ordered.sort((a, b) -> {
                int byDim = Integer.compare(dimIndex.get(a.dimension()), dimIndex.get(b.dimension()));
                return byDim != 0 ? byDim : Integer.compare(a.level(), b.level());
            });
            criteria = List.copyOf(ordered);
        }

        /**
         * A builder.
         *
         * @param id the model id
         * @param title the title
         * @return a new builder
         */
        public static Builder builder(String id, String title) {
            return new Builder(id, title);
        }

        /**
         * The number of levels (the top rank).
         *
         * @return the top rank
         */
        public int topLevel() {
            return levels.size();
        }

        /**
         * The level of a rank.
         *
         * @param rank the rank, 1..{@link #topLevel()}
         * @return the level
         * @throws IllegalArgumentException if out of range
         */
        public MaturityLevel level(int rank) {
            Checks.inRange(rank, 1, levels.size(), "rank");
            return levels.get(rank - 1);
        }

        /**
         * The dimension with an id.
         *
         * @param dimensionId the id
         * @return the dimension
         * @throws IllegalArgumentException if there is none
         */
        public Dimension dimension(String dimensionId) {
            for (Dimension d : dimensions) {
                if (d.id().equals(dimensionId)) {
                    return d;
                }
            }
            throw Checks.invalid("dimension", "must be one of " + dimensions.stream().map(Dimension::id).toList()
                    + " in " + id, dimensionId);
        }

        /**
         * The criterion with an id.
         *
         * @param criterionId the id
         * @return the criterion, or null
         */
        public @Nullable Criterion criterion(@Nullable String criterionId) {
            for (Criterion c : criteria) {
                if (c.id().equals(criterionId)) {
                    return c;
                }
            }
            return null;
        }

        /**
         * The criteria of one dimension at one level, in model order.
         *
         * @param dimensionId the dimension id
         * @param rank the level rank
         * @return the criteria (empty for an unknown dimension or rank)
         */
        public List<Criterion> criteria(String dimensionId, int rank) {
            List<Criterion> out = new ArrayList<>();
            for (Criterion c : criteria) {
                if (c.dimension().equals(dimensionId) && c.level() == rank) {
                    out.add(c);
                }
            }
            return out;
        }

        /** Builds a definition step by step; validation happens in {@link #build()}. */
        public static final class Builder {
            private final String id;
            private final String title;
            private String description = "";
            private final List<Dimension> dimensions = new ArrayList<>();
            private final List<MaturityLevel> levels = new ArrayList<>();
            private final List<Criterion> criteria = new ArrayList<>();

            private Builder(String id, String title) {
                this.id = id;
                this.title = title;
            }

            /**
             * Sets the description.
             *
             * @param description the description
             * @return this builder
             */
            public Builder description(String description) {
                this.description = Checks.notNull(description, "model description");
                return this;
            }

            /**
             * Adds a dimension.
             *
             * @param dimensionId the id
             * @param name the name
             * @param dimensionDescription what it covers
             * @return this builder
             */
            public Builder dimension(String dimensionId, String name, String dimensionDescription) {
                dimensions.add(new Dimension(dimensionId, name, dimensionDescription));
                return this;
            }

            /**
             * Adds a level.
             *
             * @param rank the rank
             * @param name the name
             * @param summary what the level looks like
             * @return this builder
             */
            public Builder level(int rank, String name, String summary) {
                levels.add(new MaturityLevel(rank, name, summary));
                return this;
            }

            /**
             * Adds an answer-only criterion.
             *
             * @param criterionId the id
             * @param dimensionId the dimension id
             * @param rank the level rank
             * @param text the text
             * @return this builder
             */
            public Builder criterion(String criterionId, String dimensionId, int rank, String text) {
                criteria.add(new Criterion(criterionId, dimensionId, rank, text, null));
                return this;
            }

            /**
             * Adds a measurable criterion.
             *
             * @param criterionId the id
             * @param dimensionId the dimension id
             * @param rank the level rank
             * @param text the text
             * @param rule the rule that decides it from evidence
             * @return this builder
             */
            public Builder criterion(String criterionId, String dimensionId, int rank, String text, Threshold rule) {
                criteria.add(new Criterion(criterionId, dimensionId, rank, text, Checks.notNull(rule, "rule of " + criterionId)));
                return this;
            }

            /**
             * Validates and builds the definition.
             *
             * @return the definition
             * @throws IllegalArgumentException if the definition is invalid
             */
            public Definition build() {
                return new Definition(id, title, description, dimensions, levels, criteria);
            }
        }
    }

    /**
     * One dimension of a maturity model, scored on its own ladder, e.g. {@code cicd} "CI/CD Pipeline".
     *
     * @param id the stable id, e.g. {@code cicd}
     * @param name the display name
     * @param description what the dimension covers; may be empty
     */
    record Dimension(String id, String name, String description) {

        /**
         * Validates the dimension.
         *
         * @throws IllegalArgumentException if the id is malformed, the name blank or the description null
         */
        public Dimension {
            MaturityModel.checkId(id, "dimension id");
            Checks.notBlank(name, "dimension name");
            Checks.notNull(description, "dimension description");
        }
    }

    /**
     * One rung of a maturity ladder. Ranks start at 1 and are contiguous within a model; rank 0 is
     * never a level but the state "not yet L1".
     *
     * @param rank the rank, 1 for the first level
     * @param name the name, e.g. {@code Guided}
     * @param summary what the level looks like; may be empty
     */
    record MaturityLevel(int rank, String name, String summary) {

        /** What is reported for a dimension below the first level. */
        public static final String NOT_YET_L1 = "not yet L1";

        /**
         * Validates the level.
         *
         * @throws IllegalArgumentException if the rank is below 1, the name blank or the summary null
         */
        public MaturityLevel {
            Checks.inRange(rank, 1, Integer.MAX_VALUE, "level rank");
            Checks.notBlank(name, "level name");
            Checks.notNull(summary, "level summary");
        }

        /**
         * The short label, e.g. {@code L2 Guided}.
         *
         * @return the label
         */
        public String label() {
            return "L" + rank + " " + name;
        }
    }

    /**
     * One criterion of a maturity model: a stable id such as {@code cicd.L2.03}, the dimension and
     * level it belongs to, its text, and for measurable criteria the {@link Threshold} that decides it
     * from measured evidence.
     *
     * @param id the stable id, unique within the model
     * @param dimension the dimension id
     * @param level the level rank, 1 or more
     * @param text the criterion as worded in the model
     * @param rule how measured evidence decides it, or null when it can only be answered
     */
    record Criterion(String id, String dimension, int level, String text, @Nullable Threshold rule) {

        /**
         * Validates the criterion.
         *
         * @throws IllegalArgumentException if an id is malformed, the level below 1 or the text blank
         */
        public Criterion {
            MaturityModel.checkId(id, "criterion id");
            MaturityModel.checkId(dimension, "dimension of " + id);
            Checks.inRange(level, 1, Integer.MAX_VALUE, "level of " + id);
            Checks.notBlank(text, "text of " + id);
        }

        /**
         * An answer-only criterion.
         *
         * @param id the id
         * @param dimension the dimension id
         * @param level the level rank
         * @param text the text
         * @return the criterion
         */
        public static Criterion of(String id, String dimension, int level, String text) {
            return new Criterion(id, dimension, level, text, null);
        }

        /**
         * Whether measured evidence can decide this criterion.
         *
         * @return true when it has a rule
         */
        public boolean measurable() {
            return rule != null;
        }
    }

    /**
     * Whether one criterion of a maturity model holds. {@link #UNKNOWN} never counts as met: a level is
     * reached only by criteria that are known to hold.
     */
    enum CriterionStatus {
        /** The criterion holds. */
        MET,
        /** The criterion does not hold. */
        NOT_MET,
        /** Nobody said and nothing measured whether the criterion holds. */
        UNKNOWN;

        /**
         * Parses a status leniently: case is ignored and {@code -} or a space may stand for {@code _}
         * ({@code "met"}, {@code "Not-Met"}, {@code "not met"}, {@code "UNKNOWN"}).
         *
         * @param text the text
         * @return the status
         * @throws IllegalArgumentException if the text is null or names no status
         */
        public static CriterionStatus parse(String text) {
            Checks.notNull(text, "status");
            String norm = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (CriterionStatus s : values()) {
                if (s.name().equals(norm)) {
                    return s;
                }
            }
            throw Checks.invalid("status", "must be one of MET, NOT_MET, UNKNOWN", text);
        }
    }

    /** What decided a criterion's status in an assessment. */
    enum DecidedBy {
        /** Measured evidence; it wins over any answer. */
        EVIDENCE,
        /** The team's answer. */
        ANSWER,
        /** Nothing: no usable evidence and no answer, so the status is UNKNOWN. */
        NOTHING
    }

    /** Ids of models, dimensions and criteria: letters, digits, '.', '_' or '-'. */
    private static void checkId(@Nullable String id, String field) {
        Checks.notNull(id, field);
        if (!Definition.ID_PATTERN.matcher(id).matches()) {
            throw Checks.invalid(field, "must be letters, digits, '.', '_' or '-' like 'cicd.L2.03'", id);
        }
    }

}
