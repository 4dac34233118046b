package io.github.deliverykit.flink;

import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The text form of an SLI series that the jobs write and the tests compare byte for byte with the
 * single-machine library: one line {@code service,bucketStart,good,total} per non-empty bucket, in
 * bucket order, then {@code service,rejected,N}.
 */
public final class SliRows {

    private SliRows() {}

    /**
     * The lines of one service's accumulator.
     *
     * @param service the service
     * @param acc its accumulator
     * @return the lines
     */
    public static List<String> lines(String service, GoodTotalAccumulator acc) {
        List<String> out = new ArrayList<>();
        long origin = acc.origin().toEpochMilli();
        long bucket = acc.bucket().toMillis();
        for (int i = 0; i < acc.buckets(); i++) {
            if (acc.total(i) != 0) {
                out.add(service + "," + (origin + i * bucket) + "," + acc.good(i) + "," + acc.total(i));
            }
        }
        out.add(service + ",rejected," + acc.rejected());
        return out;
    }
}
