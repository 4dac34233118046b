package io.github.deliverykit.benchmarks.budget;

import io.github.deliverykit.benchmarks.stats.CpuTimeCheck;

/**
 * The burn-rate alert rows of {@link AlertEvaluationBenchmark} in thread CPU time, for a machine
 * shared with other work: for each table, the batch entry point against the one-boundary hot path
 * and against re-summing, in alternating rounds in one JVM (medians, as {@link CpuTimeCheck}). The
 * setup checks that all three give the same masks. Divide the batch's time by 43,200 boundaries x
 * rules for ns per bucket per rule (printed too).
 */
public final class AlertCpuTimeCheck {

    private AlertCpuTimeCheck() {}

    /**
     * Runs the check.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        AlertEvaluationBenchmark bench = new AlertEvaluationBenchmark();
        for (String table : new String[] {"workbook", "sloth"}) {
            AlertEvaluationBenchmark.Alerts s = new AlertEvaluationBenchmark.Alerts();
            s.table = table;
            s.setup();
            double perCall = CpuTimeCheck.compare("burn-rate alerts, " + table + ", batch vs one boundary at a time",
                    () -> bench.batch(s), () -> bench.prefixSums(s));
            System.out.printf(java.util.Locale.ROOT, "  batch: %.2f ns per bucket per rule%n",
                    perCall / ((double) AlertEvaluationBenchmark.MINUTES * s.rules));
            CpuTimeCheck.compare("burn-rate alerts, " + table + ", batch vs re-summing",
                    () -> bench.batch(s), () -> bench.resumming(s));
        }
    }
}
