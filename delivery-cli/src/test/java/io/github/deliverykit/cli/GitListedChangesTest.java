package io.github.deliverykit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DoraConfig;
import io.github.deliverykit.metrics.dora.DoraDataset;
import io.github.deliverykit.metrics.dora.DoraEvents;
import io.github.deliverykit.metrics.dora.DoraReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path of {@code dora --git} ({@link GitHistory#readListed}, then
 * {@link DoraDataset#ofListedChanges}) against the object path ({@link GitHistory#read}, then
 * {@link DoraDataset#of}) on a generated repository with merges of branches older than earlier
 * tags, annotated and lightweight tags, excluded tags and commits whose author time follows their
 * commit time: the same changes per deployment in the same order, and equal reports for every
 * window and both lead-time starts.
 */
final class GitListedChangesTest {

    private static final long START = 1_700_000_000L;

    @TempDir
    static Path dir;

    static Path repo;

    @BeforeAll
    static void createRepository() throws IOException, InterruptedException {
        assumeTrue(gitInstalled(), "git is not installed");
        repo = dir.resolve("generated");
        Files.createDirectories(repo);
        exec(repo, "git", "init", "-q");
        Process p = new ProcessBuilder("git", "-C", repo.toString(), "fast-import", "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
        Random random = new Random(18);
        try (OutputStream out = new BufferedOutputStream(p.getOutputStream())) {
            StringBuilder s = new StringBuilder();
            int mark = 0;
            int main = 0;
            int side = 0; // the open side branch's last commit, 0 for none
            long t = START;
            int tags = 0;
            for (int i = 0; i < 1500; i++) {
                t += 60 + random.nextInt(600);
                if (side == 0 && random.nextInt(15) == 0 && main > 0) {
                    // a side branch from the current main commit, merged some commits (and tags) later
                    side = ++mark;
                    commit(s, "refs/heads/side", side, main, 0, t - random.nextInt(3600), t);
                    continue;
                }
                int merge = side != 0 && random.nextInt(6) == 0 ? side : 0;
                if (merge != 0) {
                    side = 0;
                }
                ++mark;
                // some author times after the commit time: negative lead times are dropped alike
                long authored = random.nextInt(40) == 0 ? t + 100 : t - random.nextInt(7200);
                commit(s, "refs/heads/main", mark, main, merge, authored, t);
                main = mark;
                if (random.nextInt(12) == 0) {
                    tags++;
                    switch (random.nextInt(4)) {
                        case 0 -> s.append("reset refs/tags/v1.").append(tags).append("\nfrom :").append(main).append("\n\n");
                        case 1 -> tag(s, "v1." + tags + "-rc1", main, t + 30);
                        default -> tag(s, "v1." + tags, main, t + 30 + random.nextInt(3600));
                    }
                }
            }
            tag(s, "v9.last", main, t + 60);
            out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(0, p.waitFor(), "git fast-import");
    }

    private static void commit(StringBuilder s, String ref, int mark, int from, int merge, long authored, long committed) {
        s.append("commit ").append(ref).append("\nmark :").append(mark)
                .append("\nauthor A <a@example.com> ").append(authored).append(" +0000")
                .append("\ncommitter C <c@example.com> ").append(committed).append(" +0000")
                .append("\ndata 2\nc\n");
        if (from != 0) {
            s.append("from :").append(from).append('\n');
        }
        if (merge != 0) {
            s.append("merge :").append(merge).append('\n');
        }
        s.append("M 644 inline f").append(mark % 7).append(".txt\ndata 1\n").append(mark % 10).append("\n\n");
    }

    private static void tag(StringBuilder s, String name, int mark, long at) {
        s.append("tag ").append(name).append("\nfrom :").append(mark)
                .append("\ntagger T <t@example.com> ").append(at).append(" +0000\ndata 2\nt\n\n");
    }

    @Test
    void listed_equalsObjects_inEveryWindow() {
        Instant first = Instant.ofEpochSecond(START);
        Instant last = first.plus(Duration.ofDays(40));
        List<Interval> windows = List.of(Interval.of(first.minusSeconds(1), last), Interval.of(first.plus(Duration.ofDays(2)),
                first.plus(Duration.ofDays(5))), Interval.of(first.plus(Duration.ofHours(30)), last), Interval.of(
                first.minus(Duration.ofDays(9)), first.minus(Duration.ofDays(1))));
        int compared = 0;
        long samples = 0;
        for (Interval window : windows) {
            for (Interval readWindow : new Interval[] {null, window}) {
                GitHistory.Options options = GitHistory.Options.of("svc").withExcludedTags(List.of("*-rc*"))
                        .withWindow(readWindow);
                GitHistory.Result objects = GitHistory.read(repo, options);
                GitHistory.Listed listed = GitHistory.readListed(repo, options);
                assertEquals(objects.excludedTags(), listed.excludedTags());
                assertEquals(objects.deployments().size(), listed.deployments().size());
                for (int k = 0; k < objects.deployments().size(); k++) {
                    Deployment d = objects.deployments().get(k);
                    Deployment b = listed.deployments().get(k);
                    assertEquals(d.id(), b.id());
                    assertEquals(d.finished(), b.finished());
                    assertEquals(d.previousDeploymentId(), b.previousDeploymentId());
                    assertEquals(d.commits().size(), listed.changesFrom()[k + 1] - listed.changesFrom()[k], d.id());
                    assertTrue(b.commits().isEmpty());
                }
                for (DoraConfig.LeadTimeStart start : DoraConfig.LeadTimeStart.values()) {
                    DoraConfig config = DoraConfig.custom().leadTimeStart(start).build();
                    DoraReport before = DoraDataset.of(DoraEvents.builder().deployments(objects.deployments())
                            .commits(objects.commits()).build(), config).report(window);
                    DoraReport after = DoraDataset.ofListedChanges(DoraEvents.builder()
                            .deployments(listed.deployments()).build(), config, listed.changesFrom(),
                            listed.authoredMillis(), listed.committedMillis()).report(window);
                    assertEquals(before, after, window + " " + start);
                    samples = Math.max(samples, before.leadTime().summary().sampleSize());
                    compared++;
                }
            }
        }
        assertEquals(windows.size() * 2 * DoraConfig.LeadTimeStart.values().length, compared);
        assertTrue(samples > 1000, "lead times compared: " + samples);
        // the whole history: every commit ships, merges included
        GitHistory.Listed all = GitHistory.readListed(repo, GitHistory.Options.of("svc"));
        assertTrue(all.authoredMillis().length > 1000, "commits shipped: " + all.authoredMillis().length);
    }

    private static boolean gitInstalled() {
        try {
            return new ProcessBuilder("git", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void exec(Path in, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }
}
