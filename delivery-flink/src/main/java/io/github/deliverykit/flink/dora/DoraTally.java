package io.github.deliverykit.flink.dora;

import io.github.deliverykit.core.check.Checks;

/**
 * The deployment counts of one service in one window, mergeable: finished production deployments,
 * the successful ones (deployment frequency's numerator) and those failed by their own outcome
 * (FAILED or ROLLED_BACK). They equal {@link io.github.deliverykit.metrics.dora.DoraDataset.DoraCounts}'s
 * {@code deployments} and {@code successful}; {@code failedByOutcome} is a lower bound of its
 * {@code failed}, which also counts deployments an incident is attributed to (a join this
 * aggregate does not make). A Flink record type.
 *
 * @param deployments finished production deployments
 * @param successful of those, successful
 * @param failedByOutcome of those, failed or rolled back
 */
public record DoraTally(long deployments, long successful, long failedByOutcome) {

    /** All zero. */
    public static final DoraTally ZERO = new DoraTally(0, 0, 0);

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public DoraTally {
        Checks.nonNegative(deployments, "deployments");
        Checks.nonNegative(successful, "successful");
        Checks.nonNegative(failedByOutcome, "failedByOutcome");
    }

    /**
     * Adds two tallies.
     *
     * @param o the other
     * @return the sums
     * @throws ArithmeticException never in practice: counts are below 2^63
     */
    public DoraTally plus(DoraTally o) {
        return new DoraTally(Math.addExact(deployments, o.deployments), Math.addExact(successful, o.successful),
                Math.addExact(failedByOutcome, o.failedByOutcome));
    }
}
