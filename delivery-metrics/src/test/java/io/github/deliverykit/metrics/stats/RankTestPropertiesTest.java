package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

final class RankTestPropertiesTest {

    @Provide
    Arbitrary<double[]> anyArray() {
        Arbitrary<Double> values = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1.0));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just((double[]) null)),
                net.jqwik.api.Tuple.of(12, values.array(double[].class).ofMaxSize(12)));
    }

    @Provide
    Arbitrary<double[]> finiteArray() {
        return Arbitraries.integers().between(-20, 20).map(i -> i / 2.0).array(double[].class).ofMinSize(1).ofMaxSize(15);
    }

    @Property
    void badInput_onlyEverThrowsIllegalArgument(@ForAll("anyArray") double[] x, @ForAll("anyArray") double[] y,
            @ForAll @DoubleRange(min = -0.5, max = 1.5) double confidence) {
        try {
            RankTestResult r = MannWhitney.test(x, y);
            assertTrue(r.pValue() >= 0 && r.pValue() <= 1);
            ShiftEstimate s = MannWhitney.shift(x, y, confidence);
            assertTrue(s.lower() <= s.upper());
        } catch (IllegalArgumentException expected) {
            // the only exception allowed
        }
    }

    @Property
    void proportions_badInputOnlyIllegalArgument(@ForAll long s1, @ForAll long n1, @ForAll long s2, @ForAll long n2) {
        for (ProportionTest.Method m : ProportionTest.Method.values()) {
            try {
                ProportionTestResult r = ProportionTest.test(s1, n1, s2, n2, Alternative.TWO_SIDED, m);
                assertTrue(r.pValue() >= 0 && r.pValue() <= 1);
            } catch (IllegalArgumentException expected) {
                // fine
            }
        }
    }

    @Property
    void u_isSymmetricAndOrderFree(@ForAll("finiteArray") double[] x, @ForAll("finiteArray") double[] y) {
        RankTestResult xy = MannWhitney.test(x, y);
        RankTestResult yx = MannWhitney.test(y, x);
        assertEquals(xy.u(), yx.u2());
        assertEquals(xy.pValue(), yx.pValue(), 1e-12);
        double[] reversed = x.clone();
        for (int i = 0; i < reversed.length / 2; i++) {
            double t = reversed[i];
            reversed[i] = reversed[reversed.length - 1 - i];
            reversed[reversed.length - 1 - i] = t;
        }
        assertEquals(xy, MannWhitney.test(reversed, y));
        long brute = 0;
        for (double a : x) {
            for (double b : y) {
                brute += a > b ? 2 : a == b ? 1 : 0;
            }
        }
        assertEquals(brute / 2.0, xy.u());
    }

    @Property
    void shift_widerForHigherConfidence(@ForAll("finiteArray") double[] x, @ForAll("finiteArray") double[] y,
            @ForAll @IntRange(min = 50, max = 98) int percent) {
        ShiftEstimate narrow = MannWhitney.shift(x, y, percent / 100.0);
        ShiftEstimate wide = MannWhitney.shift(x, y, 0.99);
        assertTrue(wide.lower() <= narrow.lower() && wide.upper() >= narrow.upper());
        assertEquals(narrow.estimate(), wide.estimate());
        double[] shifted = Arrays.stream(x).map(v -> v + 3).toArray();
        assertEquals(narrow.estimate() + 3, MannWhitney.shift(shifted, y, percent / 100.0).estimate(), 1e-9);
    }

    @Property(tries = 50)
    void radixSort_equalsArraysSort(@ForAll @IntRange(min = 0, max = 9000) int n, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 3) int shape) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (shape) {
                case 0 -> rnd.nextGaussian() * 1e3;
                case 1 -> rnd.nextInt(7) - 3.0;
                case 2 -> rnd.nextBoolean() ? -0.0 : (rnd.nextBoolean() ? 0.0 : Double.longBitsToDouble(rnd.nextLong()));
                default -> 100 + rnd.nextInt(1000) / 8.0;
            };
            if (!Double.isFinite(a[i])) {
                a[i] = -Double.MAX_VALUE;
            }
        }
        double[] before = a.clone();
        double[] ours = MannWhitney.sort(a);
        double[] expected = a.clone();
        for (int i = 0; i < n; i++) {
            expected[i] += 0.0;
        }
        Arrays.sort(expected);
        assertTrue(Arrays.equals(expected, ours));
        assertTrue(Arrays.equals(before, a), "input untouched");
    }

    @Property(tries = 50)
    void exactCdf_isAProperDistribution(@ForAll @IntRange(min = 1, max = 30) int n1,
            @ForAll @IntRange(min = 1, max = 30) int n2, @ForAll @Size(0) double[] unused) {
        double[] cdf = MannWhitney.exactCdf(n1, n2);
        assertEquals(n1 * n2 + 1, cdf.length);
        for (int i = 1; i < cdf.length; i++) {
            assertTrue(cdf[i] >= cdf[i - 1]);
        }
        assertEquals(1.0, cdf[cdf.length - 1], 1e-12);
        assertEquals(Arrays.equals(cdf, MannWhitney.exactCdf(n2, n1)), true);
    }

    @Property(tries = 300)
    void smallSortAndDistinctMerge_equalTheGeneralPath(@ForAll long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int n1 = 1 + r.nextInt(300);
        int n2 = 1 + r.nextInt(300);
        int spread = r.nextBoolean() ? 40 : Integer.MAX_VALUE;
        long[] k = new long[n1 + n2];
        for (int i = 0; i < k.length; i++) {
            // few levels (ties), or keys over the whole signed range (sign and overflow cases)
            k[i] = spread == 40 ? r.nextInt(spread) - 20 : r.nextLong();
        }
        long[] expected = k.clone();
        Arrays.sort(expected, 0, n1);
        Arrays.sort(expected, n1, n1 + n2);
        MannWhitney.sortRange(k, 0, n1);
        MannWhitney.sortRange(k, n1, n1 + n2);
        assertTrue(Arrays.equals(expected, k), "sorted halves");
        long[] xs = Arrays.copyOfRange(k, 0, n1);
        long[] ys = Arrays.copyOfRange(k, n1, n1 + n2);
        double[] tie = new double[1];
        long general = MannWhitney.twiceU(xs, ys, tie);
        long distinct = MannWhitney.distinctTwiceU(k, n1, n2);
        if (tie[0] == 0) {
            assertEquals(general, distinct, "no repeated key: the branch-free merge");
        } else {
            assertEquals(-1, distinct, "a repeated key takes the general merge");
        }
    }
}
