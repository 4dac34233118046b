package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a team against a maturity model and turns the result into a plan.
 *
 * <p>Each criterion's status comes from measured {@link Evidence} when the criterion is measurable
 * and its metric was measured in the rule's unit; otherwise from the team's {@link Answers};
 * otherwise it is UNKNOWN. Evidence wins: an answer that contradicts it is reported as a WARN
 * finding ({@code maturity.answer.contradicts_evidence}). A dimension's level is cumulative (the
 * highest level whose criteria are all met with every level below met); UNKNOWN never counts as
 * met. The overall level is the lowest dimension's; the score is the weighted mean of each
 * dimension's level plus its progress toward the next.
 *
 * <p>Finding codes: {@code maturity.answer.contradicts_evidence} (WARN),
 * {@code maturity.evidence.decided} (INFO), {@code maturity.evidence.unit_mismatch} (WARN),
 * {@code maturity.evidence.unused} (INFO), {@code maturity.dimension.level} (INFO, PASS at the
 * top), {@code maturity.dimension.met_above_level} (INFO), {@code maturity.dimension.unknown}
 * (INFO), {@code maturity.overall.level} (INFO, PASS at the top, WARN when not yet L1).
 *
 * <p>Immutable and thread safe. Assessing costs time linear in the number of criteria.
 */
public final class MaturityAssessor {

    private static final Logger LOG = LoggerFactory.getLogger(MaturityAssessor.class);
    private static final MaturityAssessor DEFAULTS = new MaturityAssessor(MaturityConfig.ofDefaults());

    private final MaturityConfig config;

    /**
     * An assessor with a config.
     *
     * @param config the config
     * @throws IllegalArgumentException if the config is null
     */
    public MaturityAssessor(@Nullable MaturityConfig config) {
        this.config = Checks.notNull(config, "config");
    }

    /**
     * An assessor with {@link MaturityConfig#ofDefaults()}.
     *
     * @return the assessor
     */
    public static MaturityAssessor ofDefaults() {
        return DEFAULTS;
    }

    /**
     * The config.
     *
     * @return the config
     */
    public MaturityConfig config() {
        return config;
    }

    /**
     * Assesses against a model (built-in or custom).
     *
     * @param model the model
     * @param answers the team's answers
     * @param evidence the measured evidence
     * @return the assessment
     * @throws IllegalArgumentException if an argument is null, the model is invalid, an answer
     *     names a criterion the model does not have, or a weight names a dimension it does not have
     */
    public Assessment assess(@Nullable MaturityModel model, @Nullable Answers answers, @Nullable Evidence evidence) {
        return assess(MaturityModels.definition(model), answers, evidence);
    }

