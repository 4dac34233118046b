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
 * {@code p*} (no Bonferroni bound), counted as lattice paths below the critical counts (each path
 * of {@code c} x-draws and {@code b} y-draws is equally likely) and summed from positive terms, so
 * tiny p-values keep their relative accuracy. A rank whose marginal p-value equals {@code p*} (exact
 * ties between ranks are common) is critical at that count. Ties in the data: a value of
 * {@code x} equal to the {@code r}-th largest of {@code y} is not counted, so every {@code T_r} is
 * at most its value under a random breaking of the ties and the p-values stay valid (conservative).
 *
 * <p>Linear time: {@code O((n1 + n2) * ranks)}, without sorting up to 16 ranks (sorted input for
 * {@link #testSorted}). Stateless and thread safe.
 */
public final class ExceedanceTest {

    /** The ranks a test covers by default: beyond the largest, second and third largest of {@code y}. */
    public static final int DEFAULT_RANKS = 3;
    /**
     * The largest rank {@link #survival} takes: its law of {@code rank} counts is an array of that
     * length, and a call takes up to {@code (t + rank) * rank} steps.
     */
    public static final int MAX_SURVIVAL_RANK = 1 << 12;

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
     * @param rank the rank, 1 to {@code n2} and at most {@link #MAX_SURVIVAL_RANK} (the law of the
     *     first {@code rank} counts is held in memory)
     * @param t the exceedance count, 0 to {@code n1}
     * @param n1 the size of {@code x}, 1 or more
     * @param n2 the size of {@code y}, 1 or more
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if an argument is outside its range, or n1 + n2 does not fit an int
     */
    public static double survival(int rank, long t, long n1, long n2) {
        Checks.inRange(n1, 1, Integer.MAX_VALUE / 2, "n1");
        Checks.inRange(n2, 1, Integer.MAX_VALUE / 2, "n2");
        Checks.inRange(rank, 1, Math.min(n2, MAX_SURVIVAL_RANK), "rank");
        Checks.inRange(t, 0, n1, "t");
        double[] pmf = new double[rank];
        pmf[0] = 1;
        int draws = (int) t + rank - 1;
        for (int k = 0; k < draws && draw(pmf, k, (int) n1, (int) n2); k++) {
            // pmf[j]: P(j y-values among the first k + 1 draws)
        }
        return Math.min(1, sum(pmf, rank - 1));
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

    /**
     * Relative slack of the critical counts: a count whose marginal p-value equals {@code p*} up to
     * rounding is critical. Exact ties between ranks are common ({@code n1 = n2} gives
     * {@code P(T_r >= r) = 1/2} for every {@code r}), and a tie missed by one rounding would leave its
     * rank's outcomes out of the p-value; the marginal laws are computed to about {@code 1e-14}.
     */
    private static final double TIE = 1e-12;

    /**
     * Up to this many ranks the rejection probability counts lattice paths in doubles (at most
     * {@code C(n1 + 15, 15)}, below {@code 1e119}); above, it walks the probabilities draw by draw.
     */
    private static final int COUNTED_RANKS = 16;

    /**
     * The test of one tail from its counts ({@code counts[r - 1] = T_r}, nondecreasing in {@code r}).
     *
     * <p>One pass over the draws carries {@code pmf[j] = P(j y-values among the first k draws)},
     * {@code j < ranks}, with one reciprocal a draw: {@code P(T_r >= t)} is the sum of its first
     * {@code r} entries at {@code k = t + r - 1}. The pass stops at the largest count (the marginal
     * p-values, their least {@code p*}) or where every entry has become 0 (so stays 0); a second pass
     * from the state saved at {@code k = T_1} finds the critical counts: for rank {@code r} the first
     * {@code t}, from its own count and from the critical count of rank {@code r - 1} on, with
     * {@code P(T_r >= t) <= p*} (up to {@link #TIE}). The p-value is then the probability that a path
     * leaves the region below the critical counts, as a sum of positive terms (relative accuracy for
     * tiny p-values).
     */
    private static ExceedanceTestResult side(int[] counts, int n1, int n2, int ranks, Alternative alt, int sides) {
        double[] pmf = new double[ranks];
        double[] saved = new double[ranks];
        pmf[0] = 1;
        int best = 0;
        double pStar = 2;
        for (int k = 0, next = 0; ; k++) {
            if (k == counts[next] + next) { // rank next + 1 is observed after T + next draws
                double s = Math.min(1, sum(pmf, next));
                if (s < pStar) {
                    pStar = s;
                    best = next;
                }
                if (next == 0) {
                    System.arraycopy(pmf, 0, saved, 0, ranks);
                }
                if (++next == ranks) {
                    break;
                }
            }
            if (!draw(pmf, k, n1, n2)) { // every later marginal p-value is 0
                if (pStar > 0) {
                    pStar = 0;
                    best = next;
                }
                break;
            }
        }
        double p = pStar == 0 ? 0 : rejection(counts, saved, pStar * (1 + TIE), n1, n2, ranks);
        return new ExceedanceTestResult(n1, n2, ranks, best + 1, counts[best], Math.min(1, sides * pStar),
                Math.min(1, sides * Math.max(pStar, p)), alt);
    }

    /**
     * The null probability that some {@code T_r} reaches its critical count, the first {@code t} with
     * {@code P(T_r >= t) <= limit} (from {@code counts[r - 1]} and the critical count of rank
     * {@code r - 1} on), the draw state {@code pmf} taken at {@code k = counts[0]}.
     */
    private static double rejection(int[] counts, double[] pmf, double limit, int n1, int n2, int ranks) {
        int[] critical = new int[ranks];
        double[] exits = new double[ranks]; // exits[r - 1]: P(r - 1 y-values among the first critical + r - 1 draws)
        int found = 0;
        for (int k = counts[0]; ; k++) {
            int t = k - found; // the count of rank found + 1 after k draws
            if (t > n1) {
                break; // this rank and the later ones never reach a critical count
            }
            if (t >= counts[found] && (found == 0 || t >= critical[found - 1]) && sum(pmf, found) <= limit) {
                critical[found] = t;
                exits[found] = pmf[found];
                if (++found == ranks) {
                    break;
                }
            }
            if (!draw(pmf, k, n1, n2)) {
                break; // the later ranks' exits would be 0
            }
        }
        if (found == 0) {
            return 0;
        }
        return ranks <= COUNTED_RANKS ? counted(critical, exits, found) : walked(critical, found, n1, n2);
    }

    /**
     * The rejection probability by counting lattice paths: every path of {@code c} x-draws and
     * {@code b} y-draws has the same probability, so row {@code b} (b y-values drawn, alive while
     * {@code c < critical[b]}) is left with probability {@code K_b * exits[b] / C(critical[b] + b, b)},
     * where {@code K_b} counts the paths to {@code (critical[b] - 1, b)} that kept below the critical
     * counts. {@code K_b} is a sum of positive terms: between two critical counts the rows above are
     * fed by a constant row, so a stretch of {@code L} columns adds to row {@code s + m} the row
     * {@code s + i} times {@code C(L - 1 + m - i, m - i)}.
     */
    private static double counted(int[] critical, double[] exits, int found) {
        double[] paths = new double[found]; // paths[b]: the valid paths to row b's last column so far
        double[] binom = new double[found];
        paths[0] = 1;
        double rejected = exits[0];
        for (int b = 1; b < found; b++) {
            int length = critical[b - 1] - (b > 1 ? critical[b - 2] : 0); // the columns where row b - 1 no longer grows
            if (length > 0) {
                binom[0] = 1;
                for (int d = 1; d <= found - b; d++) {
                    binom[d] = binom[d - 1] * (length - 1 + d) / d;
                }
                for (int m = found - b; m >= 1; m--) {
                    double s = 0;
                    for (int i = 0; i <= m; i++) {
                        s += paths[b - 1 + i] * binom[m - i];
                    }
                    paths[b - 1 + m] = s;
                }
            }
            double ways = 1; // C(critical[b] + b, b): the paths to (critical[b], b)
            for (int i = 1; i <= b; i++) {
                ways = ways * (critical[b] + i) / i;
            }
            rejected += paths[b] / ways * exits[b];
        }
        return rejected;
    }

    /**
     * The rejection probability by a walk over the draws, x-draws rightwards and y-draws upwards:
     * the probability leaving row {@code b} at column {@code critical[b]} (for more ranks than
     * {@link #COUNTED_RANKS}, where path counts could overflow).
     */
    private static double walked(int[] critical, int found, int n1, int n2) {
        if (critical[0] == 0) {
            return 1; // T_1 >= 0 always
        }
        double total = n1 + (double) n2;
        double[] at = new double[critical[found - 1]]; // at[c]: probability entering row b at column c
        at[0] = 1;
        double rejected = 0;
        for (int b = 0; b < found; b++) {
            double carry = 0; // probability flowing right along row b
            for (int c = 0; c < critical[b]; c++) {
                double here = carry + at[c];
                double left = total - c - b;
                at[c] = here * (n2 - b) / left;
                carry = here * (n1 - c) / left;
            }
            rejected += carry;
        }
        return rejected;
    }

    /**
     * One more draw: {@code pmf[j]} becomes {@code P(j y-values among the first k + 1 draws)} from
     * the first {@code k}.
     *
     * @return false if every entry is now 0 (and so stays 0)
     */
    private static boolean draw(double[] pmf, int k, int n1, int n2) {
        double inv = 1 / (n1 + (double) n2 - k);
        int top = pmf.length - 1;
        for (int j = top; j > 0; j--) {
            pmf[j] = pmf[j] * (Math.max(0, n1 - k + j) * inv) + pmf[j - 1] * ((n2 - j + 1) * inv);
        }
        pmf[0] *= Math.max(0, n1 - k) * inv;
        return pmf[top] != 0 || sum(pmf, top) != 0;
    }

    /** a[0] + ... + a[last]. */
    private static double sum(double[] a, int last) {
        double s = 0;
        for (int j = 0; j <= last; j++) {
            s += a[j];
        }
        return s;
    }

    /** counts[r - 1]: values of xs strictly above the r-th largest of ys. */
    private static int[] upperCounts(double[] xs, double[] ys, int ranks) {
        int[] counts = new int[ranks];
        int i = xs.length;
        for (int r = 1; r <= ranks; r++) {
            double v = ys[ys.length - r];
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
        int i = 0;
        for (int r = 1; r <= ranks; r++) {
            double v = ys[r - 1];
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
