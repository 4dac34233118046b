package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.AS_OF;
import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.golden;
import static io.github.deliverykit.cli.CliTestSupport.json;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deliverykit.cli.CliTestSupport.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code incident-report} on an incident with an event list: the SLA clocks in every format, and bad events. */
final class IncidentClocksCommandTest {

    @TempDir
    Path dir;

    private static Result report(String id, String file, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("incident-report", "--id", id,
                "--incidents", file, "--as-of", AS_OF));
        args.addAll(java.util.List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static void assertGolden(String golden, Result r) throws IOException {
        assertEquals("", r.err(), "stderr");
        assertEquals(golden(golden), r.out(), golden);
        assertEquals(ExitCode.NEGATIVE, r.code(), "exit code: an OLA cycle breached while paused");
    }

    @Test
    void text_everyCycleOlaAndPausedTime() throws IOException {
        Result r = report("INC-2024-0126", example("incident-clocks.json"));
        assertGolden("incident-clocks.txt", r);
        String out = r.out();
        assertTrue(out.contains("SLA clocks (from 10 events): BREACHED\n"), out);
        assertTrue(out.contains("  resolution #2: PAUSED (paused since 2024-01-27T08:15:00Z, 21h 45m left)"), out);
        assertTrue(out.contains("  ola:network #2: BREACHED_WHILE_PAUSED (paused since 2024-01-27T08:15:00Z, after its "
                + "deadline); started 2024-01-27T06:05:00Z; SEV-3, target 2h 0m, deadline 2024-01-27T08:05:00Z; "
                + "elapsed 2h 10m, paused 25m; overrun 35m\n"), out);
        // the hour paused before the severity change is still paused time after it
        assertTrue(out.contains("    SEV-3 1d 0h 0m from 2024-01-26T11:00:00Z to 2024-01-26T15:00:00Z: deadline "
                + "2024-01-27T13:00:00Z, 1h 0m paused before\n"), out);
        // the report of the timeline itself is what it was
        assertTrue(out.startsWith("Incident report: INC-2024-0126\n"), out);
        assertTrue(out.contains("[FAIL] incident.clock.breached-while-paused: ola:network cycle 2"), out);
    }

    @Test
    void markdown() throws IOException {
        Result r = report("INC-2024-0126", example("incident-clocks.json"), "--format", "markdown");
        assertGolden("incident-clocks.md", r);
        assertTrue(r.out().contains("| ola:network | 2 | BREACHED_WHILE_PAUSED | 2024-01-27T06:05:00Z | paused since "
                + "2024-01-27T08:15:00Z | SEV-3 | 2h 0m | 2024-01-27T08:05:00Z | 2h 10m | 25m | 35m |\n"), r.out());
    }

    @Test
    void json_clocksAsData() throws IOException {
        Result r = report("INC-2024-0126", example("incident-clocks.json"), "--format", "json");
        assertGolden("incident-clocks.json", r);
        JsonNode root = json(r.out());
        assertEquals("OLA_BREACHED", root.get("verdict").asText());
        JsonNode data = root.get("data");
        assertEquals("BREACHED", data.get("clocksVerdict").asText());
        assertEquals(10, data.get("events").asInt());
        JsonNode clocks = data.get("clocks");
        assertEquals(4, clocks.size());
        assertEquals("resolution", clocks.get(1).get("name").asText());
        assertEquals(2, clocks.get(1).get("cycles").size());
        JsonNode network = clocks.get(2);
        assertEquals("ola:network", network.get("name").asText());
        assertTrue(network.get("ola").asBoolean());
        JsonNode second = network.get("cycles").get(1);
        assertEquals("BREACHED_WHILE_PAUSED", second.get("state").asText());
        assertEquals("PT35M", second.get("overrun").asText());
        assertEquals("2024-01-27T08:15:00Z", second.get("pausedSince").asText());
        assertEquals("PT1H", clocks.get(1).get("cycles").get(0).get("targets").get(1).get("pausedBefore").asText());
        boolean clockFinding = false;
        for (JsonNode f : root.get("findings")) {
            clockFinding |= f.get("code").asText().equals("incident.clock.breached-while-paused");
        }
        assertTrue(clockFinding, r.out());
    }

    @Test
    void html_tableOfCycles() {
        Result r = report("INC-2024-0126", example("incident-clocks.json"), "--format", "html");
        assertEquals("", r.err());
        assertEquals(ExitCode.NEGATIVE, r.code());
        assertTrue(r.out().contains("<section id=\"clocks-INC-2024-0126\">"), r.out());
        assertTrue(r.out().contains("<td>ola:network</td><td class=\"num\">2</td><td>BREACHED_WHILE_PAUSED</td>"), r.out());
    }

    @Test
    void cancelledIncident_cancelsEveryClock_exits0() {
        Result r = report("INC-2024-0127", example("incident-clocks.json"));
        assertEquals("", r.err());
        assertEquals(ExitCode.OK, r.code(), r.out());
        assertTrue(r.out().contains("SLA clocks (from 3 events): MET\n"), r.out());
        assertTrue(r.out().contains("  ola:network #1: CANCELLED (cancelled at 2024-01-27T07:30:00Z); started "
                + "2024-01-27T07:00:00Z; SEV-4, target 2h 0m, deadline 2024-01-27T09:10:00Z; elapsed 20m, paused 10m\n"),
                r.out());
    }

    @Test
    void incidentWithoutEvents_noClockSection() {
        Result r = report("INC-2024-0125", example("incidents.json"));
        assertFalse(r.out().contains("SLA clocks"), r.out());
        Result json = report("INC-2024-0125", example("incidents.json"), "--format", "json");
        assertFalse(json(json.out()).get("data").has("clocks"), json.out());
    }

    @Test
    void fieldsAndEventsDisagree_warns() throws IOException {
        Path p = sampleWith("\"resolved\": \"2024-01-26T15:00:00Z\"", "\"resolved\": \"2024-01-26T15:05:00Z\"");
        Result r = report("INC-2024-0126", p.toString());
        assertEquals(ExitCode.NEGATIVE, r.code(), r.out());
        assertTrue(r.out().contains("\nClock findings\n[WARN] incident-report.events.mismatch: The incident's resolved "
                + "(2024-01-26T15:05:00Z) is not the resolve events ([2024-01-26T15:00:00Z]): the report above reads "
                + "the field, the SLA clocks read the events (field=resolved, incident=2024-01-26T15:05:00Z, "
                + "events=[2024-01-26T15:00:00Z])\n"), r.out());
        Path ack = sampleWith("\"acknowledged\": \"2024-01-26T09:10:00Z\",", "");
        Result noAck = report("INC-2024-0126", ack.toString());
        assertTrue(noAck.out().contains("[WARN] incident-report.events.mismatch: The incident's acknowledged (none) is "
                + "not the first acknowledge event (2024-01-26T09:10:00Z)"), noAck.out());
        Result agree = report("INC-2024-0126", example("incident-clocks.json"));
        assertFalse(agree.out().contains("incident-report.events.mismatch"), agree.out());
        Path open = sampleWith("{ \"at\": \"2024-01-27T06:00:00Z\", \"type\": \"reopen\" },", "");
        String text = Files.readString(open).replace("\"resolved\": \"2024-01-26T15:00:00Z\",", "");
        Files.writeString(open, text, StandardCharsets.UTF_8);
        Result unresolved = report("INC-2024-0126", open.toString());
        assertTrue(unresolved.out().contains("[WARN] incident-report.events.mismatch: The incident's resolved (none) "
                + "is not the resolve events ([2024-01-26T15:00:00Z])"), unresolved.out());
    }

    // ---- bad input: exit 2, one line naming the incident, the event index, the field and the value

    private Path sampleWith(String from, String to) throws IOException {
        return CliTestSupport.exampleWith(dir, "incident-clocks.json", from, to);
    }

    private static void assertInvalid(Path file, String... parts) {
        Result r = report("INC-2024-0126", file.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        String err = r.err();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("delivery: invalid input: " + file), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        for (String p : parts) {
            assertTrue(err.contains(p), "'" + p + "' in: " + err);
        }
    }

    @Test
    void unknownEventType() throws IOException {
        assertInvalid(sampleWith("\"type\": \"acknowledge\"", "\"type\": \"acknowledged\""),
                "$.incidents[0].events[1].type: incident INC-2024-0126, event 1: unknown event type 'acknowledged' "
                        + "(one of: acknowledge, assign, cancel, pause, reopen, resolve, resume, severity)");
    }

    @Test
    void eventsOutOfOrder() throws IOException {
        assertInvalid(sampleWith("{ \"at\": \"2024-01-26T13:00:00Z\", \"type\": \"resume\" }",
                "{ \"at\": \"2024-01-26T10:59:00Z\", \"type\": \"resume\" }"),
                "$.incidents[0].events[4].at: incident INC-2024-0126, event 4: '2024-01-26T10:59:00Z' is before event 3 "
                        + "(2024-01-26T11:00:00Z): events must be in time order");
    }

    @Test
    void eventBeforeDetection() throws IOException {
        assertInvalid(sampleWith("{ \"at\": \"2024-01-26T09:00:00Z\", \"type\": \"assign\"",
                "{ \"at\": \"2024-01-26T08:59:00Z\", \"type\": \"assign\""),
                "$.incidents[0].events[0].at: incident INC-2024-0126, event 0: '2024-01-26T08:59:00Z' is before the "
                        + "incident's detection 2024-01-26T09:00:00Z");
    }

    @Test
    void resumeWithoutPause() throws IOException {
        assertInvalid(sampleWith("{ \"at\": \"2024-01-26T10:00:00Z\", \"type\": \"pause\" }",
                "{ \"at\": \"2024-01-26T10:00:00Z\", \"type\": \"assign\", \"group\": \"network\" }"),
                "$.incidents[0].events[4].type: incident INC-2024-0126, event 4: 'resume' without a pause before it");
    }

    @Test
    void pauseWhilePaused() throws IOException {
        assertInvalid(sampleWith("{ \"at\": \"2024-01-26T13:00:00Z\", \"type\": \"resume\" }",
                "{ \"at\": \"2024-01-26T13:00:00Z\", \"type\": \"pause\" }"),
                "$.incidents[0].events[4].type: incident INC-2024-0126, event 4: 'pause' while already paused (since event 2)");
    }

    @Test
    void badTimestamp() throws IOException {
        assertInvalid(sampleWith("\"2024-01-27T06:00:00Z\", \"type\": \"reopen\"", "\"2024-01-27 06:00\", \"type\": \"reopen\""),
                "$.incidents[0].events[7].at: incident INC-2024-0126, event 7: must be an ISO-8601 instant like "
                        + "2024-01-25T09:00:00Z, but was '2024-01-27 06:00'");
    }

    @Test
    void reopenWithoutResolve() throws IOException {
        assertInvalid(sampleWith("{ \"at\": \"2024-01-26T15:00:00Z\", \"type\": \"resolve\" },", ""),
                "$.incidents[0].events[6].type: incident INC-2024-0126, event 6: 'reopen' while the incident is "
                        + "acknowledged (only a resolved incident is reopened)");
    }

    @Test
    void unknownSeverity() throws IOException {
        assertInvalid(sampleWith("\"type\": \"severity\", \"severity\": \"SEV-3\"", "\"type\": \"severity\", \"severity\": \"SEV-9\""),
                "$.incidents[0].events[3].severity: incident INC-2024-0126, event 3: unknown severity 'SEV-9' (SEV-1 .. SEV-4)");
    }

    @Test
    void fieldOfAnotherType() throws IOException {
        assertInvalid(sampleWith("{ \"at\": \"2024-01-26T10:00:00Z\", \"type\": \"pause\" }",
                "{ \"at\": \"2024-01-26T10:00:00Z\", \"type\": \"pause\", \"group\": \"network\" }"),
                "$.incidents[0].events[2].group: incident INC-2024-0126, event 2: unknown field for a 'pause' event "
                        + "(known fields: at, type)");
    }

    @Test
    void missingGroup() throws IOException {
        assertInvalid(sampleWith("\"type\": \"assign\", \"group\": \"database\"", "\"type\": \"assign\""),
                "$.incidents[0].events[5].group: missing required field");
    }

    @Test
    void eventAfterCancel() throws IOException {
        assertInvalid(sampleWith("{ \"at\": \"2024-01-27T06:00:00Z\", \"type\": \"reopen\" }",
                "{ \"at\": \"2024-01-27T06:00:00Z\", \"type\": \"cancel\" }"),
                "incident INC-2024-0126, event 7: 'cancel' while the incident is resolved");
    }

    @Test
    void olaProblems() throws IOException {
        assertInvalid(sampleWith("{ \"group\": \"database\", \"target\": \"4h\" }", "{ \"group\": \"network\", \"target\": \"4h\" }"),
                "$.incidents[0].olas[1].group: incident INC-2024-0126, ola 1: duplicate group 'network' (first at ola 0)");
        assertInvalid(sampleWith("{ \"group\": \"database\", \"target\": \"4h\" }", "{ \"group\": \"database\", \"target\": \"soon\" }"),
                "$.incidents[0].olas[1].target: incident INC-2024-0126, ola 1: must be a positive duration like PT2H, "
                        + "30m, 4h or 5d, but was 'soon'");
        assertInvalid(sampleWith("\"target\": \"4h\"", "\"target\": \"4000d\""),
                "$.incidents[0].olas[1].target: incident INC-2024-0126, ola 1: target must be at most");
    }

    @Test
    void olasWithoutEvents() throws IOException {
        String text = Files.readString(Path.of(example("incident-clocks.json")));
        int from = text.indexOf("\"events\": [");
        int to = text.indexOf(']', from);
        String without = text.substring(0, text.lastIndexOf(',', from)) + text.substring(to + 1);
        Path p = dir.resolve("no-events.json");
        Files.writeString(p, without, StandardCharsets.UTF_8);
        assertInvalid(p, "$.incidents[0].olas: incident INC-2024-0126: olas need events");
    }
}
