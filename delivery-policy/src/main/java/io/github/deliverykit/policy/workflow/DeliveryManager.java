package io.github.deliverykit.policy.workflow;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.policy.budget.DeployFreeze;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.budget.FreezeInput;
import io.github.deliverykit.policy.canary.CanaryAnalysis;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.RolloutPlan;
import io.github.deliverykit.policy.change.ChangeApproval;
import io.github.deliverykit.policy.change.ChangeDecision;
import io.github.deliverykit.policy.change.ChangeRequest;
import io.github.deliverykit.policy.incident.IncidentSla;
import io.github.deliverykit.policy.incident.IncidentSlaDecision;
import io.github.deliverykit.policy.incident.IncidentTimeline;
import io.github.deliverykit.policy.incident.SeverityClassification;
import io.github.deliverykit.policy.maturity.Answers;
import io.github.deliverykit.policy.maturity.Evidence;
import io.github.deliverykit.policy.maturity.MaturityAssessment;
import io.github.deliverykit.policy.maturity.MaturityDecision;
import io.github.deliverykit.policy.release.ReadinessDecision;
import io.github.deliverykit.policy.release.Release;
import io.github.deliverykit.policy.release.ReleaseEvidence;
import io.github.deliverykit.policy.release.ReleaseReadiness;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.StrategyRecommendation;
import io.github.deliverykit.policy.strategy.StrategySelection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's delivery manager as one object a tool embeds: built once from a
 * {@link DeliveryManagerConfig}, with every plug-in loaded once, it runs the workflow's steps and
 * passes each step's typed result to the next:
 *
 * <pre>
 * assess          evidence from the DORA, flow and cost reports  -> MaturityDecision
 * selectStrategy  the release's type, size and constraints        -> StrategyRecommendation
 * planRelease     exit criteria + the StrategyRecommendation      -> ReadinessDecision
 * trackBudget     SLO, incidents, maintenance                      -> FreezeDecision
 * deploy          ReadinessDecision + FreezeDecision               -> DeployDecision (Rollout on the strategy's plan)
 * judge           a canary stage, gated on the FreezeDecision's budget -> Rollout
 * finish          the Rollout                                      -> RolloutOutcome (Deployment, incident candidate)
 * manageIncident  the incident's timeline                          -> IncidentSlaDecision
 * evaluateChange  ChangeRequest + FreezeDecision                   -> ChangeDecision
 * </pre>
 *
 * <p>Every step stays usable on its own through the engine it delegates to ({@link #changes()},
 * {@link #canary()}...). Immutable and thread-safe; each step is a pure function of its arguments
 * and the clock, so the same input gives the same output. Finding codes of the steps it adds
 * itself are in the {@code workflow} namespace.
 */
public final class DeliveryManager {

    /** The namespace of the findings this class adds. */
    public static final String NAMESPACE = "workflow";

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryManager.class);

    private final DeliveryManagerConfig config;
    private final MaturityAssessment maturity;
    private final StrategySelection strategy;
    private final ReleaseReadiness readiness;
    private final CanaryAnalysis canary;
    private final IncidentSla incidents;
    private final DeployFreeze freeze;
    private final ChangeApproval changes;

    private DeliveryManager(DeliveryManagerConfig config, MaturityAssessment maturity, ReleaseReadiness readiness,
            CanaryAnalysis canary, IncidentSla incidents, DeployFreeze freeze, ChangeApproval changes) {
        this.config = config;
        this.maturity = maturity;
        this.strategy = StrategySelection.of(config.strategy());
        this.readiness = readiness;
        this.canary = canary;
        this.incidents = incidents;
        this.freeze = freeze;
        this.changes = changes;
    }

    /**
     * The seed defaults with the built-in plug-ins, without {@code ServiceLoader}.
     *
     * @return the manager
     */
    public static DeliveryManager ofDefaults() {
        return of(DeliveryManagerConfig.ofDefaults());
    }

    /**
     * A manager with the built-in plug-ins only, without {@code ServiceLoader} (Spring, OSGi, native
     * images).
     *
     * @param config the config
     * @return the manager
     * @throws IllegalArgumentException if config is null or a step's config names a plug-in that is
     *     not built in
     */
    public static DeliveryManager of(DeliveryManagerConfig config) {
        Checks.notNull(config, "config");
        return new DeliveryManager(config, MaturityAssessment.of(config.maturity()),
                ReleaseReadiness.of(config.readiness()), CanaryAnalysis.of(config.canary()),
                IncidentSla.of(config.incidents()), DeployFreeze.of(config.freeze()),
                ChangeApproval.of(config.changes()));
    }

    /**
     * A manager whose plug-ins (maturity models, exit criteria, canary judges, SLA tables, freeze
     * policies, change rules) are loaded once through {@code ServiceLoader} from the class loader
     * of each SPI, failing fast on a broken provider or a duplicate id.
     *
     * @param config the config
     * @return the manager
     * @throws IllegalArgumentException if config is null
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken or two claim one id
     */
    public static DeliveryManager load(DeliveryManagerConfig config) {
        Checks.notNull(config, "config");
        return new DeliveryManager(config, MaturityAssessment.load(config.maturity()),
                ReleaseReadiness.load(config.readiness()), CanaryAnalysis.load(config.canary()),
                IncidentSla.load(config.incidents()), DeployFreeze.load(config.freeze()),
                ChangeApproval.load(config.changes()));
    }

    /**
     * As {@link #load(DeliveryManagerConfig)}, from a class loader.
     *
     * @param config the config
     * @param classLoader where to look for providers
     * @return the manager
     * @throws IllegalArgumentException if an argument is null
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken or two claim one id
     */
    public static DeliveryManager load(DeliveryManagerConfig config, ClassLoader classLoader) {
        Checks.notNull(config, "config");
        Checks.notNull(classLoader, "classLoader");
        return new DeliveryManager(config, MaturityAssessment.load(config.maturity(), classLoader),
                ReleaseReadiness.load(config.readiness(), classLoader), CanaryAnalysis.load(config.canary(), classLoader),
                IncidentSla.load(config.incidents(), classLoader), DeployFreeze.load(config.freeze(), classLoader),
                ChangeApproval.load(config.changes(), classLoader));
    }

    /**
     * As {@link #load(DeliveryManagerConfig)}, from a module layer and its parents.
     *
     * @param config the config
     * @param layer where to look for providers
     * @return the manager
     * @throws IllegalArgumentException if an argument is null
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken or two claim one id
     */
    public static DeliveryManager load(DeliveryManagerConfig config, ModuleLayer layer) {
        Checks.notNull(config, "config");
        Checks.notNull(layer, "layer");
        return new DeliveryManager(config, MaturityAssessment.load(config.maturity(), layer),
                ReleaseReadiness.load(config.readiness(), layer), CanaryAnalysis.load(config.canary(), layer),
                IncidentSla.load(config.incidents(), layer), DeployFreeze.load(config.freeze(), layer),
                ChangeApproval.load(config.changes(), layer));
    }

    /**
     * As {@link #load(DeliveryManagerConfig)}, but a broken provider or a duplicate id is skipped
     * (each engine reports what it skipped) instead of failing the load.
     *
     * @param config the config
     * @return the manager
     * @throws IllegalArgumentException if config is null
     */
    public static DeliveryManager loadLenient(DeliveryManagerConfig config) {
        Checks.notNull(config, "config");
        return new DeliveryManager(config, MaturityAssessment.loadLenient(config.maturity()),
                ReleaseReadiness.loadLenient(config.readiness()), CanaryAnalysis.loadLenient(config.canary()),
                IncidentSla.loadLenient(config.incidents()), DeployFreeze.loadLenient(config.freeze()),
                ChangeApproval.loadLenient(config.changes()));
    }

    /**
     * The config.
     *
     * @return the config
     */
    public DeliveryManagerConfig config() {
        return config;
    }

    /**
     * The maturity assessment engine.
     *
     * @return the engine
     */
    public MaturityAssessment maturity() {
        return maturity;
    }

    /**
     * The strategy selection engine.
     *
     * @return the engine
     */
    public StrategySelection strategySelection() {
        return strategy;
    }

    /**
     * The release readiness engine.
     *
     * @return the engine
     */
    public ReleaseReadiness readiness() {
        return readiness;
    }

    /**
     * The canary analysis engine.
     *
     * @return the engine
     */
    public CanaryAnalysis canary() {
        return canary;
    }

    /**
     * The incident SLA engine.
     *
     * @return the engine
     */
    public IncidentSla incidents() {
        return incidents;
    }

    /**
     * The deploy freeze engine.
     *
     * @return the engine
     */
    public DeployFreeze freeze() {
        return freeze;
    }

    /**
     * The change approval engine.
     *
     * @return the engine
     */
    public ChangeApproval changes() {
        return changes;
    }

    /**
     * Step 1, assess maturity: the answers of people plus the measured evidence, e.g.
     * {@code Evidence.from(dora.measurements(), flow.measurements(), cost.measurements())}.
     *
     * @param modelId the maturity model, e.g. {@code ai-delivery} or {@code delivery-5}
     * @param answers the criteria answered by people
     * @param evidence the measured evidence
     * @param clock the clock
     * @return the maturity decision
     * @throws IllegalArgumentException if an argument is null or the model unknown
     */
    public MaturityDecision assess(String modelId, Answers answers, Evidence evidence, Clock clock) {
        return maturity.evaluate(maturity.input(modelId, answers, evidence), clock);
    }

    /**
     * Step 2, select the deployment strategy from the release: its type (from the version), its size
     * and the infrastructure constraints.
     *
     * @param release the release
     * @param constraints the infrastructure constraints
     * @param clock the clock
     * @return the recommendation
     * @throws IllegalArgumentException if an argument is null
     */
    public StrategyRecommendation selectStrategy(Release release, DeploymentConstraints constraints, Clock clock) {
        Checks.notNull(release, "release");
        return strategy.evaluate(release.strategyInput(constraints), clock);
    }

    /**
     * Step 3, plan the release: exit criteria, GO / CONDITIONAL GO / NO-GO, communication plan,
     * with the strategy selected for it.
     *
     * @param release the release
     * @param evidence the exit-criteria evidence
     * @param strategy the strategy recommendation of step 2
     * @param clock the clock
     * @return the readiness decision
     * @throws IllegalArgumentException if an argument is null
     */
    public ReadinessDecision planRelease(Release release, ReleaseEvidence evidence, StrategyRecommendation strategy,
            Clock clock) {
        Checks.notNull(strategy, "strategy");
        return readiness.evaluate(new ReleaseReadiness.Input(release, evidence, strategy), clock);
    }

    /**
     * Step 4, track the error budget: budget, burn rate and the deploy-freeze decision for a change
     * of the given kind, at the clock's instant.
     *
     * @param request the deployment or change the freeze is asked about
     * @param slo the time-based SLO
     * @param incidents the service's incidents (including rollback incidents of step 7)
     * @param maintenance scheduled maintenance, excluded from the budget
     * @param clock the clock
     * @return the freeze decision, which carries the budget
     * @throws IllegalArgumentException if an argument is invalid
     */
    public FreezeDecision trackBudget(FreezeInput.Request request, Slo slo, Collection<Incident> incidents,
            MaintenanceSchedule maintenance, Clock clock) {
        return freeze.evaluate(request, slo, incidents, maintenance, clock);
    }

    /**
     * Step 4, track the error budget, from a budget already computed (an explicit period, an
     * event-based SLI, a lookback burn rate): the deploy-freeze decision for the input's request.
     *
     * @param input the freeze input with the budget
     * @param clock the clock
     * @return the freeze decision, which carries the budget
     * @throws IllegalArgumentException if an argument is null
     */
    public FreezeDecision trackBudget(FreezeInput input, Clock clock) {
        return freeze.evaluate(input, clock);
    }

    /**
     * Step 5, deploy: starts the release's rollout on the default plan of its recommended strategy,
     * unless the release is NO-GO or the error budget freezes the deployment.
     *
     * @param release the readiness decision of step 3
     * @param budget the freeze decision of step 4, or null when no budget is tracked (said in a finding)
     * @param clock the clock giving the rollout's start
     * @return the deploy decision with the started rollout
     * @throws IllegalArgumentException if release or clock is null
     */
    public DeployDecision deploy(ReadinessDecision release, @Nullable FreezeDecision budget, Clock clock) {
        Checks.notNull(release, "release");
        Checks.notNull(clock, "clock");
        Instant now = Checks.notNull(clock.instant(), "clock.instant()");
        RolloutPlan plan = release.strategy().feasible() ? RolloutPlan.of(release.strategy()) : null;
        List<Finding> findings = new ArrayList<>();
        String version = release.release().version().toString();
        boolean blocked = false;
        if (plan == null) {
            blocked = true;
            findings.add(Finding.fail(NAMESPACE + ".deploy.no_strategy", "Release " + version
                    + " has no feasible deployment strategy: it does not deploy", Facts.of("release", version,
                    "bestScored", release.strategy().bestScored().id())));
        }
        switch (release.verdict()) {
            case NO_GO -> {
                blocked = true;
                findings.add(Finding.fail(NAMESPACE + ".deploy.no_go", "Release " + version
                        + " is NO-GO: it does not deploy", Facts.of("release", version, "recommendation",
                        release.verdict())));
            }
            case CONDITIONAL_GO -> findings.add(Finding.warn(NAMESPACE + ".deploy.conditional", "Release " + version
                    + " deploys on conditions: " + String.join("; ", release.conditions()),
                    Facts.of("release", version, "conditions", release.conditions())));
            default -> findings.add(Finding.pass(NAMESPACE + ".deploy.go", "Release " + version + " is GO",
                    Facts.of("release", version)));
        }
        if (budget == null) {
            findings.add(Finding.info(NAMESPACE + ".deploy.budget_unknown",
                    "No error-budget freeze decision was given: the deploy is not gated on the budget",
                    Facts.none()));
        } else if (budget.verdict() == FreezeDecision.Verdict.FREEZE) {
            blocked = true;
            findings.add(Finding.fail(NAMESPACE + ".deploy.frozen", "The error budget of " + budget.service()
                    + " freezes " + budget.kind() + " deploys: burn rate " + Facts.format(budget.burnRate()) + "x, "
                    + Facts.format(budget.remainingPercent()) + " % of the budget remains",
                    Facts.of("service", budget.service(), "kind", budget.kind(), "burnRate", budget.burnRate(),
                            "remainingPercent", budget.remainingPercent())));
        } else {
            findings.add(Finding.pass(NAMESPACE + ".deploy.budget_open", "The error budget of " + budget.service()
                    + " allows the deploy: burn rate " + Facts.format(budget.burnRate()) + "x",
                    Facts.of("service", budget.service(), "burnRate", budget.burnRate(), "remainingPercent",
                            budget.remainingPercent())));
        }
        Rollout rollout = null;
        if (!blocked && plan != null) {
            rollout = Rollout.start(plan, canary, now);
            findings.add(Finding.info(NAMESPACE + ".deploy.started", "Rollout of " + version + " started with "
                    + plan.strategy() + " (" + plan.stages().size() + " stages)", Facts.of("release", version,
                    "strategy", plan.strategy(), "stages", plan.stages().size(), "at", now)));
        }
        DeployDecision decision = new DeployDecision(blocked ? DeployDecision.Verdict.BLOCKED
                : DeployDecision.Verdict.STARTED, Findings.of(findings), release, budget, plan, rollout);
        LOG.debug("deploy {}: {} with {}", version, decision.verdict(), plan == null ? "no strategy" : plan.strategy());
        return decision;
    }

    /**
     * Step 6, judge the current canary stage on its observations, with the error budget of the
     * freeze decision as the optional budget gate ({@code CanaryAnalysisConfig.maxBudgetBurn}).
     *
     * @param rollout the running rollout
     * @param observations the stage's observations
     * @param budget the freeze decision of step 4 (its budget gates the canary), or null
     * @param clock the clock
     * @return the rollout after the stage decision
     * @throws IllegalArgumentException if a required argument is null
     * @throws IllegalStateException if the rollout is finished
     */
    public Rollout judge(Rollout rollout, Collection<? extends Observation> observations,
            @Nullable FreezeDecision budget, Clock clock) {
        Checks.notNull(rollout, "rollout");
        return rollout.evaluate(observations, budget == null ? null : budget.budget(), clock);
    }

    /**
     * Step 7, finish: the rollout as a core {@link Deployment} and, when the canary rolled back on
     * a breach with traffic exposed, an incident candidate whose severity the incident step's
     * classification decides from the impact: the exposed traffic share as users affected, a minor
     * feature impact with customer impact and a workaround (the rollback itself: the previous version
     * serves all traffic again), mitigated at the rollback. A manual abort or a rollback
     * with no traffic exposed opens no incident (said in a finding).
     *
     * @param rollout the rollout
     * @param target which deployment it was
     * @param clock the clock
     * @return the deployment and the incident candidate
     * @throws IllegalArgumentException if an argument is null
     */
    public RolloutOutcome finish(Rollout rollout, RolloutOutcome.Target target, Clock clock) {
        Checks.notNull(rollout, "rollout");
        Checks.notNull(target, "target");
        Checks.notNull(clock, "clock");
        Deployment deployment = rollout.toDeployment(target.deploymentId(), target.service(), target.environment(),
                target.version(), target.commits());
        List<Finding> findings = new ArrayList<>();
        Facts ids = Facts.of("deployment", deployment.id(), "outcome", deployment.outcome());
        RolloutOutcome.IncidentCandidate candidate = null;
        if (deployment.outcome() == DeploymentOutcome.SUCCESS) {
            findings.add(Finding.pass(NAMESPACE + ".rollout.promoted", "Deployment " + deployment.id()
                    + " promoted to 100 %", ids));
        } else if (deployment.outcome() == DeploymentOutcome.IN_PROGRESS) {
            findings.add(Finding.info(NAMESPACE + ".rollout.in_progress", "Deployment " + deployment.id()
                    + " is still rolling out", ids));
        } else {
            Rollout.RollbackReport rollback = rollout.rollback().orElseThrow(() -> new IllegalStateException(
                    "rollout " + deployment.id() + " rolled back without a rollback report"));
            findings.add(Finding.warn(NAMESPACE + ".rollout.rolled_back", "Deployment " + deployment.id()
                    + " rolled back: " + rollback.reason(), Facts.of("deployment", deployment.id(), "breaches",
                    rollback.breaches(), "trafficPercent", rollback.trafficPercent())));
            if (rollback.manual()) {
                findings.add(Finding.info(NAMESPACE + ".incident.none_manual",
                        "A manual abort opens no incident", ids));
            } else if (rollback.trafficPercent() <= 0) {
                findings.add(Finding.info(NAMESPACE + ".incident.none_no_traffic",
                        "No traffic reached the new version: no incident", ids));
            } else {
                candidate = incidentCandidate(deployment, rollback, clock);
                findings.add(Finding.warn(NAMESPACE + ".incident.candidate", "Incident " + candidate.incident().id()
                        + " (" + candidate.incident().severity() + ") opened from the rollback of " + deployment.id(),
                        Facts.of("incident", candidate.incident().id(), "severity", candidate.incident().severity(),
                                "impact", candidate.incident().impact())));
            }
        }
        return new RolloutOutcome(deployment, candidate, Findings.of(findings));
    }

    private RolloutOutcome.IncidentCandidate incidentCandidate(Deployment deployment, Rollout.RollbackReport rollback,
            Clock clock) {
        double share = rollback.trafficPercent() / 100.0;
        SeverityClassification.Impact impact = SeverityClassification.Impact.builder()
                .minorFeatureImpact().workaroundAvailable(true).customerImpact(true).usersAffected(share).build();
        SeverityClassification.Result severity = incidents.classification().evaluate(impact, clock);
        BigDecimal partial = BigDecimal.valueOf(rollback.trafficPercent()).divide(BigDecimal.valueOf(100), 6,
                RoundingMode.HALF_UP).stripTrailingZeros();
        Incident incident = new Incident(deployment.id() + "-rollback", deployment.service(),
                deployment.environment(), severity.severity(), rollback.startedAt(), rollback.detectedAt(), null,
                rollback.detectedAt(), null, deployment.id(), partial);
        return new RolloutOutcome.IncidentCandidate(incident, severity, rollback);
    }

    /**
     * Step 8, manage an incident: response and resolution clocks, status updates, post-mortem.
     *
     * @param timeline the incident's timeline, e.g. {@code IncidentTimeline.of(candidate.incident())}
     * @param clock the clock
     * @return the incident SLA decision
     * @throws IllegalArgumentException if an argument is null
     */
    public IncidentSlaDecision manageIncident(IncidentTimeline timeline, Clock clock) {
        return incidents.evaluate(timeline, clock);
    }

    /**
     * Step 9, evaluate a change request against the freeze decision of the error budget.
     *
     * @param request the change request
     * @param budget the freeze decision of step 4, or null when no budget is tracked (said in a finding)
     * @param clock the clock
     * @return the change decision
     * @throws IllegalArgumentException if request or clock is null
     */
    public ChangeDecision evaluateChange(ChangeRequest request, @Nullable FreezeDecision budget, Clock clock) {
        return evaluateChange(ChangeApproval.Input.of(request), budget, clock);
    }

    /**
     * Step 9 with the request's calendar freeze windows and the already scheduled changes: the
     * input's own freeze decision is replaced by the error budget's.
     *
     * @param input the change request with its freeze windows and scheduled changes
     * @param budget the freeze decision of step 4, or null to keep the input's (none: said in a finding)
     * @param clock the clock
     * @return the change decision
     * @throws IllegalArgumentException if input or clock is null
     */
    public ChangeDecision evaluateChange(ChangeApproval.Input input, @Nullable FreezeDecision budget, Clock clock) {
        Checks.notNull(input, "input");
        return changes.evaluate(budget == null ? input : input.withFreeze(budget), clock);
    }
}
