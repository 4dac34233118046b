/**
 * The one metric vocabulary of deliverykit: well-known metric keys with their units and ranges,
 * measured values, comparisons (including between) and thresholds. Reports of the metrics module
 * produce {@link io.github.deliverykit.core.metric.Measurement}s under
 * {@link io.github.deliverykit.core.metric.MetricKeys}; policies decide with
 * {@link io.github.deliverykit.core.metric.Threshold}s over the same keys.
 */
@NullMarked
package io.github.deliverykit.core.metric;

import org.jspecify.annotations.NullMarked;
