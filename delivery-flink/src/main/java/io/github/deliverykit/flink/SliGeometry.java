package io.github.deliverykit.flink;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The bucket range every per-service {@link GoodTotalAccumulator} of a job covers: the same on
 * every task, so partial accumulators merge.
 *
 * @param origin the start of the first bucket
 * @param bucket the bucket length
 * @param buckets the number of buckets
 */
public record SliGeometry(Instant origin, Duration bucket, int buckets) implements Serializable {

    /**
     * Validates the geometry as {@link GoodTotalAccumulator#create} does.
     *
     * @throws IllegalArgumentException if a field is null or out of range
     */
    public SliGeometry {
        GoodTotalAccumulator.create(origin, bucket, 1); // origin and bucket, with the library's messages
        Checks.inRange(buckets, 1, GoodTotalAccumulator.MAX_BUCKETS, "buckets");
        if (origin.plus(bucket.multipliedBy(buckets)).isAfter(Interval.MAX)) {
            throw Checks.invalid("buckets", "must end before " + Interval.MAX, buckets);
        }
    }

    /**
     * An empty accumulator of this geometry.
     *
     * @return the accumulator
     */
    public GoodTotalAccumulator newAccumulator() {
        return GoodTotalAccumulator.create(origin, bucket, buckets);
    }

    /**
     * The epoch milliseconds of a bucket boundary.
     *
     * @param boundary 0 to {@link #buckets()}
     * @return the instant in epoch milliseconds
     */
    public long boundaryMillis(int boundary) {
        return origin.toEpochMilli() + bucket.toMillis() * boundary;
    }
}
