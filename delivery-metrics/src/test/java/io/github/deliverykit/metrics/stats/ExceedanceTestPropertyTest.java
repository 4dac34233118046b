package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The exceedance test's min-p law against two references kept here: the exact law in rational
 * arithmetic (small samples) and the earlier double algorithm (the three marginal laws in arrays by
 * two divisions a draw, the critical counts by a scan from 0, a probability walk with a division a
 * step), which the fast path replaced. The earlier algorithm is kept with two corrections: the
 * rejection probability is summed from the mass leaving the walk (it was {@code 1 - accepted},
 * about 2e-16 wrong, so meaningless for tiny p-values) and a marginal p-value equal to {@code p*}
 * up to a relative 1e-12 is critical (it missed ties: with n1 = n2 = 100 and counts 1, 2, 3 it gave
 * 0.5316 for the exact 0.6888).
 */
final class ExceedanceTestPropertyTest {

    /** x with counts[r - 1] values above the r-th largest of y = 1..n2 (sorted), y sorted. */
    static double[][] samples(int n1, int n2, int[] counts) {
        double[] y = new double[n2];
        for (int i = 0; i < n2; i++) {
            y[i] = i + 1;
        }
        double[] x = new double[n1];
        int at = 0;
        for (int r = 0; r < counts.length; r++) {
            for (int q = counts[r] - (r == 0 ? 0 : counts[r - 1]); q > 0; q--) {
                x[at++] = n2 - r + 0.5;
            }
        }
        while (at < n1) {
            x[at++] = 0.5;
        }
        Arrays.sort(x);
        return new double[][] {x, y};
    }

