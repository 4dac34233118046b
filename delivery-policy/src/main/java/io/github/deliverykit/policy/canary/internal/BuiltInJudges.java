package io.github.deliverykit.policy.canary.internal;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.metrics.evidence.EvidenceCheck;
import io.github.deliverykit.metrics.evidence.MinimumEvidence.Breach;
import io.github.deliverykit.metrics.stats.Alternative;
import io.github.deliverykit.metrics.stats.MannWhitney;
import io.github.deliverykit.metrics.stats.ProportionTest;
import io.github.deliverykit.metrics.stats.ProportionTestResult;
import io.github.deliverykit.metrics.stats.RankTestResult;
import io.github.deliverykit.metrics.stats.ShiftEstimate;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.Direction;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.NoDataStrategy;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageContext;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageData;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The built-in canary judges, one nested provider class each, registered with the service loader
 * like third-party judges. Not exported: select them by id in the canary configuration.
 */
public final class BuiltInJudges {

    /** The built-in ids, in default order ({@code distribution} is in {@link DistributionJudges}). */
    public static final List<String> IDS = List.of(ThresholdJudge.ID, MannWhitneyJudge.ID,
            DistributionJudges.DistributionJudge.ID);

    private BuiltInJudges() {}

    /** Base: the fixed id. */
    abstract static class Base implements CanaryJudge {
        private final String id;

        Base(String id) {
            this.id = id;
        }

