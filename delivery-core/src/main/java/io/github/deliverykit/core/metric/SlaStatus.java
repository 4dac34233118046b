package io.github.deliverykit.core.metric;

/**
 * Where an objective stands against its target: the one status vocabulary of the error budget of
 * an SLO (is the budget lasting the period?) and of an incident's SLA clocks (is the clock within
 * its deadline?).
 */
public enum SlaStatus {
    /** Finished within its target (an SLA clock stopped on or before its deadline). */
    MET,
    /** Running and on course: the budget lasts the period, the clock is early in its target. */
    ON_TRACK,
    /** Running but at risk: the burn rate spends the budget before the period ends, or the clock
     * has used the at-risk share of its target. */
    AT_RISK,
    /** Missed: no budget is left, or the clock stopped or runs past its deadline. */
    BREACHED
}
