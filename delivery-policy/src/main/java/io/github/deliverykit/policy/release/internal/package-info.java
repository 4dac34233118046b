/**
 * Built-in exit criteria. Not exported: use them through
 * {@link io.github.deliverykit.policy.release.ReleaseReadiness} or the service loader.
 */
@NullMarked
package io.github.deliverykit.policy.release.internal;

import org.jspecify.annotations.NullMarked;
