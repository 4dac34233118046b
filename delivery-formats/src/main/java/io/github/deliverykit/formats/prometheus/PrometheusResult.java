package io.github.deliverykit.formats.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Streams a Prometheus HTTP API response (v1: {@code {"status":"success","data":{"resultType":...,
 * "result":[...]}}}) sample by sample: {@code matrix} ({@code values}), {@code vector} ({@code value})
 * and {@code scalar} results. Values are strings as the API sends them; {@code NaN} reaches the sink,
 * {@code +Inf} and {@code -Inf} are rejected and reported; native histograms are skipped and reported.
 * Memory does not grow with the number of samples (one series' labels at a time). Within a series
 * object, {@code metric} must come before {@code values}, as Prometheus writes it.
 * Stateless and thread safe.
 */
public final class PrometheusResult {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};

    private PrometheusResult() {}

    /**
     * Streams a response file.
     *
     * @param file the file
     * @param sink receives each accepted sample
     * @return what was read, rejected and skipped
     * @throws FormatException if the file is not a successful Prometheus API response
     * @throws UncheckedIOException if the file cannot be read
     */
    public static ReadReport stream(Path file, SampleSink sink) {
        Checks.notNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return stream(file.toString(), in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Streams a response.
     *
     * @param source the name used in errors and the report
     * @param in the JSON
     * @param sink receives each accepted sample
     * @return what was read, rejected and skipped
     * @throws FormatException if the input is not a successful Prometheus API response
     */
    public static ReadReport stream(String source, InputStream in, SampleSink sink) {
        Checks.notBlank(source, "source");
        Checks.notNull(in, "in");
        Checks.notNull(sink, "sink");
        ReadReport.Builder report = new ReadReport.Builder();
        try (JsonParser p = Json.factory().createParser(in)) {
            new Pass(source, p, sink, report).response();
        } catch (JsonProcessingException e) {
            throw Json.error(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return report.build();
    }

    private static final class Pass {
        private final String source;
        private final JsonParser p;
        private final SampleSink sink;
        private final ReadReport.Builder report;
        private @Nullable String resultType;
        private boolean sawResult;

        Pass(String source, JsonParser p, SampleSink sink, ReadReport.Builder report) {
            this.source = source;
            this.p = p;
            this.sink = sink;
            this.report = report;
        }

        private FormatException error(String path, String problem) {
            return new FormatException(source, at(path), problem);
        }

        private String at(String path) {
            return String.format(Locale.ROOT, "line %d, column %d, %s", p.currentLocation().getLineNr(),
                    p.currentLocation().getColumnNr(), path);
        }

        void response() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error("$", "must be a JSON object (a Prometheus API response)");
            }
            String status = null;
            String errorType = null;
            String message = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "status" -> status = p.getValueAsString();
                    case "errorType" -> errorType = p.getValueAsString();
                    case "error" -> message = p.getValueAsString();
                    case "data" -> {
                        if (t != JsonToken.START_OBJECT) {
                            throw error("$.data", "must be an object");
                        }
                        data();
                    }
                    case "warnings", "infos" -> {
                        if (t == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                report.issue(IssueKind.NOTE, source, at("$." + name), "Prometheus says: " + p.getValueAsString());
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (!"success".equals(status)) {
                throw new FormatException(source, "$.status", "must be success, but was " + status
                        + (errorType != null || message != null ? " (" + errorType + ": " + message + ")" : ""));
            }
            if (!sawResult) {
                throw new FormatException(source, "$.data.result", "is required");
            }
        }

        private void data() throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("resultType")) {
                    resultType = p.getValueAsString();
                    if (!"matrix".equals(resultType) && !"vector".equals(resultType) && !"scalar".equals(resultType)) {
                        throw error("$.data.resultType", "must be matrix, vector or scalar, but was " + resultType);
                    }
                } else if (name.equals("result")) {
                    sawResult = true;
                    if (t != JsonToken.START_ARRAY) {
                        throw error("$.data.result", "must be an array");
                    }
                    result();
                } else {
                    p.skipChildren();
                }
            }
        }

        private void result() throws IOException {
            if ("scalar".equals(resultType)) {
                pairAfterStart(0, Map.of(), "$.data.result");
                return;
            }
            int series = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String path = "$.data.result[" + series + "]";
                if (t != JsonToken.START_OBJECT) {
                    throw error(path, "must be a series object with metric and values or value");
                }
                series(series, path);
                series++;
            }
        }

        private void series(int series, String path) throws IOException {
            Map<String, String> labels = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "metric" -> labels = Map.copyOf(p.readValueAs(LABELS));
                    case "values" -> {
                        Map<String, String> l = labelsFirst(labels, path);
                        if (t != JsonToken.START_ARRAY) {
                            throw error(path + ".values", "must be an array of [time, \"value\"] pairs");
                        }
                        int i = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            pairAfterStart(series, l, path + ".values[" + i++ + "]");
                        }
                    }
                    case "value" -> pairAfterStart(series, labelsFirst(labels, path), path + ".value");
                    case "histogram", "histograms" -> {
                        report.read();
                        report.issue(IssueKind.SKIPPED, source, at(path + "." + name), "native histogram samples are not read");
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
        }

        private Map<String, String> labelsFirst(@Nullable Map<String, String> labels, String path) {
            if (labels == null) {
                throw error(path, "metric must come before values");
            }
            return labels;
        }

        /** The parser is on the START_ARRAY of a [time, "value"] pair. */
        private void pairAfterStart(int series, Map<String, String> labels, String path) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw error(path, "must be a [time, \"value\"] pair");
            }
            report.read();
            JsonToken t = p.nextToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw error(path + "[0]", "must be a Unix time in seconds");
            }
            BigDecimal seconds;
            try {
                seconds = p.getDecimalValue();
            } catch (NumberFormatException e) {
                // Jackson refuses an exponent it cannot hold ("1e33735696800")
                throw error(path + "[0]", "must be a Unix time in seconds, but is not a readable number ("
                        + clip(String.valueOf(e.getMessage())) + ")");
            }
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw error(path + "[1]", "must be the value as a string, e.g. \"0.5\"");
            }
            String text = p.getText();
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw error(path, "must hold exactly two elements");
            }
            long millis;
            // digits left of the point: bound it before scaling, so that 1e999999999 or 1e-999999999
            // never becomes a billion-digit integer
            long digits = (long) seconds.precision() - seconds.scale();
            if (seconds.signum() == 0 || digits <= -4) {
                millis = 0; // below half a millisecond
            } else if (digits > 16) {
                report.issue(IssueKind.REJECTED, source, at(path), "time " + clip(seconds.toString()) + " is out of range");
                return;
            } else {
                try {
                    millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
                } catch (ArithmeticException e) {
                    report.issue(IssueKind.REJECTED, source, at(path), "time " + seconds + " is out of range");
                    return;
                }
            }
            double value = value(text);
            if (Double.isInfinite(value)) {
                report.issue(IssueKind.REJECTED, source, at(path), "value " + text + " is infinite");
                return;
            }
            if (Double.isNaN(value) && !isNaN(text)) {
                report.issue(IssueKind.REJECTED, source, at(path), "value '" + text + "' is not a number");
                return;
            }
            report.accepted();
            sink.sample(series, labels, millis, value);
        }

        private static boolean isNaN(String text) {
            return text.equals("NaN");
        }

        private static double value(String text) {
            switch (text) {
                case "NaN":
                    return Double.NaN;
                case "+Inf", "Inf":
                    return Double.POSITIVE_INFINITY;
                case "-Inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        double d = Double.parseDouble(text);
                        // Java also reads "Infinity" and hex; Prometheus writes neither
                        return Double.isNaN(d) || text.indexOf('x') >= 0 || text.indexOf('X') >= 0 ? Double.NaN : d;
                    } catch (NumberFormatException e) {
                        return Double.NaN;
                    }
            }
        }
    }

    /** At most 120 characters of a text for a message (a number may be 1,000 digits long). */
    private static String clip(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
