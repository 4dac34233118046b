package io.github.deliverykit.formats.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.Samples;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class GitHubDeploymentsTest {

    private static final String SAMPLE = Samples.text("github/deployments.json");

    private static DeploymentRead read(String json) {
        return GitHubDeployments.read("d.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "checkout");
    }

    @Test
    void read_sample_outcomeFromLatestNonInactiveStatus() {
        DeploymentRead read = GitHubDeployments.read(Samples.path("github/deployments.json"), "checkout");
        List<Deployment> d = read.deployments();
        assertEquals(List.of("1001", "1002", "1004"), d.stream().map(Deployment::id).toList());
        assertEquals(DeploymentOutcome.SUCCESS, d.get(0).outcome());
        assertEquals(Instant.parse("2025-07-01T10:12:00Z"), d.get(0).finished());
        assertEquals("a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", d.get(0).version());
        assertNull(d.get(0).previousDeploymentId());
        assertEquals(DeploymentOutcome.FAILED, d.get(1).outcome());
        assertEquals("1001", d.get(1).previousDeploymentId());
        assertEquals(DeploymentOutcome.IN_PROGRESS, d.get(2).outcome());
        assertNull(d.get(2).finished());
        assertEquals("1002", d.get(2).previousDeploymentId());
        ReadReport r = read.report();
        assertEquals(5, r.read());
        assertEquals(3, r.accepted());
        assertEquals(1, r.skipped(), r.issues().toString());
        assertEquals(1, r.rejected(), r.issues().toString());
        assertTrue(r.issues().stream().anyMatch(i -> i.position().contains("$[4].id")), r.issues().toString());
    }

    @Test
    void read_hostile() {
        assertEquals("$", assertThrows(FormatException.class, () -> read("{}")).position());
        assertTrue(assertThrows(FormatException.class, () -> read("[{\"id\": 1,")).position().startsWith("line 1"));
        ReadReport r = read("[{\"id\":1,\"sha\":\"s\",\"environment\":\"p\",\"created_at\":\"2025-01-01T00:00:00Z\","
                + "\"statuses\":[{\"id\":1,\"state\":\"exploded\",\"created_at\":\"2025-01-01T00:01:00Z\"}]},"
                + "{\"id\":2,\"sha\":\"s\",\"created_at\":\"2025-01-01T00:00:00Z\"},"
                + "{\"id\":3,\"sha\":\"s\",\"environment\":\"p\",\"created_at\":\"2025-01-01T00:00:00Z\","
                + "\"statuses\":[{\"id\":1,\"state\":\"success\",\"created_at\":\"2024-01-01T00:01:00Z\"}]}]").report();
        assertEquals(3, r.rejected(), r.issues().toString());
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
