package io.github.deliverykit.metrics.flow;

import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.Feature;
import static io.github.deliverykit.metrics.flow.FlowFixtures.WEEK;
import static io.github.deliverykit.metrics.flow.FlowFixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.cost.CostLedger;
import io.github.deliverykit.metrics.cost.CostReport;
import io.github.deliverykit.metrics.cost.internal.ExamplePriceTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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

/** Each target exactly at its boundary, read as the seed words it ("< 10 min" strict, "1-3" inclusive...). */
final class FlowBoundaryTest {

    private static Level level(FlowReport r, String code) {
        return r.findings().find(code).orElseThrow(() -> new AssertionError("no " + code)).level();
    }

    private static PullRequest merged(String id, String author) {
        return FlowFixtures.pr(id, author, "r", "t", "10-02T00:00", null);
    }

    @Test
    void its_rangeIsInclusive() {
        // one PR at 1 iteration, one at 3: median 2; a PR needing exactly 3 is not above the target
        FlowData one = FlowData.builder().pullRequests(merged("a", "x"))
                .iterations(FlowFixtures.it("1", "a", "10-01T00:00", 0, true)).build();
        assertEquals(Level.PASS, level(FlowMetrics.ofDefaults().evaluate(one, WEEK), "flow.its"));
        FlowData three = FlowData.builder().pullRequests(merged("a", "x"))
                .iterations(FlowFixtures.it("1", "a", "10-01T00:00", 0, false), FlowFixtures.it("2", "a", "10-01T00:00", 1, false),
                        FlowFixtures.it("3", "a", "10-01T00:00", 2, true), FlowFixtures.it("4", "a", "10-01T00:00", 3, true))
                .build();
        FlowReport r = FlowMetrics.ofDefaults().evaluate(three, WEEK);
        assertEquals(0L, r.findings().find("flow.its").orElseThrow().fact("aboveTarget"));
        assertEquals(3.0, r.figure("its.median").orElseThrow().value().orElseThrow());
        // never passing: unresolved, not a sample
        FlowData never = FlowData.builder().pullRequests(merged("a", "x"))
                .iterations(FlowFixtures.it("1", "a", "10-01T00:00", 0, false)).build();
        FlowReport n = FlowMetrics.ofDefaults().evaluate(never, WEEK);
        assertEquals(1L, n.findings().find("flow.its.no-data").orElseThrow().fact("unresolved"));
    }

