package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.metric.Comparison;
import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.metrics.budget.ErrorBudgets;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.metrics.dora.DoraDataset;
import io.github.deliverykit.metrics.dora.DoraReport;
import io.github.deliverykit.metrics.dora.DurationSummary;
import io.github.deliverykit.metrics.dora.LeadTimeHistogram;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.BandRule;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.BandTable;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.Measure;
import io.github.deliverykit.metrics.stats.Quantiles;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.CanaryDecision;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageData;
import io.github.deliverykit.policy.incident.IncidentSlaDecision;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockResult;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemReview;
import io.github.deliverykit.policy.incident.IncidentTimeline;
import io.github.deliverykit.policy.maturity.MaturityDecision;
import io.github.deliverykit.policy.maturity.MaturityDecision.CriterionResult;
import io.github.deliverykit.policy.maturity.MaturityDecision.DimensionResult;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.MaturityLevel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds chart data from the public results of the workflow's steps. Every method is a pure
 * function of its arguments (no clock, no randomness): equal inputs give equal charts. Thread-safe.
 * Like the metrics calculators this is not an engine with a config and a verdict: a chart decides
 * nothing, it lays out numbers that the steps already computed (or recomputes them through the same
 * public calculators, e.g. the budget at each plotted instant).
 */
public final class Charts {

    /** The most points {@link #budget} plots: one per day of a month, plus every incident and maintenance edge. */
    public static final int DEFAULT_BUDGET_TICKS = 30;

    /** The most points a budget chart may hold, whatever the number of incidents. */
    public static final int MAX_BUDGET_POINTS = 2_000;

    /** The metric name of the canary error-rate gate, as the built-in threshold judge reports it. */
    public static final String ERROR_RATE = "error-rate";

    /** The metric name of the canary latency gate, as the built-in threshold judge reports it. */
    public static final String LATENCY = "latency";

