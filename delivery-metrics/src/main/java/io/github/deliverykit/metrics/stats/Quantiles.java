package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Quantiles of a sample of {@code double} or {@code long} values by selection, not by sorting:
 * each requested quantile costs expected O(n) (Floyd-Rivest selection, about n + min(k, n - k)
 * comparisons, finishing small ranges with quickselect, and a fallback to {@link Arrays#sort} of the
 * remaining range after 64 unlucky rounds), and several
 * quantiles share one copy, each selection narrowing the range of the next. No boxing. The
 * {@code InPlace} variants copy nothing and reorder the caller's array; the single-quantile ones
 * allocate nothing at all.
 *
 * <p>Values must be finite; p must lie in [0, 1]. {@code long} samples are selected as
 * {@code long}s (no loss of precision in the selection); a result that interpolates between two
 * of them is a {@code double}. Stateless and thread safe.
 *
 * <p>Also the one-pass mean, minimum and maximum of such samples ({@link #mean(double[])},
 * {@link #mean(long[])}, ...), without boxing or allocation: the {@code double} mean uses compensated
 * (Neumaier) summation and stays finite for every finite sample; the {@code long} mean sums exactly in
 * 128 bits and cannot overflow.
 */
public final class Quantiles {

    private static final int INSERTION_SORT_THRESHOLD = 16;
    private static final int MAX_DEPTH = 64;
    private static final int FLOYD_RIVEST_MIN = 600;

    private Quantiles() {}

    // ------------------------------------------------------------------ double[]


    // ------------------------------------------------------------------ mean, min, max (one pass, no allocation)


    /**
     * The arithmetic mean.
     *
     * @param values the sample, not empty, finite
     * @return the mean
     * @throws IllegalArgumentException if null, empty or not finite
     */
    public static double mean(double[] values) {
        Quantiles.checkSample(values);
        return meanOfChecked(values);
    }

    static double meanOfChecked(double[] values) {
        int n = values.length;
        double sum = 0;
        double c = 0;
        for (double x : values) {
            double t = sum + x;
            c += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        double total = sum + c;
        if (Double.isFinite(total)) {
            return clamp(total / n, values);
        }
        // the sum overflowed: sum the scaled values instead (each |x / n| <= |x|)
        sum = 0;
        c = 0;
        for (double v : values) {
            double x = v / n;
            double t = sum + x;
            c += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return clamp(sum + c, values);
    }

    /** Rounding may push a mean of equal values a hair outside [min, max]; keep it inside. */
    private static double clamp(double mean, double[] values) {
        double lo = values[0];
        double hi = values[0];
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return Math.max(lo, Math.min(hi, mean));
    }

    /**
     * The smallest value.
     *
     * @param values the sample, not empty, finite
     * @return the minimum
     * @throws IllegalArgumentException if null, empty or not finite
     */
    public static double min(double[] values) {
        Quantiles.checkSample(values);
        double m = values[0];
        for (double v : values) {
            if (v < m) {
                m = v;
            }
        }
        return m;
    }

    /**
     * The largest value.
     *
     * @param values the sample, not empty, finite
     * @return the maximum
     * @throws IllegalArgumentException if null, empty or not finite
     */
    public static double max(double[] values) {
        Quantiles.checkSample(values);
        double m = values[0];
        for (double v : values) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }

    /**
     * The arithmetic mean of {@code long} values, from their exact 128-bit sum.
     *
     * @param values the sample, not empty
     * @return the mean
     * @throws IllegalArgumentException if null or empty
     */
    public static double mean(long[] values) {
        Quantiles.checkSample(values);
        return meanOfChecked(values);
    }

    static double meanOfChecked(long[] values) {
        // 128-bit two's complement sum in (hi, lo)
        long hi = 0;
        long lo = 0;
        for (long v : values) {
            long r = lo + v;
            // carry out of the unsigned low word, plus the sign extension of v
            hi += (Long.compareUnsigned(r, lo) < 0 ? 1 : 0) + (v >> 63);
            lo = r;
        }
        long n = values.length;
        if (hi == (lo >> 63)) {
            // fits in a long: integer quotient plus the remainder's fraction
            return (double) (lo / n) + (double) (lo % n) / n;
        }
        // |sum| >= 2^63 (only possible for very many huge values): divide the 128-bit value exactly
        java.math.BigInteger sum = java.math.BigInteger.valueOf(hi).shiftLeft(64)
                .add(new java.math.BigInteger(Long.toUnsignedString(lo)));
        return new java.math.BigDecimal(sum).divide(java.math.BigDecimal.valueOf(n), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    /**
     * The smallest value.
     *
     * @param values the sample, not empty
     * @return the minimum
     * @throws IllegalArgumentException if null or empty
     */
    public static long min(long[] values) {
        Quantiles.checkSample(values);
        long m = values[0];
        for (long v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    /**
     * The largest value.
     *
     * @param values the sample, not empty
     * @return the maximum
     * @throws IllegalArgumentException if null or empty
     */
    public static long max(long[] values) {
        Quantiles.checkSample(values);
        long m = values[0];
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * One quantile by linear interpolation ({@link QuantileDefinition#LINEAR}).
     *
     * @param values the sample, not empty, finite; not modified
     * @param p the probability in [0, 1], e.g. 0.95
     * @return the quantile
     * @throws IllegalArgumentException if the sample is null, empty or not finite, or p is outside [0, 1]
     */
    public static double quantile(double[] values, double p) {
        return quantile(values, p, QuantileDefinition.LINEAR);
    }

    /**
     * One quantile.
     *
     * @param values the sample, not empty, finite; not modified
     * @param p the probability in [0, 1]
     * @param definition how to read the quantile
     * @return the quantile
     * @throws IllegalArgumentException on bad input
     */
    public static double quantile(double[] values, double p, QuantileDefinition definition) {
        checkSample(values);
        checkP(p, "p");
        Checks.notNull(definition, "definition");
        if (values.length >= SAMPLED_MIN) {
            double[] out = sampled(values, definition, new double[] {p});
            if (out != null) {
                return out[0];
            }
        }
        return quantileInPlace(values.clone(), p, definition);
    }

    /**
     * Several quantiles from one copy of the sample.
     *
     * @param values the sample, not empty, finite; not modified
     * @param definition how to read the quantiles
     * @param ps the probabilities, each in [0, 1], in any order
     * @return the quantiles, in the order of {@code ps}
     * @throws IllegalArgumentException on bad input
     */
    public static double[] quantiles(double[] values, QuantileDefinition definition, double... ps) {
        Checks.notNull(values, "values");
        if (values.length >= SAMPLED_MIN) {
            try {
                checkPs(definition, ps);
            } catch (IllegalArgumentException e) {
                checkSample(values); // a bad sample is reported first, as on every other path
                throw e;
            }
            if (ps.length > 0) {
                // the pass over the values also checks that they are finite (and reports the first
                // bad one through checkSample), so the sample is read once, not twice
                double[] out = sampled(values, definition, ps);
                if (out != null) {
                    return out;
                }
            }
        }
        checkSample(values);
        checkPs(definition, ps);
        return select(values.clone(), definition, ps);
    }

    /** From this size on, the non-modifying quantiles select through a sample instead of a copy. */
    static final int SAMPLED_MIN = 1 << 14;
    private static final int SAMPLE = 4096;
    private static final long SAMPLE_SEED = 0x9E3779B97F4A7C15L;
    private static final long EXPONENT = 0x7FF0000000000000L;
    /** Values per chunk of the branch-free bracket pass (the buffers' slack). */
    private static final int CHUNK = 4096;

    /** A bracket bound's key for the branch-free pass: order-preserving bits, halved; infinities included. */
    private static long boundKey(double bound) {
        long bits = Double.doubleToRawLongBits(bound);
        return (bits ^ ((bits >> 63) & Long.MAX_VALUE)) >> 1;
    }

    /**
     * Quantiles of a large sample without copying or reordering it (Floyd and Rivest's sampling idea
     * for several ranks at once): sort a strided sample of {@value #SAMPLE} values, take for each
     * wanted order statistic a bracket of sample values 3 standard deviations (plus 2) either side of its
     * expected place, then one pass over the values counts those below each bracket and copies those
     * inside it into a buffer, where the rank is selected. O(n) with about one comparison per value
     * and bracket, and O(n^(1/2)) extra memory per bracket in expectation. Returns null (the caller
     * selects in a copy) when a rank falls outside its bracket or a bracket holds too many values;
     * the answer is exact either way.
     */
    static double @Nullable [] sampled(double[] a, QuantileDefinition definition, double[] ps) {
        int n = a.length;
        // the order statistics needed: each p's lower one, and the next one when interpolating
        long[] wanted = new long[2 * ps.length];
        int w = 0;
        for (double p : ps) {
            int k = index(n, p, definition);
            wanted[w++] = k;
            if (definition == QuantileDefinition.LINEAR && k + 1 < n && position(n, p) != k) {
                wanted[w++] = k + 1;
            }
        }
        Arrays.sort(wanted, 0, w);
        double[] sample = new double[SAMPLE];
        long stride = n / SAMPLE;
        long state = SAMPLE_SEED;
        for (int i = 0; i < SAMPLE; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            sample[i] = a[(int) (i * stride + Long.remainderUnsigned(state >>> 17, stride))];
        }
        Arrays.sort(sample);
        double[] lo = new double[Math.max(3, w)];
        double[] hi = new double[Math.max(3, w)];
        long[] expected = new long[Math.max(3, w)];
        int brackets = 0;
        int lastHigh = -1;
        for (int i = 0; i < w; i++) {
            double q = (double) wanted[i] / (n - 1);
            double at = q * (SAMPLE - 1);
            double margin = 3 * Math.sqrt(SAMPLE * q * (1 - q)) + 2;
            int l = Math.max(0, (int) Math.floor(at - margin));
            int h = Math.min(SAMPLE, (int) Math.ceil(at + margin));
            double bl = l == 0 ? Double.NEGATIVE_INFINITY : sample[l];
            double bh = h >= SAMPLE ? Double.POSITIVE_INFINITY : sample[h];
            // brackets must not share a value (a value goes to the first bracket that holds it)
            if (brackets > 0 && (l <= lastHigh || bl <= hi[brackets - 1])) {
                hi[brackets - 1] = Math.max(hi[brackets - 1], bh);
                expected[brackets - 1] += (long) Math.max(0, h - lastHigh) * n / SAMPLE;
            } else {
                lo[brackets] = bl;
                hi[brackets] = bh;
                expected[brackets] = (long) (h - l + 1) * n / SAMPLE;
                brackets++;
            }
            lastHigh = Math.max(lastHigh, h);
        }
        double[][] buf = new double[brackets][];
        int[] caps = new int[brackets];
        for (int b = 0; b < brackets; b++) {
            caps[b] = (int) Math.min(n, 2 * expected[b] + 1024);
            // the branch-free pass below writes every value once per bracket and advances only the
            // bracket that holds it: one chunk of slack past the capacity, checked between chunks
            buf[b] = new double[caps[b] + (brackets <= 3 ? CHUNK : 0)];
        }
        int[] count = new int[brackets];
        long[] below = new long[brackets];
        if (brackets <= 3) {
            // Branch-free on integer keys: a double's bits, made order-preserving and halved so that
            // every difference of two keys fits a long; the sign bit of key - bound is "below" and
            // the sign bit of (key - low) | (high - key) is "outside". Halving merges neighbouring
            // doubles, which keeps the partition monotone (all values below a bracket are at most
            // every value in it), so the counts and the ranks stay exact. An absent bracket has
            // high < low at the bottom of the key range: nothing is below it or inside it.
            long absentLow = Long.MIN_VALUE >> 1;
            long k0 = boundKey(lo[0]);
            long j0 = boundKey(hi[0]);
            long k1 = brackets > 1 ? boundKey(lo[1]) : absentLow;
            long j1 = brackets > 1 ? boundKey(hi[1]) : absentLow - 1;
            long k2 = brackets > 2 ? boundKey(lo[2]) : absentLow;
            long j2 = brackets > 2 ? boundKey(hi[2]) : absentLow - 1;
            long lt0 = 0;
            long lt1 = 0;
            long lt2 = 0;
            int c0 = 0;
            int c1 = 0;
            int c2 = 0;
            double[] b0 = buf[0];
            double[] absent = new double[1]; // an absent bracket's count stays 0: it writes slot 0 only
            double[] b1 = brackets > 1 ? buf[1] : absent;
            double[] b2 = brackets > 2 ? buf[2] : absent;
            int cap0 = caps[0];
            int cap1 = brackets > 1 ? caps[1] : 0;
            int cap2 = brackets > 2 ? caps[2] : 0;
            long finite = -1; // stays negative while every exponent seen is below the NaN/infinity one
            for (int from = 0; from < n; from += CHUNK) {
                if (c0 > cap0 || c1 > cap1 || c2 > cap2) {
                    return null;
                }
                int to = Math.min(n, from + CHUNK);
                for (int i = from; i < to; i++) {
                    double v = a[i];
                    long bits = Double.doubleToRawLongBits(v);
                    finite &= (bits & EXPONENT) - EXPONENT;
                    long key = (bits ^ ((bits >> 63) & Long.MAX_VALUE)) >> 1;
                    long d0 = key - k0;
                    long d1 = key - k1;
                    long d2 = key - k2;
                    lt0 += d0 >>> 63;
                    lt1 += d1 >>> 63;
                    lt2 += d2 >>> 63;
                    b0[c0] = v;
                    c0 += (int) (~(d0 | (j0 - key)) >>> 63);
                    b1[c1] = v;
                    c1 += (int) (~(d1 | (j1 - key)) >>> 63);
                    b2[c2] = v;
                    c2 += (int) (~(d2 | (j2 - key)) >>> 63);
                }
            }
            if (finite >= 0) {
                checkSample(a); // throws, naming the first value that is not finite
            }
            if (c0 > cap0 || c1 > cap1 || c2 > cap2) {
                return null;
            }
            long[] lts = {lt0, lt1, lt2};
            int[] cs = {c0, c1, c2};
            for (int b = 0; b < brackets; b++) {
                below[b] = lts[b];
                count[b] = cs[b];
            }
        } else {
            checkSample(a);
            for (int i = 0; i < n; i++) {
                double v = a[i];
                for (int b = 0; b < brackets; b++) {
                    if (v < lo[b]) {
                        below[b]++;
                        break; // brackets ascend: below every later one too, counted at the end
                    }
                    if (v <= hi[b]) {
                        if (count[b] == caps[b]) {
                            return null;
                        }
                        buf[b][count[b]++] = v;
                        break;
                    }
                }
            }
            // a value below bracket b is below every later bracket as well
            long run = 0;
            for (int b = 0; b < brackets; b++) {
                below[b] += run;
                run = below[b] + count[b];
            }
        }
        double[] out = new double[ps.length];
        for (int q = 0; q < ps.length; q++) {
            double p = ps[q];
            int k = index(n, p, definition);
            double lower = orderStatistic(buf, count, below, brackets, k);
            if (Double.isNaN(lower)) {
                return null;
            }
            if (definition == QuantileDefinition.LINEAR && k + 1 < n) {
                double frac = position(n, p) - k;
                if (frac != 0) {
                    double upper = nextOrderStatistic(buf, count, below, brackets, k);
                    if (Double.isNaN(upper)) {
                        return null;
                    }
                    lower = interpolate(lower, upper, frac);
                }
            }
            out[q] = lower;
        }
        return out;
    }

    /**
     * The (rank + 1)-th smallest value right after {@link #orderStatistic} selected the rank-th: the
     * selection left every later value of the bracket at or above it, so the next one is their
     * minimum (one scan of the right part instead of a second selection). NaN if no bracket holds it.
     */
    private static double nextOrderStatistic(double[][] buf, int[] count, long[] below, int brackets, long rank) {
        for (int b = 0; b < brackets; b++) {
            if (rank >= below[b] && rank + 1 < below[b] + count[b]) {
                double[] a = buf[b];
                int from = (int) (rank - below[b]) + 1;
                double min = a[from];
                for (int i = from + 1; i < count[b]; i++) {
                    double v = a[i];
                    min = v < min ? v : min;
                }
                return min;
            }
        }
        return orderStatistic(buf, count, below, brackets, rank + 1);
    }

    /** The rank-th smallest value from the bracket that holds it (reorders that buffer), NaN if none does. */
    private static double orderStatistic(double[][] buf, int[] count, long[] below, int brackets, long rank) {
        for (int b = 0; b < brackets; b++) {
            if (rank >= below[b] && rank < below[b] + count[b]) {
                return select(buf[b], 0, count[b] - 1, (int) (rank - below[b]));
            }
        }
        return Double.NaN;
    }

    /**
     * Several quantiles, reordering the given array instead of copying it; allocates only the result.
     *
     * @param values the sample, not empty, finite; reordered
     * @param definition how to read the quantiles
     * @param ps the probabilities, each in [0, 1], in any order
     * @return the quantiles, in the order of {@code ps}
     * @throws IllegalArgumentException on bad input
     */
    public static double[] quantilesInPlace(double[] values, QuantileDefinition definition, double... ps) {
        checkSample(values);
        checkPs(definition, ps);
        return select(values, definition, ps);
    }

    /**
     * One quantile, reordering the given array instead of copying it; allocation-free.
     *
     * @param values the sample, not empty, finite; reordered
     * @param p the probability in [0, 1]
     * @param definition how to read the quantile
     * @return the quantile
     * @throws IllegalArgumentException on bad input
     */
    public static double quantileInPlace(double[] values, double p, QuantileDefinition definition) {
        checkSample(values);
        checkP(p, "p");
        Checks.notNull(definition, "definition");
        return selectOne(values, 0, p, definition);
    }

    private static double selectOne(double[] values, int from, double p, QuantileDefinition definition) {
        int n = values.length;
        if (definition == QuantileDefinition.NEAREST_RANK) {
            return select(values, from, n - 1, nearestRankIndex(n, p));
        }
        double h = position(n, p);
        int k = (int) h;
        double lower = select(values, from, n - 1, k);
        if (definition == QuantileDefinition.LOWER) {
            return lower;
        }
        double frac = h - k;
        if (frac == 0 || k + 1 >= n) {
            return lower;
        }
        // after select, everything right of k is >= a[k]: the next order statistic is their minimum
        return interpolate(lower, min(values, k + 1, n - 1), frac);
    }

    private static double[] select(double[] values, QuantileDefinition definition, double[] ps) {
        int[] order = ascending(ps);
        double[] out = new double[ps.length];
        int from = 0;
        for (int q : order) {
            out[q] = selectOne(values, from, ps[q], definition);
            // a[0..k] <= a[k] <= a[k+1..]: larger p only need the right part
            from = index(values.length, ps[q], definition);
        }
        return out;
    }

    // ------------------------------------------------------------------ long[]

    /**
     * One quantile of a {@code long} sample (durations in nanoseconds, counts...).
     *
     * @param values the sample, not empty; not modified
     * @param p the probability in [0, 1]
     * @param definition how to read the quantile
     * @return the quantile
     * @throws IllegalArgumentException on bad input
     */
    public static double quantile(long[] values, double p, QuantileDefinition definition) {
        checkSample(values);
        checkP(p, "p");
        Checks.notNull(definition, "definition");
        return selectOne(values.clone(), 0, p, definition);
    }

    /**
     * Several quantiles of a {@code long} sample from one copy.
     *
     * @param values the sample, not empty; not modified
     * @param definition how to read the quantiles
     * @param ps the probabilities, each in [0, 1]
     * @return the quantiles, in the order of {@code ps}
     * @throws IllegalArgumentException on bad input
     */
    public static double[] quantiles(long[] values, QuantileDefinition definition, double... ps) {
        checkSample(values);
        checkPs(definition, ps);
        return select(values.clone(), definition, ps);
    }

    /**
     * One quantile of a {@code long} sample, reordering the given array; allocation-free.
     *
     * @param values the sample, not empty; reordered
     * @param p the probability in [0, 1]
     * @param definition how to read the quantile
     * @return the quantile
     * @throws IllegalArgumentException on bad input
     */
    public static double quantileInPlace(long[] values, double p, QuantileDefinition definition) {
        checkSample(values);
        checkP(p, "p");
        Checks.notNull(definition, "definition");
        return selectOne(values, 0, p, definition);
    }

    /**
     * Several quantiles of a {@code long} sample, reordering the given array; allocates only the result.
     *
     * @param values the sample, not empty; reordered
     * @param definition how to read the quantiles
     * @param ps the probabilities, each in [0, 1]
     * @return the quantiles, in the order of {@code ps}
     * @throws IllegalArgumentException on bad input
     */
    public static double[] quantilesInPlace(long[] values, QuantileDefinition definition, double... ps) {
        checkSample(values);
        checkPs(definition, ps);
        return select(values, definition, ps);
    }

    /**
     * The order statistic a {@link QuantileDefinition#NEAREST_RANK} or {@link QuantileDefinition#LOWER}
     * quantile reads, as an exact {@code long}; reorders the given array, allocation-free.
     *
     * @param values the sample, not empty; reordered
     * @param p the probability in [0, 1]
     * @param definition NEAREST_RANK or LOWER (LINEAR may fall between two values)
     * @return the sample value at the quantile's rank
     * @throws IllegalArgumentException on bad input or for LINEAR
     */
    public static long sampleValueInPlace(long[] values, double p, QuantileDefinition definition) {
        checkSample(values);
        checkP(p, "p");
        Checks.notNull(definition, "definition");
        if (definition == QuantileDefinition.LINEAR) {
            throw Checks.invalid("definition", "must be NEAREST_RANK or LOWER (a sample value)", definition);
        }
        return select(values, 0, values.length - 1, index(values.length, p, definition));
    }

    private static double selectOne(long[] values, int from, double p, QuantileDefinition definition) {
        int n = values.length;
        if (definition == QuantileDefinition.NEAREST_RANK) {
            return select(values, from, n - 1, nearestRankIndex(n, p));
        }
        double h = position(n, p);
        int k = (int) h;
        long lower = select(values, from, n - 1, k);
        if (definition == QuantileDefinition.LOWER) {
            return lower;
        }
        double frac = h - k;
        if (frac == 0 || k + 1 >= n) {
            return lower;
        }
        return interpolate(lower, min(values, k + 1, n - 1), frac);
    }

    private static double[] select(long[] values, QuantileDefinition definition, double[] ps) {
        int[] order = ascending(ps);
        double[] out = new double[ps.length];
        int from = 0;
        for (int q : order) {
            out[q] = selectOne(values, from, ps[q], definition);
            from = index(values.length, ps[q], definition);
        }
        return out;
    }

    // ------------------------------------------------------------------ positions

    /** {@code (n - 1) p}, snapped to an integer within four ulps. */
    static double position(int n, double p) {
        return snap((n - 1) * p);
    }

    static int nearestRankIndex(int n, double p) {
        int rank = (int) Math.ceil(snap(p * n));
        return Math.max(0, Math.min(n - 1, rank - 1));
    }

    /** The index of the (lower) order statistic the quantile reads. */
    static int index(int n, double p, QuantileDefinition definition) {
        return definition == QuantileDefinition.NEAREST_RANK ? nearestRankIndex(n, p) : (int) position(n, p);
    }

    private static double snap(double x) {
        double r = Math.rint(x);
        return Math.abs(x - r) <= 4 * Math.ulp(Math.max(1.0, x)) ? r : x;
    }

    /**
     * {@code lower + frac (upper - lower)} (the R-7 formula, as Commons Math computes it), kept in
     * {@code [lower, upper]} so that quantiles never decrease in p, and without overflow for
     * extreme finite values.
     */
    static double interpolate(double lower, double upper, double frac) {
        double diff = upper - lower;
        double r = Double.isInfinite(diff) ? lower * (1 - frac) + upper * frac : lower + frac * diff;
        return Math.max(lower, Math.min(upper, r));
    }

    private static int[] ascending(double[] ps) {
        int[] idx = new int[ps.length];
        for (int i = 0; i < ps.length; i++) {
            idx[i] = i;
        }
        // insertion sort of the (few) indices by p, without boxing
        for (int i = 1; i < idx.length; i++) {
            int cur = idx[i];
            int j = i - 1;
            while (j >= 0 && ps[idx[j]] > ps[cur]) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = cur;
        }
        return idx;
    }

    // ------------------------------------------------------------------ checks

    static void checkSample(double[] values) {
        Checks.notNull(values, "values");
        if (values.length == 0) {
            throw Checks.invalid("values", "must not be empty", "[]");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw Checks.invalid("values[" + i + "]", "must be a finite number", values[i]);
            }
        }
    }

    static void checkSample(long[] values) {
        Checks.notNull(values, "values");
        if (values.length == 0) {
            throw Checks.invalid("values", "must not be empty", "[]");
        }
    }

    private static void checkP(double p, String field) {
        Checks.inRange(p, 0.0, 1.0, field);
    }

    private static void checkPs(QuantileDefinition definition, double[] ps) {
        Checks.notNull(definition, "definition");
        Checks.notNull(ps, "ps");
        for (int i = 0; i < ps.length; i++) {
            checkP(ps[i], "ps[" + i + "]");
        }
    }

    // ------------------------------------------------------------------ selection

    private static double min(double[] a, int from, int to) {
        double m = a[from];
        for (int i = from + 1; i <= to; i++) {
            if (a[i] < m) {
                m = a[i];
            }
        }
        return m;
    }

    private static long min(long[] a, int from, int to) {
        long m = a[from];
        for (int i = from + 1; i <= to; i++) {
            if (a[i] < m) {
                m = a[i];
            }
        }
        return m;
    }

    /**
     * Rearranges {@code a[lo..hi]} so that {@code a[k]} holds the value it would have if sorted,
     * smaller or equal values before it and greater or equal after it: Floyd and Rivest's SELECT
     * (CACM 18(3), 1975), which first narrows the range around {@code k} by selecting in a small
     * sample, so it needs about {@code n + min(k, n - k)} comparisons instead of quickselect's
     * {@code 2n} to {@code 3.4n}. A round limit hands a pathological input to the quickselect below.
     */
    static double select(double[] a, int lo, int hi, int k) {
        int left = lo;
        int right = hi;
        int rounds = 0;
        while (right - left > FLOYD_RIVEST_MIN) {
            if (++rounds > MAX_DEPTH) {
                return quickselect(a, left, right, k);
            }
            int n = right - left + 1;
            int i = k - left + 1;
            double z = Math.log(n);
            double s = 0.5 * Math.exp(2 * z / 3);
            double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2.0);
            int newLeft = Math.max(left, (int) (k - i * s / n + sd));
            int newRight = Math.min(right, (int) (k + (n - i) * s / n + sd));
            select(a, newLeft, newRight, k);
            double t = a[k];
            int x = left;
            int y = right;
            swap(a, left, k);
            if (a[right] > t) {
                swap(a, right, left);
            }
            while (x < y) {
                swap(a, x, y);
                x++;
                y--;
                while (a[x] < t) {
                    x++;
                }
                while (a[y] > t) {
                    y--;
                }
            }
            if (a[left] == t) {
                swap(a, left, y);
            } else {
                y++;
                swap(a, y, right);
            }
            if (y <= k) {
                left = y + 1;
            }
            if (k <= y) {
                right = y - 1;
            }
        }
        return left <= right ? quickselect(a, left, right, k) : a[k];
    }

    /** Quickselect with median-of-three pivots; small ranges by insertion sort. */
    static double quickselect(double[] a, int lo, int hi, int k) {
        int depth = 0;
        while (hi - lo > INSERTION_SORT_THRESHOLD) {
            if (++depth > MAX_DEPTH) {
                // pathological pivots: finish with a sort of the remaining range
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            // median of three into a[mid]; a[lo] <= pivot <= a[hi] serve as sentinels below
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return a[k];
    }

    /** {@link #select(double[], int, int, int)} for {@code long}s. */
    static long select(long[] a, int lo, int hi, int k) {
        int left = lo;
        int right = hi;
        int rounds = 0;
        while (right - left > FLOYD_RIVEST_MIN) {
            if (++rounds > MAX_DEPTH) {
                return quickselect(a, left, right, k);
            }
            int n = right - left + 1;
            int i = k - left + 1;
            double z = Math.log(n);
            double s = 0.5 * Math.exp(2 * z / 3);
            double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2.0);
            int newLeft = Math.max(left, (int) (k - i * s / n + sd));
            int newRight = Math.min(right, (int) (k + (n - i) * s / n + sd));
            select(a, newLeft, newRight, k);
            long t = a[k];
            int x = left;
            int y = right;
            swap(a, left, k);
            if (a[right] > t) {
                swap(a, right, left);
            }
            while (x < y) {
                swap(a, x, y);
                x++;
                y--;
                while (a[x] < t) {
                    x++;
                }
                while (a[y] > t) {
                    y--;
                }
            }
            if (a[left] == t) {
                swap(a, left, y);
            } else {
                y++;
                swap(a, y, right);
            }
            if (y <= k) {
                left = y + 1;
            }
            if (k <= y) {
                right = y - 1;
            }
        }
        return left <= right ? quickselect(a, left, right, k) : a[k];
    }

    /** {@link #quickselect(double[], int, int, int)} for {@code long}s. */
    static long quickselect(long[] a, int lo, int hi, int k) {
        int depth = 0;
        while (hi - lo > INSERTION_SORT_THRESHOLD) {
            if (++depth > MAX_DEPTH) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            long v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /**
     * How a quantile is read off a sample of size n sorted as x[0] &lt;= ... &lt;= x[n-1].
     *
     * <p>Positions are computed from {@code p} in {@code double}; a position within four ulps of an
     * integer is taken as that integer, so that {@code p = 0.07} with {@code n = 100} reads rank 7 as a
     * person would, although {@code 0.07 * 100} is {@code 7.000000000000001} in binary floating point.
     */
    public enum QuantileDefinition {
        /**
         * Linear interpolation between closest ranks (Hyndman and Fan type 7; NumPy's and R's default,
         * Commons Math {@code EstimationType.R_7}): with {@code h = (n - 1) p},
         * {@code x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])}. The default.
         */
        LINEAR,
        /** Nearest rank: {@code x[ceil(n p) - 1]}, and {@code x[0]} for p = 0. Always a sample value. */
        NEAREST_RANK,
        /** The lower of the two closest ranks: {@code x[floor((n - 1) p)]}. Always a sample value. */
        LOWER
    }

    /**
     * A summary of a non-empty sample: its size, minimum, maximum, mean and the median, P90, P95 and
     * P99 under one declared {@link QuantileDefinition}. An empty sample has no summary (see
     * {@link #tryOf(double[])}): "no data" is never reported as zeros.
     *
     * @param size the number of values, at least 1
     * @param min the smallest value
     * @param max the largest value
     * @param mean the arithmetic mean
     * @param median the 0.5 quantile
     * @param p90 the 0.9 quantile
     * @param p95 the 0.95 quantile
     * @param p99 the 0.99 quantile
     * @param definition how the quantiles were read
     */
    public record Summary(
            long size,
            double min,
            double max,
            double mean,
            double median,
            double p90,
            double p95,
            double p99,
            QuantileDefinition definition) {

        /**
         * Validates the summary: a positive size, finite figures, {@code min <= mean, quantiles <= max}
         * and quantiles that do not decrease.
         *
         * @throws IllegalArgumentException if a figure is inconsistent
         */
        public Summary {
            Checks.positive(size, "size");
            Checks.finite(min, "min");
            Checks.finite(max, "max");
            Checks.inRange(mean, min, max, "mean");
            Checks.inRange(median, min, max, "median");
            Checks.inRange(p90, median, max, "p90");
            Checks.inRange(p95, p90, max, "p95");
            Checks.inRange(p99, p95, max, "p99");
            Checks.notNull(definition, "definition");
        }

        /**
         * Summarises a sample with linear interpolation.
         *
         * @param values the sample, not empty, finite; not modified
         * @return the summary
         * @throws IllegalArgumentException if null, empty or not finite
         */
        public static Summary of(double[] values) {
            return of(values, QuantileDefinition.LINEAR);
        }

        /**
         * Summarises a sample.
         *
         * @param values the sample, not empty, finite; not modified
         * @param definition how to read the quantiles
         * @return the summary
         * @throws IllegalArgumentException if null, empty or not finite
         */
        public static Summary of(double[] values, QuantileDefinition definition) {
            Quantiles.checkSample(values);
            return ofInPlace(values.clone(), definition);
        }

        /**
         * Summarises a sample, reordering the array instead of copying it.
         *
         * @param values the sample, not empty, finite; reordered
         * @param definition how to read the quantiles
         * @return the summary
         * @throws IllegalArgumentException if null, empty or not finite
         */
        public static Summary ofInPlace(double[] values, QuantileDefinition definition) {
            Quantiles.checkSample(values);
            Checks.notNull(definition, "definition");
            double mean = Quantiles.meanOfChecked(values);
            double[] q = Quantiles.quantilesInPlace(values, definition, 0.0, 0.5, 0.9, 0.95, 0.99, 1.0);
            return new Summary(values.length, q[0], q[5], mean, q[1], q[2], q[3], q[4], definition);
        }

        /**
         * Summarises a {@code long} sample (durations in nanoseconds, counts...) with linear interpolation.
         *
         * @param values the sample, not empty; not modified
         * @return the summary
         * @throws IllegalArgumentException if null or empty
         */
        public static Summary of(long[] values) {
            return of(values, QuantileDefinition.LINEAR);
        }

        /**
         * Summarises a {@code long} sample.
         *
         * @param values the sample, not empty; not modified
         * @param definition how to read the quantiles
         * @return the summary
         * @throws IllegalArgumentException if null or empty
         */
        public static Summary of(long[] values, QuantileDefinition definition) {
            Quantiles.checkSample(values);
            return ofInPlace(values.clone(), definition);
        }

        /**
         * Summarises a {@code long} sample, reordering the array instead of copying it.
         *
         * @param values the sample, not empty; reordered
         * @param definition how to read the quantiles
         * @return the summary
         * @throws IllegalArgumentException if null or empty
         */
        public static Summary ofInPlace(long[] values, QuantileDefinition definition) {
            Quantiles.checkSample(values);
            Checks.notNull(definition, "definition");
            double mean = Quantiles.meanOfChecked(values);
            double[] q = Quantiles.quantilesInPlace(values, definition, 0.0, 0.5, 0.9, 0.95, 0.99, 1.0);
            // the mean is rounded to double like the extremes, so keep it between them
            return new Summary(values.length, q[0], q[5], Math.max(q[0], Math.min(q[5], mean)),
                    q[1], q[2], q[3], q[4], definition);
        }

        /**
         * The summary of a sample, or empty for an empty sample.
         *
         * @param values the sample, finite; not modified
         * @return the summary, or empty when there is no data
         * @throws IllegalArgumentException if null or not finite
         */
        public static Optional<Summary> tryOf(double[] values) {
            Checks.notNull(values, "values");
            return values.length == 0 ? Optional.empty() : Optional.of(of(values));
        }

        /**
         * The summary of a {@code long} sample, or empty for an empty sample.
         *
         * @param values the sample; not modified
         * @return the summary, or empty when there is no data
         * @throws IllegalArgumentException if null
         */
        public static Optional<Summary> tryOf(long[] values) {
            Checks.notNull(values, "values");
            return values.length == 0 ? Optional.empty() : Optional.of(of(values));
        }
    }
}
