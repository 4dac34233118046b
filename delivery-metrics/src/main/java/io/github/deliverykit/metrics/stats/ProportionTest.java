package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;

/**
 * Tests of two proportions from counts: Fisher's exact test and the pooled two-proportion z test.
 * Used to compare canary and baseline error rates, where the z test's normal approximation is poor
 * for the small counts of early canary stages.
 *
 * <p>Fisher's test sums the hypergeometric probabilities outward from the mode by their ratio
 * recurrence, stopping once they underflow, so it costs O(standard deviation) and never computes a
 * factorial. The two-sided p-value sums the tables no more probable than the observed one (relative
 * tolerance 1e-7, as R's {@code fisher.test}). Stateless and thread safe; no allocation.
 */
public final class ProportionTest {

    /** {@link Method#AUTO} uses Fisher's test when an expected cell count is below this. */
    public static final double DEFAULT_MIN_EXPECTED = 5.0;

    private static final double RELATIVE_ERROR = 1 + 1e-7;

    private ProportionTest() {}

    /** How the two proportions are compared. */
    public enum Method {
        /** Fisher's exact test when an expected count is below {@link #DEFAULT_MIN_EXPECTED}, else the z test. */
        AUTO,
        /** Fisher's exact test (conditional on the margins). */
        FISHER_EXACT,
        /** The pooled two-proportion z test (with Yates' continuity correction when asked). */
        Z_TEST
    }

    /**
     * Compares two proportions with the chosen method.
     *
     * @param successes1 events in group 1
     * @param trials1 size of group 1
     * @param successes2 events in group 2
     * @param trials2 size of group 2
     * @param alternative the alternative, for group 1 against group 2
     * @param method the method
     * @return the result
     * @throws IllegalArgumentException if a count is negative, a group is empty, successes exceed
     *     trials, the total overflows, or an argument is null
     */
    public static ProportionTestResult test(long successes1, long trials1, long successes2, long trials2,
            Alternative alternative, Method method) {
        Checks.notNull(method, "method");
        Checks.notNull(alternative, "alternative");
        checkCounts(successes1, trials1, successes2, trials2);
        Method m = method;
        if (m == Method.AUTO) {
            m = minExpected(successes1, trials1, successes2, trials2) < DEFAULT_MIN_EXPECTED
                    ? Method.FISHER_EXACT : Method.Z_TEST;
        }
        return m == Method.FISHER_EXACT
                ? fisherExact(successes1, trials1, successes2, trials2, alternative)
                : zTest(successes1, trials1, successes2, trials2, alternative, false);
    }

    /**
     * The pooled two-proportion z test.
     *
     * @param successes1 events in group 1
     * @param trials1 size of group 1
     * @param successes2 events in group 2
     * @param trials2 size of group 2
     * @param alternative the alternative, for group 1 against group 2
     * @param continuityCorrection whether to apply Yates' correction
     * @return the result; p = 1 and z = 0 when both groups are all events or all non-events
     * @throws IllegalArgumentException on inconsistent counts or a null alternative
     */
    public static ProportionTestResult zTest(long successes1, long trials1, long successes2, long trials2,
            Alternative alternative, boolean continuityCorrection) {
        Checks.notNull(alternative, "alternative");
        checkCounts(successes1, trials1, successes2, trials2);
        double p1 = (double) successes1 / trials1;
        double p2 = (double) successes2 / trials2;
        double inv = 1.0 / trials1 + 1.0 / trials2;
        double se = pooledSe(successes1, trials1, successes2, trials2);
        double z;
        double p;
        if (!(se > 0)) {
            z = 0;
            p = 1;
        } else {
            double diff = p1 - p2;
            double c = 0;
            if (continuityCorrection) {
                double half = 0.5 * inv;
                c = switch (alternative) {
                    case TWO_SIDED -> Math.signum(diff) * Math.min(half, Math.abs(diff));
                    case GREATER -> half;
                    case LESS -> -half;
                };
            }
            z = (diff - c) / se;
            p = switch (alternative) {
                case TWO_SIDED -> 2 * RankMath.normalCdf(-Math.abs(z));
                case GREATER -> RankMath.normalCdf(-z);
                case LESS -> RankMath.normalCdf(z);
            };
        }
        return new ProportionTestResult(successes1, trials1, successes2, trials2, z, Math.min(1, p), alternative,
                Method.Z_TEST);
    }

