package io.github.deliverykit.formats.slo;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.ReadReport;
import java.util.List;

/**
 * What an SLO-as-code file holds: its SLO objectives, the services it declares and the report of
 * what was skipped or noted.
 *
 * @param slos one entry per SLO objective, in file order
 * @param services the names of the {@code Service} documents, in file order
 * @param report what the reader skipped, rejected or noted
 */
public record SloDocuments(List<SloDefinition> slos, List<String> services, ReadReport report) {

    /**
     * Validates the documents.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public SloDocuments {
        slos = Checks.listOf(slos, "slos");
        services = Checks.listOf(services, "services");
        Checks.notNull(report, "report");
    }
}
