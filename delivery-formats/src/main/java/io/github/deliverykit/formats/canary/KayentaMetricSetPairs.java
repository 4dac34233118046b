package io.github.deliverykit.formats.canary;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.Json;
import io.github.deliverykit.formats.internal.KayentaShapes.MetricSetPair;
import io.github.deliverykit.formats.internal.KayentaShapes.Scope;
import io.github.deliverykit.formats.prometheus.CanaryRead;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads Kayenta {@code MetricSetPair} lists (the JSON array Kayenta stores per canary run, streamed pair
 * by pair) into canary {@link Observation.Sample}s: {@code values.control} as BASELINE and
 * {@code values.experiment} as CANARY samples named after the pair, the i-th value at the scope's
 * {@code startTimeMillis} (or {@code startTimeIso}) plus i times {@code stepMillis}. {@code NaN} values
 * (Kayenta's gaps) are kept, so that the canary engine's NaN strategy decides; pairs split by tags
 * (per zone, per instance) pool into the one metric. A pair without a name, without both series, or
 * without a usable scope is rejected; an infinite value is rejected with its index. Stateless and thread safe.
 */
public final class KayentaMetricSetPairs {

    private KayentaMetricSetPairs() {}

    /**
     * Reads a file.
     *
     * @param file the JSON array of MetricSetPairs
     * @return the samples and the report
     * @throws FormatException if the file is not a JSON array
     * @throws UncheckedIOException if the file cannot be read
     */
    public static CanaryRead read(Path file) {
        Checks.notNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads MetricSetPairs.
     *
     * @param source the name used in errors and the report
     * @param in the JSON array
     * @return the samples and the report
     * @throws FormatException if the input is not a JSON array
     */
    public static CanaryRead read(String source, InputStream in) {
        Checks.notBlank(source, "source");
        Checks.notNull(in, "in");
        ReadReport.Builder report = new ReadReport.Builder();
        List<Observation> out = new ArrayList<>();
        Json.elements(source, in, null, "MetricSetPairs", MetricSetPair.class, report, (pair, at) -> {
            String problem = map(pair, at, out);
            if (problem != null) {
                report.issue(IssueKind.REJECTED, source, at, problem);
            }
            return problem == null;
        });
        return new CanaryRead(out, report.build());
    }

    /** Adds the pair's samples, or returns why it is rejected (adding nothing). */
    private static @Nullable String map(MetricSetPair pair, String at, List<Observation> out) {
        if (pair.name() == null || pair.name().isBlank()) {
            return "name is required";
        }
        if (pair.values() == null || pair.values().get("control") == null || pair.values().get("experiment") == null) {
            return "values.control and values.experiment are required";
        }
        List<Observation> mine = new ArrayList<>();
        for (String variant : List.of("control", "experiment")) {
            Scope scope = pair.scopes() == null ? null : pair.scopes().get(variant);
            if (scope == null) {
                return "scopes." + variant + " is required";
            }
            Instant start;
            if (scope.startTimeMillis() != null) {
                start = Instant.ofEpochMilli(scope.startTimeMillis());
            } else if (scope.startTimeIso() != null) {
                try {
                    start = Instant.parse(scope.startTimeIso());
                } catch (DateTimeParseException e) {
                    return "scopes." + variant + ".startTimeIso: not an ISO-8601 instant: '" + scope.startTimeIso() + "'";
                }
            } else {
                return "scopes." + variant + ": startTimeMillis or startTimeIso is required";
            }
            long step = scope.stepMillis() == null ? 0 : scope.stepMillis();
            if (step <= 0) {
                return "scopes." + variant + ".stepMillis must be positive, but was " + scope.stepMillis();
            }
            List<@Nullable Double> values = pair.values().get(variant);
            Variant v = variant.equals("control") ? Variant.BASELINE : Variant.CANARY;
            for (int k = 0; k < values.size(); k++) {
                Double d = values.get(k);
                double value = d == null ? Double.NaN : d;
                if (Double.isInfinite(value)) {
                    return "values." + variant + "[" + k + "] is infinite";
                }
                Instant t;
                try {
                    t = start.plusMillis(Math.multiplyExact(step, (long) k));
                } catch (ArithmeticException | java.time.DateTimeException e) {
                    return "scopes." + variant + ": value " + k + " lies beyond the representable time";
                }
                mine.add(new Observation.Sample(t, v, pair.name(), value));
            }
        }
        out.addAll(mine);
        return null;
    }
}
