package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.policy.maturity.Answers.Answer;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Criterion;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.DecidedBy;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Definition;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Dimension;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.MaturityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link MaturityAssessment} decided: per-dimension levels, the overall level (the lowest
 * dimension, "a chain is as strong as its weakest link"), a weighted score, the gap to the next
 * level, the plan to close it within the horizon, the verdict and the findings that explain it.
 * Immutable; {@link #toMarkdown()} and {@link Plan#toMarkdown()} render the same decision byte for
 * byte the same.
 *
 * @param model the model definition
 * @param verdict the verdict
 * @param overallLevel the lowest dimension level, 0 for not yet L1
 * @param score the weighted mean of the dimensions' continuous scores (level + progress), 0 to the top rank
 * @param dimensions the dimension results, in model order
 * @param plan the plan that closes the gaps within the configured horizon
 * @param findings the ordered findings
 */
public record MaturityDecision(Definition model, Verdict verdict, int overallLevel, double score,
        List<DimensionResult> dimensions, Plan plan, Findings findings) implements Decided<MaturityDecision.Verdict> {

    /**
     * Validates the assessment.
     *
     * @throws IllegalArgumentException if a field is null or out of range
     */
    public MaturityDecision {
        Checks.notNull(model, "model");
        Checks.notNull(verdict, "verdict");
        Checks.inRange(overallLevel, 0, model.topLevel(), "overallLevel");
        Checks.inRange(score, 0, model.topLevel(), "score");
        dimensions = Checks.listOf(dimensions, "dimensions");
        Checks.notNull(plan, "plan");
        Checks.notNull(findings, "findings");
    }

    /**
     * The overall level for people: {@code L2 Guided} or {@code not yet L1}.
     *
     * @return the label
     */
    public String overallLabel() {
        return label(model, overallLevel);
    }

    static String label(Definition model, int level) {
        return level == 0 ? MaturityLevel.NOT_YET_L1 : model.level(level).label();
    }

    /**
     * The result of one dimension.
     *
     * @param dimensionId the dimension id
     * @return the result
     * @throws IllegalArgumentException if the model has no such dimension
     */
    public DimensionResult dimension(String dimensionId) {
        for (DimensionResult d : dimensions) {
            if (d.dimension().id().equals(dimensionId)) {
                return d;
            }
        }
        throw Checks.invalid("dimension", "must be a dimension of " + model.id(), dimensionId);
    }

    /**
     * The level of one dimension.
     *
     * @param dimensionId the dimension id
     * @return the rank, 0 for not yet L1
     * @throws IllegalArgumentException if the model has no such dimension
     */
    public int level(String dimensionId) {
        return dimension(dimensionId).level();
    }

    /**
     * The result of one criterion.
     *
     * @param criterionId the criterion id
     * @return the result
     * @throws IllegalArgumentException if the model has no such criterion
     */
    public CriterionResult criterion(String criterionId) {
        for (DimensionResult d : dimensions) {
            for (CriterionResult r : d.criteria()) {
                if (r.criterion().id().equals(criterionId)) {
                    return r;
                }
            }
        }
        throw Checks.invalid("criterion", "must be a criterion of " + model.id(), criterionId);
    }

    /**
     * Every gap: per dimension in model order, the unmet criteria of its next level.
     *
     * @return the gaps
     */
    public List<CriterionResult> gaps() {
        List<CriterionResult> out = new ArrayList<>();
        for (DimensionResult d : dimensions) {
            out.addAll(d.gaps());
        }
        return out;
    }

    /**
     * The score rendered with two decimals, e.g. {@code 1.73}.
     *
     * @return the text
     */
    public String scoreText() {
        return scoreText(score);
    }

    static String scoreText(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    /**
     * The scorecard in Markdown: overall line, one row per dimension, each dimension's criteria with
     * status and source, the gaps to the next level, and the findings.
     *
     * @return the Markdown, ending in a newline
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Maturity scorecard: ").append(Markdown.text(model.title())).append(" (`").append(model.id())
                .append("`)\n\n");
        sb.append("Overall: **").append(overallLabel()).append("** (lowest dimension); weighted score **")
                .append(scoreText()).append("** of ").append(model.topLevel()).append(".\n\n");
        sb.append("| Dimension | Level | Next level | Progress | Weight |\n| --- | --- | --- | --- | --- |\n");
        for (DimensionResult d : dimensions) {
            sb.append("| ").append(Markdown.cell(d.dimension().name()))
                    .append(" | ").append(Markdown.cell(d.levelLabel()))
                    .append(" | ").append(d.next() == null ? "top level" : Markdown.cell(d.next().label()))
                    .append(" | ").append(d.atTop() ? "-" : progressText(d))
                    .append(" | ").append(Facts.format(d.weight()))
                    .append(" |\n");
        }
        for (DimensionResult d : dimensions) {
            sb.append("\n## ").append(Markdown.text(d.dimension().name())).append(": ").append(d.levelLabel())
                    .append("\n\n| Criterion | Level | Status | Decided by | Text | Note |\n")
                    .append("| --- | --- | --- | --- | --- | --- |\n");
            for (CriterionResult r : d.criteria()) {
                Answer a = r.answer();
                String note = a == null || a.note() == null ? "" : Markdown.cell(a.note());
                sb.append("| `").append(r.criterion().id()).append("` | L").append(r.criterion().level())
                        .append(" | ").append(r.status())
                        .append(" | ").append(Markdown.cell(r.source()))
                        .append(" | ").append(Markdown.cell(r.criterion().text()))
                        .append(" | ").append(note)
                        .append(" |\n");
            }
        }
        sb.append("\n## Gaps to the next level\n\n");
        boolean any = false;
        for (DimensionResult d : dimensions) {
            List<CriterionResult> gaps = d.gaps();
            if (gaps.isEmpty()) {
                continue;
            }
            any = true;
            sb.append("- ").append(Markdown.text(d.dimension().name())).append(" -> ").append(d.next().label())
                    .append(": ");
            List<String> ids = new ArrayList<>();
            for (CriterionResult r : gaps) {
                ids.add("`" + r.criterion().id() + "` (" + r.status() + ")");
            }
            sb.append(String.join(", ", ids)).append('\n');
        }
        if (!any) {
            sb.append("None: every dimension is at the top level.\n");
        }
        sb.append("\n## Findings\n\n").append(findings.toMarkdown());
        return sb.toString();
    }

    static String progressText(DimensionResult d) {
        return d.nextMet() + "/" + d.nextTotal() + " (" + (d.nextMet() * 100L / d.nextTotal()) + " %)";
    }

    /** The overall outcome of an assessment, from the lowest dimension's level. */
    public enum Verdict {
        /** At least one dimension is below the first level ("not yet L1"). */
        NOT_YET_L1,
        /** Every dimension reached at least the first level, and at least one is below the top. */
        LEVEL_REACHED,
        /** Every dimension is at the top level. */
        TOP_LEVEL
    }

    /**
     * One dimension's outcome. {@code level} is cumulative: the highest rank whose criteria are all
     * met while every rank below is met too; 0 means "not yet L1". {@code nextMet} of
     * {@code nextTotal} criteria of the next level are met (both 0 at the top level).
     *
     * @param dimension the dimension
     * @param weight the dimension's weight in the overall score and the plan order
     * @param level the reached rank, 0 for not yet L1
     * @param reached the reached level, null when not yet L1
     * @param next the next level, null at the top
     * @param nextMet the met criteria of the next level
     * @param nextTotal the criteria of the next level
     * @param criteria every criterion of the dimension, in model order
     */
    public record DimensionResult(Dimension dimension, double weight, int level, @Nullable MaturityLevel reached,
            @Nullable MaturityLevel next, int nextMet, int nextTotal, List<CriterionResult> criteria) {

        /**
         * Validates the result.
         *
         * @throws IllegalArgumentException if a field is null or out of range, or the counts disagree
         */
        public DimensionResult {
            Checks.notNull(dimension, "dimension");
            Checks.nonNegative(weight, "weight");
            Checks.nonNegative(level, "level");
            criteria = Checks.listOf(criteria, "criteria");
            if ((level == 0) != (reached == null) || (reached != null && reached.rank() != level)) {
                throw Checks.invalid("reached", "must be the level of rank " + level, reached);
            }
            if (next != null && next.rank() != level + 1) {
                throw Checks.invalid("next", "must be the level of rank " + (level + 1), next);
            }
            Checks.inRange(nextTotal, next == null ? 0 : 1, Integer.MAX_VALUE, "nextTotal");
            if (next == null && nextTotal != 0) {
                throw Checks.invalid("nextTotal", "must be 0 at the top level", nextTotal);
            }
            Checks.inRange(nextMet, 0, Math.max(0, nextTotal - 1L), "nextMet");
        }

        /**
         * Progress toward the next level: the fraction of its criteria met, 0 to below 1; 1 at the top.
         *
         * @return the fraction
         */
        public double progress() {
            return nextTotal == 0 ? 1.0 : (double) nextMet / nextTotal;
        }

        /**
         * The continuous score: the level plus the progress toward the next (the level alone at the top).
         *
         * @return the score, 0 to the top rank
         */
        public double score() {
            return next == null ? level : level + progress();
        }

        /**
         * Whether the dimension is at the model's top level.
         *
         * @return true at the top
         */
        public boolean atTop() {
            return next == null;
        }

        /**
         * The reached level for people: {@code L2 Guided} or {@code not yet L1}.
         *
         * @return the label
         */
        public String levelLabel() {
            return reached == null ? MaturityLevel.NOT_YET_L1 : reached.label();
        }

        /**
         * The gap: the criteria of the next level that are not met (NOT_MET or UNKNOWN), in model order.
         *
         * @return the gap, empty at the top
         */
        public List<CriterionResult> gaps() {
            List<CriterionResult> out = new ArrayList<>();
            if (next == null) {
                return out;
            }
            for (CriterionResult r : criteria) {
                if (r.criterion().level() == next.rank() && !r.met()) {
                    out.add(r);
                }
            }
            return out;
        }
    }

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

    /**
     * A plan to climb one level in each dimension within a horizon (90 days by default): ordered steps,
     * each closing one criterion and citing its id, from a starting point (the assessed levels).
     * Immutable; {@link #toMarkdown()} is deterministic.
     *
     * @param model the model definition
     * @param overallLevel the overall level at the start, 0 for not yet L1
     * @param score the weighted score at the start
     * @param dimensions the dimension results at the start, in model order
     * @param horizonDays the horizon in days
     * @param phases the number of phases
     * @param steps the steps in order
     */
    public record Plan(Definition model, int overallLevel, double score, List<DimensionResult> dimensions,
            int horizonDays, int phases, List<PlanStep> steps) {

        /**
         * Validates the plan.
         *
         * @throws IllegalArgumentException if a field is null or out of range
         */
        public Plan {
            Checks.notNull(model, "model");
            Checks.inRange(overallLevel, 0, model.topLevel(), "overallLevel");
            Checks.inRange(score, 0, model.topLevel(), "score");
            dimensions = Checks.listOf(dimensions, "dimensions");
            Checks.inRange(horizonDays, 1, MaturityAssessmentConfig.MAX_HORIZON_DAYS, "horizonDays");
            Checks.inRange(phases, 1, horizonDays, "phases");
            steps = Checks.listOf(steps, "steps");
        }

        /**
         * The ids of the criteria in plan order.
         *
         * @return the criterion ids
         */
        public List<String> criterionIds() {
            return steps.stream().map(PlanStep::criterionId).toList();
        }

        /**
         * The plan in Markdown: the starting point, then one section per phase with its numbered steps,
         * each citing its criterion id, dimension, target level and action.
         *
         * @return the Markdown, ending in a newline
         */
        public String toMarkdown() {
            StringBuilder sb = new StringBuilder();
            sb.append("# ").append(horizonDays).append("-day plan: ").append(Markdown.text(model.title())).append(" (`")
                    .append(model.id()).append("`)\n\n");
            sb.append("Starting point: **").append(label(model, overallLevel)).append("** overall, weighted score **")
                    .append(scoreText(score)).append("** of ").append(model.topLevel()).append(".\n\n");
            sb.append("| Dimension | Now | Target |\n| --- | --- | --- |\n");
            for (DimensionResult d : dimensions) {
                sb.append("| ").append(Markdown.cell(d.dimension().name())).append(" | ")
                        .append(Markdown.cell(d.levelLabel())).append(" | ")
                        .append(d.next() == null ? "top level" : Markdown.cell(d.next().label()))
                        .append(" |\n");
            }
            if (steps.isEmpty()) {
                sb.append("\nNo steps: every dimension is at the top level.\n");
                return sb.toString();
            }
            int phase = 0;
            for (PlanStep s : steps) {
                if (s.phase() != phase) {
                    phase = s.phase();
                    sb.append("\n## Phase ").append(phase).append(": days ").append(s.startDay()).append('-')
                            .append(s.endDay()).append("\n\n");
                }
                CriterionResult g = s.gap();
                sb.append(s.order()).append(". `").append(s.criterionId()).append("` ")
                        .append(Markdown.text(s.dimension().name())).append(" -> ").append(s.target().label())
                        .append(s.measurable() ? " (measurable)" : "").append(": ")
                        .append(Markdown.text(g.criterion().text())).append(". ").append(Markdown.text(s.action()))
                        .append(g.status() == CriterionStatus.UNKNOWN ? " [unknown]" : "").append(".\n");
            }
            return sb.toString();
        }
    }

    /**
     * One step of a maturity plan: close one criterion of a dimension's next level, in a phase of the
     * plan's horizon.
     *
     * @param order the position in the plan, from 1
     * @param phase the phase, from 1
     * @param startDay the phase's first day, from 1
     * @param endDay the phase's last day, inclusive
     * @param dimension the dimension
     * @param target the level the step works toward
     * @param gap the unmet criterion, as assessed
     * @param action what to do, e.g. {@code Reach ci.duration.median < 600 s (measured 840 s)}
     */
    public record PlanStep(int order, int phase, int startDay, int endDay, Dimension dimension, MaturityLevel target,
            CriterionResult gap, String action) {

        /**
         * Validates the step.
         *
         * @throws IllegalArgumentException if a field is null or out of range
         */
        public PlanStep {
            Checks.inRange(order, 1, Integer.MAX_VALUE, "order");
            Checks.inRange(phase, 1, Integer.MAX_VALUE, "phase");
            Checks.inRange(startDay, 1, Integer.MAX_VALUE, "startDay");
            Checks.inRange(endDay, startDay, Integer.MAX_VALUE, "endDay");
            Checks.notNull(dimension, "dimension");
            Checks.notNull(target, "target");
            Checks.notNull(gap, "gap");
            Checks.notBlank(action, "action");
        }

        /**
         * The id of the criterion the step closes.
         *
         * @return the criterion id
         */
        public String criterionId() {
            return gap.criterion().id();
        }

        /**
         * Whether measured evidence can show the step is done.
         *
         * @return true for a measurable criterion
         */
        public boolean measurable() {
            return gap.criterion().measurable();
        }
    }
}