    private static final Logger LOG = LoggerFactory.getLogger(Charts.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final String THRESHOLD_JUDGE = "threshold";

    private Charts() {}

    /**
     * The error budget remaining over a time-based SLO's period, from the period's start to
     * {@code at}: {@link #DEFAULT_BUDGET_TICKS} evenly spaced points plus a point at every incident
     * and maintenance edge, so that every change of slope shows.
     *
     * @param slo a time-based SLO
     * @param period the budget period
     * @param incidents the incidents; only those of the SLO's service count
     * @param maintenance the scheduled maintenance, excluded from consumption
     * @param at the evaluation instant, within the period
     * @return the chart
     * @throws IllegalArgumentException if an argument is null, {@code at} is outside the period or the SLO is not time-based
     */
    public static BudgetChart budget(Slo slo, Interval period, Collection<Incident> incidents,
            MaintenanceSchedule maintenance, Instant at) {
        Checks.notNull(slo, "slo");
        Checks.notNull(period, "period");
        List<Incident> list = Checks.listOf(incidents, "incidents");
        Checks.notNull(maintenance, "maintenance");
        Checks.notNull(at, "at");
        if (at.isBefore(period.start()) || at.isAfter(period.end())) {
            throw Checks.invalid("at", "must lie within the period " + period, at);
        }
        BudgetStatus last = ErrorBudgets.timeBased(slo, period, list, maintenance, at);
        Unit unit = unitOf(last.unit());
        List<Span> incidentSpans = new ArrayList<>();
        for (BudgetStatus.IncidentCharge c : last.incidents()) {
            if (!c.interval().isEmpty()) {
                incidentSpans.add(new Span(c.id(), c.interval()));
            }
        }
        List<Span> maintenanceSpans = new ArrayList<>();
        for (Interval m : maintenance.within(period).intervals()) {
            maintenanceSpans.add(new Span("maintenance", m));
        }
        TreeSet<Instant> ticks = new TreeSet<>();
        ticks.add(period.start());
        ticks.add(at);
        Duration observed = Duration.between(period.start(), at);
        for (int i = 1; i < DEFAULT_BUDGET_TICKS; i++) {
            ticks.add(period.start().plus(observed.multipliedBy(i).dividedBy(DEFAULT_BUDGET_TICKS)));
        }
        for (Span s : incidentSpans) {
            edges(ticks, s.interval(), period.start(), at);
        }
        for (Span s : maintenanceSpans) {
            edges(ticks, s.interval(), period.start(), at);
        }
        while (ticks.size() > MAX_BUDGET_POINTS) {
            // thin out evenly but keep both ends
            List<Instant> all = new ArrayList<>(ticks);
            ticks.clear();
            for (int i = 0; i < all.size(); i += 2) {
                ticks.add(all.get(i));
            }
            ticks.add(at);
        }
        List<BudgetChart.Point> points = new ArrayList<>();
        for (Instant t : ticks) {
            BudgetStatus s = t.equals(at) ? last : ErrorBudgets.timeBased(slo, period, list, maintenance, t);
            points.add(new BudgetChart.Point(t, new Quantity(s.remaining().stripTrailingZeros(), unit),
                    new Quantity(s.remainingPercent().stripTrailingZeros(), Quantity.PERCENT)));
        }
        LOG.debug("budget chart of {}: {} points, {} incidents, {} maintenance windows", slo.service(), points.size(),
                incidentSpans.size(), maintenanceSpans.size());
        return new BudgetChart(slo.service(), period, at, new Quantity(last.allowed().stripTrailingZeros(), unit), points,
                incidentSpans, maintenanceSpans);
    }

    private static void edges(TreeSet<Instant> ticks, Interval interval, Instant from, Instant to) {
        for (Instant e : List.of(interval.start(), interval.end())) {
            if (!e.isBefore(from) && !e.isAfter(to)) {
                ticks.add(e);
            }
        }
    }

    private static Unit unitOf(BudgetStatus.BudgetUnit unit) {
        return unit == BudgetStatus.BudgetUnit.SECONDS ? Unit.SECONDS : Unit.COUNT;
    }

    /**
     * The burn rate of a time-based SLO over each rule's long and short window ending at {@code at},
     * against the rule's factor, with the freeze line.
     *
     * @param status the budget status (its SLO, period burn rate and instant are used)
     * @param incidents the incidents the status was computed from
     * @param maintenance the scheduled maintenance
     * @param table the alert rules, e.g. {@code AlertTable.workbook(period)}
     * @param freezeThreshold the deploy-freeze burn rate, e.g. {@code DeployFreezeConfig.DEFAULT_BURN_RATE_THRESHOLD}
     * @return the chart
     * @throws IllegalArgumentException if an argument is null, the threshold not positive or the SLO not time-based
     */
    public static BurnRateChart burnRate(BudgetStatus status, Collection<Incident> incidents,
            MaintenanceSchedule maintenance, AlertTable table, BigDecimal freezeThreshold) {
        Checks.notNull(status, "status");
        List<Incident> list = Checks.listOf(incidents, "incidents");
        Checks.notNull(maintenance, "maintenance");
        Checks.notNull(table, "table");
        Checks.positive(freezeThreshold, "freezeThreshold");
        Slo slo = status.slo();
        Instant at = status.at();
        List<BurnRateChart.Window> windows = new ArrayList<>();
        for (BurnRateRule r : table.rules()) {
            BigDecimal lng = ErrorBudgets.burnRate(slo, list, maintenance, r.longWindow(), at);
            BigDecimal shrt = ErrorBudgets.burnRate(slo, list, maintenance, r.shortWindow(), at);
            boolean firing = lng.compareTo(r.factor()) > 0 && shrt.compareTo(r.factor()) > 0;
            windows.add(new BurnRateChart.Window(r.name(), r.severity(), r.longWindow(), r.shortWindow(),
                    times(lng), times(shrt), times(r.factor()), firing));
        }
        return new BurnRateChart(slo.service(), at, times(status.burnRate()), times(freezeThreshold), windows);
    }

    private static Quantity times(BigDecimal v) {
        return new Quantity(v.stripTrailingZeros(), Quantity.TIMES);
    }

    /**
     * The DORA figures of each week of a window (consecutive 7-day intervals from the window's
     * start, the last one cut at the window's end), with a band table's thresholds.
     *
     * @param dataset the indexed events
     * @param window the window
     * @param bands the band table, e.g. {@code dora-2023}
     * @return the chart
     * @throws IllegalArgumentException if an argument is null or the window empty or longer than the dataset allows
     */
    public static DoraChart dora(DoraDataset dataset, Interval window, BandTable bands) {
        Checks.notNull(dataset, "dataset");
        Checks.notNull(bands, "bands");
        List<DoraChart.Week> weeks = new ArrayList<>();
        for (Interval w : weeks(window)) {
            DoraReport r = dataset.report(w);
            DoraReport.DeploymentFrequency f = r.deploymentFrequency();
            weeks.add(new DoraChart.Week(w, Quantity.of(f.deployments(), Unit.COUNT), Quantity.of(f.perDay(), Unit.PER_DAY),
                    hours(r.leadTime().summary().medianMillis()), ratio(r.changeFailureRate().value()),
                    hours(r.timeToRestore().summary().medianMillis())));
        }
        List<DoraChart.Band> list = new ArrayList<>();
        for (BandRule rule : bands.rules()) {
            Comparison comparison = rule.comparison();
            Unit unit = unitOf(rule.measure());
            if (comparison == null || rule.isCatchAll() || unit == null) {
                continue;
            }
            list.add(new DoraChart.Band(rule.measure().metric(), rule.measure(), rule.band(), comparison,
                    Quantity.of(rule.threshold(), unit)));
        }
        return new DoraChart(window, bands.id(), weeks, list);
    }

    /** The unit of a measure this chart plots, or null for a measure it does not plot. */
    private static @Nullable Unit unitOf(Measure measure) {
        switch (measure) {
            case DEPLOYMENTS_PER_DAY:
                return Unit.PER_DAY;
            case LEAD_TIME_MEDIAN_HOURS:
            case TIME_TO_RESTORE_MEDIAN_HOURS:
                return Quantity.HOURS;
            case CHANGE_FAILURE_RATE:
                return Unit.RATIO;
            default:
                return null;
        }
    }

    /**
     * The lead-time distribution of a window and of each of its weeks, with the window's histogram
     * over {@link LeadTimeHistogram#DEFAULT_BOUNDS} (under 1 h, 1-4 h, 4-24 h, 1-7 days, 7-30 days,
     * over 30 days).
     *
     * @param dataset the indexed events
     * @param window the window
     * @return the chart
     * @throws IllegalArgumentException if an argument is null or the window empty
     */
    public static LeadTimeChart leadTime(DoraDataset dataset, Interval window) {
        return leadTime(dataset, window, LeadTimeHistogram.DEFAULT_BOUNDS);
    }

    /**
     * The lead-time distribution of a window and of each of its weeks, with the window's histogram
     * over the given bounds: one bucket per pair of bounds, a first bucket from 0 when the first
     * bound is above 0, and an open-ended last bucket from the last bound.
     *
     * @param dataset the indexed events
     * @param window the window
     * @param bounds the bucket bounds, as {@link DoraDataset#leadTimeHistogram(Interval, List)} takes them
     * @return the chart
     * @throws IllegalArgumentException if an argument is null, the window empty or the bounds bad
     */
    public static LeadTimeChart leadTime(DoraDataset dataset, Interval window, List<Duration> bounds) {
        Checks.notNull(dataset, "dataset");
        List<Interval> weekWindows = weeks(window);
        LeadTimeHistogram h = dataset.leadTimeHistogram(window, bounds);
        List<LeadTimeChart.Distribution> weeks = new ArrayList<>();
        for (Interval w : weekWindows) {
            weeks.add(distribution(w, dataset.leadTime(w).summary()));
        }
        List<Duration> b = h.bounds();
        List<LeadTimeChart.Bucket> buckets = new ArrayList<>();
        if (!b.get(0).isZero()) {
            buckets.add(new LeadTimeChart.Bucket(Quantity.seconds(Duration.ZERO), Quantity.seconds(b.get(0)),
                    h.below()));
        }
        for (int i = 0; i < h.buckets(); i++) {
            buckets.add(new LeadTimeChart.Bucket(Quantity.seconds(b.get(i)), Quantity.seconds(b.get(i + 1)),
                    h.count(i)));
        }
        buckets.add(new LeadTimeChart.Bucket(Quantity.seconds(b.get(b.size() - 1)), null, h.atOrAbove()));
        return new LeadTimeChart(distribution(window, dataset.leadTime(window).summary()), weeks, buckets);
    }

    private static LeadTimeChart.Distribution distribution(Interval interval, DurationSummary s) {
        return new LeadTimeChart.Distribution(interval, s.sampleSize(), hours(s.medianMillis()), hours(s.p90Millis()),
                hours(s.p95Millis()), hours(s.meanMillis()));
    }

    private static List<Interval> weeks(Interval window) {
        Checks.notNull(window, "window");
        if (window.isEmpty()) {
            throw Checks.invalid("window", "must not be empty", window);
        }
        if (window.duration().compareTo(Duration.ofDays(DoraDataset.MAX_WINDOW_DAYS)) > 0) {
            throw Checks.invalid("window", "must not be longer than " + DoraDataset.MAX_WINDOW_DAYS + " days", window);
        }
        List<Interval> out = new ArrayList<>();
        Instant start = window.start();
        while (start.isBefore(window.end())) {
            Instant end = start.plus(WEEK);
            if (end.isAfter(window.end())) {
                end = window.end();
            }
            out.add(Interval.of(start, end));
            start = end;
        }
        return out;
    }

    private static @Nullable Quantity hours(OptionalDouble millis) {
        if (millis.isEmpty()) {
            return null;
        }
        return new Quantity(BigDecimal.valueOf(millis.getAsDouble()).divide(BigDecimal.valueOf(3_600_000L),
                new MathContext(12, RoundingMode.HALF_EVEN)).stripTrailingZeros(), Quantity.HOURS);
    }

    private static @Nullable Quantity ratio(OptionalDouble v) {
        return v.isEmpty() ? null : Quantity.of(v.getAsDouble(), Unit.RATIO);
    }

    /**
     * The canary against its baseline at each evaluated stage of a rollout: the error rate of the
     * request metric and the latency quantile of the latency metric, each with its gate. The data of
     * an evaluation is the observations of its stage up to the evaluation, as the judges saw them.
     *
     * @param rollout the rollout
     * @param observations the observations the rollout was evaluated on
     * @param config the canary configuration the rollout was judged with
     * @return the chart
     * @throws IllegalArgumentException if an argument or an observation is null
     */
    public static CanaryChart canary(Rollout rollout, Collection<? extends Observation> observations,
            CanaryAnalysisConfig config) {
        Checks.notNull(rollout, "rollout");
        List<Observation> list = Checks.listOf(observations, "observations");
        Checks.notNull(config, "config");
        List<CanaryChart.Bar> bars = new ArrayList<>();
        for (Rollout.Event e : rollout.history()) {
            CanaryDecision d = e.decision();
            if (d != null) {
                bars(bars, d, e.before().stageStartedAt(), list, config);
            }
        }
        return new CanaryChart(bars);
    }

    /**
     * The canary against its baseline at one stage evaluation made without a {@link Rollout}
     * (e.g. {@code CanaryAnalysis.evaluate} on a stage input).
     *
     * @param decision the stage decision
     * @param stageStartedAt when the evaluated stage started (its data runs from here to the decision)
     * @param observations the observations the stage was evaluated on
     * @param config the canary configuration it was judged with
     * @return the chart
     * @throws IllegalArgumentException if an argument or an observation is null
     */
    public static CanaryChart canary(CanaryDecision decision, Instant stageStartedAt,
            Collection<? extends Observation> observations, CanaryAnalysisConfig config) {
        Checks.notNull(decision, "decision");
        Checks.notNull(stageStartedAt, "stageStartedAt");
        List<Observation> list = Checks.listOf(observations, "observations");
        Checks.notNull(config, "config");
        List<CanaryChart.Bar> bars = new ArrayList<>();
        bars(bars, decision, stageStartedAt, list, config);
        return new CanaryChart(bars);
    }

    private static void bars(List<CanaryChart.Bar> bars, CanaryDecision d, Instant from, List<Observation> list,
            CanaryAnalysisConfig config) {
        {
            StageData data = StageData.collect(list, from.isAfter(d.at()) ? d.at() : from, d.at(), null);
            int stage = d.stageIndex() + 1;
            String requests = config.requestMetric();
            bars.add(new CanaryChart.Bar(stage, d.weightPercent(), d.at(), ERROR_RATE,
                    errorRate(data.counts(requests, Variant.BASELINE)), errorRate(data.counts(requests, Variant.CANARY)),
                    Quantity.of(config.maxErrorRate(), Unit.RATIO), outcome(d, ERROR_RATE), d.verdict()));
            if (config.latencyGate()) {
                String latency = config.latencyMetric();
                double q = config.latencyQuantile();
                bars.add(new CanaryChart.Bar(stage, d.weightPercent(), d.at(), LATENCY,
                        quantile(data.samples(latency, Variant.BASELINE), q),
                        quantile(data.samples(latency, Variant.CANARY), q),
                        Quantity.of(config.latencyThreshold(), Quantity.MILLISECONDS), outcome(d, LATENCY), d.verdict()));
            }
        }
    }

    private static @Nullable Quantity errorRate(StageData.Tally t) {
        return t.total() == 0 ? null : Quantity.of(t.rate(), Unit.RATIO);
    }

    private static @Nullable Quantity quantile(double[] samples, double q) {
        if (samples.length == 0) {
            return null;
        }
        return Quantity.of(Quantiles.quantile(samples, q, Quantiles.QuantileDefinition.NEAREST_RANK),
                Quantity.MILLISECONDS);
    }

    private static @Nullable Outcome outcome(CanaryDecision d, String metric) {
        return d.metric(THRESHOLD_JUDGE, metric).map(MetricResult::outcome).orElse(null);
    }

    /**
     * The maturity matrix of a decision.
     *
     * @param decision the maturity decision
     * @return the matrix
     * @throws IllegalArgumentException if the decision is null
     */
    public static MaturityChart maturity(MaturityDecision decision) {
        Checks.notNull(decision, "decision");
        List<MaturityLevel> levels = decision.model().levels();
        List<String> names = new ArrayList<>();
        for (MaturityLevel l : levels) {
            names.add(l.name());
        }
        List<MaturityChart.Row> rows = new ArrayList<>();
        for (DimensionResult dim : decision.dimensions()) {
            List<MaturityChart.Cell> cells = new ArrayList<>();
            for (MaturityLevel l : levels) {
                int met = 0;
                int notMet = 0;
                int unknown = 0;
                for (CriterionResult c : dim.criteria()) {
                    if (c.criterion().level() != l.rank()) {
                        continue;
                    }
                    if (c.status() == CriterionStatus.MET) {
                        met++;
                    } else if (c.status() == CriterionStatus.NOT_MET) {
                        notMet++;
                    } else {
                        unknown++;
                    }
                }
                CriterionStatus status = notMet > 0 ? CriterionStatus.NOT_MET
                        : unknown == 0 && met > 0 ? CriterionStatus.MET : CriterionStatus.UNKNOWN;
                cells.add(new MaturityChart.Cell(l.rank(), status, met, notMet, unknown));
            }
            int target = dim.next() == null ? dim.level() : dim.next().rank();
            rows.add(new MaturityChart.Row(dim.dimension().id(), dim.dimension().name(), dim.level(), target, cells));
        }
        int overall = decision.overallLevel();
        int target = Math.min(levels.size(), overall + 1);
        return new MaturityChart(decision.model().id(), decision.model().title(), names, overall, target, rows);
    }

    /**
     * An incident's time line: its milestones, SLA deadlines and pauses.
     *
     * @param decision the incident's SLA decision
     * @return the chart
     * @throws IllegalArgumentException if the decision is null
     */
    public static IncidentChart incident(IncidentSlaDecision decision) {
        Checks.notNull(decision, "decision");
        IncidentTimeline t = decision.timeline();
        Incident i = t.incident();
        List<IncidentChart.Milestone> milestones = new ArrayList<>();
        milestone(milestones, "started", i.started());
        milestone(milestones, "detected", i.detected());
        milestone(milestones, "acknowledged", i.acknowledged());
        milestone(milestones, "mitigated", i.mitigated());
        milestone(milestones, "resolved", i.resolved());
        milestones.sort((a, b) -> a.at().compareTo(b.at()));
        List<IncidentChart.Deadline> deadlines = new ArrayList<>();
        deadlines.add(clock(decision.response()));
        deadlines.add(clock(decision.resolution()));
        PostMortemReview pm = decision.postMortem();
        Instant due = pm.due();
        Instant resolved = i.resolved();
        if (pm.required() && due != null && resolved != null && !due.isBefore(resolved)) {
            Instant published = t.postMortem() == null ? null : t.postMortem().published();
            deadlines.add(new IncidentChart.Deadline("post-mortem", resolved, due,
                    Quantity.seconds(Duration.between(resolved, due)), published, postMortemStatus(pm)));
        }
        List<Span> pauses = new ArrayList<>();
        for (IncidentTimeline.Pause p : t.pauses()) {
            pauses.add(new Span(p.reason(), p.interval()));
        }
        pauses.sort((a, b) -> a.interval().compareTo(b.interval()));
        return new IncidentChart(i.id(), t.peakSeverity(), decision.generatedAt(), milestones, deadlines, pauses,
                decision.verdict());
    }

    private static void milestone(List<IncidentChart.Milestone> out, String name, @Nullable Instant at) {
        if (at != null) {
            out.add(new IncidentChart.Milestone(name, at));
        }
    }

    private static IncidentChart.Deadline clock(ClockResult c) {
        return new IncidentChart.Deadline(c.kind().code(), c.start(), c.deadline(), Quantity.seconds(c.target()),
                c.stoppedAt(), c.status());
    }

    private static SlaStatus postMortemStatus(PostMortemReview pm) {
        switch (pm.verdict()) {
            case COMPLETE:
            case NOT_REQUIRED:
                return SlaStatus.MET;
            case INCOMPLETE:
                return SlaStatus.AT_RISK;
            case OVERDUE:
                return SlaStatus.BREACHED;
            default:
                return SlaStatus.ON_TRACK;
        }
    }
}
