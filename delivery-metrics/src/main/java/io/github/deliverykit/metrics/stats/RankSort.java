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
