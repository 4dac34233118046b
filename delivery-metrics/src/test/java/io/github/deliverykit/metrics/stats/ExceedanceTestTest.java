package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;

final class ExceedanceTestTest {

    /** The reference marginal law: P(T_r >= t) = P(at most r - 1 y-values among the first t + r - 1 draws). */
    private static double reference(int r, int t, int n1, int n2) {
        return HypergeometricDistribution.of(n1 + n2, n2, t + r - 1).cumulativeProbability(r - 1);
    }

    @Test
    void survival_equalsCommonsStatisticsHypergeometric() {
        SplittableRandom rnd = new SplittableRandom(19);
        for (int round = 0; round < 400; round++) {
            int n1 = 1 + rnd.nextInt(round < 200 ? 40 : 2000);
            int n2 = 1 + rnd.nextInt(round < 200 ? 40 : 2000);
            int r = 1 + rnd.nextInt(Math.min(n2, 5));
            int t = rnd.nextInt(n1 + 1);
            double ours = ExceedanceTest.survival(r, t, n1, n2);
            double ref = reference(r, t, n1, n2);
            assertEquals(ref, ours, 1e-9 * Math.max(ref, 1e-300) + 1e-15, () -> n1 + " " + n2 + " " + r + " " + t);
        }
        assertEquals(1.0, ExceedanceTest.survival(1, 0, 10, 10));
        // 9 of 100 canary samples above all of 100 baseline samples: C(100, 9) / C(200, 9)
        assertEquals(0.0016183074503198838, ExceedanceTest.survival(1, 9, 100, 100), 1e-15);
    }

