package io.github.deliverykit.formats.prometheus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.Samples;
import io.github.deliverykit.metrics.budget.SliSeries;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PrometheusTest {

    @TempDir
    Path dir;

    private static ReadReport stream(String json, List<double[]> out) {
        return PrometheusResult.stream("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                (series, labels, millis, value) -> out.add(new double[] {series, millis, value}));
    }

    private static String matrix(String values) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":\"b\"},\"values\":["
                + values + "]}]}}";
    }

    @Test
    void goodTotal_sample_givesBucketsAndReportsNaNAndRounding() {
        SliRead read = PrometheusSli.goodTotal(Samples.path("prometheus/good_total.json"), Duration.ofHours(1));
        SliSeries s = read.series();
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), s.origin());
        assertEquals(4, s.buckets());
        assertEquals(995 + 1990 + 2991, s.good(0, 4));
        assertEquals(6000, s.total(0, 4));
        ReadReport r = read.report();
        assertEquals(8, r.read());
        assertEquals(7, r.accepted());
        assertEquals(1, r.skipped(), r.issues().toString());
        assertEquals(1, r.noted(), r.issues().toString());
    }

    /** Found by the mutated-input property: a sample 285 years after the first ran the series past Interval.MAX. */
    @Test
    void goodTotal_sampleWhoseStepEndsAfterTheBudgetsRange_isRejectedNotAnEscape() throws IOException {
        // on the hour grid from 1970, 2.6 million steps on (under the 10^7 limit); its step ends after Interval.MAX
        long last = Interval.MAX.getEpochSecond() / 3600 * 3600;
        Path good = Files.writeString(dir.resolve("good.json"), matrix("[0,\"9\"],[" + last + ",\"8\"]"));
        Path total = Files.writeString(dir.resolve("total.json"), matrix("[0,\"10\"],[" + last + ",\"10\"]"));
        SliRead read = PrometheusSli.goodTotal(good, total, Duration.ofHours(1));
        assertEquals(Instant.EPOCH, read.series().origin());
        assertEquals(1, read.series().buckets());
        assertEquals(9, read.series().good(0, 1));
        assertEquals(2, read.report().rejected(), read.report().issues().toString());
        assertTrue(read.report().issues().toString().contains("the range of a budget's series"), read.report().issues().toString());
    }

    @Test
    void goodTotal_twoFiles_addsSeries() throws IOException {
        Path good = Files.writeString(dir.resolve("good.json"), matrix("[60,\"9\"],[120,\"8\"]"));
        Path total = Files.writeString(dir.resolve("total.json"), matrix("[0,\"1\"],[60,\"10\"],[120,\"10\"]"));
        SliSeries s = PrometheusSli.goodTotal(good, total, Duration.ofMinutes(1)).series();
        assertEquals(Instant.EPOCH, s.origin());
        assertEquals(3, s.buckets());
        assertEquals(17, s.good(0, 3));
        assertEquals(21, s.total(0, 3));
    }

    @Test
    void goodTotal_goodAboveTotalAndOffGrid_areRejected() throws IOException {
        Path good = Files.writeString(dir.resolve("good.json"), matrix("[0,\"11\"],[30,\"1\"],[60,\"1\"]"));
        Path total = Files.writeString(dir.resolve("total.json"), matrix("[0,\"10\"],[60,\"2\"]"));
        SliRead read = PrometheusSli.goodTotal(good, total, Duration.ofMinutes(1));
        assertEquals(2, read.report().rejected(), read.report().issues().toString());
        assertEquals(1, read.series().good(0, 2));
        assertEquals(2, read.series().total(0, 2));
    }

    @Test
    void samples_sample_mapsVariantsAndKeepsNaN() {
        CanaryRead read = PrometheusSli.samples(Samples.path("prometheus/canary_latency.json"), "latency", "track");
        List<Observation> obs = read.observations();
        assertEquals(3, obs.size());
        Observation.Sample first = (Observation.Sample) obs.get(0);
        assertEquals(new Observation.Sample(Instant.parse("2025-01-01T00:00:00.250Z"), Variant.CANARY, "latency", 212.5), first);
        assertEquals(Variant.BASELINE, ((Observation.Sample) obs.get(1)).variant());
        assertTrue(Double.isNaN(((Observation.Sample) obs.get(2)).value()));
        assertEquals(1, read.report().noted());
    }

    @Test
    void stream_scalarAndSpecialValues() {
        List<double[]> out = new ArrayList<>();
        ReadReport r = stream("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1.5,\"2\"]}}", out);
        assertEquals(1, out.size());
        assertArrayEquals(new double[] {0, 1500, 2}, out.get(0));
        out.clear();
        r = stream(matrix("[1,\"+Inf\"],[2,\"-Inf\"],[3,\"abc\"],[4,\"1e3\"],[5,\"NaN\"],[6,\"0x10\"]"), out);
        assertEquals(6, r.read());
        assertEquals(2, r.accepted());
        assertEquals(4, r.rejected(), r.issues().toString());
        assertTrue(r.issues().get(0).position().contains("$.data.result[0].values[0]"), r.issues().get(0).position());
    }

    @Test
    void stream_extremeTimes_areRejectedOrRoundedWithoutScalingBillionsOfDigits() {
        List<double[]> out = new ArrayList<>();
        ReadReport r = stream(matrix("[1e999999999,\"1\"],[-1e999999999,\"1\"],[1e-999999999,\"2\"],[0e-999999999,\"3\"],"
                + "[0.0004,\"4\"],[0.0006,\"5\"],[9999999999999999,\"6\"],[1234567890123.4567,\"7\"]"), out);
        assertEquals(8, r.read());
        assertEquals(3, r.rejected(), r.issues().toString());
        assertTrue(r.issues().get(0).reason().contains("out of range"), r.issues().get(0).reason());
        assertEquals(5, out.size());
        assertArrayEquals(new double[] {0, 0, 2}, out.get(0));
        assertArrayEquals(new double[] {0, 0, 3}, out.get(1));
        assertArrayEquals(new double[] {0, 0, 4}, out.get(2));
        assertArrayEquals(new double[] {0, 1, 5}, out.get(3));
        assertArrayEquals(new double[] {0, 1234567890123457L, 7}, out.get(4));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}|$.status|bad_data: parse error",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[]}}|$.data.resultType|matrix, vector or scalar",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\"}}|$.data.result|is required",
        "[1,2]|$|JSON object",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"values\":[[1,\"1\"]],\"metric\":{}}]}}|$.data.result[0]|metric must come before",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[\"1\",\"1\"]]}]}}|values[0][0]|Unix time",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,1]]}]}}|values[0][1]|as a string",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"1\",2]]}]}}|values[0]|exactly two",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":{\"x\":1}},\"values\":[]}]}}|line 1|",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"1\"]|line 1|Unexpected end-of-input",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1e33735696800,\"1\"]]}]}}|values[0][0]|not a readable number",
    })
    void stream_hostile_failsWithPosition(String json, String position, @org.jspecify.annotations.Nullable String problem) {
        FormatException e = assertThrows(FormatException.class, () -> stream(json, new ArrayList<>()));
        assertTrue(e.getMessage().contains(position), e.getMessage());
        if (problem != null) {
            assertTrue(e.getMessage().contains(problem), e.getMessage());
        }
    }
}
