package io.github.deliverykit.benchmarks.stats;

import io.github.deliverykit.metrics.stats.Alternative;
import io.github.deliverykit.metrics.stats.ProportionTest;
import java.util.concurrent.TimeUnit;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Fisher's exact test of canary against baseline error counts: ours ({@code ProportionTest.fisherExact},
 * the hypergeometric weights summed outward from the mode by their ratio recurrence) against Apache
 * Commons Statistics 1.1 {@code FisherExactTest}. Tables from a low-traffic stage (3 of 40 against 0
 * of 40), a sparse-error stage (15 of 1,000 against 0 of 1,000) and a busy one (1,200 of 100,000
 * against 1,000 of 100,000). The setup checks that the p-values agree to 1e-9.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FisherExactBenchmark {

    /** canaryErrors/canaryRequests/baselineErrors/baselineRequests. */
    @Param({"3/40/0/40", "15/1000/0/1000", "1200/100000/1000/100000"})
    String table;

    @Param({"GREATER", "TWO_SIDED"})
    Alternative alternative;

    long s1;
    long n1;
    long s2;
    long n2;
    int[][] cells;
    FisherExactTest peer;

    @Setup
    public void setUp() {
        String[] p = table.split("/");
        s1 = Long.parseLong(p[0]);
        n1 = Long.parseLong(p[1]);
        s2 = Long.parseLong(p[2]);
        n2 = Long.parseLong(p[3]);
        cells = new int[][] {{(int) s1, (int) (n1 - s1)}, {(int) s2, (int) (n2 - s2)}};
        peer = FisherExactTest.withDefaults().with(alternative == Alternative.GREATER
                ? AlternativeHypothesis.GREATER_THAN : AlternativeHypothesis.TWO_SIDED);
        double theirs = commonsStatistics();
        double ours = ours();
        if (!(Math.abs(theirs - ours) <= 1e-9)) {
            throw new IllegalStateException("Fisher p for " + table + " " + alternative + ": Commons Statistics " + theirs
                    + " but ours " + ours);
        }
    }

    @Benchmark
    public double ours() {
        return ProportionTest.fisherExact(s1, n1, s2, n2, alternative).pValue();
    }

    @Benchmark
    public double commonsStatistics() {
        return peer.test(cells).getPValue();
    }
}
