package io.github.deliverykit.policy.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.metric.Comparison;
import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.metrics.budget.ErrorBudgets;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.metrics.dora.DoraConfig;
import io.github.deliverykit.metrics.dora.DoraDataset;
import io.github.deliverykit.metrics.dora.DoraEvents;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands;
import io.github.deliverykit.policy.budget.DeployFreezeConfig;
import io.github.deliverykit.policy.canary.CanaryAnalysis;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.CanaryDecision;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.RolloutPlan;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import io.github.deliverykit.policy.incident.IncidentSla;
import io.github.deliverykit.policy.incident.IncidentSlaConfig;
import io.github.deliverykit.policy.incident.IncidentSlaDecision;
import io.github.deliverykit.policy.incident.IncidentTimeline;
import io.github.deliverykit.policy.maturity.Answers;
import io.github.deliverykit.policy.maturity.Evidence;
import io.github.deliverykit.policy.maturity.MaturityAssessment;
import io.github.deliverykit.policy.maturity.MaturityAssessmentConfig;
import io.github.deliverykit.policy.maturity.MaturityDecision;
import io.github.deliverykit.policy.maturity.spi.MaturityModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ChartsTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Interval PERIOD = Interval.of(START, Duration.ofDays(30));
    private static final Slo SLO = Slo.timeBased("portal", "99.9", Window.rolling(Duration.ofDays(30)));
    private static final Incident OUTAGE = Incident.builder("INC-1", "portal", Severity.SEV2)
            .started(START.plus(Duration.ofDays(3))).detected(START.plus(Duration.ofDays(3)).plusSeconds(60))
            .acknowledged(START.plus(Duration.ofDays(3)).plusSeconds(300))
            .mitigated(START.plus(Duration.ofDays(3)).plusSeconds(600))
            .resolved(START.plus(Duration.ofDays(3)).plusSeconds(600)).build();
    private static final Interval MAINTENANCE = Interval.of(START.plus(Duration.ofDays(5)), Duration.ofHours(2));

    private static BudgetChart budgetAt(Instant at) {
        return Charts.budget(SLO, PERIOD, List.of(OUTAGE), MaintenanceSchedule.of(MAINTENANCE), at);
    }

    @Test
    void budget_startsFullAndDropsByTheIncident() {
        BudgetChart c = budgetAt(START.plus(Duration.ofDays(10)));
        // 30 days at 99.9 %: 43.2 minutes = 2592 s
        assertEquals(0, new BigDecimal("2592").compareTo(c.allowed().value()));
        assertEquals(Unit.SECONDS, c.allowed().unit());
        BudgetChart.Point first = c.points().get(0);
        BudgetChart.Point last = c.points().get(c.points().size() - 1);
        assertEquals(START, first.at());
        assertEquals(0, new BigDecimal("2592").compareTo(first.remaining().value()));
        assertEquals(0, new BigDecimal("100").compareTo(first.remainingPercent().value()));
        assertEquals(Quantity.PERCENT, first.remainingPercent().unit());
        assertEquals(START.plus(Duration.ofDays(10)), last.at());
        // the 10-minute SEV-2 outage consumed 600 s
        assertEquals(0, new BigDecimal("1992").compareTo(last.remaining().value()));
        assertEquals(List.of(new Span("INC-1", Interval.of(OUTAGE.started(), Duration.ofMinutes(10)))), c.incidents());
        assertEquals(List.of(new Span("maintenance", MAINTENANCE)), c.maintenance());
        // the incident's edges are plotted, so the step shows
        assertTrue(c.points().stream().anyMatch(p -> p.at().equals(OUTAGE.started())));
        assertTrue(c.points().stream().anyMatch(p -> p.at().equals(OUTAGE.resolved())));
        assertTrue(c.points().stream().anyMatch(p -> p.at().equals(MAINTENANCE.start())));
        for (int i = 1; i < c.points().size(); i++) {
            assertTrue(c.points().get(i).remaining().value().compareTo(c.points().get(i - 1).remaining().value()) <= 0,
                    "remaining never grows within a period");
        }
        // 31 even ticks (8 h apart) hold both starts; the incident's and the maintenance's ends are extra
        assertEquals(Charts.DEFAULT_BUDGET_TICKS + 1 + 2, c.points().size());
        assertEquals(c, budgetAt(START.plus(Duration.ofDays(10))), "same input, same chart");
    }

    @Test
    void budget_rejectsAnInstantOutsideThePeriod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> budgetAt(START.minusSeconds(1)));
        assertTrue(e.getMessage().contains("at"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> budgetAt(PERIOD.end().plusSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.budget(null, PERIOD, List.of(), MaintenanceSchedule.none(), START));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.budget(SLO, PERIOD, null, MaintenanceSchedule.none(), START));
        BudgetChart whole = budgetAt(PERIOD.end());
        assertEquals(START, whole.points().get(0).at());
        assertEquals(PERIOD.end(), whole.points().get(whole.points().size() - 1).at());
    }

    @Test
    void burnRate_perRuleWindowAgainstItsFactorAndTheFreezeLine() {
        Instant at = OUTAGE.resolved().plus(Duration.ofMinutes(20));
        BudgetStatus status = ErrorBudgets.timeBased(SLO, PERIOD, List.of(OUTAGE), MaintenanceSchedule.none(), at);
        AlertTable table = AlertTable.workbook(Duration.ofDays(30));
        BurnRateChart c = Charts.burnRate(status, List.of(OUTAGE), MaintenanceSchedule.none(), table,
                DeployFreezeConfig.DEFAULT_BURN_RATE_THRESHOLD);
        assertEquals(table.rules().size(), c.windows().size());
        assertEquals(0, new BigDecimal("1.5").compareTo(c.freezeLine().value()));
        assertEquals(Quantity.TIMES, c.freezeLine().unit());
        assertEquals(0, status.burnRate().compareTo(c.periodBurnRate().value()));
        BurnRateChart.Window first = c.windows().get(0);
        assertEquals(table.rules().get(0).name(), first.rule());
        assertEquals(0, table.rules().get(0).factor().compareTo(first.threshold().value()));
        // 10 bad minutes in the last hour at a 0.1 % budget: 10/60 / 0.001 = 166.7x, over 14.4x
        assertEquals(Duration.ofHours(1), first.longWindow());
        assertEquals(0, ErrorBudgets.burnRate(SLO, List.of(OUTAGE), MaintenanceSchedule.none(), Duration.ofHours(1), at)
                .compareTo(first.longBurnRate().value()));
        assertTrue(first.longBurnRate().doubleValue() > 100, first.toString());
        // the short window (5 min) ended after the outage: quiet
        assertEquals(0, first.shortBurnRate().value().signum());
        assertFalse(first.firing());
        assertThrows(IllegalArgumentException.class, () -> Charts.burnRate(status, List.of(), MaintenanceSchedule.none(),
                table, BigDecimal.ZERO));
    }

    @Test
    void burnRate_firesWhenBothWindowsExceedTheFactor() {
        Instant at = OUTAGE.started().plus(Duration.ofMinutes(8));
        Incident open = Incident.builder("INC-2", "portal", Severity.SEV1).started(OUTAGE.started())
                .detected(OUTAGE.started().plusSeconds(30)).build();
        BudgetStatus status = ErrorBudgets.timeBased(SLO, PERIOD, List.of(open), MaintenanceSchedule.none(), at);
        BurnRateChart c = Charts.burnRate(status, List.of(open), MaintenanceSchedule.none(),
                AlertTable.workbook(Duration.ofDays(30)), BigDecimal.ONE);
        assertTrue(c.windows().get(0).firing(), c.windows().get(0).toString());
    }

    private static DoraDataset dataset() {
        List<Deployment> deployments = new ArrayList<>();
        List<Commit> commits = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < 4; i++) {
            Instant at = START.plus(Duration.ofDays(2 + 7L * i));
            String sha = String.format("%040d", i + 1);
            commits.add(Commit.of(sha, at.minus(Duration.ofHours(2 * (i + 1)))));
            deployments.add(Deployment.builder("d" + i, "portal").environment("production").version("v" + i)
                    .at(at, at.plusSeconds(600)).outcome(i == 2 ? DeploymentOutcome.FAILED : DeploymentOutcome.SUCCESS)
                    .commits(List.of(sha)).previous(previous).build());
            previous = "d" + i;
        }
        // one incident long before the window: the events hold incident data (a change failure rate of
        // 0 is a figure, not "no data"), and no window has a time to restore
        Incident before = Incident.builder("i0", "portal", Severity.SEV3).started(START.minus(Duration.ofDays(60)))
                .resolved(START.minus(Duration.ofDays(60)).plusSeconds(600)).build();
        return DoraDataset.of(DoraEvents.builder().deployments(deployments).commits(commits)
                .incidents(List.of(before)).build(), DoraConfig.ofDefaults());
    }

    @Test
    void dora_weeklyFiguresAndBandThresholds() {
        Interval window = Interval.of(START, Duration.ofDays(24));
        PerformanceBands.BandTable bands = PerformanceBands.load().find("dora-2023").orElseThrow().table();
        DoraChart c = Charts.dora(dataset(), window, bands);
        assertEquals(4, c.weeks().size());
        assertEquals(Interval.of(START.plus(Duration.ofDays(21)), Duration.ofDays(3)), c.weeks().get(3).week());
        DoraChart.Week w0 = c.weeks().get(0);
        assertEquals(0, BigDecimal.ONE.compareTo(w0.deployments().value()));
        assertEquals(Unit.COUNT, w0.deployments().unit());
        assertEquals(Unit.PER_DAY, w0.deploymentsPerDay().unit());
        assertEquals(Quantity.HOURS, w0.leadTimeMedian().unit());
        assertEquals(0, BigDecimal.ZERO.compareTo(w0.changeFailureRate().value()));
        assertNull(w0.timeToRestoreMedian(), "no incident: no figure, never 0");
        assertEquals(0, BigDecimal.ONE.compareTo(c.weeks().get(2).changeFailureRate().value()));
        assertEquals("dora-2023", c.bandTable());
        assertFalse(c.bands().isEmpty());
        assertTrue(c.bands().stream().anyMatch(b -> b.band().equals("elite") && b.comparison() == Comparison.LESS_THAN
                && b.threshold().unit().equals(Quantity.HOURS)), c.bands().toString());
        assertEquals(c, Charts.dora(dataset(), window, bands));
        assertThrows(IllegalArgumentException.class, () -> Charts.dora(dataset(), Interval.of(START, START), bands));
        assertThrows(IllegalArgumentException.class, () -> Charts.dora(null, window, bands));
    }

    @Test
    void leadTime_distributionPerWeekAndOverall() {
        Interval window = Interval.of(START, Duration.ofDays(28));
        LeadTimeChart c = Charts.leadTime(dataset(), window);
        assertEquals(4, c.weeks().size());
        // lead times 2h 10m, 4h 10m, 8h 10m (the failed deployment ships nothing)
        assertEquals(3, c.overall().changes());
        assertEquals(Quantity.HOURS, c.overall().median().unit());
        assertEquals(0, new BigDecimal("4.16666666667").compareTo(c.overall().median().value()),
                c.overall().median().toString());
        assertEquals(1, c.weeks().get(0).changes());
        assertEquals(0, new BigDecimal("2.16666666667").compareTo(c.weeks().get(0).median().value()));
        assertEquals(0, c.weeks().get(2).changes());
        assertNull(c.weeks().get(2).median());
        assertThrows(IllegalArgumentException.class, () -> new LeadTimeChart.Distribution(window, 0,
                Quantity.of(1, Quantity.HOURS), null, null, null));
        // the histogram over the default buckets: 2h 10m is in 1-4 h, 4h 10m and 8h 10m in 4-24 h
        List<LeadTimeChart.Bucket> h = c.histogram();
        assertEquals(6, h.size());
        assertEquals(List.of(0L, 1L, 2L, 0L, 0L, 0L), h.stream().map(LeadTimeChart.Bucket::changes).toList());
        assertEquals(Quantity.seconds(Duration.ZERO), h.get(0).lower());
        assertEquals(Unit.SECONDS, h.get(1).lower().unit());
        assertEquals(0, new BigDecimal("3600").compareTo(h.get(1).lower().value()));
        assertEquals(0, new BigDecimal("14400").compareTo(h.get(1).upper().value()));
        assertEquals(0, new BigDecimal("2592000").compareTo(h.get(5).lower().value()));
        assertNull(h.get(5).upper(), "over 30 days is open-ended");
        // custom bounds from above 0 get a first bucket from 0
        LeadTimeChart custom = Charts.leadTime(dataset(), window, List.of(Duration.ofHours(3), Duration.ofHours(5)));
        assertEquals(List.of(1L, 1L, 1L), custom.histogram().stream().map(LeadTimeChart.Bucket::changes).toList());
        assertEquals(Quantity.seconds(Duration.ofHours(3)), custom.histogram().get(0).upper());
        assertThrows(IllegalArgumentException.class,
                () -> Charts.leadTime(dataset(), window, List.of(Duration.ofHours(5), Duration.ofHours(3))));
        // a chart whose histogram does not match its figures is rejected
        LeadTimeChart.Bucket open = new LeadTimeChart.Bucket(Quantity.seconds(Duration.ZERO), null, 2);
        assertThrows(IllegalArgumentException.class, () -> new LeadTimeChart(c.overall(), c.weeks(), List.of(open)));
        assertThrows(IllegalArgumentException.class, () -> new LeadTimeChart(c.overall(), c.weeks(), List.of()));
        LeadTimeChart.Bucket closed = new LeadTimeChart.Bucket(Quantity.seconds(Duration.ZERO),
                Quantity.seconds(Duration.ofHours(1)), 3);
        assertThrows(IllegalArgumentException.class, () -> new LeadTimeChart(c.overall(), c.weeks(), List.of(closed)));
        assertThrows(IllegalArgumentException.class, () -> new LeadTimeChart(c.overall(), c.weeks(),
                List.of(closed, new LeadTimeChart.Bucket(Quantity.seconds(Duration.ofHours(2)), null, 0))));
        assertThrows(IllegalArgumentException.class, () -> new LeadTimeChart.Bucket(Quantity.of(1, Quantity.HOURS),
                null, 0));
        assertThrows(IllegalArgumentException.class, () -> new LeadTimeChart.Bucket(Quantity.seconds(Duration.ofHours(2)),
                Quantity.seconds(Duration.ofHours(1)), 0));
        assertThrows(IllegalArgumentException.class, () -> new LeadTimeChart.Bucket(Quantity.seconds(Duration.ZERO),
                null, -1));
    }

    @Test
    void canary_baselineAgainstCanaryWithTheGate() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.ofDefaults();
        Instant t0 = Instant.parse("2024-01-27T08:00:00Z");
        Rollout rollout = Rollout.start(RolloutPlan.canaryDefault(), CanaryAnalysis.of(config), t0);
        List<Observation> obs = new ArrayList<>();
        obs.add(new Observation.Count(t0.plusSeconds(60), Variant.CANARY, "requests", 3, 1000));
        obs.add(new Observation.Count(t0.plusSeconds(60), Variant.BASELINE, "requests", 40, 20000));
        for (int i = 1; i <= 200; i++) {
            obs.add(new Observation.Sample(t0.plusSeconds(120), Variant.CANARY, "latency", i));
            obs.add(new Observation.Sample(t0.plusSeconds(120), Variant.BASELINE, "latency", 2 * i));
        }
        obs.add(new Observation.Health(t0.plusSeconds(120), "readiness", true));
        Rollout judged = rollout.evaluate(obs, Clock.fixed(t0.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
        CanaryChart c = Charts.canary(judged, obs, config);
        assertEquals(2, c.bars().size());
        CanaryChart.Bar rate = c.bars().get(0);
        assertEquals(Charts.ERROR_RATE, rate.metric());
        assertEquals(1, rate.stage());
        assertEquals(0, new BigDecimal("0.002").compareTo(rate.baseline().value()));
        assertEquals(0, new BigDecimal("0.003").compareTo(rate.canary().value()));
        assertEquals(Unit.RATIO, rate.canary().unit());
        assertEquals(0, new BigDecimal("0.01").compareTo(rate.gate().value()));
        assertEquals(Outcome.PASS, rate.outcome());
        CanaryChart.Bar latency = c.bars().get(1);
        assertEquals(Charts.LATENCY, latency.metric());
        // nearest-rank P99 of 1..200 is 198
        assertEquals(0, new BigDecimal("198").compareTo(latency.canary().value()));
        assertEquals(0, new BigDecimal("396").compareTo(latency.baseline().value()));
        assertEquals(Quantity.MILLISECONDS, latency.gate().unit());
        assertEquals(0, new BigDecimal("500").compareTo(latency.gate().value()));
        assertEquals(judged.history().get(judged.history().size() - 1).verdict(), latency.verdict());
        assertEquals(StageVerdict.ADVANCE, latency.verdict());
        assertEquals(0, Charts.canary(rollout, obs, config).bars().size(), "nothing evaluated, nothing drawn");
        CanaryDecision one = CanaryAnalysis.of(config).evaluate(CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(),
                judged.history().get(0).before(), obs), Clock.fixed(t0.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
        assertEquals(c, Charts.canary(one, t0, obs, config), "one decision draws what the rollout's evaluation drew");
        assertThrows(IllegalArgumentException.class, () -> Charts.canary(one, null, obs, config));
    }

    @Test
    void maturity_matrixCellsAndLevels() {
        MaturityAssessment assessment = MaturityAssessment.of(MaturityAssessmentConfig.ofDefaults());
        MaturityModel model = assessment.models().find("ai-delivery").orElseThrow();
        MaturityModel.Definition def = MaturityModel.definitionOf(model);
        Answers.Builder answers = Answers.builder();
        String firstDimension = def.dimensions().get(0).id();
        String notMet = null;
        for (MaturityModel.Criterion c : def.criteria()) {
            if (c.level() == 1) {
                answers.met(c.id());
            } else if (c.level() == 2 && c.dimension().equals(firstDimension) && notMet == null) {
                notMet = c.id();
                answers.notMet(c.id());
            }
        }
        MaturityDecision d = assessment.evaluate(MaturityAssessment.Input.of(model, answers.build(), Evidence.none()),
                Clock.fixed(START, ZoneOffset.UTC));
        MaturityChart c = Charts.maturity(d);
        assertEquals("ai-delivery", c.model());
        assertEquals(def.levels().size(), c.levels().size());
        assertEquals(def.dimensions().size(), c.rows().size());
        assertEquals(d.overallLevel(), c.currentLevel());
        assertEquals(d.overallLevel() + 1, c.targetLevel());
        MaturityChart.Row row = c.rows().get(0);
        assertEquals(firstDimension, row.dimension());
        assertEquals(CriterionStatus.MET, row.cells().get(0).status());
        assertEquals(CriterionStatus.NOT_MET, row.cells().get(1).status());
        assertEquals(1, row.cells().get(1).notMet());
        assertEquals(CriterionStatus.UNKNOWN, row.cells().get(2).status());
        assertEquals(1, row.currentLevel());
        assertEquals(2, row.targetLevel());
        assertThrows(IllegalArgumentException.class, () -> Charts.maturity(null));
    }

    @Test
    void incident_deadlinesMilestonesAndPauses() {
        IncidentSla sla = IncidentSla.of(IncidentSlaConfig.ofDefaults());
        Instant at = OUTAGE.resolved().plus(Duration.ofDays(3));
        IncidentSlaDecision d = sla.evaluate(IncidentTimeline.of(OUTAGE), Clock.fixed(at, ZoneOffset.UTC));
        IncidentChart c = Charts.incident(d);
        assertEquals("INC-1", c.id());
        assertEquals(Severity.SEV2, c.severity());
        assertEquals(List.of("started", "detected", "acknowledged", "mitigated", "resolved"),
                c.milestones().stream().map(IncidentChart.Milestone::name).toList());
        IncidentChart.Deadline response = c.deadlines().get(0);
        assertEquals("response", response.name());
        assertEquals(0, new BigDecimal("1800").compareTo(response.target().value()), "SEV-2 responds within 30 min");
        assertEquals(SlaStatus.MET, response.status());
        assertEquals("resolution", c.deadlines().get(1).name());
        assertEquals(0, new BigDecimal("28800").compareTo(c.deadlines().get(1).target().value()));
        // SEV-2 requires a post-mortem within 48 h; none was published, 3 days later it is overdue
        IncidentChart.Deadline pm = c.deadlines().get(2);
        assertEquals("post-mortem", pm.name());
        assertEquals(OUTAGE.resolved().plus(Duration.ofHours(48)), pm.deadline());
        assertEquals(SlaStatus.BREACHED, pm.status());
        assertTrue(c.pauses().isEmpty());
        assertEquals(d.verdict(), c.verdict());
    }

    @Test
    void values_rejectBadInputNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.of(Double.NaN, Unit.RATIO));
        assertTrue(e.getMessage().contains("value"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quantity.of(Double.POSITIVE_INFINITY, Unit.RATIO));
        assertThrows(IllegalArgumentException.class, () -> new Quantity(null, Unit.RATIO));
        assertThrows(IllegalArgumentException.class, () -> new Quantity(BigDecimal.ONE, null));
        assertThrows(IllegalArgumentException.class, () -> new Span(" ", PERIOD));
        assertThrows(IllegalArgumentException.class, () -> new BudgetChart("portal", PERIOD, START,
                Quantity.of(1, Unit.SECONDS), List.of(), List.of(), List.of()));
        BudgetChart.Point p = new BudgetChart.Point(START, Quantity.of(1, Unit.SECONDS), Quantity.of(1, Quantity.PERCENT));
        e = assertThrows(IllegalArgumentException.class, () -> new BudgetChart("portal", PERIOD, START,
                Quantity.of(1, Unit.SECONDS), List.of(p, p), List.of(), List.of()));
        assertTrue(e.getMessage().contains("points[1].at"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaturityChart("m", "M", List.of("a", "b"), 0, 1,
                List.of(new MaturityChart.Row("d", "D", 0, 1, List.of()))));
        assertTrue(e.getMessage().contains("rows[d].cells"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MaturityChart.Row("d", "D", 2, 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CanaryChart.Bar(0, 5, START, "x", null, null,
                Quantity.of(1, Unit.RATIO), null, StageVerdict.ADVANCE));
        assertThrows(IllegalArgumentException.class, () -> new IncidentChart.Deadline("response", START,
                START.minusSeconds(1), Quantity.of(1, Unit.SECONDS), null, SlaStatus.MET));
        assertEquals(0, new BigDecimal("5400").compareTo(Quantity.seconds(Duration.ofMinutes(90)).value()));
        assertEquals(0, new BigDecimal("1.5").compareTo(Quantity.hours(Duration.ofMinutes(90)).value()));
        assertEquals(0.1, Quantity.of(0.1, Unit.RATIO).doubleValue());
    }

    @Test
    void dora_bandsKeepTheirMeasuresUnitAndSkipWhatIsNotPlotted() {
        PerformanceBands.BandTable table = new PerformanceBands.BandTable("custom", "Custom", "test", List.of("fast", "slow"),
                List.of(new PerformanceBands.BandRule("fast", PerformanceBands.Measure.DEPLOYMENTS_PER_DAY,
                                Comparison.AT_LEAST, 1),
                        new PerformanceBands.BandRule("fast", PerformanceBands.Measure.MEDIAN_DEPLOYMENT_DAYS_PER_WEEK,
                                Comparison.AT_LEAST, 3),
                        new PerformanceBands.BandRule("fast", PerformanceBands.Measure.CHANGE_FAILURE_RATE,
                                Comparison.AT_MOST, 0.05),
                        new PerformanceBands.BandRule("fast", PerformanceBands.Measure.TIME_TO_RESTORE_MEDIAN_HOURS,
                                Comparison.LESS_THAN, 1),
                        PerformanceBands.BandRule.otherwise("slow", PerformanceBands.Measure.DEPLOYMENTS_PER_DAY)));
        DoraChart c = Charts.dora(dataset(), Interval.of(START, Duration.ofDays(7)), table);
        assertEquals(List.of(Unit.PER_DAY, Unit.RATIO, Quantity.HOURS),
                c.bands().stream().map(b -> b.threshold().unit()).toList());
        assertEquals(List.of(PerformanceBands.Measure.DEPLOYMENTS_PER_DAY, PerformanceBands.Measure.CHANGE_FAILURE_RATE,
                PerformanceBands.Measure.TIME_TO_RESTORE_MEDIAN_HOURS), c.bands().stream().map(DoraChart.Band::measure).toList());
        assertEquals(0, new BigDecimal("0.05").compareTo(c.bands().get(1).threshold().value()));
        assertEquals(1, c.weeks().size());
    }

    @Test
    void incident_sortsMilestonesAndPausesAndTracksAPendingPostMortem() {
        Instant t = START.plus(Duration.ofDays(3));
        Incident inc = Incident.builder("INC-3", "portal", Severity.SEV1).started(t).detected(t.plusSeconds(60))
                .mitigated(t.plusSeconds(120)).acknowledged(t.plusSeconds(600)).resolved(t.plusSeconds(3600)).build();
        IncidentTimeline.Pause late = new IncidentTimeline.Pause(Interval.of(t.plusSeconds(1800), t.plusSeconds(2000)),
                "vendor");
        IncidentTimeline.Pause early = new IncidentTimeline.Pause(Interval.of(t.plusSeconds(700), t.plusSeconds(900)),
                "customer");
        IncidentTimeline timeline = new IncidentTimeline(inc, null, null, null, List.of(), List.of(late, early), List.of(),
                List.of(), null, null);
        IncidentSlaDecision d = IncidentSla.of(IncidentSlaConfig.ofDefaults()).evaluate(timeline,
                Clock.fixed(t.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        IncidentChart c = Charts.incident(d);
        assertEquals(List.of("started", "detected", "mitigated", "acknowledged", "resolved"),
                c.milestones().stream().map(IncidentChart.Milestone::name).toList());
        assertEquals(List.of("customer", "vendor"), c.pauses().stream().map(Span::label).toList());
        IncidentChart.Deadline pm = c.deadlines().get(2);
        assertEquals("post-mortem", pm.name());
        assertEquals(SlaStatus.ON_TRACK, pm.status(), "due in 48 h, not yet written");
        assertNull(pm.stoppedAt());
        assertEquals(0, new BigDecimal("172800").compareTo(pm.target().value()));

        Incident open = Incident.builder("INC-4", "portal", Severity.SEV4).started(t).detected(t).build();
        IncidentChart minor = Charts.incident(IncidentSla.of(IncidentSlaConfig.ofDefaults()).evaluate(
                IncidentTimeline.of(open), Clock.fixed(t.plusSeconds(60), ZoneOffset.UTC)));
        assertEquals(List.of("response", "resolution"), minor.deadlines().stream().map(IncidentChart.Deadline::name)
                .toList(), "an open SEV-4 has no post-mortem deadline");
        assertEquals(SlaStatus.ON_TRACK, minor.deadlines().get(0).status());
    }
}
