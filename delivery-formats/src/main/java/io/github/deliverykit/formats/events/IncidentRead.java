package io.github.deliverykit.formats.events;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.formats.ReadReport;
import java.util.List;

/**
 * Incidents read from a file, and what the reading rejected, skipped or noted (the severity
 * mapping applied to each incident is noted).
 *
 * @param incidents the incidents, in file order
 * @param report the reading's report
 */
public record IncidentRead(List<Incident> incidents, ReadReport report) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public IncidentRead {
        incidents = Checks.listOf(incidents, "incidents");
        Checks.notNull(report, "report");
    }
}
