package io.github.deliverykit.policy.canary;

import static io.github.deliverykit.policy.canary.Synthetic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.metrics.stats.Alternative;
import io.github.deliverykit.metrics.stats.BrownForsythe;
import io.github.deliverykit.metrics.stats.ExceedanceTest;
import io.github.deliverykit.metrics.stats.MannWhitney;
import io.github.deliverykit.metrics.stats.ProportionTest;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.Direction;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.NoDataStrategy;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.internal.DistributionJudges.DistributionJudge;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageContext;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

final class DistributionJudgeTest {

    private static final DistributionJudge JUDGE = new DistributionJudge();

    private static RuleResult<List<MetricResult>> judge(List<Observation> log, MetricSpec... specs) {
        CanaryAnalysisConfig.Builder b = CanaryAnalysisConfig.custom().judges(List.of(DistributionJudge.ID));
        for (MetricSpec s : specs) {
            b.metric(s);
        }
        StageData data = StageData.collect(log, T0, T0.plus(Duration.ofMinutes(30)), null);
        return JUDGE.judge(new StageContext(RolloutPlan.canaryDefault(), 0, T0, T0.plus(Duration.ofMinutes(30)), b.build(), data));
    }

    /** n baseline samples 100 + i and canary samples f(baseline). */
    private static List<Observation> samples(int n, DoubleUnaryOperator canary) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double b = 100 + i;
            out.add(new Observation.Sample(T0.plusSeconds(i), Variant.BASELINE, "latency", b));
            out.add(new Observation.Sample(T0.plusSeconds(i), Variant.CANARY, "latency", canary.applyAsDouble(b)));
        }
        return out;
    }

    private static List<Observation> counts(long canaryBad, long canaryTotal, long baselineBad, long baselineTotal) {
        return List.of(new Observation.Count(T0, Variant.CANARY, "requests", canaryBad, canaryTotal),
                new Observation.Count(T0, Variant.BASELINE, "requests", baselineBad, baselineTotal));
    }

    private static Finding only(RuleResult<List<MetricResult>> r, String code) {
        List<Finding> found = r.findings().filter(f -> f.code().equals(code)).list();
        assertEquals(1, found.size(), () -> code + " in " + r.findings());
        return found.get(0);
    }

    private static MetricResult metric(RuleResult<List<MetricResult>> r, String name) {
        return r.extras().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void identical_passesWithEveryTestReported() {
        RuleResult<List<MetricResult>> r = judge(samples(40, b -> b), MetricSpec.samples("latency").build());
        Finding pass = only(r, "distribution.metric.pass");
        assertEquals(Level.PASS, pass.level());
        // weighted Bonferroni: 3/4 of the significance to the tail test, 1/8 each to location and spread
        assertEquals(0.02 / 8, (double) pass.fact("alpha"), 1e-15);
        assertEquals(0.02 * 3 / 4, (double) pass.fact("tailAlpha"), 1e-15);
        assertEquals(3L, pass.fact("tests"));
        assertEquals(3L, pass.fact("tailRanks"));
        assertEquals(1.0, pass.fact("meanRatio"));
        assertEquals(1.0, pass.fact("spreadRatio"));
        assertEquals(Outcome.PASS, metric(r, "latency").outcome());
        assertEquals(1.0, metric(r, "latency").value(), 1e-12);
        assertTrue(r.inNamespace(DistributionJudge.ID));
    }

    @Test
    void spreadJump_sameMedian_failsOnSpreadOnly() {
        RuleResult<List<MetricResult>> r = judge(samples(40, b -> 119.5 + 4 * (b - 119.5)), MetricSpec.samples("latency").build());
        Finding spread = only(r, "distribution.metric.spread");
        assertEquals(Level.FAIL, spread.level());
        assertEquals(4.0, (double) spread.fact("spreadRatio"), 1e-12);
        assertTrue(r.findings().find("distribution.metric.location").isEmpty(), r.findings()::toString);
        MetricResult m = metric(r, "latency");
        assertEquals(Outcome.FAIL, m.outcome());
        assertFalse(m.critical());
        assertTrue(m.value() < 0.02, () -> "adjusted " + m.value());
        assertEquals(8 * (double) spread.fact("spreadPValue"), m.value(), 1e-18);
        assertEquals(m.value(), (double) spread.fact("adjustedPValue"));
    }

    @Test
    void lowerTail_forAMetricThatFailsOnDecrease() {
        // throughput-like: 10 of 100 canary samples collapse to a hundredth
        RuleResult<List<MetricResult>> r = judge(samples(100, b -> b < 110 ? b / 100 : b),
                MetricSpec.samples("latency").direction(Direction.DECREASE).build());
        Finding tail = only(r, "distribution.metric.tail");
        assertTrue(tail.message().contains("smallest"), tail.message());
        assertEquals(10L, tail.fact("canaryTail"));
        assertEquals("lower", tail.fact("tailSide"));
        assertEquals(1.0 / 100, (double) tail.fact("tailRatio"), 1e-12);
        // the same canary judged on increase has no heavier upper tail
        assertTrue(judge(samples(100, b -> b < 110 ? b / 100 : b), MetricSpec.samples("latency").build()).findings()
                .find("distribution.metric.tail").isEmpty());
        // either direction: the upper tail, two-sided
        RuleResult<List<MetricResult>> either = judge(samples(100, b -> b >= 190 ? b * 100 : b),
                MetricSpec.samples("latency").direction(Direction.EITHER).build());
        Finding eitherTail = only(either, "distribution.metric.tail");
        assertEquals(10L, eitherTail.fact("canaryTail"));
        assertEquals("upper", eitherTail.fact("tailSide"));
        assertTrue((double) eitherTail.fact("tailPValue") >= (double) eitherTail.fact("tailMarginalPValue"), eitherTail::toString);
    }

    @Test
    void heavyTail_failsOnTheTailTest() {
        // 10 of 100 canary samples at 100x: all of them beyond the baseline's largest value
        RuleResult<List<MetricResult>> r = judge(samples(100, b -> b >= 190 ? b * 100 : b), MetricSpec.samples("latency").build());
        Finding tail = only(r, "distribution.metric.tail");
        assertEquals(10L, tail.fact("canaryTail"));
        assertEquals(1L, tail.fact("tailRank"));
        assertEquals(199.0, (double) tail.fact("baselineAtTailRank"));
        assertEquals(100.0, (double) tail.fact("tailRatio"), 1e-12);
        assertEquals(ExceedanceTest.survival(1, 10, 100, 100), (double) tail.fact("tailMarginalPValue"), 1e-15);
        assertTrue(tail.message().contains("largest"), tail.message());
        assertEquals(Outcome.FAIL, metric(r, "latency").outcome());
        // a tail ratio (canary's extreme over the baseline's) within the allowed increase passes
        assertTrue(judge(samples(100, b -> b >= 190 ? b * 100 : b), MetricSpec.samples("latency").allowed(101, 1).build())
                .findings().find("distribution.metric.tail").isEmpty());
    }

    @Test
    void tailBelowTheBaselinesOwnOutliers_isNotSeenByTheTailTest() {
        // the baseline's 5 largest samples are far above everything: 30 canary samples at 10x stay below the
        // baseline's three largest, so no canary sample exceeds them (a limit of the exceedance test, stated in the README)
        List<Observation> log = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double b = i < 95 ? 100 + i : 1e6 + i;
            double c = i < 70 ? 100 + i : 1000 + i;
            log.add(new Observation.Sample(T0.plusSeconds(i), Variant.BASELINE, "latency", b));
            log.add(new Observation.Sample(T0.plusSeconds(i), Variant.CANARY, "latency", c));
        }
        RuleResult<List<MetricResult>> r = judge(log, MetricSpec.samples("latency").build());
        Finding pass = only(r, "distribution.metric.pass");
        assertEquals(0L, pass.fact("canaryTail"));
        assertEquals(1.0, (double) pass.fact("tailPValue"));
        // with the baseline's outliers gone, the same canary fails on its tail: 30 samples beyond the baseline's largest
        List<Observation> clean = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            clean.add(new Observation.Sample(T0.plusSeconds(i), Variant.BASELINE, "latency", 100 + i));
            clean.add(new Observation.Sample(T0.plusSeconds(i), Variant.CANARY, "latency", i < 70 ? 100 + i : 1000 + i));
        }
        RuleResult<List<MetricResult>> seen = judge(clean, MetricSpec.samples("latency").build());
        Finding tail = only(seen, "distribution.metric.tail");
        assertEquals(30L, tail.fact("canaryTail"));
        assertEquals(Outcome.FAIL, metric(seen, "latency").outcome());
        assertTrue(metric(seen, "latency").value() <= (double) tail.fact("tailPValue") / 0.75, tail::toString);
        assertEquals(1099.0 / 199, (double) tail.fact("tailRatio"), 1e-12);
        // a critical metric beyond its critical limit is critical
        assertTrue(metric(judge(clean, MetricSpec.samples("latency").critical().criticalLimits(5, 1).build()), "latency")
                .critical());
        assertFalse(metric(judge(clean, MetricSpec.samples("latency").critical().criticalLimits(1000, 1).build()), "latency")
                .critical());
    }

    @Test
    void locationShift_respectsDirectionAndAllowedEffect() {
        List<Observation> higher = samples(40, b -> b + 30);
        assertEquals(1, judge(higher, MetricSpec.samples("latency").build()).findings()
                .filter(f -> f.code().equals("distribution.metric.location")).list().size());
        assertTrue(only(judge(higher, MetricSpec.samples("latency").build()), "distribution.metric.location").message()
                .contains("higher"));
        // a rise of a metric that fails only on decrease passes
        assertEquals(Outcome.PASS, metric(judge(higher, MetricSpec.samples("latency").direction(Direction.DECREASE).build()),
                "latency").outcome());
        // within the allowed increase (mean ratio about 1.25 < 1.5)
        assertEquals(Outcome.PASS, metric(judge(higher, MetricSpec.samples("latency").allowed(1.5, 1).build()),
                "latency").outcome());
        List<Observation> lower = samples(40, b -> b - 30);
        RuleResult<List<MetricResult>> low = judge(lower, MetricSpec.samples("latency").direction(Direction.DECREASE).build());
        assertTrue(only(low, "distribution.metric.location").message().contains("lower"));
        assertEquals(Outcome.FAIL, metric(low, "latency").outcome());
        assertEquals(Outcome.PASS, metric(judge(lower, MetricSpec.samples("latency").build()), "latency").outcome());
        RuleResult<List<MetricResult>> either = judge(lower, MetricSpec.samples("latency").direction(Direction.EITHER).build());
        assertEquals(Outcome.FAIL, metric(either, "latency").outcome());
    }

    @Test
    void critical_onlyBeyondTheCriticalLimit() {
        List<Observation> doubled = samples(40, b -> b * 2);
        MetricResult critical = metric(judge(doubled, MetricSpec.samples("latency").critical().criticalLimits(1.5, 1).build()),
                "latency");
        assertEquals(Outcome.FAIL, critical.outcome());
        assertTrue(critical.critical());
        MetricResult notCritical = metric(judge(doubled, MetricSpec.samples("latency").critical().criticalLimits(3, 1).build()),
                "latency");
        assertEquals(Outcome.FAIL, notCritical.outcome());
        assertFalse(notCritical.critical());
        assertFalse(metric(judge(doubled, MetricSpec.samples("latency").criticalLimits(1.5, 1).build()), "latency").critical());
    }

    @Test
    void counts_fisherAtEveryCount_withBonferroniOverDecidingMetrics() {
        // 8 errors against none in 1,000 requests each: one-sided Fisher p about 0.0039
        RuleResult<List<MetricResult>> r = judge(counts(8, 1000, 0, 1000), MetricSpec.proportion("requests").build());
        Finding rate = only(r, "distribution.metric.rate");
        assertTrue((double) rate.fact("pValue") < 0.005 && (double) rate.fact("pValue") > 0.003, rate::toString);
        assertTrue(Double.isNaN((double) rate.fact("rateRatio")));
        assertEquals(0.02, (double) rate.fact("alpha"), 1e-15);
        // 5 against none: p about 0.031, not significant (and, with the power check on, too few to exclude +1 point)
        assertEquals(Outcome.NO_DATA, metric(judge(counts(5, 1000, 0, 1000), MetricSpec.proportion("requests").build()),
                "requests").outcome());
        assertEquals(Outcome.PASS, metric(judge(counts(5, 1000, 0, 1000), MetricSpec.proportion("requests").harmfulIncrease(0)
                .build()),
                "requests").outcome());
        // two deciding metrics halve each one's significance; a dry-run metric does not count
        List<Observation> both = new ArrayList<>(counts(8, 1000, 0, 1000));
        both.addAll(samples(30, b -> b));
        RuleResult<List<MetricResult>> two = judge(both, MetricSpec.proportion("requests").build(),
                MetricSpec.samples("latency").build());
        assertEquals(0.01, (double) only(two, "distribution.metric.rate").fact("alpha"), 1e-15);
        assertEquals(0.01 / 8, (double) only(two, "distribution.metric.pass").fact("alpha"), 1e-15);
        RuleResult<List<MetricResult>> dry = judge(both, MetricSpec.proportion("requests").build(),
                MetricSpec.samples("latency").dryRun().build());
        assertEquals(0.02, (double) only(dry, "distribution.metric.rate").fact("alpha"), 1e-15);
        assertTrue(metric(dry, "latency").dryRun());
        assertTrue(only(dry, "distribution.metric.pass").message().endsWith("[dry run]"));
    }

    @Test
    void counts_directionAndAllowedEffect() {
        MetricSpec decrease = MetricSpec.proportion("requests").direction(Direction.DECREASE).build();
        assertEquals(Outcome.PASS, metric(judge(counts(40, 1000, 10, 1000), decrease), "requests").outcome());
        RuleResult<List<MetricResult>> lower = judge(counts(10, 1000, 40, 1000), decrease);
        assertTrue(only(lower, "distribution.metric.rate").message().contains("lower"));
        assertEquals(Outcome.PASS, metric(judge(counts(40, 1000, 10, 1000),
                MetricSpec.proportion("requests").allowed(5, 1).build()), "requests").outcome());
        MetricResult critical = metric(judge(counts(40, 1000, 10, 1000),
                MetricSpec.proportion("requests").critical().criticalLimits(3, 1).build()), "requests");
        assertTrue(critical.critical());
        assertFalse(metric(judge(counts(40, 1000, 10, 1000),
                MetricSpec.proportion("requests").critical().criticalLimits(5, 1).build()), "requests").critical());
        assertEquals(Outcome.NO_DATA, metric(judge(counts(1, 10, 0, 10), MetricSpec.proportion("requests").build()),
                "requests").outcome());
    }

    @Test
    void noData_tooFew_queryErrors_noMetrics() {
        assertEquals(Outcome.NO_DATA, metric(judge(List.of(), MetricSpec.samples("latency").build()), "latency").outcome());
        assertEquals(Outcome.IGNORED, metric(judge(List.of(), MetricSpec.samples("latency").noData(NoDataStrategy.IGNORE).build()),
                "latency").outcome());
        RuleResult<List<MetricResult>> failing = judge(List.of(), MetricSpec.proportion("requests").noData(NoDataStrategy.FAIL).build());
        assertEquals(Outcome.FAIL, metric(failing, "requests").outcome());
        assertEquals(Level.FAIL, only(failing, "distribution.metric.no-data").level());
        RuleResult<List<MetricResult>> few = judge(samples(10, b -> b), MetricSpec.samples("latency").noData(NoDataStrategy.FAIL).build());
        assertEquals(Outcome.NO_DATA, metric(few, "latency").outcome());
        assertTrue(only(few, "distribution.metric.no-data").message().contains("too few"));
        List<Observation> err = List.of(new Observation.QueryError(T0, "latency", "timeout"));
        RuleResult<List<MetricResult>> e = judge(err, MetricSpec.samples("latency").build());
        assertEquals(Outcome.ERROR, metric(e, "latency").outcome());
        assertEquals("timeout", only(e, "distribution.metric.query-error").fact("errors"));
        RuleResult<List<MetricResult>> none = JUDGE.judge(new StageContext(RolloutPlan.canaryDefault(), 0, T0, T0,
                CanaryAnalysisConfig.ofDefaults(), StageData.collect(List.of(), T0, T0, null)));
        assertTrue(none.extras().isEmpty());
        assertEquals(Level.INFO, only(none, "distribution.metric.none").level());
    }

    @Test
    void nanSamples_replacedWithZeroCountAsLow() {
        List<Observation> log = new ArrayList<>(samples(30, b -> b));
        for (int i = 0; i < 30; i++) {
            log.add(new Observation.Sample(T0.plusSeconds(i), Variant.CANARY, "latency", Double.NaN));
        }
        Finding removed = only(judge(log, MetricSpec.samples("latency").build()), "distribution.metric.pass");
        assertEquals(30, removed.fact("canarySamples"));
        Finding replaced = only(judge(log, MetricSpec.samples("latency").direction(Direction.EITHER)
                .nanStrategy(MetricSpec.NanStrategy.REPLACE_WITH_ZERO).build()), "distribution.metric.spread");
        assertEquals(60, replaced.fact("canarySamples"));
    }

    @Test
    void engine_rollsBackOnTheKayenta780Shape() {
        List<Observation> log = new ArrayList<>(samples(30, b -> 114.5 + 4 * (b - 114.5)));
        log.add(new Observation.Count(T0, Variant.CANARY, "requests", 0, 1000));
        CanaryDecision d = CanaryAnalysis.of(CanaryAnalysisConfig.custom().judges(List.of("threshold", DistributionJudge.ID))
                .metric(MetricSpec.samples("latency").build()).noLatencyGate().healthGate(false).build())
                .evaluate(CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), log),
                        Synthetic.at(Duration.ofMinutes(30)));
        assertEquals(CanaryDecision.StageVerdict.ROLLBACK, d.verdict(), d::toText);
        assertEquals(Outcome.FAIL, d.metric(DistributionJudge.ID, "latency").orElseThrow().outcome());
    }

    private static List<Observation> pairs(double[] canary, double[] baseline) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < canary.length; i++) {
            out.add(new Observation.Sample(T0.plusSeconds(i), Variant.CANARY, "latency", canary[i]));
        }
        for (int i = 0; i < baseline.length; i++) {
            out.add(new Observation.Sample(T0.plusSeconds(i), Variant.BASELINE, "latency", baseline[i]));
        }
        return out;
    }

    private static double[] range(int n, double from, double step) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = from + i * step;
        }
        return a;
    }

    @Test
    void facts_areTheKernelsAnswers() {
        double[] baseline = range(40, 100, 1);
        double[] canary = new double[40];
        for (int i = 0; i < 40; i++) {
            canary[i] = 119.5 + 3 * (baseline[i] - 119.5) + 2;
        }
        for (Direction d : Direction.values()) {
            Alternative alt = d == Direction.INCREASE ? Alternative.GREATER : d == Direction.DECREASE ? Alternative.LESS
                    : Alternative.TWO_SIDED;
            Alternative one = d == Direction.EITHER ? Alternative.TWO_SIDED : Alternative.GREATER;
            Finding f = judge(pairs(canary, baseline), MetricSpec.samples("latency").direction(d).build()).findings().list().get(0);
            assertEquals(MannWhitney.testSorted(canary, baseline, MannWhitney.Options.DEFAULT.withAlternative(alt)).pValue(),
                    (double) f.fact("locationPValue"), 0.0, d::toString);
            assertEquals(BrownForsythe.testSorted(canary, baseline, one).pValue(), (double) f.fact("spreadPValue"), 0.0, d::toString);
            double tailP = d == Direction.EITHER
                    ? Math.min(1, 2 * Math.min(ExceedanceTest.testSorted(canary, baseline, 3, Alternative.GREATER).pValue(),
                            ExceedanceTest.testSorted(canary, baseline, 3, Alternative.LESS).pValue()))
                    : ExceedanceTest.testSorted(canary, baseline, 3, d == Direction.DECREASE ? Alternative.LESS : Alternative.GREATER)
                            .pValue();
            assertEquals(tailP, (double) f.fact("tailPValue"), 0.0, d::toString);
            assertEquals(121.5, (double) f.fact("canaryMean"), 1e-12);
            assertEquals(119.5, (double) f.fact("baselineMean"), 1e-12);
            assertEquals(121.5 / 119.5, (double) f.fact("meanRatio"), 1e-12);
        }
    }

    @Test
    void tail_countsStrictlyBeyond() {
        // canary 100..109 against baseline 100..110: the canary's 109 ties nothing above the baseline's 110 and 109;
        // only beyond the baseline's third largest (108) is one canary sample
        List<Observation> log = pairs(range(10, 100, 1), range(11, 100, 1));
        Finding up = judge(log, MetricSpec.samples("latency").minSamples(10).build()).findings().list().get(0);
        assertEquals(1L, up.fact("canaryTail"));
        assertEquals(3L, up.fact("tailRank"));
        assertEquals(108.0, (double) up.fact("baselineAtTailRank"));
        assertEquals(107.0 / 108, (double) up.fact("tailRatio"), 1e-12); // third largest of each
        // identical samples: below the baseline's r-th smallest lie the r - 1 smaller canary values, the tie is not counted
        Finding same = judge(pairs(range(10, 100, 1), range(10, 100, 1)), MetricSpec.samples("latency").minSamples(10)
                .direction(Direction.DECREASE).build()).findings().list().get(0);
        assertEquals((long) same.fact("tailRank") - 1, (long) same.fact("canaryTail"));
        assertEquals("lower", same.fact("tailSide"));
        assertTrue((double) same.fact("tailPValue") > 0.5, same::toString);
    }

    @Test
    void minimumSamples_boundaries() {
        assertEquals(Outcome.PASS, metric(judge(samples(20, b -> b), MetricSpec.samples("latency").build()), "latency").outcome());
        assertEquals(Outcome.NO_DATA, metric(judge(samples(19, b -> b), MetricSpec.samples("latency").build()), "latency").outcome());
        // one sample each cannot be tested for spread, whatever the configured minimum
        assertEquals(Outcome.NO_DATA, metric(judge(samples(1, b -> b), MetricSpec.samples("latency").minSamples(1).build()),
                "latency").outcome());
        assertEquals(Outcome.PASS, metric(judge(samples(2, b -> b), MetricSpec.samples("latency").minSamples(2).build()),
                "latency").outcome());
        RuleResult<List<MetricResult>> zeros = judge(counts(0, 20, 0, 20), MetricSpec.proportion("requests").harmfulIncrease(0)
                .build());
        assertEquals(1.0, only(zeros, "distribution.metric.pass").fact("rateRatio"));
        assertEquals(Outcome.NO_DATA, metric(judge(counts(0, 19, 0, 20), MetricSpec.proportion("requests").build()),
                "requests").outcome());
        assertEquals(Outcome.NO_DATA, metric(judge(counts(0, 20, 0, 19), MetricSpec.proportion("requests").build()),
                "requests").outcome());
        assertEquals(Outcome.NO_DATA, metric(judge(pairs(range(20, 1, 1), range(19, 1, 1)), MetricSpec.samples("latency").build()),
                "latency").outcome());
    }

    @Test
    void undefinedRatios_countBeyondEveryLimit() {
        // a baseline of zeros: no mean ratio, no spread ratio, yet the canary is significantly worse
        RuleResult<List<MetricResult>> r = judge(pairs(range(30, 1, 1), new double[30]),
                MetricSpec.samples("latency").allowed(100, 1).build());
        Finding loc = only(r, "distribution.metric.location");
        assertTrue(Double.isNaN((double) loc.fact("meanRatio")));
        assertTrue(Double.isNaN((double) loc.fact("spreadRatio")));
        assertEquals(Outcome.FAIL, metric(r, "latency").outcome());
        // a canary of zeros against a positive baseline: ratio 0, defined
        RuleResult<List<MetricResult>> low = judge(pairs(new double[30], range(30, 1, 1)),
                MetricSpec.samples("latency").direction(Direction.DECREASE).build());
        assertEquals(0.0, only(low, "distribution.metric.location").fact("meanRatio"));
    }

    @Test
    void criticality_perTestAndDecrease() {
        // location only (same spread): mean ratio 1.25
        MetricResult loc = metric(judge(samples(40, b -> b + 30), MetricSpec.samples("latency").critical()
                .criticalLimits(1.2, 1).build()), "latency");
        assertTrue(loc.critical());
        // spread only (same median): spread ratio 4
        List<Observation> spread = samples(40, b -> 119.5 + 4 * (b - 119.5));
        assertTrue(metric(judge(spread, MetricSpec.samples("latency").critical().criticalLimits(3, 1).build()), "latency")
                .critical());
        assertFalse(metric(judge(spread, MetricSpec.samples("latency").critical().criticalLimits(5, 1).build()), "latency")
                .critical());
        // lower on a metric that fails on decrease
        MetricResult low = metric(judge(samples(40, b -> b - 30), MetricSpec.samples("latency").direction(Direction.DECREASE)
                .critical().allowed(1, 0.9).criticalLimits(1, 0.8).build()), "latency");
        assertTrue(low.critical());
        assertEquals(Outcome.PASS, metric(judge(samples(40, b -> b - 30), MetricSpec.samples("latency")
                .direction(Direction.DECREASE).allowed(1, 0.7).build()), "latency").outcome());
        MetricResult countsLow = metric(judge(counts(10, 1000, 40, 1000), MetricSpec.proportion("requests")
                .direction(Direction.DECREASE).critical().criticalLimits(1, 0.5).build()), "requests");
        assertTrue(countsLow.critical());
        assertFalse(metric(judge(counts(10, 1000, 40, 1000), MetricSpec.proportion("requests").direction(Direction.DECREASE)
                .critical().allowed(1, 0.3).criticalLimits(1, 0.2).build()), "requests").critical());
        assertEquals(Outcome.PASS, metric(judge(counts(10, 1000, 40, 1000), MetricSpec.proportion("requests")
                .direction(Direction.DECREASE).allowed(1, 0.2).build()), "requests").outcome());
        RuleResult<List<MetricResult>> two = judge(counts(8, 1000, 0, 1000), MetricSpec.proportion("requests").build(),
                MetricSpec.proportion("other").build());
        Finding rate = only(two, "distribution.metric.rate");
        assertEquals(2 * (double) rate.fact("pValue"), (double) rate.fact("adjustedPValue"), 1e-18);
    }
}
