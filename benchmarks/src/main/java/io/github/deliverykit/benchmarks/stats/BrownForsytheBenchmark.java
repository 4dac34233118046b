package io.github.deliverykit.benchmarks.stats;

import io.github.deliverykit.metrics.stats.Alternative;
import io.github.deliverykit.metrics.stats.BrownForsythe;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Brown-Forsythe test of equal spread on two samples of n latencies each: ours (one sorted copy
 * per sample, medians by lookup, the F tail by a continued fraction) against the same test built
 * from Apache Commons Math 3.6.1, which has no Brown-Forsythe function: {@code Median} of each
 * sample, the absolute deviations, then {@code OneWayAnova.anovaPValue}. {@code ours_sorted} is the
 * call the {@code distribution} canary judge makes on the stage's already sorted samples. The setup
 * checks that the p-values agree to 1e-9.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BrownForsytheBenchmark {

    @Param({"100", "1000", "100000"})
    int n;

    double[] x;
    double[] y;
    double[] xSorted;
    double[] ySorted;

    private final OneWayAnova anova = new OneWayAnova();

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        x = new double[n];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            // log-normal latencies, the canary spreading 20 % more
            x[i] = 100 * Math.exp(0.6 * gaussian(rnd));
            y[i] = 100 * Math.exp(0.5 * gaussian(rnd));
        }
        xSorted = x.clone();
        ySorted = y.clone();
        Arrays.sort(xSorted);
        Arrays.sort(ySorted);
        double peer = commonsMath3();
        for (double ours : new double[] {ours(), ours_sorted()}) {
            if (!(Math.abs(peer - ours) <= 1e-9)) {
                throw new IllegalStateException("Brown-Forsythe p: Commons Math " + peer + " but ours " + ours);
            }
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static double[] deviations(double[] a) {
        double m = new Median().evaluate(a);
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = Math.abs(a[i] - m);
        }
        return d;
    }

    @Benchmark
    public double ours() {
        return BrownForsythe.test(x, y).pValue();
    }

    @Benchmark
    public double ours_sorted() {
        return BrownForsythe.testSorted(xSorted, ySorted, Alternative.TWO_SIDED).pValue();
    }

    @Benchmark
    public double commonsMath3() {
        return anova.anovaPValue(List.of(deviations(x), deviations(y)));
    }
}
