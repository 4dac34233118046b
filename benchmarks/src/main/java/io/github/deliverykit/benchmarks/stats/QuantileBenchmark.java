package io.github.deliverykit.benchmarks.stats;

import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import io.github.deliverykit.metrics.stats.Quantiles;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P50, P95 and P99 (R-7, linear interpolation) of 10^6 doubles: deliverykit's selection against
 * Commons Math 3.6.1 {@code Percentile} with {@code EstimationType.R_7} (one {@code setData} copy,
 * its cached pivots reused for the three percentiles) and against {@code Arrays.sort} of a copy plus
 * index arithmetic. Every variant copies the input once, so the input stays unchanged.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QuantileBenchmark {

    private static final double[] PS = {0.5, 0.95, 0.99};

    @Param({"1000000"})
    public int size;

    /** uniform: distinct values; latency: a skewed, heavy-tailed sample with many duplicates */
    @Param({"uniform", "latency"})
    public String shape;

    private double[] values;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = shape.equals("uniform") ? random.nextDouble() * 1e6
                    : Math.floor(Math.exp(random.nextGaussian() * 1.2 + 5));
        }
        double[] ours = deliverykit();
        double[] cm = commonsMath();
        double[] sorted = sortAndIndex();
        for (int i = 0; i < PS.length; i++) {
            if (Math.abs(ours[i] - cm[i]) > 1e-9 * Math.abs(cm[i]) || Math.abs(ours[i] - sorted[i]) > 1e-9 * Math.abs(sorted[i])) {
                throw new IllegalStateException("p" + PS[i] + ": ours " + ours[i] + ", Commons Math " + cm[i] + ", sort " + sorted[i]);
            }
        }
    }

    @Benchmark
    public double[] deliverykit() {
        return Quantiles.quantiles(values, QuantileDefinition.LINEAR, PS);
    }

    @Benchmark
    public double[] commonsMath() {
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(values);
        return new double[] {percentile.evaluate(50), percentile.evaluate(95), percentile.evaluate(99)};
    }

    @Benchmark
    public double[] sortAndIndex() {
        double[] s = values.clone();
        Arrays.sort(s);
        double[] out = new double[PS.length];
        for (int i = 0; i < PS.length; i++) {
            double h = (s.length - 1) * PS[i];
            int lo = (int) h;
            out[i] = lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
        }
        return out;
    }
}
