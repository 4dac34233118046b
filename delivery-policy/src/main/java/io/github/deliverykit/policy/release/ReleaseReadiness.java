package io.github.deliverykit.policy.release;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.Plugins;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.core.spi.Shadow;
import io.github.deliverykit.policy.release.ReadinessDecision.CommunicationPlan;
import io.github.deliverykit.policy.release.ReadinessDecision.Recommendation;
import io.github.deliverykit.policy.release.internal.BuiltInExitCriteria;
import io.github.deliverykit.policy.release.spi.ExitCriterion;
import io.github.deliverykit.policy.release.spi.ExitCriterion.Verdict;
import io.github.deliverykit.policy.strategy.DeploymentStrategy;
import io.github.deliverykit.policy.strategy.StrategyRecommendation;
import io.github.deliverykit.policy.strategy.StrategySelection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release-readiness engine: checks a release against its exit criteria and recommends GO (all
 * pass), CONDITIONAL GO (only warnings; their conditions listed) or NO-GO (any failure; with a
 * risk-assessment finding and a recommended delay), and states the deployment strategy the release
 * goes out with. It consumes the {@link StrategyRecommendation} of strategy selection; without one it
 * computes one from the release (type, size) and {@link ReleaseReadinessConfig#constraints()} with
 * {@link StrategySelection#ofDefaults()} and says so in an INFO finding {@code release.strategy.computed}.
 *
 * <p>The seed's seven criteria always run unless the config disables one (reported as a
 * {@code release.criterion.disabled} warning); custom {@link ExitCriterion} providers run after
 * them. Every criterion is called fail-closed through {@link Plugins#call}: a criterion that throws,
 * returns null or emits a code outside its namespace fails. A warning can never turn a NO-GO into a
 * GO. A criterion with an effective date ({@link ReleaseReadinessConfig#effectiveDates()}) that the
 * clock has not reached runs in shadow ({@link Shadow}): a would-be FAIL is reported as a WARN with a
 * condition of its own and a {@code release.rule.shadow} finding, and the decision lists it in
 * {@link ReadinessDecision#shadowed()}. Immutable and thread safe when the criteria are.
 */
public final class ReleaseReadiness {

    /** All P1/P2 bugs resolved. */
    public static final String BUGS = "bugs";
    /** Performance benchmarks met (P99 below target). */
    public static final String PERFORMANCE = "performance";
    /** Security scan passed (no critical, no high). */
    public static final String SECURITY = "security";
    /** Load testing complete (sustained the target multiple of peak). */
    public static final String LOAD_TEST = "load-test";
    /** UAT sign-off received. */
    public static final String UAT = "uat";
    /** Documentation updated. */
    public static final String DOCUMENTATION = "documentation";
    /** Runbook reviewed. */
    public static final String RUNBOOK = "runbook";
    /** Every built-in criterion id, in the seed's order (priorities 700 down to 100). */
    public static final List<String> BUILT_IN_IDS = List.of(BUGS, PERFORMANCE, SECURITY, LOAD_TEST, UAT,
            DOCUMENTATION, RUNBOOK);

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseReadiness.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final String NS = "release";

    private final ReleaseReadinessConfig config;
    private final List<ExitCriterion> criteria;

    private ReleaseReadiness(ReleaseReadinessConfig config, List<ExitCriterion> criteria) {
        this.config = config;
        this.criteria = criteria;
    }

    /**
     * The seed's criteria and defaults.
     *
     * @return the engine
     */
    public static ReleaseReadiness ofDefaults() {
        return of(ReleaseReadinessConfig.ofDefaults());
    }

    /**
     * The built-in criteria only (no {@link java.util.ServiceLoader}).
     *
     * @param config the configuration
     * @return the engine
     * @throws IllegalArgumentException if config is null or disables an unknown criterion
     */
    public static ReleaseReadiness of(ReleaseReadinessConfig config) {
        return of(config, List.of());
    }

    /**
     * The built-in criteria plus every {@link ExitCriterion} found by the service loader.
     *
     * @param config the configuration
     * @return the engine
     * @throws IllegalArgumentException if config is null or disables an unknown criterion
     * @throws IllegalStateException if a loaded criterion claims a built-in id
     */
    public static ReleaseReadiness load(ReleaseReadinessConfig config) {
        return of(config, Providers.load(ExitCriterion.class).all());
    }

    /**
     * The built-in criteria plus the criteria a class loader finds.
     *
     * @param config the configuration
     * @param classLoader the class loader
     * @return the engine
     * @throws IllegalArgumentException if an argument is null or config disables an unknown criterion
     * @throws IllegalStateException if a loaded criterion claims a built-in id
     */
    public static ReleaseReadiness load(ReleaseReadinessConfig config, ClassLoader classLoader) {
        return of(config, Providers.load(ExitCriterion.class, Checks.notNull(classLoader, "classLoader")).all());
    }

    /**
     * The built-in criteria plus the criteria a module layer provides.
     *
     * @param config the configuration
     * @param layer the module layer
     * @return the engine
     * @throws IllegalArgumentException if an argument is null or config disables an unknown criterion
     * @throws IllegalStateException if a loaded criterion claims a built-in id
     */
    public static ReleaseReadiness load(ReleaseReadinessConfig config, ModuleLayer layer) {
        return of(config, Providers.load(ExitCriterion.class, Checks.notNull(layer, "layer")).all());
    }

    /**
     * The built-in criteria plus the loadable criteria, skipping broken providers.
     *
     * @param config the configuration
     * @return the engine
     * @throws IllegalArgumentException if config is null or disables an unknown criterion
     * @throws IllegalStateException if a loaded criterion claims a built-in id
     */
    public static ReleaseReadiness loadLenient(ReleaseReadinessConfig config) {
        return of(config, Providers.loader(ExitCriterion.class).lenient().load().all());
    }

    /**
     * The built-in criteria plus custom criteria, built by hand.
     *
     * @param config the configuration
     * @param customCriteria extra criteria, in any order
     * @return the engine
     * @throws IllegalArgumentException if an argument is null, an id is malformed, reserved or repeats,
     *     or the config disables an unknown criterion
     * @throws IllegalStateException if a custom criterion claims a built-in id
     */
    public static ReleaseReadiness of(ReleaseReadinessConfig config, List<? extends ExitCriterion> customCriteria) {
        Checks.notNull(config, "config");
        List<ExitCriterion> given = Checks.listOf(customCriteria, "customCriteria");
        List<ExitCriterion> all = new ArrayList<>(BuiltInExitCriteria.all());
        Set<String> ids = new LinkedHashSet<>(BUILT_IN_IDS);
        for (ExitCriterion c : given) {
            String id = c.id();
            if (id == null || !ID.matcher(id).matches()) {
                throw Checks.invalid("id() of " + c.getClass().getName(), "must be a lower-case id", id);
            }
            if (id.equals(NS)) {
                throw Checks.invalid("id() of " + c.getClass().getName(), "must not be the engine's namespace", id);
            }
            if (BUILT_IN_IDS.contains(id)) {
                if (c.getClass().getEnclosingClass() == BuiltInExitCriteria.class) {
                    continue;
                }
                throw new IllegalStateException(Checks.message(
                        "criterion %s claims the built-in id '%s'; disable the built-in in ReleaseReadinessConfig "
                                + "and use another id", c.getClass().getName(), id));
            }
            if (!ids.add(id)) {
                throw Checks.invalid("customCriteria", "must have unique ids", id);
            }
            all.add(c);
        }
        for (String disabled : config.disabledCriteria().keySet()) {
            if (!ids.contains(disabled)) {
                throw Checks.invalid("disabled criterion", "must be one of " + ids, disabled);
            }
        }
        for (String dated : config.effectiveDates().keySet()) {
            if (!ids.contains(dated)) {
                throw Checks.invalid("effective-date criterion", "must be one of " + ids, dated);
            }
        }
        List<ExitCriterion> enabled = new ArrayList<>();
        for (ExitCriterion c : all) {
            if (!config.disabledCriteria().containsKey(c.id())) {
                enabled.add(c);
            }
        }
        enabled.sort(ProviderRegistry.ORDER);
        return new ReleaseReadiness(config, List.copyOf(enabled));
    }

    /**
     * New instances of the built-in criteria, in the seed's order, for hand-built registries.
     *
     * @return the built-ins
     */
    public static List<ExitCriterion> builtIns() {
        return BuiltInExitCriteria.all();
    }

    /**
     * The configuration.
     *
     * @return the configuration
     */
    public ReleaseReadinessConfig config() {
        return config;
    }

    /**
     * The ids of the criteria that run, in order.
     *
     * @return the ids
     */
    public List<String> criterionIds() {
        return criteria.stream().map(ExitCriterion::id).toList();
    }

    /**
     * What readiness looks at: the release, the evidence and, optionally, the strategy recommendation
     * of strategy selection.
     *
     * @param release the release
     * @param evidence what is known about it
     * @param strategy the strategy recommendation, or null to compute one from the release
     */
    public record Input(Release release, ReleaseEvidence evidence, @Nullable StrategyRecommendation strategy) {

        /**
         * Validates the input.
         *
         * @throws IllegalArgumentException if the release or evidence is null
         */
        public Input {
            Checks.notNull(release, "release");
            Checks.notNull(evidence, "evidence");
        }

        /**
         * An input without a strategy recommendation.
         *
         * @param release the release
         * @param evidence the evidence
         * @return the input
         * @throws IllegalArgumentException if an argument is null
         */
        public static Input of(Release release, ReleaseEvidence evidence) {
            return new Input(release, evidence, null);
        }

        /**
         * This input with the strategy recommendation to go out with.
         *
         * @param recommendation the recommendation
         * @return the copy
         * @throws IllegalArgumentException if recommendation is null
         */
        public Input with(StrategyRecommendation recommendation) {
            return new Input(release, evidence, Checks.notNull(recommendation, "strategy"));
        }
    }

    /**
     * Checks a release.
     *
     * @param input the release, the evidence and the optional strategy recommendation
     * @param clock the clock (readiness depends on the release's own dates; taken for the one shape)
     * @return the decision
     * @throws IllegalArgumentException if an argument is null
     */
    public ReadinessDecision evaluate(Input input, Clock clock) {
        Checks.notNull(input, "input");
        Checks.notNull(clock, "clock");
        Release release = input.release();
        ReleaseEvidence evidence = input.evidence();
        List<Finding> findings = new ArrayList<>();
        List<Finding> criterionFindings = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        java.time.Instant now = clock.instant();
        List<Shadow> shadowed = new ArrayList<>();
        for (ExitCriterion c : criteria) {
            RuleResult<Verdict> r = Plugins.call(NS, c, () -> c.evaluate(release, evidence, config), Verdict.fail());
            Level level = r.extras().level();
            if (r.findings().isEmpty()) {
                // a criterion must explain itself: a silent result fails closed
                r = RuleResult.of(Verdict.fail(), Finding.fail(NS + ".plugin.error", "Exit criterion " + c.id()
                        + " returned no finding", Facts.of("provider", c.id(), "error", "no finding")));
                level = Level.FAIL;
            }
            String firstMessage = r.findings().list().get(0).message();
            java.time.Instant effectiveOn = config.effectiveDates().get(c.id());
            if (Shadow.applies(effectiveOn, now)) {
                // reported, not enforced: a would-be failure is a warning with a condition of its own
                Shadow shadow = Shadow.of(c.id(), effectiveOn, r);
                shadowed.add(shadow);
                Verdict notEnforced = level == Level.FAIL ? Verdict.warn("Accept that exit criterion " + c.id()
                        + " would fail; it is enforced from " + effectiveOn) : r.extras();
                r = shadow.demote(NS, r, notEnforced);
                level = notEnforced.level();
            }
            criterionFindings.addAll(r.findings().list());
            if (level == Level.WARN) {
                conditions.add(r.extras().conditionOrDefault(firstMessage));
            } else if (level == Level.FAIL) {
                failed.add(c.id());
            }
        }
        findings.addAll(criterionFindings);
        StrategyRecommendation strategy = input.strategy();
        if (strategy == null) {
            strategy = StrategySelection.ofDefaults().evaluate(release.strategyInput(config.constraints()), clock);
            findings.add(Finding.info("release.strategy.computed", Checks.message(
                    "No strategy recommendation given: %s chosen for this %s release of %d changes",
                    strategyName(strategy), release.type().id(), release.size()), Facts.of("strategy",
                    strategyName(strategy), "releaseType", release.type(), "size", release.size())));
        } else {
            findings.add(Finding.info("release.strategy.given", "Strategy recommendation given: "
                    + strategyName(strategy), Facts.of("strategy", strategyName(strategy))));
        }
        if (!strategy.feasible()) {
            findings.add(Finding.fail("release.strategy.none_feasible", "No deployment strategy is feasible under"
                    + " the release's constraints (" + strategy.bestScored().id() + " scored best but is ruled out)",
                    Facts.of("bestScored", strategy.bestScored().id())));
            failed.add("deployment-strategy");
        }
        for (Map.Entry<String, String> d : config.disabledCriteria().entrySet()) {
            findings.add(Finding.warn("release.criterion.disabled", "Exit criterion " + d.getKey()
                    + " is disabled by configuration: " + d.getValue(),
                    Facts.of("criterion", d.getKey(), "reason", d.getValue())));
            conditions.add("Accept the disabled exit criterion " + d.getKey() + " (" + d.getValue() + ")");
        }
        List<String> open = release.scope().openFeatures().stream().map(f -> f.id()).toList();
        if (!open.isEmpty()) {
            findings.add(Finding.warn("release.scope.incomplete", "Scope: " + open.size()
                    + (open.size() == 1 ? " feature" : " features") + " not done (" + String.join(", ", open) + ")",
                    Facts.of("open_features", open)));
            conditions.add("Finish or defer " + String.join(", ", open) + " before release");
        }
        Recommendation recommendation = failed.isEmpty()
                ? (conditions.isEmpty() ? Recommendation.GO : Recommendation.CONDITIONAL_GO)
                : Recommendation.NO_GO;
        CommunicationPlan plan = CommunicationPlan.forTarget(release.targetDate());
        LocalDate delayTo = null;
        if (recommendation == Recommendation.NO_GO) {
            delayTo = release.targetDate().plusDays(config.noGoDelayDays());
            findings.add(Finding.fail("release.risk_assessment", "Risk assessment: " + failed.size()
                    + " unmet exit " + (failed.size() == 1 ? "criterion" : "criteria") + " (" + String.join(", ", failed)
                    + "); releasing now risks shipping known defects", Facts.of("failed", failed,
                            "warnings", conditions.size())));
            findings.add(Finding.warn("release.delay_recommended", "Delay the release to " + delayTo
                    + " unless every unmet criterion is resolved by the go/no-go on " + plan.get("T-1").date(),
                    Facts.of("target_date", release.targetDate(), "recommended_date", delayTo,
                            "delay_days", config.noGoDelayDays())));
        }
        ReadinessDecision decision = new ReadinessDecision(release, release.type(), recommendation,
                Findings.of(findings), Findings.of(criterionFindings),
                recommendation == Recommendation.NO_GO ? List.of() : conditions, strategy, config.monitoringPeriod(),
                plan, delayTo, shadowed);
        LOG.debug("release {}: {} failed={} conditions={}", release.version(), recommendation, failed, conditions);
        return decision;
    }

    private static String strategyName(StrategyRecommendation strategy) {
        return strategy.recommended().map(DeploymentStrategy::id).orElse("none");
    }
}
