package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.json;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.deliverykit.cli.CliTestSupport.Result;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.deliverykit.core.event.Deployment;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
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
        JsonNode lead = json(r.out()).path("data").path("leadTime");
        assertEquals(4, lead.path("samples").asInt(), r.out());
        assertEquals(5400, lead.path("medianSeconds").asDouble(), r.out());
        assertEquals("1h 30m", lead.path("median").asText(), r.out());
        assertTrue(lead.path("p90Seconds").isNumber() && lead.path("meanSeconds").isNumber(), r.out());
        // no incident data from git: no data, not 0.00 % (issue 16)
        JsonNode cfr = json(r.out()).path("data").path("changeFailureRate");
        assertTrue(cfr.isNull() || cfr.path("ratio").isNull(), r.out());
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

    /** A git wrapper script in a fresh directory: runs {@code body} (sh) with the real git as "$@" available. */
    private Path fakeGit(String body) throws IOException {
        Path dir = Files.createTempDirectory("fake-git");
        Path script = dir.resolve("git");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void history_gitWarningsOnStderr_doNotReachTheParser() throws IOException {
        Path git = fakeGit("echo 'warning: refname is ambiguous' >&2\nexec git \"$@\"");
        GitHistory.Result h = GitHistory.read(repo, GitHistory.Options.of("shop").withExecutable(git.toString()));
        assertEquals(List.of(2, 1, 2), h.deployments().stream().map(x -> x.commits().size()).toList());
    }

    @Test
    void history_hungGit_isStoppedByTheTimeout() throws IOException {
        Path git = fakeGit("sleep 30");
        GitHistory.Options options = GitHistory.Options.of("shop").withExecutable(git.toString())
                .withTimeout(Duration.ofMillis(500));
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(InputException.class, () -> GitHistory.read(repo, options)));
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
    }

    @Test
    void history_hungLog_isStoppedByTheTimeout() throws IOException {
        // for-each-ref answers, the log hangs after printing part of its output
        Path git = fakeGit("case \"$*\" in *' log '*) git \"$@\" | head -1; sleep 30;; *) exec git \"$@\";; esac");
        GitHistory.Options options = GitHistory.Options.of("shop").withExecutable(git.toString())
                .withTimeout(Duration.ofSeconds(2));
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> assertThrows(InputException.class, () -> GitHistory.read(repo, options)));
        assertTrue(e.getMessage().contains("git log did not finish within 2 s"), e.getMessage());
    }

    @Test
    void history_failingGit_namesTheCommandAndItsError() throws IOException {
        Path git = fakeGit("echo 'fatal: bad object' >&2\nexit 128");
        InputException e = assertThrows(InputException.class,
                () -> GitHistory.read(repo, GitHistory.Options.of("shop").withExecutable(git.toString())));
        assertTrue(e.getMessage().contains("failed (exit 128): fatal: bad object"), e.getMessage());
    }

    @Test
    void dora_git_subfolderOfARepository_isRefused() throws IOException {
        Path sub = Files.createDirectories(repo.resolve("services/cart"));
        Result r = run("dora", "--git", sub.toString(), "--as-of", "2024-01-31T00:00:00Z");
        assertEquals(ExitCode.INVALID_INPUT, r.code(), r.out());
        assertTrue(r.err().contains("is the folder 'services/cart/' inside the repository"), r.err());
    }

    @Test
    void history_bareClone_readsTheSameHistory() throws IOException, InterruptedException {
        Path bare = Files.createTempDirectory("bare").resolve("shop.git");
        git(null, "clone", "-q", "--bare", repo.toString(), bare.toString());
        GitHistory.Result h = GitHistory.read(bare, "v*", "shop");
        assertEquals(List.of(2, 1, 2), h.deployments().stream().map(x -> x.commits().size()).toList());
    }

    @Test
    void history_merge_commitsOfTheBranchShipWithTheFirstTagThatHasThem() throws IOException, InterruptedException {
        git(null, "checkout", "-q", "-b", "feature", "v1.0.0");
        commit("g.txt", "2024-01-03T10:00:00Z");
        git(null, "checkout", "-q", "-");
        git("2024-01-12T10:00:00Z", "merge", "-q", "--no-ff", "-m", "merge feature", "feature");
        git("2024-01-12T11:00:00Z", "tag", "-a", "v2.0.0", "-m", "release 2.0.0");
        GitHistory.Result h = GitHistory.read(repo, "v*", "shop");
        // v2.0.0 ships f (after v1.2.0), g (the branch) and the merge commit
        assertEquals(List.of(2, 1, 2, 3), h.deployments().stream().map(x -> x.commits().size()).toList());
        assertEquals(8, h.commits().size());
    }

    @Test
    void dora_git_excludedTagsAreNotDeployments_andSaySo() throws IOException, InterruptedException {
        commit("g.txt", "2024-01-11T10:00:00Z");
        git("2024-01-11T11:00:00Z", "tag", "-a", "v1.3.0-rc1", "-m", "candidate");
        Result all = run("dora", "--git", repo.toString(), "--as-of", "2024-01-31T00:00:00Z", "--format", "json");
        assertEquals(4, json(all.out()).path("data").path("deploymentFrequency").path("deployments").asInt(), all.out());
        Result r = run("dora", "--git", repo.toString(), "--exclude-tags", "*-rc*,*-beta*", "--as-of",
                "2024-01-31T00:00:00Z", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = json(r.out());
        assertEquals(3, root.path("data").path("deploymentFrequency").path("deployments").asInt(), r.out());
        JsonNode note = root.path("findings").get(0);
        assertEquals("dora.git.excluded-tags", note.path("code").asText(), r.out());
        assertEquals(1, note.path("facts").path("excluded").asInt(), r.out());
    }

    @Test
    void dora_git_environment_namesTheDeployments() {
        GitHistory.Result h = GitHistory.read(repo, GitHistory.Options.of("shop").withEnvironment("prod-eu"));
        assertTrue(h.deployments().stream().allMatch(d -> d.environment().equals("prod-eu")));
        Result r = run("dora", "--git", repo.toString(), "--environment", "prod-eu", "--as-of", "2024-01-31T00:00:00Z",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, json(r.out()).path("data").path("deploymentFrequency").path("deployments").asInt(), r.out());
    }

    @Test
    void dora_git_timeZone_setsTheCalendarDays() {
        String[] args = {"dora", "--git", repo.toString(), "--since", "2024-01-01T00:00:00Z", "--as-of",
            "2024-01-31T00:00:00Z", "--format", "json"};
        Result utc = run(args);
        Result west = run(concat(args, "--time-zone", "America/New_York"));
        assertEquals(0, west.code(), west.err());
        long utcDays = json(utc.out()).path("data").path("deploymentFrequency").path("calendarDays").asLong();
        long westDays = json(west.out()).path("data").path("deploymentFrequency").path("calendarDays").asLong();
        assertEquals(utcDays + 1, westDays, west.out());
        Result bad = run(concat(args, "--time-zone", "Mars/Olympus"));
        assertEquals(ExitCode.INVALID_INPUT, bad.code());
        assertTrue(bad.err().contains("--time-zone must be a zone id"), bad.err());
    }

    @Test
    void dora_git_quietWindow_saysSo() {
        Result r = run("dora", "--git", repo.toString(), "--as-of", "2024-06-01T00:00:00Z");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[WARN] dora.git.quiet-window: no tag matching 'v*' is dated in the 30-day window"),
                r.out());
        assertTrue(r.out().contains("the last deployment before it is v1.2.0 at 2024-01-09T10:00:00Z"), r.out());
    }

    @Test
    void history_window_readsOnlyTheCommitsOfItsTags() {
        var window = io.github.deliverykit.core.time.Interval.of(Instant.parse("2024-01-04T00:00:00Z"),
                Instant.parse("2024-01-08T00:00:00Z"));
        GitHistory.Result h = GitHistory.read(repo, GitHistory.Options.of("shop").withWindow(window));
        assertEquals(3, h.deployments().size());
        assertEquals(List.of(0, 1, 0), h.deployments().stream().map(x -> x.commits().size()).toList());
        assertEquals(1, h.commits().size());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
