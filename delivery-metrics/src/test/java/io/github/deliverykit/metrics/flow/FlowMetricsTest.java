package io.github.deliverykit.metrics.flow;

import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.Feature;
import static io.github.deliverykit.metrics.flow.FlowFixtures.WEEK;
import static io.github.deliverykit.metrics.flow.FlowFixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.cost.CostLedger;
import io.github.deliverykit.metrics.cost.CostReport;
import io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.github.deliverykit.metrics.flow.FlowData.AgentTask;
import io.github.deliverykit.metrics.flow.FlowData.MergeQueueEntry;
import io.github.deliverykit.metrics.flow.FlowData.Rollback;
import io.github.deliverykit.metrics.flow.FlowData.RunnerUsage;
import io.github.deliverykit.metrics.flow.FlowData.SuggestionCounts;
import io.github.deliverykit.metrics.flow.FlowReport.Figure;

final class FlowMetricsTest {

    private static final FlowReport REPORT = FlowMetrics.ofDefaults().evaluate(FlowFixtures.week(), FlowFixtures.weekCost(), WEEK);

    private static double value(String figure) {
        return REPORT.figure(figure).orElseThrow().value().orElseThrow();
    }

    private static long n(String figure) {
        return REPORT.figure(figure).orElseThrow().sampleSize();
    }

    private static Finding finding(String code) {
        return REPORT.findings().find(code).orElseThrow(() -> new AssertionError("no finding " + code));
    }

    @Test
    void iterationsToSuccess_handComputed() {
        // pr-1: fail, pass = 2; pr-2: pass = 1; pr-3: 3 fails, pass = 4 -> median 2, mean 7/3
        assertEquals(2.0, value("its.median"));
        assertEquals(7.0 / 3, value("its.mean"), 1e-12);
        assertEquals(3, n("its.median"));
        Finding f = finding("flow.its");
        assertEquals(Level.PASS, f.level());
        assertEquals(1L, f.fact("aboveTarget"));
        assertEquals("pr-3", f.fact("aboveTargetPullRequests"));
    }

    @Test
    void costPerIteration_handComputed() {
        // (0.40 + 0.20 + 0.30 + 4 x 0.50) / 7 = 0.414285714...; i8 has an unknown cost and is not counted as 0
        Finding f = finding("flow.cost-per-iteration");
        assertEquals(Level.PASS, f.level());
        assertEquals(Money.of("0.414285714", "USD"), f.fact("mean"));
        assertEquals(7L, f.fact("sampleSize"));
        assertEquals(1L, f.fact("unknownCost"));
        assertEquals(7, n("cost.per_iteration"));
    }

    @Test
    void costPerMergedPrAndFeature_handComputed() {
        // pr-1 0.60, pr-2 0.30, pr-3 2.00 -> 0.966666667; f-1 0.90, f-2 2.00 -> 1.45
        assertEquals(Money.of("0.966666667", "USD"), finding("flow.cost-per-merged-pr").fact("mean"));
        assertEquals(Level.INFO, finding("flow.cost-per-merged-pr").level());
        assertEquals(Money.of("1.45", "USD"), finding("flow.cost-per-feature").fact("mean"));
        assertEquals(1.45, value("cost.per_feature"));
        // 2026-Q4 1.45 after 2026-Q3 2.00 (f-0): ratio 0.725, declining
        Finding trend = finding("flow.cost-per-feature-trend");
        assertEquals(Level.PASS, trend.level());
        assertEquals("2026-Q3", trend.fact("previousQuarter"));
        assertEquals("2026-Q4", trend.fact("currentQuarter"));
        assertEquals(0.725, 1 + value("cost.per_feature.qoq_change"), 1e-15);
    }

