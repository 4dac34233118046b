package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;
import java.util.Arrays;

/**
 * An exact two-sample test of the upper (or lower) tail: are there more values of {@code x} beyond
 * the most extreme values of {@code y} than chance allows? For each rank {@code r} from 1 to
 * {@code ranks}, {@code T_r} counts the values of {@code x} strictly above the {@code r}-th largest
 * value of {@code y} (Rosenbaum's exceedance statistic for {@code r = 1}). It sees a sample that
 * grows a tail or a cluster of outliers that the other sample never reaches, where a rank-sum test
 * sees a small shift and a count beyond a pooled quantile loses the cut.
 *
 * <p><b>Null law, exact.</b> When {@code x} and {@code y} are exchangeable (the same continuous
 * law), the pooled values sorted from the largest down are a uniformly random arrangement of
 * {@code n1} x-labels and {@code n2} y-labels, and {@code T_r} is the number of x-labels before the
 * {@code r}-th y-label: {@code P(T_r >= t)} is the probability that the first {@code t + r - 1}
 * draws without replacement hold at most {@code r - 1} y-labels (a hypergeometric tail). The test
 * of all ranks together uses the smallest marginal p-value {@code p*}; its p-value is the exact
 * probability under the null that some {@code T_r} reaches the critical count of its rank at level
 * {@code p*}, computed by a lattice walk over the draws (no Bonferroni bound). Ties: a value of
 * {@code x} equal to the {@code r}-th largest of {@code y} is not counted, so every {@code T_r} is
 * at most its value under a random breaking of the ties and the p-values stay valid (conservative).
 *
 * <p>Linear time: {@code O((n1 + n2) * ranks)}, without sorting up to 16 ranks (sorted input for
 * {@link #testSorted}). Stateless and thread safe.
 */
public final class ExceedanceTest {

    /** The ranks a test covers by default: beyond the largest, second and third largest of {@code y}. */
    public static final int DEFAULT_RANKS = 3;

    private ExceedanceTest() {}

    /**
     * Tests samples in any order.
     *
     * @param x the sample whose tail may be heavier (at least 1 value; NaN sorts above every number, as in {@link Arrays#sort(double[])})
     * @param y the reference sample (at least {@code ranks} values)
     * @param ranks the ranks tested together, 1 or more
     * @param alternative GREATER (upper tail), LESS (lower tail) or TWO_SIDED
     * @return the test's result
     * @throws IllegalArgumentException if a sample is null or too small, {@code ranks} is
     *     below 1 or above the size of {@code y}, or the alternative is null
     */
    public static ExceedanceTestResult test(double[] x, double[] y, int ranks, Alternative alternative) {
        checked(x, 1, "x");
        checked(y, 1, "y");
        Checks.notNull(alternative, "alternative");
        Checks.inRange(ranks, 1, y.length, "ranks");
        if (ranks > SELECT_RANKS) {
            double[] xs = x.clone();
            double[] ys = y.clone();
            Arrays.sort(xs);
            Arrays.sort(ys);
            return run(xs, ys, ranks, alternative);
        }
        // the counts need only y's most extreme values: selected in one pass, no sort
        int n1 = x.length;
        int n2 = y.length;
        return switch (alternative) {
            case GREATER -> side(beyond(x, extremes(y, ranks, 1), 1), n1, n2, ranks, alternative, 1);
            case LESS -> side(beyond(x, extremes(y, ranks, -1), -1), n1, n2, ranks, alternative, 1);
            case TWO_SIDED -> {
                ExceedanceTestResult up = side(beyond(x, extremes(y, ranks, 1), 1), n1, n2, ranks, alternative, 2);
                ExceedanceTestResult down = side(beyond(x, extremes(y, ranks, -1), -1), n1, n2, ranks, alternative, 2);
                yield up.pValue() <= down.pValue() ? up : down;
            }
        };
    }

    /** Up to this many ranks, {@link #test} selects y's extremes in one pass instead of sorting both samples. */
    private static final int SELECT_RANKS = 16;

