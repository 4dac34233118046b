package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.check.Checks;
import java.util.OptionalDouble;
import io.github.deliverykit.metrics.dora.DoraDataset.DoraCounts;

/**
 * A ratio of two counts with its sample size (the denominator). With a denominator of 0 there is
 * no value: "no data" is not 0 %.
 *
 * @param numerator the counted cases
 * @param denominator the sample size
 */
public record Rate(long numerator, long denominator) {

    /**
     * Validates the rate.
     *
     * @throws IllegalArgumentException if a count is negative or the numerator exceeds the denominator
     */
    public Rate {
        Checks.nonNegative(numerator, "numerator");
        Checks.nonNegative(denominator, "denominator");
        if (numerator > denominator) {
            throw Checks.invalid("numerator", "must not exceed the denominator " + denominator, numerator);
        }
    }

    /**
     * The ratio in [0, 1].
     *
     * @return the ratio, or empty when the denominator is 0
     */
    public OptionalDouble value() {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }

    /**
     * Adds two rates' counts (a mergeable accumulator).
     *
     * @param other the other rate
     * @return the sum
     * @throws IllegalArgumentException if a count overflows
     */
    public Rate plus(Rate other) {
        Checks.notNull(other, "other");
        return new Rate(DoraCounts.add(numerator, other.numerator, "numerator"),
                DoraCounts.add(denominator, other.denominator, "denominator"));
    }
}
