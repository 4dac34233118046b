package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.github.deliverykit.metrics.stats.MannWhitney.PValueMethod;

final class MannWhitneyTest {

    private static final double TOL = 1e-9;

    @Test
    void u_countsPairsAndHalfTies() {
        assertEquals(0.0, MannWhitney.u(new double[] {1, 2, 3}, new double[] {4, 5}));
        assertEquals(6.0, MannWhitney.u(new double[] {4, 5}, new double[] {1, 2, 3}));
        assertEquals(0.5, MannWhitney.u(new double[] {1, 2}, new double[] {2, 3}));
        assertEquals(2.0, MannWhitney.u(new double[] {7, 7}, new double[] {7, 7}));
    }

    @Test
    void test_reportsSizesTiesAndStatistics() {
        RankTestResult r = MannWhitney.test(new double[] {1, 2, 2, 9}, new double[] {2, 3, 4},
                MannWhitney.Options.COMMONS_MATH_3);
        assertEquals(4, r.n1());
        assertEquals(3, r.n2());
        // pairs x > y: 9 beats 3 -> 3; x=2 vs y=2 ties twice -> 1; total 4
        assertEquals(4.0, r.u());
        assertEquals(8.0, r.u2());
        assertEquals(8.0, r.uMax());
        assertEquals(4.0, r.uMin());
        assertEquals(4.0 / 12, r.commonLanguageEffectSize(), 1e-15);
        // one tied group of three 2s: 27 - 3
        assertEquals(24.0, r.tieSum());
        assertTrue(r.hasTies());
        assertEquals(PValueMethod.ASYMPTOTIC, r.method());
        assertEquals(Alternative.TWO_SIDED, r.alternative());
    }

