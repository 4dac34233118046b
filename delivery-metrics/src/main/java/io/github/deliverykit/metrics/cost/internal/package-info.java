/**
 * The built-in example price table, registered as a provider exactly like third-party ones. Not exported.
 */
@NullMarked
package io.github.deliverykit.metrics.cost.internal;

import org.jspecify.annotations.NullMarked;
