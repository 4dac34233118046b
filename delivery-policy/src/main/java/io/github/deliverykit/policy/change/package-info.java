/**
 * Change approval: {@link io.github.deliverykit.policy.change.ChangeApproval} decides a
 * {@link io.github.deliverykit.policy.change.ChangeRequest} (type, kind, required fields, approvals)
 * together with the error budget's deploy freeze decision, calendar freezes and scheduled changes.
 */
@NullMarked
package io.github.deliverykit.policy.change;

import org.jspecify.annotations.NullMarked;
