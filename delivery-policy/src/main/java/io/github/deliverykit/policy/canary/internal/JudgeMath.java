package io.github.deliverykit.policy.canary.internal;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.metrics.stats.BinomialTest;
import io.github.deliverykit.metrics.stats.ShiftEstimate;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.Direction;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageData.Tally;
import java.util.Arrays;
import java.util.List;

/** The sample arithmetic the compared-metric judges ({@code mann-whitney}, {@code distribution}) share. */
final class JudgeMath {

    private JudgeMath() {}

    /** Ratio of canary to baseline; NaN when undefined (zero or negative baseline), 1 when both are 0. */
    static double ratio(double canary, double baseline, boolean defined) {
        if (canary == 0 && baseline == 0) {
            return 1.0;
        }
        return defined ? canary / baseline : Double.NaN;
    }

    /** The sorted samples with the metric's NaNs back in (sorted last), unless its strategy removes them. */
    static double[] withNans(double[] sorted, int nans, MetricSpec spec) {
        if (nans == 0 || spec.nanStrategy() == MetricSpec.NanStrategy.REMOVE) {
            return sorted;
        }
        double[] all = Arrays.copyOf(sorted, sorted.length + nans);
        Arrays.sort(all);
        return all;
    }

    /** The arithmetic mean of a non-empty sample. */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * The largest change of the bad share, in the metric's failing direction, that the stage's counts
     * cannot exclude at the confidence: Newcombe's square-and-add bound of the rate difference (canary
     * - baseline) built from the one-sided Clopper-Pearson bounds of each rate. A test that could not see
     * a change this large has no power against it.
     */
    static double detectableRateChange(Tally canary, Tally baseline, Direction direction, double confidence) {
        double pc = canary.rate();
        double pb = baseline.rate();
        double up = pc - pb + Math.hypot(upper(canary, confidence) - pc, pb - lower(baseline, confidence));
        double down = pb - pc + Math.hypot(pc - lower(canary, confidence), upper(baseline, confidence) - pb);
        return switch (direction) {
            case INCREASE -> up;
            case DECREASE -> down;
            case EITHER -> Math.max(up, down);
        };
    }

    /**
     * The largest location change, relative to the baseline median and in the failing direction, that
     * the Hodges-Lehmann interval cannot exclude; NaN when the baseline median is not positive (no
     * relative change is defined).
     */
    static double detectableShift(ShiftEstimate shift, double[] sortedBaseline, Direction direction) {
        int n = sortedBaseline.length;
        double median = n % 2 == 1 ? sortedBaseline[n / 2] : (sortedBaseline[n / 2 - 1] + sortedBaseline[n / 2]) / 2;
        if (!(median > 0)) {
            return Double.NaN;
        }
        double up = shift.upper() / median;
        double down = -shift.lower() / median;
        return switch (direction) {
            case INCREASE -> up;
            case DECREASE -> down;
            case EITHER -> Math.max(up, down);
        };
    }

    /**
     * Adds the {@code <id>.metric.underpowered} finding and returns true when the configured harmful
     * change is on and larger than none the data can exclude (the detectable change exceeds it).
     */
    static boolean underpowered(String id, MetricSpec spec, long canaryN, long baselineN, double detectable,
            double confidence, List<Finding> fs, String dry) {
        double harmful = spec.harmfulIncrease();
        if (harmful == 0 || Double.isNaN(detectable) || detectable <= harmful) {
            return false;
        }
        boolean counts = spec.kind() == MetricSpec.Kind.PROPORTION;
        String unit = counts ? "percentage points of the bad share" : "% of the baseline median";
        double scale = 100;
        fs.add(Finding.warn(id + ".metric.underpowered", Checks.message("Metric '%s': no significant change, but %d canary"
                + " and %d baseline %s cannot exclude a harmful change: the data leave %s %s open, the judge must see %s:"
                + " holding%s", spec.name(), canaryN, baselineN, counts ? "events" : "samples",
                Facts.format(round(detectable * scale)), unit, Facts.format(round(harmful * scale)), dry),
                Facts.builder().put("metric", spec.name()).put("canary" + (counts ? "Events" : "Samples"), canaryN)
                        .put("baseline" + (counts ? "Events" : "Samples"), baselineN).put("detectableChange", detectable)
                        .put("harmfulIncrease", harmful).put("confidence", confidence).put("direction", spec.direction())
                        .build()));
        return true;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double upper(Tally t, double confidence) {
        long[] kn = bounded(t);
        return BinomialTest.upperBound(kn[0], kn[1], confidence);
    }

    private static double lower(Tally t, double confidence) {
        long[] kn = bounded(t);
        return BinomialTest.lowerBound(kn[0], kn[1], confidence);
    }

    /** Counts past the exact bound's trial limit, scaled down to it (a wider, so conservative, bound). */
    private static long[] bounded(Tally t) {
        if (t.total() <= BinomialTest.MAX_TRIALS) {
            return new long[] {t.bad(), t.total()};
        }
        long n = BinomialTest.MAX_TRIALS;
        return new long[] {Math.round(t.rate() * n), n};
    }
}
