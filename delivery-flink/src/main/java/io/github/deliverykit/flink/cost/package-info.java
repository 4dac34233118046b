/**
 * Exact cost per key (total, iteration, pull request, feature, session, day, model) on Flink, over the library's CostTotals.
 */
@NullMarked
package io.github.deliverykit.flink.cost;

import org.jspecify.annotations.NullMarked;
