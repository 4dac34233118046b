package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.spi.Shadow;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
 * @param shadowed the rules that ran in shadow (before their effective date), with what they would
 *     have decided, in rule order
 * @param wouldBe the verdict had every rule been enforced (equal to {@code verdict} when none ran in shadow)
 */
public record MergeDecision(String pullRequestId, Verdict verdict, int ciRounds, boolean ciRoundsDerived,
        List<String> failedChecks, List<String> pendingChecks, List<String> protectedPaths, Findings findings,
        List<Shadow> shadowed, Verdict wouldBe)
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
        shadowed = Checks.listOf(shadowed, "shadowed");
        Checks.notNull(wouldBe, "wouldBe");
    }

    /**
     * A decision in which no rule ran in shadow.
     *
     * @param pullRequestId the pull request
     * @param verdict how it may merge
     * @param ciRounds the CI rounds counted
     * @param ciRoundsDerived true when the rounds were derived from the CI runs
     * @param failedChecks the failed checks
     * @param pendingChecks the pending checks
     * @param protectedPaths the protected paths touched
     * @param findings the findings in order
     * @throws IllegalArgumentException if a field is null, the id blank or the rounds negative
     */
    public MergeDecision(String pullRequestId, Verdict verdict, int ciRounds, boolean ciRoundsDerived,
            List<String> failedChecks, List<String> pendingChecks, List<String> protectedPaths, Findings findings) {
        this(pullRequestId, verdict, ciRounds, ciRoundsDerived, failedChecks, pendingChecks, protectedPaths, findings,
                List.of(), verdict);
    }

    /**
     * The shadow record of a rule, if it ran in shadow.
     *
     * @param rule the rule id, e.g. {@link MergeGate#CI_ROUNDS}
     * @return what it would have decided, empty when it was enforced (or did not run)
     */
    public Optional<Shadow> shadow(@Nullable String rule) {
        for (Shadow s : shadowed) {
            if (s.rule().equals(rule)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
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
