package io.github.deliverykit.policy.canary.internal;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.metrics.stats.Alternative;
import io.github.deliverykit.metrics.stats.BrownForsythe;
import io.github.deliverykit.metrics.stats.ExceedanceTest;
import io.github.deliverykit.metrics.stats.ExceedanceTestResult;
import io.github.deliverykit.metrics.stats.MannWhitney;
import io.github.deliverykit.metrics.stats.ProportionTest;
import io.github.deliverykit.metrics.stats.ProportionTestResult;
import io.github.deliverykit.metrics.stats.RankTestResult;
import io.github.deliverykit.metrics.stats.SpreadTestResult;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.Direction;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.NoDataStrategy;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageContext;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageData;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The built-in judge {@code distribution}: canary against baseline on the whole distribution, not
 * only its location. Registered with the service loader like {@link BuiltInJudges}; not exported.
 */
public final class DistributionJudges {

    private DistributionJudges() {}

    /**
     * Canary against baseline for each {@link MetricSpec} of the configuration, with a family of
     * tests that together see a change of location, of spread and of the tail (built-in judge
     * {@code distribution}). A sampled metric is tested three ways, each in the metric's failing
     * {@link Direction}: location by the Mann-Whitney rank-sum test, spread by the Brown-Forsythe test
     * (absolute deviations from the medians; a larger canary spread fails whatever the direction),
     * and the tail by the exact {@link ExceedanceTest}: the canary samples strictly above the
     * baseline's largest, second and third largest values ({@link #TAIL_RANKS} ranks; below its
     * smallest for {@link Direction#DECREASE}, the more significant side doubled for
     * {@link Direction#EITHER}), tested together by their smallest p-value under its exact joint
     * law. It sees a canary that grows a long tail or a cluster of outliers the baseline never
     * reaches. A counted metric is tested by Fisher's exact test at every count, so sparse errors are
     * never left to a normal approximation.
     *
     * <p><b>Significance (weighted Bonferroni).</b> Let {@code a = (1 - confidence) / d}, {@code d} the
     * number of deciding metrics. A counted metric is tested at {@code a}. A sampled metric spends
     * {@link #TAIL_SHARE} {@code = 3/4} of {@code a} on the tail test and {@code a / 8} on each of the
     * location and spread tests. Claim: when canary and baseline are alike (A/A, exchangeable
     * samples and the same error rate), the stage fails with probability at most
     * {@code 1 - confidence}. Proof: each test is valid at its level under the null (the rank-sum
     * and Fisher tests exactly or conservatively, Brown-Forsythe at its nominal level, the tail test
     * exactly with ties counted conservatively: see {@link ExceedanceTest}), so for one sampled metric
     * {@code P(some test rejects) <= 3a/4 + a/8 + a/8 = a} by the union bound, whatever the
     * dependence between the tests; a counted metric rejects with probability at most {@code a}; over
     * the {@code d} deciding metrics the union bound gives at most {@code d * a = 1 - confidence}. A
     * failing verdict needs a rejection, so it is at most as likely. The adjusted p-value of a sampled
     * metric is {@code d * min(8 p_location, 8 p_spread, 4/3 p_tail)} (capped at 1), below
     * {@code 1 - confidence} exactly when some test rejects at its level. The shares were measured on
     * the accuracy corpus (README, "Canary judge accuracy"): the tail needs the larger share because
     * its exact law is discrete.
     *
     * <p>A significant change fails only beyond the metric's allowed effect (the mean ratio for
     * location, the spread ratio for spread, for the tail the ratio of the canary's to the
     * baseline's value at the most significant rank, the rate ratio for counts); an undefined ratio
     * counts as beyond every limit. A critical metric beyond its critical limit rolls back at once. A
     * metric without a failing test passes only when its data exclude the configured
     * {@link MetricSpec#harmfulIncrease()} at the location test's confidence (Hodges-Lehmann interval
     * for samples, Newcombe's bound of the rate difference for counts); otherwise it holds with
     * {@code distribution.metric.underpowered}. Measurements: one per metric, named after it, whose
     * value is its smallest adjusted p-value. Stateless and thread safe.
     */
    public static final class DistributionJudge extends BuiltInJudges.Base {