    @Test
    void ci_handComputed() {
        // durations (cancelled excluded) 2, 2, 2, 3, 4, 6 min: median 2.5 min, P95 4 + 0.75 x 2 = 5.5 min
        assertEquals(150.0, value("ci.duration.median"), 1e-9);
        assertEquals(330.0, value("ci.duration.p95"), 1e-9);
        assertEquals(6, n("ci.duration.p95"));
        assertEquals(Level.PASS, finding("flow.ci-duration.median").level());
        assertEquals(Level.PASS, finding("flow.ci-duration.p95").level());
        // latencies 2, 2, 2, 3.5, 5, 6 min: median 2.75 min, P95 5.75 min
        assertEquals(165.0, value("ci.feedback_latency.median"), 1e-9);
        assertEquals(345.0, value("ci.feedback_latency.p95"), 1e-9);
        assertEquals(Level.INFO, finding("flow.ci-feedback-latency").level());
        // 230 hits of 310 lookups (the cancelled run's lookups count)
        assertEquals(230.0 / 310, value("ci.cache.hit_rate"), 1e-15);
        assertEquals(310, n("ci.cache.hit_rate"));
        assertEquals(Level.PASS, finding("flow.cache-hit-rate").level());
        // 30 busy hours of 2 runners x 24 h
        assertEquals(0.625, value("ci.runner.utilization"));
        assertEquals(Level.PASS, finding("flow.runner-utilisation").level());
        // rounds: pr-1 2, pr-2 1, pr-3 3 (cancelled excluded) -> mean 2, pr-3 flagged
        assertEquals(2.0, value("ci.rounds.per_pr"));
        Finding rounds = finding("flow.ci-rounds");
        assertEquals(Level.WARN, rounds.level());
        assertEquals("pr-3", rounds.fact("pullRequests"));
    }

    @Test
    void mergeAndReview_handComputed() {
        // pr-1 human-reviewed; pr-2 bot only; pr-3 none -> 2 / 3
        assertEquals(2.0 / 3, value("review.auto_approve_rate"), 1e-15);
        assertEquals(Level.PASS, finding("flow.auto-approve-rate").level());
        // waits 4, 12, 8 min -> median 8 min, P95 8 + 0.9 x 4 = 11.6 min
        assertEquals(480.0, value("merge_queue.wait.p50"), 1e-9);
        assertEquals(696.0, value("merge_queue.wait.p95"), 1e-9);
        assertEquals(Level.PASS, finding("flow.merge-queue-wait").level());
        assertEquals(Duration.ofMinutes(8), finding("flow.merge-queue-wait").fact("median"));
    }

    @Test
    void agentsPeopleAndTools_handComputed() {
        assertEquals(2.0 / 3, value("agent.autonomy"), 1e-15);
        assertEquals(0.5, value("agent.autonomy[bugfix]"));
        assertEquals(1.0, value("agent.autonomy[feature]"));
        assertEquals("bugfix=0.5 (n=2); feature=1 (n=1)", finding("flow.agent-autonomy").fact("byTaskType"));
        assertEquals(0.6, value("test_oracle.reliability"));
        assertEquals(1L, finding("flow.test-oracle-reliability").fact("flaky"));
        // 3 merged PRs by alice and bob in one week
        assertEquals(1.5, value("pr.throughput.per_developer_week"), 1e-12);
        assertEquals(3.0 / 7, value("pr.throughput.per_day"), 1e-12);
        // copilot 2 of 10 seats used, cursor 0 of 5 (its only use was before the period); claude unlicensed
        assertEquals(2.0 / 15, value("licence.utilization"), 1e-15);
        assertEquals(0.2, value("licence.utilization[copilot]"));
        assertEquals(0.0, value("licence.utilization[cursor]"));
        assertEquals("claude", finding("flow.licence-use").fact("toolsWithoutLicences"));
        assertEquals(13L, finding("flow.licence-use").fact("unusedLicences"));
        assertEquals(50.0 / 150, value("suggestion.acceptance_rate"), 1e-15);
        assertEquals(0.3, value("suggestion.acceptance_rate[copilot]"));
        assertEquals(0.4, value("suggestion.acceptance_rate[cursor]"));
    }

