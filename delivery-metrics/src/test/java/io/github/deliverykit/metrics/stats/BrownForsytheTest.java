package io.github.deliverykit.metrics.stats;

import static io.github.deliverykit.metrics.stats.MannWhitneyTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

final class BrownForsytheTest {

    /** The reference: Commons Math's one-way ANOVA on the absolute deviations from each median. */
    private static double[] deviations(double[] a) {
        double m = new Median().evaluate(a);
        return Arrays.stream(a).map(v -> Math.abs(v - m)).toArray();
    }

    private static double[] sample(SplittableRandom rnd, int n, double scale, boolean skewed) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            a[i] = skewed ? scale * Math.exp(2 * (u - 0.5)) * 100 : scale * (rnd.nextDouble() + u - 1);
            if (rnd.nextInt(10) == 0) {
                a[i] = Math.round(a[i]); // some ties
            }
        }
        return a;
    }

    @Test
    void twoSided_equalsCommonsMathAnovaOnDeviations() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 300; round++) {
            int n1 = 2 + rnd.nextInt(round < 150 ? 30 : 3000);
            int n2 = 2 + rnd.nextInt(round < 150 ? 30 : 3000);
            double[] x = sample(rnd, n1, 1 + rnd.nextDouble() * (round % 3 == 0 ? 3 : 0.2), round % 2 == 0);
            double[] y = sample(rnd, n2, 1, round % 2 == 0);
            double expected = new OneWayAnova().anovaPValue(List.of(deviations(x), deviations(y)));
            double expectedF = new OneWayAnova().anovaFValue(List.of(deviations(x), deviations(y)));
            SpreadTestResult r = BrownForsythe.test(x, y);
            int rr = round;
            assertEquals(expected, r.pValue(), 1e-9, () -> "round " + rr);
            assertEquals(expectedF, r.f(), 1e-9 * Math.max(1, expectedF), () -> "round " + rr);
            double[] xs = x.clone();
            double[] ys = y.clone();
            Arrays.sort(xs);
            Arrays.sort(ys);
            SpreadTestResult sorted = BrownForsythe.testSorted(xs, ys, Alternative.TWO_SIDED);
            assertEquals(r.pValue(), sorted.pValue(), 1e-12);
            assertEquals(r.f(), sorted.f(), 1e-9 * Math.max(1, r.f()));
            assertEquals(r.spread1(), sorted.spread1(), 1e-9 * r.spread1());
        }
    }

    @Test
    void oneSided_equalsCommonsMathPooledTTestOnDeviations() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int n1 = 2 + rnd.nextInt(200);
            int n2 = 2 + rnd.nextInt(200);
            double[] x = sample(rnd, n1, 0.5 + rnd.nextDouble(), round % 2 == 0);
            double[] y = sample(rnd, n2, 1, round % 2 == 0);
            double t = new TTest().homoscedasticT(deviations(x), deviations(y));
            TDistribution dist = new TDistribution(null, n1 + n2 - 2.0);
            int rr = round;
            assertEquals(1 - dist.cumulativeProbability(t), BrownForsythe.test(x, y, Alternative.GREATER).pValue(), 1e-9,
                    () -> "round " + rr);
            assertEquals(dist.cumulativeProbability(t), BrownForsythe.test(x, y, Alternative.LESS).pValue(), 1e-9,
                    () -> "round " + rr);
            assertEquals(new TTest().homoscedasticTTest(deviations(x), deviations(y)), BrownForsythe.test(x, y).pValue(),
                    1e-9, () -> "round " + rr);
        }
    }

    @Test
    void workedExample_byHand() {
        // medians 2 and 20; deviations {1, 0, 1} and {10, 0, 10}: means 2/3 and 20/3, within SS 2/3 + 200/3,
        // between 3 (2/3 - 11/3)^2 + 3 (20/3 - 11/3)^2 = 54, F = 54 / ((202/3) / 4) = 648 / 202
        SpreadTestResult r = BrownForsythe.test(new double[] {1, 2, 3}, new double[] {10, 20, 30});
        assertEquals(648.0 / 202, r.f(), 1e-12);
        assertEquals(2.0 / 3, r.spread1(), 1e-15);
        assertEquals(20.0 / 3, r.spread2(), 1e-15);
        assertEquals(0.1, r.spreadRatio(), 1e-15);
        assertEquals(3, r.n1());
        assertEquals(Alternative.TWO_SIDED, r.alternative());
        double less = BrownForsythe.test(new double[] {1, 2, 3}, new double[] {10, 20, 30}, Alternative.LESS).pValue();
        double greater = BrownForsythe.test(new double[] {1, 2, 3}, new double[] {10, 20, 30}, Alternative.GREATER).pValue();
        assertEquals(r.pValue() / 2, less, 1e-15);
        assertEquals(1 - r.pValue() / 2, greater, 1e-15);
        assertTrue(r.pValue() > 0.1 && r.pValue() < 0.2, () -> "p " + r.pValue());
    }

    @Test
    void degenerate_noSpreadWithin() {
        // both constant: no evidence
        SpreadTestResult same = BrownForsythe.test(new double[] {5, 5}, new double[] {7, 7, 7});
        assertEquals(0, same.f());
        assertEquals(1, same.pValue());
        assertTrue(Double.isNaN(same.spreadRatio()));
        // deviations constant within each sample, different between them: certainly different
        SpreadTestResult apart = BrownForsythe.test(new double[] {0, 10}, new double[] {4, 6});
        assertEquals(Double.POSITIVE_INFINITY, apart.f());
        assertEquals(0, apart.pValue());
        assertEquals(0, BrownForsythe.test(new double[] {0, 10}, new double[] {4, 6}, Alternative.GREATER).pValue());
        assertEquals(1, BrownForsythe.test(new double[] {0, 10}, new double[] {4, 6}, Alternative.LESS).pValue());
        assertEquals(Double.POSITIVE_INFINITY, BrownForsythe.test(new double[] {1, 2}, new double[] {3, 3}).spreadRatio());
    }

    @Test
    void badInput_namesTheField() {
        assertMessage("x", () -> BrownForsythe.test(new double[] {1}, new double[] {1, 2}));
        assertMessage("y", () -> BrownForsythe.test(new double[] {1, 2}, null));
        assertMessage("x[1]", () -> BrownForsythe.test(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertMessage("alternative", () -> BrownForsythe.test(new double[] {1, 2}, new double[] {1, 2}, null));
        assertMessage("xSorted", () -> BrownForsythe.testSorted(new double[] {2, 1}, new double[] {1, 2}, Alternative.GREATER));
        assertMessage("ySorted", () -> BrownForsythe.testSorted(new double[] {1, 2}, new double[] {2, 1}, Alternative.GREATER));
        assertMessage("xSorted", () -> BrownForsythe.testSorted(new double[] {1}, new double[] {1, 2}, Alternative.GREATER));
        assertMessage("ySorted[1]", () -> BrownForsythe.testSorted(new double[] {1, 2}, new double[] {1, Double.NaN},
                Alternative.GREATER));
        assertMessage("alternative", () -> BrownForsythe.testSorted(new double[] {1, 2}, new double[] {1, 2}, null));
        assertMessage("x, y", () -> BrownForsythe.test(new double[] {-1e300, 1e300, 0}, new double[] {1, 2}));
        assertMessage("n1", () -> new SpreadTestResult(1, 2, 0, 1, Alternative.GREATER, 0, 0));
        assertMessage("f", () -> new SpreadTestResult(2, 2, Double.NaN, 1, Alternative.GREATER, 0, 0));
    }

    @Test
    void betaMath_knownValues() {
        // I_0.5(a, a) = 0.5; I_x(1, 1) = x; I_x(a, 1) = x^a
        assertEquals(0.5, BetaMath.regularizedBeta(0.5, 3.5, 3.5), 1e-14);
        assertEquals(0.3, BetaMath.regularizedBeta(0.3, 1, 1), 1e-14);
        assertEquals(Math.pow(0.7, 4), BetaMath.regularizedBeta(0.7, 4, 1), 1e-14);
        assertEquals(0, BetaMath.regularizedBeta(0, 2, 2));
        assertEquals(1, BetaMath.regularizedBeta(1, 2, 2));
        assertEquals(Math.log(6), BetaMath.logGamma(4), 1e-13);
        assertEquals(Math.log(Math.sqrt(Math.PI)), BetaMath.logGamma(0.5), 1e-14);
        assertEquals(Math.log(Math.PI / Math.sin(Math.PI * 0.25)) - BetaMath.logGamma(0.75), BetaMath.logGamma(0.25), 1e-14);
        assertEquals(1, BetaMath.fUpperTail(0, 1, 5));
        assertEquals(0, BetaMath.fUpperTail(Double.POSITIVE_INFINITY, 1, 5));
    }
}
