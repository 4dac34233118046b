/**
 * The plug point of change approval: {@link io.github.deliverykit.policy.change.spi.ChangeRule} and
 * the typed extras every rule returns.
 */
@NullMarked
package io.github.deliverykit.policy.change.spi;

import org.jspecify.annotations.NullMarked;
