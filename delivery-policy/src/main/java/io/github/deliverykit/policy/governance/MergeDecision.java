package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import java.util.List;

/**
 * How one pull request may merge, as a {@link MergeGate} decided it: the verdict, the findings in
 * order, and the typed results (CI rounds and where they came from, failed and pending checks,
 * protected paths touched).
 *
 * @param pullRequestId the pull request
 * @param verdict how it may merge
 * @param ciRounds the CI rounds counted
 * @param ciRoundsDerived true when the rounds were derived from the CI runs, false when given
 * @param failedChecks the checks whose latest run failed, in first-seen order
 * @param pendingChecks the checks not finished, cancelled or required but not reported
 * @param protectedPaths the protected paths the pull request touches
 * @param findings the findings in order
 */
public record MergeDecision(String pullRequestId, Verdict verdict, int ciRounds, boolean ciRoundsDerived,
        List<String> failedChecks, List<String> pendingChecks, List<String> protectedPaths, Findings findings)
        implements Decided<MergeDecision.Verdict> {

    /** How a pull request may merge, from best to worst. */
    public enum Verdict {
        /** Green: all checks pass, policy satisfied, within the CI-round budget, no protected path. */
        AUTO_MERGE,
        /** Checks still running; evaluate again when they finish. */
        WAIT,
        /** Needs a human: too many CI rounds (investigate) or a protected path touched. */
        FLAGGED,
        /** Must not merge: a check failed or policy is violated. */
        BLOCKED
    }

    /**
     * Validates the decision.
     *
     * @throws IllegalArgumentException if a field is null, the id blank or the rounds negative
     */
    public MergeDecision {
        Checks.notBlank(pullRequestId, "pullRequestId");
        Checks.notNull(verdict, "verdict");
        Checks.nonNegative(ciRounds, "ciRounds");
        failedChecks = Checks.listOf(failedChecks, "failedChecks");
        pendingChecks = Checks.listOf(pendingChecks, "pendingChecks");
        protectedPaths = Checks.listOf(protectedPaths, "protectedPaths");
        Checks.notNull(findings, "findings");
    }

    /**
     * Whether the pull request is green.
     *
     * @return true for {@link Verdict#AUTO_MERGE}
     */
    public boolean green() {
        return verdict == Verdict.AUTO_MERGE;
    }
}