    @Test
    void strictTargets_failExactlyAtTheLimit() {
        List<PullRequest> prs = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        List<MergeQueueEntry> queue = new ArrayList<>();
        List<CiRun> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            prs.add(merged("p" + i, "dev" + i));
            if (i < 2) {
                reviews.add(new Review("p" + i, "dev", true, t("10-02T00:00")));
            }
            queue.add(new MergeQueueEntry("p" + i, t("10-02T00:00"), t("10-02T00:10"), true));
            // every run 5 minutes: median and P95 both exactly 5 min
            runs.add(FlowFixtures.run("c" + i, "p" + i, "10-01T00:00", 0, 5, CiRun.Outcome.PASSED, 1, 0));
        }
        List<Rollback> rollbacks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rollbacks.add(new Rollback("r" + i, t("10-03T00:00"), t("10-03T00:05"), true, i == 0));
        }
        FlowData data = FlowData.builder().pullRequests(prs).reviews(reviews).mergeQueue(queue).ciRuns(runs)
                .rollbacks(rollbacks)
                .runnerUsage(new RunnerUsage("p", t("10-01T00:00"), t("10-01T10:00"), 1, Duration.ofHours(5)))
                .build();
        FlowTargets targets = FlowTargets.custom().ciP95Max(Duration.ofMinutes(5)).build();
        FlowReport r = FlowMetrics.of(targets).evaluate(data, WEEK);
        assertEquals(0.6, r.figure("review.auto_approve_rate").orElseThrow().value().orElseThrow());
        assertEquals(Level.FAIL, level(r, "flow.auto-approve-rate"));
        assertEquals(Level.FAIL, level(r, "flow.merge-queue-wait"));
        assertEquals(Level.FAIL, level(r, "flow.ci-duration.median"));
        assertEquals(Level.FAIL, level(r, "flow.ci-duration.p95"));
        assertEquals(Level.FAIL, level(r, "flow.rollback-time"));
        // 19 of 20 without a person: exactly 95 % passes ("95 %+")
        assertEquals(Level.PASS, level(r, "flow.rollback-success"));
        // 50 % utilisation is inside 50-80 %
        assertEquals(Level.PASS, level(r, "flow.runner-utilisation"));
        assertEquals(Level.PASS, level(r, "flow.cache-hit-rate"));
        FlowReport eighty = FlowMetrics.ofDefaults().evaluate(FlowData.builder()
                .runnerUsage(new RunnerUsage("p", t("10-01T00:00"), t("10-01T10:00"), 1, Duration.ofHours(8))).build(), WEEK);
        assertEquals(Level.PASS, level(eighty, "flow.runner-utilisation"));
        FlowReport over = FlowMetrics.ofDefaults().evaluate(FlowData.builder()
                .runnerUsage(new RunnerUsage("p", t("10-01T00:00"), t("10-01T10:00"), 1, Duration.ofMinutes(481))).build(), WEEK);
        assertEquals(Level.FAIL, level(over, "flow.runner-utilisation"));
        FlowReport under = FlowMetrics.ofDefaults().evaluate(FlowData.builder()
                .runnerUsage(new RunnerUsage("p", t("10-01T00:00"), t("10-01T10:00"), 1, Duration.ofMinutes(299))).build(), WEEK);
        assertEquals(Level.FAIL, level(under, "flow.runner-utilisation"));
    }

    @Test
    void costPerIteration_exactlyTheTargetFails() {
        FlowData data = FlowData.builder().iterations(FlowFixtures.it("i", "p", "10-02T00:00", 0, true)).build();
        CostReport cost = CostLedger.of(new ExamplePriceTable()).price(List.of(FlowFixtures.usage("u", "i", "p", "f", "0.50")));
        FlowReport r = FlowMetrics.ofDefaults().evaluate(data, cost, WEEK);
        assertEquals(Level.FAIL, level(r, "flow.cost-per-iteration"));
        CostReport cheaper = CostLedger.of(new ExamplePriceTable()).price(List.of(FlowFixtures.usage("u", "i", "p", "f", "0.499999999")));
        assertEquals(Level.PASS, level(FlowMetrics.ofDefaults().evaluate(data, cheaper, WEEK), "flow.cost-per-iteration"));
    }

    @Test
    void costPerFeatureTrend_flatIsNotDeclining() {
        FlowData data = FlowData.builder().features(new Feature("a", t("09-15T00:00")), new Feature("b", t("10-02T00:00"))).build();
        CostReport cost = CostLedger.of(new ExamplePriceTable()).price(List.of(
                FlowFixtures.usage("u1", null, null, "a", "1.00"), FlowFixtures.usage("u2", null, null, "b", "1.00")));
        FlowReport r = FlowMetrics.ofDefaults().evaluate(data, cost, WEEK);
        assertEquals(Level.WARN, level(r, "flow.cost-per-feature-trend"));
        assertEquals(1.0, 1 + r.figure("cost.per_feature.qoq_change").orElseThrow().value().orElseThrow());
        assertEquals(2, r.figure("cost.per_feature.qoq_change").orElseThrow().sampleSize());
        // only the previous quarter: no trend
        FlowData old = FlowData.builder().features(new Feature("a", t("09-15T00:00"))).build();
        assertTrue(FlowMetrics.ofDefaults().evaluate(old, cost, WEEK).findings().find("flow.cost-per-feature-trend.no-data").isPresent());
    }

    @Test
    void vanity_growthExactlyAtTheThresholdIsFlagged() {
        List<PullRequest> prs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            prs.add(FlowFixtures.pr("b" + i, "x", "r", "t", "09-25T00:00", null));
        }
        for (int i = 0; i < 11; i++) {
            prs.add(FlowFixtures.pr("n" + i, "x", "r", "t", "10-02T00:00", null));
        }
        FlowData data = FlowData.builder().pullRequests(prs)
                .features(new Feature("f", t("09-26T00:00")), new Feature("g", t("10-03T00:00"))).build();
        FlowReport r = FlowMetrics.ofDefaults().evaluate(data, WEEK);
        assertEquals(0.1, r.figure("activity.growth").orElseThrow().value().orElseThrow(), 1e-12);
        assertEquals(Level.WARN, level(r, "flow.vanity"));
        assertEquals(21, r.figure("activity.growth").orElseThrow().sampleSize());
        FlowData moreFeatures = FlowData.builder().pullRequests(prs)
                .features(new Feature("f", t("09-26T00:00")), new Feature("g", t("10-03T00:00")), new Feature("h", t("10-04T00:00")))
                .build();
        assertEquals(Level.PASS, level(FlowMetrics.ofDefaults().evaluate(moreFeatures, WEEK), "flow.vanity"));
    }

    @Test
    void throughput_usesTheExactPeriodLength() {
        Instant start = t("10-01T00:00");
        Interval period = Interval.of(start, Duration.ofSeconds(86_400, 500_000_000));
        FlowData data = FlowData.builder().pullRequests(FlowFixtures.pr("a", "x", "r", "t", "10-01T01:00", null),
                FlowFixtures.pr("b", "x", "r", "t", "10-01T02:00", null), FlowFixtures.pr("c", "y", "r", "t", "10-01T03:00", null)).build();
        FlowReport r = FlowMetrics.ofDefaults().evaluate(data, period);
        double days = 86_400.5 / 86_400;
        assertEquals(3 / days, r.figure("pr.throughput.per_day").orElseThrow().value().orElseThrow(), 1e-12);
        assertEquals(1.5 / (days / 7), r.figure("pr.throughput.per_developer_week").orElseThrow().value().orElseThrow(), 1e-12);
        assertEquals(2L, r.findings().find("flow.pr-throughput").orElseThrow().fact("developers"));
    }

    @Test
    void toolsWithoutSeatsOrSuggestions_haveNoRatio() {
        FlowData data = FlowData.builder()
                .licences(new LicenceCount("free", 0), new LicenceCount("paid", 2), new LicenceCount("paid", 2))
                .toolActivity(new ToolActivity("paid", "a", t("10-02T00:00")), new ToolActivity("free", "b", t("10-02T00:00")))
                .suggestions(new SuggestionCounts("quiet", t("10-02T00:00"), 0, 0), new SuggestionCounts("busy", t("10-02T00:00"), 4, 1))
                .tasks(new AgentTask("t", "x", t("09-01T00:00"), t("10-09T00:00"), 0))
                .testFailures(new TestFailure("f", t("09-01T00:00"), FailureCause.FLAKY))
                .build();
        FlowReport r = FlowMetrics.ofDefaults().evaluate(data, WEEK);
        assertFalse(r.figure("licence.utilization[free]").isPresent());
        assertEquals(0.25, r.figure("licence.utilization[paid]").orElseThrow().value().orElseThrow());
        assertEquals(4, r.figure("licence.utilization").orElseThrow().sampleSize());
        assertFalse(r.figure("suggestion.acceptance_rate[quiet]").isPresent());
        assertEquals(0.25, r.figure("suggestion.acceptance_rate").orElseThrow().value().orElseThrow());
        // a task completed after the period and a failure before it are not counted
        assertFalse(r.figure("agent.autonomy").orElseThrow().hasData());
        assertFalse(r.figure("test_oracle.reliability").orElseThrow().hasData());
        // more active users than seats cannot use more than every seat
        FlowData crowded = FlowData.builder().licences(new LicenceCount("paid", 1))
                .toolActivity(new ToolActivity("paid", "a", t("10-02T00:00")), new ToolActivity("paid", "b", t("10-02T00:00"))).build();
        assertEquals(1.0, FlowMetrics.ofDefaults().evaluate(crowded, WEEK).figure("licence.utilization").orElseThrow().value().orElseThrow());
    }

    @Test
    void events_helpers() {
        PullRequest open = FlowFixtures.pr("a", "x", "r", "t", null, null);
        assertFalse(open.isMerged());
        assertTrue(merged("b", "x").isMerged());
        RunnerUsage u = new RunnerUsage("p", t("10-01T00:00"), t("10-01T02:00"), 3, Duration.ofHours(1));
        assertEquals(Duration.ofHours(6).toNanos(), u.capacityNanos());
        assertEquals(Duration.ofHours(1).toNanos(), u.busyNanos());
        RunnerUsage huge = new RunnerUsage("p", Interval.MIN, Interval.MAX, Long.MAX_VALUE, Duration.ofDays(365L * 1_000));
        assertEquals(Long.MAX_VALUE, huge.capacityNanos());
        assertEquals(Long.MAX_VALUE, huge.busyNanos());
        CiRun run = FlowFixtures.run("c", "p", "10-01T00:00", 1, 4, CiRun.Outcome.PASSED, 0, 0);
        assertEquals(Duration.ofMinutes(4), run.duration().orElseThrow());
        assertEquals(Duration.ofMinutes(5), Duration.between(run.pushed(), run.finished()));
        assertEquals("x = 1.5 s (n=2)", Figure.of("x", Unit.SECONDS, 2, 1.5).toString());
        assertEquals(Money.of("0.5", "USD"), FlowTargets.DEFAULT_COST_PER_ITERATION_MAX);
    }
}
