/**
 * Deployment-strategy selection from a release (type, size) and its constraints: blue-green, canary, rolling, big bang, ranked with reasons.
 */
@NullMarked
package io.github.deliverykit.policy.strategy;

import org.jspecify.annotations.NullMarked;
