package io.github.deliverykit.benchmarks.dora;

import io.github.deliverykit.benchmarks.stats.CpuTimeCheck;
import io.github.deliverykit.metrics.dora.DoraConfig;
import io.github.deliverykit.metrics.dora.DoraDataset;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@link CpuTimeCheck} for the DORA kernels against DuckDB (same setup, same equality checks as
 * {@link DoraBenchmark}), plus the index build: its CPU time, the bytes it allocates and the heap it
 * retains. Arguments: commits (default 10^7); deployments are a tenth of the commits.
 *
 * <p>{@code java -Xmx8g -cp benchmarks/target/benchmarks.jar io.github.deliverykit.benchmarks.dora.DoraCpuTimeCheck 10000000}
 */
public final class DoraCpuTimeCheck {

    private DoraCpuTimeCheck() {}

    /**
     * Runs the check.
     *
     * @param args the number of commits
     */
    public static void main(String[] args) {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        DoraBenchmark b = new DoraBenchmark();
        b.commits = commits;
        b.deployments = commits / 10;
        b.services = 100;
        b.setup();
        String size = String.format(Locale.ROOT, "%,d commits, %,d deployments: ", commits, commits / 10);
        CpuTimeCheck.compare(size + "median lead time vs DuckDB", b::leadTime, sql(b::duckdbLeadTime));
        CpuTimeCheck.compare(size + "time to restore vs DuckDB", b::timeToRestore, sql(b::duckdbTimeToRestore));
        CpuTimeCheck.compare(size + "deployment frequency vs DuckDB", b::deploymentFrequency, sql(b::duckdbDeploymentFrequency));
        CpuTimeCheck.compare(size + "change failure rate vs DuckDB", b::changeFailureRate, sql(b::duckdbChangeFailureRate));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
            long heap0 = rt.totalMemory() - rt.freeMemory();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long alloc0 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long wall0 = System.nanoTime();
            DoraDataset d = DoraDataset.of(b.events, DoraConfig.ofDefaults());
            long wall = System.nanoTime() - wall0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long alloc = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - alloc0;
            System.gc();
            long retained = rt.totalMemory() - rt.freeMemory() - heap0;
            System.out.printf(Locale.ROOT, "%sindex build: %.2f s CPU (%.2f s wall), %,d MB allocated, %,d MB retained (%d changes)%n",
                    size, cpu / 1e9, wall / 1e9, alloc >> 20, retained >> 20, d.changeCount());
        }
        System.gc();
        System.out.printf(Locale.ROOT, "%sheap with events, DuckDB tables and two datasets: %,d MB%n", size,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static Supplier<Object> sql(Callable<?> c) {
        return () -> {
            try {
                return c.call();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