    @Test
    void rollbacks_handComputed() {
        // successful rollbacks took 3 and 5 min -> mean 4 min; only r1 succeeded without a person: 1 / 3
        assertEquals(240.0, value("rollback.mean_time"), 1e-9);
        assertEquals(Level.PASS, finding("flow.rollback-time").level());
        assertEquals(1.0 / 3, value("rollback.success_rate"), 1e-15);
        Finding success = finding("flow.rollback-success");
        assertEquals(Level.FAIL, success.level());
        assertEquals(3L, success.fact("rollbacks"));
    }

    @Test
    void vanity_passesWhenFeaturesGrowWithActivity() {
        // previous week: pr-0 merged, no feature; this week 3 merged, 2 features
        assertEquals(2.0, value("activity.growth"));
        assertEquals(Level.PASS, finding("flow.vanity").level());
    }

    @Test
    void vanity_flagsActivityUpWithFeaturesFlat() {
        FlowData data = FlowData.builder()
                .pullRequests(FlowFixtures.pr("a", "x", "r", "t", "09-25T00:00", null),
                        FlowFixtures.pr("b", "x", "r", "t", "10-02T00:00", null),
                        FlowFixtures.pr("c", "y", "r", "t", "10-03T00:00", null))
                .features(new Feature("f", t("09-26T00:00")), new Feature("g", t("10-04T00:00")))
                .build();
        FlowReport r = FlowMetrics.ofDefaults().evaluate(data, WEEK);
        Finding f = r.findings().find("flow.vanity").orElseThrow();
        assertEquals(Level.WARN, f.level());
        assertEquals(1.0, f.fact("growth"));
        assertEquals(1L, f.fact("featuresBefore"));
        assertEquals(1L, f.fact("featuresNow"));
        // with a threshold above the growth it is not flagged
        FlowReport relaxed = FlowMetrics.of(FlowTargets.custom().vanityActivityGrowth(1.5).build()).evaluate(data, WEEK);
        assertEquals(Level.PASS, relaxed.findings().find("flow.vanity").orElseThrow().level());
    }

    @Test
    void targets_failWhenMissed() {
        FlowTargets strict = FlowTargets.custom()
                .itsRange(1, 1.5)
                .costPerIterationMax(Money.of("0.40", "USD"))
                .ciMedianMax(Duration.ofMinutes(2))
                .ciP95Max(Duration.ofMinutes(5))
                .cacheHitRateMin(0.75)
                .runnerUtilisation(0.7, 0.9)
                .maxCiRounds(3)
                .autoApproveRateMin(0.7)
                .mergeQueueWaitMax(Duration.ofMinutes(8))
                .rollbackTimeMax(Duration.ofMinutes(4))
                .rollbackSuccessMin(0.3)
                .build();
        FlowReport r = FlowMetrics.of(strict).evaluate(FlowFixtures.week(), FlowFixtures.weekCost(), WEEK);
        for (String code : List.of("flow.its", "flow.cost-per-iteration", "flow.ci-duration.median", "flow.ci-duration.p95",
                "flow.cache-hit-rate", "flow.runner-utilisation", "flow.auto-approve-rate", "flow.merge-queue-wait",
                "flow.rollback-time")) {
            assertEquals(Level.FAIL, r.findings().find(code).orElseThrow().level(), code);
        }
        assertEquals(Level.PASS, r.findings().find("flow.ci-rounds").orElseThrow().level());
        assertEquals(Level.PASS, r.findings().find("flow.rollback-success").orElseThrow().level());
        assertTrue(r.findings().find("flow.runner-utilisation").orElseThrow().message().contains("idle capacity (waste)"));
        FlowReport saturated = FlowMetrics.of(FlowTargets.custom().runnerUtilisation(0.1, 0.6).build())
                .evaluate(FlowFixtures.week(), WEEK);
        assertTrue(saturated.findings().find("flow.runner-utilisation").orElseThrow().message().contains("saturated (queuing)"));
    }

