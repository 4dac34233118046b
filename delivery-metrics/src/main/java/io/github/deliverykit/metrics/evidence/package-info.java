/**
 * The minimum-evidence rule set shared by the SLO burn-rate alerts and the canary gates: how many
 * events, and how many expected errors at the gate's rate, a decision needs before it may pass or
 * stay quiet, and what happens below that (hold, or decide only on a certain or significant breach).
 */
@NullMarked
package io.github.deliverykit.metrics.evidence;

import org.jspecify.annotations.NullMarked;
