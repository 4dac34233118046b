package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** `delivery dora --definitions`: the example history under the built-in DORA definitions. */
final class DoraDefinitionsCommandTest {

    private static CliTestSupport.Result dora(String... more) {
        String[] base = {"dora", "--deployments", example("deployments.json"), "--incidents", example("incidents.json"),
                "--as-of", "2024-02-01T00:00:00Z", "--days", "31"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void all_sideBySideTable_andWhyTheRatesDiffer() {
        CliTestSupport.Result r = dora("--definitions", "all");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("DORA under several definitions: [2024-01-01T00:00:00Z, 2024-02-01T00:00:00Z)"), out);
        assertTrue(out.contains("Change failure rate  25.0 % (1 failed / 4)"), out);
        assertTrue(out.contains("75.0 % (3 incidents / 4)"), out);
        assertTrue(out.contains("40.0 % (2 failed / 5)"), out);
        assertTrue(out.contains("definitions.change-failure-rate.differs"), out);
        assertTrue(out.contains("gitlab counts 3 incident(s) created in the window over 4 deployment(s): 75.0 %"), out);
        assertTrue(out.contains("four-keys counts 1 failed deployment(s) over 4 deployment(s): 25.0 %"), out);
        assertTrue(out.contains("failures are counted per deployment or per incident"), out);
        assertFalse(out.contains("Bands ("), out); // the comparison replaces the bands
    }

    @Test
    void list_inTheOrderGiven_asJson() throws Exception {
        CliTestSupport.Result r = dora("--definitions", "gitlab, four-keys", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode defs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).path("data").path("definitions");
        assertEquals(2, defs.size(), r.out());
        assertEquals("gitlab", defs.get(0).path("definition").asText());
        assertEquals(0.75, defs.get(0).path("changeFailureRate").asDouble(), 1e-12);
        assertEquals("four-keys", defs.get(1).path("definition").asText());
        assertEquals(0.25, defs.get(1).path("changeFailureRate").asDouble(), 1e-12);
    }

    @Test
    void markdown_isATable() {
        CliTestSupport.Result r = dora("--definitions", "devlake,dora-2024", "--format", "markdown");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| metric "), r.out());
        assertTrue(r.out().contains("### Why they differ"), r.out());
    }

    @Test
    void unknownDefinition_isAnInputErrorNamingTheChoices() {
        CliTestSupport.Result r = dora("--definitions", "fourkeys");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--definitions must be 'all' or a comma-separated list of"), r.err());
        assertTrue(r.err().contains("four-keys"), r.err());
    }
}