    /**
     * The {@code r} most extreme values of {@code a} in the order of {@link Double#compare} (NaN
     * above every number, -0.0 below 0.0), repeats kept: the largest first when {@code sign} is 1
     * ({@code e[r - 1]} is the r-th largest), the smallest first when it is -1.
     */
    private static double[] extremes(double[] a, int r, int sign) {
        double[] e = new double[r];
        int size = 0;
        for (double v : a) {
            int j;
            if (size < r) {
                j = size++;
            } else if (sign * Double.compare(v, e[r - 1]) > 0) {
                j = r - 1;
            } else {
                continue;
            }
            while (j > 0 && sign * Double.compare(e[j - 1], v) < 0) {
                e[j] = e[j - 1];
                j--;
            }
            e[j] = v;
        }
        return e;
    }

    /**
     * counts[r - 1]: the values of {@code x} strictly beyond {@code e[r - 1]} (above it when
     * {@code sign} is 1, below it when -1), for the extremes of {@link #extremes}.
     */
    private static int[] beyond(double[] x, double[] e, int sign) {
        int r = e.length;
        int[] first = new int[r + 1];
        double least = e[r - 1];
        for (double v : x) {
            if (sign * Double.compare(v, least) <= 0) {
                continue; // beyond none (most values)
            }
            int j = 0;
            while (sign * Double.compare(v, e[j]) <= 0) {
                j++;
            }
            first[j]++; // beyond e[j] and every later, less extreme one
        }
        int[] counts = new int[r];
        int sum = 0;
        for (int j = 0; j < r; j++) {
            sum += first[j];
            counts[j] = sum;
        }
        return counts;
    }

    /**
     * Tests samples already sorted ascending (the canary judges' call, no copy).
     *
     * @param xSorted the sample whose tail may be heavier, sorted ascending
     * @param ySorted the reference sample, sorted ascending
     * @param ranks the ranks tested together, 1 or more
     * @param alternative GREATER (upper tail), LESS (lower tail) or TWO_SIDED
     * @return the test's result
     * @throws IllegalArgumentException as {@link #test}, and if a sample is not sorted (in the order of {@link Double#compare})
     */
    public static ExceedanceTestResult testSorted(double[] xSorted, double[] ySorted, int ranks, Alternative alternative) {
        checkSorted(checked(xSorted, 1, "xSorted"), "xSorted");
        checkSorted(checked(ySorted, 1, "ySorted"), "ySorted");
        return run(xSorted, ySorted, ranks, alternative);
    }

    /**
     * The exact null probability {@code P(T_rank >= t)} for samples of sizes {@code n1} and
     * {@code n2}: that the first {@code t + rank - 1} of the pooled values, from the largest down,
     * hold at most {@code rank - 1} values of {@code y}.
     *
     * @param rank the rank, 1 to {@code n2}
     * @param t the exceedance count, 0 to {@code n1}
     * @param n1 the size of {@code x}, 1 or more
     * @param n2 the size of {@code y}, 1 or more
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if an argument is outside its range, or n1 + n2 does not fit an int
     */
    public static double survival(int rank, long t, long n1, long n2) {
        Checks.inRange(n1, 1, Integer.MAX_VALUE / 2, "n1");
        Checks.inRange(n2, 1, Integer.MAX_VALUE / 2, "n2");
        Checks.inRange(rank, 1, n2, "rank");
        Checks.inRange(t, 0, n1, "t");
        return survivals((int) n1, (int) n2, rank, (int) t)[rank - 1][(int) t];
    }

    private static ExceedanceTestResult run(double[] xs, double[] ys, int ranks, Alternative alternative) {
        Checks.notNull(alternative, "alternative");
        Checks.inRange(ranks, 1, ys.length, "ranks");
        int n1 = xs.length;
        int n2 = ys.length;
        return switch (alternative) {
            case GREATER -> side(upperCounts(xs, ys, ranks), n1, n2, ranks, alternative, 1);
            case LESS -> side(lowerCounts(xs, ys, ranks), n1, n2, ranks, alternative, 1);
            case TWO_SIDED -> {
                ExceedanceTestResult up = side(upperCounts(xs, ys, ranks), n1, n2, ranks, alternative, 2);
                ExceedanceTestResult down = side(lowerCounts(xs, ys, ranks), n1, n2, ranks, alternative, 2);
                yield up.pValue() <= down.pValue() ? up : down;
            }
        };
    }

