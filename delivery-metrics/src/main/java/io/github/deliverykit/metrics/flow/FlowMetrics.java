package io.github.deliverykit.metrics.flow;

import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.Feature;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.core.money.MoneyTotal;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.cost.CostReport.Cost;
import io.github.deliverykit.metrics.cost.CostReport;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import io.github.deliverykit.metrics.stats.Quantiles;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.deliverykit.metrics.flow.FlowData.AgentIteration;
import io.github.deliverykit.metrics.flow.FlowData.AgentTask;
import io.github.deliverykit.metrics.flow.FlowData.LicenceCount;
import io.github.deliverykit.metrics.flow.FlowData.MergeQueueEntry;
import io.github.deliverykit.metrics.flow.FlowData.Review;
import io.github.deliverykit.metrics.flow.FlowData.Rollback;
import io.github.deliverykit.metrics.flow.FlowData.RunnerUsage;
import io.github.deliverykit.metrics.flow.FlowData.SuggestionCounts;
import io.github.deliverykit.metrics.flow.FlowData.TestFailure;
import io.github.deliverykit.metrics.flow.FlowData.ToolActivity;
import io.github.deliverykit.metrics.flow.FlowData.FailureCause;
import io.github.deliverykit.metrics.flow.FlowReport.Figure;

/**
 * Computes the AI-delivery metrics of the maturity matrix from raw events ({@link FlowData}) and,
 * for the cost metrics, a {@link CostReport}: iterations to success, cost per iteration, per merged
 * pull request and per feature (with its quarter-over-quarter trend), CI duration and feedback
 * latency, cache hit rate, runner utilisation, CI rounds per pull request, auto-approve rate, agent
 * autonomy, merge-queue wait, test-oracle reliability, pull-request throughput per developer,
 * licences versus active use, suggestion acceptance, mean time to rollback and rollback success,
 * and vanity-metric detection.
 *
 * <p>An event belongs to the period by one instant: a pull request by {@code merged}, a CI run and
 * an iteration by {@code finished}, a task by {@code completed}, a merge-queue entry by {@code left},
 * a test failure and tool activity by {@code at}, a runner stretch by {@code start}, a rollback by
 * {@code detected}, a feature by {@code delivered}. A {@link CiRun.Outcome#PENDING} run has no finish
 * time: it is in no period and is left out of every CI figure (duration, feedback latency, cache hit
 * rate, rounds), and the report says so in a {@code flow.ci.pending} warning with their count. A
 * feature counts as delivered only with a delivery time. Figures are named by their
 * {@link io.github.deliverykit.core.metric.MetricKeys} key. Sums are exact ({@code long} nanoseconds,
 * {@link Money}), so the report does not depend on the order of the events. Immutable and thread safe.
 */
