package io.github.deliverykit.benchmarks.stats;

import io.github.deliverykit.metrics.stats.MannWhitney;
import io.github.deliverykit.metrics.stats.RankTestResult;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mann-Whitney U test on two samples of n values each: ours (sort two primitive copies, merge)
 * against Apache Commons Math 3.6.1 (boxed ranking of the concatenation) and Commons Statistics 1.1.
 * Like for like: {@code ours_commonsMath3} and {@code commonsMath3} compute the uncorrected
 * asymptotic p-value; {@code ours_default} and {@code commonsStatistics} the tie- and
 * continuity-corrected one. The setup checks that each pair agrees to 1e-9.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MannWhitneyBenchmark {

    @Param({"100", "1000", "100000"})
    int n;

    /** Whether values are drawn from few distinct levels (latencies rounded to the millisecond do that). */
    @Param({"true", "false"})
    boolean ties;

    double[] x;
    double[] y;

    private final MannWhitneyUTest commonsMath3 = new MannWhitneyUTest();
    private final org.apache.commons.statistics.inference.MannWhitneyUTest commonsStatistics =
            org.apache.commons.statistics.inference.MannWhitneyUTest.withDefaults();

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        x = new double[n];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ties ? Math.floor(200 + 50 * rnd.nextGaussian()) : 200 + 50 * rnd.nextGaussian();
            y[i] = ties ? Math.floor(203 + 50 * rnd.nextGaussian()) : 203 + 50 * rnd.nextGaussian();
        }
        check("commons-math3 U", commonsMath3.mannWhitneyU(x, y), MannWhitney.test(x, y, MannWhitney.Options.COMMONS_MATH_3).uMax());
        check("commons-math3 p", commonsMath3(), ours_commonsMath3());
        check("commons-statistics p", commonsStatistics(), ours_default());
    }

    private static void check(String what, double peer, double ours) {
        if (!(Math.abs(peer - ours) <= 1e-9)) {
            throw new IllegalStateException(what + ": peer " + peer + " but ours " + ours);
        }
    }

    @Benchmark
    public double ours_commonsMath3() {
        RankTestResult r = MannWhitney.test(x, y, MannWhitney.Options.COMMONS_MATH_3);
        return r.pValue();
    }

    @Benchmark
    public double commonsMath3() {
        return commonsMath3.mannWhitneyUTest(x, y);
    }

    @Benchmark
    public double ours_default() {
        return MannWhitney.test(x, y).pValue();
    }

    @Benchmark
    public double commonsStatistics() {
        return commonsStatistics.test(x, y).getPValue();
    }
}
