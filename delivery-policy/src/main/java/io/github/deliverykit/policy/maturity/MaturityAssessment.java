package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.spi.Plugins;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.maturity.Answers.Answer;
import io.github.deliverykit.policy.maturity.MaturityDecision.CriterionResult;
import io.github.deliverykit.policy.maturity.MaturityDecision.DimensionResult;
import io.github.deliverykit.policy.maturity.MaturityDecision.Plan;
import io.github.deliverykit.policy.maturity.MaturityDecision.PlanStep;
import io.github.deliverykit.policy.maturity.MaturityDecision.Verdict;
import io.github.deliverykit.policy.maturity.internal.BuiltInMaturityModels;
import io.github.deliverykit.policy.maturity.spi.MaturityModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Criterion;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Definition;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Dimension;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.MaturityLevel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Outcome;
import java.time.Clock;
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
 * Scores a team against a maturity model and plans the next level: {@link #evaluate} returns a
 * {@link MaturityDecision} with the level of each dimension, the overall level, the gap to the next
 * level and the plan over the configured horizon (90 days by default).
 *
 * <p>Each criterion is decided by its model ({@link MaturityModel#decide}, called fail-closed
 * through {@link Plugins#call}: a model that throws or emits a code outside its namespace leaves
 * the criterion UNKNOWN with a {@code maturity.plugin.error} / {@code maturity.plugin.foreign_code}
 * FAIL finding). The built-in decision uses measured {@link Evidence} when the criterion is
 * measurable and its metric was measured in the rule's unit, otherwise the team's
 * {@link Answers}, otherwise UNKNOWN. A dimension's level is cumulative (the highest level whose
 * criteria are all met with every level below met); UNKNOWN never counts as met. The overall level
 * is the lowest dimension's; the score is the weighted mean of each dimension's level plus its
 * progress toward the next.
 *
 * <p>Engine finding codes: {@code maturity.evidence.unused} (INFO), {@code maturity.dimension.level}
 * (INFO, PASS at the top), {@code maturity.dimension.met_above_level} (INFO),
 * {@code maturity.dimension.unknown} (INFO), {@code maturity.overall.level} (INFO, PASS at the top,
 * WARN when not yet L1); the models' own codes come first, in criterion order.
 *
 * <p>Immutable and thread safe; models are loaded once when the engine is built. Evaluating costs
 * time linear in the number of criteria.
 */
public final class MaturityAssessment {

    private static final Logger LOG = LoggerFactory.getLogger(MaturityAssessment.class);
    private static final String ENGINE = "maturity";

    private final MaturityAssessmentConfig config;
    private final ProviderRegistry<MaturityModel> models;

    private MaturityAssessment(MaturityAssessmentConfig config, ProviderRegistry<MaturityModel> models) {
        this.config = config;
        this.models = models;
    }

    /**
     * What one assessment reads: the model, the team's answers and the measured evidence (e.g.
     * {@link Evidence#from(List[])} over the DORA, flow and cost reports).
     *
     * @param model the model to score against (built-in or custom)
     * @param answers the team's answers
     * @param evidence the measured evidence
     */
    public record Input(MaturityModel model, Answers answers, Evidence evidence) {

        /**
         * Validates the input.
         *
         * @throws IllegalArgumentException if a field is null
         */
        public Input {
            Checks.notNull(model, "model");
            Checks.notNull(answers, "answers");
            Checks.notNull(evidence, "evidence");
        }

        /**
         * An input.
         *
         * @param model the model
         * @param answers the answers
         * @param evidence the evidence
         * @return the input
         * @throws IllegalArgumentException if an argument is null
         */
        public static Input of(MaturityModel model, Answers answers, Evidence evidence) {
            return new Input(model, answers, evidence);
        }
    }

    /**
     * An engine with the built-in models, built by hand (no {@code ServiceLoader}).
     *
     * @param config the config
     * @return the engine
     * @throws IllegalArgumentException if config is null
     */
    public static MaturityAssessment of(MaturityAssessmentConfig config) {
        return of(config, BuiltInMaturityModels.all());
    }

    /**
     * An engine with the given models, built by hand (Spring, OSGi, native images).
     *
     * @param config the config
     * @param models the models; ids must be unique
     * @return the engine
     * @throws IllegalArgumentException if an argument is null
     * @throws io.github.deliverykit.core.spi.ProviderException naming both classes if two models
     *     share an id
     */
    public static MaturityAssessment of(MaturityAssessmentConfig config, List<? extends MaturityModel> models) {
        Checks.notNull(config, "config");
        return new MaturityAssessment(config, ProviderRegistry.of(MaturityModel.class, Checks.listOf(models, "models")));
    }

    /**
     * An engine with every model registered through {@code ServiceLoader} on this library's class
     * loader (built-ins included), failing fast on a broken provider or a duplicate id.
     *
     * @param config the config
     * @return the engine
     * @throws IllegalArgumentException if config is null
     */
    public static MaturityAssessment load(MaturityAssessmentConfig config) {
        Checks.notNull(config, "config");
        return new MaturityAssessment(config, Providers.load(MaturityModel.class));
    }

    /**
     * An engine with every model visible to a class loader.
     *
     * @param config the config
     * @param classLoader the class loader
     * @return the engine
     * @throws IllegalArgumentException if an argument is null
     */
    public static MaturityAssessment load(MaturityAssessmentConfig config, ClassLoader classLoader) {
        Checks.notNull(config, "config");
        return new MaturityAssessment(config, Providers.load(MaturityModel.class,
                Checks.notNull(classLoader, "classLoader")));
    }

    /**
     * An engine with every model provided in a module layer.
     *
     * @param config the config
     * @param layer the module layer
     * @return the engine
     * @throws IllegalArgumentException if an argument is null
     */
    public static MaturityAssessment load(MaturityAssessmentConfig config, ModuleLayer layer) {
        Checks.notNull(config, "config");
        return new MaturityAssessment(config, Providers.load(MaturityModel.class, Checks.notNull(layer, "layer")));
    }

    /**
     * Like {@link #load(MaturityAssessmentConfig)}, but a broken provider is reported in
     * {@code models().problems()} and skipped instead of failing.
     *
     * @param config the config
     * @return the engine
     * @throws IllegalArgumentException if config is null
     */
    public static MaturityAssessment loadLenient(MaturityAssessmentConfig config) {
        Checks.notNull(config, "config");
        return new MaturityAssessment(config, Providers.loader(MaturityModel.class).lenient().load());
    }

    /**
     * The config.
     *
     * @return the config
     */
    public MaturityAssessmentConfig config() {
        return config;
    }

    /**
     * The models this engine knows, in priority then id order.
     *
     * @return the registry
     */
    public ProviderRegistry<MaturityModel> models() {
        return models;
    }

    /**
     * An input for a model of this engine, by id.
     *
     * @param modelId the model id, e.g. {@code ai-delivery}
     * @param answers the answers
     * @param evidence the evidence
     * @return the input
     * @throws IllegalArgumentException naming the known ids if there is no such model, or if an
     *     argument is null
     */
    public Input input(String modelId, Answers answers, Evidence evidence) {
        return Input.of(models.get(modelId), answers, evidence);
    }

    /**
     * Assesses a team against a model and plans the next level.
     *
     * @param input the model, answers and evidence
     * @param clock the clock (the assessment is as of the given answers and evidence; taken for the
     *     uniform shape)
     * @return the decision with levels, gaps and plan
     * @throws IllegalArgumentException if an argument is null, the model is invalid, an answer
     *     names a criterion the model does not have, or a weight names a dimension it does not have
     *     or every weight is 0
     */
    public MaturityDecision evaluate(Input input, Clock clock) {
        Checks.notNull(input, "input");
        Checks.notNull(clock, "clock");
        MaturityModel plugin = input.model();
        Definition model = MaturityModel.definitionOf(plugin);
        Answers answers = input.answers();
        Evidence evidence = input.evidence();
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
                    results.add(decide(plugin, c, answers.get(c.id()), evidence, usedKeys, evidenceFindings));
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
        Verdict verdict = overall == 0 ? Verdict.NOT_YET_L1
                : overall == model.topLevel() ? Verdict.TOP_LEVEL : Verdict.LEVEL_REACHED;
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
        findings.add(verdict == Verdict.NOT_YET_L1 ? Finding.warn("maturity.overall.level", msg, overallFacts)
                : verdict == Verdict.TOP_LEVEL ? Finding.pass("maturity.overall.level", msg, overallFacts)
                : Finding.info("maturity.overall.level", msg, overallFacts));
        Plan plan = plan(model, overall, score, dims);
        MaturityDecision a = new MaturityDecision(model, verdict, overall, score, dims, plan, Findings.of(findings));
        LOG.debug("maturity {}: {} overall {} score {}", model.id(), verdict, overall, score);
        return a;
    }

    private static java.math.BigDecimal round2(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private static CriterionResult decide(MaturityModel plugin, Criterion c, @Nullable Answer answer, Evidence evidence,
            Set<String> usedKeys, List<Finding> findings) {
        Threshold rule = c.rule();
        if (rule != null && evidence.get(rule.key()) != null) {
            usedKeys.add(rule.key());
        }
        RuleResult<Outcome> r = Plugins.call(ENGINE, plugin, () -> plugin.decide(c, answer, evidence),
                Outcome.unknown());
        r.findings().forEach(findings::add);
        Outcome o = r.extras();
        return new CriterionResult(c, o.status(), o.decidedBy(), o.answer(), o.measurement());
    }

    private static DimensionResult score(Definition model, Dimension dim, double weight,
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

    private static void explain(Definition model, DimensionResult d, List<Finding> out) {
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

    private Plan plan(Definition model, int overall, double score, List<DimensionResult> dims) {
        List<DimensionResult> order = new ArrayList<>(dims);
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
            DimensionResult d = dimension(dims, r.criterion().dimension());
            steps.add(new PlanStep(i + 1, phase + 1, start, end, d.dimension(), d.next(), r, action(r)));
        }
        LOG.debug("maturity plan {}: {} steps over {} days", model.id(), n, horizon);
        return new Plan(model, overall, score, dims, horizon, phases, steps);
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

    private static DimensionResult dimension(List<DimensionResult> dims, String id) {
        for (DimensionResult d : dims) {
            if (d.dimension().id().equals(id)) {
                return d;
            }
        }
        throw Checks.invalid("dimension", "must be a dimension of the model", id);
    }
}