        /** The id: {@code distribution}. */
        public static final String ID = "distribution";

        /** The tail test counts the canary samples beyond the baseline's 1st to TAIL_RANKS-th most extreme values. */
        public static final int TAIL_RANKS = ExceedanceTest.DEFAULT_RANKS;

        /** The share of a sampled metric's significance spent on the tail test; location and spread get half the rest each. */
        public static final double TAIL_SHARE = 0.75;

        /** Creates the judge (public for {@link java.util.ServiceLoader}). */
        public DistributionJudge() {
            super(ID);
        }

        @Override
        public RuleResult<List<MetricResult>> judge(StageContext context) {
            Checks.notNull(context, "context");
            CanaryAnalysisConfig config = context.config();
            List<MetricResult> ms = new ArrayList<>();
            List<Finding> fs = new ArrayList<>();
            if (config.metrics().isEmpty()) {
                fs.add(Finding.info(ID + ".metric.none", "No metrics configured for canary-baseline comparison", Facts.none()));
                return RuleResult.of(ms, fs);
            }
            long deciding = config.metrics().stream().filter(m -> !m.dryRun()).count();
            for (MetricSpec spec : config.metrics()) {
                ms.add(classify(context.data(), spec, Math.max(1, deciding), fs));
            }
            return RuleResult.of(ms, fs);
        }

        private static MetricResult classify(StageData data, MetricSpec spec, long deciding, List<Finding> fs) {
            String dry = spec.dryRun() ? " [dry run]" : "";
            SortedSet<String> errors = data.queryErrors(spec.name());
            if (!errors.isEmpty()) {
                fs.add(Finding.warn(ID + ".metric.query-error", "Metric '" + spec.name() + "' could not be read" + dry,
                        Facts.of("metric", spec.name(), "errors", String.join("; ", errors))));
                return new MetricResult(spec.name(), Outcome.ERROR, false, spec.dryRun());
            }
            return spec.kind() == MetricSpec.Kind.SAMPLES ? samples(data, spec, deciding, fs, dry)
                    : counts(data, spec, deciding, fs, dry);
        }

        private static MetricResult noData(MetricSpec spec, List<Finding> fs, String dry, Facts facts, boolean tooFew) {
            String what = tooFew ? "has too few samples" : "has no data";
            String code = ID + ".metric.no-data";
            if (tooFew || spec.noData() == NoDataStrategy.HOLD) {
                fs.add(Finding.warn(code, "Metric '" + spec.name() + "' " + what + ": holding" + dry, facts));
                return new MetricResult(spec.name(), Outcome.NO_DATA, false, spec.dryRun());
            }
            if (spec.noData() == NoDataStrategy.IGNORE) {
                fs.add(Finding.info(code, "Metric '" + spec.name() + "' " + what + " (ignored)" + dry, facts));
                return new MetricResult(spec.name(), Outcome.IGNORED, false, spec.dryRun());
            }
            fs.add(Finding.fail(code, "Metric '" + spec.name() + "' " + what + " (configured to fail on no data)" + dry, facts));
            return new MetricResult(spec.name(), Outcome.FAIL, false, spec.dryRun());
        }

        private static Alternative alternative(Direction d) {
            return switch (d) {
                case INCREASE -> Alternative.GREATER;
                case DECREASE -> Alternative.LESS;
                case EITHER -> Alternative.TWO_SIDED;
            };
        }

