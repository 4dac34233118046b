package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.money.Money;

/**
 * What a {@link SpendGuard} decided: CONTINUE, WARN or KILL, one finding for the session and one
 * for the day ({@code spend.session_within} / {@code _near_cap} / {@code _cap_reached}, the same for
 * {@code day}, and {@code spend.session_killed} for a session killed earlier), and the numbers.
 *
 * @param verdict what the session may do next
 * @param sessionSpent what the session has spent
 * @param daySpent what all sessions spent in the day
 * @param sessionPercent the session spend as a percentage of its cap, rounded down
 * @param dayPercent the day spend as a percentage of its cap, rounded down
 * @param findings the findings in order
 */
public record SpendDecision(Verdict verdict, Money sessionSpent, Money daySpent, long sessionPercent,
        long dayPercent, Findings findings) implements Decided<SpendDecision.Verdict> {

    /** What an agent session may do next, given its spend. */
    public enum Verdict {
        /** Below every warning threshold. */
        CONTINUE,
        /** Near a cap. */
        WARN,
        /** A cap is reached: stop the session (kill switch). */
        KILL
    }

    /**
     * Validates the decision.
     *
     * @throws IllegalArgumentException if a field is null or a percentage negative
     */
    public SpendDecision {
        Checks.notNull(verdict, "verdict");
        Checks.notNull(sessionSpent, "sessionSpent");
        Checks.notNull(daySpent, "daySpent");
        Checks.nonNegative(sessionPercent, "sessionPercent");
        Checks.nonNegative(dayPercent, "dayPercent");
        Checks.notNull(findings, "findings");
    }

    /**
     * Whether the session must stop.
     *
     * @return true for KILL
     */
    public boolean kill() {
        return verdict == Verdict.KILL;
    }
}
