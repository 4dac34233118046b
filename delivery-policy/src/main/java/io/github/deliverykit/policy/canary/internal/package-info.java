/**
 * Built-in canary judges ({@code threshold}, {@code mann-whitney}). Not exported: select them by id
 * in the canary configuration.
 */
@NullMarked
package io.github.deliverykit.policy.canary.internal;

import org.jspecify.annotations.NullMarked;
