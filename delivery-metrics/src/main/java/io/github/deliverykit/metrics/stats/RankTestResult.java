package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.stats.MannWhitney.PValueMethod;

/**
 * The outcome of a Mann-Whitney U (Wilcoxon rank-sum) test of a sample {@code x} against a sample
 * {@code y}.
 *
 * @param n1 the size of {@code x}
 * @param n2 the size of {@code y}
 * @param u the U statistic of {@code x}: the number of pairs with x &gt; y plus half the tied pairs
 * @param z the standardized statistic (after the corrections the test used); informational when the
 *     p-value is exact
 * @param pValue the p-value under the chosen alternative, in [0, 1]
 * @param alternative the alternative hypothesis tested
 * @param method the method actually used ({@link PValueMethod#EXACT} or
 *     {@link PValueMethod#ASYMPTOTIC}, never AUTO)
 * @param tieSum the tie term: the sum over tied groups of t^3 - t (0 without ties)
 */
public record RankTestResult(long n1, long n2, double u, double z, double pValue, Alternative alternative,
        PValueMethod method, double tieSum) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a size is not positive, U is outside [0, n1 n2], the
     *     p-value outside [0, 1], or a field is null
     */
    public RankTestResult {
        Checks.positive(n1, "n1");
        Checks.positive(n2, "n2");
        Checks.inRange(u, 0, (double) n1 * n2, "u");
        if (Double.isInfinite(z)) {
            throw Checks.invalid("z", "must not be infinite", z);
        }
        Checks.inRange(pValue, 0, 1, "pValue");
        Checks.notNull(alternative, "alternative");
        Checks.notNull(method, "method");
        if (method == PValueMethod.AUTO) {
            throw Checks.invalid("method", "must be the method used (EXACT or ASYMPTOTIC)", method);
        }
        Checks.nonNegative(tieSum, "tieSum");
    }

    /**
     * The U statistic of {@code y}: {@code n1 n2 - u}.
     *
     * @return U2
     */
    public double u2() {
        return (double) n1 * n2 - u;
    }

    /**
     * The larger of the two U statistics (what Apache Commons Math 3 reports as the statistic).
     *
     * @return max(U1, U2)
     */
    public double uMax() {
        return Math.max(u, u2());
    }

    /**
     * The smaller of the two U statistics.
     *
     * @return min(U1, U2)
     */
    public double uMin() {
        return Math.min(u, u2());
    }

    /**
     * The common-language effect size: the probability that a random x exceeds a random y (ties
     * counted half), {@code u / (n1 n2)}.
     *
     * @return a value in [0, 1]; 0.5 means no shift
     */
    public double commonLanguageEffectSize() {
        return u / ((double) n1 * n2);
    }

    /**
     * Whether there were tied values across the pooled samples.
     *
     * @return true with ties
     */
    public boolean hasTies() {
        return tieSum > 0;
    }
}
