package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.AS_OF;
import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.cli.CliTestSupport.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad-input class exits 2 with one line naming the file, the JSON path and the problem. */
final class BadInputTest {

    @TempDir
    Path dir;

    private Path file(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    private Path sampleWith(String sample, String from, String to) throws IOException {
        return CliTestSupport.exampleWith(dir, sample, from, to);
    }

    private static void assertInvalid(Result r, String... parts) {
        assertEquals(ExitCode.INVALID_INPUT, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        String err = r.err();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("delivery: invalid input: "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        for (String p : parts) {
            assertTrue(err.contains(p), "'" + p + "' in: " + err);
        }
    }

    private static Result releaseCheck(Path release) {
        return run("release-check", "--version", "v2.5.0", "--release", release.toString());
    }

    private Result sla(Path slo, Path incidents) {
        return run("sla", "--service", "portal", "--slo", slo.toString(), "--incidents", incidents.toString(),
                "--as-of", AS_OF);
    }

    @Test
    void unreadablePrices_areInvalidInput_notAnInternalError() throws IOException {
        Path logs = Path.of(example("formats/claude/projects/-work-shop/11111111-2222-3333-4444-555555555555.jsonl"));
        Path missing = dir.resolve("no-prices.json");
        assertInvalid(run("cost", "--claude-logs", logs.toString(), "--prices", missing.toString()),
                missing.toString(), ": file not found");
        Path directory = Files.createDirectory(dir.resolve("prices-dir"));
        assertInvalid(run("cost", "--claude-logs", logs.toString(), "--prices", directory.toString()),
                directory.toString());
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.json");
        assertInvalid(releaseCheck(missing), missing.toString(), ": $: file not found");
    }

    @Test
    void malformedJson() throws IOException {
        Path p = file("release.json", "{ \"version\": \"v2.5.0\", ");
        assertInvalid(releaseCheck(p), p.toString(), ": $: malformed JSON at line 1");
    }

    @Test
    void notAnObject() throws IOException {
        Path p = file("release.json", "[1, 2]");
        assertInvalid(releaseCheck(p), "$: must be a JSON object, but was array");
    }

    @Test
    void unknownField() throws IOException {
        Path p = sampleWith("release.json", "\"runbookReviewed\"", "\"runbookReviewd\"");
        assertInvalid(releaseCheck(p), p.toString(), "$.evidence.runbookReviewd: unknown field", "runbookReviewed");
    }

    @Test
    void missingField() throws IOException {
        Path p = sampleWith("release.json", "\"targetDate\": \"2024-01-25\",", "");
        assertInvalid(releaseCheck(p), "$.targetDate: missing required field");
    }

    @Test
    void wrongType() throws IOException {
        Path p = sampleWith("release.json", "\"p99LatencyMs\": 320", "\"p99LatencyMs\": \"fast\"");
        assertInvalid(releaseCheck(p), "$.evidence.p99LatencyMs: must be a whole number, but was string");
    }

    @Test
    void wrongType_inArray() throws IOException {
        Path p = sampleWith("incidents.json", "\"severity\": \"SEV-4\"", "\"severity\": 4");
        assertInvalid(sla(Path.of(example("slo.json")), p), "$.incidents[1].severity: must be a string, but was number");
    }

    @Test
    void unknownEnumValue() throws IOException {
        Path p = sampleWith("release.json", "\"status\": \"done\" },", "\"status\": \"shipped\" },");
        assertInvalid(releaseCheck(p), "$.scope.features[0].status: unknown value 'shipped'", "done");
    }

    @Test
    void badDate() throws IOException {
        Path p = sampleWith("incidents.json", "\"started\": \"2024-01-14T09:00:00Z\"", "\"started\": \"yesterday\"");
        assertInvalid(sla(Path.of(example("slo.json")), p), "$.incidents[0].started: must be an ISO-8601 instant");
    }

    @Test
    void outOfRange_libraryRejects() throws IOException {
        Path p = sampleWith("incidents.json", "\"severity\": \"SEV-3\",", "\"severity\": \"SEV-3\", \"impact\": 1.5,");
        assertInvalid(sla(Path.of(example("slo.json")), p), "$.incidents[0].impact: impact must be in (0, 1]", "1.5");
    }

    @Test
    void outOfRange_target() throws IOException {
        Path p = sampleWith("slo.json", "\"target\": \"99.9\"", "\"target\": \"100.5\"");
        assertInvalid(sla(p, Path.of(example("incidents.json"))), p.toString(), "$.target: target must be", "100.5");
    }

    @Test
    void outOfRange_timelineOutOfOrder() throws IOException {
        Path p = sampleWith("incidents.json", "\"acknowledged\": \"2024-01-14T09:30:00Z\"",
                "\"acknowledged\": \"2024-01-14T08:30:00Z\"");
        assertInvalid(run("incident-report", "--id", "INC-2024-0114", "--incidents", p.toString(), "--as-of", AS_OF),
                "$.incidents[0]", "acknowledged");
    }

    @Test
    void outOfRange_stage() throws IOException {
        Path p = sampleWith("plan.json", "\"currentStage\": 1", "\"currentStage\": 7");
        assertInvalid(run("deploy", "--env", "production", "--strategy", "canary", "--plan", p.toString(),
                "--observations", example("observations.json"), "--as-of", AS_OF), "$.currentStage: out of range: 7");
    }

    @Test
    void unknownObservationType() throws IOException {
        Path p = sampleWith("observations.json", "\"type\": \"health\"", "\"type\": \"ping\"");
        assertInvalid(run("deploy", "--env", "production", "--strategy", "canary", "--plan", example("plan.json"),
                "--observations", p.toString(), "--as-of", AS_OF), "$.observations[4].type: unknown value 'ping'");
    }

    @Test
    void unknownIncidentId() {
        assertInvalid(run("incident-report", "--id", "INC-0", "--incidents", example("incidents.json")),
                "$.incidents: no incident with id 'INC-0'", "INC-2024-0125");
    }

    @Test
    void unknownCriterion() throws IOException {
        Path p = file("answers.json", "{ \"cicd.L9.01\": \"MET\" }");
        assertInvalid(run("assess", "--answers", p.toString()), "$.cicd.L9.01: unknown criterion");
    }

    @Test
    void unknownMetric() throws IOException {
        Path p = file("metrics.json", "{ \"ci.speed\": 3 }");
        assertInvalid(run("assess", "--answers", example("answers.json"), "--metrics", p.toString()),
                "$.ci.speed: unknown metric");
    }

    @Test
    void badOptions() {
        assertInvalid(run("sla", "--service", "portal", "--period", "fortnight", "--slo", example("slo.json"),
                "--incidents", example("incidents.json"), "--as-of", AS_OF), "--period must be");
        assertInvalid(run("release-check", "--version", "v2.5.0", "--release", example("release.json"), "--as-of",
                "tomorrow"), "--as-of must be an ISO-8601 instant");
        assertInvalid(run("release-check", "--version", "v2.5.0", "--release", example("release.json"), "--format",
                "xml"), "--format must be text, markdown or json");
        assertInvalid(run("deploy", "--env", "production", "--strategy", "dark-launch", "--plan", example("plan.json"),
                "--observations", example("observations.json")), "--strategy must be");
        assertInvalid(run("release-check", "--version", "v9.9.9", "--release", example("release.json")),
                "$.version: the file describes v2.5.0, not v9.9.9");
    }

    @Test
    void usageError_exits2() {
        Result r = run("sla", "--service", "portal");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required option"), r.err());
    }

    @Test
    void negativeDecisions_exit1() throws IOException {
        Path release = sampleWith("release.json", "\"p1\": 0", "\"p1\": 2");
        Result r = releaseCheck(release);
        assertEquals(ExitCode.NEGATIVE, r.code(), r.out());
        assertTrue(r.out().contains("Recommendation: NO-GO"), r.out());

        Path incidents = sampleWith("incidents.json", "\"mitigated\": \"2024-01-25T10:15:00Z\"",
                "\"mitigated\": \"2024-01-25T11:15:00Z\"");
        Result sla = sla(Path.of(example("slo.json")), incidents);
        assertEquals(ExitCode.NEGATIVE, sla.code(), sla.out());
        assertTrue(sla.out().contains("Status: BREACHED"), sla.out());

        Path change = sampleWith("change.json", "\"rollbackPlan\": \"Restore the carts table from the pre-change snapshot\",", "");
        Result c = run("change", "--request", change.toString(), "--as-of", AS_OF);
        assertEquals(ExitCode.NEGATIVE, c.code(), c.out());
        assertTrue(c.out().contains("REJECTED"), c.out());

        Path obs = sampleWith("observations.json", "\"bad\": 3,", "\"bad\": 300,");
        Result d = run("deploy", "--env", "production", "--strategy", "canary", "--plan", example("plan.json"),
                "--observations", obs.toString(), "--as-of", AS_OF);
        assertEquals(ExitCode.NEGATIVE, d.code(), d.out());
        assertTrue(d.out().contains("Verdict: ROLLBACK"), d.out());
    }
}
