package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;

/**
 * The exact one-sample binomial test of an observed count against a probability (for example the
 * errors among a canary's requests against the error-rate gate), and the Clopper-Pearson bounds of
 * the proportion. Used where counts are too small for the normal approximation: a handful of
 * requests in a quiet hour, the first minutes of a canary stage.
 *
 * <p>Probabilities are Loader's saddle-point expansion (as R's {@code dbinom}); a tail is summed
 * outward from its inner end by the ratio recurrence {@code f(i + 1) / f(i)} until the terms no
 * longer change the sum, always the smaller tail first so that a p-value keeps its relative
 * precision. Cost O(standard deviation x a few) per p-value, no allocation; agrees with Apache
 * Commons Statistics' {@code BinomialTest} to 1e-9. Stateless and thread safe.
 */
public final class BinomialTest {

    /** The most trials, {@code 2^31 - 1} (Commons Statistics' domain): a tail then sums at most a few 10^5 terms. */
    public static final long MAX_TRIALS = Integer.MAX_VALUE;

    private static final double LN_2PI = Math.log(2 * Math.PI);
    /** Two-sided: probabilities within this relative distance of the observed one count as equal (R's binom.test). */
    private static final double RELATIVE_ERROR = 1 + 1e-7;
    private static final double[] LOG_FACTORIAL = new double[16];
    /** Newton steps of a Clopper-Pearson bound at most (bisection steps among them); about 5 to 10 are taken. */
    private static final int NEWTON_STEPS = 200;
    /** Up to this many trials, probabilities come from a table of log(n!) and the recurrences multiply by 1 / i. */
    private static final int TABLE = 1024;
    private static final double[] LOG_FACTORIAL_TABLE = new double[TABLE];
    /** {@link #stirlerr} below {@link #TABLE}: the tails of few counts and the expansion take it without a division. */
    private static final double[] STIRLERR = new double[TABLE];
    private static final double[] INVERSE = new double[TABLE + 1];
    /** 1 / (2j + 1), the series of {@link #bd0}. */
    private static final double[] ODD_INVERSE = new double[64];

    static {
        double f = 1;
        for (int i = 1; i < LOG_FACTORIAL.length; i++) {
            f *= i;
            LOG_FACTORIAL[i] = Math.log(f);
        }
        for (int i = 0; i < TABLE; i++) {
            // each entry from Stirling's formula and its error term: no error accumulates along the table
            double x = i;
            STIRLERR[i] = stirlerrSeries(i);
            LOG_FACTORIAL_TABLE[i] = i < LOG_FACTORIAL.length ? LOG_FACTORIAL[i]
                    : STIRLERR[i] + (x + 0.5) * Math.log(x) - x + 0.5 * LN_2PI;
        }
        for (int i = 1; i <= TABLE; i++) {
            INVERSE[i] = 1.0 / i;
        }
        for (int j = 0; j < ODD_INVERSE.length; j++) {
            ODD_INVERSE[j] = 1.0 / (2 * j + 1);
        }
    }

    private BinomialTest() {}

    /**
     * Tests {@code successes} out of {@code trials} against the probability {@code probability}.
     * GREATER gives {@code P(X >= successes)}, LESS {@code P(X <= successes)}, TWO_SIDED the sum of the
     * probabilities no greater than the observed one's.
     *
     * @param successes the observed count (errors), in {@code [0, trials]}
     * @param trials the number of trials (requests), in {@code [0, 2^31 - 1]}
     * @param probability the probability under the null hypothesis, in [0, 1]
     * @param alternative the alternative: GREATER tests whether the true probability exceeds it
     * @return the result
     * @throws IllegalArgumentException if a count is out of range, the probability is not in [0, 1]
     *     or the alternative is null
     */
    public static BinomialTestResult test(long successes, long trials, double probability, Alternative alternative) {
        Checks.notNull(alternative, "alternative");
        check(successes, trials, probability);
        double p = switch (alternative) {
            case GREATER -> upperTail(successes, trials, probability);
            case LESS -> upperTail(trials - successes, trials, 1 - probability, probability);
            case TWO_SIDED -> twoSided(successes, trials, probability);
        };
        return new BinomialTestResult(successes, trials, probability, alternative, clamp(p));
    }

