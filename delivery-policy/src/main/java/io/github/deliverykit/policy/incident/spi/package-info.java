/**
 * The severity-table plug point of the incident SLA engine:
 * {@link io.github.deliverykit.policy.incident.spi.SlaTableProvider}.
 */
@NullMarked
package io.github.deliverykit.policy.incident.spi;

import org.jspecify.annotations.NullMarked;
