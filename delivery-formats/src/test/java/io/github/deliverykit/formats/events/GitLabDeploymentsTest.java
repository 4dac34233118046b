package io.github.deliverykit.formats.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.Samples;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class GitLabDeploymentsTest {

    private static final String SAMPLE = Samples.text("gitlab/deployments.json");

    private static DeploymentRead read(String json) {
        return GitLabDeployments.read("deployments.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "shop");
    }

    @Test
    void sample_statusesBecomeOutcomes() {
        DeploymentRead r = GitLabDeployments.read(Samples.path("gitlab/deployments.json"), "shop");
        assertEquals(3, r.deployments().size());
        Deployment first = r.deployments().get(0);
        assertEquals("4101", first.id());
        assertEquals("production", first.environment());
        assertEquals("9c1f0e2a7b3d4c5e6f708192a3b4c5d6e7f80912", first.version());
        assertEquals(Instant.parse("2025-07-01T09:00:12Z"), first.started());
        assertEquals(Instant.parse("2025-07-01T09:06:38Z"), first.finished());
        assertEquals(DeploymentOutcome.SUCCESS, first.outcome());
        assertNull(first.previousDeploymentId());
        assertEquals(DeploymentOutcome.FAILED, r.deployments().get(1).outcome());
        assertEquals("4101", r.deployments().get(1).previousDeploymentId());
        assertEquals(DeploymentOutcome.IN_PROGRESS, r.deployments().get(2).outcome());
        assertNull(r.deployments().get(2).finished());
        assertEquals("read 5, accepted 3, rejected 1, skipped 1, merged 0, noted 0", r.report().summary());
        assertEquals(IssueKind.SKIPPED, r.report().issues().get(0).kind());
        assertTrue(r.report().issues().get(0).reason().startsWith("'blocked'"), r.report().issues().toString());
        assertTrue(r.report().issues().get(1).reason().contains("unknown value 'deployed'"), r.report().issues().toString());
        assertTrue(r.report().issues().get(1).position().endsWith("$[4].status"), r.report().issues().get(1).position());
    }

    @Test
    void hostileElements_areRejectedWithTheirPath() {
        DeploymentRead r = read("[null, 3, {\"id\": \"x\"}, {\"id\": 1, \"sha\": \"a\", \"created_at\": \"2025-07-01T00:00:00Z\","
                + "\"status\": \"success\", \"environment\": {\"name\": \" \"}},"
                + "{\"id\": 2, \"sha\": \"a\", \"created_at\": \"2025-07-01T00:00:00Z\", \"status\": \"success\","
                + "\"environment\": {\"name\": \"prod\"}},"
                + "{\"id\": 3, \"sha\": \"a\", \"created_at\": \"2025-07-01T00:00:00Z\", \"updated_at\": \"2025-06-01T00:00:00Z\","
                + "\"status\": \"failed\", \"environment\": {\"name\": \"prod\"}}]");
        assertEquals(6, r.report().read());
        assertEquals(0, r.report().accepted());
        assertEquals(6, r.report().rejected());
        assertTrue(r.report().issues().get(2).position().endsWith("$[2].id"), r.report().issues().toString());
        assertTrue(r.report().issues().get(3).position().endsWith(".environment.name"), r.report().issues().toString());
    }

    @Test
    void notAnArray_isAFormatException() {
        assertEquals("$", assertThrows(FormatException.class, () -> read("{}")).position());
        assertThrows(FormatException.class, () -> read("[{\"id\": 1,"));
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
                Arbitraries.integers().between(0, 10), Arbitraries.strings().withChars("[]{},:\"-.0123456789TZ ").ofMaxLength(4))
                .as((at, cut, ins) -> SAMPLE.substring(0, at) + ins + SAMPLE.substring(Math.min(SAMPLE.length(), at + cut)));
    }
}
