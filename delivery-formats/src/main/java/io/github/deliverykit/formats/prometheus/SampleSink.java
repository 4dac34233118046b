package io.github.deliverykit.formats.prometheus;

import java.util.Map;

/** Receives the samples of a Prometheus result, in file order. */
@FunctionalInterface
public interface SampleSink {

    /**
     * One sample.
     *
     * @param series the series number in the result, from 0
     * @param labels the series' labels (the same map for every sample of a series; do not modify)
     * @param epochMillis the sample time, epoch milliseconds
     * @param value the value: finite, or NaN (Prometheus' "no value"; infinities are rejected before)
     */
    void sample(int series, Map<String, String> labels, long epochMillis, double value);
}
