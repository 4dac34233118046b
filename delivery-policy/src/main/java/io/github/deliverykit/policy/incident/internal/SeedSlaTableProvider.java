package io.github.deliverykit.policy.incident.internal;

import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTable;
import io.github.deliverykit.policy.incident.spi.SlaTableProvider;

/**
 * The built-in provider of the seed severity table, id {@value #ID}: SEV-1 15 min / 4 h, SEV-2
 * 30 min / 8 h, SEV-3 2 h / 24 h, SEV-4 8 h / 5 days; status every 30 min and a post-mortem within
 * 48 h for SEV-1 and SEV-2. Not exported; registered through {@link java.util.ServiceLoader}.
 */
public final class SeedSlaTableProvider implements SlaTableProvider {

    /** The id of the seed table. */
    public static final String ID = "seed";

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SeedSlaTableProvider() {
        // stateless
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public SlaTable table() {
        return SlaTable.seed();
    }
}
