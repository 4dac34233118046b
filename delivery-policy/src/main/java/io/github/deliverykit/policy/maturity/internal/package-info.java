/**
 * The built-in maturity models; not exported, loaded through {@link java.util.ServiceLoader}.
 */
@NullMarked
package io.github.deliverykit.policy.maturity.internal;

import org.jspecify.annotations.NullMarked;