        private static MetricResult samples(StageData data, MetricSpec spec, long deciding, List<Finding> fs, String dry) {
            double[] canary = JudgeMath.withNans(data.samples(spec.name(), Variant.CANARY), data.nanCount(spec.name(), Variant.CANARY), spec);
            double[] baseline = JudgeMath.withNans(data.samples(spec.name(), Variant.BASELINE),
                    data.nanCount(spec.name(), Variant.BASELINE), spec);
            Facts counts = Facts.of("metric", spec.name(), "canarySamples", canary.length, "baselineSamples", baseline.length,
                    "minSamples", spec.minSamples());
            if (canary.length == 0 || baseline.length == 0) {
                return noData(spec, fs, dry, counts, false);
            }
            if (canary.length < Math.max(2, spec.minSamples()) || baseline.length < Math.max(2, spec.minSamples())) {
                return noData(spec, fs, dry, counts, true);
            }
            double alpha = (1 - spec.confidence()) / deciding * (1 - TAIL_SHARE) / 2;
            Alternative alt = alternative(spec.direction());
            RankTestResult location = MannWhitney.testSorted(canary, baseline, MannWhitney.Options.DEFAULT.withAlternative(alt));
            SpreadTestResult spread = BrownForsythe.testSorted(canary, baseline,
                    spec.direction() == Direction.EITHER ? Alternative.TWO_SIDED : Alternative.GREATER);
            boolean lowerTail = spec.direction() == Direction.DECREASE;
            double metricAlpha = (1 - spec.confidence()) / deciding;
            double tailAlpha = metricAlpha * TAIL_SHARE;
            int ranks = Math.min(TAIL_RANKS, baseline.length);
            ExceedanceTestResult tail = ExceedanceTest.testSorted(canary, baseline, ranks,
                    lowerTail ? Alternative.LESS : Alternative.GREATER);
            double tailPValue = tail.pValue();
            if (spec.direction() == Direction.EITHER) {
                ExceedanceTestResult low = ExceedanceTest.testSorted(canary, baseline, ranks, Alternative.LESS);
                lowerTail = low.pValue() < tail.pValue();
                tail = lowerTail ? low : tail;
                tailPValue = Math.min(1, 2 * tail.pValue());
            }
            int r = tail.rank();
            double canaryAtRank = lowerTail ? canary[r - 1] : canary[canary.length - r];
            double baselineAtRank = lowerTail ? baseline[r - 1] : baseline[baseline.length - r];
            double meanC = JudgeMath.mean(canary);
            double meanB = JudgeMath.mean(baseline);
            double meanRatio = JudgeMath.ratio(meanC, meanB, meanC >= 0 && meanB > 0);
            double tailRatio = JudgeMath.ratio(canaryAtRank, baselineAtRank, canaryAtRank >= 0 && baselineAtRank > 0);
            double spreadRatio = spread.spread1() == 0 && spread.spread2() == 0 ? 1.0
                    : spread.spread2() > 0 ? spread.spreadRatio() : Double.NaN;
            double adjusted = Math.min(1, deciding * Math.min(Math.min(location.pValue(), spread.pValue()) * 2 / (1 - TAIL_SHARE),
                    tailPValue / TAIL_SHARE));
            Facts facts = Facts.builder().put("metric", spec.name()).put("canarySamples", canary.length)
                    .put("baselineSamples", baseline.length).put("alpha", alpha).put("confidence", spec.confidence())
                    .put("tests", 3L).put("tailAlpha", tailAlpha).put("u", location.u()).put("locationPValue", location.pValue())
                    .put("canaryMean", meanC).put("baselineMean", meanB).put("meanRatio", meanRatio)
                    .put("brownForsytheF", spread.f()).put("spreadPValue", spread.pValue())
                    .put("canarySpread", spread.spread1()).put("baselineSpread", spread.spread2()).put("spreadRatio", spreadRatio)
                    .put("tailRanks", (long) tail.ranks()).put("tailRank", (long) tail.rank())
                    .put("canaryTail", tail.exceedances()).put("tailSide", lowerTail ? "lower" : "upper")
                    .put("canaryAtTailRank", canaryAtRank).put("baselineAtTailRank", baselineAtRank)
                    .put("tailMarginalPValue", tail.marginalPValue()).put("tailPValue", tailPValue).put("tailRatio", tailRatio).put("direction", spec.direction()).put("allowedIncrease", spec.allowedIncrease())
                    .put("allowedDecrease", spec.allowedDecrease()).put("critical", spec.critical()).put("adjustedPValue", adjusted)
                    .build();
            boolean locHigh = location.pValue() < alpha && location.u() > location.u2() && spec.direction() != Direction.DECREASE
                    && beyondIncrease(meanRatio, spec.allowedIncrease());
            boolean locLow = location.pValue() < alpha && location.u() < location.u2() && spec.direction() != Direction.INCREASE
                    && beyondDecrease(meanRatio, spec.allowedDecrease());
            boolean spreadUp = spread.pValue() < alpha && spread.spread1() > spread.spread2()
                    && beyondIncrease(spreadRatio, spec.allowedIncrease());
            boolean tailUp = tailPValue < tailAlpha && tail.exceedances() > 0
                    && (lowerTail ? beyondDecrease(tailRatio, spec.allowedDecrease()) : beyondIncrease(tailRatio, spec.allowedIncrease()));
            List<String> why = new ArrayList<>();
            boolean critical = false;
            if (locHigh || locLow) {
                why.add(locHigh ? "location higher" : "location lower");
                critical |= locHigh ? beyondIncrease(meanRatio, spec.criticalIncrease()) : beyondDecrease(meanRatio, spec.criticalDecrease());
                fs.add(Finding.fail(ID + ".metric.location", Checks.message("Metric '%s' is significantly %s on the canary"
                        + " (Mann-Whitney p %s < %s, mean ratio %s)%s", spec.name(), locHigh ? "higher" : "lower",
                        Facts.format(location.pValue()), Facts.format(alpha), Facts.format(meanRatio), dry), facts));
            }
            if (spreadUp) {
                why.add("spread larger");
                critical |= beyondIncrease(spreadRatio, spec.criticalIncrease());
                fs.add(Finding.fail(ID + ".metric.spread", Checks.message("Metric '%s' spreads significantly more on the canary"
                        + " (Brown-Forsythe p %s < %s, spread ratio %s)%s", spec.name(), Facts.format(spread.pValue()),
                        Facts.format(alpha), Facts.format(spreadRatio), dry), facts));
            }
            if (tailUp) {
                why.add("tail heavier");
                critical |= lowerTail ? beyondDecrease(tailRatio, spec.criticalDecrease())
                        : beyondIncrease(tailRatio, spec.criticalIncrease());
                fs.add(Finding.fail(ID + ".metric.tail", Checks.message("Metric '%s' has significantly more canary samples"
                        + " beyond the baseline's %s values (%d of %d beyond its value of rank %d, %s; exceedance p %s < %s,"
                        + " tail ratio %s)%s", spec.name(), lowerTail ? "smallest" : "largest", tail.exceedances(), canary.length,
                        tail.rank(), Facts.format(baselineAtRank), Facts.format(tailPValue), Facts.format(tailAlpha),
                        Facts.format(tailRatio), dry), facts));
            }
            if (why.isEmpty() && JudgeMath.underpowered(ID, spec, canary.length, baseline.length,
                    JudgeMath.detectableShift(MannWhitney.shiftSorted(canary, baseline, 1 - alpha), baseline, spec.direction()),
                    1 - alpha, fs, dry)) {
                return new MetricResult(spec.name(), Outcome.NO_DATA, false, spec.dryRun(), adjusted);
            }
            return result(spec, why, critical, adjusted, facts, fs, dry);
        }