    /**
     * The one-sided p-value of an excess: {@code P(X >= successes)} for {@code X ~ Binomial(trials,
     * probability)}. Equal to {@code test(successes, trials, probability, GREATER).pValue()}, without
     * the result object.
     *
     * @param successes the observed count, in {@code [0, trials]}
     * @param trials the number of trials, in {@code [0, 2^31 - 1]}
     * @param probability the null probability, in [0, 1]
     * @return the p-value in [0, 1]
     * @throws IllegalArgumentException as {@link #test(long, long, double, Alternative)}
     */
    public static double pValueGreater(long successes, long trials, double probability) {
        check(successes, trials, probability);
        return clamp(upperTail(successes, trials, probability));
    }

    /**
     * The probability mass {@code P(X = k)} for {@code X ~ Binomial(trials, probability)}.
     *
     * @param k the count, in {@code [0, trials]}
     * @param trials the number of trials, in {@code [0, 2^31 - 1]}
     * @param probability the probability, in [0, 1]
     * @return the probability in [0, 1]
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double probability(long k, long trials, double probability) {
        check(k, trials, probability);
        return clamp(pmf(k, trials, probability, 1 - probability));
    }

    /**
     * The one-sided Clopper-Pearson upper confidence bound of the proportion: the largest
     * probability under which {@code P(X <= successes)} is still at least {@code 1 - confidence}
     * (the {@code confidence} quantile of Beta(successes + 1, trials - successes)); 1 when every trial
     * succeeded.
     *
     * @param successes the observed count, in {@code [0, trials]}
     * @param trials the number of trials, in {@code [1, 2^31 - 1]}
     * @param confidence the confidence, in (0, 1)
     * @return the bound in [successes / trials, 1]
     * @throws IllegalArgumentException if a count or the confidence is out of range
     */
    public static double upperBound(long successes, long trials, double confidence) {
        checkBound(successes, trials, confidence);
        if (successes == trials) {
            return 1.0;
        }
        return bound(successes, trials, confidence, true);
    }

    /**
     * The one-sided Clopper-Pearson lower confidence bound of the proportion: the smallest
     * probability under which {@code P(X >= successes)} is still at least {@code 1 - confidence};
     * 0 when no trial succeeded.
     *
     * @param successes the observed count, in {@code [0, trials]}
     * @param trials the number of trials, in {@code [1, 2^31 - 1]}
     * @param confidence the confidence, in (0, 1)
     * @return the bound in [0, successes / trials]
     * @throws IllegalArgumentException if a count or the confidence is out of range
     */
    public static double lowerBound(long successes, long trials, double confidence) {
        checkBound(successes, trials, confidence);
        if (successes == 0) {
            return 0.0;
        }
        return bound(successes, trials, confidence, false);
    }

