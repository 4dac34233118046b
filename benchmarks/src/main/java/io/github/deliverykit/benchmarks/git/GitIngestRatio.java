package io.github.deliverykit.benchmarks.git;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * A timed harness beside {@link GitHistoryBenchmark} for a loaded machine: it alternates the bare
 * {@code git log} and the in-process {@code dora --git} in every round (so a change of load hits
 * both alike) and prints the medians, the median of the per-round ratios, the CPU time of this
 * JVM per command (git's own CPU excluded) and, on Linux, the CPU time of the git processes each
 * side ran (the JVM's reaped children, from {@code /proc/self/stat}; -1 elsewhere). Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.deliverykit.benchmarks.git.GitIngestRatio [rounds]}.
 */
public final class GitIngestRatio {

    private GitIngestRatio() {}

    /**
     * Runs the harness.
     *
     * @param args optional: the number of measured rounds (default 21), commits, tags
     * @throws IOException if git fails
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        GitHistoryBenchmark b = new GitHistoryBenchmark();
        b.commits = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        b.tags = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        b.setUp();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < 5; i++) { // warm-up
            b.gitLog();
            b.doraGit();
        }
        double[] git = new double[rounds];
        double[] dora = new double[rounds];
        double[] ratio = new double[rounds];
        double[] cpu = new double[rounds];
        double[] gitCpu = new double[rounds];
        double[] doraGitCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            boolean gitFirst = r % 2 == 0;
            if (gitFirst) {
                double g0 = childCpuMillis();
                git[r] = timeGit(b);
                gitCpu[r] = childCpuMillis() - g0;
            }
            double d0 = childCpuMillis();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            if (b.doraGit() != 0) {
                throw new IllegalStateException("dora --git failed");
            }
            dora[r] = (System.nanoTime() - t0) / 1e6;
            cpu[r] = (os.getProcessCpuTime() - c0) / 1e6;
            doraGitCpu[r] = childCpuMillis() - d0;
            if (!gitFirst) {
                double g0 = childCpuMillis();
                git[r] = timeGit(b);
                gitCpu[r] = childCpuMillis() - g0;
            }
            ratio[r] = dora[r] / git[r];
        }
        System.out.printf(Locale.ROOT, "%d commits, %d tags, %d rounds: git log median %.0f ms, dora --git median %.0f ms"
                + " (this JVM's CPU %.0f ms), ratio median %.2f (per-round ratios %.2f .. %.2f)%n", b.commits, b.tags,
                rounds, median(git), median(dora), median(cpu), median(ratio), min(ratio), max(ratio));
        System.out.printf(Locale.ROOT, "git's own CPU: the bare git log %.0f ms, the git commands of dora --git %.0f ms"
                + " (medians; 10 ms ticks)%n", median(gitCpu), median(doraGitCpu));
    }

    /** The CPU time of this JVM's reaped child processes (Linux), in ms; -1 where it cannot be read. */
    private static double childCpuMillis() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 16 and 17 of stat (cutime, cstime) are the 14th and 15th after the command name
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double timeGit(GitHistoryBenchmark b) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        b.gitLog();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