    @Test
    void boundaries_followTheSeedWording() {
        // "> 70 %" is strict: exactly 70 % fails; "50-80 %" is inclusive; "1-3" inclusive
        FlowData data = FlowData.builder()
                .pullRequests(FlowFixtures.pr("p", "a", "r", "t", "10-02T00:00", null))
                .ciRuns(FlowFixtures.run("c", "p", "10-01T01:00", 0, 10, CiRun.Outcome.PASSED, 70, 30))
                .runnerUsage(new RunnerUsage("p", t("10-01T00:00"), t("10-01T10:00"), 1, Duration.ofHours(8)))
                .iterations(FlowFixtures.it("1", "p", "10-01T00:00", 0, false), FlowFixtures.it("2", "p", "10-01T00:00", 1, false),
                        FlowFixtures.it("3", "p", "10-01T00:00", 2, true))
                .build();
        FlowReport r = FlowMetrics.ofDefaults().evaluate(data, WEEK);
        assertEquals(Level.FAIL, r.findings().find("flow.cache-hit-rate").orElseThrow().level());
        assertEquals(Level.PASS, r.findings().find("flow.runner-utilisation").orElseThrow().level());
        assertEquals(Level.PASS, r.findings().find("flow.its").orElseThrow().level());
        // a 10-minute CI run fails the 5-minute median target
        assertEquals(Level.FAIL, r.findings().find("flow.ci-duration.median").orElseThrow().level());
        // a PR merged without a human review is auto-approved: 1/1 > 60 %
        assertEquals(Level.PASS, r.findings().find("flow.auto-approve-rate").orElseThrow().level());
    }

    @Test
    void noData_isNeverZero() {
        FlowReport r = FlowMetrics.ofDefaults().evaluate(FlowData.empty(), WEEK);
        for (Figure f : r.figures()) {
            assertFalse(f.hasData(), f.name());
            assertEquals(0, f.sampleSize());
        }
        for (Finding f : r.findings()) {
            assertEquals(Level.WARN, f.level(), f.code());
            assertTrue(f.code().endsWith(".no-data"), f.code());
        }
        assertEquals(21, r.findings().size());
        assertEquals("cost.per_iteration = no data (n=0)", r.figure("cost.per_iteration").orElseThrow().toString());
        // cost metrics without a cost report are no data, even with iterations
        FlowReport noCost = FlowMetrics.ofDefaults().evaluate(FlowFixtures.week(), WEEK);
        assertEquals("no cost report", noCost.findings().find("flow.cost-per-iteration.no-data").orElseThrow().fact("reason"));
        assertTrue(noCost.findings().find("flow.cost-per-feature-trend.no-data").isPresent());
    }

    @Test
    void unknownCosts_areNoDataNotZero() {
        PriceTable empty = PriceTable.of("empty", Money.currency("USD"), List.<ModelPrice>of());
        CostReport unknown = CostLedger.of(empty).price(List.of(
                io.github.deliverykit.metrics.cost.UsageRecord.builder("u", t("10-02T00:00"), "m").iteration("i1").pullRequest("pr-1").build()));
        FlowReport r = FlowMetrics.ofDefaults().evaluate(FlowFixtures.week(), unknown, WEEK);
        Finding f = r.findings().find("flow.cost-per-iteration.no-data").orElseThrow();
        assertEquals(8L, f.fact("unknownCost"));
        assertFalse(r.figure("cost.per_iteration").orElseThrow().hasData());
        assertThrows(IllegalArgumentException.class, () -> FlowMetrics.ofDefaults().evaluate(FlowFixtures.week(),
                CostLedger.of(PriceTable.of("eur", Money.currency("EUR"), List.of(ModelPrice.flat("m",
                        TokenPrices.perMillion("EUR", "1", "1", "1", "1"))))).price(List.of()), WEEK));
    }

