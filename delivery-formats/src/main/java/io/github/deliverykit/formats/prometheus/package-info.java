/**
 * Prometheus HTTP API results ({@code /api/v1/query_range} matrices and {@code /api/v1/query}
 * vectors and scalars) streamed into good / total {@link io.github.deliverykit.metrics.budget.SliSeries}
 * for budgets and alerts, and into canary {@link io.github.deliverykit.policy.canary.Observation}s.
 */
@NullMarked
package io.github.deliverykit.formats.prometheus;

import org.jspecify.annotations.NullMarked;
