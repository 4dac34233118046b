package io.github.deliverykit.policy.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.metrics.budget.ErrorBudgets;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.metrics.dora.DoraDataset;
import io.github.deliverykit.metrics.dora.DoraEvents;
import io.github.deliverykit.metrics.dora.DoraReport;
import io.github.deliverykit.metrics.flow.FlowData;
import io.github.deliverykit.metrics.flow.FlowMetrics;
import io.github.deliverykit.metrics.flow.FlowReport;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.budget.FreezeInput;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.RolloutPlan;
import io.github.deliverykit.policy.change.ChangeDecision;
import io.github.deliverykit.policy.change.ChangeRequest;
import io.github.deliverykit.policy.incident.IncidentSlaDecision;
import io.github.deliverykit.policy.incident.IncidentTimeline;
import io.github.deliverykit.policy.maturity.Answers;
import io.github.deliverykit.policy.maturity.Evidence;
import io.github.deliverykit.policy.maturity.MaturityDecision;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.DecidedBy;
import io.github.deliverykit.policy.release.ReadinessDecision;
import io.github.deliverykit.policy.release.ReadinessDecision.Recommendation;
import io.github.deliverykit.policy.release.Release;
import io.github.deliverykit.policy.release.ReleaseEvidence;
import io.github.deliverykit.policy.strategy.DeploymentStrategy;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.StrategyRecommendation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's whole workflow through library calls only: each step's typed result is the next
 * step's input. Assess (evidence measured by the DORA and flow reports), select the strategy from
 * the release, plan the release with it, track the error budget (the seed's 43.8 minutes, 54 %
 * left, 0.8x), deploy on the strategy's plan, judge the canary, finish (a rollback gives the
 * deployment and an incident with a classified severity), manage the incident, track the budget
 * again with that incident, evaluate a change against the same freeze decision, and feed the
 * deployment back into DORA.
 */
final class DeliveryWorkflowTest {

    static final Instant MONTH_START = Instant.parse("2024-01-01T00:00:00Z");
    static final Interval MONTH = Interval.of(MONTH_START, Duration.ofMinutes(Window.AVERAGE_MONTH_MINUTES));
    /** Minute 25,000 of the seed's 43,800-minute month: where 20 bad minutes burn 0.8x. */
    static final Instant NOW = MONTH_START.plus(Duration.ofMinutes(25_000));
    static final Slo SLO = Slo.timeBased("portal", "99.9", Window.averageMonth());
    static final MaintenanceSchedule MAINTENANCE = MaintenanceSchedule.of(
            Interval.of(Instant.parse("2024-01-14T02:00:00Z"), Duration.ofHours(2)));

    static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    /** The seed's month: incident 1 of 15 minutes, incident 2 of 5, one inside scheduled maintenance. */
    static List<Incident> seedIncidents() {
        return List.of(
                Incident.builder("INC-1", "portal", Severity.SEV2).started(Instant.parse("2024-01-05T10:00:00Z"))
                        .mitigated(Instant.parse("2024-01-05T10:15:00Z")).resolved(Instant.parse("2024-01-05T11:00:00Z"))
                        .build(),
                Incident.builder("INC-2", "portal", Severity.SEV3).started(Instant.parse("2024-01-09T16:00:00Z"))
                        .mitigated(Instant.parse("2024-01-09T16:05:00Z")).resolved(Instant.parse("2024-01-09T17:00:00Z"))
                        .build(),
                Incident.builder("INC-3", "portal", Severity.SEV4).started(Instant.parse("2024-01-14T02:30:00Z"))
                        .mitigated(Instant.parse("2024-01-14T03:00:00Z")).resolved(Instant.parse("2024-01-14T03:00:00Z"))
                        .build());
    }

    static FreezeDecision budget(DeliveryManager manager, List<Incident> incidents, Instant t, String changeId,
            ChangeKind kind) {
        BudgetStatus status = ErrorBudgets.timeBased(SLO, MONTH, incidents, MAINTENANCE, t);
        return manager.trackBudget(FreezeInput.of(new FreezeInput.Request("portal", changeId, kind), status), at(t));
    }

    static Deployment deployed(String id, String at, String sha) {
        Instant t = Instant.parse(at);
        return new Deployment(id, "portal", "production", id, t, t.plus(Duration.ofMinutes(20)),
                DeploymentOutcome.SUCCESS, List.of(sha), null);
    }

