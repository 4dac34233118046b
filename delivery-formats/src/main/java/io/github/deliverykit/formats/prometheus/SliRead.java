package io.github.deliverykit.formats.prometheus;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.metrics.budget.SliSeries;

/**
 * Good / total counts read from Prometheus results, and what the reading rejected or skipped.
 *
 * @param series the per-bucket good and total counts
 * @param report the reading's report (both inputs when there were two)
 */
public record SliRead(SliSeries series, ReadReport report) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public SliRead {
        Checks.notNull(series, "series");
        Checks.notNull(report, "report");
    }
}
