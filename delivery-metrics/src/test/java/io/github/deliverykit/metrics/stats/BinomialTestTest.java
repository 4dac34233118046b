package io.github.deliverykit.metrics.stats;

import static io.github.deliverykit.metrics.stats.MannWhitneyTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.apache.commons.numbers.gamma.Erfcx;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.junit.jupiter.api.Test;

final class BinomialTestTest {

    private static AlternativeHypothesis hypothesis(Alternative a) {
        return switch (a) {
            case TWO_SIDED -> AlternativeHypothesis.TWO_SIDED;
            case GREATER -> AlternativeHypothesis.GREATER_THAN;
            case LESS -> AlternativeHypothesis.LESS_THAN;
        };
    }

    private static double commons(int k, int n, double p, Alternative a) {
        return org.apache.commons.statistics.inference.BinomialTest.withDefaults().with(hypothesis(a)).test(n, k, p)
                .getPValue();
    }

    @Test
    void pValues_equalCommonsStatistics() {
        SplittableRandom rnd = new SplittableRandom(19);
        for (int round = 0; round < 3000; round++) {
            int n = 1 + rnd.nextInt(round < 1000 ? 60 : round < 2000 ? 2000 : 200_000);
            double p = round % 3 == 0 ? rnd.nextDouble() : rnd.nextDouble() * 0.05;
            // counts near the mean and in the tails
            int k = round % 2 == 0 ? rnd.nextInt(n + 1)
                    : (int) Math.min(n, Math.max(0, Math.round(n * p + (rnd.nextDouble() - 0.5) * 8 * Math.sqrt(n * p + 1))));
            for (Alternative alt : Alternative.values()) {
                double expected = commons(k, n, p, alt);
                double actual = BinomialTest.test(k, n, p, alt).pValue();
                int kk = k;
                assertEquals(expected, actual, 1e-9, () -> kk + "/" + n + " p=" + p + " " + alt);
                if (expected > 1e-300 && expected < 0.5) {
                    assertEquals(1, actual / expected, 1e-9, () -> "relative " + kk + "/" + n + " p=" + p + " " + alt);
                }
            }
            assertEquals(commons(k, n, p, Alternative.GREATER), BinomialTest.pValueGreater(k, n, p), 1e-9);
        }
    }