    @ParameterizedTest
    @CsvSource({"1,5,5,false", "2,20,30,false", "3,1000,1000,false", "4,999,1003,false", "5,5,5,true",
        "6,40,25,true", "7,1000,1000,true", "8,1,7,true", "9,3000,200,true"})
    void uAndPValue_equalCommonsMath3(long seed, int n1, int n2, boolean ties) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int round = 0; round < 5; round++) {
            double[] x = sample(rnd, n1, ties, 0);
            double[] y = sample(rnd, n2, ties, round * 0.1);
            MannWhitneyUTest cm = new MannWhitneyUTest();
            RankTestResult ours = MannWhitney.test(x, y, MannWhitney.Options.COMMONS_MATH_3);
            assertEquals(cm.mannWhitneyU(x, y), ours.uMax(), TOL, "U");
            assertEquals(cm.mannWhitneyUTest(x, y), ours.pValue(), TOL, "p");
            assertEquals(ties, ours.hasTies());
        }
    }

    @ParameterizedTest
    @CsvSource({"11,5,7,false", "12,30,45,false", "13,49,49,false", "14,60,80,false", "15,12,9,true",
        "16,500,700,true", "17,2,2,false"})
    void defaults_equalCommonsStatistics(long seed, int n1, int n2, boolean ties) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (Alternative alt : Alternative.values()) {
            double[] x = sample(rnd, n1, ties, 0.3);
            double[] y = sample(rnd, n2, ties, 0);
            RankTestResult ours = MannWhitney.test(x, y, MannWhitney.Options.DEFAULT.withAlternative(alt));
            org.apache.commons.statistics.inference.MannWhitneyUTest.Result cs =
                    org.apache.commons.statistics.inference.MannWhitneyUTest.withDefaults()
                            .with(hypothesis(alt)).with(ContinuityCorrection.ENABLED).test(x, y);
            assertEquals(cs.getStatistic(), ours.u(), TOL, "U");
            assertEquals(cs.getPValue(), ours.pValue(), TOL, "p " + alt);
            boolean exactExpected = !ties && n1 < 50 && n2 < 50;
            assertEquals(exactExpected ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC, ours.method());
        }
    }

    @Test
    void asymptoticWithoutContinuity_equalsCommonsStatistics() {
        SplittableRandom rnd = new SplittableRandom(21);
        double[] x = sample(rnd, 80, true, 0.2);
        double[] y = sample(rnd, 60, true, 0);
        MannWhitney.Options o = new MannWhitney.Options(Alternative.GREATER, PValueMethod.ASYMPTOTIC, false, true);
        RankTestResult ours = MannWhitney.test(x, y, o);
        double cs = org.apache.commons.statistics.inference.MannWhitneyUTest.withDefaults()
                .with(AlternativeHypothesis.GREATER_THAN)
                .with(org.apache.commons.statistics.inference.PValueMethod.ASYMPTOTIC)
                .with(ContinuityCorrection.DISABLED).test(x, y).getPValue();
        assertEquals(cs, ours.pValue(), TOL);
    }

    @Test
    void exactMethod_fallsBackWithTiesOrTooLarge() {
        double[] tied = {1, 2, 2, 3};
        RankTestResult r = MannWhitney.test(tied, new double[] {2, 5},
                MannWhitney.Options.DEFAULT.withMethod(PValueMethod.EXACT));
        assertEquals(PValueMethod.ASYMPTOTIC, r.method());
        SplittableRandom rnd = new SplittableRandom(3);
        RankTestResult big = MannWhitney.test(sample(rnd, 300, false, 0), sample(rnd, 300, false, 0),
                MannWhitney.Options.DEFAULT.withMethod(PValueMethod.EXACT));
        assertEquals(PValueMethod.ASYMPTOTIC, big.method());
        RankTestResult mid = MannWhitney.test(sample(rnd, 60, false, 0), sample(rnd, 70, false, 0),
                MannWhitney.Options.DEFAULT.withMethod(PValueMethod.EXACT));
        assertEquals(PValueMethod.EXACT, mid.method());
    }

    @Test
    void exactCdf_smallCaseByHand() {
        // n1 = n2 = 2: U takes 0,1,2,2,3,4 over the 6 arrangements
        double[] cdf = MannWhitney.exactCdf(2, 2);
        assertEquals(5, cdf.length);
        double[] expected = {1 / 6.0, 2 / 6.0, 4 / 6.0, 5 / 6.0, 1};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], cdf[i], 1e-15);
        }
        double[] c = MannWhitney.exactCdf(3, 7);
        assertEquals(22, c.length);
        assertEquals(1 / 120.0, c[0], 1e-15);
        assertEquals(1.0, c[21], 1e-15);
        for (int u = 0; u < 21; u++) {
            // symmetry: P(U <= u) = P(U >= 21 - u) = 1 - P(U <= 20 - u)
            assertEquals(c[u], 1 - c[20 - u], 1e-12);
        }
    }

    @Test
    void autoMethod_exactBelowFiftyOnly() {
        SplittableRandom rnd = new SplittableRandom(31);
        double[] small = sample(rnd, 10, false, 0);
        assertEquals(PValueMethod.EXACT, MannWhitney.test(sample(rnd, 49, false, 0), small).method());
        assertEquals(PValueMethod.ASYMPTOTIC, MannWhitney.test(sample(rnd, 50, false, 0), small).method());
        assertEquals(PValueMethod.ASYMPTOTIC, MannWhitney.test(small, sample(rnd, 50, false, 0)).method());
        assertTrue(MannWhitney.shift(sample(rnd, 49, false, 0), small, 0.9).exact());
        assertFalse(MannWhitney.shift(sample(rnd, 50, false, 0), small, 0.9).exact());
        // the exact distribution up to EXACT_WORK_LIMIT additions: 150 x 150 costs 1.3e8
        RankTestResult big = MannWhitney.test(sample(rnd, 150, false, 0.1), sample(rnd, 150, false, 0),
                MannWhitney.Options.DEFAULT.withMethod(PValueMethod.EXACT));
        assertEquals(PValueMethod.EXACT, big.method());
    }

    @Test
    void shiftEstimate_significanceIsStrict() {
        assertFalse(new ShiftEstimate(1, 0, 2, 0.9, false).significantlyAbove());
        assertTrue(new ShiftEstimate(1, 0.5, 2, 0.9, false).significantlyAbove());
        assertFalse(new ShiftEstimate(-1, -2, 0, 0.9, false).significantlyBelow());
        assertTrue(new ShiftEstimate(-1, -2, -0.5, 0.9, false).significantlyBelow());
        assertFalse(new ShiftEstimate(-1, -2, -0.5, 0.9, false).significantlyAbove());
    }

    @Test
    void allTied_givesPValueOne() {
        RankTestResult r = MannWhitney.test(new double[] {4, 4, 4}, new double[] {4, 4});
        assertEquals(1.0, r.pValue());
        assertEquals(0.0, r.z());
        assertEquals(3.0, r.u());
    }

    @Test
    void shift_medianOfPairwiseDifferences() {
        ShiftEstimate s = MannWhitney.shift(new double[] {1, 2, 3}, new double[] {0}, 0.9);
        assertEquals(2.0, s.estimate());
        ShiftEstimate even = MannWhitney.shift(new double[] {1, 2, 3, 10}, new double[] {0}, 0.9);
        assertEquals(2.5, even.estimate());
        assertTrue(even.lower() <= 2.5 && even.upper() >= 2.5);
        assertEquals(0.9, even.confidence());
    }

    @Test
    void shift_exactIntervalUsesOrderStatisticsOfTheNullDistribution() {
        double[] x = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        ShiftEstimate s = MannWhitney.shift(x, y, 0.95);
        assertTrue(s.exact());
        assertEquals(10.0, s.estimate());
        // qwilcox(0.025, 10, 10) = 24: the 24th and 77th smallest of the differences 1..19
        double[] diffs = bruteDifferences(x, y);
        assertEquals(diffs[23], s.lower());
        assertEquals(diffs[76], s.upper());
        assertTrue(s.significantlyAbove());
        assertFalse(s.significantlyBelow());
    }

    @Test
    void shift_asymptoticIntervalWithTies() {
        SplittableRandom rnd = new SplittableRandom(8);
        double[] x = sample(rnd, 200, true, 0);
        double[] y = sample(rnd, 150, true, 0);
        ShiftEstimate s = MannWhitney.shift(x, y, 0.98);
        assertFalse(s.exact());
        double[] diffs = bruteDifferences(x, y);
        double[] tie = new double[1];
        double[] xs = x.clone();
        double[] ys = y.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        MannWhitney.twiceU(xs, ys, tie);
        double n = 350;
        double sigma = Math.sqrt(200.0 * 150 / 12 * ((n + 1) - tie[0] / (n * (n - 1))));
        long k = (long) Math.floor(15000 - new NormalDistribution().inverseCumulativeProbability(0.99) * sigma);
        assertEquals(diffs[(int) k - 1], s.lower());
        assertEquals(diffs[(int) (30000 - k)], s.upper());
        assertEquals((diffs[14999] + diffs[15000]) / 2, s.estimate());
    }

    @Test
    void kthDifference_matchesBruteForce() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 30; round++) {
            double[] x = sample(rnd, 1 + rnd.nextInt(12), round % 2 == 0, -0.5);
            double[] y = sample(rnd, 1 + rnd.nextInt(12), round % 3 == 0, 0);
            double[] diffs = bruteDifferences(x, y);
            Arrays.sort(x);
            Arrays.sort(y);
            for (int k = 1; k <= diffs.length; k++) {
                assertEquals(diffs[k - 1], MannWhitney.kthDifference(x, y, k), "k=" + k);
            }
        }
        // zero differences are +0.0, never -0.0
        assertEquals(Double.POSITIVE_INFINITY, 1 / MannWhitney.kthDifference(new double[] {-0.0}, new double[] {0.0}, 1));
    }

    @Test
    void normalQuantile_matchesCommonsMath() {
        NormalDistribution n = new NormalDistribution();
        // in the far tail Commons Math's erfInv is the less accurate one: check the round trip instead
        for (double p : new double[] {1e-300, 1e-12, 1 - 1e-12}) {
            assertEquals(p, RankMath.normalCdf(RankMath.normalQuantile(p)), p * 1e-12 + 1e-15, "p=" + p);
        }
        for (double p : new double[] {1e-6, 0.001, 0.01, 0.02425, 0.1, 0.5, 0.9, 0.975, 0.99, 0.999999}) {
            assertEquals(n.inverseCumulativeProbability(p), RankMath.normalQuantile(p), 1e-9, "p=" + p);
        }
        for (double z : new double[] {-45, -39, -8, -3, -1, -0.5, 0, 0.3, 1.2, 2.5, 7, 41}) {
            assertEquals(n.cumulativeProbability(z), RankMath.normalCdf(z), 1e-15, "z=" + z);
        }
        assertEquals(2.0, RankMath.erfc(-50));
        assertEquals(0.0, RankMath.erfc(50));
    }

    @Test
    void badInput_isRejectedWithTheField() {
        double[] ok = {1, 2};
        assertMessage("x must not be null", () -> MannWhitney.test(null, ok));
        assertMessage("y.length must be at least 1", () -> MannWhitney.test(ok, new double[0]));
        assertMessage("x[1] must be a finite number, but was NaN", () -> MannWhitney.test(new double[] {1, Double.NaN}, ok));
        assertMessage("y[0] must be a finite number", () -> MannWhitney.u(ok, new double[] {Double.POSITIVE_INFINITY}));
        assertMessage("options must not be null", () -> MannWhitney.test(ok, ok, null));
        assertMessage("xSorted[1] must not be less than the previous value",
                () -> MannWhitney.testSorted(new double[] {2, 1}, ok, MannWhitney.Options.DEFAULT));
        assertMessage("ySorted[1] must not be less than the previous value",
                () -> MannWhitney.testSorted(ok, new double[] {3, 1}, MannWhitney.Options.DEFAULT));
        assertMessage("xSorted[1] must not be less than the previous value",
                () -> MannWhitney.shiftSorted(new double[] {3, 1}, ok, 0.5));
        assertMessage("ySorted.length must be at least 1",
                () -> MannWhitney.shiftSorted(ok, new double[0], 0.9));
        assertMessage("confidence must be between 0 and 1", () -> MannWhitney.shift(ok, ok, 1.0));
        assertMessage("confidence must be between 0 and 1", () -> MannWhitney.shift(ok, ok, Double.NaN));
        assertMessage("confidence must be between 0 and 1", () -> MannWhitney.shiftSorted(ok, ok, 0));
        assertMessage("alternative must not be null", () -> new MannWhitney.Options(null, PValueMethod.AUTO, true, true));
        assertMessage("method must not be null", () -> new MannWhitney.Options(Alternative.LESS, null, true, true));
        assertMessage("method must be the method used",
                () -> new RankTestResult(1, 1, 0, 0, 1, Alternative.LESS, PValueMethod.AUTO, 0));
        assertMessage("u must be between", () -> new RankTestResult(1, 1, 2, 0, 1, Alternative.LESS, PValueMethod.EXACT, 0));
        assertMessage("z must not be infinite", () -> new RankTestResult(1, 1, 1, Double.NEGATIVE_INFINITY, 1,
                Alternative.LESS, PValueMethod.EXACT, 0));
        assertMessage("lower <= estimate <= upper", () -> new ShiftEstimate(1, 2, 3, 0.5, true));
        assertMessage("lower <= estimate <= upper", () -> new ShiftEstimate(4, 2, 3, 0.5, true));
        assertMessage("confidence must be between", () -> new ShiftEstimate(1, 1, 1, 1, true));
    }

    @Test
    void sortedVariants_agreeWithCopyingVariants() {
        SplittableRandom rnd = new SplittableRandom(99);
        double[] x = sample(rnd, 40, true, 0.1);
        double[] y = sample(rnd, 35, true, 0);
        double[] xs = x.clone();
        double[] ys = y.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        assertEquals(MannWhitney.test(x, y), MannWhitney.testSorted(xs, ys, MannWhitney.Options.DEFAULT));
        assertEquals(MannWhitney.shift(x, y, 0.98), MannWhitney.shiftSorted(xs, ys, 0.98));
        assertEquals(MannWhitney.DEFAULT_CONFIDENCE, 0.98);
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }

    static double[] sample(SplittableRandom rnd, int n, boolean ties, double shift) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = ties ? Math.floor(rnd.nextDouble() * 10) + shift * 10 : rnd.nextGaussian() + shift;
        }
        return a;
    }

    static double[] bruteDifferences(double[] x, double[] y) {
        double[] d = new double[x.length * y.length];
        int k = 0;
        for (double a : x) {
            for (double b : y) {
                d[k++] = a - b;
            }
        }
        Arrays.sort(d);
        return d;
    }

    private static AlternativeHypothesis hypothesis(Alternative alt) {
        return switch (alt) {
            case TWO_SIDED -> AlternativeHypothesis.TWO_SIDED;
            case GREATER -> AlternativeHypothesis.GREATER_THAN;
            case LESS -> AlternativeHypothesis.LESS_THAN;
        };
    }
}
