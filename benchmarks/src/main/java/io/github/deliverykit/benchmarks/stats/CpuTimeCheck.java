package io.github.deliverykit.benchmarks.stats;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A cross-check of the JMH figures for a shared, overloaded machine: the thread CPU time per call
 * of ours and of the peer, measured in alternating rounds in one JVM, so that both see the same
 * load. Time slices lost to other processes do not count as CPU time, so the ratio stays readable
 * when wall-clock JMH results are not. JMH remains the measure of record.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.deliverykit.benchmarks.stats.CpuTimeCheck}
 */
public final class CpuTimeCheck {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static Object sink;

    private CpuTimeCheck() {}

    /**
     * Runs the stats kernels.
     *
     * @param args {@code mann-whitney} or {@code quantiles} for one of them, nothing for both
     */
    public static void main(String[] args) {
        boolean rank = args.length == 0 || args[0].equals("mann-whitney");
        boolean quantiles = args.length == 0 || args[0].equals("quantiles");
        for (int n : rank ? new int[] {100, 1_000, 10_000, 100_000} : new int[0]) {
            for (boolean ties : new boolean[] {false, true}) {
                MannWhitneyBenchmark b = new MannWhitneyBenchmark();
                b.n = n;
                b.ties = ties;
                b.setUp();
                compare("Mann-Whitney n=m=" + n + (ties ? " ties" : " no ties") + ", ours_commonsMath3 vs commonsMath3",
                        b::ours_commonsMath3, b::commonsMath3);
                compare("Mann-Whitney n=m=" + n + (ties ? " ties" : " no ties") + ", ours_default vs commonsStatistics",
                        b::ours_default, b::commonsStatistics);
            }
        }
        for (String shape : quantiles ? new String[] {"uniform", "latency"} : new String[0]) {
            QuantileBenchmark q = new QuantileBenchmark();
            q.size = 1_000_000;
            q.shape = shape;
            q.setUp();
            compare("p50/p95/p99 of 10^6 doubles, " + shape + ", ours vs Commons Math Percentile", q::deliverykit,
                    q::commonsMath);
        }
    }

    /**
     * Prints the median CPU time per call of each side over alternating rounds, and the ratio.
     *
     * @param what the row
     * @param ours our kernel
     * @param peer the peer's
     * @return our median CPU time per call, in nanoseconds
     */
    public static double compare(String what, Supplier<?> ours, Supplier<?> peer) {
        int calls = calibrate(ours);
        int peerCalls = calibrate(peer);
        int rounds = 15;
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int r = 0; r < rounds + 3; r++) {
            double x = perCall(ours, calls);
            double y = perCall(peer, peerCalls);
            if (r >= 3) { // the first rounds warm up
                a[r - 3] = x;
                b[r - 3] = y;
            }
        }
        double ma = median(a);
        double mb = median(b);
        System.out.printf(Locale.ROOT, "%s: ours %s, peer %s, peer / ours %.2fx%n", what, format(ma), format(mb), mb / ma);
        return ma;
    }

    private static int calibrate(Supplier<?> s) {
        int calls = 1;
        while (true) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                sink = s.get();
            }
            if (THREADS.getCurrentThreadCpuTime() - t0 > 50_000_000L || calls >= 1 << 24) {
                return calls;
            }
            calls *= 2;
        }
    }

    private static double perCall(Supplier<?> s, int calls) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            sink = s.get();
        }
        return (THREADS.getCurrentThreadCpuTime() - t0) / (double) calls;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static String format(double nanos) {
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3g µs", nanos / 1e3);
    }
}
