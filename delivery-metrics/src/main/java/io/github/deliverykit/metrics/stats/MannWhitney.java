package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The Mann-Whitney U (Wilcoxon rank-sum) test and the Hodges-Lehmann shift estimate on primitive
 * arrays.
 *
 * <p>{@link #test(double[], double[], Options)} on up to 1,024 values in all sorts both samples
 * together once: each value's order-preserving long key less the smallest, with a low bit telling
 * x from y, bucketed by its top bits and finished by one insertion sort; one pass over the sorted
 * keys then accumulates U and the tie term (keys spanning 2^63 or more, which only mixed signs of
 * large magnitude reach, take the path below). Above 1,024 values it writes the order-preserving long keys of both
 * samples, sorted, into one array (per-thread scratch up to 8192 values in all, so it allocates
 * only the result; an array of the call up to 2^18 values) and merges the two halves, accumulating
 * U and the tie term in one pass, without data-dependent branches when no key repeats. From 64
 * values the sort is a bucket sort: one distribution pass on each value's linear position
 * between the sample's minimum and maximum, then one insertion sort that only moves keys inside
 * their bucket (past a budget of moves a skewed sample goes to {@code Arrays.sort}: O(n log n)).
 * Below 64 values a small quicksort sorts each half; above 2^18 an LSD radix sort sorts a copy of
 * each sample. U is accumulated exactly as an integer count of half-pairs. The p-value is
 * asymptotic (normal, optionally with tie and continuity corrections) or exact (the null
 * distribution of U by dynamic programming, without ties and for small samples).
 *
 * <p>{@link Options#COMMONS_MATH_3} reproduces Apache Commons Math 3.6.1's
 * {@code MannWhitneyUTest} (no tie, no continuity correction, two-sided, and -0.0 ranked below 0.0
 * as its {@code NaturalRanking} does with {@code Double.compare}); {@link Options#DEFAULT}
 * is the test of R's {@code wilcox.test} and Commons Statistics (tie and continuity corrections,
 * exact for small samples without ties, -0.0 tied with 0.0 as {@code ==} ties them).
 *
 * <p>The Hodges-Lehmann estimate is the median of the n1 n2 pairwise differences, found without
 * materialising them: a bisection over the ordered bit patterns of doubles whose every step counts
 * the differences below a candidate with a two-pointer sweep, so O((n1 + n2) 64) per order
 * statistic.
 *
 * <p>Stateless and thread safe. Inputs are never modified. Bad input (null, empty, NaN or infinite
 * values) throws {@link IllegalArgumentException}.
 */
public final class MannWhitney {

    /** Below this size (for both samples, without ties) {@link PValueMethod#AUTO} uses the exact distribution. */
    public static final int EXACT_AUTO_LIMIT = 50;

    /** The most additions the exact distribution may cost (about (n1 n2)^2 / 4) before falling back. */
    public static final long EXACT_WORK_LIMIT = 200_000_000L;

    /** The default confidence of {@link #shift(double[], double[], double)} callers: Kayenta's 0.98. */
    public static final double DEFAULT_CONFIDENCE = 0.98;

    private MannWhitney() {}

    /**
     * How to compute the p-value.
     *
     * @param alternative the alternative hypothesis
     * @param method exact, asymptotic or automatic
     * @param continuityCorrection whether the asymptotic z is corrected by 1/2 towards the mean
     * @param tieCorrection whether the asymptotic variance is reduced for ties
     * @param signedZeros whether -0.0 ranks below 0.0 ({@code Double.compare} order, as Commons Math
     *     3.6.1) instead of tying with it ({@code ==}, as R and Commons Statistics)
     */
    public record Options(Alternative alternative, PValueMethod method, boolean continuityCorrection,
            boolean tieCorrection, boolean signedZeros) {

        /** Two-sided, automatic exact/asymptotic, tie and continuity corrections (R, Commons Statistics). */
        public static final Options DEFAULT = new Options(Alternative.TWO_SIDED, PValueMethod.AUTO, true, true, false);

        /**
         * Apache Commons Math 3.6.1: two-sided normal approximation without any correction, -0.0
         * ranked below 0.0.
         */
        public static final Options COMMONS_MATH_3 =
                new Options(Alternative.TWO_SIDED, PValueMethod.ASYMPTOTIC, false, false, true);

        /**
         * Options that tie -0.0 with 0.0.
         *
         * @param alternative the alternative hypothesis
         * @param method exact, asymptotic or automatic
         * @param continuityCorrection whether the asymptotic z is corrected by 1/2 towards the mean
         * @param tieCorrection whether the asymptotic variance is reduced for ties
         * @throws IllegalArgumentException if a field is null
         */
        public Options(Alternative alternative, PValueMethod method, boolean continuityCorrection,
                boolean tieCorrection) {
            this(alternative, method, continuityCorrection, tieCorrection, false);
        }

        /**
         * Validates the options.
         *
         * @throws IllegalArgumentException if a field is null
         */
        public Options {
            Checks.notNull(alternative, "alternative");
            Checks.notNull(method, "method");
        }

        /**
         * A copy with another alternative.
         *
         * @param value the alternative
         * @return the options
         */
        public Options withAlternative(Alternative value) {
            return new Options(value, method, continuityCorrection, tieCorrection, signedZeros);
        }

        /**
         * A copy with another p-value method.
         *
         * @param value the method
         * @return the options
         */
        public Options withMethod(PValueMethod value) {
            return new Options(alternative, value, continuityCorrection, tieCorrection, signedZeros);
        }
    }

    /**
     * The test with {@link Options#DEFAULT}.
     *
     * @param x the first sample
     * @param y the second sample
     * @return the result
     * @throws IllegalArgumentException if a sample is null, empty or holds NaN or infinity
     */
    public static RankTestResult test(double[] x, double[] y) {
        return test(x, y, Options.DEFAULT);
    }

    /**
     * The test.
     *
     * @param x the first sample
     * @param y the second sample
     * @param options how to compute the p-value
     * @return the result
     * @throws IllegalArgumentException if a sample is null, empty or holds NaN or infinity, or the
     *     options are null
     */
    public static RankTestResult test(double[] x, double[] y, Options options) {
        Checks.notNull(options, "options");
        Checks.notNull(x, "x");
        Checks.notNull(y, "y");
        if (x.length + y.length <= SCRATCH_LIMIT && x.length > 0 && y.length > 0) {
            Scratch scratch = SCRATCH.get();
            if (x.length + y.length <= TAGGED_TO) {
                return taggedTest(x, y, options, scratch.keys, scratch.raw, scratch.count);
            }
            return keyTest(x, y, options, scratch.keys, scratch.count);
        }
        if (x.length > 0 && y.length > 0 && (long) x.length + y.length <= BUCKET_SORT_TO) {
            // too large for the per-thread scratch: the same sort into arrays of this call
            return keyTest(x, y, options, new long[x.length + y.length],
                    new int[RankSort.buckets(Math.max(x.length, y.length))]);
        }
        // rank on sorted order-preserving long keys: no copy back to doubles, and -0.0 stays
        // apart from 0.0 exactly when the options say so
        long[] kx = sortedKeys(checkFinite(x, "x"), options.signedZeros());
        long[] ky = sortedKeys(checkFinite(y, "y"), options.signedZeros());
        double[] tie = new double[1];
        long twice = twiceU(kx, ky, tie);
        return result(x.length, y.length, twice, tie[0], options);
    }

    /**
     * The test on samples the caller has already sorted ascending (no copy is made).
     *
     * @param xSorted the first sample, ascending
     * @param ySorted the second sample, ascending
     * @param options how to compute the p-value
     * @return the result
     * @throws IllegalArgumentException if a sample is null, empty, unsorted or holds NaN or
     *     infinity, or the options are null
     */
    public static RankTestResult testSorted(double[] xSorted, double[] ySorted,
            Options options) {
        Checks.notNull(options, "options");
        checkSorted(xSorted, "xSorted");
        checkSorted(ySorted, "ySorted");
        if (options.signedZeros() && (hasNegativeZero(xSorted) || hasNegativeZero(ySorted))) {
            return signedZeroTest(xSorted, ySorted, options);
        }
        return rankTest(xSorted, ySorted, options);
    }

    /** Up to this many values in both samples, keys go to a per-thread scratch array, not to new arrays. */
    private static final int SCRATCH_LIMIT = 1 << 13;

    /**
     * Up to this many values in both samples, one sort of both samples' tagged keys and one ranking
     * pass ({@link #taggedTest}); above, two sorts and a merge ({@link #keyTest}), which measured
     * faster from 2,000 values with many ties (a repeated value costs the merge one step, the
     * ranking pass one each).
     */
    static final int TAGGED_TO = 1 << 10;

    /** From this many values in both samples, {@link RankSort} sorts them, a comparison sort below. */
    static final int BUCKET_SORT_FROM = 64;

    /** Up to this many values in both samples, {@link RankSort} sorts them; the LSD radix sort above. */
    static final int BUCKET_SORT_TO = 1 << 18;

    /** The per-thread keys and bucket counts of {@link #keyTest}: a call never shares them. */
    private static final class Scratch {
        final long[] keys = new long[SCRATCH_LIMIT];
        final long[] raw = new long[SCRATCH_LIMIT];
        final int[] count = new int[RankSort.buckets(SCRATCH_LIMIT)];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * The test on one sort of both samples' tagged keys ({@link RankSort#sortTagged}) and one
     * ranking pass ({@link #taggedTwiceU}); the two-sort path ({@link #keyTest}) when the keys'
     * range is too wide for the tag.
     */
    static RankTestResult taggedTest(double[] x, double[] y, Options options, long[] k, long[] raw, int[] count) {
        int n1 = x.length;
        int n2 = y.length;
        double zero = options.signedZeros() ? -0.0 : 0.0;
        if (!RankSort.sortTagged(x, y, zero, k, raw, count)) {
            return keyTest(x, y, options, k, count);
        }
        long[] tie = new long[1];
        long twice = taggedTwiceU(k, n1 + n2, tie);
        return result(n1, n2, twice, tie[0], options);
    }

    /**
     * Twice U of the x's (low bit 1) over the y's (low bit 0) in the sorted tagged keys
     * {@code k[0, n)} of {@link RankSort#sortTagged}, and the tie term, in one pass without
     * data-dependent branches. Each x adds twice the y's of smaller values plus the y's of its
     * value met so far, each y the x's of its value met so far: every tied pair counts once, as
     * half a pair twice. The r-th repeat of a value (r from 0) adds 3 r (r + 1) to the tie term,
     * which sums to t^3 - t over a value of t repeats (exact in a long, and in a double below 2^53).
     */
    static long taggedTwiceU(long[] k, int n, long[] tieOut) {
        long xs = 0; // x's so far (the y's so far are p - xs)
        long xg = 0; // x's below the current value
        long g = 0; // where the current value starts (the y's below it are g - xg)
        long twice = 0;
        long tie = 0;
        long prev = k[0] ^ 2; // another value than the first
        for (int p = 0; p < n; p++) {
            long a = k[p];
            boolean fresh = ((a ^ prev) >>> 1) != 0;
            xg = fresh ? xs : xg;
            g = fresh ? p : g;
            long r = p - g;
            tie += r * (r + 1);
            // an x adds the y's so far and the y's below its value, a y the x's of its value so far
            twice += (a & 1) == 1 ? p + g - xs - xg : xs - xg;
            xs += a & 1;
            prev = a;
        }
        tieOut[0] = 3 * tie;
        return twice;
    }

    /**
     * The test on keys: both samples' keys are checked, written and sorted into {@code k} (x's at
     * the front, y's after them; {@code count} is the bucket sort's scratch), and U comes from a
     * merge without data-dependent branches when no value repeats; repeated values take the
     * general tie-counting merge.
     */
    static RankTestResult keyTest(double[] x, double[] y, Options options, long[] k, int[] count) {
        int n1 = x.length;
        int n2 = y.length;
        double zero = options.signedZeros() ? -0.0 : 0.0;
        if (n1 + n2 < BUCKET_SORT_FROM) {
            fillKeys(x, "x", k, 0, zero);
            fillKeys(y, "y", k, n1, zero);
            sortRange(k, 0, n1);
            sortRange(k, n1, n1 + n2);
        } else {
            RankSort.sortKeys(x, "x", zero, k, 0, count);
            RankSort.sortKeys(y, "y", zero, k, n1, count);
        }
        long twice = distinctTwiceU(k, n1, n2);
        double tie = 0;
        if (twice < 0) {
            double[] t = new double[1];
            twice = twiceU(k, 0, n1, n1, n2, t);
            tie = t[0];
        }
        return result(n1, n2, twice, tie, options);
    }

    /** Below this size a quicksort with a branch-free partition beats {@code Arrays.sort}. */
    private static final int SMALL_SORT_LIMIT = 256;

    /** Sorts {@code a[from, to)}. */
    static void sortRange(long[] a, int from, int to) {
        if (to - from < SMALL_SORT_LIMIT) {
            quicksort(a, from, to);
        } else {
            Arrays.sort(a, from, to);
        }
    }

    /**
     * A quicksort for small ranges: median-of-three pivot, a Lomuto partition whose step is a
     * conditional increment (no branch on the comparison, which random keys mispredict half the
     * time), the smaller side first, insertion sort below 25 keys. Quadratic at worst, so it only
     * runs below {@link #SMALL_SORT_LIMIT} keys.
     */
    private static void quicksort(long[] a, int from, int to) {
        int lo = from;
        int hi = to;
        while (hi - lo > 24) {
            int mid = (lo + hi) >>> 1;
            long x = a[lo];
            long y = a[mid];
            long z = a[hi - 1];
            long p = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            int m = p == x ? lo : p == y ? mid : hi - 1;
            a[m] = a[hi - 1];
            a[hi - 1] = p;
            int store = lo;
            for (int i = lo; i < hi - 1; i++) {
                long v = a[i];
                a[i] = a[store];
                a[store] = v;
                store += v < p ? 1 : 0;
            }
            a[hi - 1] = a[store];
            a[store] = p;
            if (store - lo < hi - store - 1) {
                quicksort(a, lo, store);
                lo = store + 1;
            } else {
                quicksort(a, store + 1, hi);
                hi = store;
            }
        }
        for (int i = lo + 1; i < hi; i++) {
            long v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** Writes the order-preserving keys of finite values at {@code k[from..]}, naming the first bad value. */
    private static void fillKeys(double[] values, String field, long[] k, int from, double zero) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw Checks.invalid(field + "[" + i + "]", "must be a finite number", v);
            }
            k[from + i] = key(v + zero);
        }
    }

    /**
     * Twice U of the sorted keys {@code k[0, n1)} against {@code k[n1, n1 + n2)} when no key repeats
     * (then there is no tie term); -1 when one does. The merge step picks its side with a
     * conditional move rather than a branch, which random data would mispredict half the time.
     */
    static long distinctTwiceU(long[] k, int n1, int n2) {
        int end = n1 + n2;
        for (int i = 1; i < n1; i++) {
            if (k[i] == k[i - 1]) {
                return -1;
            }
        }
        for (int i = n1 + 1; i < end; i++) {
            if (k[i] == k[i - 1]) {
                return -1;
            }
        }
        int i = 0;
        int j = n1;
        long twice = 0;
        while (i < n1 && j < end) {
            long a = k[i];
            long b = k[j];
            if (a == b) {
                return -1;
            }
            int lt = a < b ? 1 : 0;
            twice += lt * 2L * (j - n1);
            i += lt;
            j += 1 - lt;
        }
        return twice + 2L * n2 * (n1 - i);
    }

    private static boolean hasNegativeZero(double[] values) {
        for (double v : values) {
            if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rare path where -0.0 must rank below 0.0: the test on the {@code Double.compare} order,
     * through order-preserving long keys (-0.0 and 0.0 differ).
     */
    private static RankTestResult signedZeroTest(double[] x, double[] y, Options options) {
        long[] kx = keys(x);
        long[] ky = keys(y);
        double[] tie = new double[1];
        long twice = twiceU(kx, ky, tie);
        return result(x.length, y.length, twice, tie[0], options);
    }

    private static long[] keys(double[] values) {
        long[] k = new long[values.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = key(values[i]);
        }
        Arrays.sort(k);
        return k;
    }

    /** {@link #twiceU(double[], double[], double[])} on order-preserving keys. */
    static long twiceU(long[] xs, long[] ys, double[] tieOut) {
        int n1 = xs.length;
        int n2 = ys.length;
        int i = 0;
        int j = 0;
        long twice = 0;
        double tieSum = 0;
        while (i < n1 || j < n2) {
            long v = j >= n2 || (i < n1 && xs[i] <= ys[j]) ? xs[i] : ys[j];
            int i0 = i;
            while (i < n1 && xs[i] == v) {
                i++;
            }
            int j0 = j;
            while (j < n2 && ys[j] == v) {
                j++;
            }
            long cx = i - i0;
            long cy = j - j0;
            twice += cx * (2L * j0 + cy);
            long t = cx + cy;
            if (t > 1) {
                tieSum += (double) t * t * t - t;
            }
        }
        tieOut[0] = tieSum;
        return twice;
    }

    /** Twice U of the sorted keys {@code k[xFrom, xFrom + n1)} against {@code k[yFrom, yFrom + n2)}, with the tie term. */
    static long twiceU(long[] k, int xFrom, int n1, int yFrom, int n2, double[] tieOut) {
        int i = 0;
        int j = 0;
        long twice = 0;
        double tieSum = 0;
        while (i < n1 || j < n2) {
            long v = j >= n2 || (i < n1 && k[xFrom + i] <= k[yFrom + j]) ? k[xFrom + i] : k[yFrom + j];
            int i0 = i;
            while (i < n1 && k[xFrom + i] == v) {
                i++;
            }
            int j0 = j;
            while (j < n2 && k[yFrom + j] == v) {
                j++;
            }
            long cx = i - i0;
            long cy = j - j0;
            twice += cx * (2L * j0 + cy);
            long t = cx + cy;
            if (t > 1) {
                tieSum += (double) t * t * t - t;
            }
        }
        tieOut[0] = tieSum;
        return twice;
    }

    /**
     * The U statistic of {@code x} alone (pairs with x &gt; y plus half the tied pairs).
     *
     * @param x the first sample
     * @param y the second sample
     * @return U1
     * @throws IllegalArgumentException if a sample is null, empty or holds NaN or infinity
     */
    public static double u(double[] x, double[] y) {
        double[] xs = sortedCopy(x, "x");
        double[] ys = sortedCopy(y, "y");
        return twiceU(xs, ys, null) / 2.0;
    }

    /**
     * The Hodges-Lehmann shift estimate of x - y with its confidence interval.
     *
     * @param x the first sample (e.g. the canary)
     * @param y the second sample (e.g. the baseline)
     * @param confidence the confidence level in (0, 1), e.g. {@link #DEFAULT_CONFIDENCE}
     * @return the estimate and interval
     * @throws IllegalArgumentException if a sample is null, empty or holds NaN or infinity, or the
     *     confidence is outside (0, 1)
     */
    public static ShiftEstimate shift(double[] x, double[] y, double confidence) {
        checkConfidence(confidence);
        return shiftSorted(sortedCopy(x, "x"), sortedCopy(y, "y"), confidence);
    }

    /**
     * The Hodges-Lehmann estimate on samples already sorted ascending.
     *
     * @param xSorted the first sample, ascending
     * @param ySorted the second sample, ascending
     * @param confidence the confidence level in (0, 1)
     * @return the estimate and interval
     * @throws IllegalArgumentException if a sample is null, empty, unsorted or holds NaN or
     *     infinity, or the confidence is outside (0, 1)
     */
    public static ShiftEstimate shiftSorted(double[] xSorted, double[] ySorted,
            double confidence) {
        checkConfidence(confidence);
        checkSorted(xSorted, "xSorted");
        checkSorted(ySorted, "ySorted");
        int n1 = xSorted.length;
        int n2 = ySorted.length;
        long pairs = (long) n1 * n2;
        double[] tie = new double[1];
        twiceU(xSorted, ySorted, tie);
        double estimate;
        if ((pairs & 1) == 1) {
            estimate = kthDifference(xSorted, ySorted, pairs / 2 + 1);
        } else {
            double a = kthDifference(xSorted, ySorted, pairs / 2);
            double b = kthDifference(xSorted, ySorted, pairs / 2 + 1);
            estimate = a + (b - a) / 2;
        }
        double alpha = 1 - confidence;
        long k;
        boolean exact = tie[0] == 0 && Math.max(n1, n2) < EXACT_AUTO_LIMIT && exactAffordable(n1, n2);
        if (exact) {
            double[] cdf = exactCdf(n1, n2);
            // the smallest q with P(U <= q) >= alpha / 2, as qwilcox; the bound is the q-th difference
            long q = 0;
            while (q < pairs && cdf[(int) q] < alpha / 2) {
                q++;
            }
            k = Math.max(1, q);
        } else {
            double sigma = Math.sqrt(variance(n1, n2, tie[0], true));
            double c = pairs / 2.0 - RankMath.normalQuantile(1 - alpha / 2) * sigma;
            k = Math.max(1, (long) Math.floor(c));
        }
        k = Math.min(k, (pairs + 1) / 2);
        double lower = kthDifference(xSorted, ySorted, k);
        double upper = kthDifference(xSorted, ySorted, pairs - k + 1);
        return new ShiftEstimate(estimate, Math.min(lower, estimate), Math.max(upper, estimate), confidence, exact);
    }

    // ---------------------------------------------------------------- internals

    private static RankTestResult rankTest(double[] xs, double[] ys, Options options) {
        int n1 = xs.length;
        int n2 = ys.length;
        double[] tie = new double[1];
        long twiceU = twiceU(xs, ys, tie);
        return result(n1, n2, twiceU, tie[0], options);
    }

    private static RankTestResult result(int n1, int n2, long twiceU, double tieSum, Options options) {
        double u = twiceU / 2.0;
        double mean = (double) n1 * n2 / 2.0;
        boolean exact = switch (options.method()) {
            case EXACT -> tieSum == 0 && exactAffordable(n1, n2);
            case AUTO -> tieSum == 0 && n1 < EXACT_AUTO_LIMIT && n2 < EXACT_AUTO_LIMIT;
            case ASYMPTOTIC -> false;
        };
        double sigma = Math.sqrt(variance(n1, n2, tieSum, options.tieCorrection()));
        Alternative alt = options.alternative();
        double z = zScore(u - mean, sigma, alt, options.continuityCorrection());
        double p;
        if (exact) {
            p = exactPValue(n1, n2, u, alt);
        } else if (sigma == 0) {
            // every value tied: no evidence either way
            z = 0;
            p = 1;
        } else {
            p = switch (alt) {
                case TWO_SIDED -> 2 * RankMath.normalCdf(-Math.abs(z));
                case GREATER -> RankMath.normalCdf(-z);
                case LESS -> RankMath.normalCdf(z);
            };
        }
        p = Math.min(1.0, Math.max(0.0, p));
        return new RankTestResult(n1, n2, u, z, p, alt, exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC, tieSum);
    }

    private static double zScore(double diff, double sigma, Alternative alt, boolean continuity) {
        if (sigma == 0) {
            return 0;
        }
        double c = 0;
        if (continuity) {
            c = switch (alt) {
                case TWO_SIDED -> Math.signum(diff) * 0.5;
                case GREATER -> 0.5;
                case LESS -> -0.5;
            };
        }
        return (diff - c) / sigma;
    }

    private static double variance(long n1, long n2, double tieSum, boolean tieCorrection) {
        long n = n1 + n2;
        if (!tieCorrection || tieSum == 0) {
            return (double) n1 * n2 * (n + 1) / 12.0;
        }
        return (double) n1 * n2 / 12.0 * ((n + 1) - tieSum / ((double) n * (n - 1)));
    }

    /**
     * Twice U of x by merging the two sorted samples; stores the tie term in {@code tieOut[0]} when given.
     */
    static long twiceU(double[] xs, double[] ys, double @Nullable [] tieOut) {
        int n1 = xs.length;
        int n2 = ys.length;
        int i = 0;
        int j = 0;
        long twice = 0;
        double tieSum = 0;
        while (i < n1 || j < n2) {
            double v;
            if (j >= n2 || (i < n1 && xs[i] <= ys[j])) {
                v = xs[i];
            } else {
                v = ys[j];
            }
            int i0 = i;
            while (i < n1 && xs[i] == v) {
                i++;
            }
            int j0 = j;
            while (j < n2 && ys[j] == v) {
                j++;
            }
            long cx = i - i0;
            long cy = j - j0;
            // each x here beats the j0 smaller y's and ties with cy of them
            twice += cx * (2L * j0 + cy);
            long t = cx + cy;
            if (t > 1) {
                tieSum += (double) t * t * t - t;
            }
        }
        if (tieOut != null) {
            tieOut[0] = tieSum;
        }
        return twice;
    }

    private static boolean exactAffordable(long n1, long n2) {
        double work = (double) n1 * n1 * n2 * n2 / 4.0;
        return work <= EXACT_WORK_LIMIT;
    }

    private static double exactPValue(int n1, int n2, double u, Alternative alt) {
        double[] cdf = exactCdf(n1, n2);
        long pairs = (long) n1 * n2;
        long uu = Math.round(u);
        double lowerTail = cdf[(int) uu];
        // P(U >= u) = P(U <= n1 n2 - u) by symmetry
        double upperTail = cdf[(int) (pairs - uu)];
        return switch (alt) {
            case TWO_SIDED -> Math.min(1.0, 2 * Math.min(lowerTail, upperTail));
            case GREATER -> upperTail;
            case LESS -> lowerTail;
        };
    }

    /**
     * P(U &lt;= u) for u = 0 .. n1 n2 under the null hypothesis without ties. Counts f(a, b, u) of
     * arrangements with U = u satisfy f(a, b, u) = f(a - 1, b, u - b) + f(a, b - 1, u) (the largest
     * value is an x, beating all b y's, or a y): additions only, no cancellation.
     */
    static double[] exactCdf(int n1, int n2) {
        int m = Math.min(n1, n2);
        int n = Math.max(n1, n2);
        int size = m * n + 1;
        double[][] f = new double[m + 1][];
        for (int a = 0; a <= m; a++) {
            f[a] = new double[a * n + 1];
            f[a][0] = 1;
        }
        for (int b = 1; b <= n; b++) {
            for (int a = 1; a <= m; a++) {
                double[] cur = f[a];
                double[] prev = f[a - 1];
                // f(a, b, u) is 0 above a b, and prev (layer b already) above (a - 1) b
                for (int uu = a * b; uu >= b; uu--) {
                    cur[uu] += prev[uu - b];
                }
            }
        }
        double[] counts = f[m];
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] cdf = new double[size];
        double run = 0;
        for (int k = 0; k < size; k++) {
            run += counts[k];
            cdf[k] = Math.min(1.0, run / total);
        }
        return cdf;
    }

    /** The k-th smallest (1-based) of the n1 n2 differences xs[i] - ys[j], by bisection on ordered bits. */
    static double kthDifference(double[] xs, double[] ys, long k) {
        long lo = key(xs[0] - ys[ys.length - 1]);
        long hi = key(xs[xs.length - 1] - ys[0]);
        while (lo < hi) {
            long mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1);
            if (countAtMost(xs, ys, value(mid)) >= k) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return value(lo) + 0.0;
    }

    /** The number of pairs with xs[i] - ys[j] &lt;= t (computed in floating point, monotone in i and j). */
    private static long countAtMost(double[] xs, double[] ys, double t) {
        int n2 = ys.length;
        int j = 0;
        long count = 0;
        for (double x : xs) {
            while (j < n2 && x - ys[j] > t) {
                j++;
            }
            count += n2 - j;
        }
        return count;
    }

    private static long key(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double value(long key) {
        return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
    }

    private static double[] sortedCopy(double @Nullable [] values, String field) {
        return sort(checkFinite(values, field));
    }

    private static double[] checkFinite(double @Nullable [] values, String field) {
        Checks.notNull(values, field);
        if (values.length == 0) {
            throw Checks.invalid(field + ".length", "must be at least 1", 0);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw Checks.invalid(field + "[" + i + "]", "must be a finite number", values[i]);
            }
        }
        return values;
    }

    /** Below this size a comparison sort beats the radix sort's fixed cost. */
    private static final int RADIX_THRESHOLD = 4096;

    /**
     * A sorted copy of finite values (see {@link #sortedKeys(double[], boolean)}). -0.0 becomes 0.0
     * (they rank as ties).
     */
    static double[] sort(double[] values) {
        long[] keys = sortedKeys(values, false);
        double[] out = new double[keys.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(keys[i]);
        }
        return out;
    }

    /**
     * The sorted signed order-preserving keys ({@link #key(double)}) of finite values: an LSD radix
     * sort (8-bit digits, skipping digits all keys share) or {@code Arrays.sort} of the keys for
     * small inputs. With {@code signedZeros} -0.0 keeps a key below 0.0 ({@code Double.compare}
     * order), else it becomes 0.0 ({@code ==} order).
     */
    static long[] sortedKeys(double[] values, boolean signedZeros) {
        int n = values.length;
        double zero = signedZeros ? -0.0 : 0.0; // -0.0 + -0.0 keeps the sign; x + 0.0 drops it
        if (n < RADIX_THRESHOLD) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = key(values[i] + zero);
            }
            Arrays.sort(keys);
            return keys;
        }
        long[] keys = new long[n];
        int[] counts = new int[8 * 256];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i] + zero);
            // flip all bits of negatives, the sign bit of positives: unsigned order = numeric order
            long key = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            keys[i] = key;
            for (int d = 0; d < 8; d++) {
                counts[(d << 8) + (int) ((key >>> (d << 3)) & 0xFF)]++;
            }
        }
        long[] buf = new long[n];
        for (int d = 0; d < 8; d++) {
            int base = d << 8;
            int shift = d << 3;
            if (counts[base + (int) ((keys[0] >>> shift) & 0xFF)] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < 256; b++) {
                int c = counts[base + b];
                counts[base + b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long k = keys[i];
                buf[counts[base + (int) ((k >>> shift) & 0xFF)]++] = k;
            }
            long[] t = keys;
            keys = buf;
            buf = t;
        }
        for (int i = 0; i < n; i++) {
            keys[i] ^= Long.MIN_VALUE; // unsigned order to signed order: the key of key(double)
        }
        return keys;
    }

    private static void checkSorted(double @Nullable [] values, String field) {
        Checks.notNull(values, field);
        if (values.length == 0) {
            throw Checks.invalid(field + ".length", "must be at least 1", 0);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw Checks.invalid(field + "[" + i + "]", "must be a finite number", values[i]);
            }
            if (i > 0 && values[i] < values[i - 1]) {
                throw Checks.invalid(field + "[" + i + "]", "must not be less than the previous value "
                        + values[i - 1] + " (sorted ascending)", values[i]);
            }
        }
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw Checks.invalid("confidence", "must be between 0 and 1 (exclusive)", confidence);
        }
    }

    /** How the p-value of a rank test is computed. */
    public enum PValueMethod {
        /**
         * {@link #EXACT} when there are no ties and both samples are smaller than
         * {@link MannWhitney#EXACT_AUTO_LIMIT}, otherwise {@link #ASYMPTOTIC} (the rule of R's
         * {@code wilcox.test} and Commons Statistics).
         */
        AUTO,
        /**
         * The exact null distribution of U. Valid without ties only: with ties, or when the exact
         * distribution would cost more than {@link MannWhitney#EXACT_WORK_LIMIT} additions, the
         * asymptotic method is used and the result says so.
         */
        EXACT,
        /** The normal approximation. */
        ASYMPTOTIC
    }
}