    private static void assertAgrees(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9, what);
        if (expected > 1e-300 && expected < 0.5) {
            assertEquals(1, actual / expected, 1e-9, () -> "relative " + what);
        }
    }

    @Test
    void pValues_equalCommonsStatistics_upToAMillionTrials() {
        // every route for many trials: the asymptotic expansion, the division-free sum of few counts
        // (p near 0 or 1), the ratio-recurrence sum, and the mirror search of the two-sided test
        SplittableRandom rnd = new SplittableRandom(23);
        for (int round = 0; round < 1500; round++) {
            int n = 1024 + rnd.nextInt(round < 500 ? 20_000 : 1_000_000);
            double p = switch (round % 4) {
                case 0 -> rnd.nextDouble();
                case 1 -> Math.pow(10, -1 - 5 * rnd.nextDouble());
                case 2 -> 1 - Math.pow(10, -1 - 5 * rnd.nextDouble());
                default -> rnd.nextDouble() * 0.05;
            };
            double sd = Math.sqrt(n * p * (1 - p));
            int k = (int) Math.min(n, Math.max(0, Math.round(n * p + (rnd.nextDouble() * 2 - 1) * 10 * Math.max(1, sd))));
            for (Alternative alt : Alternative.values()) {
                assertAgrees(commons(k, n, p, alt), BinomialTest.test(k, n, p, alt).pValue(), k + "/" + n + " p=" + p + " " + alt);
            }
        }
    }

    @Test
    void tails_agreeTightly_whereWellConditioned() {
        // below 10^4 trials the tails are well conditioned: every route (table sums, few counts,
        // expansion, mirror search) agrees with Commons far inside the 1e-9 of the goal
        SplittableRandom rnd = new SplittableRandom(41);
        for (int round = 0; round < 1500; round++) {
            int n = round % 3 == 0 ? 1 + rnd.nextInt(1023) : 1024 + rnd.nextInt(9000);
            double p = round % 2 == 0 ? rnd.nextDouble() * 0.08 : rnd.nextDouble();
            double sd = Math.sqrt(n * p * (1 - p));
            int k = (int) Math.min(n, Math.max(0, Math.round(n * p + (rnd.nextDouble() * 2 - 1) * 7 * Math.max(1, sd))));
            for (Alternative alt : Alternative.values()) {
                double expected = commons(k, n, p, alt);
                double actual = BinomialTest.test(k, n, p, alt).pValue();
                String what = k + "/" + n + " p=" + p + " " + alt;
                assertEquals(expected, actual, 1e-12, what);
                if (expected > 1e-300 && expected < 0.5) {
                    assertEquals(1, actual / expected, 1e-11, () -> "relative " + what);
                }
            }
        }
    }

    @Test
    void pValues_edgeCases_equalCommonsStatistics() {
        int[] sizes = {1, 2, 49, 1023, 1024, 1025, 100_000, 1_000_000, Integer.MAX_VALUE};
        double[] rates = {1e-300, 1e-12, 1e-6, 0.3, 0.5, 1 - 1e-6, 1 - 1e-12, Math.nextDown(1.0)};
        for (int n : sizes) {
            for (double p : rates) {
                long mean = Math.round(n * p);
                for (long k : new long[] {0, 1, mean - 1, mean, mean + 1, n - 1, n}) {
                    if (k < 0 || k > n) {
                        continue;
                    }
                    for (Alternative alt : Alternative.values()) {
                        if (n == Integer.MAX_VALUE && (alt == Alternative.TWO_SIDED || k != 0 && k != n)) {
                            continue; // Commons' two-sided search and central tails at 2^31 trials: checked below without it
                        }
                        if (p == 0.5 && alt == Alternative.TWO_SIDED) {
                            continue; // exact ties, where Commons can drop the mirror: twoSided_exactTies_countTheMirror
                        }
                        assertAgrees(commons((int) k, n, p, alt), BinomialTest.test(k, n, p, alt).pValue(),
                                k + "/" + n + " p=" + p + " " + alt);
                    }
                }
            }
        }
        // 2^31 - 1 trials: a valid p-value, tails that add up
        long n = BinomialTest.MAX_TRIALS;
        for (double p : rates) {
            long k = Math.round(n * p);
            double greater = BinomialTest.pValueGreater(k, n, p);
            double less = BinomialTest.test(k, n, p, Alternative.LESS).pValue();
            assertEquals(1 + BinomialTest.probability(k, n, p), greater + less, 1e-9, () -> "p=" + p);
            double two = BinomialTest.test(k, n, p, Alternative.TWO_SIDED).pValue();
            assertTrue(two >= 0 && two <= 1);
        }
    }

    @Test
    void twoSided_exactTies_countTheMirror() {
        // p = 1/2: P(X = k) = P(X = n - k) exactly, and the mirror count belongs to the p-value
        // (R's binom.test: relative tolerance 1e-7). Commons Statistics compares rounded log
        // probabilities and drops the tied mirror in about 2 % of such cases (2 of 3 at 1/2 gives 0.625,
        // not 1), so the reference here is the exact 2 P(X <= min(k, n - k)).
        for (int n : new int[] {3, 4, 13, 50, 1023, 1024, 1500, 100_000, 1_000_000}) {
            BinomialDistribution d = BinomialDistribution.of(n, 0.5);
            for (int k : new int[] {0, 1, 2, n / 3, n / 2 - 1, n / 2 + 1, n - 1, n}) {
                if (k < 0 || k > n || 2 * k == n) {
                    continue;
                }
                double exact = Math.min(1, 2 * d.cumulativeProbability(Math.min(k, n - k)));
                assertAgrees(exact, BinomialTest.test(k, n, 0.5, Alternative.TWO_SIDED).pValue(), k + "/" + n);
            }
        }
        assertEquals(1.0, BinomialTest.test(2, 3, 0.5, Alternative.TWO_SIDED).pValue(), 1e-15);
    }

    @Test
    void badInput_neverEscapesAsAnythingButIllegalArgument() {
        double[] rates = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.1, 1.1};
        for (double p : rates) {
            assertThrows(IllegalArgumentException.class, () -> BinomialTest.test(1, 10, p, Alternative.TWO_SIDED));
            assertThrows(IllegalArgumentException.class, () -> BinomialTest.pValueGreater(1, 10, p));
            assertThrows(IllegalArgumentException.class, () -> BinomialTest.probability(1, 10, p));
            assertThrows(IllegalArgumentException.class, () -> BinomialTest.upperBound(1, 10, p));
            assertThrows(IllegalArgumentException.class, () -> BinomialTest.lowerBound(1, 10, p));
        }
        for (long[] c : new long[][] {{-1, 10}, {11, 10}, {0, -1}, {0, Long.MAX_VALUE}, {0, BinomialTest.MAX_TRIALS + 1},
                {Long.MIN_VALUE, 10}}) {
            assertThrows(IllegalArgumentException.class, () -> BinomialTest.test(c[0], c[1], 0.5, Alternative.LESS));
            assertThrows(IllegalArgumentException.class, () -> BinomialTest.upperBound(c[0], c[1], 0.9));
        }
        // the largest domain answers without overflow
        long n = BinomialTest.MAX_TRIALS;
        double upper = BinomialTest.upperBound(n / 2, n, 0.98);
        double lower = BinomialTest.lowerBound(n / 2, n, 0.98);
        assertTrue(lower < 0.5 && 0.5 < upper && upper - lower < 1e-3, () -> lower + " " + upper);
    }

    @Test
    void erfcx_equalsCommonsNumbers() {
        for (double t = 0; t < 7.9; t += 0.0173) {
            double expected = Erfcx.value(t);
            assertEquals(1, BetaMath.erfcxDirect(t) / expected, 1e-13, "table value at " + t);
            assertEquals(1, BetaMath.erfcx(t) / expected, 1e-13, "Taylor step at " + t);
        }
        assertEquals(1, BetaMath.erfcxDirect(0), 1e-16);
        assertEquals(1, BetaMath.erfcx(0), 1e-16);
    }

    @Test
    void asymptoticExpansion_equalsCommonsRegularizedBeta() {
        SplittableRandom rnd = new SplittableRandom(31);
        int used = 0;
        for (int round = 0; round < 2000; round++) {
            int n = 1024 + rnd.nextInt(20_000);
            double p = round % 2 == 0 ? rnd.nextDouble() : rnd.nextDouble() * 0.1;
            double q = 1 - p;
            double sd = Math.sqrt(n * p * q);
            long k = Math.round(n * p + (rnd.nextDouble() * 2 - 1) * 8 * sd);
            long b = n - k + 1;
            if (k < 1 || k > n) {
                continue;
            }
            double f = BinomialTest.bd0(k, (n + 1.0) * p) + BinomialTest.bd0(b, (n + 1.0) * q);
            double corr = BinomialTest.stirlerr(k) + BinomialTest.stirlerr(b) - BinomialTest.stirlerr(n + 1);
            boolean upperIsSmaller = k - (n + 1.0) * p >= 0;
            double aa = upperIsSmaller ? k : b;
            double bb = upperIsSmaller ? b : k;
            double x = upperIsSmaller ? p : q;
            double ours = BetaMath.asymptoticSmallTail(aa, bb, f, corr);
            if (Math.min(k, b) < BetaMath.ASYMPTOTIC_MIN || f > 62) {
                assertTrue(Double.isNaN(ours), () -> "outside the expansion's domain: " + k + "/" + n);
                continue;
            }
            double expected = RegularizedBeta.value(x, aa, bb);
            long kk = k;
            assertEquals(1, ours / expected, 1e-10, () -> kk + "/" + n + " p=" + p);
            used++;
        }
        assertTrue(used > 1000, "cases in the expansion's domain: " + used);
        assertTrue(Double.isNaN(BetaMath.asymptoticSmallTail(100, 200, -1, 0)));
        assertTrue(Double.isNaN(BetaMath.asymptoticSmallTail(99, 2000, 1, 0)));
        assertTrue(Double.isNaN(BetaMath.asymptoticSmallTail(2000, 99, 1, 0)));
        assertTrue(Double.isNaN(BetaMath.asymptoticSmallTail(2000, 3000, 63, 0)));
    }

    @Test
    void asymptoticCoefficients_equalTomsRecursion() {
        // the polynomials in h against TOMS 708's recursion in r0, r1 and h, run in doubles, on both sides of
        // a = b; the recursion's own rounding grows with n (about 4e-16 at d_8, 3e-15 at d_20, where d_20 w0^21
        // is below 1e-21 of the sum)
        SplittableRandom rnd = new SplittableRandom(47);
        for (int round = 0; round < 2000; round++) {
            double a = 100 + rnd.nextDouble() * (round % 2 == 0 ? 1e3 : 1e7);
            double b = round % 5 == 0 ? a : 100 + rnd.nextDouble() * (round % 3 == 0 ? 1e3 : 1e7);
            double[] expected = tomsCoefficients(a, b);
            double h = Math.min(a, b) / Math.max(a, b);
            for (int n = 0; n < expected.length; n++) {
                double sign = a < b || n % 2 == 1 ? 1 : -1;
                double error = Math.abs(sign * BetaMath.coefficient(n, h) - expected[n]);
                int nn = n;
                assertTrue(error <= (n <= 12 ? 1e-15 : 5e-15), () -> "d_" + nn + " at a=" + a + " b=" + b + ": " + error);
            }
        }
        assertEquals(1 / 3.0, BetaMath.coefficient(0, 0), 1e-16);
        assertEquals(0.25, BetaMath.coefficient(1, 1), 1e-16);
        assertEquals(0, BetaMath.coefficient(20, 1), 1e-25);
    }

    /** d_0 .. d_20 of TOMS 708 BASYM by its recursion (a0, b0, c from h, r0 and r1). */
    private static double[] tomsCoefficients(double a, double b) {
        double h = a < b ? a / b : b / a;
        double r1 = a < b ? (b - a) / b : (b - a) / a;
        double r0 = 1 / (h + 1);
        int terms = 20;
        double[] a0 = new double[terms + 1];
        double[] b0 = new double[terms + 1];
        double[] c = new double[terms + 1];
        double[] d = new double[terms + 1];
        a0[0] = r1 * (2.0 / 3);
        c[0] = -0.5 * a0[0];
        d[0] = -c[0];
        double s = 1;
        double hn = 1;
        for (int n = 2; n <= terms; n += 2) {
            hn *= h * h;
            a0[n - 1] = 2 * r0 * (h * hn + 1) / (n + 2);
            s += hn;
            a0[n] = 2 * r1 * s / (n + 3);
            for (int i = n; i <= n + 1; i++) {
                double r = -0.5 * (i + 1);
                b0[0] = r * a0[0];
                for (int m = 2; m <= i; m++) {
                    double bsum = 0;
                    for (int j = 1; j <= m - 1; j++) {
                        bsum += (j * r - (m - j)) * a0[j - 1] * b0[m - j - 1];
                    }
                    b0[m - 1] = r * a0[m - 1] + bsum / m;
                }
                c[i - 1] = b0[i - 1] / (i + 1);
                double dsum = 0;
                for (int j = 1; j <= i - 1; j++) {
                    dsum += d[i - j - 1] * c[j - 1];
                }
                d[i - 1] = -(dsum + c[i - 1]);
            }
        }
        return d;
    }

    @Test
    void probability_equalsCommonsDistribution() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 2000; round++) {
            int n = rnd.nextInt(round < 1000 ? 40 : 100_000);
            double p = rnd.nextDouble();
            int k = rnd.nextInt(n + 1);
            double expected = BinomialDistribution.of(n, p).probability(k);
            double actual = BinomialTest.probability(k, n, p);
            assertEquals(expected, actual, 1e-12);
            if (expected > 1e-300) {
                assertEquals(1, actual / expected, 1e-11, () -> k + "/" + n + " p=" + p);
            }
        }
    }

    @Test
    void clopperPearson_equalsTheBetaQuantiles() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] confidences = {0.98, 0.95, 0.5, 0.999999};
        for (int round = 0; round < 400; round++) {
            int n = 1 + rnd.nextInt(round < 150 ? 50 : round < 300 ? 5000 : 1_000_000);
            int k = round % 5 == 0 ? rnd.nextInt(Math.min(n, 5) + 1) : rnd.nextInt(n + 1);
            double confidence = confidences[round % 4];
            double upper = k == n ? 1 : BetaDistribution.of(k + 1, n - k).inverseCumulativeProbability(confidence);
            double lower = k == 0 ? 0 : BetaDistribution.of(k, n - k + 1).inverseCumulativeProbability(1 - confidence);
            double ourUpper = BinomialTest.upperBound(k, n, confidence);
            double ourLower = BinomialTest.lowerBound(k, n, confidence);
            assertEquals(upper, ourUpper, 1e-9, () -> k + "/" + n);
            assertEquals(lower, ourLower, 1e-9, () -> k + "/" + n);
            // relative too: a bound near 0 (few successes among many trials) keeps its digits
            assertEquals(1, ourUpper / upper, 1e-9, () -> "relative " + k + "/" + n);
            if (lower > 0) {
                assertEquals(1, ourLower / lower, 1e-9, () -> "relative " + k + "/" + n);
            }
        }
    }

    @Test
    void smallCases_byHand() {
        // one error in 50 requests against a 1.44 % threshold: 1 - 0.9856^50
        assertEquals(1 - Math.pow(1 - 0.0144, 50), BinomialTest.pValueGreater(1, 50, 0.0144), 1e-13);
        // two errors: 1 - q^50 - 50 p q^49
        double q = 1 - 0.0144;
        assertEquals(1 - Math.pow(q, 50) - 50 * 0.0144 * Math.pow(q, 49), BinomialTest.pValueGreater(2, 50, 0.0144), 1e-13);
        // 3 of 4 at 1/2: GREATER 5/16, LESS 15/16, two-sided 10/16 (the tie 1 of 4 included)
        assertEquals(5 / 16.0, BinomialTest.test(3, 4, 0.5, Alternative.GREATER).pValue(), 1e-15);
        assertEquals(15 / 16.0, BinomialTest.test(3, 4, 0.5, Alternative.LESS).pValue(), 1e-15);
        assertEquals(10 / 16.0, BinomialTest.test(3, 4, 0.5, Alternative.TWO_SIDED).pValue(), 1e-15);
        assertEquals(1.0, BinomialTest.test(2, 4, 0.5, Alternative.TWO_SIDED).pValue(), 1e-15);
        assertEquals(2 / 16.0, BinomialTest.test(0, 4, 0.5, Alternative.TWO_SIDED).pValue(), 1e-15);
        // 0 errors in 100 requests at 1 %: upper 95 % bound 1 - 0.05^(1/100)
        assertEquals(1 - Math.pow(0.05, 0.01), BinomialTest.upperBound(0, 100, 0.95), 1e-12);
        assertEquals(Math.pow(0.05, 0.01), BinomialTest.lowerBound(100, 100, 0.95), 1e-12);
        assertEquals(1.0, BinomialTest.upperBound(3, 3, 0.9));
        assertEquals(0.0, BinomialTest.lowerBound(0, 3, 0.9));
        assertEquals(6 / 16.0, BinomialTest.probability(2, 4, 0.5), 1e-15);
    }

    @Test
    void degenerateProbabilities_andNoTrials() {
        assertEquals(1.0, BinomialTest.test(0, 0, 0.3, Alternative.TWO_SIDED).pValue());
        assertEquals(1.0, BinomialTest.test(0, 0, 0.3, Alternative.GREATER).pValue());
        assertEquals(0.0, BinomialTest.test(0, 0, 0.3, Alternative.GREATER).proportion());
        assertEquals(0.0, BinomialTest.pValueGreater(1, 10, 0.0));
        assertEquals(1.0, BinomialTest.pValueGreater(0, 10, 0.0));
        assertEquals(1.0, BinomialTest.pValueGreater(10, 10, 1.0));
        assertEquals(1.0, BinomialTest.test(3, 10, 0.0, Alternative.TWO_SIDED).pValue());
        assertEquals(0.0, BinomialTest.test(3, 10, 1.0, Alternative.LESS).pValue());
        assertEquals(1.0, BinomialTest.test(3, 10, 1.0, Alternative.GREATER).pValue());
        assertEquals(1.0, BinomialTest.probability(0, 5, 0.0));
        assertEquals(0.0, BinomialTest.probability(1, 5, 0.0));
        assertEquals(1.0, BinomialTest.probability(5, 5, 1.0));
        assertEquals(0.0, BinomialTest.probability(4, 5, 1.0));
        // far tails underflow to 0, never below
        assertEquals(0.0, BinomialTest.pValueGreater(1_000_000, 1_000_000, 0.001));
    }

    @Test
    void result_significance() {
        BinomialTestResult r = BinomialTest.test(9, 100, 0.01, Alternative.GREATER);
        assertTrue(r.significant(0.98));
        assertEquals(0.09, r.proportion());
        assertEquals(100, r.trials());
        assertFalse(BinomialTest.test(1, 100, 0.01, Alternative.GREATER).significant(0.98));
        assertMessage("confidence must be between 0 and 1 (exclusive)", () -> r.significant(1));
    }

    @Test
    void badInput_namesTheField() {
        assertMessage("successes must be between 0 and 10", () -> BinomialTest.test(11, 10, 0.5, Alternative.GREATER));
        assertMessage("trials must be between 0 and", () -> BinomialTest.test(0, -1, 0.5, Alternative.GREATER));
        assertMessage("probability must be between 0.0 and 1.0", () -> BinomialTest.pValueGreater(0, 1, Double.NaN));
        assertMessage("alternative must not be null", () -> BinomialTest.test(0, 1, 0.5, null));
        assertMessage("trials must be between 1 and", () -> BinomialTest.upperBound(0, 0, 0.9));
        assertMessage("confidence must be between 0 and 1", () -> BinomialTest.lowerBound(0, 1, 0));
        assertMessage("pValue must be between 0.0 and 1.0", () -> new BinomialTestResult(0, 1, 0.5, Alternative.LESS, 2));
    }

    @Property(tries = 300)
    void tails_addUpAndAreMonotone(@ForAll @IntRange(min = 1, max = 3000) int n, @ForAll @IntRange(min = 0, max = 3000) int k0,
            @ForAll @DoubleRange(min = 0.0001, max = 0.9999) @Scale(6) double p) {
        int k = k0 % (n + 1);
        double greater = BinomialTest.pValueGreater(k, n, p);
        double less = BinomialTest.test(k, n, p, Alternative.LESS).pValue();
        double at = BinomialTest.probability(k, n, p);
        // P(X >= k) + P(X <= k) = 1 + P(X = k)
        assertEquals(1 + at, greater + less, 1e-9);
        if (k < n) {
            assertTrue(BinomialTest.pValueGreater(k + 1, n, p) <= greater);
        }
        double two = BinomialTest.test(k, n, p, Alternative.TWO_SIDED).pValue();
        assertTrue(two >= Math.min(greater, less) - 1e-12 && two <= 1, () -> two + " " + greater + " " + less);
        double upper = BinomialTest.upperBound(k, n, 0.95);
        assertTrue(upper >= (double) k / n && upper <= 1);
        assertTrue(BinomialTest.lowerBound(k, n, 0.95) <= (double) k / n);
    }
}