    @Test
    void rendering_isStable() {
        String text = REPORT.toText();
        assertEquals(text, FlowMetrics.ofDefaults().evaluate(FlowFixtures.week(), FlowFixtures.weekCost(), WEEK).toText());
        assertTrue(text.startsWith("AI-delivery metrics [2026-10-01T00:00:00Z, 2026-10-08T00:00:00Z)\n  its.median = 2 (n=3)\n"), text);
        assertTrue(text.contains("[PASS] flow.cost-per-iteration: Mean cost per iteration is 0.414285714 USD (target below 0.50 USD)"), text);
        assertEquals(List.of("flow.its", "flow.cost-per-iteration", "flow.cost-per-merged-pr", "flow.cost-per-feature",
                "flow.cost-per-feature-trend", "flow.ci-duration.median", "flow.ci-duration.p95", "flow.ci-feedback-latency",
                "flow.cache-hit-rate", "flow.runner-utilisation", "flow.ci-rounds", "flow.auto-approve-rate",
                "flow.agent-autonomy", "flow.merge-queue-wait", "flow.test-oracle-reliability", "flow.pr-throughput",
                "flow.licence-use", "flow.suggestion-acceptance", "flow.rollback-time", "flow.rollback-success", "flow.vanity"),
                REPORT.findings().codes());
    }

    @Test
    void slices_byRepositoryAndTeam() {
        Map<String, FlowData> repos = FlowFixtures.week().byRepository();
        assertEquals(List.of("repo-a", "repo-b"), List.copyOf(repos.keySet()));
        assertEquals(3, repos.get("repo-a").pullRequests().size());
        assertEquals(3, repos.get("repo-a").ciRuns().size());
        assertEquals(4, repos.get("repo-b").ciRuns().size());
        assertTrue(repos.get("repo-b").features().isEmpty());
        assertEquals(List.of("team-x", "team-y"), List.copyOf(FlowFixtures.week().byTeam().keySet()));
        FlowReport a = FlowMetrics.ofDefaults().evaluate(repos.get("repo-a"), WEEK);
        assertEquals(2, a.figure("review.auto_approve_rate").orElseThrow().sampleSize());
    }

