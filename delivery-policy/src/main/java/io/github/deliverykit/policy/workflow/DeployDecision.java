package io.github.deliverykit.policy.workflow;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.RolloutPlan;
import io.github.deliverykit.policy.release.ReadinessDecision;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The deploy step of the workflow: whether a release may start rolling out, given its readiness
 * decision and the error budget's freeze decision, and if so the started {@link Rollout} on the
 * default plan of the strategy the release was planned with.
 *
 * @param verdict started or blocked
 * @param findings why, in order
 * @param release the readiness decision the step consumed
 * @param freeze the freeze decision the step consumed, or null when no budget was tracked
 * @param plan the rollout plan of the release's strategy, or null when no strategy is feasible (then BLOCKED)
 * @param rollout the started rollout, or null when blocked
 */
public record DeployDecision(Verdict verdict, Findings findings, ReadinessDecision release,
        @Nullable FreezeDecision freeze, @Nullable RolloutPlan plan, @Nullable Rollout rollout)
        implements Decided<DeployDecision.Verdict> {

    /** Whether the rollout started. */
    public enum Verdict {
        /** The rollout started at its first stage. */
        STARTED,
        /** The release is NO-GO or the error budget freezes the deploy. */
        BLOCKED
    }

    /**
     * Validates the decision.
     *
     * @throws IllegalArgumentException if a required field is null, the plan is missing for a feasible strategy
     *     (or present for none), or the rollout is missing for a
     *     started deploy or present for a blocked one
     */
    public DeployDecision {
        Checks.notNull(verdict, "verdict");
        Checks.notNull(findings, "findings");
        Checks.notNull(release, "release");
        if ((plan == null) == release.strategy().feasible()) {
            throw Checks.invalid("plan", "must be present exactly when the release's strategy is feasible", plan);
        }
        if (plan == null && verdict == Verdict.STARTED) {
            throw Checks.invalid("plan", "must be present when the deploy STARTED", null);
        }
        if ((verdict == Verdict.STARTED) != (rollout != null)) {
            throw Checks.invalid("rollout", "must be present exactly when the deploy STARTED (verdict " + verdict + ")",
                    rollout);
        }
    }

    /**
     * The rollout plan of the release's strategy.
     *
     * @return the plan, empty when no strategy is feasible
     */
    public Optional<RolloutPlan> rolloutPlan() {
        return Optional.ofNullable(plan);
    }

    /**
     * The started rollout.
     *
     * @return the rollout, empty when blocked
     */
    public Optional<Rollout> startedRollout() {
        return Optional.ofNullable(rollout);
    }
}
