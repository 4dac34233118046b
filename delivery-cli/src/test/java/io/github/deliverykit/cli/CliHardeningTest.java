package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.AS_OF;
import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.json;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deliverykit.cli.CliTestSupport.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line items of the hardening issue: each failed before its change. */
final class CliHardeningTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path edited(String example, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(Path.of(example(example)).toFile());
        edit.accept(root);
        Path out = dir.resolve(example);
        MAPPER.writeValue(out.toFile(), root);
        return out;
    }

    @Test
    void usageError_isOneLine_andAPointerToHelp() {
        Result r = run("dora", "--dayz", "3");
        assertEquals(ExitCode.INVALID_INPUT, r.code());
        String[] lines = r.err().strip().split("\n");
        assertEquals(2, lines.length, r.err());
        assertTrue(lines[0].startsWith("delivery dora: Unknown option"), lines[0]);
        assertTrue(lines[0].contains("did you mean --days?"), lines[0]);
        assertEquals("Try 'delivery dora --help' for more information.", lines[1].strip());
        Result missing = run("incident-report", "--incidents", example("incidents.json"));
        assertEquals(2, missing.err().strip().split("\n").length, missing.err());
        assertTrue(missing.err().startsWith("delivery incident-report: Missing required option: '--id=ID'"),
                missing.err());
    }

    @Test
    void versionOption_printsTheVersion_onEveryCommand() {
        for (String command : new String[] {"dora", "sla", "demo", "strategy"}) {
            Result r = run(command, "-V");
            assertEquals(0, r.code(), command);
            assertEquals("delivery 0.1.0-SNAPSHOT", r.out().strip(), command);
        }
        assertEquals("delivery 0.1.0-SNAPSHOT", run("-V").out().strip());
    }

    @Test
    void demoJson_isOneDocument() {
        Result r = run("demo", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = json(r.out());
        assertEquals(10, root.path("steps").size(), r.out());
    }

    @Test
    void doraJson_givesNumbersBesideTheDisplayText() {
        Result r = run("dora", "--deployments", example("deployments.json"), "--incidents", example("incidents.json"),
                "--as-of", AS_OF, "--format", "json");
        JsonNode data = json(r.out()).path("data");
        JsonNode lead = data.path("leadTime");
        assertEquals(8, lead.path("samples").asInt());
        assertEquals(91_500, lead.path("medianSeconds").asDouble());
        assertEquals("1d 1h 25m", lead.path("median").asText());
        assertTrue(lead.path("p90Seconds").isNumber() && lead.path("meanSeconds").isNumber(), lead.toString());
        JsonNode cfr = data.path("changeFailureRate");
        assertTrue(cfr.path("ratio").isNumber(), cfr.toString());
        assertEquals(0.4, cfr.path("ratio").asDouble());
        assertEquals("40.00%", cfr.path("text").asText());
        assertEquals(900, data.path("timeToRestore").path("medianSeconds").asDouble());
        assertTrue(data.path("deploymentFrequency").path("perDay").isNumber());
    }

    @Test
    void findingFacts_keepTheirTypes() {
        Result r = run("sla", "--service", "portal", "--slo", example("slo.json"), "--incidents",
                example("incidents.json"), "--as-of", AS_OF, "--format", "json");
        JsonNode budget = null;
        for (JsonNode f : json(r.out()).path("findings")) {
            if (f.path("code").asText().equals("burn-rate.budget")) {
                budget = f.path("facts");
            }
        }
        assertTrue(budget != null, r.out());
        assertTrue(budget.path("remaining").isNumber(), budget.toString());
        assertTrue(budget.path("remainingPercent").isNumber(), budget.toString());
        assertTrue(budget.path("freezeWhenExhausted").isBoolean(), budget.toString());
    }

    @Test
    void duplicateIncidentId_isAnError() throws IOException {
        Path file = edited("incidents.json", root -> {
            ObjectNode copy = ((ObjectNode) root.path("incidents").get(0)).deepCopy();
            ((com.fasterxml.jackson.databind.node.ArrayNode) root.path("incidents")).add(copy);
        });
        for (String[] args : new String[][] {
            {"sla", "--service", "portal", "--slo", example("slo.json"), "--incidents", file.toString()},
            {"incident-report", "--id", "INC-2024-0125", "--incidents", file.toString()}}) {
            Result r = run(args);
            assertEquals(ExitCode.INVALID_INPUT, r.code(), args[0]);
            assertTrue(r.err().contains("$.incidents[3].id: duplicate incident id 'INC-2024-0114' (first at "
                    + "$.incidents[0])"), r.err());
        }
    }

    @Test
    void unknownApproverRole_isAnError() throws IOException {
        Path file = edited("change.json", root -> ((ObjectNode) root.path("approvals").get(0)).put("role", "cbb"));
        Result r = run("change", "--request", file.toString(), "--as-of", AS_OF);
        assertEquals(ExitCode.INVALID_INPUT, r.code(), r.out());
        assertTrue(r.err().contains("$.approvals[0].role: unknown approver role 'cbb' (roles the policy asks for: "
                + "cab, manager, on-call)"), r.err());
    }

    @Test
    void shaMissingFromCommits_isAnError() throws IOException {
        Path file = edited("deployments.json", root -> ((com.fasterxml.jackson.databind.node.ArrayNode) root
                .path("deployments").get(1).path("commits")).add("0123456789abcdef0123456789abcdef01234567"));
        Result r = run("dora", "--deployments", file.toString(), "--as-of", AS_OF);
        assertEquals(ExitCode.INVALID_INPUT, r.code(), r.out());
        assertTrue(r.err().matches("(?s).*\\$\\.deployments\\[1]\\.commits\\[\\d+]: sha "
                + "'0123456789abcdef0123456789abcdef01234567' is not in \\$\\.commits.*"), r.err());
    }

    @Test
    void severity_oneParserForEveryCommand() throws IOException {
        Path file = edited("incidents.json", root -> ((ObjectNode) root.path("incidents").get(1)).put("severity", "SEV-7"));
        String expected = "$.incidents[1].severity: unknown severity 'SEV-7' (SEV-1 .. SEV-4";
        for (String[] args : new String[][] {
            {"sla", "--service", "portal", "--slo", example("slo.json"), "--incidents", file.toString()},
            {"incident-report", "--id", "INC-2024-0125", "--incidents", file.toString()},
            {"dora", "--deployments", example("deployments.json"), "--incidents", file.toString()}}) {
            Result r = run(args);
            assertEquals(ExitCode.INVALID_INPUT, r.code(), args[0] + ": " + r.out());
            assertTrue(r.err().contains(expected), args[0] + ": " + r.err());
        }
    }

    @Test
    void strategy_noneFeasible_namesNone() {
        Result r = run("strategy", "--instant-rollback", "true", "--spare-capacity", "false", "--mixed-versions", "false", "--as-of", AS_OF);
        assertEquals(ExitCode.NEGATIVE, r.code());
        assertTrue(r.out().startsWith("Deployment strategy: none\nVerdict: NONE (no strategy fits the constraints; "
                + "the best scored, blue-green, is ruled out)"), r.out());
        assertTrue(r.out().contains("Rollback plan: none (no feasible strategy)"), r.out());
        JsonNode data = json(run("strategy", "--instant-rollback", "true", "--spare-capacity", "false", "--mixed-versions", "false", "--format",
                "json").out());
        assertEquals("NONE", data.path("verdict").asText());
        assertTrue(data.path("data").path("recommended").isNull(), data.toString());
        assertEquals("blue-green", data.path("data").path("bestScored").asText());
    }

    @Test
    void serviceAndVersion_comeFromTheFile_whenTheOptionIsAbsent() throws IOException {
        Result sla = run("sla", "--slo", example("slo.json"), "--incidents", example("incidents.json"), "--as-of", AS_OF);
        assertEquals(0, sla.code(), sla.err());
        assertTrue(sla.out().startsWith("Service: portal\n"), sla.out());
        Result release = run("release-check", "--release", example("release.json"), "--as-of", AS_OF);
        assertEquals(0, release.code(), release.err());
        assertTrue(release.out().startsWith("Release Readiness: v2.5.0\n"), release.out());
        Path noService = edited("slo.json", root -> root.remove("service"));
        Result neither = run("sla", "--slo", noService.toString(), "--incidents", example("incidents.json"));
        assertEquals(ExitCode.INVALID_INPUT, neither.code());
        assertTrue(neither.err().contains("$.service: missing: give --service or a \"service\" in the SLO file"),
                neither.err());
        Path noVersion = edited("release.json", root -> root.remove("version"));
        Result none = run("release-check", "--release", noVersion.toString());
        assertEquals(ExitCode.INVALID_INPUT, none.code());
        assertTrue(none.err().contains("$.version: missing: give --version or a \"version\" in the release file"),
                none.err());
    }
}
