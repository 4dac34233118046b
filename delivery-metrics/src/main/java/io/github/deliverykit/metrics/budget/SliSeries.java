package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.check.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * Immutable prefix sums of good / total counts per fixed bucket: any window's counts in O(1).
 * Built from a {@link GoodTotalAccumulator} snapshot or from per-bucket arrays. Windows are whole
 * buckets; bucket boundary {@code k} is the instant {@code origin + k x bucket}, for {@code k} in
 * {@code [0, buckets]}. Thread safe.
 */
public final class SliSeries {

    private final long originMillis;
    final long bucketMillis;
    private final int buckets;
    // prefix[k] = sum of buckets [0, k)
    final long[] goodPrefix;
    final long[] totalPrefix;

    private SliSeries(long originMillis, long bucketMillis, long[] goodPrefix, long[] totalPrefix) {
        this.originMillis = originMillis;
        this.bucketMillis = bucketMillis;
        this.buckets = goodPrefix.length - 1;
        this.goodPrefix = goodPrefix;
        this.totalPrefix = totalPrefix;
    }

    /**
     * A series from per-bucket counts.
     *
     * @param origin the start of bucket 0, a whole millisecond
     * @param bucket the bucket length, whole milliseconds from 1 ms to 1 day
     * @param good the good count per bucket
     * @param total the total count per bucket, same length, each at least its good count
     * @return the series
     * @throws IllegalArgumentException if an argument is null, the lengths differ or are 0, a count
     *     is negative, good exceeds total, or the sum overflows
     */
    public static SliSeries ofCounts(Instant origin, Duration bucket, long[] good, long[] total) {
        long o = GoodTotalAccumulator.originMillis(origin);
        long b = GoodTotalAccumulator.bucketMillis(bucket);
        Checks.notNull(good, "good");
        Checks.notNull(total, "total");
        if (good.length != total.length || total.length == 0) {
            throw Checks.invalid("total.length", "must equal good.length (" + good.length + ") and be at least 1",
                    total.length);
        }
        GoodTotalAccumulator.checkGeometry(origin, bucket, total.length);
        long[] gp = new long[good.length + 1];
        long[] tp = new long[total.length + 1];
        for (int i = 0; i < total.length; i++) {
            if (good[i] < 0 || good[i] > total[i]) {
                throw Checks.invalid("good[" + i + "]", "must be between 0 and total[" + i + "] (" + total[i] + ")",
                        good[i]);
            }
            if (total[i] > Long.MAX_VALUE - tp[i]) {
                throw Checks.invalid("total[" + i + "]", "must not overflow the running sum", total[i]);
            }
            gp[i + 1] = gp[i] + good[i];
            tp[i + 1] = tp[i] + total[i];
        }
        return new SliSeries(o, b, gp, tp);
    }

    /**
     * The number of buckets.
     *
     * @return the count
     */
    public int buckets() {
        return buckets;
    }

    /**
     * The start of bucket 0.
     *
     * @return the origin
     */
    public Instant origin() {
        return Instant.ofEpochMilli(originMillis);
    }

    /**
     * The bucket length.
     *
     * @return the length
     */
    public Duration bucket() {
        return Duration.ofMillis(bucketMillis);
    }

    /**
     * The instant of a bucket boundary.
     *
     * @param boundary 0 to {@link #buckets()}
     * @return {@code origin + boundary x bucket}
     * @throws IllegalArgumentException if out of range
     */
    public Instant boundary(int boundary) {
        Checks.inRange(boundary, 0, buckets, "boundary");
        return Instant.ofEpochMilli(originMillis + boundary * bucketMillis);
    }

    /**
     * The last bucket boundary at or before an instant, clamped to {@code [0, buckets]}.
     *
     * @param at the instant
     * @return the boundary index
     */
    public int boundaryAtOrBefore(Instant at) {
        return boundary(at, false);
    }

    /**
     * The first bucket boundary at or after an instant, clamped to {@code [0, buckets]}.
     *
     * @param at the instant
     * @return the boundary index
     */
    public int boundaryAtOrAfter(Instant at) {
        return boundary(at, true);
    }

    private int boundary(Instant at, boolean up) {
        Checks.notNull(at, "at");
        Instant origin = origin();
        if (!at.isAfter(origin)) {
            return 0;
        }
        Instant end = Instant.ofEpochMilli(originMillis + buckets * bucketMillis);
        if (!at.isBefore(end)) {
            return buckets;
        }
        Duration d = Duration.between(origin, at);
        long millis = d.toMillis(); // < buckets x 1 day: fits
        long k = millis / bucketMillis;
        boolean exact = millis % bucketMillis == 0 && d.getNano() % 1_000_000 == 0;
        if (up && !exact) {
            k++;
        }
        return (int) k;
    }

    /**
     * The number of whole buckets a duration spans.
     *
     * @param length the duration, a positive multiple of the bucket
     * @param field the field name for the error message
     * @return the bucket count
     * @throws IllegalArgumentException if not a positive whole multiple of the bucket
     */
    public long bucketsIn(Duration length, String field) {
        Checks.positive(length, field);
        Duration b = bucket();
        if (length.compareTo(b.multipliedBy(Integer.MAX_VALUE)) > 0) {
            return Integer.MAX_VALUE;
        }
        long n = length.dividedBy(b);
        if (!b.multipliedBy(n).equals(length)) {
            throw Checks.invalid(field, "must be a whole multiple of the bucket " + b, length);
        }
        return n;
    }

    /**
     * Good events in the buckets {@code [from, to)}.
     *
     * @param from the first boundary
     * @param to the last boundary, at least {@code from}
     * @return the count
     * @throws IllegalArgumentException if the boundaries are out of range or reversed
     */
    public long good(int from, int to) {
        check(from, to);
        return goodPrefix[to] - goodPrefix[from];
    }

    /**
     * All events in the buckets {@code [from, to)}.
     *
     * @param from the first boundary
     * @param to the last boundary, at least {@code from}
     * @return the count
     * @throws IllegalArgumentException if the boundaries are out of range or reversed
     */
    public long total(int from, int to) {
        check(from, to);
        return totalPrefix[to] - totalPrefix[from];
    }

    /**
     * Bad events ({@code total - good}) in the buckets {@code [from, to)}.
     *
     * @param from the first boundary
     * @param to the last boundary, at least {@code from}
     * @return the count
     * @throws IllegalArgumentException if the boundaries are out of range or reversed
     */
    public long bad(int from, int to) {
        return total(from, to) - good(from, to);
    }

    private void check(int from, int to) {
        Checks.inRange(from, 0, buckets, "from");
        Checks.inRange(to, from, buckets, "to");
    }

    @Override
    public String toString() {
        return "SliSeries[" + origin() + " + " + buckets + " x " + bucket() + ", total=" + totalPrefix[buckets] + "]";
    }
}
