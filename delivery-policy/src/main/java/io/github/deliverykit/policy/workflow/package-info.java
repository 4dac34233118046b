/**
 * The seed's delivery-manager workflow as one object that a tool embeds:
 * {@link io.github.deliverykit.policy.workflow.DeliveryManager} is built once from a
 * {@link io.github.deliverykit.policy.workflow.DeliveryManagerConfig} (plug-ins loaded once) and runs
 * the steps assess, plan the release, select the strategy, deploy and judge the canary, manage
 * incidents, track the error budget and evaluate changes, passing each step's typed result to the
 * next. Every step stays usable on its own through the engine it delegates to.
 */
@NullMarked
package io.github.deliverykit.policy.workflow;

import org.jspecify.annotations.NullMarked;
