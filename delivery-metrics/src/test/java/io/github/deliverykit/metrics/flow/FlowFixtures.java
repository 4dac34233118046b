package io.github.deliverykit.metrics.flow;

import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.Feature;
import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.cost.CostLedger;
import io.github.deliverykit.metrics.cost.CostReport;
import io.github.deliverykit.metrics.cost.internal.ExamplePriceTable;
import io.github.deliverykit.metrics.cost.UsageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/** The hand-computed week of FlowMetricsTest (numbers worked out in its comments). */
final class FlowFixtures {

    static final Interval WEEK = Interval.of(t("10-01T00:00"), t("10-08T00:00"));

    private FlowFixtures() {}

    static Instant t(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + ":00Z");
    }

    static PullRequest pr(String id, String author, String repo, String team, String merged, String feature) {
        return new PullRequest(id, repo, team, author, t("09-20T00:00"), merged == null ? null : t(merged), feature);
    }

    static CiRun run(String id, String pr, String pushed, double startDelayMin, double durationMin, CiRun.Outcome outcome,
            long hits, long misses) {
        Instant p = t(pushed);
        Instant s = p.plus(minutes(startDelayMin));
        return new CiRun(id, pr, p, s, s.plus(minutes(durationMin)), outcome, hits, misses);
    }

    static Duration minutes(double m) {
        return Duration.ofSeconds(Math.round(m * 60));
    }

    static AgentIteration it(String id, String pr, String day, int seq, boolean passed) {
        Instant s = t(day).plus(Duration.ofMinutes(10L * seq));
        return new AgentIteration(id, pr, s, s.plusSeconds(300), passed);
    }

    static FlowData week() {
        return FlowData.builder()
                .pullRequests(
                        pr("pr-1", "alice", "repo-a", "team-x", "10-02T10:00", "f-1"),
                        pr("pr-2", "bob", "repo-a", "team-x", "10-03T10:00", "f-1"),
                        pr("pr-3", "alice", "repo-b", "team-y", "10-04T10:00", "f-2"),
                        pr("pr-4", "carol", "repo-b", "team-y", null, null),
                        pr("pr-0", "alice", "repo-a", "team-x", "09-28T10:00", "f-0"))
                .iterations(
                        it("i1", "pr-1", "10-02T08:00", 0, false), it("i2", "pr-1", "10-02T08:00", 1, true),
                        it("i3", "pr-2", "10-03T08:00", 0, true),
                        it("i4", "pr-3", "10-04T08:00", 0, false), it("i5", "pr-3", "10-04T08:00", 1, false),
                        it("i6", "pr-3", "10-04T08:00", 2, false), it("i7", "pr-3", "10-04T08:00", 3, true),
                        it("i8", "pr-4", "10-05T08:00", 0, false))
                .ciRuns(
                        run("c1", "pr-1", "10-02T09:00", 1, 4, CiRun.Outcome.FAILED, 80, 20),
                        run("c2", "pr-1", "10-02T09:30", 0.5, 3, CiRun.Outcome.PASSED, 90, 10),
                        run("c3", "pr-2", "10-03T09:00", 0, 6, CiRun.Outcome.PASSED, 50, 50),
                        run("c4", "pr-3", "10-04T09:00", 0, 2, CiRun.Outcome.FAILED, 0, 0),
                        run("c5", "pr-3", "10-04T09:10", 0, 2, CiRun.Outcome.FAILED, 0, 0),
                        run("c6", "pr-3", "10-04T09:20", 0, 2, CiRun.Outcome.PASSED, 0, 0),
                        run("c7", "pr-3", "10-04T09:30", 0, 1, CiRun.Outcome.CANCELLED, 10, 0))
                .reviews(new Review("pr-1", "dave", true, t("10-02T09:50")),
                        new Review("pr-2", "policy-bot", false, t("10-03T09:50")))
                .mergeQueue(
                        new MergeQueueEntry("pr-1", t("10-02T09:56"), t("10-02T10:00"), true),
                        new MergeQueueEntry("pr-2", t("10-03T09:48"), t("10-03T10:00"), true),
                        new MergeQueueEntry("pr-3", t("10-04T09:52"), t("10-04T10:00"), true),
                        new MergeQueueEntry("pr-4", t("10-05T09:00"), t("10-05T11:00"), false))
                .tasks(new AgentTask("t1", "bugfix", t("10-01T08:00"), t("10-02T08:00"), 0),
                        new AgentTask("t2", "bugfix", t("10-01T08:00"), t("10-03T08:00"), 1),
                        new AgentTask("t3", "feature", t("10-01T08:00"), t("10-04T08:00"), 0),
                        new AgentTask("t4", "feature", t("10-01T08:00"), null, 0))
                .testFailures(new TestFailure("x1", t("10-02T01:00"), FailureCause.REAL_DEFECT),
                        new TestFailure("x2", t("10-02T02:00"), FailureCause.REAL_DEFECT),
                        new TestFailure("x3", t("10-02T03:00"), FailureCause.REAL_DEFECT),
                        new TestFailure("x4", t("10-02T04:00"), FailureCause.FLAKY),
                        new TestFailure("x5", t("10-02T05:00"), FailureCause.INFRASTRUCTURE))
                .runnerUsage(new RunnerUsage("p1", t("10-01T00:00"), t("10-02T00:00"), 2, Duration.ofHours(30)))
                .licences(new LicenceCount("copilot", 10), new LicenceCount("cursor", 5))
                .toolActivity(new ToolActivity("copilot", "alice", t("10-02T00:00")),
                        new ToolActivity("copilot", "bob", t("10-03T00:00")),
                        new ToolActivity("copilot", "alice", t("10-04T00:00")),
                        new ToolActivity("cursor", "bob", t("09-01T00:00")),
                        new ToolActivity("claude", "carol", t("10-05T00:00")))
                .suggestions(new SuggestionCounts("copilot", t("10-03T00:00"), 100, 30),
                        new SuggestionCounts("cursor", t("10-03T00:00"), 50, 20))
                .rollbacks(new Rollback("r1", t("10-05T00:00"), t("10-05T00:03"), true, false),
                        new Rollback("r2", t("10-06T00:00"), t("10-06T00:05"), true, true),
                        new Rollback("r3", t("10-07T00:00"), null, false, true))
                .features(new Feature("f-1", t("10-05T00:00")), new Feature("f-2", t("10-06T00:00")),
                        new Feature("f-0", t("09-15T00:00")))
                .build();
    }

    static UsageRecord usage(String id, String iteration, String pr, String feature, String usd) {
        return UsageRecord.builder(id, t("10-02T00:00"), "agent").cost(Money.of(usd, "USD"))
                .iteration(iteration).pullRequest(pr).feature(feature).build();
    }

    static CostReport weekCost() {
        List<UsageRecord> records = new ArrayList<>(List.of(
                usage("u1", "i1", "pr-1", "f-1", "0.40"),
                usage("u2", "i2", "pr-1", "f-1", "0.20"),
                usage("u3", "i3", "pr-2", "f-1", "0.30"),
                usage("u4", "i4", "pr-3", "f-2", "0.50"),
                usage("u5", "i5", "pr-3", "f-2", "0.50"),
                usage("u6", "i6", "pr-3", "f-2", "0.50"),
                usage("u7", "i7", "pr-3", "f-2", "0.50"),
                usage("u0", null, "pr-0", "f-0", "2.00"),
                UsageRecord.builder("u8", t("10-05T00:00"), "mystery").tokens(100, 100, 0, 0)
                        .iteration("i8").pullRequest("pr-4").build()));
        return CostLedger.of(new ExamplePriceTable()).price(records);
    }
}
