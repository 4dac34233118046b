package io.github.deliverykit.formats.canary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.Samples;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ArgoAnalysisRunsTest {

    static AnalysisRunRead read(String text) {
        return ArgoAnalysisRuns.read("run.yaml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sample_measurementsBecomeObservations() {
        AnalysisRunRead r = ArgoAnalysisRuns.read(Samples.path("argo/analysisrun.yaml"));
        assertEquals(List.of(new AnalysisRunRead.Run("checkout-7d9f-2", "Running", "")), r.runs());
        assertEquals(List.of(
                new Observation.Sample(Instant.parse("2025-07-01T10:01:01Z"), Variant.CANARY, "latency", 212.4),
                new Observation.Sample(Instant.parse("2025-07-01T10:02:01Z"), Variant.CANARY, "latency", 238.1),
                new Observation.QueryError(Instant.parse("2025-07-01T10:03:00Z"), "latency",
                        "Post \"http://prometheus.monitoring:9090/api/v1/query\": dial tcp 10.0.0.7:9090: connect: connection refused"),
                new Observation.Sample(Instant.parse("2025-07-01T10:04:01Z"), Variant.CANARY, "latency", 241),
                new Observation.Health(Instant.parse("2025-07-01T10:00:31Z"), "smoke-test", true)), r.observations());
        ReadReport rep = r.report();
        assertEquals(8, rep.read());
        assertEquals(5, rep.accepted());
        assertEquals(3, rep.skipped());
        assertEquals(0, rep.rejected());
        assertEquals("$.status.metricResults[0].measurements[4]", rep.issues().get(0).position());
        assertEquals("still Running", rep.issues().get(0).reason());
        assertTrue(rep.issues().get(1).reason().startsWith("dry-run metric 'error-budget-probe'"), rep.issues().toString());
    }

    private static final String HEAD = "apiVersion: argoproj.io/v1alpha1\nkind: AnalysisRun\nmetadata: {name: r}\n"
            + "status:\n  phase: Failed\n  message: metric \"m\" assessed Failed\n  metricResults:\n";

    @Test
    void failedNonNumeric_isUnhealthy_andListsStream() {
        AnalysisRunRead r = read("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"kind\":\"AnalysisRun\",\"status\":{"
                + "\"phase\":\"Failed\",\"metricResults\":[{\"name\":\"web\",\"measurements\":[{\"phase\":\"Failed\","
                + "\"value\":\"false\",\"finishedAt\":\"2025-07-01T10:00:00Z\"}]}]}}]}");
        assertEquals(List.of(new Observation.Health(Instant.parse("2025-07-01T10:00:00Z"), "web", false)), r.observations());
        assertEquals("run[0]", r.runs().get(0).name());
        assertEquals("Failed", r.runs().get(0).phase());
    }

    @Test
    void hostileMeasurements_areRejectedWithTheirPath() {
        AnalysisRunRead r = read(HEAD
                + "  - name: m\n    measurements:\n"
                + "    - {phase: Successful, value: '[+Inf]', finishedAt: '2025-07-01T10:00:00Z'}\n"
                + "    - {phase: Exploded, value: '1', finishedAt: '2025-07-01T10:00:00Z'}\n"
                + "    - {phase: Successful, value: '1'}\n"
                + "    - null\n"
                + "    - {phase: Inconclusive, value: 'maybe', finishedAt: '2025-07-01T10:00:00Z'}\n"
                + "    - {phase: Successful, value: '[NaN, 2]', finishedAt: '2025-07-01T10:00:00Z'}\n"
                + "    - {phase: Successful, value: '[]', finishedAt: '2025-07-01T10:00:00Z'}\n"
                + "  - measurements:\n    - {phase: Successful, value: '1', finishedAt: '2025-07-01T10:00:00Z'}\n"
                + "  - null\n");
        ReadReport rep = r.report();
        assertEquals(9, rep.read());
        assertEquals(1, rep.accepted());
        assertEquals(6, rep.rejected());
        assertEquals(2, rep.skipped());
        assertEquals(2, r.observations().size());
        assertTrue(Double.isNaN(((Observation.Sample) r.observations().get(0)).value()));
        assertEquals("$.status.metricResults[0].measurements[0]", rep.issues().get(0).position());
        assertTrue(rep.issues().get(0).reason().contains("infinite"), rep.issues().toString());
        assertTrue(rep.issues().get(1).reason().contains("unknown value 'Exploded'"), rep.issues().toString());
        assertEquals("$.status.metricResults[1].name", rep.issues().stream()
                .filter(i -> i.reason().equals("is required")).findFirst().orElseThrow().position());
        assertEquals(rep.rejected() + rep.skipped(), rep.issues().size());
        assertTrue(rep.issues().stream().allMatch(i -> i.kind() == IssueKind.REJECTED || i.kind() == IssueKind.SKIPPED));
    }

    @Test
    void notAnAnalysisRun_isAFormatException() {
        FormatException e = assertThrows(FormatException.class, () -> read("kind: Rollout\nstatus: {}\n"));
        assertEquals("$.kind", e.position());
        assertThrows(FormatException.class, () -> read("[1, 2]"));
        assertThrows(FormatException.class, () -> read("kind: AnalysisRun\n"));
        FormatException bad = assertThrows(FormatException.class,
                () -> read(HEAD + "  - name: m\n    measurements:\n    - {phase: Successful, finishedAt: yesterday}\n"));
        assertTrue(bad.position().contains("finishedAt"), bad.position());
        assertThrows(FormatException.class, () -> read("kind: AnalysisRun\nstatus: {phase: [unclosed\n"));
    }

    @Test
    void numbers_readTheProviderValues() {
        assertArrayEquals(new double[] {0.5}, ArgoAnalysisRuns.numbers(" 0.5 "));
        assertArrayEquals(new double[] {1, -2.5e-3}, ArgoAnalysisRuns.numbers("[1, -2.5e-3]"));
        assertNull(ArgoAnalysisRuns.numbers("true"));
        assertNull(ArgoAnalysisRuns.numbers("1d"));
        assertNull(ArgoAnalysisRuns.numbers("0x1p3"));
        assertNull(ArgoAnalysisRuns.numbers("[1, a]"));
        assertNull(ArgoAnalysisRuns.numbers(null));
    }
}