    @Test
    void survival_rankAboveItsBound_isRefusedNamingTheField_notAnOutOfMemoryError() {
        int n = Integer.MAX_VALUE / 2;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExceedanceTest.survival(ExceedanceTest.MAX_SURVIVAL_RANK + 1, 0, n, n));
        assertTrue(e.getMessage().contains("rank") && e.getMessage().contains(String.valueOf(ExceedanceTest.MAX_SURVIVAL_RANK + 1)),
                e.getMessage());
        assertEquals(1.0, ExceedanceTest.survival(ExceedanceTest.MAX_SURVIVAL_RANK, 0, n, n), 1e-12);
    }

    /** Every arrangement of n1 x-labels and n2 y-labels, from the largest value down: T_r for each. */
    private static double exactMinP(int n1, int n2, int ranks, double pStar) {
        int total = n1 + n2;
        long count = 0;
        long hits = 0;
        for (long mask = 0; mask < (1L << total); mask++) {
            if (Long.bitCount(mask) != n1) {
                continue; // bit i set: the i-th largest value is an x
            }
            count++;
            double min = 1;
            for (int r = 1; r <= ranks; r++) {
                int ys = 0;
                int xs = 0;
                for (int i = 0; i < total && ys < r; i++) {
                    if ((mask >> i & 1) == 1) {
                        xs++;
                    } else {
                        ys++;
                    }
                }
                min = Math.min(min, ExceedanceTest.survival(r, xs, n1, n2));
            }
            if (min <= pStar) {
                hits++;
            }
        }
        return (double) hits / count;
    }

    @Test
    void minP_equalsExactEnumeration() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int round = 0; round < 60; round++) {
            int n1 = 1 + rnd.nextInt(9);
            int n2 = 3 + rnd.nextInt(7);
            int ranks = 1 + rnd.nextInt(3);
            double[] x = new double[n1];
            double[] y = new double[n2];
            for (int i = 0; i < n1; i++) {
                x[i] = rnd.nextDouble() + (rnd.nextBoolean() ? 0.5 : 0);
            }
            for (int i = 0; i < n2; i++) {
                y[i] = rnd.nextDouble();
            }
            ExceedanceTestResult res = ExceedanceTest.test(x, y, ranks, Alternative.GREATER);
            double exact = exactMinP(n1, n2, ranks, res.marginalPValue() * (1 + 1e-12));
            assertEquals(exact, res.pValue(), 1e-9, () -> res.toString());
            assertTrue(res.pValue() >= res.marginalPValue() - 1e-15 && res.pValue() <= ranks * res.marginalPValue() + 1e-12,
                    res::toString);
            // the lower tail is the upper tail of the negated samples
            double[] nx = new double[n1];
            double[] ny = new double[n2];
            for (int i = 0; i < n1; i++) {
                nx[i] = -x[i];
            }
            for (int i = 0; i < n2; i++) {
                ny[i] = -y[i];
            }
            ExceedanceTestResult low = ExceedanceTest.test(nx, ny, ranks, Alternative.LESS);
            assertEquals(res.pValue(), low.pValue(), 1e-12);
            assertEquals(res.exceedances(), low.exceedances());
            ExceedanceTestResult two = ExceedanceTest.test(x, y, ranks, Alternative.TWO_SIDED);
            double lower = ExceedanceTest.test(x, y, ranks, Alternative.LESS).pValue();
            assertEquals(Math.min(1, 2 * Math.min(res.pValue(), lower)), two.pValue(), 1e-12);
        }
    }

    @Test
    void counts_areStrictlyBeyondTheRankedBaselineValue() {
        double[] y = {1, 2, 3, 4, 5};
        ExceedanceTestResult r = ExceedanceTest.test(new double[] {5, 5, 6, 0}, y, 1, Alternative.GREATER);
        assertEquals(1, r.exceedances()); // only 6 is above 5; the ties are not counted
        assertEquals(ExceedanceTest.survival(1, 1, 4, 5), r.pValue(), 1e-15);
        ExceedanceTestResult two = ExceedanceTest.test(new double[] {5, 5, 6, 0}, y, 2, Alternative.GREATER);
        assertEquals(two.rank() == 2 ? 3 : 1, two.exceedances(), two.toString()); // beyond 4: 5, 5, 6; beyond 5: 6
        ExceedanceTestResult down = ExceedanceTest.test(new double[] {5, 5, 6, 0}, y, 1, Alternative.LESS);
        assertEquals(1, down.exceedances());
        assertEquals(0.25 / 0.2, new ExceedanceTestResult(4, 5, 1, 1, 1, 0.5, 0.5, Alternative.GREATER).exceedanceRatio(), 1e-12);
        // x all beyond y: the smallest p-value of the law
        ExceedanceTestResult all = ExceedanceTest.test(new double[] {10, 11, 12}, y, 3, Alternative.GREATER);
        assertEquals(3, all.exceedances());
        assertEquals(1.0 / 56, all.marginalPValue(), 1e-15); // C(3,3) / C(8,3)
        assertEquals(1.0 / 56, all.pValue(), 1e-15);
    }

    @Test
    void sortedAndUnsortedAgree_andLargeSamplesAreFast() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = new double[100_000];
        double[] y = new double[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble() * 1.001;
            y[i] = rnd.nextDouble();
        }
        ExceedanceTestResult a = ExceedanceTest.test(x, y, 3, Alternative.GREATER);
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        assertEquals(a, ExceedanceTest.testSorted(x, y, 3, Alternative.GREATER));
        assertTrue(a.pValue() < 1e-10, a::toString);
    }

    @Test
    void badInput_namesTheField() {
        double[] ok = {1, 2, 3};
        assertThrows(IllegalArgumentException.class, () -> ExceedanceTest.test(null, ok, 1, Alternative.GREATER));
        assertThrows(IllegalArgumentException.class, () -> ExceedanceTest.test(new double[0], ok, 1, Alternative.GREATER));
        assertThrows(IllegalArgumentException.class, () -> ExceedanceTest.test(ok, ok, 4, Alternative.GREATER));
        assertThrows(IllegalArgumentException.class, () -> ExceedanceTest.test(ok, ok, 0, Alternative.GREATER));
        assertThrows(IllegalArgumentException.class, () -> ExceedanceTest.test(ok, ok, 1, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExceedanceTest.testSorted(new double[] {2, 1}, ok, 1, Alternative.GREATER));
        assertTrue(e.getMessage().contains("xSorted"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExceedanceTest.survival(0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ExceedanceTest.survival(1, 2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ExceedanceTestResult(1, 1, 1, 1, 2, 0.5, 0.5, Alternative.LESS));
    }

    /** The one-pass selection of y's extremes (up to 16 ranks) and the sort (above) agree with the sorted call. */
    /** The sorted call's order is Double.compare's: NaN last, -0.0 before 0.0. */
    @Test
    void sortedCall_checksTheOrderOfDoubleCompare() {
        double[] y = {1, 2, 3};
        for (double[] bad : new double[][] {{0.0, -0.0}, {Double.NaN, 1}, {2, 1}, {1, Double.NaN, 5}}) {
            assertThrows(IllegalArgumentException.class, () -> ExceedanceTest.testSorted(bad, y, 1, Alternative.GREATER),
                    java.util.Arrays.toString(bad));
        }
        for (double[] good : new double[][] {{-0.0, 0.0}, {1, Double.NaN}, {1, 1, 2}, {Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY, Double.NaN}}) {
            assertEquals(good.length, ExceedanceTest.testSorted(good, y, 1, Alternative.GREATER).n1());
        }
    }

    @Test
    void unsortedCall_equalsSortedCall_onTiesSignedZerosInfinitiesAndNaN() {
        SplittableRandom rnd = new SplittableRandom(23);
        double[] pool = {0.0, -0.0, 1.0, 2.0, 2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 3.5};
        for (int round = 0; round < 3000; round++) {
            int n1 = 1 + rnd.nextInt(round < 1500 ? 12 : 300);
            int n2 = 1 + rnd.nextInt(round < 1500 ? 12 : 300);
            double[] x = new double[n1];
            double[] y = new double[n2];
            boolean discrete = rnd.nextBoolean();
            for (int i = 0; i < n1; i++) {
                x[i] = discrete ? pool[rnd.nextInt(pool.length)] : rnd.nextGaussian() * 3 + (rnd.nextInt(10) == 0 ? 8 : 0);
            }
            for (int i = 0; i < n2; i++) {
                y[i] = discrete ? pool[rnd.nextInt(pool.length)] : rnd.nextGaussian() * 3;
            }
            int ranks = 1 + rnd.nextInt(Math.min(n2, 20));
            Alternative alt = Alternative.values()[rnd.nextInt(Alternative.values().length)];
            double[] xs = x.clone();
            double[] ys = y.clone();
            java.util.Arrays.sort(xs);
            java.util.Arrays.sort(ys);
            ExceedanceTestResult sorted = ExceedanceTest.testSorted(xs, ys, ranks, alt);
            ExceedanceTestResult any = ExceedanceTest.test(x, y, ranks, alt);
            int r = round;
            assertEquals(sorted, any, () -> "round " + r + ": " + java.util.Arrays.toString(x) + " / "
                    + java.util.Arrays.toString(y) + " ranks " + ranks + " " + alt);
        }
    }
}
