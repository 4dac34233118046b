package io.github.deliverykit.benchmarks.budget;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.IntervalSet;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.metrics.budget.AlertEvaluator;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.metrics.budget.ErrorBudgets;
import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.SliSeries;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.budget.DeployFreezeConfig;
import io.github.deliverykit.policy.budget.FreezeInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
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
 * Alert evaluation and time-based budgets.
 *
 * <p>Alerts: every rule of an alert table at every minute of a 30-day per-minute series, three
 * ways side by side: ours one boundary at a time ({@code prefixSums}, the hot path), ours in one
 * batch pass ({@code batch}), and the straightforward evaluation that re-sums both windows of each
 * rule at each minute ({@code resumming}, what a naive in-process port of the PromQL rules does).
 * Divide the average time by 43,200 buckets x rules for ns per bucket per rule.
 *
 * <p>Budgets: the consumption of 5 x 10^4 overlapping incidents (impact 1 or 0.5) with maintenance,
 * ours (O(n log n)) against the simple algorithm that re-unions all incidents so far after each
 * one (O(n^2), the library's before issue 16), directly and through {@code FreezeInput.fromIncidents}
 * (budget plus a 1-hour lookback burn rate). Each setup checks that both sides agree (the budget
 * side on the first 2,000 incidents: the simple algorithm needs tens of seconds for all of them, so
 * run its methods single-shot, {@code -bm ss -wi 0 -i 1}, as BENCHMARKS.md shows).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class AlertEvaluationBenchmark {

    static final int MINUTES = 30 * 24 * 60;

    /** A 30-day per-minute series and a compiled alert table. */
    @State(Scope.Thread)
    public static class Alerts {

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
        int[] masks;

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
            masks = new int[MINUTES];
            AlertEvaluationBenchmark bench = new AlertEvaluationBenchmark();
            long a = bench.prefixSums(this);
            long b = bench.resumming(this);
            long c = batchChecksum(this);
            if (a != b || a != c || a == 0) {
                throw new IllegalStateException("alert evaluations differ: " + a + ", " + b + ", " + c);
            }
        }

        private boolean window(int from, int to, long n, long d) {
            long g = 0;
            long t = 0;
            for (int i = Math.max(0, from); i < to; i++) {
                g += good[i];
                t += total[i];
            }
            long bad = t - g;
            long covered = to - Math.max(0, from);
            long length = to - from;
            // a window reaching before the data counts the missing part as good at the same traffic;
            // counts here are far below 2^63 / (den x window), so the 64-bit products are exact
            return bad * d * covered > n * t * length;
        }
    }

    /** Ours, the hot path: all rules at every minute, one boundary at a time. */
    @Benchmark
    public long prefixSums(Alerts s) {
        long fired = 0;
        for (int b = 1; b <= MINUTES; b++) {
            fired = fired * 31 + s.evaluator.firing(s.series, b);
        }
        return fired;
    }

    /** Ours, the batch entry point: all rules at every minute in one pass. */
    @Benchmark
    public int[] batch(Alerts s) {
        s.evaluator.firing(s.series, 1, MINUTES + 1, s.masks);
        return s.masks;
    }

    static long batchChecksum(Alerts s) {
        s.evaluator.firing(s.series, 1, MINUTES + 1, s.masks);
        long fired = 0;
        for (int m : s.masks) {
            fired = fired * 31 + m;
        }
        return fired;
    }

    /** Peer: re-sum both windows of every rule at every minute. */
    @Benchmark
    public long resumming(Alerts s) {
        long fired = 0;
        for (int b = 1; b <= MINUTES; b++) {
            int mask = 0;
            for (int r = 0; r < s.rules; r++) {
                if (s.window(b - s.longBuckets[r], b, s.num[r], s.den[r])
                        && s.window(b - s.shortBuckets[r], b, s.num[r], s.den[r])) {
                    mask |= 1 << r;
                }
            }
            fired = fired * 31 + mask;
        }
        return fired;
    }

    /** 5 x 10^4 incidents of one service over 60 days, overlapping, of mixed impact, with maintenance. */
    @State(Scope.Benchmark)
    public static class Incidents {

        @Param({"50000"})
        public int incidents;

        static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
        Slo slo;
        List<Incident> list;
        MaintenanceSchedule maintenance;
        Instant at;
        FreezeInput.Request request;
        DeployFreezeConfig config;

        @Setup
        public void setup() {
            slo = Slo.timeBased("checkout", "99.9", Window.days(60));
            at = T0.plus(Duration.ofDays(60));
            SplittableRandom rnd = new SplittableRandom(11);
            list = new ArrayList<>(incidents);
            long spanSeconds = Duration.ofDays(60).getSeconds();
            for (int i = 0; i < incidents; i++) {
                Instant start = T0.plusSeconds(rnd.nextLong(spanSeconds));
                Duration length = Duration.ofSeconds(60 + rnd.nextLong(4 * 3600));
                // two impact levels: the simple algorithm's cost grows with the levels, ours does not
                BigDecimal impact = rnd.nextInt(4) == 0 ? new BigDecimal("0.5") : BigDecimal.ONE;
                Incident.Builder b = Incident.builder("INC-" + i, "checkout", Severity.SEV3).started(start)
                        .impact(impact);
                list.add((i % 1000 == 999 ? b : b.mitigated(start.plus(length))).build());
            }
            maintenance = MaintenanceSchedule.none();
            for (int d = 0; d < 60; d += 7) {
                maintenance = maintenance.plus(Interval.of(T0.plus(Duration.ofDays(d)), Duration.ofHours(2)));
            }
            request = new FreezeInput.Request("checkout", "deploy-1", ChangeKind.ROUTINE);
            config = DeployFreezeConfig.custom().lookback(Duration.ofHours(1)).build();
            // the simple algorithm takes tens of seconds at 5 x 10^4: check agreement on a prefix of 2,000
            List<Incident> sample = list.subList(0, Math.min(list.size(), 2_000));
            BigDecimal fast = ErrorBudgets.timeBased(slo, sample, maintenance, at).consumed();
            BigDecimal naive = Naive.consumed(slo, slo.window().intervalAt(at), sample, maintenance, at);
            if (fast.compareTo(naive) != 0) {
                throw new IllegalStateException("time-based consumption differs: " + fast + " vs " + naive);
            }
        }
    }

    /** Ours: O(n log n) time-based consumption with per-incident charges. */
    @Benchmark
    public BudgetStatus timeBased(Incidents s) {
        return ErrorBudgets.timeBased(s.slo, s.list, s.maintenance, s.at);
    }

    /** Peer: the simple O(n^2) algorithm (re-union all incidents so far after each one). */
    @Benchmark
    public BigDecimal timeBasedNaive(Incidents s) {
        return Naive.consumed(s.slo, s.slo.window().intervalAt(s.at), s.list, s.maintenance, s.at);
    }

    /** Ours: the deploy-freeze input from incidents (budget plus the 1-hour lookback burn rate). */
    @Benchmark
    public FreezeInput freezeInput(Incidents s) {
        return FreezeInput.fromIncidents(s.request, s.slo, s.list, s.maintenance, s.at, s.config);
    }

    /** Peer: the same two figures with the simple algorithm. */
    @Benchmark
    public BigDecimal freezeInputNaive(Incidents s) {
        BigDecimal consumed = Naive.consumed(s.slo, s.slo.window().intervalAt(s.at), s.list, s.maintenance, s.at);
        Duration lookback = s.config.lookback().orElseThrow();
        BigDecimal recent = Naive.consumed(s.slo, Interval.ending(lookback, s.at), s.list, s.maintenance, s.at);
        return consumed.add(recent.divide(BigDecimal.valueOf(lookback.getSeconds())
                .multiply(s.slo.target().budgetRatio()), 9, RoundingMode.HALF_EVEN));
    }

    /** The library's time-based consumption before issue 16: O(n^2) in the incidents. */
    static final class Naive {

        private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

        private Naive() {}

        static BigDecimal consumed(Slo slo, Interval period, Collection<Incident> incidents,
                MaintenanceSchedule maintenance, Instant at) {
            Interval observed = Interval.of(period.start(), at);
            IntervalSet maint = maintenance.within(observed);
            List<Incident> relevant = new ArrayList<>();
            for (Incident i : incidents) {
                if (i.service().equals(slo.service()) && i.started().isBefore(observed.end())) {
                    relevant.add(i);
                }
            }
            relevant.sort(Comparator.comparing(Incident::started).thenComparing(Incident::id));
            List<Interval> clipped = new ArrayList<>();
            List<BigDecimal> impacts = new ArrayList<>();
            BigDecimal before = BigDecimal.ZERO;
            for (Incident inc : relevant) {
                Interval c = inc.impactInterval(observed.end()).intersection(observed).orElse(null);
                if (c == null) {
                    continue;
                }
                clipped.add(c);
                impacts.add(inc.impact().stripTrailingZeros());
                // each incident's charge is the growth of the weighted union: recomputed from scratch
                before = weightedNanos(clipped, impacts, maint);
            }
            return before.divide(NANOS);
        }

        private static BigDecimal weightedNanos(List<Interval> intervals, List<BigDecimal> impacts, IntervalSet maint) {
            TreeSet<BigDecimal> levels = new TreeSet<>(Comparator.reverseOrder());
            levels.addAll(impacts);
            BigDecimal sum = BigDecimal.ZERO;
            long prev = 0;
            for (BigDecimal level : levels) {
                List<Interval> atLeast = new ArrayList<>();
                for (int i = 0; i < intervals.size(); i++) {
                    if (impacts.get(i).compareTo(level) >= 0) {
                        atLeast.add(intervals.get(i));
                    }
                }
                long t = IntervalSet.of(atLeast).minus(maint).totalNanos();
                sum = sum.add(level.multiply(BigDecimal.valueOf(t - prev)));
                prev = t;
            }
            return sum;
        }
    }
}
