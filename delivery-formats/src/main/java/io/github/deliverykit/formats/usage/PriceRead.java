package io.github.deliverykit.formats.usage;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.metrics.cost.spi.PriceTable;

/**
 * A price table read from a file, and what the reading skipped or rejected.
 *
 * @param table the prices
 * @param report models skipped (no token prices), rejected (invalid prices) and notes
 */
public record PriceRead(PriceTable table, ReadReport report) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public PriceRead {
        Checks.notNull(table, "table");
        Checks.notNull(report, "report");
    }
}