    @Test
    void badInput_isIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> FlowMetrics.ofDefaults().evaluate(null, WEEK));
        assertThrows(IllegalArgumentException.class, () -> FlowMetrics.ofDefaults().evaluate(FlowData.empty(), null));
        assertThrows(IllegalArgumentException.class, () -> FlowMetrics.of(null));
        assertThrows(IllegalArgumentException.class, () -> new CiRun("c", "p", t("10-02T00:00"), t("10-01T00:00"), t("10-03T00:00"), CiRun.Outcome.PASSED, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CiRun("c", "p", t("10-01T00:00"), t("10-01T00:00"), t("10-01T00:00"), CiRun.Outcome.PASSED, Long.MAX_VALUE, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunnerUsage("p", t("10-01T00:00"), t("10-01T01:00"), 1, Duration.ofHours(2)));
        assertThrows(IllegalArgumentException.class, () -> new RunnerUsage("p", t("10-01T00:00"), t("10-01T01:00"), 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SuggestionCounts("x", t("10-01T00:00"), 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Rollback("r", t("10-01T00:00"), null, true, false));
        assertThrows(IllegalArgumentException.class, () -> new MergeQueueEntry("p", t("10-01T00:00"), null, true));
        assertThrows(IllegalArgumentException.class, () -> new AgentTask("t", "x", t("10-01T00:00"), null, -1));
        assertThrows(IllegalArgumentException.class, () -> new PullRequest("p", "r", "t", "a", t("10-02T00:00"), t("10-01T00:00"), null));
        assertThrows(IllegalArgumentException.class, () -> new PullRequest("p", "r", "t", "a", t("10-02T00:00"), null, " "));
        assertThrows(IllegalArgumentException.class, () -> new Figure("x", Unit.SECONDS, 0, java.util.OptionalDouble.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new Figure("x", Unit.SECONDS, 1, java.util.OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> Figure.of("x", Unit.SECONDS, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new FlowReport(WEEK, List.of(Figure.noData("a", Unit.SECONDS), Figure.noData("a", Unit.SECONDS)),
                io.github.deliverykit.core.finding.Findings.none()));
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.custom().itsRange(3, 1));
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.custom().itsRange(0, 1));
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.custom().costPerIterationMax(Money.of("0", "USD")));
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.custom().cacheHitRateMin(1.0));
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.custom().runnerUtilisation(0.9, 0.8));
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.custom().maxCiRounds(0));
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.custom().ciMedianMax(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.custom().rollbackSuccessMin(1.1));
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.custom().vanityActivityGrowth(-0.1));
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.custom().zone(null));
        assertThrows(IllegalArgumentException.class, () -> FlowData.builder().ciRuns((CiRun) null));
        assertThrows(IllegalArgumentException.class, () -> FlowData.empty().slice(null));
    }

    @Test
    void targets_defaultsAndCopies() {
        FlowTargets d = FlowTargets.ofDefaults();
        assertEquals(Money.of("0.5", "USD"), d.costPerIterationMax());
        assertEquals(Duration.ofMinutes(10), d.mergeQueueWaitMax());
        assertEquals(2, d.maxCiRounds());
        FlowTargets copy = d.toBuilder().build();
        FlowTargets from = FlowTargets.from(d).maxCiRounds(3).build();
        assertEquals(3, from.maxCiRounds());
        assertEquals(d.ciMedianMax(), from.ciMedianMax());
        assertEquals(2, d.maxCiRounds());
        assertThrows(IllegalArgumentException.class, () -> FlowTargets.from(null));
        assertEquals(d.itsMin(), copy.itsMin());
        assertEquals(d.itsMax(), copy.itsMax());
        assertEquals(d.ciMedianMax(), copy.ciMedianMax());
        assertEquals(d.ciP95Max(), copy.ciP95Max());
        assertEquals(d.cacheHitRateMin(), copy.cacheHitRateMin());
        assertEquals(d.runnerUtilisationMin(), copy.runnerUtilisationMin());
        assertEquals(d.runnerUtilisationMax(), copy.runnerUtilisationMax());
        assertEquals(d.autoApproveRateMin(), copy.autoApproveRateMin());
        assertEquals(d.rollbackTimeMax(), copy.rollbackTimeMax());
        assertEquals(d.rollbackSuccessMin(), copy.rollbackSuccessMin());
        assertEquals(d.vanityActivityGrowth(), copy.vanityActivityGrowth());
        assertEquals(d.zone(), copy.zone());
        assertEquals(d, FlowMetrics.of(d).targets());
    }

    @Test
    void helpers() {
        assertEquals("2026-Q4", FlowMetrics.label(FlowMetrics.quarterIndex(t("10-01T00:00").atZone(java.time.ZoneOffset.UTC))));
        assertEquals(Long.MAX_VALUE, FlowMetrics.saturatedAdd(Long.MAX_VALUE, 1));
        assertEquals(Long.MIN_VALUE, FlowMetrics.saturatedAdd(Long.MIN_VALUE, -1));
        assertEquals(Long.MAX_VALUE, FlowMetrics.saturatedNanos(Duration.ofDays(365L * 400)));
        assertEquals("70 %", FlowMetrics.percent(0.7));
        Interval empty = Interval.of(t("10-01T00:00"), t("10-01T00:00"));
        FlowReport r = FlowMetrics.ofDefaults().evaluate(FlowFixtures.week(), empty);
        assertTrue(r.findings().find("flow.vanity.no-data").isPresent());
    }
}