    /**
     * Fisher's exact test of the 2x2 table [[successes1, trials1 - successes1], [successes2,
     * trials2 - successes2]].
     *
     * @param successes1 events in group 1
     * @param trials1 size of group 1
     * @param successes2 events in group 2
     * @param trials2 size of group 2
     * @param alternative GREATER tests whether group 1's proportion is larger
     * @return the result (z is the pooled z statistic, for information)
     * @throws IllegalArgumentException on inconsistent counts or a null alternative
     */
    public static ProportionTestResult fisherExact(long successes1, long trials1, long successes2, long trials2,
            Alternative alternative) {
        Checks.notNull(alternative, "alternative");
        checkCounts(successes1, trials1, successes2, trials2);
        long total = trials1 + trials2;
        long events = successes1 + successes2;
        // X = successes1 ~ Hypergeometric(total, events, trials1)
        long lo = Math.max(0, trials1 - (total - events));
        long hi = Math.min(trials1, events);
        long mode = (long) Math.floor(((double) trials1 + 1) * ((double) events + 1) / ((double) total + 2));
        mode = Math.max(lo, Math.min(hi, mode));
        double observed = weight(mode, successes1, trials1, events, total);
        double threshold = observed * RELATIVE_ERROR;
        double sum = 0;
        double lower = 0; // P(X <= x), unnormalised
        double upper = 0; // P(X >= x)
        double twoSided = 0;
        // walk up from the mode
        double w = 1;
        for (long k = mode; k <= hi; k++) {
            if (k > mode) {
                w *= ratio(k - 1, trials1, events, total);
            }
            if (w == 0) {
                break;
            }
            sum += w;
            if (k <= successes1) {
                lower += w;
            }
            if (k >= successes1) {
                upper += w;
            }
            if (w <= threshold) {
                twoSided += w;
            }
        }
        w = 1;
        for (long k = mode - 1; k >= lo; k--) {
            w /= ratio(k, trials1, events, total);
            if (w == 0 || !Double.isFinite(w)) {
                break;
            }
            sum += w;
            if (k <= successes1) {
                lower += w;
            }
            if (k >= successes1) {
                upper += w;
            }
            if (w <= threshold) {
                twoSided += w;
            }
        }
        double p = switch (alternative) {
            case TWO_SIDED -> twoSided / sum;
            case GREATER -> upper / sum;
            case LESS -> lower / sum;
        };
        // the pooled z statistic for information, without the normal tail the z test would also compute
        double se = pooledSe(successes1, trials1, successes2, trials2);
        double z = se > 0 ? ((double) successes1 / trials1 - (double) successes2 / trials2) / se : 0;
        return new ProportionTestResult(successes1, trials1, successes2, trials2, z,
                Math.min(1, Math.max(0, p)), alternative, Method.FISHER_EXACT);
    }

    /** The standard error of the difference of proportions under the pooled proportion (0 when degenerate). */
    private static double pooledSe(long s1, long n1, long s2, long n2) {
        double pooled = ((double) s1 + s2) / ((double) n1 + n2);
        return Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    }

    /** f(k + 1) / f(k) for the hypergeometric distribution. */
    private static double ratio(long k, long n, long events, long total) {
        return ((double) (events - k) * (n - k)) / ((double) (k + 1) * (total - events - n + k + 1));
    }

    /** The weight of x relative to the mode's weight 1 (product of ratios). */
    private static double weight(long mode, long x, long n, long events, long total) {
        double w = 1;
        if (x >= mode) {
            for (long k = mode; k < x && w > 0; k++) {
                w *= ratio(k, n, events, total);
            }
        } else {
            for (long k = mode - 1; k >= x && w > 0 && Double.isFinite(w); k--) {
                w /= ratio(k, n, events, total);
            }
        }
        return Double.isFinite(w) ? w : 0;
    }

    private static double minExpected(long s1, long n1, long s2, long n2) {
        double total = (double) n1 + n2;
        double events = (double) s1 + s2;
        double nonEvents = total - events;
        double a = n1 * events / total;
        double b = n1 * nonEvents / total;
        double c = n2 * events / total;
        double d = n2 * nonEvents / total;
        return Math.min(Math.min(a, b), Math.min(c, d));
    }

    private static void checkCounts(long s1, long n1, long s2, long n2) {
        Checks.positive(n1, "trials1");
        Checks.positive(n2, "trials2");
        Checks.inRange(s1, 0, n1, "successes1");
        Checks.inRange(s2, 0, n2, "successes2");
        if (n1 > Long.MAX_VALUE - n2) {
            throw Checks.invalid("trials1 + trials2", "must not overflow a long", (double) n1 + n2);
        }
    }
}
