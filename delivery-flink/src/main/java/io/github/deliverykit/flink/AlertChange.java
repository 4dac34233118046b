package io.github.deliverykit.flink;

import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertState;
import io.github.deliverykit.policy.budget.FreezeDecision.Verdict;

/**
 * A change of a service's burn-rate alert state at a bucket boundary, with the deploy-freeze
 * verdict derived from the same counts: what {@link BurnRateAlerts} emits.
 *
 * @param service the service
 * @param atMillis the bucket boundary evaluated, epoch milliseconds
 * @param previous the state before
 * @param state the state now
 * @param firing the names of the firing rules, comma separated, in table order (empty when OK)
 * @param freeze whether a normal change of the service may deploy now
 * @param burnRate the burn rate the freeze compared with its threshold, plain decimal
 */
public record AlertChange(String service, long atMillis, AlertState previous, AlertState state, String firing,
        Verdict freeze, String burnRate) {

    /**
     * The change as one line: {@code service,atMillis,previous->state,firing,freeze,burnRate}.
     *
     * @return the line
     */
    public String toLine() {
        return service + "," + atMillis + "," + previous + "->" + state + ",[" + firing + "]," + freeze + "," + burnRate;
    }
}
