/**
 * The built-in freeze policy. Not exported: select it by id through
 * {@link io.github.deliverykit.policy.budget.DeployFreezeConfig#policy()}.
 */
@NullMarked
package io.github.deliverykit.policy.budget.internal;

import org.jspecify.annotations.NullMarked;
