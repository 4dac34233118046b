/**
 * Chart data: the numbers behind the pictures of a delivery report, as typed values a portal can
 * draw with any chart library. {@link io.github.deliverykit.policy.chart.Charts} builds them from
 * the public results of the other steps (error budgets, alert tables, DORA reports, canary
 * rollouts, maturity and incident SLA decisions). Every figure is a
 * {@link io.github.deliverykit.policy.chart.Quantity} that keeps its unit; nothing is pre-formatted
 * text. Equal inputs give equal charts.
 */
@NullMarked
package io.github.deliverykit.policy.chart;

import org.jspecify.annotations.NullMarked;
