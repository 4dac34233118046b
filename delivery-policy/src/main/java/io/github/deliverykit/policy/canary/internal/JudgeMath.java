package io.github.deliverykit.policy.canary.internal;

import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import java.util.Arrays;

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
}
