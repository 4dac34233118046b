package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import java.time.Instant;
import java.util.List;

/**
 * The error budget remaining over its period, with the incidents that consumed it and the
 * scheduled maintenance that was excluded, marked.
 *
 * @param service the service
 * @param period the budget period
 * @param at the evaluation instant (the last point)
 * @param allowed the budget of the whole period
 * @param points the remaining budget over time, in time order, from the period's start to {@code at}
 * @param incidents the charged incidents, clipped to the observed part, in start order
 * @param maintenance the scheduled maintenance within the period, in time order
 */
public record BudgetChart(String service, Interval period, Instant at, Quantity allowed, List<Point> points,
        List<Span> incidents, List<Span> maintenance) {

    /**
     * Validates the chart.
     *
     * @throws IllegalArgumentException if a field is null, there is no point, or points are out of time order
     */
    public BudgetChart {
        Checks.notBlank(service, "service");
        Checks.notNull(period, "period");
        Checks.notNull(at, "at");
        Checks.notNull(allowed, "allowed");
        points = Checks.listOf(points, "points");
        incidents = Checks.listOf(incidents, "incidents");
        maintenance = Checks.listOf(maintenance, "maintenance");
        if (points.isEmpty()) {
            throw Checks.invalid("points", "must hold at least one point", points);
        }
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i).at().isAfter(points.get(i - 1).at())) {
                throw Checks.invalid("points[" + i + "].at", "must be after " + points.get(i - 1).at(), points.get(i).at());
            }
        }
    }

    /**
     * The remaining budget at one instant.
     *
     * @param at the instant
     * @param remaining the remaining budget (negative when overspent)
     * @param remainingPercent the remaining share of the period's budget, in percent
     */
    public record Point(Instant at, Quantity remaining, Quantity remainingPercent) {

        /**
         * Validates the point.
         *
         * @throws IllegalArgumentException if a field is null
         */
        public Point {
            Checks.notNull(at, "at");
            Checks.notNull(remaining, "remaining");
            Checks.notNull(remainingPercent, "remainingPercent");
        }
    }
}
