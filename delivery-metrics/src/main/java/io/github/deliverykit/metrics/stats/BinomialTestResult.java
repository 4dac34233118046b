package io.github.deliverykit.metrics.stats;

import io.github.deliverykit.core.check.Checks;

/**
 * The outcome of an exact one-sample binomial test (for example a canary's errors among its
 * requests against the error-rate gate).
 *
 * @param successes the observed count (e.g. errors)
 * @param trials the number of trials (e.g. requests)
 * @param probability the probability under the null hypothesis (e.g. the gate's error rate)
 * @param alternative the alternative: GREATER tests whether the true probability exceeds it
 * @param pValue the p-value under the alternative, in [0, 1]
 */
public record BinomialTestResult(long successes, long trials, double probability, Alternative alternative,
        double pValue) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a count is out of range, the probability or p-value is
     *     outside [0, 1] or the alternative is null
     */
    public BinomialTestResult {
        Checks.inRange(trials, 0, BinomialTest.MAX_TRIALS, "trials");
        Checks.inRange(successes, 0, trials, "successes");
        Checks.inRange(probability, 0, 1, "probability");
        Checks.notNull(alternative, "alternative");
        Checks.inRange(pValue, 0, 1, "pValue");
    }

    /**
     * The observed proportion.
     *
     * @return successes / trials, 0 without trials
     */
    public double proportion() {
        return trials == 0 ? 0 : (double) successes / trials;
    }

    /**
     * Whether the test rejects the null hypothesis at a confidence.
     *
     * @param confidence the confidence, in (0, 1), e.g. 0.98
     * @return true when the p-value is below {@code 1 - confidence}
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     */
    public boolean significant(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw Checks.invalid("confidence", "must be between 0 and 1 (exclusive)", confidence);
        }
        return pValue < 1 - confidence;
    }
}