public final class FlowMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(FlowMetrics.class);
    private static final double NANOS_PER_SECOND = 1e9;
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration DAY = Duration.ofDays(1);

    private final FlowTargets targets;

    private FlowMetrics(FlowTargets targets) {
        this.targets = targets;
    }

    /**
     * Metrics judged against the seed's targets.
     *
     * @return the metrics
     */
    public static FlowMetrics ofDefaults() {
        return new FlowMetrics(FlowTargets.ofDefaults());
    }

    /**
     * Metrics judged against given targets.
     *
     * @param targets the targets
     * @return the metrics
     */
    public static FlowMetrics of(FlowTargets targets) {
        return new FlowMetrics(Checks.notNull(targets, "targets"));
    }

    /**
     * The targets.
     *
     * @return the targets
     */
    public FlowTargets targets() {
        return targets;
    }

    /**
     * The metrics of a period without cost data: the cost metrics report no data.
     *
     * @param data the events
     * @param period the period
     * @return the report
     * @throws IllegalArgumentException if a parameter is null
     */
    public FlowReport evaluate(FlowData data, Interval period) {
        return evaluate(data, null, period);
    }

    /**
     * The metrics of a period.
     *
     * @param data the events
     * @param cost the cost of the usage records, or null when unknown
     * @param period the period
     * @return the report
     * @throws IllegalArgumentException if data or period is null, or the cost report's currency
     *     differs from the cost-per-iteration target's
     */
    public FlowReport evaluate(FlowData data, @Nullable CostReport cost, Interval period) {
        Checks.notNull(data, "data");
        Checks.notNull(period, "period");
        if (cost != null && cost.currency() != targets.costPerIterationMax().currency()) {
            throw Checks.invalid("cost.currency", "must be " + targets.costPerIterationMax().currency().getCurrencyCode()
                    + " like the cost-per-iteration target", cost.currency().getCurrencyCode());
        }
        Run run = new Run(data, cost, period);
        run.iterationsToSuccess();
        run.costPerIteration();
        run.costPerMergedPullRequest();
        run.costPerFeature();
        run.costPerFeatureTrend();
        run.pendingCiRuns();
        run.ciDuration();
        run.ciFeedbackLatency();
        run.cacheHitRate();
        run.runnerUtilisation();
        run.ciRounds();
        run.autoApproveRate();
        run.agentAutonomy();
        run.mergeQueueWait();
        run.testOracleReliability();
        run.throughput();
        run.licenceUse();
        run.suggestionAcceptance();
        run.rollbacks();
        run.vanity();
        FlowReport report = new FlowReport(period, run.figures, Findings.of(run.findings));
        LOG.debug("flow metrics for {}: worst {}", period, report.findings().worst());
        return report;
    }

    /** One evaluation: the inputs and what has been produced so far. */
    private final class Run {
        final FlowData data;
        final @Nullable CostReport cost;
        final Interval period;
        final List<Figure> figures = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        final List<PullRequest> merged = new ArrayList<>();

        Run(FlowData data, @Nullable CostReport cost, Interval period) {
            this.data = data;
            this.cost = cost;
            this.period = period;
            for (PullRequest pr : data.pullRequests()) {
                if (pr.merged() != null && in(pr.merged())) {
                    merged.add(pr);
                }
            }
            merged.sort(Comparator.comparing(PullRequest::id));
        }

        boolean in(Instant at) {
            return period.contains(at);
        }

        void figure(Figure f) {
            figures.add(f);
        }

        void noData(String code, String what, Object... facts) {
            findings.add(Finding.warn(code + ".no-data", "No data for " + what + " in the period", Facts.of(facts)));
        }

        void judged(String code, boolean met, String message, Facts facts) {
            findings.add(met ? Finding.pass(code, message, facts) : Finding.fail(code, message, facts));
        }

        // ------------------------------------------------------------------ iterations and cost

        void iterationsToSuccess() {
            Map<String, List<AgentIteration>> byPr = new HashMap<>();
            for (AgentIteration it : data.iterations()) {
                byPr.computeIfAbsent(it.pullRequestId(), k -> new ArrayList<>()).add(it);
            }
            long[] its = new long[merged.size()];
            int n = 0;
            int unresolved = 0;
            TreeSet<String> above = new TreeSet<>();
            for (PullRequest pr : merged) {
                List<AgentIteration> list = byPr.get(pr.id());
                if (list == null) {
                    continue;
                }
                list.sort(Comparator.comparing(AgentIteration::started).thenComparing(AgentIteration::finished)
                        .thenComparing(AgentIteration::id)
                        // a total order, so the result never depends on the input order: of two
                        // otherwise identical iterations the passing one comes first
                        .thenComparing(AgentIteration::passed, Comparator.reverseOrder()));
                int count = 0;
                boolean passed = false;
                for (AgentIteration it : list) {
                    count++;
                    if (it.passed()) {
                        passed = true;
                        break;
                    }
                }
                if (!passed) {
                    unresolved++;
                    continue;
                }
                its[n++] = count;
                if (count > targets.itsMax()) {
                    above.add(pr.id());
                }
            }
            if (n == 0) {
                figure(Figure.noData("its.median", Unit.COUNT));
                figure(Figure.noData("its.mean", Unit.COUNT));
                noData("flow.its", "iterations to success (merged pull requests with agent iterations)",
                        "unresolved", (long) unresolved);
                return;
            }
            long[] sample = java.util.Arrays.copyOf(its, n);
            double mean = Quantiles.mean(sample);
            double median = Quantiles.quantileInPlace(sample, 0.5, QuantileDefinition.LINEAR);
            figure(Figure.of("its.median", Unit.COUNT, n, median));
            figure(Figure.of("its.mean", Unit.COUNT, n, mean));
            boolean met = median >= targets.itsMin() && median <= targets.itsMax();
            judged("flow.its", met, "Median iterations to success is " + Facts.format(median) + " (target "
                    + Facts.format(targets.itsMin()) + "-" + Facts.format(targets.itsMax()) + ")",
                    Facts.of("median", median, "mean", mean, "sampleSize", (long) n, "aboveTarget", (long) above.size(),
                            "aboveTargetPullRequests", String.join(",", above), "unresolved", (long) unresolved));
        }

        /** The mean of the complete costs of some keys; unknown and missing costs are counted, not zeroed. */
        private void meanCost(String figureName, String code, String what, List<String> keys,
                @Nullable Map<String, Cost> costs, @Nullable Money target) {
            Unit unit = Unit.money(targets.costPerIterationMax().currency().getCurrencyCode());
            if (costs == null) {
                figure(Figure.noData(figureName, unit));
                noData(code, what, "reason", "no cost report", "candidates", (long) keys.size());
                return;
            }
            MoneyTotal total = new MoneyTotal(targets.costPerIterationMax().currency());
            long unknown = 0;
            for (String k : keys) {
                Cost c = costs.get(k);
                if (c == null || !c.isComplete()) {
                    unknown++;
                } else {
                    total.add(c.known());
                }
            }
            long n = total.count();
            if (n == 0) {
                figure(Figure.noData(figureName, unit));
                noData(code, what, "unknownCost", unknown, "candidates", (long) keys.size());
                return;
            }
            Money mean = total.total().dividedBy(n, RoundingMode.HALF_EVEN);
            figure(Figure.of(figureName, unit, n, mean.toBigDecimal().doubleValue()));
            Facts facts = Facts.of("mean", mean, "total", total.total(), "sampleSize", n, "unknownCost", unknown);
            if (target == null) {
                findings.add(Finding.info(code, "Mean " + what + " is " + mean + " over " + n, facts));
            } else {
                judged(code, mean.compareTo(target) < 0, "Mean " + what + " is " + mean + " (target below " + target + ")",
                        Facts.of("mean", mean, "target", target, "total", total.total(), "sampleSize", n,
                                "unknownCost", unknown));
            }
        }

        void costPerIteration() {
            List<String> ids = new ArrayList<>();
            for (AgentIteration it : data.iterations()) {
                if (in(it.finished())) {
                    ids.add(it.id());
                }
            }
            ids = new ArrayList<>(new TreeSet<>(ids));
            meanCost("cost.per_iteration", "flow.cost-per-iteration", "cost per iteration", ids,
                    cost == null ? null : cost.byIteration(), targets.costPerIterationMax());
        }

        void costPerMergedPullRequest() {
            List<String> ids = merged.stream().map(PullRequest::id).toList();
            meanCost("cost.per_merged_pr", "flow.cost-per-merged-pr", "cost per merged pull request", ids,
                    cost == null ? null : cost.byPullRequest(), null);
        }

        void costPerFeature() {
            TreeSet<String> ids = new TreeSet<>();
            for (Feature f : data.features()) {
                if (f.delivered() != null && in(f.delivered())) {
                    ids.add(f.id());
                }
            }
            meanCost("cost.per_feature", "flow.cost-per-feature", "cost per delivered feature", List.copyOf(ids),
                    cost == null ? null : cost.byFeature(), null);
        }

        void costPerFeatureTrend() {
            Unit unit = Unit.RATIO;
            Instant last = period.isEmpty() ? period.start() : period.end().minusNanos(1);
            ZonedDateTime at = last.atZone(targets.zone());
            int current = quarterIndex(at);
            if (cost == null) {
                figure(Figure.noData("cost.per_feature.qoq_change", unit));
                noData("flow.cost-per-feature-trend", "the cost-per-feature trend", "reason", "no cost report");
                return;
            }
            // feature id -> delivery quarter (the earliest delivery counts)
            Map<String, Integer> quarter = new TreeMap<>();
            for (Feature f : data.features()) {
                Instant delivered = f.delivered();
                if (delivered != null) {
                    quarter.merge(f.id(), quarterIndex(delivered.atZone(targets.zone())), Math::min);
                }
            }
            MoneyTotal cur = new MoneyTotal(targets.costPerIterationMax().currency());
            MoneyTotal prev = new MoneyTotal(targets.costPerIterationMax().currency());
            quarter.forEach((id, q) -> {
                Cost c = cost.byFeature().get(id);
                if (c != null && c.isComplete()) {
                    if (q == current) {
                        cur.add(c.known());
                    } else if (q == current - 1) {
                        prev.add(c.known());
                    }
                }
            });
            String curLabel = label(current);
            String prevLabel = label(current - 1);
            if (cur.count() == 0 || prev.count() == 0 || prev.nanos() == 0) {
                figure(Figure.noData("cost.per_feature.qoq_change", unit));
                noData("flow.cost-per-feature-trend", "the cost-per-feature trend (features with known cost in "
                        + prevLabel + " and " + curLabel + ")", "previousFeatures", prev.count(), "currentFeatures", cur.count());
                return;
            }
            Money curMean = cur.total().dividedBy(cur.count(), RoundingMode.HALF_EVEN);
            Money prevMean = prev.total().dividedBy(prev.count(), RoundingMode.HALF_EVEN);
            java.math.BigDecimal exact = prevMean.isZero() ? null : curMean.ratio(prevMean, 12, RoundingMode.HALF_EVEN);
            double ratio = exact == null ? Double.MAX_VALUE : exact.doubleValue();
            double change = exact == null ? Double.MAX_VALUE : exact.subtract(java.math.BigDecimal.ONE).doubleValue();
            figure(Figure.of("cost.per_feature.qoq_change", unit, cur.count() + prev.count(), change));
            Facts facts = Facts.of("previousQuarter", prevLabel, "previous", prevMean, "previousFeatures", prev.count(),
                    "currentQuarter", curLabel, "current", curMean, "currentFeatures", cur.count(), "ratio", ratio);
            if (curMean.compareTo(prevMean) < 0) {
                findings.add(Finding.pass("flow.cost-per-feature-trend", "Cost per feature is declining: " + curMean
                        + " in " + curLabel + " after " + prevMean + " in " + prevLabel, facts));
            } else {
                findings.add(Finding.warn("flow.cost-per-feature-trend", "Cost per feature is not declining: " + curMean
                        + " in " + curLabel + " after " + prevMean + " in " + prevLabel, facts));
            }
        }

        // ------------------------------------------------------------------ CI

        private List<CiRun> runsInPeriod(boolean withCancelled) {
            List<CiRun> out = new ArrayList<>();
            for (CiRun r : data.ciRuns()) {
                if (r.finished() != null && in(r.finished()) && (withCancelled || r.outcome() != CiRun.Outcome.CANCELLED)) {
                    out.add(r);
                }
            }
            return out;
        }

        /** A pending run has no finish time: it is left out of every CI figure, and said so. */
        void pendingCiRuns() {
            TreeSet<String> pending = new TreeSet<>();
            for (CiRun r : data.ciRuns()) {
                if (r.outcome() == CiRun.Outcome.PENDING) {
                    pending.add(r.id());
                }
            }
            if (!pending.isEmpty()) {
                findings.add(Finding.warn("flow.ci.pending", pending.size() + " CI runs are still pending (no finish time):"
                        + " left out of CI duration, feedback latency, cache hit rate and CI rounds",
                        Facts.of("pending", (long) pending.size(), "runs", String.join(",", pending))));
            }
        }

        void ciDuration() {
            List<CiRun> runs = runsInPeriod(false);
            long[] nanos = new long[runs.size()];
            for (int i = 0; i < nanos.length; i++) {
                CiRun r = runs.get(i);
                nanos[i] = saturatedNanos(Duration.between(r.started(), finished(r)));
            }
            durations(nanos, "ci.duration", "flow.ci-duration", "CI duration", targets.ciMedianMax(), targets.ciP95Max());
        }

        void ciFeedbackLatency() {
            List<CiRun> runs = runsInPeriod(false);
            long[] nanos = new long[runs.size()];
            for (int i = 0; i < nanos.length; i++) {
                CiRun r = runs.get(i);
                nanos[i] = saturatedNanos(Duration.between(r.pushed(), finished(r)));
            }
            durations(nanos, "ci.feedback_latency", "flow.ci-feedback-latency", "CI feedback latency (push to result)",
                    null, null);
        }

        /** Median and P95 figures and findings; with targets, one judged finding each, else one INFO. */
        private void durations(long[] nanos, String name, String code, String what,
                @Nullable Duration medianMax, @Nullable Duration p95Max) {
            if (nanos.length == 0) {
                figure(Figure.noData(name + ".median", Unit.SECONDS));
                figure(Figure.noData(name + ".p95", Unit.SECONDS));
                if (medianMax != null) {
                    noData(code + ".median", what);
                    noData(code + ".p95", what);
                } else {
                    noData(code, what);
                }
                return;
            }
            double[] q = Quantiles.quantilesInPlace(nanos, QuantileDefinition.LINEAR, 0.5, 0.95);
            figure(Figure.of(name + ".median", Unit.SECONDS, nanos.length, q[0] / NANOS_PER_SECOND));
            figure(Figure.of(name + ".p95", Unit.SECONDS, nanos.length, q[1] / NANOS_PER_SECOND));
            Duration median = Duration.ofNanos(Math.round(q[0]));
            Duration p95 = Duration.ofNanos(Math.round(q[1]));
            if (medianMax == null || p95Max == null) {
                findings.add(Finding.info(code, what + ": median " + median + ", P95 " + p95,
                        Facts.of("median", median, "p95", p95, "sampleSize", (long) nanos.length)));
                return;
            }
            judged(code + ".median", q[0] < saturatedNanos(medianMax), what + " median is " + median + " (target below "
                    + medianMax + ")", Facts.of("median", median, "target", medianMax, "sampleSize", (long) nanos.length));
            judged(code + ".p95", q[1] < saturatedNanos(p95Max), what + " P95 is " + p95 + " (target below " + p95Max + ")",
                    Facts.of("p95", p95, "target", p95Max, "sampleSize", (long) nanos.length));
        }

        void cacheHitRate() {
            long hits = 0;
            long lookups = 0;
            long runs = 0;
            for (CiRun r : runsInPeriod(true)) {
                hits = saturatedAdd(hits, r.cacheHits());
                lookups = saturatedAdd(lookups, r.cacheHits() + r.cacheMisses());
                runs++;
            }
            if (lookups == 0) {
                figure(Figure.noData("ci.cache.hit_rate", Unit.RATIO));
                noData("flow.cache-hit-rate", "build-cache lookups", "runs", runs);
                return;
            }
            double rate = (double) hits / lookups;
            figure(Figure.of("ci.cache.hit_rate", Unit.RATIO, lookups, rate));
            judged("flow.cache-hit-rate", rate > targets.cacheHitRateMin(), "Cache hit rate is " + percent(rate)
                    + " (target above " + percent(targets.cacheHitRateMin()) + ")",
                    Facts.of("rate", rate, "hits", hits, "lookups", lookups, "runs", runs, "target", targets.cacheHitRateMin()));
        }

        void runnerUtilisation() {
            long busy = 0;
            long capacity = 0;
            long n = 0;
            for (RunnerUsage u : data.runnerUsage()) {
                if (in(u.start())) {
                    busy = saturatedAdd(busy, u.busyNanos());
                    capacity = saturatedAdd(capacity, u.capacityNanos());
                    n++;
                }
            }
            if (capacity == 0) {
                figure(Figure.noData("ci.runner.utilization", Unit.RATIO));
                noData("flow.runner-utilisation", "runner utilisation", "stretches", n);
                return;
            }
            double u = Math.min(1.0, (double) busy / capacity);
            figure(Figure.of("ci.runner.utilization", Unit.RATIO, n, u));
            boolean met = u >= targets.runnerUtilisationMin() && u <= targets.runnerUtilisationMax();
            String side = u < targets.runnerUtilisationMin() ? "idle capacity (waste)"
                    : u > targets.runnerUtilisationMax() ? "saturated (queuing)" : "within range";
            judged("flow.runner-utilisation", met, "Runner utilisation is " + percent(u) + ", " + side + " (target "
                    + percent(targets.runnerUtilisationMin()) + "-" + percent(targets.runnerUtilisationMax()) + ")",
                    Facts.of("utilisation", u, "busy", Duration.ofNanos(busy), "capacity", Duration.ofNanos(capacity),
                            "sampleSize", n, "min", targets.runnerUtilisationMin(), "max", targets.runnerUtilisationMax()));
        }

        void ciRounds() {
            Map<String, Long> rounds = new HashMap<>();
            for (CiRun r : data.ciRuns()) {
                if (r.outcome() != CiRun.Outcome.CANCELLED && r.outcome() != CiRun.Outcome.PENDING) {
                    rounds.merge(r.pullRequestId(), 1L, Long::sum);
                }
            }
            long[] sample = new long[merged.size()];
            int n = 0;
            TreeSet<String> flagged = new TreeSet<>();
            for (PullRequest pr : merged) {
                Long c = rounds.get(pr.id());
                if (c != null) {
                    sample[n++] = c;
                    if (c > targets.maxCiRounds()) {
                        flagged.add(pr.id());
                    }
                }
            }
            if (n == 0) {
                figure(Figure.noData("ci.rounds.per_pr", Unit.COUNT));
                noData("flow.ci-rounds", "CI rounds of merged pull requests");
                return;
            }
            double mean = Quantiles.mean(java.util.Arrays.copyOf(sample, n));
            figure(Figure.of("ci.rounds.per_pr", Unit.COUNT, n, mean));
            Facts facts = Facts.of("flagged", (long) flagged.size(), "pullRequests", String.join(",", flagged),
                    "max", (long) targets.maxCiRounds(), "mean", mean, "sampleSize", (long) n);
            if (flagged.isEmpty()) {
                findings.add(Finding.pass("flow.ci-rounds", "No merged pull request needed more than "
                        + targets.maxCiRounds() + " CI rounds", facts));
            } else {
                findings.add(Finding.warn("flow.ci-rounds", flagged.size() + " merged pull requests needed more than "
                        + targets.maxCiRounds() + " CI rounds; investigate them", facts));
            }
        }

        // ------------------------------------------------------------------ merge and review

        void autoApproveRate() {
            Set<String> humanReviewed = new HashSet<>();
            for (Review r : data.reviews()) {
                if (r.human()) {
                    humanReviewed.add(r.pullRequestId());
                }
            }
            long n = merged.size();
            if (n == 0) {
                figure(Figure.noData("review.auto_approve_rate", Unit.RATIO));
                noData("flow.auto-approve-rate", "merged pull requests");
                return;
            }
            long auto = merged.stream().filter(pr -> !humanReviewed.contains(pr.id())).count();
            double rate = (double) auto / n;
            figure(Figure.of("review.auto_approve_rate", Unit.RATIO, n, rate));
            judged("flow.auto-approve-rate", rate > targets.autoApproveRateMin(), "Auto-approve rate is " + percent(rate)
                    + " (target above " + percent(targets.autoApproveRateMin()) + ")",
                    Facts.of("rate", rate, "autoApproved", auto, "merged", n, "target", targets.autoApproveRateMin()));
        }

        void agentAutonomy() {
            TreeMap<String, long[]> byType = new TreeMap<>();
            long total = 0;
            long autonomous = 0;
            for (AgentTask t : data.tasks()) {
                if (t.completed() != null && in(t.completed())) {
                    long[] c = byType.computeIfAbsent(t.taskType(), k -> new long[2]);
                    c[0]++;
                    total++;
                    if (t.humanInterventions() == 0) {
                        c[1]++;
                        autonomous++;
                    }
                }
            }
            if (total == 0) {
                figure(Figure.noData("agent.autonomy", Unit.RATIO));
                noData("flow.agent-autonomy", "completed agent tasks");
                return;
            }
            double score = (double) autonomous / total;
            figure(Figure.of("agent.autonomy", Unit.RATIO, total, score));
            List<String> parts = new ArrayList<>();
            byType.forEach((type, c) -> {
                double s = (double) c[1] / c[0];
                figure(Figure.of("agent.autonomy[" + type + "]", Unit.RATIO, c[0], s));
                parts.add(type + "=" + Facts.format(s) + " (n=" + c[0] + ")");
            });
            findings.add(Finding.info("flow.agent-autonomy", "Agent autonomy score is " + percent(score)
                    + " of completed tasks without human intervention",
                    Facts.of("score", score, "autonomous", autonomous, "completed", total, "byTaskType", String.join("; ", parts))));
        }

        void mergeQueueWait() {
            List<Long> waits = new ArrayList<>();
            for (MergeQueueEntry e : data.mergeQueue()) {
                if (e.merged() && e.left() != null && in(e.left())) {
                    waits.add(saturatedNanos(Duration.between(e.enqueued(), e.left())));
                }
            }
            long[] nanos = waits.stream().mapToLong(Long::longValue).toArray();
            if (nanos.length == 0) {
                figure(Figure.noData("merge_queue.wait.p50", Unit.SECONDS));
                figure(Figure.noData("merge_queue.wait.p95", Unit.SECONDS));
                noData("flow.merge-queue-wait", "merges out of the merge queue");
                return;
            }
            double[] q = Quantiles.quantilesInPlace(nanos, QuantileDefinition.LINEAR, 0.5, 0.95);
            figure(Figure.of("merge_queue.wait.p50", Unit.SECONDS, nanos.length, q[0] / NANOS_PER_SECOND));
            figure(Figure.of("merge_queue.wait.p95", Unit.SECONDS, nanos.length, q[1] / NANOS_PER_SECOND));
            Duration median = Duration.ofNanos(Math.round(q[0]));
            judged("flow.merge-queue-wait", q[0] < saturatedNanos(targets.mergeQueueWaitMax()), "Median merge-queue wait is "
                    + median + " (target below " + targets.mergeQueueWaitMax() + ")",
                    Facts.of("median", median, "p95", Duration.ofNanos(Math.round(q[1])), "target",
                            targets.mergeQueueWaitMax(), "sampleSize", (long) nanos.length));
        }

        void testOracleReliability() {
            long[] byCause = new long[FailureCause.values().length];
            long n = 0;
            for (TestFailure f : data.testFailures()) {
                if (in(f.at())) {
                    byCause[f.cause().ordinal()]++;
                    n++;
                }
            }
            if (n == 0) {
                figure(Figure.noData("test_oracle.reliability", Unit.RATIO));
                noData("flow.test-oracle-reliability", "classified test failures");
                return;
            }
            double tors = (double) byCause[FailureCause.REAL_DEFECT.ordinal()] / n;
            figure(Figure.of("test_oracle.reliability", Unit.RATIO, n, tors));
            Facts.Builder facts = Facts.builder().put("score", tors).put("failures", n);
            for (FailureCause c : FailureCause.values()) {
                facts.put(c.name().toLowerCase(java.util.Locale.ROOT), byCause[c.ordinal()]);
            }
            findings.add(Finding.info("flow.test-oracle-reliability", "Test-oracle reliability is " + percent(tors)
                    + " of test failures pointing at real defects", facts.build()));
        }

        void throughput() {
            long n = merged.size();
            double seconds = period.duration().getSeconds() + period.duration().getNano() / NANOS_PER_SECOND;
            double weeks = seconds / WEEK.getSeconds();
            double days = seconds / DAY.getSeconds();
            if (n == 0 || period.isEmpty()) {
                figure(Figure.noData("pr.throughput.per_developer_week", Unit.PER_WEEK));
                figure(Figure.noData("pr.throughput.per_day", Unit.PER_DAY));
                figure(Figure.noData("merges.per_week", Unit.PER_WEEK));
                noData("flow.pr-throughput", "merged pull requests");
                return;
            }
            long developers = merged.stream().map(PullRequest::author).distinct().count();
            double perDevWeek = n / (double) developers / weeks;
            double perDay = n / days;
            figure(Figure.of("pr.throughput.per_developer_week", Unit.PER_WEEK, n, perDevWeek));
            figure(Figure.of("pr.throughput.per_day", Unit.PER_DAY, n, perDay));
            figure(Figure.of("merges.per_week", Unit.PER_WEEK, n, n / weeks));
            findings.add(Finding.info("flow.pr-throughput", "Merged " + n + " pull requests by " + developers
                    + " developers: " + Facts.format(perDevWeek) + " per developer per week",
                    Facts.of("merged", n, "developers", developers, "perDeveloperWeek", perDevWeek, "perDay", perDay)));
        }

        void licenceUse() {
            TreeMap<String, Long> licences = new TreeMap<>();
            for (LicenceCount l : data.licences()) {
                licences.merge(l.tool(), l.licences(), FlowMetrics::saturatedAdd);
            }
            Map<String, Set<String>> active = new TreeMap<>();
            for (ToolActivity a : data.toolActivity()) {
                if (in(a.at())) {
                    active.computeIfAbsent(a.tool(), k -> new HashSet<>()).add(a.developer());
                }
            }
            long seats = 0;
            long used = 0;
            for (Map.Entry<String, Long> e : licences.entrySet()) {
                long users = active.getOrDefault(e.getKey(), Set.of()).size();
                seats = saturatedAdd(seats, e.getValue());
                used += Math.min(users, e.getValue());
                if (e.getValue() > 0) {
                    figure(Figure.of("licence.utilization[" + e.getKey() + "]", Unit.RATIO, e.getValue(), (double) users / e.getValue()));
                }
            }
            TreeSet<String> unlicensed = new TreeSet<>(active.keySet());
            unlicensed.removeAll(licences.keySet());
            if (seats == 0) {
                figure(Figure.noData("licence.utilization", Unit.RATIO));
                noData("flow.licence-use", "AI tool licences", "toolsWithoutLicences", String.join(",", unlicensed));
                return;
            }
            double rate = (double) used / seats;
            figure(Figure.of("licence.utilization", Unit.RATIO, seats, rate));
            findings.add(Finding.info("flow.licence-use", used + " of " + seats + " AI tool licences were used in the period ("
                    + percent(rate) + ")", Facts.of("rate", rate, "licences", seats, "activeSeats", used,
                            "unusedLicences", seats - used, "toolsWithoutLicences", String.join(",", unlicensed))));
        }

        void suggestionAcceptance() {
            TreeMap<String, long[]> byTool = new TreeMap<>();
            long shown = 0;
            long accepted = 0;
            for (SuggestionCounts s : data.suggestions()) {
                if (in(s.at())) {
                    long[] c = byTool.computeIfAbsent(s.tool(), k -> new long[2]);
                    c[0] = saturatedAdd(c[0], s.shown());
                    c[1] = saturatedAdd(c[1], s.accepted());
                    shown = saturatedAdd(shown, s.shown());
                    accepted = saturatedAdd(accepted, s.accepted());
                }
            }
            if (shown == 0) {
                figure(Figure.noData("suggestion.acceptance_rate", Unit.RATIO));
                noData("flow.suggestion-acceptance", "AI suggestions shown");
                return;
            }
            double rate = (double) accepted / shown;
            figure(Figure.of("suggestion.acceptance_rate", Unit.RATIO, shown, rate));
            List<String> parts = new ArrayList<>();
            byTool.forEach((tool, c) -> {
                if (c[0] > 0) {
                    double r = (double) c[1] / c[0];
                    figure(Figure.of("suggestion.acceptance_rate[" + tool + "]", Unit.RATIO, c[0], r));
                    parts.add(tool + "=" + Facts.format(r) + " (n=" + c[0] + ")");
                }
            });
            findings.add(Finding.info("flow.suggestion-acceptance", "AI suggestion acceptance rate is " + percent(rate),
                    Facts.of("rate", rate, "accepted", accepted, "shown", shown, "byTool", String.join("; ", parts))));
        }

        void rollbacks() {
            List<Long> times = new ArrayList<>();
            long all = 0;
            long autonomous = 0;
            for (Rollback r : data.rollbacks()) {
                if (in(r.detected())) {
                    all++;
                    if (r.succeeded()) {
                        times.add(saturatedNanos(Duration.between(r.detected(), r.completed())));
                        if (!r.humanIntervened()) {
                            autonomous++;
                        }
                    }
                }
            }
            long[] nanos = times.stream().mapToLong(Long::longValue).toArray();
            if (nanos.length == 0) {
                figure(Figure.noData("rollback.mean_time", Unit.SECONDS));
                noData("flow.rollback-time", "successful rollbacks", "rollbacks", all);
            } else {
                double mean = Quantiles.mean(nanos);
                figure(Figure.of("rollback.mean_time", Unit.SECONDS, nanos.length, mean / NANOS_PER_SECOND));
                Duration d = Duration.ofNanos(Math.round(mean));
                judged("flow.rollback-time", mean < saturatedNanos(targets.rollbackTimeMax()), "Mean time to rollback is " + d
                        + " (target below " + targets.rollbackTimeMax() + ")",
                        Facts.of("mean", d, "target", targets.rollbackTimeMax(), "sampleSize", (long) nanos.length));
            }
            if (all == 0) {
                figure(Figure.noData("rollback.success_rate", Unit.RATIO));
                noData("flow.rollback-success", "rollbacks");
                return;
            }
            double rate = (double) autonomous / all;
            figure(Figure.of("rollback.success_rate", Unit.RATIO, all, rate));
            judged("flow.rollback-success", rate >= targets.rollbackSuccessMin(), "Rollbacks succeeding without human "
                    + "intervention: " + percent(rate) + " (target at least " + percent(targets.rollbackSuccessMin()) + ")",
                    Facts.of("rate", rate, "autonomousSuccesses", autonomous, "rollbacks", all,
                            "target", targets.rollbackSuccessMin()));
        }

        // ------------------------------------------------------------------ vanity

        void vanity() {
            Interval previous;
            try {
                previous = Interval.ending(period.duration(), period.start());
            } catch (IllegalArgumentException e) {
                previous = null;
            }
            if (previous == null || period.isEmpty()) {
                figure(Figure.noData("activity.growth", Unit.RATIO));
                noData("flow.vanity", "a previous period of the same length");
                return;
            }
            long curActivity = merged.size();
            long prevActivity = 0;
            for (PullRequest pr : data.pullRequests()) {
                if (pr.merged() != null && previous.contains(pr.merged())) {
                    prevActivity++;
                }
            }
            long curFeatures = 0;
            long prevFeatures = 0;
            for (Feature f : data.features()) {
                Instant delivered = f.delivered();
                if (delivered == null) {
                    continue;
                }
                if (in(delivered)) {
                    curFeatures++;
                } else if (previous.contains(delivered)) {
                    prevFeatures++;
                }
            }
            if (prevActivity == 0) {
                figure(Figure.noData("activity.growth", Unit.RATIO));
                noData("flow.vanity", "merged pull requests in the previous period " + previous, "currentActivity", curActivity);
                return;
            }
            double growth = (double) curActivity / prevActivity - 1;
            figure(Figure.of("activity.growth", Unit.RATIO, curActivity + prevActivity, growth));
            Facts facts = Facts.of("previousPeriod", previous, "mergedBefore", prevActivity, "mergedNow", curActivity,
                    "growth", growth, "featuresBefore", prevFeatures, "featuresNow", curFeatures,
                    "threshold", targets.vanityActivityGrowth());
            if (growth >= targets.vanityActivityGrowth() && curFeatures <= prevFeatures) {
                findings.add(Finding.warn("flow.vanity", "Vanity metric: merged pull requests up " + percent(growth)
                        + " while delivered features went from " + prevFeatures + " to " + curFeatures, facts));
            } else {
                findings.add(Finding.pass("flow.vanity", "Activity and delivered features move together", facts));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The finish time of a run that is not pending (callers filter pending runs first). */
    static Instant finished(CiRun r) {
        Instant f = r.finished();
        return f == null ? r.started() : f;
    }

    static int quarterIndex(ZonedDateTime at) {
        return at.getYear() * 4 + (at.getMonthValue() - 1) / 3;
    }

    static String label(int quarterIndex) {
        return Math.floorDiv(quarterIndex, 4) + "-Q" + (Math.floorMod(quarterIndex, 4) + 1);
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    static long saturatedNanos(Duration d) {
        if (d.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (d.getSeconds() <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return d.toNanos();
    }

    static String percent(double ratio) {
        return Facts.format(Math.round(ratio * 1e6) / 1e4) + " %";
    }
}
