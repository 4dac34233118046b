package io.github.deliverykit.policy.incident.spi;

import io.github.deliverykit.core.spi.Provider;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTable;

/**
 * Plug point for severity tables: a provider supplies one {@link SlaTable} (the SLA targets of each
 * severity level) under a stable id, which {@link io.github.deliverykit.policy.incident.IncidentSlaConfig}
 * names. Registered through {@link java.util.ServiceLoader} (the built-in {@code seed} table
 * included) and resolved once when an {@link io.github.deliverykit.policy.incident.IncidentSla} is
 * built. A table is data, so a provider returns the table itself rather than a rule result; it emits
 * no findings. Implementations must be thread safe and return the same table every time.
 */
public interface SlaTableProvider extends Provider {

    /**
     * The table; its {@link SlaTable#id()} should equal {@link #id()}.
     *
     * @return the table
     */
    SlaTable table();
}
