/**
 * SLOs as code: OpenSLO v1 read into {@link io.github.deliverykit.metrics.budget.Slo}s with their
 * burn-rate alert tables, and written back.
 */
@NullMarked
package io.github.deliverykit.formats.slo;

import org.jspecify.annotations.NullMarked;
