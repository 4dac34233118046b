/**
 * The canary plug point: {@link io.github.deliverykit.policy.canary.spi.CanaryJudge}, what it sees
 * and what it returns.
 */
@NullMarked
package io.github.deliverykit.policy.canary.spi;

import org.jspecify.annotations.NullMarked;
