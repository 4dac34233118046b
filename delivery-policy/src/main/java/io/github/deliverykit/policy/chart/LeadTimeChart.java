package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The distribution of lead time for changes: its quantiles over the whole window and per week.
 *
 * @param overall the whole window
 * @param weeks one entry per week, in time order
 */
public record LeadTimeChart(Distribution overall, List<Distribution> weeks) {

    /**
     * Validates the chart.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public LeadTimeChart {
        Checks.notNull(overall, "overall");
        weeks = Checks.listOf(weeks, "weeks");
    }

    /**
     * The lead-time quantiles of one interval, in hours; null figures when no change was measured.
     *
     * @param interval the interval
     * @param changes the number of changes measured
     * @param median the median
     * @param p90 the 90th percentile
     * @param p95 the 95th percentile
     * @param mean the mean
     */
    public record Distribution(Interval interval, long changes, @Nullable Quantity median, @Nullable Quantity p90,
            @Nullable Quantity p95, @Nullable Quantity mean) {

        /**
         * Validates the distribution.
         *
         * @throws IllegalArgumentException if the interval is null, the count negative, or figures
         *     present for no changes or missing for some
         */
        public Distribution {
            Checks.notNull(interval, "interval");
            Checks.nonNegative(changes, "changes");
            boolean expected = changes > 0;
            if ((median != null) != expected || (p90 != null) != expected || (p95 != null) != expected
                    || (mean != null) != expected) {
                throw Checks.invalid("changes", "must be 0 exactly when the figures are null", changes);
            }
        }
    }
}
