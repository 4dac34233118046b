package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The one-sort path of the Mann-Whitney test ({@link RankSort#sortTagged} and
 * {@link MannWhitney#taggedTwiceU}) against the two-sort path it replaces up to
 * {@link MannWhitney#TAGGED_TO} values ({@link MannWhitney#keyTest}) and against a pair-by-pair
 * count, on the shapes of {@link RankSortPropertyTest#sample}: ties, signed zeros, subnormals,
 * ranges wide enough to force the fallback, one far outlier.
 */
final class TaggedRankPropertyTest {

    private static final int SHAPES = 10;

    private static final MannWhitney.Options[] OPTIONS = {
        MannWhitney.Options.DEFAULT,
        MannWhitney.Options.COMMONS_MATH_3,
        MannWhitney.Options.DEFAULT.withAlternative(Alternative.LESS),
        new MannWhitney.Options(Alternative.GREATER, MannWhitney.PValueMethod.ASYMPTOTIC, true, true, true),
        new MannWhitney.Options(Alternative.TWO_SIDED, MannWhitney.PValueMethod.AUTO, false, false),
    };

    private static long key(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static int size(SplittableRandom r, int max) {
        int[] near = {1, 2, 3, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 511, 512, 513};
        int n = r.nextBoolean() ? 1 + r.nextInt(max) : near[r.nextInt(near.length)];
        return Math.max(1, Math.min(max, n));
    }

    /** Twice U and the tie term by comparing every pair and counting every value's repeats. */
    private static long[] reference(double[] x, double[] y, double zero) {
        long twice = 0;
        for (double a : x) {
            for (double b : y) {
                int c = Long.compare(key(a + zero), key(b + zero));
                twice += c > 0 ? 2 : c == 0 ? 1 : 0;
            }
        }
        long[] all = new long[x.length + y.length];
        for (int i = 0; i < x.length; i++) {
            all[i] = key(x[i] + zero);
        }
        for (int i = 0; i < y.length; i++) {
            all[x.length + i] = key(y[i] + zero);
        }
        Arrays.sort(all);
        long tie = 0;
        for (int i = 0; i < all.length;) {
            int j = i;
            while (j < all.length && all[j] == all[i]) {
                j++;
            }
            long t = j - i;
            tie += t * t * t - t;
            i = j;
        }
        return new long[] {twice, tie};
    }

    @Property(tries = 150)
    void taggedTest_equalsTheTwoSortPath_andThePublicTest(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = SHAPES - 1) int shape,
            @ForAll @IntRange(min = 0, max = SHAPES - 1) int otherShape) {
        SplittableRandom r = new SplittableRandom(seed);
        int max = r.nextInt(6) == 0 ? 4000 : 600;
        int n1 = size(r, max);
        int n2 = size(r, max);
        double[] x = RankSortPropertyTest.sample(r, n1, shape);
        double[] y = RankSortPropertyTest.sample(r, n2, otherShape);
        double[] x0 = x.clone();
        double[] y0 = y.clone();
        int n = n1 + n2;
        for (MannWhitney.Options options : OPTIONS) {
            RankTestResult tagged = MannWhitney.taggedTest(x, y, options, new long[n], new long[n],
                    new int[RankSort.buckets(n)]);
            RankTestResult twoSorts = MannWhitney.keyTest(x, y, options, new long[n], new int[RankSort.buckets(n)]);
            assertEquals(twoSorts, tagged, options.toString());
            assertEquals(twoSorts, MannWhitney.test(x, y, options), options.toString());
        }
        assertArrayEquals(x0, x, "x untouched");
        assertArrayEquals(y0, y, "y untouched");
    }

    @Property(tries = 150)
    void sortTagged_ordersEveryKeyByValue_andTaggedTwiceU_countsEveryPair(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = SHAPES - 1) int shape,
            @ForAll @IntRange(min = 0, max = SHAPES - 1) int otherShape, @ForAll boolean signedZeros) {
        SplittableRandom r = new SplittableRandom(seed);
        int n1 = size(r, 300);
        int n2 = size(r, 300);
        double[] x = RankSortPropertyTest.sample(r, n1, shape);
        double[] y = RankSortPropertyTest.sample(r, n2, otherShape);
        double zero = signedZeros ? -0.0 : 0.0;
        int n = n1 + n2;
        long[] k = new long[n + 2];
        Arrays.fill(k, 42);
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (double v : x) {
            lo = Math.min(lo, key(v + zero));
            hi = Math.max(hi, key(v + zero));
        }
        for (double v : y) {
            lo = Math.min(lo, key(v + zero));
            hi = Math.max(hi, key(v + zero));
        }
        boolean fits;
        try {
            Math.subtractExact(hi, lo);
            fits = true;
        } catch (ArithmeticException overflow) {
            fits = false;
        }
        boolean sorted = RankSort.sortTagged(x, y, zero, k, new long[n], new int[RankSort.buckets(n)]);
        assertEquals(fits, sorted, "fallback exactly when the range reaches 2^63");
        if (!sorted) {
            return;
        }
        long[] expected = new long[n];
        for (int i = 0; i < n1; i++) {
            expected[i] = (((key(x[i] + zero) - lo) << 1) | 1) ^ Long.MIN_VALUE;
        }
        for (int i = 0; i < n2; i++) {
            expected[n1 + i] = ((key(y[i] + zero) - lo) << 1) ^ Long.MIN_VALUE;
        }
        for (int i = 1; i < n; i++) {
            assertTrue(k[i - 1] >> 1 <= k[i] >> 1, "in order of values at " + i);
        }
        assertEquals(42, k[n], "nothing written past the keys");
        long[] got = Arrays.copyOf(k, n);
        Arrays.sort(got);
        Arrays.sort(expected);
        assertArrayEquals(expected, got, "the tagged keys of both samples");
        long[] tie = new long[1];
        long twice = MannWhitney.taggedTwiceU(k, n, tie);
        long[] ref = reference(x, y, zero);
        assertEquals(ref[0], twice, "twice U");
        assertEquals(ref[1], tie[0], "tie term");
    }

    @Test
    void widestRanges_fallBack_andNegativeZeroFollowsTheOptions() {
        double[] x = {-Double.MAX_VALUE, 3, 1};
        double[] y = {Double.MAX_VALUE, 2};
        assertFalse(RankSort.sortTagged(x, y, 0.0, new long[5], new long[5], new int[8]));
        // -2 to 2: keys about 2^63 apart, just over
        assertFalse(RankSort.sortTagged(new double[] {-2.0}, new double[] {2.0}, 0.0, new long[2], new long[2],
                new int[4]));
        // -1 to 1: just under
        long[] k = new long[2];
        assertTrue(RankSort.sortTagged(new double[] {1.0}, new double[] {-1.0}, 0.0, k, new long[2], new int[4]));
        assertEquals(1, k[1] & 1, "the x, larger, last");
        assertEquals(Long.MIN_VALUE, k[0], "the smallest key, of a y, is 0 before the sign flip");
        for (MannWhitney.Options options : OPTIONS) {
            assertEquals(MannWhitney.keyTest(x, y, options, new long[5], new int[8]),
                    MannWhitney.taggedTest(x, y, options, new long[5], new long[5], new int[8]));
        }
        double[] zx = {-0.0, -0.0, 1};
        double[] zy = {0.0, 0.0};
        long[] tie = new long[1];
        long[] kz = new long[5];
        assertTrue(RankSort.sortTagged(zx, zy, 0.0, kz, new long[5], new int[8]));
        assertEquals(4 + 1 * 2 * 2, MannWhitney.taggedTwiceU(kz, 5, tie), "-0.0 ties with 0.0");
        assertEquals(60, tie[0]);
        assertTrue(RankSort.sortTagged(zx, zy, -0.0, kz, new long[5], new int[8]));
        assertEquals(4, MannWhitney.taggedTwiceU(kz, 5, tie), "-0.0 below 0.0");
        assertEquals(12, tie[0]);
        assertEquals(4.0, MannWhitney.test(zx, zy).u());
        assertEquals(2.0, MannWhitney.test(zx, zy, MannWhitney.Options.COMMONS_MATH_3).u());
    }

    @Test
    void sortTagged_namesTheFirstBadValue_xBeforeY() {
        double[] good = {1, 2, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RankSort.sortTagged(
                new double[] {1, Double.NaN, Double.POSITIVE_INFINITY}, new double[] {Double.NaN}, 0.0,
                new long[4], new long[4], new int[8]));
        assertTrue(e.getMessage().contains("x[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RankSort.sortTagged(good,
                new double[] {0, 5, Double.NEGATIVE_INFINITY}, 0.0, new long[6], new long[6], new int[8]));
        assertTrue(e.getMessage().contains("y[2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(good, new double[] {Double.NaN}));
        assertTrue(e.getMessage().contains("y[0]"), e.getMessage());
    }

    @Test
    void insertionSortValues_ignoresTags_andGivesUpPastItsBudget() {
        // values 1, 1, 0 with tags: the two 1's never swap, the 0 moves past both
        long[] k = {(1 << 1) | 1, 1 << 1, 0};
        assertTrue(RankSort.insertionSortValues(k, 3, 2));
        assertArrayEquals(new long[] {0, (1 << 1) | 1, 1 << 1}, k);
        long[] same = {5, 4, 5, 4};
        assertTrue(RankSort.insertionSortValues(same, 4, 0), "one value in any tag order makes no move");
        assertArrayEquals(new long[] {5, 4, 5, 4}, same);
        long[] reversed = {10, 8, 6, 4, 2};
        assertTrue(RankSort.insertionSortValues(reversed.clone(), 5, 10));
        long[] partial = reversed.clone();
        assertFalse(RankSort.insertionSortValues(partial, 5, 9));
        Arrays.sort(partial);
        assertArrayEquals(new long[] {2, 4, 6, 8, 10}, partial, "a permutation is left behind");
    }

    @Test
    void skewedSample_overTheMoveBudget_stillSorts() {
        // one far outlier puts every other key in bucket 0, in descending order
        int n = 900;
        double[] x = new double[n / 2];
        double[] y = new double[n / 2];
        for (int i = 0; i < n / 2; i++) {
            x[i] = (n - 2 * i) * 1e-3;
            y[i] = (n - 2 * i - 1) * 1e-3;
        }
        x[0] = 1e300;
        long[] k = new long[n];
        assertTrue(RankSort.sortTagged(x, y, 0.0, k, new long[n], new int[RankSort.buckets(n)]));
        for (int i = 1; i < n; i++) {
            assertTrue(k[i - 1] < k[i], "distinct values ascending at " + i);
        }
        long[] tie = new long[1];
        assertEquals(reference(x, y, 0.0)[0], MannWhitney.taggedTwiceU(k, n, tie));
        assertEquals(0, tie[0]);
    }
}
