package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;

/**
 * The Brown-Forsythe test of equal spread (Levene's test on absolute deviations from the medians):
 * the one-way ANOVA F test on {@code |x - median(x)|} and {@code |y - median(y)|}. It catches a
 * canary whose variance jumped while its median stayed, which a rank test of location cannot see,
 * and it keeps its size for skewed and heavy-tailed data where the F test of variances does not.
 *
 * <p>The two-sided p-value is the F test's (equal to Apache Commons Math's {@code OneWayAnova} on the
 * deviations); the one-sided p-values are those of the pooled-variance t test of which F is the
 * square. Expected O(n): the medians by selection on one copy of each sample, or by lookup when the
 * caller holds sorted samples, then two passes; the order of the values can move the last bits of
 * the sums, never more. Stateless and thread safe.
 */
public final class BrownForsythe {

    private BrownForsythe() {}

    /**
     * The two-sided test.
     *
     * @param x the first sample, at least 2 finite values
     * @param y the second sample, at least 2 finite values
     * @return the result
     * @throws IllegalArgumentException if a sample is null, has fewer than 2 values or holds NaN or infinity
     */
    public static SpreadTestResult test(double[] x, double[] y) {
        return test(x, y, Alternative.TWO_SIDED);
    }

    /**
     * The test under an alternative.
     *
     * @param x the first sample, at least 2 finite values
     * @param y the second sample, at least 2 finite values
     * @param alternative GREATER tests whether {@code x} spreads more than {@code y}
     * @return the result
     * @throws IllegalArgumentException if a sample is null, has fewer than 2 values or holds NaN or
     *     infinity, or the alternative is null
     */
    public static SpreadTestResult test(double[] x, double[] y, Alternative alternative) {
        Checks.notNull(alternative, "alternative");
        checkSample(x, "x");
        checkSample(y, "y");
        // medians by selection on a copy (expected O(n)); the sums then run over the caller's order
        return compute(x, Quantiles.quantile(x, 0.5), y, Quantiles.quantile(y, 0.5), alternative);
    }

    /**
     * The test on samples the caller has already sorted ascending (no copy is made).
     *
     * @param xSorted the first sample, ascending, at least 2 finite values
     * @param ySorted the second sample, ascending, at least 2 finite values
     * @param alternative GREATER tests whether {@code x} spreads more than {@code y}
     * @return the result
     * @throws IllegalArgumentException if a sample is null, unsorted, has fewer than 2 values or holds
     *     NaN or infinity, or the alternative is null
     */
    public static SpreadTestResult testSorted(double[] xSorted, double[] ySorted, Alternative alternative) {
        Checks.notNull(alternative, "alternative");
        checkSorted(xSorted, "xSorted");
        checkSorted(ySorted, "ySorted");
        return compute(xSorted, sortedMedian(xSorted), ySorted, sortedMedian(ySorted), alternative);
    }

    private static SpreadTestResult compute(double[] x, double mx, double[] y, double my, Alternative alternative) {
        int n1 = x.length;
        int n2 = y.length;
        double mean1 = meanDeviation(x, mx);
        double mean2 = meanDeviation(y, my);
        double within = squaredDeviations(x, mx, mean1) + squaredDeviations(y, my, mean2);
        double total = (double) n1 + n2;
        double grand = (n1 * mean1 + n2 * mean2) / total;
        double between = n1 * (mean1 - grand) * (mean1 - grand) + n2 * (mean2 - grand) * (mean2 - grand);
        double df2 = total - 2;
        if (!Double.isFinite(within) || !Double.isFinite(between)) {
            throw Checks.invalid("x, y", "must have deviations from their medians whose squares fit a double",
                    mean1 + ", " + mean2);
        }
        double f;
        if (within > 0) {
            f = between / (within / df2);
        } else {
            // no spread within the samples: either they spread alike (no evidence) or certainly not
            f = between > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        double twoSided = BetaMath.fUpperTail(f, 1, df2);
        double p = switch (alternative) {
            case TWO_SIDED -> twoSided;
            case GREATER -> mean1 > mean2 ? twoSided / 2 : 1 - twoSided / 2;
            case LESS -> mean1 < mean2 ? twoSided / 2 : 1 - twoSided / 2;
        };
        return new SpreadTestResult(n1, n2, f, Math.min(1, Math.max(0, p)), alternative, mean1, mean2);
    }

    private static double meanDeviation(double[] a, double median) {
        double sum = 0;
        for (double v : a) {
            sum += Math.abs(v - median);
        }
        return sum / a.length;
    }

    private static double squaredDeviations(double[] a, double median, double mean) {
        double sum = 0;
        for (double v : a) {
            double d = Math.abs(v - median) - mean;
            sum += d * d;
        }
        return sum;
    }

    private static double sortedMedian(double[] s) {
        int n = s.length;
        int h = n / 2;
        return n % 2 == 1 ? s[h] : s[h - 1] + (s[h] - s[h - 1]) / 2;
    }

    private static void checkSample(double[] a, String field) {
        Checks.notNull(a, field);
        if (a.length < 2) {
            throw Checks.invalid(field, "must hold at least 2 values", a.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw Checks.invalid(field + "[" + i + "]", "must be a finite number", a[i]);
            }
        }
    }

    private static void checkSorted(double[] a, String field) {
        checkSample(a, field);
        for (int i = 1; i < a.length; i++) {
            if (a[i] < a[i - 1]) {
                throw Checks.invalid(field, "must be sorted ascending (index " + i + ")", a[i]);
            }
        }
    }
}
