/**
 * DORA deployment counts per service and window on Flink.
 */
@NullMarked
package io.github.deliverykit.flink.dora;

import org.jspecify.annotations.NullMarked;
