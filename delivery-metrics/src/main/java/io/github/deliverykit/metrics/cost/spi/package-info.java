/**
 * The plug point for model price tables ({@link io.github.deliverykit.metrics.cost.spi.PriceTable}) with its model and token prices; providers are loaded through {@code ServiceLoader}.
 */
@NullMarked
package io.github.deliverykit.metrics.cost.spi;

import org.jspecify.annotations.NullMarked;
