/**
 * The plug point of the deploy freeze: {@link io.github.deliverykit.policy.budget.spi.FreezePolicy}.
 */
@NullMarked
package io.github.deliverykit.policy.budget.spi;

import org.jspecify.annotations.NullMarked;
