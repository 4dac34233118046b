package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.metric.Comparison;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DoraAssessment.DoraMetric;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.Measure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The DORA figures per week of a window, with the thresholds of a performance-band table.
 *
 * @param window the whole window
 * @param bandTable the id of the band table
 * @param weeks one entry per week, in time order (the last may be shorter)
 * @param bands the band thresholds of the measures plotted, in table order (catch-all rules left out)
 */
public record DoraChart(Interval window, String bandTable, List<Week> weeks, List<Band> bands) {

    /**
     * Validates the chart.
     *
     * @throws IllegalArgumentException if a field is null or blank
     */
    public DoraChart {
        Checks.notNull(window, "window");
        Checks.notBlank(bandTable, "bandTable");
        weeks = Checks.listOf(weeks, "weeks");
        bands = Checks.listOf(bands, "bands");
    }

    /**
     * The figures of one week; a figure without data is null, never 0.
     *
     * @param week the week, half-open
     * @param deployments successful production deployments in the week
     * @param deploymentsPerDay deployments per day
     * @param leadTimeMedian median lead time for changes, hours, or null without changes
     * @param changeFailureRate the change failure rate, a ratio, or null without deployments or incident data
     * @param timeToRestoreMedian median time to restore, hours, or null without restored incidents
     */
    public record Week(Interval week, Quantity deployments, Quantity deploymentsPerDay,
            @Nullable Quantity leadTimeMedian, @Nullable Quantity changeFailureRate,
            @Nullable Quantity timeToRestoreMedian) {

        /**
         * Validates the week.
         *
         * @throws IllegalArgumentException if a required field is null
         */
        public Week {
            Checks.notNull(week, "week");
            Checks.notNull(deployments, "deployments");
            Checks.notNull(deploymentsPerDay, "deploymentsPerDay");
        }
    }

    /**
     * One band threshold: a value of {@code measure} that {@code comparison} to {@code threshold}
     * holds for falls in {@code band}.
     *
     * @param metric the DORA metric
     * @param measure the measure the rule reads
     * @param band the band name, e.g. {@code elite}
     * @param comparison the comparison
     * @param threshold the threshold with the measure's unit
     */
    public record Band(DoraMetric metric, Measure measure, String band, Comparison comparison, Quantity threshold) {

        /**
         * Validates the band.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public Band {
            Checks.notNull(metric, "metric");
            Checks.notNull(measure, "measure");
            Checks.notBlank(band, "band");
            Checks.notNull(comparison, "comparison");
            Checks.notNull(threshold, "threshold");
        }
    }
}
