/**
 * The built-in seed severity table; not exported, loaded through {@link java.util.ServiceLoader}.
 */
@NullMarked
package io.github.deliverykit.policy.incident.internal;

import org.jspecify.annotations.NullMarked;
