package io.github.deliverykit.benchmarks.git;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A generated git repository for the git benchmarks: {@code commits} commits, one every
 * {@value #SECONDS_BETWEEN_COMMITS} s from {@link #START_EPOCH_SECOND}, each authored 10 minutes
 * before it is committed and touching one of 64 files; every 20th commit of the main line merges a
 * side-branch commit made from the previous main commit; {@code tags} annotated tags {@code v1.0.N}
 * spread evenly along the main line, each dated one minute after its commit. Written in one pass
 * through {@code git fast-import} (seconds for 10^5 commits) into a directory of the temp folder
 * named for its size, and reused by later runs once complete.
 */
public final class SyntheticRepository {

    /** The commit time of the first commit (2023-01-01T00:00:00Z). */
    public static final long START_EPOCH_SECOND = 1_672_531_200L;
    /** Seconds between two consecutive commits. */
    public static final long SECONDS_BETWEEN_COMMITS = 300;

    private static final int MERGE_EVERY = 20;

    private SyntheticRepository() {}

    /**
     * The repository of this size, generated unless a complete one is cached.
     *
     * @param commits the number of commits (side-branch and merge commits included), at least 2
     * @param tags the number of tags, 1 .. the main-line commits
     * @return the repository's directory
     * @throws IOException if git fails
     * @throws InterruptedException if interrupted
     */
    public static Path create(int commits, int tags) throws IOException, InterruptedException {
        if (commits < 2 || tags < 1 || tags > commits / 2) {
            throw new IllegalArgumentException("commits must be >= 2 and tags in 1.." + commits / 2 + ", but were "
                    + commits + " and " + tags);
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "deliverykit-git-" + commits + "-" + tags + "-v2");
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) {
            return dir;
        }
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        run(dir, "git", "init", "-q", "-b", "main");
        Process p = new ProcessBuilder("git", "-C", dir.toString(), "fast-import", "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
            write(out, commits, tags);
        }
        if (p.waitFor() != 0) {
            throw new IOException("git fast-import failed in " + dir);
        }
        Files.createFile(done);
        return dir;
    }

    private static void write(OutputStream out, int commits, int tags) throws IOException {
        // main-line commits: every MERGE_EVERY-th main commit brings one side commit with it
        int mainCommits = commits - commits / (MERGE_EVERY + 1);
        int sideCommits = commits - mainCommits;
        long tagEvery = Math.max(1, mainCommits / tags);
        int mark = 0;
        int previousMain = 0;
        int made = 0;
        int tagged = 0;
        int sideMade = 0;
        StringBuilder b = new StringBuilder(512);
        for (int m = 1; m <= mainCommits; m++) {
            int side = 0;
            if (m % MERGE_EVERY == 0 && previousMain != 0 && sideMade < sideCommits) {
                side = ++mark;
                commit(b, "refs/heads/side", side, previousMain, 0, made++);
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                sideMade++;
            }
            int current = ++mark;
            commit(b, "refs/heads/main", current, previousMain, side, made++);
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            previousMain = current;
            if (m % tagEvery == 0 && tagged < tags - 1) {
                tag(b, ++tagged, current, made);
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        while (sideMade < sideCommits) {
            // the rounding left a few commits over: they go on the main line, untagged
            int current = ++mark;
            commit(b, "refs/heads/main", current, previousMain, 0, made++);
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            previousMain = current;
            sideMade++;
        }
        // the last tag is on the last commit, so every commit is shipped by some tag
        tag(b, ++tagged, previousMain, made);
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void tag(StringBuilder b, int n, int mark, int made) {
        long at = START_EPOCH_SECOND + (made - 1) * SECONDS_BETWEEN_COMMITS + 60;
        String message = "release " + n + "\n";
        b.setLength(0);
        b.append("tag v1.0.").append(n).append("\nfrom :").append(mark)
                .append("\ntagger Release Bot <bot@example.com> ").append(at).append(" +0000\ndata ")
                .append(message.length()).append('\n').append(message);
    }

    private static void commit(StringBuilder b, String ref, int mark, int from, int merge, int n) {
        long committed = START_EPOCH_SECOND + n * SECONDS_BETWEEN_COMMITS;
        long authored = committed - 600;
        String message = "change " + n + "\n";
        String content = "line " + n + "\n";
        b.setLength(0);
        b.append("commit ").append(ref).append("\nmark :").append(mark)
                .append("\nauthor Dev <dev@example.com> ").append(authored).append(" +0000")
                .append("\ncommitter Dev <dev@example.com> ").append(committed).append(" +0000")
                .append("\ndata ").append(message.length()).append('\n').append(message);
        if (from != 0) {
            b.append("from :").append(from).append('\n');
        }
        if (merge != 0) {
            b.append("merge :").append(merge).append('\n');
        }
        b.append("M 644 inline f").append(n % 64).append(".txt\ndata ").append(content.length()).append('\n')
                .append(content).append('\n');
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed in " + dir);
        }
    }
}
