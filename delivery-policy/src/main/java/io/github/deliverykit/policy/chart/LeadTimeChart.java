package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.time.Interval;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The distribution of lead time for changes: its quantiles over the whole window and per week, and
 * the histogram of the whole window (contiguous buckets from 0, the last one open-ended).
 *
 * @param overall the whole window
 * @param weeks one entry per week, in time order
 * @param histogram the whole window's lead times per bucket, in bound order; their counts add up
 *     to {@code overall.changes()}
 */
public record LeadTimeChart(Distribution overall, List<Distribution> weeks, List<Bucket> histogram) {

    /**
     * Validates the chart.
     *
     * @throws IllegalArgumentException if a field is null, or the histogram is empty, does not start
     *     at 0, has a gap, an open bucket before the last, a closed last bucket, or counts that do not
     *     add up to the window's changes
     */
    public LeadTimeChart {
        Checks.notNull(overall, "overall");
        weeks = Checks.listOf(weeks, "weeks");
        histogram = Checks.listOf(histogram, "histogram");
        if (histogram.isEmpty()) {
            throw Checks.invalid("histogram", "must hold at least one bucket", histogram);
        }
        if (histogram.get(0).lower().value().signum() != 0) {
            throw Checks.invalid("histogram[0].lower", "must be 0", histogram.get(0).lower());
        }
        long total = 0;
        for (int i = 0; i < histogram.size(); i++) {
            Bucket b = histogram.get(i);
            Quantity upper = b.upper();
            boolean last = i == histogram.size() - 1;
            if ((upper == null) != last) {
                throw Checks.invalid("histogram[" + i + "].upper", last ? "must be open (null) for the last bucket"
                        : "must be set for all buckets but the last", upper);
            }
            if (upper != null && !upper.equals(histogram.get(i + 1).lower())) {
                throw Checks.invalid("histogram[" + (i + 1) + "].lower", "must equal the upper bound of bucket " + i
                        + " (" + b.upper() + ")", histogram.get(i + 1).lower());
            }
            total += b.changes();
        }
        if (total != overall.changes()) {
            throw Checks.invalid("histogram", "counts must add up to the window's changes (" + overall.changes()
                    + ")", total);
        }
    }

    /**
     * One histogram bucket: the changes with a lead time in {@code [lower, upper)}, bounds in seconds.
     *
     * @param lower the lower bound, included, in seconds
     * @param upper the upper bound, excluded, in seconds; null for the open-ended last bucket
     * @param changes the number of changes
     */
    public record Bucket(Quantity lower, @Nullable Quantity upper, long changes) {

        /**
         * Validates the bucket.
         *
         * @throws IllegalArgumentException if the lower bound is null, a bound is not in seconds or
         *     negative, the upper bound is not above the lower one, or the count is negative
         */
        public Bucket {
            Checks.notNull(lower, "lower");
            seconds(lower, "lower");
            if (upper != null) {
                seconds(upper, "upper");
                if (upper.value().compareTo(lower.value()) <= 0) {
                    throw Checks.invalid("upper", "must be greater than lower (" + lower + ")", upper);
                }
            }
            Checks.nonNegative(changes, "changes");
        }

        private static void seconds(Quantity q, String field) {
            if (!q.unit().equals(Unit.SECONDS)) {
                throw Checks.invalid(field + ".unit", "must be seconds", q.unit());
            }
            if (q.value().signum() < 0) {
                throw Checks.invalid(field, "must not be negative", q);
            }
        }
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
