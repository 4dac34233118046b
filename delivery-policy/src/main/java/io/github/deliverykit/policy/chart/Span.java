package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;

/**
 * A marked stretch of time on a chart: an incident, a maintenance window, an SLA clock pause.
 *
 * @param label what it is, e.g. the incident id or the pause reason
 * @param interval when, half-open
 */
public record Span(String label, Interval interval) {

    /**
     * Validates the span.
     *
     * @throws IllegalArgumentException if the label is blank or the interval null
     */
    public Span {
        Checks.notBlank(label, "label");
        Checks.notNull(interval, "interval");
    }
}