    /**
     * Assesses against a model definition.
     *
     * @param model the model definition
     * @param answers the team's answers
     * @param evidence the measured evidence
     * @return the assessment
     * @throws IllegalArgumentException if an argument is null, an answer names a criterion the
     *     model does not have, a weight names a dimension it does not have, or every weight is 0
     */
    public Assessment assess(@Nullable MaturityModelDefinition model, @Nullable Answers answers,
            @Nullable Evidence evidence) {
        Checks.notNull(model, "model");
        Checks.notNull(answers, "answers");
        Checks.notNull(evidence, "evidence");
        Set<String> criterionIds = new HashSet<>();
        for (Criterion c : model.criteria()) {
            criterionIds.add(c.id());
        }
        for (String id : answers.byCriterion().keySet()) {
            if (!criterionIds.contains(id)) {
                throw Checks.invalid("answers criterion id", "must be a criterion of model " + model.id(), id);
            }
        }
        Set<String> dimensionIds = new HashSet<>();
        for (Dimension d : model.dimensions()) {
            dimensionIds.add(d.id());
        }
        double weightSum = 0;
        for (Dimension d : model.dimensions()) {
            weightSum += config.weight(d.id());
        }
        for (String id : config.weights().keySet()) {
            if (!dimensionIds.contains(id)) {
                throw Checks.invalid("weight dimension id", "must be a dimension of model " + model.id(), id);
            }
        }
        if (!(weightSum > 0) || Double.isInfinite(weightSum)) {
            throw Checks.invalid("weights", "must add up to a finite number greater than 0 over the dimensions of "
                    + model.id(), config.weights());
        }

        List<Finding> evidenceFindings = new ArrayList<>();
        Set<String> usedKeys = new TreeSet<>();
        List<DimensionResult> dims = new ArrayList<>();
        List<Finding> dimFindings = new ArrayList<>();
        double score = 0;
        int overall = Integer.MAX_VALUE;
        for (Dimension dim : model.dimensions()) {
            List<CriterionResult> results = new ArrayList<>();
            for (Criterion c : model.criteria()) {
                if (c.dimension().equals(dim.id())) {
                    results.add(decide(c, answers.get(c.id()), evidence, usedKeys, evidenceFindings));
                }
            }
            DimensionResult dr = score(model, dim, config.weight(dim.id()), results);
            dims.add(dr);
            explain(model, dr, dimFindings);
            // normalised first so that huge weights cannot overflow
            score += dr.weight() / weightSum * dr.score();
            overall = Math.min(overall, dr.level());
        }
        score = Math.min(model.topLevel(), Math.max(0, score));

        List<Finding> findings = new ArrayList<>(evidenceFindings);
        List<String> unused = new ArrayList<>();
        for (String key : evidence.byKey().keySet()) {
            if (!usedKeys.contains(key)) {
                unused.add(key);
            }
        }
        if (!unused.isEmpty()) {
            findings.add(Finding.info("maturity.evidence.unused", "Measured metrics that no criterion of "
                    + model.id() + " uses: " + String.join(", ", unused), Facts.of("keys", unused)));
        }
        findings.addAll(dimFindings);
        MaturityVerdict verdict = overall == 0 ? MaturityVerdict.NOT_YET_L1
                : overall == model.topLevel() ? MaturityVerdict.TOP_LEVEL : MaturityVerdict.LEVEL_REACHED;
        List<String> lowest = new ArrayList<>();
        for (DimensionResult d : dims) {
            if (d.level() == overall) {
                lowest.add(d.dimension().id());
            }
        }
        String label = overall == 0 ? MaturityLevel.NOT_YET_L1 : model.level(overall).label();
        Facts overallFacts = Facts.of("level", overall, "label", label, "score", round2(score),
                "lowest_dimensions", lowest);
        String msg = "Overall " + label + " (lowest dimension: " + String.join(", ", lowest) + "), weighted score "
                + String.format(java.util.Locale.ROOT, "%.2f", score) + " of " + model.topLevel();
        findings.add(verdict == MaturityVerdict.NOT_YET_L1 ? Finding.warn("maturity.overall.level", msg, overallFacts)
                : verdict == MaturityVerdict.TOP_LEVEL ? Finding.pass("maturity.overall.level", msg, overallFacts)
                : Finding.info("maturity.overall.level", msg, overallFacts));
        Assessment a = new Assessment(model, verdict, overall, score, dims, Findings.of(findings));
        LOG.debug("maturity {}: {} overall {} score {}", model.id(), verdict, overall, score);
        return a;
    }

