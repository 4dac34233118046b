package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;

/**
 * The outcome of a Brown-Forsythe test (Levene's test with medians) of the spread of a sample
 * {@code x} against a sample {@code y}.
 *
 * @param n1 the size of {@code x}
 * @param n2 the size of {@code y}
 * @param f the F statistic of the one-way ANOVA on the absolute deviations from each sample's median
 *     (1 and n1 + n2 - 2 degrees of freedom); infinite when the deviations differ between the samples
 *     but not within them
 * @param pValue the p-value under the alternative, in [0, 1]
 * @param alternative TWO_SIDED: the spreads differ (the F test); GREATER: {@code x} spreads more
 *     (the one-sided t test of which the F test is the square); LESS: {@code x} spreads less
 * @param spread1 the mean absolute deviation of {@code x} from its median
 * @param spread2 the mean absolute deviation of {@code y} from its median
 */
public record SpreadTestResult(long n1, long n2, double f, double pValue, Alternative alternative, double spread1,
        double spread2) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a size is below 2, the statistic is NaN or negative, the
     *     p-value outside [0, 1], a spread negative or not finite, or the alternative null
     */
    public SpreadTestResult {
        Checks.inRange(n1, 2, Long.MAX_VALUE, "n1");
        Checks.inRange(n2, 2, Long.MAX_VALUE, "n2");
        if (!(f >= 0)) {
            throw Checks.invalid("f", "must be 0 or more", f);
        }
        Checks.inRange(pValue, 0, 1, "pValue");
        Checks.notNull(alternative, "alternative");
        Checks.nonNegative(spread1, "spread1");
        Checks.nonNegative(spread2, "spread2");
    }

    /**
     * The ratio of the spreads.
     *
     * @return spread1 / spread2; NaN when both are 0, infinite when only spread2 is
     */
    public double spreadRatio() {
        return spread1 == 0 && spread2 == 0 ? Double.NaN : spread1 / spread2;
    }
}
