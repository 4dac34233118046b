package io.github.deliverykit.formats.canary;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.policy.canary.Observation;
import java.util.List;

/**
 * The observations read from Argo Rollouts {@code AnalysisRun}s, Argo's own phase of each run, and
 * what the reading rejected or skipped.
 *
 * @param runs each run's name and Argo phase, in file order
 * @param observations the observations, in file order
 * @param report the reading's report
 */
public record AnalysisRunRead(List<Run> runs, List<Observation> observations, ReadReport report) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public AnalysisRunRead {
        runs = Checks.listOf(runs, "runs");
        observations = Checks.listOf(observations, "observations");
        Checks.notNull(report, "report");
    }

    /**
     * One run as Argo judged it.
     *
     * @param name the run's name ({@code metadata.name}, or {@code run[i]} when it has none)
     * @param phase Argo's phase: Pending, Running, Successful, Failed, Error or Inconclusive
     * @param message Argo's message, or empty
     */
    public record Run(String name, String phase, String message) {
        /**
         * Validates the run.
         *
         * @throws IllegalArgumentException if a field is null or the name or phase blank
         */
        public Run {
            Checks.notBlank(name, "name");
            Checks.notBlank(phase, "phase");
            Checks.notNull(message, "message");
        }
    }
}
