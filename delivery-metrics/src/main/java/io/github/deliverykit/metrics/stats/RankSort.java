package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;
import java.util.Arrays;

/**
 * The sort behind the rank tests' small and medium samples: the order-preserving long keys of a
 * sample's finite doubles, sorted, written into a caller's array. One distribution pass on the
 * values' linear position between their minimum and maximum ({@code (v - min) * scale} is monotone
 * in {@code v}, since IEEE rounding is) puts every key in its bucket, about two per bucket; a single
 * insertion sort over the whole range then only moves keys inside their bucket (a bucket of one
 * repeated value, the usual crowded bucket, costs no move). Past {@link #MOVES_PER_KEY} moves per
 * key (a skewed sample crowding distinct keys into few buckets) {@code Arrays.sort} sorts the range
 * instead, so the worst case is O(n log n). Four linear passes, no allocation (the bucket counts
 * are the caller's scratch). Stateless.
 */
final class RankSort {

    /**
     * The insertion sort's budget, in moves per key: keys spread over the buckets make about one
     * move each; past the budget a crowded bucket would make the rest quadratic.
     */
    static final int MOVES_PER_KEY = 8;

    private RankSort() {}

    /** The number of buckets for {@code n} values: the power of two in (n, 2n], at least 2. */
    static int buckets(int n) {
        return Math.max(2, Integer.highestOneBit(Math.max(1, n)) << 1);
    }

