package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.deliverykit.cli.CliTestSupport.Result;
import io.github.deliverykit.core.event.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dora --git} on a repository created here with tagged commits at known times. */
final class GitDoraTest {

    @TempDir
    Path repo;

    private static boolean gitInstalled() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void git(String date, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", repo.toString());
        if (date != null) {
            env.put("GIT_AUTHOR_DATE", date);
            env.put("GIT_COMMITTER_DATE", date);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    private void commit(String file, String date) throws IOException, InterruptedException {
        Files.writeString(repo.resolve(file), date);
        git(date, "add", file);
        git(date, "commit", "-q", "-m", "change " + file);
    }

    @BeforeEach
    void createRepository() throws IOException, InterruptedException {
        assumeTrue(gitInstalled(), "git is not installed");
        git(null, "init", "-q");
        git(null, "config", "user.name", "Test");
        git(null, "config", "user.email", "test@example.com");
        git(null, "config", "commit.gpgsign", "false");
        git(null, "config", "tag.gpgsign", "false");
        // v1.0.0: two commits, tagged 2 h after the first
        commit("a.txt", "2024-01-02T10:00:00Z");
        commit("b.txt", "2024-01-02T11:00:00Z");
        git("2024-01-02T12:00:00Z", "tag", "-a", "v1.0.0", "-m", "release 1.0.0");
        // v1.1.0: one commit, tagged 4 h later (annotated: the tagger date is the deployment)
        commit("c.txt", "2024-01-05T08:00:00Z");
        git("2024-01-05T12:00:00Z", "tag", "-a", "v1.1.0", "-m", "release 1.1.0");
        // v1.2.0: two commits, lightweight tag (the commit date is the deployment)
        commit("d.txt", "2024-01-09T09:00:00Z");
        commit("e.txt", "2024-01-09T10:00:00Z");
        git(null, "tag", "v1.2.0");
        // a tag that does not match the pattern
        commit("f.txt", "2024-01-10T10:00:00Z");
        git(null, "tag", "nightly-1");
    }

    @Test
    void history_tagsAreDeployments_commitsSincePreviousTag() {
        GitHistory.Result h = GitHistory.read(repo, "v*", "shop");
        List<Deployment> d = h.deployments();
        assertEquals(3, d.size());
        assertEquals(List.of("v1.0.0", "v1.1.0", "v1.2.0"), d.stream().map(Deployment::version).toList());
        assertEquals(Instant.parse("2024-01-02T12:00:00Z"), d.get(0).finished());
        assertEquals(Instant.parse("2024-01-05T12:00:00Z"), d.get(1).finished());
        assertEquals(Instant.parse("2024-01-09T10:00:00Z"), d.get(2).finished());
        assertEquals(List.of(2, 1, 2), d.stream().map(x -> x.commits().size()).toList());
        assertEquals("tag:v1.1.0", d.get(2).previousDeploymentId());
        assertEquals(5, h.commits().size());
        assertTrue(d.stream().allMatch(x -> x.service().equals("shop") && x.environment().equals("production")));
    }

    @Test
    void dora_git_figures() {
        Result r = run("dora", "--git", repo.toString(), "--deploy-tags", "v*", "--service", "shop", "--as-of",
                "2024-01-31T00:00:00Z", "--format", "json");
        assertEquals(0, r.code(), r.err());
        // lead times: 2h, 1h (v1.0.0), 4h (v1.1.0), 1h, 0h dropped? no: e is the tagged commit (0 -> dropped)
        assertTrue(r.out().contains("\"deployments\" : 3"), r.out());
        // no incident data from git: no data, not 0.00 % (issue 16)
        assertTrue(r.out().contains("\"changeFailureRate\" : \"no data\""), r.out());
        assertTrue(r.out().contains("\"leadTimeMedian\" : \"1h 30m\""), r.out());
        assertTrue(r.out().contains("\"leadTimeSamples\" : 4"), r.out());
    }

    @Test
    void dora_git_noMatchingTag_exits2() {
        Result r = run("dora", "--git", repo.toString(), "--deploy-tags", "release-*");
        assertEquals(ExitCode.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("--deploy-tags: no tag matches 'release-*'"), r.err());
    }

    @Test
    void dora_git_notARepository_exits2() throws IOException {
        Path plain = Files.createDirectories(repo.resolve("plain"));
        Path outside = Files.createTempDirectory("not-a-repo");
        try {
            Result r = run("dora", "--git", outside.toString());
            assertEquals(ExitCode.INVALID_INPUT, r.code());
            assertTrue(r.err().startsWith("delivery: invalid input: --git: "), r.err());
        } finally {
            Files.deleteIfExists(outside);
            Files.deleteIfExists(plain);
        }
    }
}
