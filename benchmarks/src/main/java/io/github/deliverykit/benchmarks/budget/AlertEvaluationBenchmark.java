package io.github.deliverykit.benchmarks.budget;

import io.github.deliverykit.metrics.budget.AlertEvaluator;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import io.github.deliverykit.metrics.budget.SliSeries;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluates every rule of an alert table at every minute of a 30-day per-minute series: ours
 * (prefix sums, O(1) per rule and minute) against the straightforward evaluation that re-sums both
 * windows of each rule at each minute (what a naive in-process port of the PromQL rules does).
 * Divide the average time by 43,200 buckets x rules for ns per bucket per rule.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class AlertEvaluationBenchmark {

    static final int MINUTES = 30 * 24 * 60;

    @Param({"workbook", "sloth"})
    public String table;

    long[] good;
    long[] total;
    SliSeries series;
    AlertEvaluator evaluator;
    int rules;
    int[] longBuckets;
    int[] shortBuckets;
    long[] num;
    long[] den;

    @Setup
    public void setup() {
        Instant origin = Instant.parse("2024-01-01T00:00:00Z");
        SplittableRandom rnd = new SplittableRandom(7);
        GoodTotalAccumulator acc = GoodTotalAccumulator.create(origin, Duration.ofMinutes(1), MINUTES);
        good = new long[MINUTES];
        total = new long[MINUTES];
        long o = origin.toEpochMilli();
        for (int m = 0; m < MINUTES; m++) {
            long t = 500 + rnd.nextInt(1000);
            // mostly healthy, with an incident every few days
            int errPerMille = (m / 240) % 17 == 0 ? 30 : rnd.nextInt(2);
            long bad = t * errPerMille / 1000;
            total[m] = t;
            good[m] = t - bad;
            acc.record(o + m * 60_000L, good[m], total[m]);
        }
        series = acc.snapshot();
        Duration period = Duration.ofDays(30);
        AlertTable t = "sloth".equals(table) ? AlertTable.sloth(period) : AlertTable.workbook(period);
        SloTarget target = SloTarget.parse("99.9");
        evaluator = AlertEvaluator.of(target, t, period, Duration.ofMinutes(1));
        rules = t.rules().size();
        longBuckets = new int[rules];
        shortBuckets = new int[rules];
        num = new long[rules];
        den = new long[rules];
        for (int i = 0; i < rules; i++) {
            BurnRateRule r = t.rules().get(i);
            longBuckets[i] = (int) r.longWindow().toMinutes();
            shortBuckets[i] = (int) r.shortWindow().toMinutes();
            BigDecimal thr = r.factor().multiply(target.budgetRatio()).stripTrailingZeros();
            num[i] = thr.unscaledValue().longValueExact();
            den[i] = BigDecimal.ONE.movePointRight(thr.scale()).longValueExact();
        }
        long a = prefixSums();
        long b = resumming();
        if (a != b || a == 0) {
            throw new IllegalStateException("prefix-sum and re-summing evaluations differ: " + a + " vs " + b);
        }
    }

    /** Ours: all rules at every minute through the compiled evaluator. */
    @Benchmark
    public long prefixSums() {
        long fired = 0;
        for (int b = 1; b <= MINUTES; b++) {
            fired = fired * 31 + evaluator.firing(series, b);
        }
        return fired;
    }

    /** Peer: re-sum both windows of every rule at every minute. */
    @Benchmark
    public long resumming() {
        long fired = 0;
        for (int b = 1; b <= MINUTES; b++) {
            int mask = 0;
            for (int r = 0; r < rules; r++) {
                if (window(b - longBuckets[r], b, num[r], den[r]) && window(b - shortBuckets[r], b, num[r], den[r])) {
                    mask |= 1 << r;
                }
            }
            fired = fired * 31 + mask;
        }
        return fired;
    }

    private boolean window(int from, int to, long n, long d) {
        long g = 0;
        long t = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            g += good[i];
            t += total[i];
        }
        long bad = t - g;
        // counts here are far below 2^63 / den, so the 64-bit products are exact
        return bad * d > n * t;
    }
}
