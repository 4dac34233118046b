package io.github.deliverykit.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

final class CoreEventsTest {

    static final Instant T = Instant.parse("2024-01-16T09:00:00Z");

    private static void assertInvalid(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void pullRequest_mergedAndPaths() {
        PullRequest open = new PullRequest("7", "acme/portal", "checkout", "alice", T, null, null);
        assertFalse(open.isMerged());
        assertEquals(Optional.empty(), open.mergedAt());
        assertEquals(List.of(), open.touchedPaths());
        PullRequest merged = new PullRequest("7", "acme/portal", "checkout", "alice", T, T.plusSeconds(60), "F-1",
                List.of("src/a.java"));
        assertTrue(merged.isMerged());
        assertEquals(Optional.of(T.plusSeconds(60)), merged.mergedAt());
        assertEquals(List.of("docs/b.md"), merged.withTouchedPaths(List.of("docs/b.md")).touchedPaths());
        assertEquals("F-1", merged.withTouchedPaths(List.of()).featureId());
        assertInvalid("merged", () -> new PullRequest("7", "r", "t", "a", T, T.minusSeconds(1), null));
        assertInvalid("featureId", () -> new PullRequest("7", "r", "t", "a", T, null, " "));
        assertInvalid("touchedPaths[1]", () -> new PullRequest("7", "r", "t", "a", T, null, null, List.of("a", "")));
        assertInvalid("id", () -> new PullRequest(" ", "r", "t", "a", T, null, null));
        assertInvalid("repository", () -> new PullRequest("7", null, "t", "a", T, null, null));
        assertInvalid("team", () -> new PullRequest("7", "r", "", "a", T, null, null));
        assertInvalid("author", () -> new PullRequest("7", "r", "t", null, T, null, null));
        assertInvalid("opened", () -> new PullRequest("7", "r", "t", "a", null, null, null));
    }

    @Test
    void ciRun_finishedExactlyUnlessPending() {
        CiRun run = new CiRun("r1", "7", T, T.plusSeconds(5), T.plusSeconds(485), CiRun.Outcome.PASSED, 8, 2);
        assertEquals("r1", run.name());
        assertEquals(Optional.of(Duration.ofSeconds(480)), run.duration());
        assertTrue(run.isFinished());
        CiRun pending = CiRun.check("7", "unit-tests", CiRun.Outcome.PENDING, T);
        assertNull(pending.finished());
        assertFalse(pending.isFinished());
        assertEquals(Optional.empty(), pending.duration());
        CiRun failed = CiRun.check("7", "lint", CiRun.Outcome.FAILED, T);
        assertEquals(T, failed.finished());
        assertEquals(Optional.of(Duration.ZERO), failed.duration());
        assertEquals("lint", failed.id());
        assertInvalid("finished", () -> new CiRun("r", "7", "n", T, T, T, CiRun.Outcome.PENDING, 0, 0));
        assertInvalid("finished", () -> new CiRun("r", "7", "n", T, T, null, CiRun.Outcome.PASSED, 0, 0));
        assertInvalid("started", () -> new CiRun("r", "7", "n", T, T.minusSeconds(1), T, CiRun.Outcome.PASSED, 0, 0));
        assertInvalid("cacheHits", () -> new CiRun("r", "7", "n", T, T, T, CiRun.Outcome.PASSED, -1, 0));
        assertInvalid("cacheMisses", () -> new CiRun("r", "7", "n", T, T, T, CiRun.Outcome.PASSED, 0, -1));
        assertInvalid("must fit in a long", () -> new CiRun("r", "7", "n", T, T, T, CiRun.Outcome.PASSED,
                Long.MAX_VALUE, 1));
        new CiRun("r", "7", "n", T, T, T, CiRun.Outcome.PASSED, Long.MAX_VALUE - 1, 1);
        assertInvalid("name", () -> new CiRun("r", "7", " ", T, T, T, CiRun.Outcome.PASSED, 0, 0));
        assertInvalid("pullRequestId", () -> new CiRun("r", null, "n", T, T, T, CiRun.Outcome.PASSED, 0, 0));
        assertInvalid("outcome", () -> CiRun.check("7", "n", null, T));
        assertInvalid("outcome", () -> new CiRun("r", "7", "n", T, T, T, null, 0, 0));
    }

    @Test
    void feature_deliveredOnlyWhenDone() {
        Feature planned = new Feature("Saved carts", Feature.Status.IN_PROGRESS);
        assertEquals(Optional.empty(), planned.deliveredAt());
        Feature delivered = new Feature("F-1", T);
        assertEquals(Feature.Status.DONE, delivered.status());
        assertEquals(Optional.of(T), delivered.deliveredAt());
        assertEquals(Optional.empty(), new Feature("F-2", Feature.Status.DONE).deliveredAt());
        assertInvalid("delivered", () -> new Feature("F", Feature.Status.DEFERRED, T));
        assertInvalid("delivered", () -> new Feature("F", (Instant) null));
        assertInvalid("status", () -> new Feature("F", (Feature.Status) null));
        assertInvalid("id", () -> new Feature(" ", Feature.Status.DONE));
    }
}
