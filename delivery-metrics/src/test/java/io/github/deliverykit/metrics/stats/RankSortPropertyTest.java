package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/**
 * The bucket sort of the rank tests ({@link RankSort}) against {@code Arrays.sort} of the same keys,
 * and the test that uses it against Commons Math 3.6.1 and the sorted-input path, on the shapes
 * that stress it: signed zeros, subnormals, ranges beyond {@code Double.MAX_VALUE}, many ties, one
 * far outlier (every key in one bucket), and sizes around its thresholds.
 */
final class RankSortPropertyTest {

    private static final MannWhitneyUTest CM3 = new MannWhitneyUTest();

    private static final int SHAPES = 10;

    /** A sample of one of the shapes. */
    static double[] sample(SplittableRandom r, int n, int shape) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (shape) {
                case 0 -> 200 + 50 * r.nextGaussian();
                case 1 -> Math.floor(200 + 50 * r.nextGaussian());
                case 2 -> r.nextInt(5) - 2.0 + (r.nextBoolean() ? -0.0 : 0.0);
                case 3 -> (r.nextInt(21) - 10) * Double.MIN_VALUE;
                case 4 -> r.nextInt(3) == 0 ? (r.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE) : r.nextGaussian();
                case 5 -> i == 0 ? 1e300 : r.nextDouble();
                case 6 -> finiteBits(r);
                case 7 -> 7.25;
                case 8 -> r.nextBoolean() ? -0.0 : 0.0;
                default -> r.nextInt(4) == 0 ? Double.MIN_NORMAL * r.nextInt(3) : r.nextInt(1 << 20) / 1024.0;
            };
        }
        return a;
    }

    private static double finiteBits(SplittableRandom r) {
        double d;
        do {
            d = Double.longBitsToDouble(r.nextLong());
        } while (!Double.isFinite(d));
        return d;
    }

    /** A size from everywhere in [1, max], or near one of the thresholds. */
    private static int size(SplittableRandom r, int max) {
        int[] near = {1, 2, 16, 17, 127, 128, 129,
            MannWhitney.BUCKET_SORT_FROM / 2, 255, 256, 257, 4095, 4096, 4097};
        int n = r.nextBoolean() ? 1 + r.nextInt(max) : near[r.nextInt(near.length)] + r.nextInt(3) - 1;
        return Math.max(1, Math.min(max, n));
    }

    private static long key(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    @Property(tries = 200)
    void sortKeys_equalsArraysSortOfTheKeys(@ForAll long seed, @ForAll @IntRange(min = 0, max = SHAPES - 1) int shape,
            @ForAll boolean signedZeros) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = size(r, 8191);
        double[] a = sample(r, n, shape);
        double[] before = a.clone();
        double zero = signedZeros ? -0.0 : 0.0;
        int from = r.nextInt(5);
        long[] k = new long[from + n + 3];
        Arrays.fill(k, 42);
        int[] count = new int[RankSort.buckets(n)];
        RankSort.sortKeys(a, "a", zero, k, from, count);
        long[] expected = new long[n];
        for (int i = 0; i < n; i++) {
            expected[i] = key(a[i] + zero);
        }
        Arrays.sort(expected);
        assertArrayEquals(expected, Arrays.copyOfRange(k, from, from + n));
        for (int i = 0; i < from; i++) {
            assertEquals(42, k[i], "nothing written before from");
        }
        for (int i = from + n; i < k.length; i++) {
            assertEquals(42, k[i], "nothing written after the keys");
        }
        assertArrayEquals(before, a, "input untouched");
    }

    @Property(tries = 60)
    void sortKeys_namesTheFirstNonFiniteValue(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(600);
        double[] a = sample(r, n, r.nextInt(SHAPES));
        int bad = r.nextInt(n);
        double[] nonFinite = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        a[bad] = nonFinite[r.nextInt(3)];
        if (bad + 1 < n && r.nextBoolean()) {
            a[bad + 1] = Double.NaN;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankSort.sortKeys(a, "x", 0.0, new long[n], 0, new int[RankSort.buckets(n)]));
        assertTrue(e.getMessage().contains("x[" + bad + "]"), e.getMessage());
        double[] y = sample(r, Math.max(1, 300 - n), 0);
        IllegalArgumentException viaTest = assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(y, a));
        assertTrue(viaTest.getMessage().contains("y[" + bad + "]"), viaTest.getMessage());
    }

    @Property(tries = 120)
    void test_equalsCommonsMathAndTheSortedPath(@ForAll long seed, @ForAll @IntRange(min = 0, max = SHAPES - 1) int shape,
            @ForAll @IntRange(min = 0, max = SHAPES - 1) int otherShape) {
        SplittableRandom r = new SplittableRandom(seed);
        // both samples in the per-thread scratch (up to 8,192 values), or in arrays of the call
        int max = r.nextInt(8) == 0 ? 20_000 : 4200;
        int n1 = size(r, max);
        int n2 = r.nextInt(4) == 0 ? Math.max(1, MannWhitney.BUCKET_SORT_FROM - n1 + r.nextInt(3) - 1) : size(r, max);
        double[] x = sample(r, n1, shape);
        double[] y = sample(r, n2, otherShape);
        RankTestResult cm = MannWhitney.test(x, y, MannWhitney.Options.COMMONS_MATH_3);
        assertEquals(CM3.mannWhitneyU(x, y), cm.uMax(), 1e-9);
        assertEquals(CM3.mannWhitneyUTest(x, y), cm.pValue(), 1e-9);
        double[] xs = x.clone();
        double[] ys = y.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        assertEquals(MannWhitney.testSorted(xs, ys, MannWhitney.Options.COMMONS_MATH_3), cm);
        MannWhitney.Options asymptotic = MannWhitney.Options.DEFAULT.withMethod(MannWhitney.PValueMethod.ASYMPTOTIC);
        assertEquals(MannWhitney.testSorted(xs, ys, asymptotic), MannWhitney.test(x, y, asymptotic));
        assertEquals(MannWhitney.testSorted(xs, ys, MannWhitney.Options.DEFAULT), MannWhitney.test(x, y));
    }

    @Test
    void samplesAboveTheBucketSort_takeTheRadixSort_andAgreeWithTheSortedPath() {
        SplittableRandom r = new SplittableRandom(18);
        int n = MannWhitney.BUCKET_SORT_TO / 2 + 1;
        for (int shape : new int[] {0, 1, 2}) {
            double[] x = sample(r, n, shape);
            double[] y = sample(r, n + 7, shape);
            double[] xs = x.clone();
            double[] ys = y.clone();
            Arrays.sort(xs);
            Arrays.sort(ys);
            assertEquals(MannWhitney.testSorted(xs, ys, MannWhitney.Options.DEFAULT), MannWhitney.test(x, y));
            assertEquals(MannWhitney.testSorted(xs, ys, MannWhitney.Options.COMMONS_MATH_3),
                    MannWhitney.test(x, y, MannWhitney.Options.COMMONS_MATH_3));
        }
    }

    @Test
    void insertionSort_givesUpPastItsBudget_andBucketsArePowersOfTwo() {
        long[] reversed = {5, 4, 3, 2, 1};
        // sorting 5..1 takes 10 moves
        assertTrue(RankSort.insertionSort(reversed.clone(), 0, 5, 10));
        long[] partial = reversed.clone();
        assertEquals(false, RankSort.insertionSort(partial, 0, 5, 9));
        long[] sortedCopy = partial.clone();
        Arrays.sort(sortedCopy);
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, sortedCopy, "a permutation is left behind");
        long[] inner = {9, 3, 2, 1, 0};
        assertTrue(RankSort.insertionSort(inner, 1, 4, 3));
        assertArrayEquals(new long[] {9, 1, 2, 3, 0}, inner, "only the range moves");
        assertTrue(RankSort.insertionSort(new long[] {1, 1, 2, 2}, 0, 4, 0), "sorted input makes no move");
        assertEquals(2, RankSort.buckets(0));
        assertEquals(2, RankSort.buckets(1));
        assertEquals(256, RankSort.buckets(128));
        assertEquals(256, RankSort.buckets(255));
        assertEquals(8192, RankSort.buckets(8191));
    }

    @Test
    void oneFarOutlier_putsEveryKeyInOneBucket_andStillSorts() {
        double[] a = new double[5000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (a.length - i) * 1e-3;
        }
        a[17] = Double.MAX_VALUE;
        a[18] = -Double.MAX_VALUE;
        long[] k = new long[a.length];
        RankSort.sortKeys(a, "a", 0.0, k, 0, new int[RankSort.buckets(a.length)]);
        double[] expected = a.clone();
        Arrays.sort(expected);
        for (int i = 0; i < a.length; i++) {
            assertEquals(key(expected[i]), k[i]);
        }
    }
}
