package io.github.deliverykit.formats.prometheus;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.policy.canary.Observation;
import java.util.List;

/**
 * Canary observations read from a metrics source, and what the reading rejected or skipped.
 *
 * @param observations the observations, in file order
 * @param report the reading's report
 */
public record CanaryRead(List<Observation> observations, ReadReport report) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public CanaryRead {
        observations = Checks.listOf(observations, "observations");
        Checks.notNull(report, "report");
    }
}
