/**
 * Built-in change rules. Not exported: they always run in
 * {@link io.github.deliverykit.policy.change.ChangeApproval} unless the config disables them, and
 * are registered with the service loader like third-party rules.
 */
@NullMarked
package io.github.deliverykit.policy.change.internal;

import org.jspecify.annotations.NullMarked;
