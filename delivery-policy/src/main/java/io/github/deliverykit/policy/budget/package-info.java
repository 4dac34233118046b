/**
 * Deploy freeze from the error budget: {@link io.github.deliverykit.policy.budget.DeployFreeze}
 * gives a {@link io.github.deliverykit.policy.budget.FreezeDecision} (frozen or not, the budget, the
 * burn rate, and which change kinds stay allowed) that change approval consumes.
 */
@NullMarked
package io.github.deliverykit.policy.budget;

import org.jspecify.annotations.NullMarked;
