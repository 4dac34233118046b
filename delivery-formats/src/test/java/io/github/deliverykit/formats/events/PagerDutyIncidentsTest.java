package io.github.deliverykit.formats.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.formats.FormatException;
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

final class PagerDutyIncidentsTest {

    private static final String SAMPLE = Samples.text("pagerduty/incidents.json");

    private static IncidentRead read(String json, Map<String, Severity> severities) {
        return PagerDutyIncidents.read("i.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), severities,
                "production");
    }

    @Test
    void read_sample_ackFromLogEntriesAndSeverityFromPriority() {
        IncidentRead read = PagerDutyIncidents.read(Samples.path("pagerduty/incidents.json"));
        Incident first = read.incidents().get(0);
        assertEquals("PT4KHLK", first.id());
        assertEquals("checkout", first.service());
        assertEquals(Severity.SEV1, first.severity());
        assertEquals(Instant.parse("2025-07-02T09:12:00Z"), first.acknowledged());
        assertEquals(Instant.parse("2025-07-02T09:50:00Z"), first.resolved());
        Incident second = read.incidents().get(1);
        assertEquals(Severity.SEV3, second.severity(), "no priority: the urgency decides");
        assertNull(second.resolved());
        assertEquals(3, read.report().read());
        assertEquals(2, read.report().accepted());
        assertEquals(1, read.report().rejected());
        assertEquals(2, read.report().noted(), "the mapping used is reported per incident");
    }

    @Test
    void read_customMapping_andHostile() {
        IncidentRead read = read(SAMPLE, Map.of("P1", Severity.SEV2, "low", Severity.SEV4));
        assertEquals(Severity.SEV2, read.incidents().get(0).severity());
        assertEquals(Severity.SEV4, read.incidents().get(1).severity());
        assertEquals("$.incidents", assertThrows(FormatException.class, () -> read("{\"limit\": 1}", Map.of())).position());
        assertEquals("$", assertThrows(FormatException.class, () -> read("[]", Map.of())).position());
        assertEquals(1, read("{\"incidents\": [{\"id\": \"a\", \"created_at\": \"2025-01-01T00:00:00Z\", \"urgency\": \"high\","
                + " \"service\": {\"summary\": \"s\"}}]}", Map.of()).report().rejected(), "no mapping for high");
        // a null element is rejected with its position (it reached the mapping, and its NPE, before)
        IncidentRead nulls = read("{\"incidents\": [null]}", PagerDutyIncidents.DEFAULT_SEVERITIES);
        assertEquals(1, nulls.report().rejected());
        assertEquals(0, nulls.incidents().size());
    }

    /** A mutated file reads, or fails with a FormatException; never anything else. */
    @Property(tries = 200)
    void read_mutated_givesResultOrFormatException(@ForAll("mutations") String json) {
        try {
            read(json, PagerDutyIncidents.DEFAULT_SEVERITIES);
        } catch (FormatException expected) {
            // the documented failure
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, SAMPLE.length() - 1),
                Arbitraries.integers().between(0, 10), Arbitraries.strings().withChars("[]{},:\"-.0123456789TZ ").ofMaxLength(4))
                .as((at, cut, ins) -> SAMPLE.substring(0, at) + ins + SAMPLE.substring(Math.min(SAMPLE.length(), at + cut)));
    }
}