    private static ExceedanceTestResult side(int[] counts, int n1, int n2, int ranks, Alternative alt, int sides) {
        int tMax = 0;
        for (int c : counts) {
            tMax = Math.max(tMax, c);
        }
        // the marginal laws up to the largest observed count; extended below while a critical count lies beyond
        double[][] s = survivals(n1, n2, ranks, Math.min(n1, tMax + 8));
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
            while (t <= n1 && (t >= s[r].length ? 0 : s[r][t]) > pStar) {
                t++;
                if (t == s[r].length && t <= n1) {
                    s = survivals(n1, n2, ranks, Math.min(n1, 2 * t + 8));
                }
            }
            critical[r] = t; // n1 + 1: never reached
        }
        double p = Math.min(1, sides * Math.max(pStar, 1 - accepted(critical, n1, n2)));
        return new ExceedanceTestResult(n1, n2, ranks, best + 1, counts[best], Math.min(1, sides * pStar), p, alt);
    }

    /**
     * The null probability that every {@code T_r < critical[r]}: a walk over the pooled draws from the
     * largest down, x-draws rightwards and y-draws upwards, where the {@code r}-th y-draw must come
     * before the {@code critical[r - 1]}-th x-draw.
     */
    private static double accepted(int[] critical, int n1, int n2) {
        int ranks = critical.length;
        double total = n1 + (double) n2;
        // at[c]: probability of having drawn c x-values and b y-values without breaking a constraint
        int size = 1;
        for (int a : critical) {
            size = Math.max(size, Math.min(n1 + 1, a));
        }
        double[] at = new double[size];
        at[0] = 1;
        int width = 1; // entries 0..width-1 may be non-zero
        for (int b = 0; b < ranks; b++) {
            int limit = Math.min(n1 + 1, critical[b]); // c must stay below limit when the (b+1)-th y is drawn
            double[] next = new double[size];
            double carry = 0; // probability flowing right along this row
            for (int c = 0; c < limit; c++) {
                double here = carry + (c < width ? at[c] : 0);
                double left = total - c - b;
                next[c] = here * (n2 - b) / left;
                carry = c < n1 ? here * (n1 - c) / left : 0;
            }
            at = next;
            width = limit;
        }
        double sum = 0;
        for (int c = 0; c < width; c++) {
            sum += at[c];
        }
        return Math.min(1, sum);
    }

    /** s[r - 1][t] = P(T_r >= t), t = 0..tMax, for r = 1..ranks, by the draw recurrence of the hypergeometric law. */
    private static double[][] survivals(int n1, int n2, int ranks, int tMax) {
        double[][] s = new double[ranks][tMax + 1];
        double total = n1 + (double) n2;
        double[] pmf = new double[ranks]; // pmf[j]: P(j y-values among the first k draws), j < ranks
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

    /** counts[r - 1]: values of xs strictly above the r-th largest of ys. */
    private static int[] upperCounts(double[] xs, double[] ys, int ranks) {
        int[] counts = new int[ranks];
        for (int r = 1; r <= ranks; r++) {
            double v = ys[ys.length - r];
            int i = xs.length;
            while (i > 0 && Double.compare(xs[i - 1], v) > 0) {
                i--;
            }
            counts[r - 1] = xs.length - i;
        }
        return counts;
    }

    /** counts[r - 1]: values of xs strictly below the r-th smallest of ys. */
    private static int[] lowerCounts(double[] xs, double[] ys, int ranks) {
        int[] counts = new int[ranks];
        for (int r = 1; r <= ranks; r++) {
            double v = ys[r - 1];
            int i = 0;
            while (i < xs.length && Double.compare(xs[i], v) < 0) {
                i++;
            }
            counts[r - 1] = i;
        }
        return counts;
    }

    private static double[] checked(double[] a, int min, String field) {
        Checks.notNull(a, field);
        if (a.length < min) {
            throw Checks.invalid(field, "must hold at least " + min + " value(s)", a.length);
        }
        if (a.length > Integer.MAX_VALUE / 4) {
            throw Checks.invalid(field, "must hold at most " + Integer.MAX_VALUE / 4 + " values", a.length);
        }
        return a;
    }

    private static void checkSorted(double[] a, String field) {
        for (int i = 1; i < a.length; i++) {
            // strictly above its predecessor is in order (and neither is NaN); ties, NaN and signed zeros take Double.compare
            if (!(a[i] > a[i - 1]) && Double.compare(a[i], a[i - 1]) < 0) {
                throw Checks.invalid(field, "must be sorted ascending (index " + i + ")", a[i]);
            }
        }
    }
}
