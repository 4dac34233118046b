package io.github.deliverykit.formats.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.Samples;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class OpsgenieIncidentsTest {

    private static final String SAMPLE = Samples.text("opsgenie/incidents.json");

    private static IncidentRead read(String json) {
        return OpsgenieIncidents.read("incidents.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                OpsgenieIncidents.DEFAULT_SEVERITIES, "production");
    }

    @Test
    void sample_impactDatesAndPriorities() {
        IncidentRead r = OpsgenieIncidents.read(Samples.path("opsgenie/incidents.json"));
        assertEquals(2, r.incidents().size());
        Incident first = r.incidents().get(0);
        assertEquals("checkout", first.service());
        assertEquals(Severity.SEV1, first.severity());
        assertEquals(Instant.parse("2025-07-02T09:00:00Z"), first.started());
        assertEquals(Instant.parse("2025-07-02T09:04:00Z"), first.detected());
        assertEquals(Instant.parse("2025-07-02T11:30:00Z"), first.resolved());
        assertNull(first.acknowledged());
        Incident open = r.incidents().get(1);
        assertEquals(Severity.SEV3, open.severity());
        assertEquals(Instant.parse("2025-07-03T14:00:00Z"), open.started());
        assertNull(open.resolved());
        assertEquals("read 3, accepted 2, rejected 1, skipped 0, merged 0, noted 2", r.report().summary());
        assertEquals("priority P1 read as SEV-1", r.report().issues().get(0).reason());
        assertEquals(IssueKind.REJECTED, r.report().issues().get(2).kind());
        assertTrue(r.report().issues().get(2).reason().contains("no severity for priority P9"), r.report().issues().toString());
    }

    @Test
    void mapping_isConfigurable() {
        IncidentRead r = OpsgenieIncidents.read("incidents.json",
                new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8)),
                Map.of("P1", Severity.SEV2, "P3", Severity.SEV4, "P9", Severity.SEV4), "staging");
        assertEquals(3, r.incidents().size());
        assertEquals(Severity.SEV2, r.incidents().get(0).severity());
        assertEquals("staging", r.incidents().get(0).environment());
    }

    @Test
    void hostileIncidents_areRejected() {
        IncidentRead r = read("{\"data\": [null, 1, {\"id\": \"a\"}, {\"id\": \"a\", \"status\": \"open\", \"createdAt\": "
                + "\"2025-07-01T00:00:00Z\", \"priority\": \"P1\"}, {\"id\": \"a\", \"status\": \"resolved\", \"createdAt\": "
                + "\"2025-07-01T00:00:00Z\", \"priority\": \"P1\", \"impactedServices\": [\"s\"]}, {\"id\": \"a\", \"status\": "
                + "\"snoozed\", \"createdAt\": \"2025-07-01T00:00:00Z\", \"priority\": \"P1\", \"impactedServices\": [\"s\"]},"
                + "{\"id\": \"a\", \"status\": \"open\", \"createdAt\": \"2025-07-01T00:00:00Z\", \"priority\": \"P1\","
                + "\"impactedServices\": [\"s\"], \"impactStartDate\": \"2025-07-02T00:00:00Z\", \"impactDetectDate\": "
                + "\"2025-07-01T00:00:00Z\"}]}");
        assertEquals(7, r.report().read());
        assertEquals(0, r.report().accepted());
        assertEquals(7, r.report().rejected());
        assertTrue(r.report().issues().stream().anyMatch(i -> i.position().endsWith(".impactEndDate")), r.report().issues().toString());
        assertTrue(r.report().issues().stream().anyMatch(i -> i.reason().contains("unknown value 'snoozed'")));
    }

    @Test
    void notAResponse_isAFormatException() {
        assertEquals("$.data", assertThrows(FormatException.class, () -> read("{\"took\": 1}")).position());
        assertEquals("$", assertThrows(FormatException.class, () -> read("[]")).position());
        assertThrows(FormatException.class, () -> read("{\"data\": {}}"));
        assertThrows(FormatException.class, () -> read("{\"data\": [{\"id\":"));
    }

    /** A mutated file reads, or fails with a FormatException; never anything else. */
    @Property(tries = 200)
    void read_mutated_givesResultOrFormatException(@ForAll("mutations") String json) {
        try {
            read(json);
        } catch (FormatException expected) {
            // the documented failure
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, SAMPLE.length() - 1),
                Arbitraries.integers().between(0, 10), Arbitraries.strings().withChars("[]{},:\"-.0123456789TZP ").ofMaxLength(4))
                .as((at, cut, ins) -> SAMPLE.substring(0, at) + ins + SAMPLE.substring(Math.min(SAMPLE.length(), at + cut)));
    }
}