    static DoraEvents.Builder history() {
        return DoraEvents.builder()
                .commits(new Commit("aaa1", Instant.parse("2024-01-02T09:00:00Z"), Instant.parse("2024-01-02T09:00:00Z")),
                        new Commit("bbb2", Instant.parse("2024-01-06T09:00:00Z"), Instant.parse("2024-01-06T09:00:00Z")),
                        new Commit("ccc3", Instant.parse("2024-01-10T09:00:00Z"), Instant.parse("2024-01-10T09:00:00Z")),
                        new Commit("ddd4", Instant.parse("2024-01-15T09:00:00Z"), Instant.parse("2024-01-15T09:00:00Z")),
                        new Commit("eee5", Instant.parse("2024-01-18T07:00:00Z"), Instant.parse("2024-01-18T07:00:00Z")))
                .deployments(deployed("v2.4.0", "2024-01-02T10:00:00Z", "aaa1"),
                        deployed("v2.4.1", "2024-01-06T10:00:00Z", "bbb2"),
                        deployed("v2.4.2", "2024-01-10T10:00:00Z", "ccc3"),
                        deployed("v2.4.3", "2024-01-15T10:00:00Z", "ddd4"))
                .incidents(seedIncidents());
    }

    /** One pull request with three CI runs of 8 minutes each, 80 of 100 cache lookups hit. */
    static FlowData flow() {
        Instant opened = Instant.parse("2024-01-16T09:00:00Z");
        List<CiRun> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant pushed = opened.plus(Duration.ofHours(i));
            runs.add(new CiRun("run-" + i, "pr-7", pushed, pushed, pushed.plus(Duration.ofMinutes(8)),
                    i < 2 ? CiRun.Outcome.FAILED : CiRun.Outcome.PASSED, i == 0 ? 20 : 30, i == 0 ? 0 : 10));
        }
        return FlowData.builder()
                .pullRequests(new PullRequest("pr-7", "acme/portal", "checkout", "alice", opened,
                        opened.plus(Duration.ofHours(4)), null))
                .ciRuns(runs).build();
    }

    static Answers answers() {
        Map<String, Answers.Answer> a = new LinkedHashMap<>();
        for (String id : List.of("cicd.L1.01", "cicd.L1.02", "cicd.L1.03", "cicd.L1.04", "cicd.L2.02", "cicd.L2.03",
                "cicd.L2.04", "merge-deploy.L1.01", "merge-deploy.L1.02", "merge-deploy.L1.03")) {
            a.put(id, Answers.Answer.of(CriterionStatus.MET));
        }
        return Answers.of(a);
    }

    static ReleaseEvidence seedEvidence() {
        return ReleaseEvidence.builder().openBugs(0, 0).p99Latency(Duration.ofMillis(320)).securityScan(0, 0)
                .loadTestPeakMultiple(2.0).uatSignOff(LocalDate.of(2024, 1, 17)).documentation(true, 2)
                .runbookReviewed(true).build();
    }

    static ChangeRequest change(ChangeKind kind, ChangeRequest.Type type) {
        Instant submitted = NOW.minus(Duration.ofDays(6));
        return ChangeRequest.builder("CHG-1042", type, kind, "portal", "alice", submitted)
                .description("Backfill prices of saved carts created before v2.4")
                .justification("Post-mortem action item of the v2.5.0 rollback")
                .impact(new ChangeRequest.Impact(List.of("db-primary"), List.of("portal"), 800, Duration.ZERO))
                .implementationPlan("Run the backfill job in batches of 10,000 carts")
                .rollbackPlan("Restore the carts table from the pre-change snapshot")
                .testingPlan("Dry run on the staging copy; compare totals")
                .window(Interval.of(NOW.plus(Duration.ofHours(14)), Duration.ofHours(2)))
                .approval("carol", ChangeRequest.Role.CAB)
                .build();
    }

    @Test
    void seedWorkflow_eachStepConsumesThePreviousStepsTypedResult() {
        DeliveryManager manager = DeliveryManager.of(DeliveryManagerConfig.ofDefaults());
        Interval window = Interval.of(MONTH_START, NOW);

        // 1. assess: the evidence is what the DORA and flow reports measured, nobody copied a number
        DoraReport dora = DoraDataset.of(history().build()).report(window);
        FlowReport flowReport = FlowMetrics.ofDefaults().evaluate(flow(), window);
        Evidence evidence = Evidence.from(dora.measurements(), flowReport.measurements());
        MaturityDecision maturity = manager.assess("ai-delivery", answers(), evidence, at(NOW));
        MaturityDecision.CriterionResult ciFast = maturity.criterion("cicd.L2.01");
        assertEquals(DecidedBy.EVIDENCE, ciFast.decidedBy());
        assertEquals(CriterionStatus.MET, ciFast.status());
        assertEquals(0, new BigDecimal("480").compareTo(ciFast.measurement().value()), "median CI duration 8 min");
        MaturityDecision.CriterionResult cache = maturity.criterion("cicd.L2.05");
        assertEquals(DecidedBy.EVIDENCE, cache.decidedBy());
        assertEquals(0, new BigDecimal("0.8").compareTo(cache.measurement().value()), "80 of 100 lookups hit");
        MaturityDecision.CriterionResult weekly = maturity.criterion("merge-deploy.L1.04");
        assertEquals(DecidedBy.EVIDENCE, weekly.decidedBy());
        assertEquals(dora.measurement(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK).orElseThrow(), weekly.measurement());
        assertEquals(2, maturity.level("cicd"), maturity.toMarkdown());

        // 2. select the strategy from the release: minor release, high traffic, no 2x capacity -> canary
        Release release = Release.of("v2.5.0", "v2.4.3", LocalDate.of(2024, 1, 25));
        StrategyRecommendation strategy = manager.selectStrategy(release,
                DeploymentConstraints.builder().traffic(DeploymentConstraints.TrafficVolume.HIGH).build(), at(NOW));
        assertEquals(java.util.Optional.of(DeploymentStrategy.CANARY), strategy.recommended());

        // 3. plan the release with that strategy: the seed's CONDITIONAL GO (documentation pending)
        ReadinessDecision readiness = manager.planRelease(release, seedEvidence(), strategy, at(NOW));
        assertEquals(Recommendation.CONDITIONAL_GO, readiness.verdict());
        assertEquals(List.of("Complete documentation review before T-0"), readiness.conditions());
        assertSame(strategy, readiness.strategy());

        // 4. track the error budget: the seed's 43.8 min, 20 used, 23.8 left (54 %), burn rate 0.8x
        FreezeDecision freeze = budget(manager, seedIncidents(), NOW, "portal-v2.5.0", ChangeKind.ROUTINE);
        assertEquals(0, new BigDecimal("2628").compareTo(freeze.budget().allowed()), "43.8 min");
        assertEquals(0, new BigDecimal("1200").compareTo(freeze.budget().consumed()), "20 min; maintenance excluded");
        assertEquals(0, new BigDecimal("1428").compareTo(freeze.budget().remaining()), "23.8 min");
        assertEquals(54, freeze.remainingPercent().intValue());
        assertEquals(0, new BigDecimal("0.8").compareTo(freeze.burnRate().setScale(1, java.math.RoundingMode.HALF_UP)));
        assertEquals(FreezeDecision.Verdict.ALLOW, freeze.verdict());

        // 5. deploy: the release's strategy gives the rollout plan; the budget lets it through
        DeployDecision deploy = manager.deploy(readiness, freeze, at(NOW));
        assertEquals(DeployDecision.Verdict.STARTED, deploy.verdict(), deploy.toDecision().toText("deploy"));
        assertEquals(RolloutPlan.of(strategy), deploy.plan());
        assertEquals(List.of(5.0, 25.0, 50.0, 100.0), deploy.plan().stages().stream()
                .map(RolloutPlan.Stage::weightPercent).toList());
        assertEquals(Level.WARN, deploy.findings().find("workflow.deploy.conditional").orElseThrow().level());
        Rollout rollout = deploy.startedRollout().orElseThrow();

        // 6. judge stage 1: 3 % canary errors breach the 1 % gate -> rollback
        Instant tenMinutes = NOW.plus(Duration.ofMinutes(10));
        Instant sampled = NOW.plus(Duration.ofMinutes(5));
        List<Observation> observations = List.of(
                new Observation.Count(sampled, Variant.CANARY, "requests", 30, 1000),
                new Observation.Count(sampled, Variant.BASELINE, "requests", 40, 19000));
        Rollout judged = manager.judge(rollout, observations, freeze, at(tenMinutes));
        assertEquals(Rollout.Phase.ROLLED_BACK, judged.state().phase(), judged.toText());

        // 7. finish: the core deployment (ROLLED_BACK) and an incident with a classified severity
        RolloutOutcome outcome = manager.finish(judged, new RolloutOutcome.Target("portal-v2.5.0", "portal",
                "production", "v2.5.0", List.of("eee5")), at(tenMinutes));
        assertEquals(DeploymentOutcome.ROLLED_BACK, outcome.deployment().outcome());
        assertEquals(tenMinutes, outcome.deployment().finished());
        RolloutOutcome.IncidentCandidate candidate = outcome.incidentCandidate().orElseThrow();
        Incident incident = candidate.incident();
        assertEquals("portal-v2.5.0", incident.causeDeploymentId());
        assertEquals(0, new BigDecimal("0.05").compareTo(incident.impact()), "5 % of traffic was exposed");
        assertEquals(NOW, incident.started());
        assertEquals(tenMinutes, incident.detected());
        assertEquals(tenMinutes, incident.mitigated());
        assertEquals(candidate.classification().severity(), incident.severity());
        assertEquals(Severity.SEV3, incident.severity(), candidate.classification().findings().toText());
        assertTrue(candidate.rollback().breaches().stream().anyMatch(b -> b.contains("error-rate")),
                candidate.rollback().breaches().toString());

        // 8. manage the incident: SEV-3 responds within 2 h, resolves within 24 h
        Instant later = tenMinutes.plus(Duration.ofMinutes(5));
        IncidentSlaDecision sla = manager.manageIncident(IncidentTimeline.of(incident), at(later));
        assertEquals(Duration.ofHours(2), sla.response().target());
        assertEquals(Duration.ofHours(24), sla.resolution().target());
        assertEquals(SlaStatus.ON_TRACK, sla.verdict());

        // 9. track the budget again: the rollback incident consumed 10 min x 5 % = 30 s more
        List<Incident> withRollback = new ArrayList<>(seedIncidents());
        withRollback.add(incident);
        FreezeDecision after = budget(manager, withRollback, later, "CHG-1042", ChangeKind.ROUTINE);
        assertEquals(0, new BigDecimal("1230").compareTo(after.budget().consumed()), after.budget().toString());
        assertEquals(FreezeDecision.Verdict.ALLOW, after.verdict());

        // 10. evaluate the change against that freeze decision: the budget allows it, the CAB approved
        ChangeDecision change = manager.evaluateChange(change(ChangeKind.ROUTINE, ChangeRequest.Type.NORMAL), after,
                at(later));
        assertEquals(ChangeDecision.Verdict.APPROVED, change.verdict(), change.toDecision().toText("change"));
        assertEquals(Level.PASS, change.findings().find("freeze-error-budget.clear").orElseThrow().level());

        // 11. the deployment feeds DORA back: one failed change among five deployments
        DoraReport next = DoraDataset.of(history().deployments(outcome.deployment()).incidents(incident).build())
                .report(Interval.of(MONTH_START, later));
        assertEquals(0.2, next.measurement(MetricKeys.DORA_CHANGE_FAILURE_RATE).orElseThrow().value().doubleValue(),
                1e-12);
    }

    @Test
    void hotBudget_blocksTheDeployAndFreezesRoutineChanges_butLetsCriticalOnesThrough() {
        DeliveryManager manager = DeliveryManager.ofDefaults();
        // 40 bad minutes by minute 25,000: burn rate 1.6x > 1.5x
        List<Incident> hot = List.of(Incident.builder("INC-9", "portal", Severity.SEV1)
                .started(Instant.parse("2024-01-05T10:00:00Z")).mitigated(Instant.parse("2024-01-05T10:40:00Z"))
                .resolved(Instant.parse("2024-01-05T11:00:00Z")).build());
        FreezeDecision freeze = budget(manager, hot, NOW, "portal-v2.5.0", ChangeKind.ROUTINE);
        assertEquals(FreezeDecision.Verdict.FREEZE, freeze.verdict());

        Release release = Release.of("v2.5.0", "v2.4.3", LocalDate.of(2024, 1, 25));
        StrategyRecommendation strategy = manager.selectStrategy(release, DeploymentConstraints.builder().build(),
                at(NOW));
        ReadinessDecision readiness = manager.planRelease(release, seedEvidence(), strategy, at(NOW));
        DeployDecision deploy = manager.deploy(readiness, freeze, at(NOW));
        assertEquals(DeployDecision.Verdict.BLOCKED, deploy.verdict());
        assertTrue(deploy.startedRollout().isEmpty());
        assertEquals(Level.FAIL, deploy.findings().find("workflow.deploy.frozen").orElseThrow().level());

        ChangeDecision routine = manager.evaluateChange(change(ChangeKind.ROUTINE, ChangeRequest.Type.NORMAL), freeze,
                at(NOW));
        assertEquals(ChangeDecision.Verdict.REJECTED, routine.verdict());
        assertEquals(Level.FAIL, routine.findings().find("freeze-error-budget.frozen").orElseThrow().level());

        FreezeDecision forCritical = budget(manager, hot, NOW, "CHG-1043", ChangeKind.CRITICAL);
        assertEquals(FreezeDecision.Verdict.ALLOW, forCritical.verdict());
        ChangeDecision critical = manager.evaluateChange(change(ChangeKind.CRITICAL, ChangeRequest.Type.EMERGENCY)
                .withApproval(ChangeRequest.Approval.of("dave", ChangeRequest.Role.ON_CALL)), forCritical,
                at(NOW));
        assertFalse(critical.findings().find("freeze-error-budget.frozen").isPresent(), critical.findings().toText());
        assertNotNull(critical.findings().find("freeze-error-budget.exempt").orElseThrow());
    }

    @Test
    void noGoRelease_isBlockedEvenWithAnOpenBudget_andNoBudget_isSaid() {
        DeliveryManager manager = DeliveryManager.ofDefaults();
        Release release = Release.of("v2.5.0", "v2.4.3", LocalDate.of(2024, 1, 25));
        StrategyRecommendation strategy = manager.selectStrategy(release, DeploymentConstraints.builder().build(),
                at(NOW));
        ReleaseEvidence failing = ReleaseEvidence.builder().openBugs(2, 0).p99Latency(Duration.ofMillis(320))
                .securityScan(0, 0).loadTestPeakMultiple(2.0).uatSignOff(LocalDate.of(2024, 1, 17))
                .documentation(true, 0).runbookReviewed(true).build();
        ReadinessDecision noGo = manager.planRelease(release, failing, strategy, at(NOW));
        assertEquals(Recommendation.NO_GO, noGo.verdict());
        DeployDecision deploy = manager.deploy(noGo, null, at(NOW));
        assertEquals(DeployDecision.Verdict.BLOCKED, deploy.verdict());
        assertEquals(List.of("workflow.deploy.no_go", "workflow.deploy.budget_unknown"), deploy.findings().codes());
    }

    @Test
    void manualAbort_givesARolledBackDeploymentButNoIncident() {
        DeliveryManager manager = DeliveryManager.ofDefaults();
        Release release = Release.of("v2.5.0", "v2.4.3", LocalDate.of(2024, 1, 25));
        StrategyRecommendation strategy = manager.selectStrategy(release,
                DeploymentConstraints.builder().traffic(DeploymentConstraints.TrafficVolume.HIGH).build(), at(NOW));
        ReadinessDecision readiness = manager.planRelease(release, seedEvidence(), strategy, at(NOW));
        Rollout rollout = manager.deploy(readiness, null, at(NOW)).startedRollout().orElseThrow()
                .abort(NOW.plus(Duration.ofMinutes(3)), "wrong build");
        RolloutOutcome outcome = manager.finish(rollout, new RolloutOutcome.Target("portal-v2.5.0", "portal",
                "production", "v2.5.0", List.of()), at(NOW.plus(Duration.ofMinutes(3))));
        assertEquals(DeploymentOutcome.ROLLED_BACK, outcome.verdict());
        assertTrue(outcome.incidentCandidate().isEmpty());
        assertEquals(List.of("workflow.rollout.rolled_back", "workflow.incident.none_manual"),
                outcome.findings().codes());
    }

    @Test
    void sameInput_sameOutput() {
        DeliveryManager a = DeliveryManager.ofDefaults();
        DeliveryManager b = DeliveryManager.load(DeliveryManagerConfig.from(DeliveryManagerConfig.ofDefaults()).build());
        FreezeDecision fa = budget(a, seedIncidents(), NOW, "x", ChangeKind.ROUTINE);
        FreezeDecision fb = budget(b, seedIncidents(), NOW, "x", ChangeKind.ROUTINE);
        assertEquals(fa, fb);
        assertEquals(fa.toDecision().toText("freeze"), fb.toDecision().toText("freeze"));
        assertEquals(a.config(), b.config());
    }
}