    /**
     * A Clopper-Pearson bound: where the tail {@code T(x)} (P(X &lt;= s) for the upper bound, falling
     * in x; P(X &gt;= s) for the lower one, rising) equals {@code 1 - confidence}. Newton's method on
     * log T, whose derivative is {@code -+ n P(Y = s or s - 1) / T} with Y ~ Binomial(n - 1, x), kept
     * inside the bracket (bisection when a step leaves it), from the Wilson score bound. Each bound is
     * solved directly, so a bound near 0 keeps its relative precision.
     */
    private static double bound(long s, long n, double confidence, boolean upper) {
        double alpha = 1 - confidence;
        double logAlpha = Math.log(alpha);
        double lo = upper ? (double) s / n : 0.0;
        double hi = upper ? 1.0 : (double) s / n;
        double x = wilson(s, n, confidence, upper);
        if (!(x > lo && x < hi)) {
            x = lo + (hi - lo) / 2;
        }
        for (int i = 0; i < NEWTON_STEPS; i++) {
            double tail = upper ? upperTail(n - s, n, 1 - x, x) : upperTail(s, n, x, 1 - x);
            if (tail > alpha == upper) {
                lo = x;
            } else {
                hi = x;
            }
            double density = n * pmf(upper ? s : s - 1, n - 1, x, 1 - x);
            double step = (Math.log(tail) - logAlpha) * tail / density;
            double next = tail > 0 && density > 0 ? (upper ? x + step : x - step) : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = lo + (hi - lo) / 2;
            }
            boolean done = Math.abs(next - x) <= 1e-15 * x || next <= lo || next >= hi;
            x = next;
            if (done) {
                break;
            }
        }
        return x;
    }

    /** The Wilson score interval's end at a confidence, the Newton start of {@link #bound}. */
    private static double wilson(long successes, long trials, double confidence, boolean upper) {
        double z = RankMath.normalQuantile(confidence);
        double n = trials;
        double ph = successes / n;
        double z2 = z * z;
        double half = z * Math.sqrt(ph * (1 - ph) / n + z2 / (4 * n * n));
        return (ph + z2 / (2 * n) + (upper ? half : -half)) / (1 + z2 / n);
    }

    private static void checkBound(long successes, long trials, double confidence) {
        Checks.inRange(trials, 1, MAX_TRIALS, "trials");
        Checks.inRange(successes, 0, trials, "successes");
        if (!(confidence > 0 && confidence < 1)) {
            throw Checks.invalid("confidence", "must be between 0 and 1 (exclusive)", confidence);
        }
    }

    private static void check(long successes, long trials, double probability) {
        Checks.inRange(trials, 0, MAX_TRIALS, "trials");
        Checks.inRange(successes, 0, trials, "successes");
        Checks.inRange(probability, 0, 1, "probability");
    }

    private static double clamp(double p) {
        return p < 0 ? 0 : p > 1 ? 1 : p;
    }

    /** P(X >= k), X ~ Binomial(n, p). */
    static double upperTail(long k, long n, double p) {
        return upperTail(k, n, p, 1 - p);
    }

    /** P(X >= k), X ~ Binomial(n, p), with q = 1 - p given separately (exact when p is near 1). */
    private static double upperTail(long k, long n, double p, double q) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n || p == 0) {
            return 0.0;
        }
        if (q == 0) {
            return 1.0;
        }
        if (n >= TABLE) {
            double tail = largeUpperTail(k, n, p, q);
            if (tail == tail) {
                return tail;
            }
        }
        long mode = mode(n, p);
        if (k > mode) {
            return sumUp(k, n, p, q);
        }
        // k - 1 lies below the mode: the lower tail P(X <= k - 1) is the one summed from its inner end
        return 1 - sumDown(k - 1, n, p, q);
    }

    /**
     * P(X >= k) for many trials, 1 &lt;= k &lt;= n, 0 &lt; p &lt; 1: by the asymptotic expansion, or, when
     * the counts (or their complements) are few, by a sum over the table of reciprocals (no
     * division); NaN where neither applies.
     */
    private static double largeUpperTail(long k, long n, double p, double q) {
        if (fewCounts(n, p, q)) {
            return fewUpper(k, n, p, q);
        }
        if (fewCounts(n, q, p)) {
            // P(X >= k) = P(Y <= n - k), Y = n - X ~ Binomial(n, q)
            return fewLower(n - k, n, q, p);
        }
        return asymptoticUpperTail(k, n, p, q);
    }

    /** Whether the mass of Binomial(n, p) lies well inside the reciprocal table (mean + 10 sd + 16 below it). */
    private static boolean fewCounts(long n, double p, double q) {
        double mean = n * p;
        return mean < TABLE && mean + 10 * Math.sqrt(mean * q) + 16 < TABLE;
    }

    /**
     * An upward sum past the mode stops at a term this small against the sum (the rest, falling
     * faster than geometrically, is a few such terms): far below the 1e-9 agreement the tests check.
     */
    private static final double NEGLIGIBLE = 1e-15;
    /**
     * A lower tail starts this many standard deviations below its end: below the mode the terms fall
     * at least as fast as the normal density's, so those left off weigh under exp(-8^2 / 2) = 1.3e-14
     * of the last one.
     */
    private static final double FEW_SPAN = 8;

    /** P(X >= k) when {@link #fewCounts}: upward from k past the mode, or one minus the lower tail; NaN if a start underflows. */
    private static double fewUpper(long k, long n, double p, double q) {
        long mode = mode(n, p);
        if (k <= mode) {
            return 1 - fewLower(k - 1, n, p, q);
        }
        double term = pmf(k, n, p, q);
        if (term == 0) {
            return Double.NaN;
        }
        double sum = term;
        double odds = p / q;
        double left = n - k; // n - i, exact in a double
        // four terms a step, each from the step's first by products of the ratios: one multiplication
        // and one addition a step carry over, the rest overlap
        for (int i = (int) k; i + 4 <= TABLE; i += 4) {
            double r0 = left * odds * INVERSE[i + 1];
            double r1 = (left - 1) * odds * INVERSE[i + 2];
            double r2 = (left - 2) * odds * INVERSE[i + 3];
            double r3 = (left - 3) * odds * INVERSE[i + 4];
            sum += fourTerms(term, r0, r1, r2, r3);
            term *= (r0 * r1) * (r2 * r3);
            left -= 4;
            if (term <= NEGLIGIBLE * sum) {
                return sum;
            }
        }
        return Double.NaN;
    }

    /** P(X <= m) when {@link #fewCounts}: upward from about 9 sd below m, or one minus the upper tail; NaN if a start underflows. */
    private static double fewLower(long m, long n, double p, double q) {
        if (m < 0) {
            return 0;
        }
        long mode = mode(n, p);
        if (m >= mode) {
            return 1 - fewUpper(m + 1, n, p, q);
        }
        long lo = Math.max(0, m - (long) Math.ceil(FEW_SPAN * Math.sqrt(n * p * q)) - 2);
        double term = pmf(lo, n, p, q);
        if (term == 0) {
            return Double.NaN;
        }
        double sum = term;
        double odds = p / q;
        double left = n - lo;
        int i = (int) lo;
        for (; i + 4 <= m; i += 4) {
            double r0 = left * odds * INVERSE[i + 1];
            double r1 = (left - 1) * odds * INVERSE[i + 2];
            double r2 = (left - 2) * odds * INVERSE[i + 3];
            double r3 = (left - 3) * odds * INVERSE[i + 4];
            sum += fourTerms(term, r0, r1, r2, r3);
            term *= (r0 * r1) * (r2 * r3);
            left -= 4;
        }
        for (; i < m; i++) {
            term *= left * odds * INVERSE[i + 1];
            sum += term;
            left--;
        }
        return sum;
    }

    /**
     * P(X >= k) = I_p(k, n - k + 1) by the uniform asymptotic expansion of the smaller tail
     * ({@link BetaMath#asymptoticSmallTail}), 1 &lt;= k &lt;= n; NaN where it does not apply (a count
     * or its complement below {@link BetaMath#ASYMPTOTIC_MIN}, or a tail beyond about 11 standard
     * deviations), where the sum is used.
     */
    private static double asymptoticUpperTail(long k, long n, double p, double q) {
        long b = n - k + 1;
        if (Math.min(k, b) < BetaMath.ASYMPTOTIC_MIN) {
            return Double.NaN;
        }
        double m = n + 1.0;
        // lambda = (a + b) q - b = k - (n + 1) p, and f = a rlog1(-lambda / a) + b rlog1(lambda / b) as deviances
        double f = bd0(k, m * p) + bd0(b, m * q);
        double corr = stirlerr(k) + stirlerr(b) - stirlerr(n + 1);
        if (k - m * p >= 0) {
            return BetaMath.asymptoticSmallTail(k, b, f, corr);
        }
        // the lower tail P(X <= k - 1) = I_q(n - k + 1, k) is the smaller one
        return 1 - BetaMath.asymptoticSmallTail(b, k, f, corr);
    }

    private static long mode(long n, double p) {
        double m = Math.floor((n + 1.0) * p);
        return (long) Math.min(n, Math.max(0, m));
    }

    /**
     * The next four terms of a tail sum from the current one and the four ratios, each from the first
     * by products of the ratios (one multiplication and one addition carry from step to step, the rest
     * overlap); the caller moves {@code term} on by {@code (r0 * r1) * (r2 * r3)}, the last of them.
     */
    private static double fourTerms(double term, double r0, double r1, double r2, double r3) {
        double r01 = r0 * r1;
        double t1 = term * r0;
        double t2 = term * r01;
        double t3 = t2 * r2;
        double t4 = term * (r01 * (r2 * r3));
        return (t1 + t2) + (t3 + t4);
    }

    /** Sum of f(i) for i = k .. n, k above the mode (terms decrease). */
    private static double sumUp(long k, long n, double p, double q) {
        return sumUp(pmf(k, n, p, q), k, n, p, q);
    }

    /** Sum of f(i) for i = k .. n given f(k), k above the mode. */
    private static double sumUp(double first, long k, long n, double p, double q) {
        double term = first;
        double sum = term;
        double odds = p / q;
        if (n < TABLE) {
            int m = (int) n;
            int i = (int) k;
            // four terms a step as in fewUpper; stop when a step no longer changes the sum
            for (; i + 4 <= m; i += 4) {
                double r0 = (m - i) * odds * INVERSE[i + 1];
                double r1 = (m - i - 1) * odds * INVERSE[i + 2];
                double r2 = (m - i - 2) * odds * INVERSE[i + 3];
                double r3 = (m - i - 3) * odds * INVERSE[i + 4];
                double next = sum + fourTerms(term, r0, r1, r2, r3);
                term *= (r0 * r1) * (r2 * r3);
                if (next == sum) {
                    return sum;
                }
                sum = next;
            }
            for (; i < m && term > 0; i++) {
                term *= (m - i) * odds * INVERSE[i + 1];
                double next = sum + term;
                if (next == sum) {
                    break;
                }
                sum = next;
            }
            return sum;
        }
        for (long i = k; i < n && term > 0; i++) {
            term *= (double) (n - i) / (i + 1) * odds;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return sum;
    }

    /** Sum of f(i) for i = 0 .. k, k at or below the mode (terms decrease going down). */
    private static double sumDown(long k, long n, double p, double q) {
        return sumDown(pmf(k, n, p, q), k, n, p, q);
    }

    /** Sum of f(i) for i = 0 .. k given f(k), k at or below the mode. */
    private static double sumDown(double first, long k, long n, double p, double q) {
        double term = first;
        double sum = term;
        double odds = q / p;
        if (n < TABLE) {
            int m = (int) n;
            int i = (int) k;
            for (; i >= 4; i -= 4) {
                double r0 = i * odds * INVERSE[m - i + 1];
                double r1 = (i - 1) * odds * INVERSE[m - i + 2];
                double r2 = (i - 2) * odds * INVERSE[m - i + 3];
                double r3 = (i - 3) * odds * INVERSE[m - i + 4];
                double next = sum + fourTerms(term, r0, r1, r2, r3);
                term *= (r0 * r1) * (r2 * r3);
                if (next == sum) {
                    return sum;
                }
                sum = next;
            }
            for (; i > 0 && term > 0; i--) {
                term *= i * odds * INVERSE[m - i + 1];
                double next = sum + term;
                if (next == sum) {
                    break;
                }
                sum = next;
            }
            return sum;
        }
        for (long i = k; i > 0 && term > 0; i--) {
            term *= (double) i / (n - i + 1) * odds;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return sum;
    }

    private static double twoSided(long k, long n, double p) {
        double q = 1 - p;
        if (p == 0 || q == 0 || n == 0) {
            // a degenerate distribution: the observed count is the only possible one
            return 1.0;
        }
        long mode = mode(n, p);
        if (k == mode) {
            return 1.0;
        }
        double fk = pmf(k, n, p, q);
        double d = fk * RELATIVE_ERROR;
        if (n >= TABLE) {
            return twoSidedLarge(k, n, p, q, mode, d);
        }
        double odds = p / q;
        double term = pmf(mode, n, p, q);
        if (k < mode) {
            // P(X <= k) + P(X >= j), j the first count above the mode no more probable than k
            long j = mode;
            while (j < n && term > d) {
                term *= (double) (n - j) / (j + 1) * odds;
                j++;
            }
            double upper = term > d ? 0 : sumUp(term, j, n, p, q);
            return sumDown(fk, k, n, p, q) + upper;
        }
        long j = mode;
        double inverse = q / p;
        while (j > 0 && term > d) {
            term *= (double) j / (n - j + 1) * inverse;
            j--;
        }
        double lower = term > d ? 0 : sumDown(term, j, n, p, q);
        return lower + sumUp(fk, k, n, p, q);
    }

    /**
     * The two-sided p-value for many trials: the mirror count (the first one beyond the mode, on the
     * other side, no more probable than k) from the normal approximation's mirror image and a few
     * steps of the ratio recurrence, then the two tails, each by the asymptotic expansion where it
     * applies. {@code d} is P(X = k) with the relative tolerance.
     */
    private static double twoSidedLarge(long k, long n, double p, double q, long mode, double d) {
        double mirror = Math.rint(2 * (n * p) - k);
        if (k < mode) {
            if (d == 0 || mode == n) {
                // nothing beyond the mode is positive and no more probable than an underflowed P(X = k)
                return upperTail(n - k, n, q, p);
            }
            long j = (long) Math.max(mode + 1.0, Math.min(n, mirror));
            double fj = pmf(j, n, p, q);
            if (fj == 0) {
                // deep in an underflowed tail the recurrence cannot climb: bisect (pmf(mode) > d, pmf(j) <= d)
                long hi = j;
                long lo = mode;
                while (hi - lo > 1) {
                    long mid = lo + (hi - lo) / 2;
                    if (pmf(mid, n, p, q) <= d) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                j = hi;
                fj = pmf(j, n, p, q);
            }
            if (fj <= d) {
                // step towards the mode while the next count is still no more probable than k
                while (j - 1 > mode) {
                    double previous = fj * ((double) j / (n - j + 1)) * (q / p);
                    if (previous > d) {
                        break;
                    }
                    fj = previous;
                    j--;
                }
            } else {
                while (j < n && fj > d) {
                    fj *= (double) (n - j) / (j + 1) * (p / q);
                    j++;
                }
            }
            double upper = fj <= d ? upperTail(j, n, p, q) : 0;
            return upperTail(n - k, n, q, p) + upper;
        }
        if (d == 0 || mode == 0) {
            return upperTail(k, n, p, q);
        }
        long j = (long) Math.min(mode - 1.0, Math.max(0, mirror));
        double fj = pmf(j, n, p, q);
        if (fj == 0) {
            long lo = j;
            long hi = mode;
            while (hi - lo > 1) {
                long mid = lo + (hi - lo) / 2;
                if (pmf(mid, n, p, q) <= d) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            j = lo;
            fj = pmf(j, n, p, q);
        }
        if (fj <= d) {
            while (j + 1 < mode) {
                double next = fj * ((double) (n - j) / (j + 1)) * (p / q);
                if (next > d) {
                    break;
                }
                fj = next;
                j++;
            }
        } else {
            while (j > 0 && fj > d) {
                fj *= (double) j / (n - j + 1) * (q / p);
                j--;
            }
        }
        double lower = fj <= d ? upperTail(n - j, n, q, p) : 0;
        return lower + upperTail(k, n, p, q);
    }

    /** P(X = k) by Loader's saddle-point expansion; q = 1 - p. */
    static double pmf(long k, long n, double p, double q) {
        if (p == 0) {
            return k == 0 ? 1 : 0;
        }
        if (q == 0) {
            return k == n ? 1 : 0;
        }
        if (k == 0) {
            if (n == 0) {
                return 1;
            }
            double lc = p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
            return Math.exp(lc);
        }
        if (k == n) {
            double lc = q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
            return Math.exp(lc);
        }
        if (n < TABLE) {
            // log C(n, k) + k log p + (n - k) log q: the table's absolute error, about 1e-12, is the pmf's relative one
            return Math.exp(LOG_FACTORIAL_TABLE[(int) n] - LOG_FACTORIAL_TABLE[(int) k] - LOG_FACTORIAL_TABLE[(int) (n - k)]
                    + k * Math.log(p) + (n - k) * Math.log(q));
        }
        double lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
        // log(2 pi k (n - k) / n) with one log: the argument's rounding is a few 1e-16 of the result
        double lf = LN_2PI + Math.log(k * ((n - k) / (double) n));
        return Math.exp(lc - 0.5 * lf);
    }

    /** log(n!) - log(sqrt(2 pi n) (n / e)^n), the error of Stirling's formula. */
    static double stirlerr(long n) {
        if (n < TABLE) {
            return STIRLERR[(int) n];
        }
        // n > 500: the series' first two terms, by one division
        double r = 1.0 / n;
        return (1.0 / 12 - 1.0 / 360 * r * r) * r;
    }

    /** {@link #stirlerr} from log(n!) or the series, for the table. */
    private static double stirlerrSeries(long n) {
        if (n < LOG_FACTORIAL.length) {
            double x = n;
            return LOG_FACTORIAL[(int) n] - (x + 0.5) * Math.log(x) + x - 0.5 * LN_2PI;
        }
        double s0 = 1.0 / 12;
        double s1 = 1.0 / 360;
        double s2 = 1.0 / 1260;
        double s3 = 1.0 / 1680;
        double s4 = 1.0 / 1188;
        double x = n;
        double nn = x * x;
        if (n > 500) {
            return (s0 - s1 / nn) / x;
        }
        if (n > 80) {
            return (s0 - (s1 - s2 / nn) / nn) / x;
        }
        if (n > 35) {
            return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / x;
        }
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / x;
    }

    /** x log(x / np) + np - x, computed without cancellation when x is near np. */
    static double bd0(double x, double np) {
        if (Math.abs(x - np) < 0.1 * (x + np)) {
            double v = (x - np) / (x + np);
            double s = (x - np) * v;
            double ej = 2 * x * v;
            double v2 = v * v;
            for (int j = 1; j < 1000; j++) {
                ej *= v2;
                double s1 = s + ej * (j < ODD_INVERSE.length ? ODD_INVERSE[j] : 1.0 / (2 * j + 1));
                if (s1 == s) {
                    return s1;
                }
                s = s1;
            }
            return s;
        }
        return x * Math.log(x / np) + np - x;
    }
}