    private static java.math.BigDecimal round2(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private static CriterionResult decide(Criterion c, @Nullable Answer answer, Evidence evidence, Set<String> usedKeys,
            List<Finding> findings) {
        Threshold rule = c.rule();
        Measurement m = rule == null ? null : evidence.get(rule.key());
        if (rule != null && m != null) {
            usedKeys.add(rule.key());
            if (!m.unit().equals(rule.unit())) {
                findings.add(Finding.warn("maturity.evidence.unit_mismatch", c.id() + ": " + rule.key()
                        + " was measured in '" + m.unit().symbol() + "' but the criterion needs '"
                        + rule.unit().symbol() + "'; the evidence is ignored",
                        Facts.of("criterion", c.id(), "key", rule.key(), "unit", m.unit().symbol(),
                                "expected_unit", rule.unit().symbol())));
            } else {
                CriterionStatus measured = rule.test(m.value()) ? CriterionStatus.MET : CriterionStatus.NOT_MET;
                CriterionResult r = new CriterionResult(c, measured, DecidedBy.EVIDENCE, answer, m);
                Facts facts = Facts.of("criterion", c.id(), "measured", measured, "value", m.rendered(),
                        "target", rule.describe(), "answer", answer == null ? "none" : answer.status());
                if (r.contradicted()) {
                    findings.add(Finding.warn("maturity.answer.contradicts_evidence", c.id() + " was answered "
                            + answer.status() + " but " + rule.key() + " = " + m.rendered() + " makes it " + measured
                            + " (target " + rule.describe() + "); the evidence wins", facts));
                } else {
                    findings.add(Finding.info("maturity.evidence.decided", c.id() + " is " + measured + ": "
                            + rule.key() + " = " + m.rendered() + " (target " + rule.describe() + ")", facts));
                }
                return r;
            }
        }
        if (answer == null) {
            return new CriterionResult(c, CriterionStatus.UNKNOWN, DecidedBy.NOTHING, null, null);
        }
        return new CriterionResult(c, answer.status(), DecidedBy.ANSWER, answer, null);
    }

    private static DimensionResult score(MaturityModelDefinition model, Dimension dim, double weight,
            List<CriterionResult> results) {
        int top = model.topLevel();
        int[] met = new int[top + 1];
        int[] total = new int[top + 1];
        for (CriterionResult r : results) {
            total[r.criterion().level()]++;
            if (r.met()) {
                met[r.criterion().level()]++;
            }
        }
        int level = 0;
        while (level < top && met[level + 1] == total[level + 1]) {
            level++;
        }
        MaturityLevel reached = level == 0 ? null : model.level(level);
        MaturityLevel next = level == top ? null : model.level(level + 1);
        int nextMet = next == null ? 0 : met[level + 1];
        int nextTotal = next == null ? 0 : total[level + 1];
        return new DimensionResult(dim, weight, level, reached, next, nextMet, nextTotal, results);
    }

    private static void explain(MaturityModelDefinition model, DimensionResult d, List<Finding> out) {
        String dim = d.dimension().id();
        Facts facts = Facts.of("dimension", dim, "level", d.level(), "label", d.levelLabel(),
                "next", d.next() == null ? "none" : d.next().label(), "next_met", d.nextMet(),
                "next_total", d.nextTotal());
        if (d.atTop()) {
            out.add(Finding.pass("maturity.dimension.level", d.dimension().name() + ": " + d.levelLabel()
                    + " (top level)", facts));
            return;
        }
        out.add(Finding.info("maturity.dimension.level", d.dimension().name() + ": " + d.levelLabel() + "; "
                + d.nextMet() + " of " + d.nextTotal() + " criteria of " + d.next().label() + " met", facts));
        List<String> unknown = new ArrayList<>();
        for (CriterionResult r : d.gaps()) {
            if (r.status() == CriterionStatus.UNKNOWN) {
                unknown.add(r.criterion().id());
            }
        }
        if (!unknown.isEmpty()) {
            out.add(Finding.info("maturity.dimension.unknown", d.dimension().name() + ": " + unknown.size()
                    + " criteria of " + d.next().label() + " are unknown and do not count as met: "
                    + String.join(", ", unknown), Facts.of("dimension", dim, "criteria", unknown)));
        }
        List<Integer> above = new ArrayList<>();
        for (int rank = d.level() + 2; rank <= model.topLevel(); rank++) {
            boolean all = true;
            for (CriterionResult r : d.criteria()) {
                if (r.criterion().level() == rank && !r.met()) {
                    all = false;
                    break;
                }
            }
            if (all) {
                above.add(rank);
            }
        }
        if (!above.isEmpty()) {
            List<String> labels = new ArrayList<>();
            for (int rank : above) {
                labels.add("L" + rank);
            }
            out.add(Finding.info("maturity.dimension.met_above_level", d.dimension().name() + ": every criterion of "
                    + String.join(", ", labels) + " is met, but levels count only when every level below is met; "
                    + "close " + d.next().label() + " first", Facts.of("dimension", dim, "levels", labels)));
        }
    }

    /**
     * A plan to close the gaps within the configured horizon. Steps are the unmet criteria of each
     * dimension's next level ("one level at a time"), ordered by dimension weight (highest first),
     * then the lowest dimension level first, then model order; within a dimension measurable
     * criteria come first. Steps are spread evenly over the phases in that order.
     *
     * @param assessment the assessment
     * @return the plan
     * @throws IllegalArgumentException if the assessment is null
     */
    public MaturityPlan plan(@Nullable Assessment assessment) {
        Checks.notNull(assessment, "assessment");
        List<DimensionResult> order = new ArrayList<>(assessment.dimensions());
        // List.sort is stable: equal weight and level keep model order
        order.sort(Comparator.comparingDouble(DimensionResult::weight).reversed()
                .thenComparingInt(DimensionResult::level));
        List<CriterionResult> gaps = new ArrayList<>();
        for (DimensionResult d : order) {
            List<CriterionResult> g = d.gaps();
            for (CriterionResult r : g) {
                if (r.criterion().measurable()) {
                    gaps.add(r);
                }
            }
            for (CriterionResult r : g) {
                if (!r.criterion().measurable()) {
                    gaps.add(r);
                }
            }
        }
        int n = gaps.size();
        int phases = config.phases();
        int horizon = config.horizonDays();
        List<PlanStep> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CriterionResult r = gaps.get(i);
            int phase = (int) ((long) i * phases / n);
            int start = (int) ((long) phase * horizon / phases) + 1;
            int end = (int) ((long) (phase + 1) * horizon / phases);
            DimensionResult d = assessment.dimension(r.criterion().dimension());
            steps.add(new PlanStep(i + 1, phase + 1, start, end, d.dimension(), d.next(), r, action(r)));
        }
        MaturityPlan plan = new MaturityPlan(assessment, horizon, phases, steps);
        LOG.debug("maturity plan {}: {} steps over {} days", assessment.model().id(), n, horizon);
        return plan;
    }

    private static String action(CriterionResult r) {
        Criterion c = r.criterion();
        Threshold rule = c.rule();
        if (rule != null) {
            Measurement m = r.measurement();
            if (m != null) {
                return "Reach " + rule.describe() + " (measured " + m.rendered() + ")";
            }
            return "Measure " + rule.key() + " and reach " + rule.describe();
        }
        if (r.status() == CriterionStatus.UNKNOWN) {
            return "Find out whether this holds, then close it if not";
        }
        return "Put in place";
    }
}