        @Override
        public final String id() {
            return id;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * New instances of every built-in, in default order.
     *
     * @return the judges
     */
    public static List<CanaryJudge> all() {
        return List.of(new ThresholdJudge(), new MannWhitneyJudge(), new DistributionJudges.DistributionJudge());
    }

    /**
     * The seed's gates on the canary alone (built-in judge {@code threshold}): error rate below
     * {@link CanaryAnalysisConfig#maxErrorRate()} (1 %), the latency quantile (P99, nearest rank) below
     * {@link CanaryAnalysisConfig#latencyThreshold()}, and no failed health check. Measurements:
     * {@code error-rate}, {@code latency}, {@code health}.
     *
     * <p>The error-rate gate decides on {@link CanaryAnalysisConfig#evidence()}, the minimum-evidence
     * rule set it shares with the SLO alerts: a stage needs the larger of its {@code minSamples} and the
     * requests at which the errors expected at the gate reach the rule set's minimum (1 error: 100
     * requests at 1 %, 1,000 at 0.1 %). Too few requests never pass and never fail the gate, except
     * when the errors seen already breach it whatever the remaining requests up to that minimum (with
     * a minimum of 1,000 requests and a 1 % gate, 9 errors in the first 100 requests hold, but 10
     * fail) or, with {@code EXACT_TEST}, when the exact binomial test finds the error rate
     * significantly above the gate. A breached gate is compared with the baseline of the same stage
     * as {@link CanaryAnalysisConfig#baselineBreach()} says: by default it fails only when the canary
     * is significantly worse than the baseline against that gate (one-sided Fisher exact test), and
     * holds otherwise ({@code threshold.<gate>.baseline-breach} or {@code .not-worse}). Stateless and
     * thread safe.
     */
    public static final class ThresholdJudge extends Base {

        /** The id: {@code threshold}. */
        public static final String ID = "threshold";

        /** The significance at which a canary is worse than a baseline that breaches the same gate. */
        static final double BASELINE_ALPHA = 1 - CanaryAnalysisConfig.DEFAULT_CONFIDENCE;

        /** Creates the judge (public for {@link java.util.ServiceLoader}). */
        public ThresholdJudge() {
            super(ID);
        }

        @Override
        public RuleResult<List<MetricResult>> judge(StageContext context) {
            Checks.notNull(context, "context");
            CanaryAnalysisConfig config = context.config();
            List<MetricResult> ms = new ArrayList<>();
            List<Finding> fs = new ArrayList<>();
            errorRate(context, config, ms, fs);
            if (config.latencyGate()) {
                latency(context, config, ms, fs);
            }
            if (config.healthGate()) {
                health(context, config, ms, fs);
            }
            return RuleResult.of(ms, fs);
        }

        /** Records an ERROR result and a query-error finding when the metric could not be read. */
        private static boolean queryFailed(StageContext ctx, String metric, String name, String what, boolean critical,
                List<MetricResult> ms, List<Finding> fs) {
            SortedSet<String> errors = ctx.data().queryErrors(metric);
            if (errors.isEmpty()) {
                return false;
            }
            ms.add(new MetricResult(name, Outcome.ERROR, critical, false));
            fs.add(Finding.warn("threshold." + name + ".query-error", "The " + what + " metric could not be read",
                    Facts.of("metric", metric, "errors", String.join("; ", errors))));
            return true;
        }

        private static void errorRate(StageContext ctx, CanaryAnalysisConfig config, List<MetricResult> ms, List<Finding> fs) {
            String metric = config.requestMetric();
            boolean critical = config.thresholdsCritical();
            if (queryFailed(ctx, metric, "error-rate", "request", critical, ms, fs)) {
                return;
            }
            StageData.Tally t = ctx.data().counts(metric, Variant.CANARY);
            long min = ctx.stage().minSamples();
            double max = config.maxErrorRate();
            if (t.total() == 0) {
                noData("error-rate", "threshold.error-rate.no-data", "No canary requests observed yet",
                        Facts.of("metric", metric, "requests", 0L, "minSamples", min), config.thresholdNoData(), critical, ms, fs);
                return;
            }
            double rate = t.rate();
            Facts facts = Facts.of("errors", t.bad(), "requests", t.total(), "errorRate", rate, "maxErrorRate", max,
                    "minSamples", min);
            // one rule set with the SLO alerts: the stage's minimum, raised to the events one expected error needs
            EvidenceCheck evidence = config.evidence().atLeast(min).check(t.total(), t.bad(), max, Breach.AT_RATE);
            if (evidence.sufficient() && rate < max) {
                ms.add(new MetricResult("error-rate", Outcome.PASS, critical, false, rate));
                fs.add(Finding.pass("threshold.error-rate",
                        Checks.message("Canary error rate %s %% is below %s %%", pct(rate), pct(max)), facts));
            } else if (evidence.sufficient()) {
                if (errorRateBaselineBreach(ctx, config, t, evidence.requiredEvents(), facts, critical, ms, fs)) {
                    return;
                }
                ms.add(new MetricResult("error-rate", Outcome.FAIL, critical, false, rate));
                fs.add(Finding.fail("threshold.error-rate",
                        Checks.message("Canary error rate %s %% is not below %s %%", pct(rate), pct(max)), facts));
            } else if (evidence.breached()) {
                if (errorRateBaselineBreach(ctx, config, t, evidence.requiredEvents(), evidenceFacts(facts, evidence),
                        critical, ms, fs)) {
                    return;
                }
                // the errors seen already breach the gate, whatever the requests still missing
                ms.add(new MetricResult("error-rate", Outcome.FAIL, critical, false, rate));
                String msg = evidence.status() == EvidenceCheck.Status.BREACH_CERTAIN
                        ? Checks.message("Canary errors (%d) already breach %s %% of the %d-request minimum",
                                t.bad(), pct(max), evidence.requiredEvents())
                        : Checks.message("Canary errors (%d of %d) are significantly above %s %% (exact binomial p = %.2g)",
                                t.bad(), t.total(), pct(max), evidence.pValue());
                fs.add(Finding.fail("threshold.error-rate", msg, evidenceFacts(facts, evidence)));
            } else {
                ms.add(new MetricResult("error-rate", Outcome.NO_DATA, critical, false));
                String why = evidence.requiredEvents() > min
                        ? Checks.message(" (%s expected errors at %s %% need %d)", Facts.format(config.evidence()
                                .minExpectedErrors()), pct(max), evidence.requiredEvents())
                        : "";
                fs.add(Finding.warn("threshold.error-rate.insufficient",
                        Checks.message("Only %d of %d canary requests observed%s: holding", t.total(),
                                evidence.requiredEvents(), why), evidenceFacts(facts, evidence)));
            }
        }

        /**
         * The baseline breaches the error-rate gate too (with at least the requests the gate needs) and
         * the canary is not significantly worse than it: hold with a {@code baseline-breach} finding.
         */
        private static boolean errorRateBaselineBreach(StageContext ctx, CanaryAnalysisConfig config, StageData.Tally canary,
                long required, Facts gate, boolean critical, List<MetricResult> ms, List<Finding> fs) {
            StageData.Tally base = ctx.data().counts(config.requestMetric(), Variant.BASELINE);
            if (base.total() == 0 || base.total() < required) {
                return false;
            }
            boolean baselineBreaches = base.rate() >= config.maxErrorRate();
            if (!compares(config, baselineBreaches)) {
                return false;
            }
            ProportionTestResult worse = ProportionTest.fisherExact(canary.bad(), canary.total(), base.bad(), base.total(),
                    Alternative.GREATER);
            Facts facts = withFacts(gate, Facts.of("baselineErrors", base.bad(), "baselineRequests", base.total(),
                    "baselineErrorRate", base.rate(), "worseThanBaselinePValue", worse.pValue(), "alpha", BASELINE_ALPHA));
            if (worse.pValue() < BASELINE_ALPHA) {
                return false;   // significantly worse: the gate's own finding, as without a baseline
            }
            ms.add(new MetricResult("error-rate", Outcome.NO_DATA, critical, false, canary.rate()));
            fs.add(Finding.warn("threshold.error-rate." + (baselineBreaches ? "baseline-breach" : "not-worse"),
                    Checks.message("Canary error rate %s %% is not below %s %%, but %s and the canary is not significantly"
                    + " worse (%d of %d against %d of %d, Fisher p = %.2g): rolling back would not help, holding",
                    pct(canary.rate()), pct(config.maxErrorRate()), baselineBreaches
                            ? "the baseline's " + pct(base.rate()) + " % breaches the gate too"
                            : "the baseline's " + pct(base.rate()) + " % is as high within chance",
                    canary.bad(), canary.total(), base.bad(), base.total(), worse.pValue()), facts));
            return true;
        }

        /**
         * The baseline's quantile breaches the latency gate too (with at least the samples the gate
         * needs) and the canary has not significantly more samples at or beyond the threshold: hold.
         */
        private static boolean latencyBaselineBreach(StageContext ctx, CanaryAnalysisConfig config, double[] canary,
                double value, String label, Facts gate, boolean critical, List<MetricResult> ms, List<Finding> fs) {
            double[] base = ctx.data().samples(config.latencyMetric(), Variant.BASELINE);
            double threshold = config.latencyThreshold();
            if (base.length == 0 || base.length < config.minLatencySamples()) {
                return false;
            }
            double baseValue = nearestRank(base, config.latencyQuantile());
            boolean baselineBreaches = baseValue >= threshold;
            if (!compares(config, baselineBreaches)) {
                return false;
            }
            long canaryBeyond = atOrAbove(canary, threshold);
            long baseBeyond = atOrAbove(base, threshold);
            ProportionTestResult worse = ProportionTest.fisherExact(canaryBeyond, canary.length, baseBeyond, base.length,
                    Alternative.GREATER);
            Facts facts = withFacts(gate, Facts.of("baselineValue", baseValue, "baselineSamples", base.length,
                    "canaryBeyond", canaryBeyond, "baselineBeyond", baseBeyond, "worseThanBaselinePValue", worse.pValue(),
                    "alpha", BASELINE_ALPHA));
            if (worse.pValue() < BASELINE_ALPHA) {
                return false;   // significantly worse: the gate's own finding, as without a baseline
            }
            ms.add(new MetricResult("latency", Outcome.NO_DATA, critical, false, value));
            fs.add(Finding.warn("threshold.latency." + (baselineBreaches ? "baseline-breach" : "not-worse"),
                    Checks.message("Canary %s latency %s is not below %s, but the baseline's %s %s and the canary is not"
                    + " significantly worse (%d of %d samples at or beyond it against %d of %d, Fisher p = %.2g):"
                    + " rolling back would not help, holding", label, Facts.format(value), Facts.format(threshold),
                    Facts.format(baseValue), baselineBreaches ? "breaches the gate too" : "is as high within chance",
                    canaryBeyond, canary.length, baseBeyond, base.length, worse.pValue()), facts));
            return true;
        }

        /** Whether the strategy compares a breaching canary with this baseline rather than failing it. */
        private static boolean compares(CanaryAnalysisConfig config, boolean baselineBreaches) {
            return switch (config.baselineBreach()) {
                case FAIL -> false;
                case HOLD_IF_BASELINE_BREACHES -> baselineBreaches;
                case HOLD_UNLESS_WORSE -> true;
            };
        }

        private static long atOrAbove(double[] values, double threshold) {
            long n = 0;
            for (double v : values) {
                if (v >= threshold) {
                    n++;
                }
            }
            return n;
        }

        private static Facts withFacts(Facts first, Facts more) {
            Facts.Builder b = Facts.builder();
            first.values().forEach(b::put);
            more.values().forEach((k, v) -> {
                if (!first.values().containsKey(k)) {
                    b.put(k, v);
                }
            });
            return b.build();
        }

        private static Facts evidenceFacts(Facts gate, EvidenceCheck evidence) {
            Facts.Builder b = Facts.builder();
            gate.values().forEach(b::put);
            evidence.facts().values().forEach((k, v) -> {
                if (!gate.values().containsKey(k)) {
                    b.put(k, v);
                }
            });
            return b.build();
        }

        private static void latency(StageContext ctx, CanaryAnalysisConfig config, List<MetricResult> ms, List<Finding> fs) {
            String metric = config.latencyMetric();
            boolean critical = config.thresholdsCritical();
            if (queryFailed(ctx, metric, "latency", "latency", critical, ms, fs)) {
                return;
            }
            double[] samples = ctx.data().samples(metric, Variant.CANARY);
            long min = config.minLatencySamples();
            double q = config.latencyQuantile();
            if (samples.length == 0) {
                noData("latency", "threshold.latency.no-data", "No canary latency samples observed yet",
                        Facts.of("metric", metric, "samples", 0, "minSamples", min), config.thresholdNoData(), critical, ms, fs);
                return;
            }
            double value = nearestRank(samples, q);
            String label = "P" + Facts.format(q * 100);
            Facts facts = Facts.of("quantile", q, "value", value, "threshold", config.latencyThreshold(),
                    "samples", samples.length, "minSamples", min);
            if (samples.length < min) {
                ms.add(new MetricResult("latency", Outcome.NO_DATA, critical, false));
                fs.add(Finding.warn("threshold.latency.insufficient",
                        Checks.message("Only %d of %d canary latency samples observed: holding", samples.length, min), facts));
            } else if (value < config.latencyThreshold()) {
                ms.add(new MetricResult("latency", Outcome.PASS, critical, false, value));
                fs.add(Finding.pass("threshold.latency", Checks.message("Canary %s latency %s is below %s",
                        label, Facts.format(value), Facts.format(config.latencyThreshold())), facts));
            } else if (!latencyBaselineBreach(ctx, config, samples, value, label, facts, critical, ms, fs)) {
                ms.add(new MetricResult("latency", Outcome.FAIL, critical, false, value));
                fs.add(Finding.fail("threshold.latency", Checks.message("Canary %s latency %s is not below %s",
                        label, Facts.format(value), Facts.format(config.latencyThreshold())), facts));
            }
        }

        private static void health(StageContext ctx, CanaryAnalysisConfig config, List<MetricResult> ms, List<Finding> fs) {
            boolean critical = config.thresholdsCritical();
            Map<String, StageData.Tally> checks = ctx.data().health();
            if (checks.isEmpty()) {
                noData("health", "threshold.health.no-data", "No canary health checks observed yet",
                        Facts.none(), config.thresholdNoData(), critical, ms, fs);
                return;
            }
            boolean failed = false;
            for (Map.Entry<String, StageData.Tally> e : checks.entrySet()) {
                StageData.Tally t = e.getValue();
                Facts facts = Facts.of("check", e.getKey(), "failed", t.bad(), "total", t.total());
                if (t.bad() > 0) {
                    failed = true;
                    fs.add(Finding.fail("threshold.health", Checks.message("Health check '%s' failed %d of %d times",
                            e.getKey(), t.bad(), t.total()), facts));
                } else {
                    fs.add(Finding.pass("threshold.health", Checks.message("Health check '%s' passed %d of %d times",
                            e.getKey(), t.total(), t.total()), facts));
                }
            }
            ms.add(new MetricResult("health", failed ? Outcome.FAIL : Outcome.PASS, critical, false));
        }

        static void noData(String name, String code, String message, Facts facts, NoDataStrategy strategy, boolean critical,
                List<MetricResult> ms, List<Finding> fs) {
            switch (strategy) {
                case FAIL -> {
                    ms.add(new MetricResult(name, Outcome.FAIL, critical, false));
                    fs.add(Finding.of(code, Level.FAIL, message + " (configured to fail on no data)", facts));
                }
                case IGNORE -> {
                    ms.add(new MetricResult(name, Outcome.IGNORED, critical, false));
                    fs.add(Finding.info(code, message + " (ignored)", facts));
                }
                case HOLD -> {
                    ms.add(new MetricResult(name, Outcome.NO_DATA, critical, false));
                    fs.add(Finding.warn(code, message + ": holding", facts));
                }
            }
        }

        /** The nearest-rank quantile of sorted, non-empty samples: the smallest value with at least q of the samples at or below it. */
        static double nearestRank(double[] sorted, double q) {
            // nextDown absorbs the rounding of q * n (0.99 * 1000 must rank 990, not 991)
            long rank = (long) Math.ceil(Math.nextDown(q * sorted.length));
            int index = (int) Math.max(1, Math.min(sorted.length, rank)) - 1;
            return sorted[index];
        }

        private static String pct(double rate) {
            return Facts.format(rate * 100);
        }
    }

    /**
     * Canary against baseline, modelled on Kayenta's NetflixACAJudge (built-in judge
     * {@code mann-whitney}). Each {@link MetricSpec} of the configuration is classified PASS, HIGH or
     * LOW: sampled metrics by the Hodges-Lehmann confidence interval of canary - baseline (HIGH when it
     * lies above 0, LOW below) with the Mann-Whitney p-value reported; counted metrics by Fisher's exact
     * or the two-proportion z test. A significant change fails only in a failing {@link Direction} and
     * beyond the allowed effect size (the ratio of canary to baseline mean, or of the rates); beyond the
     * critical effect size a critical metric fails at once. An undefined ratio (a baseline mean or rate
     * of 0 against a non-zero canary, or negative means) counts as beyond every limit, so a significant
     * change then decides alone. The non-dry-run metrics with a verdict are
     * scored per group (percentage passed), the groups averaged by weight into a 0-100 score: at or above
     * the pass score PASS, at or above the marginal score INCONCLUSIVE, else FAIL; a critical failure
     * scores 0. A metric without a significant change in its failing direction is scored only when
     * its interval excludes the configured {@link MetricSpec#harmfulIncrease()}; otherwise it holds
     * unscored with {@code mann-whitney.metric.underpowered}.
     *
     * <p>Measurements: {@code score}, plus one per metric that failed critically, has no data or too
     * little to see the harmful change, had a query error, or is dry-run. Stateless and thread safe.
     */
    public static final class MannWhitneyJudge extends Base {

        /** The id: {@code mann-whitney}. */
        public static final String ID = "mann-whitney";

        /** Creates the judge (public for {@link java.util.ServiceLoader}). */
        public MannWhitneyJudge() {
            super(ID);
        }

        private enum Verdict { PASS, HIGH, LOW, NO_DATA, HOLD, IGNORED, ERROR }

        private record Classified(Verdict verdict, boolean critical) {}

        @Override
        public RuleResult<List<MetricResult>> judge(StageContext context) {
            Checks.notNull(context, "context");
            CanaryAnalysisConfig config = context.config();
            List<MetricResult> ms = new ArrayList<>();
            List<Finding> fs = new ArrayList<>();
            if (config.metrics().isEmpty()) {
                fs.add(Finding.info("mann-whitney.metric.none", "No metrics configured for canary-baseline comparison",
                        Facts.none()));
                return RuleResult.of(ms, fs);
            }
            Map<String, long[]> groups = new TreeMap<>();
            boolean criticalFailure = false;
            for (MetricSpec spec : config.metrics()) {
                Classified c = classify(context, spec, fs);
                if (spec.dryRun()) {
                    ms.add(new MetricResult(spec.name(), outcome(c.verdict()), c.critical(), true));
                    continue;
                }
                switch (c.verdict()) {
                    case PASS, HIGH, LOW -> {
                        long[] g = groups.computeIfAbsent(spec.group(), k -> new long[2]);
                        g[1]++;
                        if (c.verdict() == Verdict.PASS) {
                            g[0]++;
                        }
                        if (c.critical()) {
                            criticalFailure = true;
                            ms.add(new MetricResult(spec.name(), Outcome.FAIL, true, false));
                        }
                    }
                    case NO_DATA -> {
                        // configured to fail on no data: a failed metric in the score
                        groups.computeIfAbsent(spec.group(), k -> new long[2])[1]++;
                        ms.add(new MetricResult(spec.name(), Outcome.FAIL, false, false));
                    }
                    case HOLD -> ms.add(new MetricResult(spec.name(), Outcome.NO_DATA, false, false));
                    case ERROR -> ms.add(new MetricResult(spec.name(), Outcome.ERROR, false, false));
                    case IGNORED -> ms.add(new MetricResult(spec.name(), Outcome.IGNORED, false, false));
                }
            }
            score(config, groups, criticalFailure, ms, fs);
            return RuleResult.of(ms, fs);
        }

        private static Outcome outcome(Verdict v) {
            return switch (v) {
                case PASS -> Outcome.PASS;
                case HIGH, LOW, NO_DATA -> Outcome.FAIL;
                case HOLD -> Outcome.NO_DATA;
                case IGNORED -> Outcome.IGNORED;
                case ERROR -> Outcome.ERROR;
            };
        }

        private static void score(CanaryAnalysisConfig config, Map<String, long[]> groups, boolean criticalFailure,
                List<MetricResult> ms, List<Finding> fs) {
            double weighted = 0;
            double weights = 0;
            Facts.Builder facts = Facts.builder();
            for (Map.Entry<String, long[]> e : groups.entrySet()) {
                long[] g = e.getValue();
                double groupScore = 100.0 * g[0] / g[1];
                double w = config.groupWeight(e.getKey());
                facts.put("group." + e.getKey(), Checks.message("%d/%d passed, weight %s", g[0], g[1], Facts.format(w)));
                weighted += w * groupScore;
                weights += w;
            }
            if (weights == 0) {
                fs.add(Finding.info("mann-whitney.score.none", "No metric could be scored in this evaluation", facts.build()));
                return;
            }
            double score = criticalFailure ? 0 : weighted / weights;
            facts.put("score", score).put("passScore", config.passScore()).put("marginalScore", config.marginalScore());
            if (criticalFailure) {
                facts.put("criticalFailure", true);
            }
            Facts f = facts.build();
            if (score >= config.passScore()) {
                ms.add(new MetricResult("score", Outcome.PASS, false, false, score));
                fs.add(Finding.pass("mann-whitney.score", Checks.message("Canary score %s passes (>= %s)",
                        Facts.format(score), Facts.format(config.passScore())), f));
            } else if (score >= config.marginalScore()) {
                ms.add(new MetricResult("score", Outcome.INCONCLUSIVE, false, false, score));
                fs.add(Finding.warn("mann-whitney.score", Checks.message("Canary score %s is marginal (>= %s, < %s)",
                        Facts.format(score), Facts.format(config.marginalScore()), Facts.format(config.passScore())), f));
            } else {
                ms.add(new MetricResult("score", Outcome.FAIL, false, false, score));
                fs.add(Finding.fail("mann-whitney.score", Checks.message("Canary score %s fails (< %s)",
                        Facts.format(score), Facts.format(config.marginalScore())), f));
            }
        }

        private static Classified classify(StageContext ctx, MetricSpec spec, List<Finding> fs) {
            String dry = spec.dryRun() ? " [dry run]" : "";
            SortedSet<String> errors = ctx.data().queryErrors(spec.name());
            if (!errors.isEmpty()) {
                fs.add(Finding.warn("mann-whitney.metric.query-error", "Metric '" + spec.name() + "' could not be read" + dry,
                        Facts.of("metric", spec.name(), "errors", String.join("; ", errors))));
                return new Classified(Verdict.ERROR, false);
            }
            return spec.kind() == MetricSpec.Kind.SAMPLES ? samples(ctx, spec, fs, dry) : proportion(ctx, spec, fs, dry);
        }

        private static Classified noData(MetricSpec spec, List<Finding> fs, String dry, Facts facts, boolean tooFew) {
            String what = tooFew ? "has too few samples" : "has no data";
            if (tooFew || spec.noData() == NoDataStrategy.HOLD) {
                fs.add(Finding.warn("mann-whitney.metric.no-data", "Metric '" + spec.name() + "' " + what + ": holding" + dry, facts));
                return new Classified(Verdict.HOLD, false);
            }
            if (spec.noData() == NoDataStrategy.IGNORE) {
                fs.add(Finding.info("mann-whitney.metric.no-data", "Metric '" + spec.name() + "' " + what + " (ignored)" + dry, facts));
                return new Classified(Verdict.IGNORED, false);
            }
            fs.add(Finding.fail("mann-whitney.metric.no-data", "Metric '" + spec.name() + "' " + what
                    + " (configured to fail on no data)" + dry, facts));
            return new Classified(Verdict.NO_DATA, false);
        }

        private static Classified samples(StageContext ctx, MetricSpec spec, List<Finding> fs, String dry) {
            double[] canary = JudgeMath.withNans(ctx.data().samples(spec.name(), Variant.CANARY),
                    ctx.data().nanCount(spec.name(), Variant.CANARY), spec);
            double[] baseline = JudgeMath.withNans(ctx.data().samples(spec.name(), Variant.BASELINE),
                    ctx.data().nanCount(spec.name(), Variant.BASELINE), spec);
            Facts counts = Facts.of("metric", spec.name(), "canarySamples", canary.length, "baselineSamples", baseline.length,
                    "minSamples", spec.minSamples());
            if (canary.length == 0 || baseline.length == 0) {
                return noData(spec, fs, dry, counts, false);
            }
            if (canary.length < spec.minSamples() || baseline.length < spec.minSamples()) {
                return noData(spec, fs, dry, counts, true);
            }
            if (Arrays.equals(canary, baseline)) {
                fs.add(Finding.pass("mann-whitney.metric.pass", "Metric '" + spec.name() + "': canary and baseline data are identical"
                        + dry, counts));
                return new Classified(Verdict.PASS, false);
            }
            RankTestResult rank = MannWhitney.testSorted(canary, baseline, MannWhitney.Options.DEFAULT);
            ShiftEstimate shift = MannWhitney.shiftSorted(canary, baseline, spec.confidence());
            double meanC = JudgeMath.mean(canary);
            double meanB = JudgeMath.mean(baseline);
            double ratio = JudgeMath.ratio(meanC, meanB, meanC >= 0 && meanB > 0);
            Facts facts = Facts.builder().put("metric", spec.name()).put("canarySamples", canary.length)
                    .put("baselineSamples", baseline.length).put("u", rank.u()).put("pValue", rank.pValue())
                    .put("pValueMethod", rank.method()).put("shift", shift.estimate()).put("lower", shift.lower())
                    .put("upper", shift.upper()).put("confidence", spec.confidence()).put("canaryMean", meanC)
                    .put("baselineMean", meanB).put("meanRatio", ratio).put("direction", spec.direction())
                    .put("allowedIncrease", spec.allowedIncrease()).put("allowedDecrease", spec.allowedDecrease())
                    .put("critical", spec.critical()).build();
            if (!failing(spec.direction(), shift.significantlyAbove(), shift.significantlyBelow())
                    && JudgeMath.underpowered(ID, spec, canary.length, baseline.length,
                            JudgeMath.detectableShift(shift, baseline, spec.direction()), spec.confidence(), fs, dry)) {
                return new Classified(Verdict.HOLD, false);
            }
            return decide(spec, shift.significantlyAbove(), shift.significantlyBelow(), ratio, facts, fs, dry, "mean ratio");
        }

        private static Classified proportion(StageContext ctx, MetricSpec spec, List<Finding> fs, String dry) {
            StageData.Tally c = ctx.data().counts(spec.name(), Variant.CANARY);
            StageData.Tally b = ctx.data().counts(spec.name(), Variant.BASELINE);
            Facts counts = Facts.of("metric", spec.name(), "canaryEvents", c.total(), "baselineEvents", b.total(),
                    "minSamples", spec.minSamples());
            if (c.total() == 0 || b.total() == 0) {
                return noData(spec, fs, dry, counts, false);
            }
            if (c.total() < spec.minSamples() || b.total() < spec.minSamples()) {
                return noData(spec, fs, dry, counts, true);
            }
            Alternative alt = switch (spec.direction()) {
                case INCREASE -> Alternative.GREATER;
                case DECREASE -> Alternative.LESS;
                case EITHER -> Alternative.TWO_SIDED;
            };
            ProportionTestResult r = ProportionTest.test(c.bad(), c.total(), b.bad(), b.total(), alt, ProportionTest.Method.AUTO);
            double alpha = 1 - spec.confidence();
            boolean significant = r.pValue() < alpha;
            double rateC = c.rate();
            double rateB = b.rate();
            double ratio = JudgeMath.ratio(rateC, rateB, rateB > 0);
            Facts facts = Facts.builder().put("metric", spec.name()).put("canaryBad", c.bad()).put("canaryEvents", c.total())
                    .put("baselineBad", b.bad()).put("baselineEvents", b.total()).put("canaryRate", rateC)
                    .put("baselineRate", rateB).put("test", r.method()).put("pValue", r.pValue()).put("alpha", alpha)
                    .put("rateRatio", ratio).put("direction", spec.direction())
                    .put("allowedIncrease", spec.allowedIncrease()).put("allowedDecrease", spec.allowedDecrease())
                    .put("critical", spec.critical()).build();
            boolean high = significant && rateC > rateB;
            boolean low = significant && rateC < rateB;
            if (!failing(spec.direction(), high, low) && JudgeMath.underpowered(ID, spec, c.total(), b.total(),
                    JudgeMath.detectableRateChange(c, b, spec.direction(), spec.confidence()), spec.confidence(), fs, dry)) {
                return new Classified(Verdict.HOLD, false);
            }
            return decide(spec, high, low, ratio, facts, fs, dry, "rate ratio");
        }

        /** Whether the significant change lies in the metric's failing direction. */
        static boolean failing(Direction direction, boolean high, boolean low) {
            return switch (direction) {
                case INCREASE -> high;
                case DECREASE -> low;
                case EITHER -> high || low;
            };
        }

        private static Classified decide(MetricSpec spec, boolean high, boolean low, double ratio, Facts facts,
                List<Finding> fs, String dry, String effectName) {
            boolean undefined = Double.isNaN(ratio);
            if (high && spec.direction() != Direction.DECREASE && (undefined || ratio > spec.allowedIncrease())) {
                boolean critical = spec.critical() && (undefined || ratio > spec.criticalIncrease());
                fs.add(Finding.fail("mann-whitney.metric.high", Checks.message("Metric '%s' is significantly higher on the canary"
                        + " (%s %s, allowed %s)%s%s", spec.name(), effectName, Facts.format(ratio),
                        Facts.format(spec.allowedIncrease()), critical ? ": critical" : "", dry), facts));
                return new Classified(Verdict.HIGH, critical);
            }
            if (low && spec.direction() != Direction.INCREASE && (undefined || ratio < spec.allowedDecrease())) {
                boolean critical = spec.critical() && (undefined || ratio < spec.criticalDecrease());
                fs.add(Finding.fail("mann-whitney.metric.low", Checks.message("Metric '%s' is significantly lower on the canary"
                        + " (%s %s, allowed %s)%s%s", spec.name(), effectName, Facts.format(ratio),
                        Facts.format(spec.allowedDecrease()), critical ? ": critical" : "", dry), facts));
                return new Classified(Verdict.LOW, critical);
            }
            String why = high || low ? "a significant change within the allowed effect size or direction" : "no significant change";
            fs.add(Finding.pass("mann-whitney.metric.pass", "Metric '" + spec.name() + "': " + why + dry, facts));
            return new Classified(Verdict.PASS, false);
        }
    }
}
