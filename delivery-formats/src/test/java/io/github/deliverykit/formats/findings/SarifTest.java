package io.github.deliverykit.formats.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class SarifTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    /**
     * The properties SARIF 2.1.0's schema requires (sarifLog: version, runs; run: tool; tool: driver;
     * toolComponent: name; result: message with text or id) plus what this writer promises (the schema
     * URI, ruleId, a level of the schema's enum, ruleIndex pointing at the rule of that id).
     */
    static void validate(JsonNode log) {
        assertEquals("2.1.0", log.path("version").asText());
        assertEquals(Sarif.SCHEMA, log.path("$schema").asText());
        assertTrue(log.path("runs").isArray() && log.path("runs").size() == 1, log.toString());
        JsonNode run = log.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertTrue(driver.path("name").isTextual() && !driver.path("name").asText().isBlank(), driver.toString());
        JsonNode rules = driver.path("rules");
        assertTrue(rules.isArray());
        for (JsonNode r : run.path("results")) {
            assertTrue(r.path("message").path("text").isTextual(), r.toString());
            assertTrue(r.path("ruleId").isTextual(), r.toString());
            assertTrue(LEVELS.contains(r.path("level").asText()), r.toString());
            assertTrue(Set.of("pass", "fail").contains(r.path("kind").asText()), r.toString());
            if (!r.path("kind").asText().equals("fail")) {
                assertEquals("none", r.path("level").asText(), "SARIF 3.27.10: a non-fail result has level none");
            }
            assertEquals(r.path("ruleId").asText(), rules.get(r.path("ruleIndex").asInt()).path("id").asText());
        }
    }

    static Stream<Decided<?>> decisions() {
        return Stream.of(Decisions.change(), Decisions.release(), Decisions.merge());
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void roundTrip_reproducesEveryFinding(Decided<?> d) throws Exception {
        JsonNode log = JSON.readTree(Sarif.toJson("delivery decision", d));
        validate(log);
        JsonNode run = log.path("runs").get(0);
        assertEquals(d.verdict().name(), run.path("properties").path("verdict").asText());
        JsonNode results = run.path("results");
        assertEquals(d.findings().size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            Finding f = d.findings().list().get(i);
            JsonNode r = results.get(i);
            assertEquals(f.code(), r.path("ruleId").asText());
            assertEquals(Sarif.level(f.level()), r.path("level").asText());
            assertEquals(f.level().name(), r.path("properties").path("findingLevel").asText());
            assertEquals(f.message(), r.path("message").path("text").asText());
            List<String> rendered = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = r.path("properties").path("facts").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                rendered.add(e.getKey() + "=" + (e.getValue().isNumber() ? Facts.format(e.getValue().decimalValue())
                        : e.getValue().asText()));
            }
            assertEquals(f.facts().rendered(), rendered);
        }
    }

    @Test
    void levels_mapToSarif() {
        assertEquals("error", Sarif.level(Level.FAIL));
        assertEquals("warning", Sarif.level(Level.WARN));
        assertEquals("note", Sarif.level(Level.INFO));
        assertEquals("none", Sarif.level(Level.PASS));
    }

    @Test
    void facts_keepTheirJsonTypes() throws Exception {
        Findings findings = Findings.of(
                Finding.warn("a.b", "m", Facts.of("n", 3L, "d", new BigDecimal("0.50"), "x", 0.1, "nan", Double.NaN,
                        "ok", true, "big", new BigDecimal("1e200"), "dur", Duration.ofMinutes(5))),
                Finding.pass("a.b", "again", Facts.none()));
        StringWriter w = new StringWriter();
        Sarif.write("n", "WARN", findings, w);
        JsonNode log = JSON.readTree(w.toString());
        validate(log);
        JsonNode facts = log.path("runs").get(0).path("results").get(0).path("properties").path("facts");
        assertTrue(facts.path("n").isIntegralNumber());
        assertEquals("0.5", facts.path("d").decimalValue().toPlainString());
        assertEquals("0.1", facts.path("x").decimalValue().toPlainString());
        assertEquals("NaN", facts.path("nan").asText());
        assertTrue(facts.path("ok").isBoolean());
        assertTrue(facts.path("big").isTextual(), "a decimal beyond plain rendering stays text");
        assertEquals("PT5M", facts.path("dur").asText());
        assertEquals(1, log.path("runs").get(0).path("tool").path("driver").path("rules").size(), "one rule per code");
        JsonNode pass = log.path("runs").get(0).path("results").get(1);
        assertEquals("pass", pass.path("kind").asText());
        assertEquals(0, pass.path("ruleIndex").asInt());
    }

    @Test
    void badArguments_areNamed() {
        StringWriter w = new StringWriter();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sarif.write("n", " ", Findings.none(), w))
                .getMessage().contains("verdict"));
        assertThrows(IllegalArgumentException.class, () -> Sarif.write("n", (Decided<?>) null, w));
        assertThrows(IllegalArgumentException.class, () -> Sarif.level(null));
    }

    @Test
    void emptyDecision_isAValidLog() throws Exception {
        StringWriter w = new StringWriter();
        Sarif.write("n", "GO", Findings.none(), w);
        JsonNode log = JSON.readTree(w.toString());
        validate(log);
        assertFalse(log.path("runs").get(0).path("results").elements().hasNext());
    }

    /** Where GitHub code scanning needs it: every result has a physical location with a URI and a start line. */
    static void validateForGitHub(JsonNode log) {
        for (JsonNode r : log.path("runs").get(0).path("results")) {
            JsonNode locations = r.path("locations");
            assertTrue(locations.isArray() && locations.size() >= 1 && locations.size() <= Sarif.MAX_LOCATIONS, r.toString());
            JsonNode physical = locations.get(0).path("physicalLocation");
            assertTrue(physical.path("artifactLocation").path("uri").isTextual(), r.toString());
            assertTrue(physical.path("region").path("startLine").asLong() >= 1, r.toString());
        }
    }

    private static JsonNode written(Findings findings, String artifact) throws Exception {
        StringWriter w = new StringWriter();
        Sarif.write("locations", "VERDICT", findings, artifact, w);
        JsonNode log = JSON.readTree(w.toString());
        validate(log);
        return log.path("runs").get(0).path("results");
    }

    @Test
    void locations_fileAndLineFacts_roundTripToPhysicalLocation() throws Exception {
        Findings findings = Findings.of(
                Finding.fail("x.file", "in a file", Facts.of("file", "src/main/App.java", "line", 42)),
                Finding.warn("x.path", "a path, no line", Facts.of("path", ".\\docs\\my notes.md")),
                Finding.info("x.start", "startLine", Facts.of("path", "a.txt", "startLine", 7L)),
                Finding.warn("x.zero", "a line below 1", Facts.of("file", "b.txt", "line", 0)));
        JsonNode results = written(findings, null);
        JsonNode first = results.get(0).path("locations").get(0).path("physicalLocation");
        assertEquals("src/main/App.java", first.path("artifactLocation").path("uri").asText());
        assertEquals(42, first.path("region").path("startLine").asInt());
        JsonNode second = results.get(1).path("locations").get(0).path("physicalLocation");
        assertEquals("docs/my%20notes.md", second.path("artifactLocation").path("uri").asText());
        assertEquals(1, second.path("region").path("startLine").asInt());
        assertEquals(7, results.get(2).path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals(1, results.get(3).path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt());
    }

    @Test
    void locations_serviceAndRule_areLogicalLocations() throws Exception {
        Findings findings = Findings.of(Finding.fail("x.svc", "service and rule", Facts.of("service", "checkout", "rule",
                "freeze")), Finding.pass("x.none", "nothing named", Facts.none()));
        JsonNode results = SarifTest.JSON.readTree(sarif(findings)).path("runs").get(0).path("results");
        JsonNode logical = results.get(0).path("locations").get(0).path("logicalLocations");
        assertEquals("checkout", logical.get(0).path("name").asText());
        assertEquals("module", logical.get(0).path("kind").asText());
        assertEquals("freeze", logical.get(1).path("name").asText());
        assertEquals("resource", logical.get(1).path("kind").asText());
        assertTrue(results.get(0).path("locations").get(0).path("physicalLocation").isMissingNode(), "no file, no fallback");
        assertTrue(results.get(1).path("locations").isMissingNode(), "nothing to locate");
        // with the decision's input file: a physical location carrying the logical ones
        JsonNode located = written(findings, "examples/change.json");
        JsonNode location = located.get(0).path("locations").get(0);
        assertEquals("examples/change.json", location.path("physicalLocation").path("artifactLocation").path("uri").asText());
        assertEquals(1, location.path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals("checkout", location.path("logicalLocations").get(0).path("name").asText());
        assertEquals("examples/change.json",
                located.get(1).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText());
    }

    private static String sarif(Findings findings) {
        StringWriter w = new StringWriter();
        Sarif.write("locations", "VERDICT", findings, w);
        return w.toString();
    }

    @Test
    void locations_mergePolicyPaths_oneLocationEachUpToTheLimit() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2026-05-01T10:00:00Z");
        io.github.deliverykit.policy.governance.MergeGateConfig.Builder b =
                io.github.deliverykit.policy.governance.MergeGateConfig.custom().protectedPath("infra/**");
        List<String> touched = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            touched.add("infra/m" + i + ".tf");
        }
        io.github.deliverykit.core.event.PullRequest pr = new io.github.deliverykit.core.event.PullRequest("PR-9",
                "acme/checkout", "payments", "agent-1", at, null, null, touched);
        io.github.deliverykit.policy.governance.MergeDecision d = io.github.deliverykit.policy.governance.MergeGate.of(b.build())
                .evaluate(io.github.deliverykit.policy.governance.MergeGate.Input.of(pr, List.of(), List.of(), 1),
                        java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
        StringWriter w = new StringWriter();
        Sarif.write("merge PR-9", d, "pr.json", w);
        JsonNode log = JSON.readTree(w.toString());
        validate(log);
        validateForGitHub(log);
        for (JsonNode r : log.path("runs").get(0).path("results")) {
            if (r.path("ruleId").asText().equals("merge.paths.protected")) {
                assertEquals(Sarif.MAX_LOCATIONS, r.path("locations").size(), r.toString());
                assertEquals("infra/m0.tf", r.path("locations").get(0).path("physicalLocation").path("artifactLocation")
                        .path("uri").asText());
                return;
            }
        }
        throw new AssertionError("no protected-path finding: " + w);
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void locations_withTheInputFile_meetGitHubsRequirement(Decided<?> d) throws Exception {
        StringWriter w = new StringWriter();
        Sarif.write("decision", d, "input.json", w);
        JsonNode log = JSON.readTree(w.toString());
        validate(log);
        validateForGitHub(log);
    }

    @Test
    void uri_keepsUrisAndEncodesPaths() {
        assertEquals("file:///repo/a%20b.json", Sarif.uri("file:///repo/a%20b.json"));
        assertEquals("a/b.json", Sarif.uri("./a/b.json"));
        assertEquals("C:/x/y.json", Sarif.uri("C:\\x\\y.json"));
        assertThrows(IllegalArgumentException.class, () -> Sarif.write("n", "V", Findings.none(), " ", new StringWriter()));
    }
}
