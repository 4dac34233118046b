/**
 * The plug point for DORA performance bands ({@link io.github.deliverykit.metrics.dora.spi.PerformanceBands}) with the band table, its rules and measures; providers are loaded through {@code ServiceLoader}.
 */
@NullMarked
package io.github.deliverykit.metrics.dora.spi;

import org.jspecify.annotations.NullMarked;
