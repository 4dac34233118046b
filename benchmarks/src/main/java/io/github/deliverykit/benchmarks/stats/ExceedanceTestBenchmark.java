package io.github.deliverykit.benchmarks.stats;

import io.github.deliverykit.metrics.stats.Alternative;
import io.github.deliverykit.metrics.stats.ExceedanceTest;
import io.github.deliverykit.metrics.stats.ExceedanceTestResult;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The exceedance tail test (canary samples beyond the baseline's three largest) on two samples of n
 * latencies each, the canary with a 15 % Pareto tail (the accuracy corpus's {@code long-tail} row):
 * ours (one sorted copy per sample, the three marginal laws by one draw recurrence, the min-p law by
 * a lattice walk) against the same counts with the marginal p-values from Apache Commons Statistics
 * 1.1's {@code HypergeometricDistribution.cumulativeProbability}, one distribution per rank. Commons
 * has no law of the min-p over ranks, so the reference computes less than ours (the marginals only).
 * {@code ours_sorted} is the call the {@code distribution} canary judge makes on the stage's already
 * sorted samples. The setup checks that the marginal p-values agree to 1e-9.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExceedanceTestBenchmark {

    static final int RANKS = ExceedanceTest.DEFAULT_RANKS;

    @Param({"100", "1000", "100000"})
    int n;

    double[] x;
    double[] y;
    double[] xSorted;
    double[] ySorted;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        x = new double[n];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() < 0.15 ? 300 / Math.pow(1 - rnd.nextDouble(), 1 / 1.2) : 100 * Math.exp(0.5 * gaussian(rnd));
            y[i] = 100 * Math.exp(0.5 * gaussian(rnd));
        }
        xSorted = x.clone();
        ySorted = y.clone();
        Arrays.sort(xSorted);
        Arrays.sort(ySorted);
        ExceedanceTestResult ours = ExceedanceTest.test(x, y, RANKS, Alternative.GREATER);
        double[] peer = marginals(xSorted, ySorted);
        double ourMarginal = ours.marginalPValue();
        if (!(Math.abs(peer[ours.rank() - 1] - ourMarginal) <= 1e-9)) {
            throw new IllegalStateException("exceedance p: Commons Statistics " + peer[ours.rank() - 1] + " but ours " + ourMarginal);
        }
        if (!(Math.abs(ours.marginalPValue() - ExceedanceTest.testSorted(xSorted, ySorted, RANKS, Alternative.GREATER)
                .marginalPValue()) <= 1e-15)) {
            throw new IllegalStateException("sorted and unsorted calls differ");
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** P(T_r >= t_r) for r = 1..RANKS from Commons Statistics: at most r - 1 baseline values among the first t_r + r - 1. */
    private static double[] marginals(double[] xs, double[] ys) {
        int n1 = xs.length;
        int n2 = ys.length;
        double[] p = new double[RANKS];
        for (int r = 1; r <= RANKS; r++) {
            double v = ys[n2 - r];
            int i = n1;
            while (i > 0 && xs[i - 1] > v) {
                i--;
            }
            int t = n1 - i;
            p[r - 1] = HypergeometricDistribution.of(n1 + n2, n2, t + r - 1).cumulativeProbability(r - 1);
        }
        return p;
    }

    @Benchmark
    public double ours() {
        return ExceedanceTest.test(x, y, RANKS, Alternative.GREATER).pValue();
    }

    @Benchmark
    public double ours_sorted() {
        return ExceedanceTest.testSorted(xSorted, ySorted, RANKS, Alternative.GREATER).pValue();
    }

    @Benchmark
    public double commonsStatistics() {
        double[] xs = x.clone();
        double[] ys = y.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        double[] p = marginals(xs, ys);
        return Math.min(1, RANKS * Math.min(p[0], Math.min(p[1], p[2])));
    }

    @Benchmark
    public double commonsStatistics_sorted() {
        double[] p = marginals(xSorted, ySorted);
        return Math.min(1, RANKS * Math.min(p[0], Math.min(p[1], p[2])));
    }
}
