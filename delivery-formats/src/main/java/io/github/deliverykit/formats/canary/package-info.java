/**
 * Canary analysis results of the progressive-delivery tools: Argo Rollouts {@code AnalysisRun}
 * statuses and Kayenta {@code MetricSetPair} lists read into canary
 * {@link io.github.deliverykit.policy.canary.Observation}s.
 */
@NullMarked
package io.github.deliverykit.formats.canary;

import org.jspecify.annotations.NullMarked;
