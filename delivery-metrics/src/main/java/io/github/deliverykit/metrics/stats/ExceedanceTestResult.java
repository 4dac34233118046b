package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;

/**
 * The outcome of an {@link ExceedanceTest}: how many values of a sample {@code x} lie beyond the
 * largest (or smallest) values of a sample {@code y}, tested at several ranks together.
 *
 * @param n1 the size of {@code x}
 * @param n2 the size of {@code y}
 * @param ranks how many ranks were tested together (1 to {@code ranks})
 * @param rank the rank whose exceedance count was the most significant (1: beyond the extreme of
 *     {@code y}, 2: beyond its second most extreme value, ...)
 * @param exceedances the values of {@code x} strictly beyond the {@code rank}-th most extreme value
 *     of {@code y}, in the tested direction
 * @param marginalPValue the exact p-value of that count alone, in [0, 1]
 * @param pValue the exact p-value of the smallest marginal p-value over the ranks (min-p), in [0, 1]
 * @param alternative GREATER: {@code x} has more values above the largest of {@code y}; LESS: below
 *     the smallest; TWO_SIDED: either (the smaller side's p-value doubled)
 */
public record ExceedanceTestResult(long n1, long n2, int ranks, int rank, long exceedances, double marginalPValue,
        double pValue, Alternative alternative) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a size is below 1, a rank outside its range, the count
     *     outside [0, n1], a p-value outside [0, 1], or the alternative null
     */
    public ExceedanceTestResult {
        Checks.inRange(n1, 1, Long.MAX_VALUE, "n1");
        Checks.inRange(n2, 1, Long.MAX_VALUE, "n2");
        Checks.inRange(ranks, 1, n2, "ranks");
        Checks.inRange(rank, 1, ranks, "rank");
        Checks.inRange(exceedances, 0, n1, "exceedances");
        Checks.inRange(marginalPValue, 0, 1, "marginalPValue");
        Checks.inRange(pValue, 0, 1, "pValue");
        Checks.notNull(alternative, "alternative");
    }

    /**
     * The exceedance ratio: the share of {@code x} beyond the {@code rank}-th extreme of {@code y}
     * over the share of {@code y} at or beyond it.
     *
     * @return (exceedances / n1) / (rank / n2); 1 when x is like y, larger when x has the heavier tail
     */
    public double exceedanceRatio() {
        return ((double) exceedances / n1) / ((double) rank / n2);
    }
}
