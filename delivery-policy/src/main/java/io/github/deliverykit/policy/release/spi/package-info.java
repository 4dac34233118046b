/**
 * The release-readiness plug point: {@link io.github.deliverykit.policy.release.spi.ExitCriterion}.
 */
@NullMarked
package io.github.deliverykit.policy.release.spi;

import org.jspecify.annotations.NullMarked;
