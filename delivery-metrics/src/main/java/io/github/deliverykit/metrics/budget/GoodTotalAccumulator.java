package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An exact streaming accumulator of good / total event counts per fixed bucket (e.g. one minute)
 * over a fixed range {@code [origin, origin + buckets x bucket)}: the input of event-based budgets
 * and burn-rate alerts.
 *
 * <p>Recording is O(1) and allocation-free: one bounds check, one division and two array
 * increments. Events outside the range are counted in {@link #rejected()} instead of throwing, so a
 * late or early event never breaks a stream. Accumulators with the same geometry are
 * {@linkplain #merge(GoodTotalAccumulator) mergeable}: merging two partial accumulators gives
 * exactly the accumulator of all their events, so it can run as an aggregate function inside Apache
 * Flink, Kafka Streams or Spark. {@link #snapshot()} turns it into prefix sums for window queries.
 *
 * <p>Not thread safe: use one per thread (or partition) and merge.
 */
public final class GoodTotalAccumulator {

    /** The most buckets one accumulator holds: 50 million (95 years of minutes, 800 MB of counts). */
    public static final int MAX_BUCKETS = 50_000_000;

    /** The largest supported bucket: one day. */
    public static final Duration MAX_BUCKET = Duration.ofDays(1);

    private final long originMillis;
    private final long bucketMillis;
    private final long endMillis;
    private final long[] good;
    private final long[] total;
    private long rejected;

    private GoodTotalAccumulator(long originMillis, long bucketMillis, int buckets) {
        this.originMillis = originMillis;
        this.bucketMillis = bucketMillis;
        this.endMillis = originMillis + bucketMillis * buckets;
        this.good = new long[buckets];
        this.total = new long[buckets];
    }

    /**
     * An empty accumulator.
     *
     * @param origin the start of the first bucket
     * @param bucket the bucket length: whole milliseconds, 1 ms to 1 day
     * @param buckets the number of buckets, 1 to {@link #MAX_BUCKETS}
     * @return the accumulator
     * @throws IllegalArgumentException if an argument is null or out of range
     */
    public static GoodTotalAccumulator create(Instant origin, Duration bucket, int buckets) {
        checkGeometry(origin, bucket, buckets);
        return new GoodTotalAccumulator(origin.toEpochMilli(), bucket.toMillis(), buckets);
    }

    /**
     * An accumulator holding given counts: the inverse of reading {@link #good(int)},
     * {@link #total(int)} and {@link #rejected()}, for state serializers (Flink savepoints) that must
     * restore an accumulator exactly. The arrays are copied.
     *
     * @param origin the start of the first bucket
     * @param bucket the bucket length: whole milliseconds, 1 ms to 1 day
     * @param good the good count of each bucket
     * @param total the total count of each bucket, as many as {@code good}
     * @param rejected the events that fell outside the range, not negative
     * @return the accumulator
     * @throws IllegalArgumentException if an argument is null or out of range, the arrays differ in
     *     length, or a bucket's good count is negative or exceeds its total
     */
    public static GoodTotalAccumulator restore(Instant origin, Duration bucket, long[] good, long[] total,
            long rejected) {
        Checks.notNull(good, "good");
        Checks.notNull(total, "total");
        checkGeometry(origin, bucket, total.length);
        if (good.length != total.length) {
            throw Checks.invalid("good", "must hold as many buckets as total (" + total.length + ")", good.length);
        }
        Checks.nonNegative(rejected, "rejected");
        GoodTotalAccumulator a = new GoodTotalAccumulator(origin.toEpochMilli(), bucket.toMillis(), total.length);
        for (int i = 0; i < total.length; i++) {
            if (good[i] < 0 || good[i] > total[i]) {
                throw Checks.invalid("good[" + i + "]", "must be between 0 and total[" + i + "] (" + total[i] + ")",
                        good[i]);
            }
        }
        System.arraycopy(good, 0, a.good, 0, good.length);
        System.arraycopy(total, 0, a.total, 0, total.length);
        a.rejected = rejected;
        return a;
    }

    static void checkGeometry(Instant origin, Duration bucket, int buckets) {
        long o = originMillis(origin);
        long b = bucketMillis(bucket);
        Checks.inRange(buckets, 1, MAX_BUCKETS, "buckets");
        long end = o + b * buckets; // |o| < 2^63 / 1000 and b * buckets < 2^57: no overflow
        if (end > Interval.MAX.toEpochMilli()) {
            throw Checks.invalid("buckets", "must end before " + Interval.MAX, buckets);
        }
    }

    static long originMillis(Instant origin) {
        Checks.notNull(origin, "origin");
        if (origin.isBefore(Interval.MIN) || origin.isAfter(Interval.MAX)) {
            throw Checks.invalid("origin", "must lie between " + Interval.MIN + " and " + Interval.MAX, origin);
        }
        if (origin.getNano() % 1_000_000 != 0) {
            throw Checks.invalid("origin", "must be a whole millisecond", origin);
        }
        return origin.toEpochMilli();
    }

    static long bucketMillis(Duration bucket) {
        Checks.positive(bucket, "bucket");
        if (bucket.compareTo(MAX_BUCKET) > 0 || bucket.getNano() % 1_000_000 != 0) {
            throw Checks.invalid("bucket", "must be whole milliseconds between 1 ms and 1 day", bucket);
        }
        return bucket.toMillis();
    }

    /**
     * Records one event. O(1), no allocation.
     *
     * @param epochMillis when it happened, in epoch milliseconds
     * @param ok whether it was good
     * @return true if recorded, false if outside the range (counted in {@link #rejected()})
     */
    public boolean record(long epochMillis, boolean ok) {
        if (epochMillis < originMillis || epochMillis >= endMillis) {
            rejected++;
            return false;
        }
        int i = (int) ((epochMillis - originMillis) / bucketMillis);
        total[i]++;
        if (ok) {
            good[i]++;
        }
        return true;
    }

    /**
     * Records pre-aggregated counts. O(1), no allocation.
     *
     * @param epochMillis when they happened, in epoch milliseconds
     * @param goodCount good events, 0 to {@code totalCount}
     * @param totalCount all events, 0 or more
     * @return true if recorded, false if outside the range (counted in {@link #rejected()})
     * @throws IllegalArgumentException if a count is negative, good exceeds total, or a bucket would overflow
     */
    public boolean record(long epochMillis, long goodCount, long totalCount) {
        if (goodCount < 0 || goodCount > totalCount) {
            throw Checks.invalid("goodCount", "must be between 0 and totalCount (" + totalCount + ")", goodCount);
        }
        if (epochMillis < originMillis || epochMillis >= endMillis) {
            rejected++;
            return false;
        }
        int i = (int) ((epochMillis - originMillis) / bucketMillis);
        if (totalCount > Long.MAX_VALUE - total[i]) {
            throw Checks.invalid("totalCount", "would overflow bucket " + i, totalCount);
        }
        total[i] += totalCount;
        good[i] += goodCount;
        return true;
    }

    /**
     * Adds another accumulator's counts into this one: afterwards this holds exactly what recording
     * both streams into one accumulator would hold.
     *
     * @param other an accumulator with the same origin, bucket and bucket count
     * @return this accumulator
     * @throws IllegalArgumentException if the geometry differs or a count would overflow
     */
    public GoodTotalAccumulator merge(GoodTotalAccumulator other) {
        Checks.notNull(other, "other");
        if (other.originMillis != originMillis || other.bucketMillis != bucketMillis || other.total.length != total.length) {
            throw Checks.invalid("other", "must have the same origin, bucket and bucket count as " + geometry(),
                    other.geometry());
        }
        for (int i = 0; i < total.length; i++) {
            if (other.total[i] > Long.MAX_VALUE - total[i]) {
                throw Checks.invalid("other", "would overflow bucket " + i, other.total[i]);
            }
        }
        for (int i = 0; i < total.length; i++) {
            total[i] += other.total[i];
            good[i] += other.good[i];
        }
        if (other.rejected > Long.MAX_VALUE - rejected) {
            rejected = Long.MAX_VALUE;
        } else {
            rejected += other.rejected;
        }
        return this;
    }

    private String geometry() {
        return Instant.ofEpochMilli(originMillis) + " + " + total.length + " x " + Duration.ofMillis(bucketMillis);
    }

    /**
     * A copy with the same counts.
     *
     * @return the copy
     */
    public GoodTotalAccumulator copy() {
        GoodTotalAccumulator c = new GoodTotalAccumulator(originMillis, bucketMillis, total.length);
        System.arraycopy(good, 0, c.good, 0, good.length);
        System.arraycopy(total, 0, c.total, 0, total.length);
        c.rejected = rejected;
        return c;
    }

    /**
     * Prefix sums of the current counts, for O(1) window queries. O(buckets).
     *
     * @return the immutable series
     */
    public SliSeries snapshot() {
        return SliSeries.ofCounts(Instant.ofEpochMilli(originMillis), Duration.ofMillis(bucketMillis), good, total);
    }

    /**
     * The good count of one bucket.
     *
     * @param bucket the bucket index
     * @return the count
     * @throws IllegalArgumentException if the index is out of range
     */
    public long good(int bucket) {
        Checks.inRange(bucket, 0, total.length - 1, "bucket");
        return good[bucket];
    }

    /**
     * The total count of one bucket.
     *
     * @param bucket the bucket index
     * @return the count
     * @throws IllegalArgumentException if the index is out of range
     */
    public long total(int bucket) {
        Checks.inRange(bucket, 0, total.length - 1, "bucket");
        return total[bucket];
    }

    /**
     * Events that fell outside the range.
     *
     * @return the count
     */
    public long rejected() {
        return rejected;
    }

    /**
     * The number of buckets.
     *
     * @return the count
     */
    public int buckets() {
        return total.length;
    }

    /**
     * The start of the first bucket.
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
     * Whether both hold the same geometry and counts.
     *
     * @param o the other object
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof GoodTotalAccumulator)) {
            return false;
        }
        GoodTotalAccumulator a = (GoodTotalAccumulator) o;
        return a.originMillis == originMillis && a.bucketMillis == bucketMillis && a.rejected == rejected
                && Arrays.equals(a.good, good) && Arrays.equals(a.total, total);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(originMillis) + Arrays.hashCode(total)) + Arrays.hashCode(good);
    }

    @Override
    public String toString() {
        return "GoodTotalAccumulator[" + geometry() + ", rejected=" + rejected + "]";
    }
}