    /**
     * Checks that the values are finite (naming the first bad one), and writes their sorted keys
     * ({@code key(v + zero)}: -0.0 below 0.0 when {@code zero} is -0.0, tied with it when 0.0) at
     * {@code k[from, from + values.length)}.
     *
     * @param count scratch of at least {@link #buckets(int)} ints, overwritten
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    static void sortKeys(double[] values, String field, double zero, long[] k, int from, int[] count) {
        int n = values.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw Checks.invalid(field + "[" + i + "]", "must be a finite number", v);
            }
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
        int buckets = buckets(n);
        int last = buckets - 1;
        double scale = buckets / (max - min);
        if (!(scale < Double.POSITIVE_INFINITY)) {
            // all values equal (or a range below the subnormals' reach): one bucket, left to the insertion sort
            scale = 0;
        }
        // a range beyond Double.MAX_VALUE gives scale 0 too; Inf * 0 is NaN, whose int is 0
        Arrays.fill(count, 0, buckets, 0);
        for (int i = 0; i < n; i++) {
            count[Math.min((int) ((values[i] - min) * scale), last)]++;
        }
        int start = from;
        for (int b = 0; b < buckets; b++) {
            int c = count[b];
            count[b] = start;
            start += c;
        }
        for (int i = 0; i < n; i++) {
            double v = values[i];
            long bits = Double.doubleToRawLongBits(v + zero);
            k[count[Math.min((int) ((v - min) * scale), last)]++] = bits ^ ((bits >> 63) & Long.MAX_VALUE);
        }
        if (!insertionSort(k, from, from + n, (long) MOVES_PER_KEY * n)) {
            // a crowded bucket of distinct keys (a skewed sample): the rest would be quadratic
            Arrays.sort(k, from, from + n);
        }
    }

    /**
     * Checks both samples (x first, naming the first bad value) and writes the sorted tagged keys of
     * all their values at {@code k[0, x.length + y.length)}: a value's order-preserving key
     * ({@code key(v + zero)}) less the smallest, shifted left by one, with the low bit 1 for an
     * x and 0 for a y, in signed order ({@code ^ Long.MIN_VALUE}), in order of values (the
     * x's and y's of one value in any order, but adjacent). Needs the keys' range below 2^63, else
     * returns false, having checked the values but written only scratch. The bucket of a key is
     * its top bits above the smallest (the order of the bit patterns: about logarithmic in the
     * value, so a long-tailed sample still spreads); one insertion sort then orders the buckets'
     * contents, past {@link #MOVES_PER_KEY} moves a key {@code Arrays.sort}.
     *
     * @param k at least {@code x.length + y.length} longs, overwritten
     * @param raw scratch of as many longs
     * @param count scratch of at least {@code buckets(x.length + y.length)} ints, overwritten
     * @return whether {@code k} holds the sorted tagged keys (false: the range is 2^63 or more)
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    static boolean sortTagged(double[] x, double[] y, double zero, long[] k, long[] raw, int[] count) {
        int n1 = x.length;
        int n = n1 + y.length;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < n1; i++) {
            double v = x[i];
            if (!Double.isFinite(v)) {
                throw Checks.invalid("x[" + i + "]", "must be a finite number", v);
            }
            long bits = Double.doubleToRawLongBits(v + zero);
            long key = bits ^ ((bits >> 63) & Long.MAX_VALUE);
            raw[i] = key;
            lo = Math.min(lo, key);
            hi = Math.max(hi, key);
        }
        for (int i = n1; i < n; i++) {
            double v = y[i - n1];
            if (!Double.isFinite(v)) {
                throw Checks.invalid("y[" + (i - n1) + "]", "must be a finite number", v);
            }
            long bits = Double.doubleToRawLongBits(v + zero);
            long key = bits ^ ((bits >> 63) & Long.MAX_VALUE);
            raw[i] = key;
            lo = Math.min(lo, key);
            hi = Math.max(hi, key);
        }
        long range = hi - lo;
        if (range < 0) {
            return false; // 2^63 or more: the key less the smallest would not fit 63 bits
        }
        int buckets = buckets(n);
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(range) - Integer.numberOfTrailingZeros(buckets));
        Arrays.fill(count, 0, buckets, 0);
        for (int i = 0; i < n; i++) {
            count[(int) ((raw[i] - lo) >>> shift)]++;
        }
        int start = 0;
        for (int b = 0; b < buckets; b++) {
            int c = count[b];
            count[b] = start;
            start += c;
        }
        for (int i = 0; i < n1; i++) {
            long d = raw[i] - lo;
            k[count[(int) (d >>> shift)]++] = ((d << 1) | 1) ^ Long.MIN_VALUE;
        }
        for (int i = n1; i < n; i++) {
            long d = raw[i] - lo;
            k[count[(int) (d >>> shift)]++] = (d << 1) ^ Long.MIN_VALUE;
        }
        if (!insertionSortValues(k, n, (long) MOVES_PER_KEY * n)) {
            Arrays.sort(k, 0, n);
        }
        return true;
    }

    /**
     * Sorts the tagged keys {@code k[0, n)} by value (the key less its low bit) by insertion: a key
     * never moves past one of the same value, whatever the tags (the ranking needs only the
     * values in order), so a repeated value costs no move. Gives up after {@code budget} moves.
     *
     * @return whether the range is in order of values
     */
    static boolean insertionSortValues(long[] k, int n, long budget) {
        long left = budget;
        for (int i = 1; i < n; i++) {
            long v = k[i];
            long w = v | 1; // above every key of a smaller value or the same, below those of larger values
            if (w < k[i - 1]) {
                int j = i - 1;
                do {
                    k[j + 1] = k[j];
                    j--;
                    left--;
                } while (j >= 0 && k[j] > w);
                k[j + 1] = v;
                if (left < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Sorts {@code k[from, to)} by insertion, linear when every key is at most a few places from
     * its spot; gives up (leaving a permutation of the keys) after {@code budget} moves.
     *
     * @return whether the range is sorted
     */
    static boolean insertionSort(long[] k, int from, int to, long budget) {
        long left = budget;
        for (int i = from + 1; i < to; i++) {
            long v = k[i];
            if (v < k[i - 1]) {
                int j = i - 1;
                do {
                    k[j + 1] = k[j];
                    j--;
                    left--;
                } while (j >= from && k[j] > v);
                k[j + 1] = v;
                if (left < 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
