package io.github.deliverykit.benchmarks.stats;

import io.github.deliverykit.metrics.stats.Alternative;
import io.github.deliverykit.metrics.stats.BinomialTest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The exact one-sample binomial test of an error count against a gate's rate: ours (below 1,024
 * trials Loader's saddle-point probability and the smaller tail summed by the ratio recurrence; above,
 * the uniform asymptotic expansion of the incomplete beta or a division-free sum of few counts)
 * against Apache Commons Statistics 1.1's {@code BinomialTest} (regularized incomplete beta). 1,024 precomputed inputs per
 * trial count, with the rates of the canary gates and alert thresholds (0.1 %, 1 %, 1.44 %, 5 %) and
 * counts within a few standard deviations of the mean, indexed with {@code i++ & MASK}; the setup
 * checks that every answer agrees with Commons to 1e-9.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BinomialTestBenchmark {

    private static final int SIZE = 1024;
    private static final int MASK = SIZE - 1;
    private static final double[] RATES = {0.001, 0.01, 0.0144, 0.05};

    /** Requests per test: a quiet hour, a canary stage, a busy window. */
    @Param({"50", "1000", "100000"})
    int trials;

    int[] successes;
    double[] rates;
    int i;

    private final org.apache.commons.statistics.inference.BinomialTest greater =
            org.apache.commons.statistics.inference.BinomialTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);
    private final org.apache.commons.statistics.inference.BinomialTest twoSided =
            org.apache.commons.statistics.inference.BinomialTest.withDefaults();

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(19);
        successes = new int[SIZE];
        rates = new double[SIZE];
        for (int j = 0; j < SIZE; j++) {
            double p = RATES[j % RATES.length];
            double mean = trials * p;
            double sd = Math.sqrt(mean * (1 - p));
            long k = Math.round(mean + (rnd.nextDouble() * 2 - 1) * 4 * Math.max(1, sd));
            successes[j] = (int) Math.max(0, Math.min(trials, k));
            rates[j] = p;
        }
        for (int j = 0; j < SIZE; j++) {
            check("greater", greater.test(trials, successes[j], rates[j]).getPValue(),
                    BinomialTest.pValueGreater(successes[j], trials, rates[j]), j);
            check("two-sided", twoSided.test(trials, successes[j], rates[j]).getPValue(),
                    BinomialTest.test(successes[j], trials, rates[j], Alternative.TWO_SIDED).pValue(), j);
        }
    }

    private void check(String what, double peer, double ours, int j) {
        if (!(Math.abs(peer - ours) <= 1e-9)) {
            throw new IllegalStateException(what + " " + successes[j] + "/" + trials + " at " + rates[j] + ": peer "
                    + peer + " but ours " + ours);
        }
    }

    @Benchmark
    public double ours_greater() {
        int j = i++ & MASK;
        return BinomialTest.pValueGreater(successes[j], trials, rates[j]);
    }

    @Benchmark
    public double commonsStatistics_greater() {
        int j = i++ & MASK;
        return greater.test(trials, successes[j], rates[j]).getPValue();
    }

    @Benchmark
    public double ours_twoSided() {
        int j = i++ & MASK;
        return BinomialTest.test(successes[j], trials, rates[j], Alternative.TWO_SIDED).pValue();
    }

    @Benchmark
    public double commonsStatistics_twoSided() {
        int j = i++ & MASK;
        return twoSided.test(trials, successes[j], rates[j]).getPValue();
    }
}
