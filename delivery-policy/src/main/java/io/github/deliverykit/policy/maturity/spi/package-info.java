/**
 * The maturity-model plug point: {@link io.github.deliverykit.policy.maturity.spi.MaturityModel},
 * its definition (dimensions, levels, criteria) and the outcome each criterion decision returns.
 */
@NullMarked
package io.github.deliverykit.policy.maturity.spi;

import org.jspecify.annotations.NullMarked;
