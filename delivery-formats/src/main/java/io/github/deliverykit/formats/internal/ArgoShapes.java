package io.github.deliverykit.formats.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Argo Rollouts {@code AnalysisRun} resources as Jackson binds them (the fields the mapping uses). */
public final class ArgoShapes {

    private ArgoShapes() {}

    /**
     * An {@code AnalysisRun}, or a {@code List} of them ({@code kubectl get analysisruns -o json}).
     *
     * @param apiVersion {@code argoproj.io/v1alpha1} (or {@code v1} for a list)
     * @param kind {@code AnalysisRun} or {@code List}
     * @param metadata the name
     * @param status the status
     * @param items a list's runs
     */
    public record Run(@Nullable String apiVersion, @Nullable String kind, @Nullable Metadata metadata,
            @Nullable Status status, @Nullable List<Run> items) {}

    /**
     * Object metadata.
     *
     * @param name the name
     */
    public record Metadata(@Nullable String name) {}

    /**
     * An AnalysisRun's status.
     *
     * @param phase Pending, Running, Successful, Failed, Error or Inconclusive
     * @param message why, when not Successful
     * @param metricResults one per metric
     */
    public record Status(@Nullable String phase, @Nullable String message, @Nullable List<MetricResult> metricResults) {}

    /**
     * One metric's results.
     *
     * @param name the metric name
     * @param phase the metric's phase
     * @param dryRun whether the metric is a dry run (its failures do not fail the run)
     * @param measurements the retained measurements
     */
    public record MetricResult(@Nullable String name, @Nullable String phase, @Nullable Boolean dryRun,
            @Nullable List<Measurement> measurements) {}

    /**
     * One measurement.
     *
     * @param phase Pending, Running, Successful, Failed, Error or Inconclusive
     * @param value the provider's result as text ({@code 0.99}, {@code [0.99]}, {@code true})
     * @param message the error message of an Error measurement
     * @param startedAt when it started
     * @param finishedAt when it finished
     */
    public record Measurement(@Nullable String phase, @Nullable String value, @Nullable String message,
            @Nullable Instant startedAt, @Nullable Instant finishedAt) {}
}
