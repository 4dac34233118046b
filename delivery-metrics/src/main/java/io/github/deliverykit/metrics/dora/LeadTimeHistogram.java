package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.check.Checks;
import java.time.Duration;
import java.util.List;

/**
 * The lead times of a window counted into buckets: bucket i holds the measured (positive) lead
 * times in {@code [bounds[i], bounds[i + 1])}; those below the first bound and at or above the
 * last are counted apart, so that {@link #total()} is the lead time's sample size. Built by
 * {@link DoraDataset#leadTimeHistogram(io.github.deliverykit.core.time.Interval, List)} with rank queries
 * of the order index, never from a copy of the values.
 *
 * @param bounds the bucket bounds, strictly ascending, at least two, none negative
 * @param counts per bucket, {@code bounds.size() - 1} of them
 * @param below lead times below the first bound
 * @param atOrAbove lead times at or above the last bound
 */
public record LeadTimeHistogram(List<Duration> bounds, List<Long> counts, long below, long atOrAbove) {

    /**
     * The default bounds: 0, 1 h, 4 h, 24 h, 7 days, 30 days, so that the buckets are under an hour
     * (the DORA elite target), 1-4 h, 4-24 h, 1-7 days, 7-30 days, and {@link #atOrAbove()} is over
     * 30 days.
     */
    public static final List<Duration> DEFAULT_BOUNDS = List.of(Duration.ZERO, Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30));

    /** The most bounds a query accepts. */
    public static final int MAX_BOUNDS = 1024;

    /**
     * Validates the histogram.
     *
     * @throws IllegalArgumentException if a field is null, the bounds are not valid (see
     *     {@link #checkBounds(List)}), the counts do not match them or a count is negative
     */
    public LeadTimeHistogram {
        bounds = checkBounds(bounds);
        counts = Checks.listOf(counts, "counts");
        if (counts.size() != bounds.size() - 1) {
            throw Checks.invalid("counts", "must hold one count per bucket (" + (bounds.size() - 1) + ")",
                    counts.size());
        }
        for (Long c : counts) {
            Checks.nonNegative(c, "counts");
        }
        Checks.nonNegative(below, "below");
        Checks.nonNegative(atOrAbove, "atOrAbove");
    }

    /**
     * Checks bucket bounds: at least two and at most {@link #MAX_BOUNDS}, none null or negative,
     * strictly ascending.
     *
     * @param bounds the bounds
     * @return an immutable copy
     * @throws IllegalArgumentException naming the first bad bound
     */
    public static List<Duration> checkBounds(List<Duration> bounds) {
        List<Duration> b = Checks.listOf(bounds, "bounds");
        if (b.size() < 2 || b.size() > MAX_BOUNDS) {
            throw Checks.invalid("bounds", "must hold 2 to " + MAX_BOUNDS + " bounds", b.size());
        }
        for (int i = 0; i < b.size(); i++) {
            Duration d = b.get(i);
            if (d.isNegative()) {
                throw Checks.invalid("bounds[" + i + "]", "must not be negative", d);
            }
            if (i > 0 && d.compareTo(b.get(i - 1)) <= 0) {
                throw Checks.invalid("bounds[" + i + "]", "must be greater than bounds[" + (i - 1) + "] = "
                        + b.get(i - 1), d);
            }
        }
        return b;
    }

    /**
     * The number of buckets.
     *
     * @return {@code bounds().size() - 1}
     */
    public int buckets() {
        return counts.size();
    }

    /**
     * The count of one bucket.
     *
     * @param bucket the bucket, 0-based
     * @return the lead times in {@code [bounds[bucket], bounds[bucket + 1])}
     * @throws IllegalArgumentException if the bucket is out of range
     */
    public long count(int bucket) {
        if (bucket < 0 || bucket >= counts.size()) {
            throw Checks.invalid("bucket", "must be in [0, " + counts.size() + ")", bucket);
        }
        return counts.get(bucket);
    }

    /**
     * Every measured lead time: below, the buckets and at or above.
     *
     * @return the total
     */
    public long total() {
        long t = below + atOrAbove;
        for (long c : counts) {
            t += c;
        }
        return t;
    }
}
