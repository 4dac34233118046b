package io.github.deliverykit.policy.canary;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.spi.Plugins;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.policy.canary.internal.BuiltInJudges;
import java.util.OptionalDouble;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.NoDataStrategy;
import io.github.deliverykit.policy.canary.CanaryDecision.Judgement;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageContext;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageData;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canary engine: the stage decision as a pure function, (plan, rollout state, observations,
 * optional error budget, clock) to ADVANCE,
 * HOLD, PAUSE, ROLLBACK or PROMOTE, with findings carrying every number used and the next state.
 *
 * <p>Each evaluation runs the configured {@link CanaryJudge}s on the observations in [stage start,
 * now) and updates Argo Rollouts' counters per measurement. The verdict, in order of precedence:
 * <ol>
 * <li>ROLLBACK when a critical measurement failed, the error-budget gate breached (the rest of the
 *     rollout would burn more of the remaining budget than {@link CanaryAnalysisConfig#maxBudgetBurn()}
 *     allows), a measurement failed more often than
 *     {@link CanaryAnalysisConfig#failureLimit()} or erred more than
 *     {@link CanaryAnalysisConfig#consecutiveErrorLimit()} times in a row;</li>
 * <li>PAUSE when a measurement was inconclusive more often than
 *     {@link CanaryAnalysisConfig#inconclusiveLimit()}, or the rollout is paused;</li>
 * <li>HOLD when a measurement failed, erred or was inconclusive within its limits, has no data yet,
 *     the stage's bake time has not elapsed, or the stage's minimum canary requests are not there
 *     (lack of data never rolls back unless a metric is configured with {@link NoDataStrategy#FAIL});</li>
 * <li>PAUSE at a manual gate that was not approved;</li>
 * <li>PROMOTE at the last stage, else ADVANCE.</li>
 * </ol>
 * Dry-run measurements are evaluated and reported but never decide. Observations' order never
 * matters, and the same input gives the same evaluation, byte for byte when rendered. Judges are
 * called fail-closed through {@link Plugins#call}: one that throws, returns null or emits a code
 * outside its namespace counts as an error measurement. Immutable and thread safe if the judges are.
 */
public final class CanaryAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(CanaryAnalysis.class);
    private static final String NS = "canary";
    private static final List<MetricResult> FAILED = List.of(new MetricResult("judge", Outcome.ERROR, false, false));

    private final CanaryAnalysisConfig config;
    private final List<CanaryJudge> judges;

    private CanaryAnalysis(CanaryAnalysisConfig config, List<? extends CanaryJudge> available) {
        this.config = config;
        List<CanaryJudge> list = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (CanaryJudge j : available) {
            known.add(j.id());
        }
        for (String id : config.judges()) {
            CanaryJudge found = null;
            for (CanaryJudge j : available) {
                if (id.equals(j.id())) {
                    found = j;
                    break;
                }
            }
            if (found == null) {
                throw Checks.invalid("judges", "must name known judges " + known, id);
            }
            list.add(found);
        }
        this.judges = List.copyOf(list);
    }

    /**
     * The engine with the default configuration and the built-in judges.
     *
     * @return the engine
     */
    public static CanaryAnalysis ofDefaults() {
        return of(CanaryAnalysisConfig.ofDefaults());
    }

    /**
     * The engine with the built-in judges only (no {@link java.util.ServiceLoader}).
     *
     * @param config the configuration
     * @return the engine
     * @throws IllegalArgumentException if config is null or names a judge that is not built in
     */
    public static CanaryAnalysis of(CanaryAnalysisConfig config) {
        return of(config, List.of());
    }

    /**
     * The engine with the built-in judges plus judges given by hand.
     *
     * @param config the configuration
     * @param judges extra judges, in any order
     * @return the engine
     * @throws IllegalArgumentException if an argument is null, an id repeats or the config names an unknown judge
     * @throws IllegalStateException if a given judge claims a built-in id
     */
    public static CanaryAnalysis of(CanaryAnalysisConfig config, List<? extends CanaryJudge> judges) {
        Checks.notNull(config, "config");
        List<CanaryJudge> given = Checks.listOf(judges, "judges");
        List<CanaryJudge> all = new ArrayList<>(BuiltInJudges.all());
        for (CanaryJudge j : given) {
            String id = Checks.notBlank(j.id(), "id() of " + j.getClass().getName());
            if (id.equals(NS)) {
                throw Checks.invalid("id() of " + j.getClass().getName(), "must not be the engine's namespace", id);
            }
            if (BuiltInJudges.IDS.contains(id)) {
                if (j.getClass().getEnclosingClass() == BuiltInJudges.class) {
                    continue;
                }
                throw new IllegalStateException(Checks.message(
                        "judge %s claims the built-in id '%s'; choose another id", j.getClass().getName(), id));
            }
            for (CanaryJudge k : all) {
                if (k.id().equals(id)) {
                    throw Checks.invalid("judges", "must have unique ids", id);
                }
            }
            all.add(j);
        }
        return new CanaryAnalysis(config, all);
    }

    /**
     * The engine with the judges found by the service loader (built-ins included).
     *
     * @param config the configuration
     * @return the engine
     * @throws IllegalArgumentException if config is null or names a judge that is not found
     * @throws io.github.deliverykit.core.spi.ProviderException if a judge the config selects is missing or
     *     claimed twice while a provider is broken (a broken provider the config does not select is skipped)
     */
    public static CanaryAnalysis load(CanaryAnalysisConfig config) {
        return fromRegistry(config, selected(config, Providers.loader(CanaryJudge.class)));
    }

    /**
     * The engine with the judges a class loader finds.
     *
     * @param config the configuration
     * @param classLoader the class loader
     * @return the engine
     * @throws IllegalArgumentException if an argument is null or the config names a judge that is not found
     * @throws io.github.deliverykit.core.spi.ProviderException if a judge the config selects is missing or
     *     claimed twice while a provider is broken (a broken provider the config does not select is skipped)
     */
    public static CanaryAnalysis load(CanaryAnalysisConfig config, ClassLoader classLoader) {
        return fromRegistry(config, selected(config,
                Providers.loader(CanaryJudge.class).classLoader(Checks.notNull(classLoader, "classLoader"))));
    }

    /**
     * The engine with the judges a module layer provides.
     *
     * @param config the configuration
     * @param layer the module layer
     * @return the engine
     * @throws IllegalArgumentException if an argument is null or the config names a judge that is not found
     * @throws io.github.deliverykit.core.spi.ProviderException if a judge the config selects is missing or
     *     claimed twice while a provider is broken (a broken provider the config does not select is skipped)
     */
    public static CanaryAnalysis load(CanaryAnalysisConfig config, ModuleLayer layer) {
        return fromRegistry(config, selected(config,
                Providers.loader(CanaryJudge.class).layer(Checks.notNull(layer, "layer"))));
    }

    /**
     * The engine with the judges found by the service loader, skipping broken providers.
     *
     * @param config the configuration
     * @return the engine
     * @throws IllegalArgumentException if config is null or names a judge that is not found
     */
    public static CanaryAnalysis loadLenient(CanaryAnalysisConfig config) {
        return fromRegistry(config, Providers.loader(CanaryJudge.class).lenient().load());
    }

    /** Strict for the judges the config runs; a broken provider it does not select is skipped. */
    private static ProviderRegistry<CanaryJudge> selected(CanaryAnalysisConfig config,
            Providers.Loader<CanaryJudge> loader) {
        Checks.notNull(config, "config");
        List<String> custom = new ArrayList<>(config.judges());
        custom.removeAll(BuiltInJudges.IDS);
        return loader.loadSelected(custom);
    }

    private static CanaryAnalysis fromRegistry(CanaryAnalysisConfig config, ProviderRegistry<CanaryJudge> registry) {
        Checks.notNull(config, "config");
        List<CanaryJudge> all = new ArrayList<>(registry.all());
        for (CanaryJudge b : BuiltInJudges.all()) {
            if (registry.find(b.id()).isEmpty()) {
                all.add(b);
            }
        }
        return new CanaryAnalysis(config, all);
    }

    /**
     * The configuration.
     *
     * @return the configuration
     */
    public CanaryAnalysisConfig config() {
        return config;
    }

    /**
     * The ids of the judges run, in order.
     *
     * @return the ids
     */
    public List<String> judgeIds() {
        List<String> ids = new ArrayList<>();
        for (CanaryJudge j : judges) {
            ids.add(j.id());
        }
        return ids;
    }

    /**
     * What one stage evaluation looks at: the plan, the rollout state, the observations and,
     * optionally, the error budget of the service with the canary's observed error rate.
     *
     * @param plan the rollout plan
     * @param state the rollout state (RUNNING or PAUSED)
     * @param observations the observations, in any order (those outside [stage start, now) are left out)
     * @param budget the service's error budget, or null to skip the budget gate
     * @param canaryErrorRate the canary's observed error rate in [0, 1], or null to take it from the
     *     stage's request counts
     */
    public record StageInput(RolloutPlan plan, Rollout.State state, List<Observation> observations,
            @Nullable BudgetStatus budget, @Nullable Double canaryErrorRate) {

        /**
         * Validates the input.
         *
         * @throws IllegalArgumentException if a required field or an observation is null, or the rate
         *     is outside [0, 1]
         */
        public StageInput {
            Checks.notNull(plan, "plan");
            Checks.notNull(state, "state");
            observations = Checks.listOf(observations, "observations");
            if (canaryErrorRate != null) {
                Checks.inRange(canaryErrorRate, 0, 1, "canaryErrorRate");
            }
        }

        /**
         * An input without an error budget.
         *
         * @param plan the plan
         * @param state the state
         * @param observations the observations
         * @return the input
         * @throws IllegalArgumentException if an argument or observation is null
         */
        public static StageInput of(RolloutPlan plan, Rollout.State state, Collection<? extends Observation> observations) {
            return new StageInput(plan, state, Checks.listOf(observations, "observations"), null, null);
        }

        /**
         * This input with the service's error budget, for the budget gate.
         *
         * @param status the budget status
         * @return the copy
         * @throws IllegalArgumentException if status is null
         */
        public StageInput withBudget(BudgetStatus status) {
            return new StageInput(plan, state, observations, Checks.notNull(status, "budget"), canaryErrorRate);
        }

        /**
         * This input with the canary's observed error rate (instead of the rate of the request counts).
         *
         * @param rate the rate, in [0, 1]
         * @return the copy
         * @throws IllegalArgumentException if the rate is outside [0, 1]
         */
        public StageInput withErrorRate(double rate) {
            return new StageInput(plan, state, observations, budget, Checks.inRange(rate, 0, 1, "canaryErrorRate"));
        }
    }

    /**
     * Evaluates the current stage.
     *
     * @param input the plan, state, observations and optional budget
     * @param clock the clock giving "now"
     * @return the decision
     * @throws IllegalArgumentException if an argument is null, the state is terminal or outside the plan,
     *     or now is before the stage start or the previous evaluation
     */
    public CanaryDecision evaluate(StageInput input, Clock clock) {
        Checks.notNull(input, "input");
        Checks.notNull(clock, "clock");
        RolloutPlan plan = input.plan();
        Rollout.State state = input.state();
        Instant now = Checks.notNull(clock.instant(), "clock.instant()");
        if (state.phase().isTerminal()) {
            throw Checks.invalid("state.phase", "must be RUNNING or PAUSED to evaluate", state.phase());
        }
        if (state.stageIndex() >= plan.stages().size()) {
            throw Checks.invalid("state.stageIndex", "must be below the plan's " + plan.stages().size() + " stages",
                    state.stageIndex());
        }
        Checks.notBefore(state.stageStartedAt(), "state.stageStartedAt", now, "now");
        if (state.lastEvaluatedAt() != null) {
            Checks.notBefore(state.lastEvaluatedAt(), "state.lastEvaluatedAt", now, "now");
        }
        StageData data = StageData.collect(input.observations(), state.stageStartedAt(), now, state.lastEvaluatedAt());
        StageContext ctx = new StageContext(plan, state.stageIndex(), state.stageStartedAt(), now, config, data);
        RolloutPlan.Stage stage = ctx.stage();
        Duration elapsed = ctx.elapsed();

        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.info("canary.stage", Checks.message("Stage %d of %d: %s %% on the new version",
                state.stageIndex() + 1, plan.stages().size(), com(stage.weightPercent())), Facts.of(
                "stage", state.stageIndex() + 1, "weightPercent", stage.weightPercent(), "elapsed", elapsed,
                "bakeTime", stage.bakeTime(), "minSamples", stage.minSamples(), "observations", data.used(),
                "beforeStage", data.outside())));

        List<Judgement> judgements = new ArrayList<>();
        for (CanaryJudge judge : judges) {
            RuleResult<List<MetricResult>> r = Plugins.call(NS, judge, () -> judge.judge(ctx), FAILED);
            judgements.add(new Judgement(judge.id(), r.extras(), r.findings()));
        }

        Map<String, Rollout.State.Counters> counters = new TreeMap<>(state.counters());
        List<Finding> rollback = new ArrayList<>();
        List<String> breaches = new ArrayList<>();
        List<Finding> pause = new ArrayList<>();
        List<Finding> hold = new ArrayList<>();
        for (Judgement j : judgements) {
            findings.addAll(j.findings().list());
            for (MetricResult m : j.metrics()) {
                String key = j.judge() + "/" + m.name();
                if (m.dryRun()) {
                    findings.add(Finding.info("canary.dry-run", Checks.message("Dry-run measurement %s: %s (not deciding)",
                            key, m.outcome()), Facts.of("measurement", key, "outcome", m.outcome())));
                    continue;
                }
                Rollout.State.Counters c = state.counters(key).after(m.outcome());
                counters.put(key, c);
                int before = rollback.size();
                classify(key, m, c, rollback, pause, hold);
                if (rollback.size() > before) {
                    breaches.add(key);
                }
            }
        }
        CanaryDecision.BudgetGate gate = budgetGate(input, ctx, data, findings);
        if (gate != null && gate.breached()) {
            breaches.add("budget");
            rollback.add(Finding.fail("canary.rollback.budget", Checks.message(
                    "The rest of the rollout would burn %s %% of the remaining error budget, above the %s %% allowed",
                    com(gate.burnOfRemaining() * 100), com(gate.maxBudgetBurn() * 100)), budgetFacts(gate)));
        }
        if (state.phase() == Rollout.Phase.PAUSED) {
            pause.add(Finding.warn("canary.pause.paused", "The rollout is paused until resumed",
                    Facts.of("stage", state.stageIndex() + 1)));
        }
        if (elapsed.compareTo(stage.bakeTime()) < 0) {
            hold.add(Finding.info("canary.hold.bake", Checks.message("Bake time not elapsed: %s of %s",
                    elapsed, stage.bakeTime()), Facts.of("elapsed", elapsed, "bakeTime", stage.bakeTime(),
                    "remaining", stage.bakeTime().minus(elapsed))));
        }
        StageData.Tally requests = data.counts(config.requestMetric(), Variant.CANARY);
        if (requests.total() < stage.minSamples()) {
            hold.add(Finding.info("canary.hold.evidence", Checks.message("Not enough evidence: %d of %d canary requests",
                    requests.total(), stage.minSamples()), Facts.of("metric", config.requestMetric(),
                    "requests", requests.total(), "minSamples", stage.minSamples())));
        }

        StageVerdict verdict;
        List<Finding> reasons;
        if (!rollback.isEmpty()) {
            verdict = StageVerdict.ROLLBACK;
            reasons = rollback;
        } else if (!pause.isEmpty()) {
            verdict = StageVerdict.PAUSE;
            reasons = pause;
        } else if (!hold.isEmpty()) {
            verdict = StageVerdict.HOLD;
            reasons = hold;
        } else if (stage.manualGate() && !state.gateApproved()) {
            verdict = StageVerdict.PAUSE;
            reasons = List.of(Finding.warn("canary.pause.gate", "Stage checks passed; waiting for manual approval",
                    Facts.of("stage", state.stageIndex() + 1)));
        } else if (plan.isLast(state.stageIndex())) {
            verdict = StageVerdict.PROMOTE;
            reasons = List.of(Finding.pass("canary.promote", "Last stage passed: promote the new version",
                    Facts.of("stage", state.stageIndex() + 1, "weightPercent", stage.weightPercent())));
        } else {
            RolloutPlan.Stage next = plan.stages().get(state.stageIndex() + 1);
            verdict = StageVerdict.ADVANCE;
            reasons = List.of(Finding.pass("canary.advance", Checks.message("Stage passed: advance to %s %%",
                    com(next.weightPercent())), Facts.of("stage", state.stageIndex() + 1, "nextStage",
                    state.stageIndex() + 2, "nextWeightPercent", next.weightPercent())));
        }
        findings.addAll(reasons);
        Rollout.State next = nextState(state, verdict, counters, now);
        CanaryDecision decision = new CanaryDecision(now, state.stageIndex(), stage.weightPercent(), verdict,
                Findings.of(findings), judgements, gate, verdict == StageVerdict.ROLLBACK ? breaches : List.of(), next);
        LOG.debug("canary stage {} at {}: {} ({})", state.stageIndex() + 1, now, verdict, reasons.get(0).code());
        return decision;
    }

    private CanaryDecision.@Nullable BudgetGate budgetGate(StageInput input, StageContext ctx, StageData data,
            List<Finding> findings) {
        OptionalDouble max = config.maxBudgetBurn();
        if (max.isEmpty()) {
            return null;
        }
        BudgetStatus budget = input.budget();
        if (budget == null) {
            findings.add(Finding.info("canary.budget.skipped", "No error budget given: the budget gate is skipped",
                    Facts.of("maxBudgetBurn", max.getAsDouble())));
            return null;
        }
        double rate;
        if (input.canaryErrorRate() != null) {
            rate = input.canaryErrorRate();
        } else {
            StageData.Tally t = data.counts(config.requestMetric(), Variant.CANARY);
            if (t.total() == 0) {
                findings.add(Finding.info("canary.budget.no-data",
                        "No canary error rate yet: the budget gate waits for requests",
                        Facts.of("metric", config.requestMetric(), "maxBudgetBurn", max.getAsDouble())));
                return null;
            }
            rate = t.rate();
        }
        // traffic-weighted seconds the rest of the plan exposes: the current stage's remaining bake
        // time and every later stage's bake time, each at its traffic share
        double exposure = 0;
        List<RolloutPlan.Stage> stages = input.plan().stages();
        for (int i = ctx.stageIndex(); i < stages.size(); i++) {
            RolloutPlan.Stage s = stages.get(i);
            Duration left = i == ctx.stageIndex() ? s.bakeTime().minus(ctx.elapsed()) : s.bakeTime();
            if (!left.isNegative()) {
                exposure += s.weightPercent() / 100 * seconds(left);
            }
        }
        double period = seconds(budget.period().duration());
        double budgetRatio = budget.slo().target().budgetRatio().doubleValue();
        // the burn as a share of the period's whole budget: bad-traffic seconds over budget seconds
        double projected = budgetRatio <= 0 || period <= 0 ? (rate * exposure > 0 ? 1 : 0)
                : rate * exposure / (budgetRatio * period);
        double allowed = budget.allowed().doubleValue();
        double remaining = allowed <= 0 ? 0 : Math.max(0, Math.min(1, budget.remaining().doubleValue() / allowed));
        double limit = max.getAsDouble();
        boolean breached = projected > limit * Math.max(0, remaining);
        CanaryDecision.BudgetGate gate = new CanaryDecision.BudgetGate(rate, exposure, projected, remaining, limit,
                breached);
        String msg = Checks.message("Error budget: the rest of the rollout would burn %s %% of the remaining budget "
                + "(%s %% of the whole; %s %% left) at a %s %% canary error rate; %s %% allowed",
                com(gate.burnOfRemaining() * 100), com(projected * 100), com(remaining * 100), com(rate * 100),
                com(limit * 100));
        findings.add(breached ? Finding.fail("canary.budget", msg, budgetFacts(gate))
                : Finding.pass("canary.budget", msg, budgetFacts(gate)));
        return gate;
    }

    private static Facts budgetFacts(CanaryDecision.BudgetGate g) {
        return Facts.of("errorRate", g.errorRate(), "exposureSeconds", g.exposureSeconds(), "projectedBurn",
                g.projectedBurn(), "remainingShare", g.remainingShare(), "burnOfRemaining", g.burnOfRemaining(),
                "maxBudgetBurn", g.maxBudgetBurn());
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    private void classify(String key, MetricResult m, Rollout.State.Counters c, List<Finding> rollback,
            List<Finding> pause, List<Finding> hold) {
        Facts facts = Facts.of("measurement", key, "outcome", m.outcome(), "failures", c.failures(),
                "failureLimit", config.failureLimit(), "inconclusive", c.inconclusive(), "inconclusiveLimit",
                config.inconclusiveLimit(), "consecutiveErrors", c.consecutiveErrors(), "consecutiveErrorLimit",
                config.consecutiveErrorLimit());
        switch (m.outcome()) {
            case FAIL -> {
                if (m.critical()) {
                    rollback.add(Finding.fail("canary.rollback.critical",
                            "Critical measurement " + key + " failed: roll back at once", facts));
                } else if (c.failures() > config.failureLimit()) {
                    rollback.add(Finding.fail("canary.rollback.failure-limit", Checks.message(
                            "MetricResult %s failed %d times, above the failure limit %d", key, c.failures(),
                            config.failureLimit()), facts));
                } else {
                    hold.add(Finding.warn("canary.hold.failure", Checks.message(
                            "MetricResult %s failed (%d of %d tolerated): holding", key, c.failures(),
                            config.failureLimit()), facts));
                }
            }
            case ERROR -> {
                if (c.consecutiveErrors() > config.consecutiveErrorLimit()) {
                    rollback.add(Finding.fail("canary.rollback.error-limit", Checks.message(
                            "MetricResult %s erred %d times in a row, above the limit %d", key, c.consecutiveErrors(),
                            config.consecutiveErrorLimit()), facts));
                } else {
                    hold.add(Finding.warn("canary.hold.error", Checks.message(
                            "MetricResult %s could not be taken (%d in a row, %d tolerated): holding", key,
                            c.consecutiveErrors(), config.consecutiveErrorLimit()), facts));
                }
            }
            case INCONCLUSIVE -> {
                if (c.inconclusive() > config.inconclusiveLimit()) {
                    pause.add(Finding.warn("canary.pause.inconclusive", Checks.message(
                            "MetricResult %s was inconclusive %d times, above the limit %d: a person must decide", key,
                            c.inconclusive(), config.inconclusiveLimit()), facts));
                } else {
                    hold.add(Finding.warn("canary.hold.inconclusive", Checks.message(
                            "MetricResult %s was inconclusive (%d of %d tolerated): holding", key, c.inconclusive(),
                            config.inconclusiveLimit()), facts));
                }
            }
            case NO_DATA -> hold.add(Finding.of("canary.hold.no-data", Level.INFO,
                    "MetricResult " + key + " has no verdict on the data so far (too few samples, or a judge's hold that "
                            + "its own finding explains): holding", facts));
            case PASS, IGNORED -> {
                // nothing to add: the judge's finding explains it
            }
        }
    }

    private static Rollout.State nextState(Rollout.State s, StageVerdict verdict, Map<String, Rollout.State.Counters> counters,
            Instant now) {
        return switch (verdict) {
            case ADVANCE -> new Rollout.State(Rollout.Phase.RUNNING, s.stageIndex() + 1, now, now, false, Map.of());
            case HOLD -> new Rollout.State(s.phase(), s.stageIndex(), s.stageStartedAt(), now, s.gateApproved(), counters);
            case PAUSE -> new Rollout.State(Rollout.Phase.PAUSED, s.stageIndex(), s.stageStartedAt(), now, s.gateApproved(),
                    counters);
            case ROLLBACK -> new Rollout.State(Rollout.Phase.ROLLED_BACK, s.stageIndex(), s.stageStartedAt(), now,
                    s.gateApproved(), counters);
            case PROMOTE -> new Rollout.State(Rollout.Phase.PROMOTED, s.stageIndex(), s.stageStartedAt(), now,
                    s.gateApproved(), counters);
        };
    }

    private static String com(double weight) {
        return Facts.format(weight);
    }
}