        private static MetricResult counts(StageData data, MetricSpec spec, long deciding, List<Finding> fs, String dry) {
            StageData.Tally c = data.counts(spec.name(), Variant.CANARY);
            StageData.Tally b = data.counts(spec.name(), Variant.BASELINE);
            Facts counts = Facts.of("metric", spec.name(), "canaryEvents", c.total(), "baselineEvents", b.total(),
                    "minSamples", spec.minSamples());
            if (c.total() == 0 || b.total() == 0) {
                return noData(spec, fs, dry, counts, false);
            }
            if (c.total() < spec.minSamples() || b.total() < spec.minSamples()) {
                return noData(spec, fs, dry, counts, true);
            }
            double alpha = (1 - spec.confidence()) / deciding;
            ProportionTestResult r = ProportionTest.fisherExact(c.bad(), c.total(), b.bad(), b.total(),
                    alternative(spec.direction()));
            double rateRatio = JudgeMath.ratio(c.rate(), b.rate(), b.rate() > 0);
            double adjusted = Math.min(1, r.pValue() * deciding);
            Facts facts = Facts.builder().put("metric", spec.name()).put("canaryBad", c.bad()).put("canaryEvents", c.total())
                    .put("baselineBad", b.bad()).put("baselineEvents", b.total()).put("canaryRate", c.rate())
                    .put("baselineRate", b.rate()).put("pValue", r.pValue()).put("alpha", alpha)
                    .put("confidence", spec.confidence()).put("tests", deciding).put("rateRatio", rateRatio)
                    .put("direction", spec.direction()).put("allowedIncrease", spec.allowedIncrease())
                    .put("allowedDecrease", spec.allowedDecrease()).put("critical", spec.critical()).put("adjustedPValue", adjusted)
                    .build();
            boolean significant = r.pValue() < alpha;
            boolean high = significant && c.rate() > b.rate() && spec.direction() != Direction.DECREASE
                    && beyondIncrease(rateRatio, spec.allowedIncrease());
            boolean low = significant && c.rate() < b.rate() && spec.direction() != Direction.INCREASE
                    && beyondDecrease(rateRatio, spec.allowedDecrease());
            List<String> why = new ArrayList<>();
            boolean critical = false;
            if (high || low) {
                why.add(high ? "rate higher" : "rate lower");
                critical = high ? beyondIncrease(rateRatio, spec.criticalIncrease()) : beyondDecrease(rateRatio, spec.criticalDecrease());
                fs.add(Finding.fail(ID + ".metric.rate", Checks.message("Metric '%s' has a significantly %s rate on the canary"
                        + " (%d of %d against %d of %d, Fisher p %s < %s)%s", spec.name(), high ? "higher" : "lower",
                        c.bad(), c.total(), b.bad(), b.total(), Facts.format(r.pValue()), Facts.format(alpha), dry), facts));
            }
            if (!BuiltInJudges.MannWhitneyJudge.failing(spec.direction(), significant && c.rate() > b.rate(),
                    significant && c.rate() < b.rate()) && JudgeMath.underpowered(ID, spec, c.total(), b.total(),
                    JudgeMath.detectableRateChange(c, b, spec.direction(), 1 - alpha), 1 - alpha, fs, dry)) {
                return new MetricResult(spec.name(), Outcome.NO_DATA, false, spec.dryRun(), adjusted);
            }
            return result(spec, why, critical, adjusted, facts, fs, dry);
        }

        private static MetricResult result(MetricSpec spec, List<String> why, boolean critical, double adjusted, Facts facts,
                List<Finding> fs, String dry) {
            if (why.isEmpty()) {
                fs.add(Finding.pass(ID + ".metric.pass", Checks.message("Metric '%s': no significant change beyond the"
                        + " allowed effect (smallest adjusted p %s)%s", spec.name(), Facts.format(adjusted), dry), facts));
                return new MetricResult(spec.name(), Outcome.PASS, false, spec.dryRun(), adjusted);
            }
            return new MetricResult(spec.name(), Outcome.FAIL, spec.critical() && critical, spec.dryRun(), adjusted);
        }

        private static boolean beyondIncrease(double ratio, double limit) {
            return Double.isNaN(ratio) || ratio > limit;
        }

        private static boolean beyondDecrease(double ratio, double limit) {
            return Double.isNaN(ratio) || ratio < limit;
        }
    }
}
