package io.github.deliverykit.formats.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.ArgoShapes;
import io.github.deliverykit.formats.internal.ArgoShapes.Measurement;
import io.github.deliverykit.formats.internal.ArgoShapes.MetricResult;
import io.github.deliverykit.formats.internal.Json;
import io.github.deliverykit.formats.internal.Yaml;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads Argo Rollouts {@code AnalysisRun} statuses ({@code kubectl get analysisrun NAME -o yaml|json},
 * or a {@code List} of them) into canary {@link Observation}s: one observation per value of each
 * finished measurement in {@code status.metricResults[].measurements[]}.
 *
 * <p>A measurement's {@code value} is the provider's result as text: a number ({@code 0.995}) or a
 * list of numbers ({@code [0.995]}, as the Prometheus provider writes a vector) gives one
 * {@link Observation.Sample} per number for the CANARY variant (Argo measures the canary only), named
 * after the metric, at {@code finishedAt}; {@code NaN} is kept (the canary engine's NaN strategy
 * applies), infinities are rejected. A value that is not numeric ({@code true}, a job's output) turns
 * Argo's verdict into an {@link Observation.Health}: healthy when the measurement is Successful, not
 * when it is Failed (an Inconclusive one is skipped). An Error measurement is an
 * {@link Observation.QueryError} with Argo's message. Measurements still Pending or Running are
 * skipped, and so is every measurement of a {@code dryRun} metric (Argo does not gate on it): each
 * is counted and listed in the report, as is every rejected one. Argo's own phase of each run is kept
 * in {@link AnalysisRunRead#runs()}. Stateless and thread safe.
 */
public final class ArgoAnalysisRuns {

    private ArgoAnalysisRuns() {}

    /**
     * Reads a file.
     *
     * @param file the AnalysisRun (YAML or JSON)
     * @return the observations and the report
     * @throws FormatException if the file is not an AnalysisRun or a List of them
     * @throws UncheckedIOException if the file cannot be read
     */
    public static AnalysisRunRead read(Path file) {
        Checks.notNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads an AnalysisRun.
     *
     * @param source the name used in errors and the report
     * @param in the AnalysisRun (YAML or JSON)
     * @return the observations and the report
     * @throws FormatException if the input is not an AnalysisRun or a List of them
     */
    public static AnalysisRunRead read(String source, InputStream in) {
        Checks.notBlank(source, "source");
        Checks.notNull(in, "in");
        ArgoShapes.Run root;
        try {
            JsonNode tree = Yaml.MAPPER.readTree(in);
            if (tree == null || !tree.isObject()) {
                throw new FormatException(source, "$", "must be an AnalysisRun object");
            }
            root = Yaml.MAPPER.treeToValue(tree, ArgoShapes.Run.class);
        } catch (JsonProcessingException e) {
            throw Json.error(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        List<ArgoShapes.Run> runs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if ("List".equals(root.kind())) {
            List<ArgoShapes.Run> items = root.items() == null ? List.of() : root.items();
            for (int i = 0; i < items.size(); i++) {
                ArgoShapes.Run r = Json.require(items.get(i), source, "$.items[" + i + "]");
                kind(r, source, "$.items[" + i + "]");
                runs.add(r);
                paths.add("$.items[" + i + "]");
            }
        } else {
            kind(root, source, "$");
            runs.add(root);
            paths.add("$");
        }
        ReadReport.Builder report = new ReadReport.Builder();
        List<Observation> out = new ArrayList<>();
        List<AnalysisRunRead.Run> judged = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ArgoShapes.Run run = runs.get(i);
            String at = paths.get(i);
            String name = run.metadata() == null || run.metadata().name() == null || run.metadata().name().isBlank()
                    ? "run[" + i + "]" : run.metadata().name();
            ArgoShapes.Status status = Json.require(run.status(), source, at + ".status");
            String phase = status.phase() == null || status.phase().isBlank() ? "Pending" : status.phase();
            judged.add(new AnalysisRunRead.Run(name, phase, status.message() == null ? "" : status.message()));
            List<MetricResult> metrics = status.metricResults() == null ? List.of() : status.metricResults();
            for (int m = 0; m < metrics.size(); m++) {
                metric(metrics.get(m), source, at + ".status.metricResults[" + m + "]", report, out);
            }
        }
        return new AnalysisRunRead(judged, out, report.build());
    }

    private static void kind(ArgoShapes.Run r, String source, String at) {
        if (!"AnalysisRun".equals(r.kind())) {
            throw new FormatException(source, at + ".kind", "must be AnalysisRun (or List), but was '" + r.kind() + "'");
        }
    }

    private static void metric(@Nullable MetricResult mr, String source, String at,
            ReadReport.Builder report, List<Observation> out) {
        if (mr == null) {
            report.read();
            report.issue(IssueKind.REJECTED, source, at, "is null");
            return;
        }
        List<Measurement> ms = mr.measurements() == null ? List.of() : mr.measurements();
        for (int k = 0; k < ms.size(); k++) {
            String where = at + ".measurements[" + k + "]";
            report.read();
            if (mr.name() == null || mr.name().isBlank()) {
                report.issue(IssueKind.REJECTED, source, at + ".name", "is required");
                continue;
            }
            if (Boolean.TRUE.equals(mr.dryRun())) {
                report.issue(IssueKind.SKIPPED, source, where, "dry-run metric '" + mr.name() + "': Argo does not gate on it");
                continue;
            }
            Measurement m = ms.get(k);
            if (m == null) {
                report.issue(IssueKind.REJECTED, source, where, "is null");
                continue;
            }
            int before = out.size();
            String problem = measurement(mr.name(), m, out);
            if (problem != null) {
                IssueKind kind = problem.startsWith("skipped: ") ? IssueKind.SKIPPED : IssueKind.REJECTED;
                report.issue(kind, source, where, kind == IssueKind.SKIPPED ? problem.substring(9) : problem);
            } else if (out.size() > before) {
                report.accepted();
            }
        }
    }

    /** Adds the measurement's observations; returns why it was not read (prefixed "skipped: " when skipped), or null. */
    private static @Nullable String measurement(String metric, Measurement m, List<Observation> out) {
        String phase = m.phase() == null ? "" : m.phase();
        if (phase.equals("Pending") || phase.equals("Running")) {
            return "skipped: still " + phase;
        }
        if (!List.of("Successful", "Failed", "Error", "Inconclusive").contains(phase)) {
            return "phase: unknown value '" + phase + "' (one of Pending, Running, Successful, Failed, Error, Inconclusive)";
        }
        Instant at = m.finishedAt() != null ? m.finishedAt() : m.startedAt();
        if (at == null) {
            return "finishedAt or startedAt is required";
        }
        if (phase.equals("Error")) {
            String reason = m.message() == null || m.message().isBlank() ? "Argo measurement error" : m.message();
            out.add(new Observation.QueryError(at, metric, reason));
            return null;
        }
        double[] values = numbers(m.value());
        if (values == null) {
            if (phase.equals("Inconclusive")) {
                return "skipped: inconclusive without a numeric value";
            }
            out.add(new Observation.Health(at, metric, phase.equals("Successful")));
            return null;
        }
        for (double v : values) {
            if (Double.isInfinite(v)) {
                return "value: '" + m.value() + "' is infinite";
            }
        }
        if (values.length == 0) {
            return "skipped: empty result " + m.value();
        }
        for (double v : values) {
            out.add(new Observation.Sample(at, Variant.CANARY, metric, v));
        }
        return null;
    }

    /** The numbers of a value ({@code 0.99} or {@code [0.99, 0.98]}), or null when it is not numeric. */
    static double @Nullable [] numbers(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            String inner = v.substring(1, v.length() - 1).trim();
            if (inner.isEmpty()) {
                return new double[0];
            }
            String[] parts = inner.split(",", -1);
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                Double d = number(parts[i].trim());
                if (d == null) {
                    return null;
                }
                out[i] = d;
            }
            return out;
        }
        Double d = number(v);
        return d == null ? null : new double[] {d};
    }

    private static @Nullable Double number(String s) {
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '.')
                || !Character.isDigit(s.charAt(s.length() - 1)) || s.length() > 64 || s.indexOf('x') >= 0) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