    /** Nondecreasing counts in [0, n1]: small steps, jumps or anything. */
    static int[] counts(SplittableRandom rnd, int n1, int ranks) {
        int[] c = new int[ranks];
        int mode = rnd.nextInt(3);
        int v = mode == 1 ? rnd.nextInt(n1 + 1) / 3 : 0;
        for (int r = 0; r < ranks; r++) {
            v = Math.min(n1, switch (mode) {
                case 0 -> v + rnd.nextInt(3);
                case 1 -> v + rnd.nextInt(2);
                default -> Math.max(v, rnd.nextInt(n1 + 1));
            });
            c[r] = v;
        }
        return c;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * expected + 1e-300, what);
    }

    // ---------------------------------------------------------------- the exact law, in rationals

    private static BigInteger binom(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger b = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            b = b.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return b;
    }

    /** P(T_r >= t) = num / C(n1 + n2, t + r - 1): at most r - 1 y-values among the first t + r - 1 draws. */
    private static BigInteger survivalNumerator(int r, int t, int n1, int n2) {
        int k = t + r - 1;
        BigInteger s = BigInteger.ZERO;
        for (int j = 0; j < r; j++) {
            s = s.add(binom(n2, j).multiply(binom(n1, k - j)));
        }
        return s;
    }

    /** a / b <= c / d for positive denominators. */
    private static boolean atMost(BigInteger a, BigInteger b, BigInteger c, BigInteger d) {
        return a.multiply(d).compareTo(c.multiply(b)) <= 0;
    }

    /** {marginal p-value, min-p p-value} of the upper tail from the counts, exactly (then rounded). */
    static double[] exact(int n1, int n2, int[] counts) {
        int ranks = counts.length;
        int total = n1 + n2;
        BigInteger pNum = null;
        BigInteger pDen = null;
        for (int r = 1; r <= ranks; r++) {
            BigInteger num = survivalNumerator(r, counts[r - 1], n1, n2);
            BigInteger den = binom(total, counts[r - 1] + r - 1);
            if (pNum == null || !atMost(pNum, pDen, num, den)) {
                pNum = num;
                pDen = den;
            }
        }
        // critical counts: the first t with P(T_r >= t) <= p*; then T_r >= c_r for some r is T_r >= min(c_r, c_r+1, ...)
        int[] c = new int[ranks];
        for (int r = 1; r <= ranks; r++) {
            int t = 0;
            while (t <= n1 && !atMost(survivalNumerator(r, t, n1, n2), binom(total, t + r - 1), pNum, pDen)) {
                t++;
            }
            c[r - 1] = t;
        }
        for (int r = ranks - 2; r >= 0; r--) {
            c[r] = Math.min(c[r], c[r + 1]);
        }
        BigInteger rejected;
        if (c[0] == 0) {
            rejected = binom(total, n1);
        } else {
            // row b: the paths of c x-draws and b y-draws that kept T_j < c_j, for c < c_b
            BigInteger[] row = new BigInteger[c[0]];
            Arrays.fill(row, BigInteger.ONE);
            rejected = BigInteger.ZERO;
            for (int b = 0; b < ranks; b++) {
                if (c[b] <= n1) { // the paths drawing their c_b-th x-value with b y-values drawn, and any rest
                    rejected = rejected.add(row[c[b] - 1].multiply(binom(n1 - c[b] + n2 - b, n2 - b)));
                }
                if (b + 1 < ranks) {
                    BigInteger[] up = new BigInteger[Math.min(c[b + 1], n1 + 1)];
                    BigInteger sum = BigInteger.ZERO;
                    for (int col = 0; col < up.length; col++) {
                        if (col < c[b] && col < row.length) {
                            sum = sum.add(row[col]);
                        }
                        up[col] = sum;
                    }
                    row = up;
                }
            }
        }
        MathContext mc = new MathContext(40);
        double marginal = new BigDecimal(pNum).divide(new BigDecimal(pDen), mc).doubleValue();
        double p = new BigDecimal(rejected).divide(new BigDecimal(binom(total, n1)), mc).doubleValue();
        return new double[] {marginal, p};
    }

    // ---------------------------------------------------------------- the earlier double algorithm

    /** s[r - 1][t] = P(T_r >= t), t = 0..tMax, by the draw recurrence of the hypergeometric law. */
    private static double[][] survivals(int n1, int n2, int ranks, int tMax) {
        double[][] s = new double[ranks][tMax + 1];
        double total = n1 + (double) n2;
        double[] pmf = new double[ranks];
        pmf[0] = 1;
        int maxK = tMax + ranks - 1;
        for (int k = 0; k <= maxK; k++) {
            for (int r = 1; r <= ranks; r++) {
                int t = k - r + 1;
                if (t >= 0 && t <= tMax) {
                    double sum = 0;
                    for (int j = 0; j < r; j++) {
                        sum += pmf[j];
                    }
                    s[r - 1][t] = Math.min(1, sum);
                }
            }
            if (k == maxK) {
                break;
            }
            double left = total - k;
            for (int j = ranks - 1; j >= 0; j--) {
                double xDraw = Math.max(0, n1 - (k - j)) / left;
                double yDraw = j > 0 ? Math.max(0, n2 - (j - 1)) / left : 0;
                pmf[j] = pmf[j] * xDraw + (j > 0 ? pmf[j - 1] * yDraw : 0);
            }
        }
        return s;
    }

    /** {marginal p-value, min-p p-value (one side, not doubled)} by the earlier algorithm. */
    static double[] reference(int n1, int n2, int[] counts) {
        int ranks = counts.length;
        double[][] s = survivals(n1, n2, ranks, n1);
        int best = 0;
        for (int r = 1; r < ranks; r++) {
            if (s[r][counts[r]] < s[best][counts[best]]) {
                best = r;
            }
        }
        double pStar = s[best][counts[best]];
        int[] critical = new int[ranks];
        for (int r = 0; r < ranks; r++) {
            int t = 0;
            while (t <= n1 && s[r][t] > pStar * (1 + 1e-12)) {
                t++;
            }
            critical[r] = t; // n1 + 1: never reached
        }
        return new double[] {pStar, Math.max(pStar, rejected(critical, n1, n2))};
    }

    /**
     * The probability that some T_r reaches critical[r - 1]: the walk over the draws, x-draws
     * rightwards and y-draws upwards, summing the mass that leaves row b at its critical column or
     * enters it beyond.
     */
    private static double rejected(int[] critical, int n1, int n2) {
        double total = n1 + (double) n2;
        double[] at = new double[n1 + 2];
        at[0] = 1;
        int width = 1;
        double out = 0;
        for (int b = 0; b < critical.length; b++) {
            int limit = Math.min(n1 + 1, critical[b]);
            for (int c = limit; c < width; c++) {
                out += at[c]; // entered row b at or beyond its critical column
            }
            double[] next = new double[n1 + 2];
            double carry = 0;
            for (int c = 0; c < limit; c++) {
                double here = carry + (c < width ? at[c] : 0);
                double left = total - c - b;
                next[c] = here * (n2 - b) / left;
                carry = c < n1 ? here * (n1 - c) / left : 0;
            }
            out += carry; // drew the limit-th x-value before the (b + 1)-th y-value
            at = next;
            width = limit;
        }
        return out;
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 60)
    void equalsTheExactLaw(@ForAll @IntRange(min = 1, max = 40) int n1, @ForAll @IntRange(min = 1, max = 40) int n2,
            @ForAll @IntRange(min = 1, max = 6) int ranksWanted, @ForAll long seed) {
        int ranks = Math.min(ranksWanted, n2);
        assertEqualsTheExactLaw(n1, n2, counts(new SplittableRandom(seed), n1, ranks));
    }

    /** The sorted call on samples with these counts: marginal and joint p-values equal to the exact law. */
    private static void assertEqualsTheExactLaw(int n1, int n2, int[] c) {
        double[][] xy = samples(n1, n2, c);
        ExceedanceTestResult res = ExceedanceTest.testSorted(xy[0], xy[1], c.length, Alternative.GREATER);
        double[] want = exact(n1, n2, c);
        String what = n1 + " " + n2 + " " + Arrays.toString(c) + " " + res;
        assertClose(want[0], res.marginalPValue(), what);
        assertClose(want[1], res.pValue(), what);
    }

    @Property(tries = 40)
    void equalsTheEarlierAlgorithm(@ForAll @IntRange(min = 1, max = 1500) int n1, @ForAll @IntRange(min = 1, max = 1500) int n2,
            @ForAll @IntRange(min = 1, max = 20) int ranksWanted, @ForAll long seed) {
        int ranks = Math.min(ranksWanted, n2);
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] c = counts(rnd, n1, ranks);
        double[][] xy = samples(n1, n2, c);
        double[] want = reference(n1, n2, c);
        ExceedanceTestResult up = ExceedanceTest.testSorted(xy[0], xy[1], ranks, Alternative.GREATER);
        String what = n1 + " " + n2 + " " + Arrays.toString(c) + " " + up;
        assertClose(want[0], up.marginalPValue(), what);
        assertClose(want[1], up.pValue(), what);
        // the lower tail of the negated samples, the unsorted call
        double[] nx = negatedReversed(xy[0]);
        double[] ny = negatedReversed(xy[1]);
        ExceedanceTestResult down = ExceedanceTest.test(nx, ny, ranks, Alternative.LESS);
        assertClose(want[1], down.pValue(), what);
        assertEquals(up.exceedances(), down.exceedances(), what);
    }

    private static double[] negatedReversed(double[] a) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = -a[a.length - 1 - i];
        }
        return b;
    }

    // ---------------------------------------------------------------- examples

    @Test
    void tiesBetweenRanksAreCritical() {
        // n1 = n2: P(T_r >= r) = 1/2 for every r; the earlier algorithm lost ranks 1 and 2 to rounding (0.5316)
        double[][] xy = samples(100, 100, new int[] {1, 2, 3});
        ExceedanceTestResult res = ExceedanceTest.testSorted(xy[0], xy[1], 3, Alternative.GREATER);
        assertEquals(0.5, res.marginalPValue(), 1e-15);
        assertEquals(0.6887610642042701, res.pValue(), 1e-13);
        // 3 against 19, counts 0, 2, 2, 3: 9/385 exactly (the earlier algorithm gave 1/77)
        double[][] small = samples(3, 19, new int[] {0, 2, 2, 3});
        assertEquals(9.0 / 385, ExceedanceTest.testSorted(small[0], small[1], 4, Alternative.GREATER).pValue(), 1e-15);
        assertEquals(9.0 / 385, exact(3, 19, new int[] {0, 2, 2, 3})[1], 1e-17);
    }

    @Test
    void tinyPValuesKeepTheirRelativeAccuracy() {
        // the benchmark's n = 1,000 input (seed 42): exactly 1.1344211301046e-31, where 1 - accepted is 0
        int[] c = {68, 80, 110};
        double[][] xy = samples(1000, 1000, c);
        ExceedanceTestResult res = ExceedanceTest.testSorted(xy[0], xy[1], 3, Alternative.GREATER);
        assertEquals(3, res.rank());
        assertEquals(5.702736282425654e-32, res.marginalPValue(), 1e-12 * 5.7e-32);
        assertEquals(1.134421130104602e-31, res.pValue(), 1e-12 * 1.1e-31);
        double[] want = exact(1000, 1000, c);
        assertClose(want[1], res.pValue(), res.toString());
        // marginal p-values below the smallest double: 0, and so is the p-value
        double[][] far = samples(3000, 3000, new int[] {2000, 2000, 2001});
        ExceedanceTestResult zero = ExceedanceTest.testSorted(far[0], far[1], 3, Alternative.GREATER);
        assertEquals(0.0, zero.marginalPValue());
        assertEquals(0.0, zero.pValue());
        assertEquals(1, zero.rank());
    }

    @Test
    void manyRanks_walkTheProbabilities() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 30; round++) {
            int n1 = 1 + rnd.nextInt(30);
            int n2 = 17 + rnd.nextInt(20);
            int ranks = 17 + rnd.nextInt(n2 - 16);
            assertEqualsTheExactLaw(n1, n2, counts(rnd, n1, ranks));
        }
    }

    @Test
    void criticalCountsBeyondTheSample_andAtItsEnd() {
        // rank 1's count at n1: the other ranks' critical counts may not exist (n1 + 1)
        for (int[] c : new int[][] {{5, 5, 5}, {0, 0, 5}, {0, 5, 5}, {4, 5, 5}, {0, 0, 0}, {5}, {0}, {2, 3}}) {
            double[][] xy = samples(5, 7, c);
            ExceedanceTestResult res = ExceedanceTest.testSorted(xy[0], xy[1], c.length, Alternative.GREATER);
            double[] want = exact(5, 7, c);
            assertClose(want[0], res.marginalPValue(), Arrays.toString(c));
            assertClose(want[1], res.pValue(), Arrays.toString(c));
            assertTrue(res.pValue() >= res.marginalPValue() && res.pValue() <= c.length * res.marginalPValue() * (1 + 1e-11));
        }
    }
}
