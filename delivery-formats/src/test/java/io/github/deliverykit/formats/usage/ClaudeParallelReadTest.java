package io.github.deliverykit.formats.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files parsed in parallel, whole or block by block, give exactly the sequential result. */
class ClaudeParallelReadTest {

    @TempDir
    static Path dir;

    static Path tree;

    /**
     * A generated tree: 3 projects, 24 session files (a few over one 256 KB block), user turns, streaming
     * snapshots (the complete one first or last), lines without ids, broken lines, and responses repeated
     * in later files (a resumed session), one of them split across the end of one file and the start of the next.
     */
    @BeforeAll
    static void generate() throws IOException {
        tree = dir.resolve("projects");
        Random rnd = new Random(14);
        List<String> previous = List.of();
        for (int f = 0; f < 24; f++) {
            Path project = Files.createDirectories(tree.resolve("-work-p" + (f % 3)));
            List<String> lines = new ArrayList<>();
            if (!previous.isEmpty() && f % 4 == 1) {
                lines.addAll(previous.subList(previous.size() - Math.min(15, previous.size()), previous.size()));
            }
            int responses = f % 8 == 5 ? 1_400 : 60 + rnd.nextInt(60);
            String session = "s" + f;
            for (int i = 0; i < responses; i++) {
                String ts = String.format("2025-06-%02dT%02d:%02d:%02d.000Z", 1 + f % 28, i / 60 % 24, i % 60, i % 60);
                lines.add("{\"type\":\"user\",\"sessionId\":\"" + session + "\",\"message\":{\"role\":\"user\",\"content\":\""
                        + "x".repeat(rnd.nextInt(120)) + "\"},\"timestamp\":\"" + ts + "\"}");
                String id = "msg_" + f + "_" + i;
                String req = "req_" + f + "_" + i;
                int kind = rnd.nextInt(20);
                long in = 1 + rnd.nextInt(5_000);
                long out = rnd.nextInt(3_000);
                if (kind == 0) {
                    lines.add(usage(session, ts, null, null, in, out)); // no ids: counted, noted
                } else if (kind == 1) {
                    lines.add("{\"type\":\"assistant\",\"broken"); // rejected
                } else if (kind <= 4) {
                    boolean completeFirst = kind == 2;
                    lines.add(usage(session, ts, id, req, in, completeFirst ? out + 7 : 1)); // snapshots of one response
                    lines.add(usage(session, ts, id, req, in, completeFirst ? 1 : out + 7));
                } else {
                    lines.add(usage(session, ts, id, req, in, out));
                }
            }
            if (f == 2) {
                lines.add(0, usage(session, "2025-06-03T00:00:00.000Z", "msg_syn", "req_syn", 0, 0).replace("claude-sonnet-4-20250514", "<synthetic>"));
            }
            if (f == 10) {
                lines.add(usage(session, "2025-06-11T23:59:59.000Z", "msg_split", "req_split", 5, 5));
            } else if (f == 11) {
                lines.add(0, usage(session, "2025-06-12T00:00:00.000Z", "msg_split", "req_split", 9, 9));
            }
            Files.write(project.resolve(String.format("%08d.jsonl", f)), lines);
            previous = lines;
        }
    }

    private static String usage(String session, String ts, String id, String req, long in, long out) {
        return "{\"type\":\"assistant\",\"sessionId\":\"" + session + "\",\"gitBranch\":\"b" + session.length() + "\","
                + (req == null ? "" : "\"requestId\":\"" + req + "\",") + "\"message\":{" + (id == null ? "" : "\"id\":\"" + id + "\",")
                + "\"model\":\"claude-sonnet-4-20250514\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"usage\":{\"input_tokens\":"
                + in + ",\"output_tokens\":" + out + ",\"cache_creation_input_tokens\":3,\"cache_read_input_tokens\":4}},"
                + "\"timestamp\":\"" + ts + "\"}";
    }

    private record Run(List<ClaudeUsage> usages, ReadReport report) {}

    private static Run run(int threads, long wholeFileBytes) {
        List<ClaudeUsage> out = new ArrayList<>();
        ReadReport r = ClaudeCodeLogs.stream(tree, out::add, threads, wholeFileBytes);
        return new Run(out, r);
    }

    @Test
    void parallel_wholeFilesAndBlocks_giveTheSequentialResult() {
        Run sequential = run(1, ClaudeCodeLogs.WHOLE_FILE_BYTES);
        assertTrue(sequential.report().merged() > 100, "snapshots and repeats are merged: " + sequential.report().summary());
        assertTrue(sequential.report().rejected() > 10 && sequential.report().noted() > 10, sequential.report().summary());
        assertTrue(sequential.report().issues().stream().anyMatch(i -> i.kind() == IssueKind.MERGED
                && i.reason().contains("msg_split:req_split") && i.reason().contains("already counted")), "the repeat across two files");
        for (int threads : new int[] {2, 3, 5}) {
            for (long whole : new long[] {ClaudeCodeLogs.WHOLE_FILE_BYTES, 30_000, 0}) {
                Run parallel = run(threads, whole);
                assertEquals(sequential.report(), parallel.report(), threads + " threads, whole files up to " + whole + " bytes");
                assertEquals(sequential.usages(), parallel.usages(), threads + " threads, whole files up to " + whole + " bytes");
            }
        }
    }

    @Test
    void parallel_repeatAcrossFiles_countsTheFirst() {
        Run r = run(2, ClaudeCodeLogs.WHOLE_FILE_BYTES);
        List<ClaudeUsage> split = r.usages().stream().filter(u -> u.usage().id().equals("msg_split:req_split")).toList();
        assertEquals(1, split.size());
        assertEquals(5 + 5 + 3 + 4, split.get(0).usage().totalTokens()); // the first, not the larger later one
        assertEquals(r.usages().size(), r.usages().stream().map(u -> u.usage().id()).distinct().count(), "each response once");
    }

    @Test
    void issues_textsAndPositions() {
        ReadReport r = run(2, ClaudeCodeLogs.WHOLE_FILE_BYTES).report();
        ReadReport.Issue skipped = r.issues().stream().filter(i -> i.kind() == IssueKind.SKIPPED).findFirst().orElseThrow();
        assertEquals(new ReadReport.Issue(IssueKind.SKIPPED, tree.resolve("-work-p0/00000000.jsonl").toString(), "line 1",
                "type user has no message.usage"), skipped);
        assertTrue(r.issues().contains(new ReadReport.Issue(IssueKind.SKIPPED, tree.resolve("-work-p2/00000002.jsonl").toString(),
                "line 1", "model <synthetic> is not a billed model")), "the synthetic model line");
        ReadReport.Issue noted = r.issues().stream().filter(i -> i.kind() == IssueKind.NOTE).findFirst().orElseThrow();
        assertTrue(noted.position().matches("line [0-9]+"), noted.position());
        assertEquals("no message.id and requestId: counted, cannot be deduplicated", noted.reason());
    }

    @Test
    void manySkippedLines_countedExactly_listedUpToTheBound(@TempDir Path other) throws IOException {
        int n = ReadReport.Builder.DEFAULT_MAX_LISTED + 5;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add("{\"type\":\"user\",\"message\":{\"content\":\"x\"}}");
            lines.add(usage("s", "2025-06-01T00:00:00Z", null, null, 1, 1)); // noted, no ids
        }
        Path f = Files.write(other.resolve("many.jsonl"), lines);
        for (int threads : new int[] {1, 2}) {
            List<ClaudeUsage> out = new ArrayList<>();
            ReadReport r = ClaudeCodeLogs.stream(f, out::add, threads);
            assertEquals(n, r.skipped());
            assertEquals(n, r.noted());
            assertEquals(n, out.size());
            assertEquals(ReadReport.Builder.DEFAULT_MAX_LISTED, r.issues().stream().filter(i -> i.kind() == IssueKind.SKIPPED).count());
            assertEquals(ReadReport.Builder.DEFAULT_MAX_LISTED, r.issues().stream().filter(i -> i.kind() == IssueKind.NOTE).count());
            assertEquals("line " + (2 * ReadReport.Builder.DEFAULT_MAX_LISTED - 1), r.issues().stream()
                    .filter(i -> i.kind() == IssueKind.SKIPPED).reduce((a, b) -> b).orElseThrow().position());
        }
    }

    @Test
    void threadsProperty_setsTheDefault() {
        String old = System.getProperty(ClaudeCodeLogs.THREADS_PROPERTY);
        try {
            System.clearProperty(ClaudeCodeLogs.THREADS_PROPERTY);
            assertEquals(Runtime.getRuntime().availableProcessors(), ClaudeCodeLogs.defaultThreads());
            System.setProperty(ClaudeCodeLogs.THREADS_PROPERTY, " ");
            assertEquals(Runtime.getRuntime().availableProcessors(), ClaudeCodeLogs.defaultThreads());
            System.setProperty(ClaudeCodeLogs.THREADS_PROPERTY, " 3 ");
            assertEquals(3, ClaudeCodeLogs.defaultThreads());
            System.setProperty(ClaudeCodeLogs.THREADS_PROPERTY, "1");
            List<ClaudeUsage> out = new ArrayList<>();
            assertEquals(run(1, 0).report(), ClaudeCodeLogs.stream(tree, out::add));
            System.setProperty(ClaudeCodeLogs.THREADS_PROPERTY, "two");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ClaudeCodeLogs::defaultThreads);
            assertTrue(e.getMessage().contains(ClaudeCodeLogs.THREADS_PROPERTY) && e.getMessage().contains("'two'"), e.getMessage());
            System.setProperty(ClaudeCodeLogs.THREADS_PROPERTY, "0");
            assertThrows(IllegalArgumentException.class, () -> ClaudeCodeLogs.stream(tree, u -> { }));
        } finally {
            if (old == null) {
                System.clearProperty(ClaudeCodeLogs.THREADS_PROPERTY);
            } else {
                System.setProperty(ClaudeCodeLogs.THREADS_PROPERTY, old);
            }
        }
    }

    /**
     * The files are listed in the order of Files.walk(root).sorted(), also where a directory's name is the start
     * of a sibling's (a directory sorts as its name followed by '/'), at any depth; other files, directories
     * without logs and a link to a directory are left out, a link to a log file is read.
     */
    @Test
    void logFiles_inTheOrderOfTheSortedWalk(@TempDir Path tree) throws IOException {
        String[] files = {"a/x.jsonl", "a-b/x.jsonl", "a-b.jsonl", "a.jsonl", "a0/x.jsonl", "a/b/c/d.jsonl", "a/b.jsonl",
            "a/b-c.jsonl", "a/b0/x.jsonl", "ab/x.jsonl", "a b/x.jsonl", "a!/x.jsonl", "a.b/x.jsonl", "z.jsonl",
            "A/x.jsonl", "é/x.jsonl", "e/x.jsonl", "a/notes.txt", "empty/x.txt", "a/b/.jsonl", "a/b/x.jsonl.bak"};
        for (String f : files) {
            Path p = tree.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "{}\n");
        }
        Files.createDirectories(tree.resolve("a/b/deeper/still"));
        Files.createSymbolicLink(tree.resolve("linked.jsonl"), tree.resolve("z.jsonl"));
        Files.createSymbolicLink(tree.resolve("a-link"), tree.resolve("a"));
        List<Path> expected;
        try (java.util.stream.Stream<Path> walk = Files.walk(tree)) {
            expected = walk.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        List<Path> listed = new ArrayList<>();
        ClaudeCodeLogs.logFiles(tree, listed::add);
        assertEquals(expected, listed);
        assertTrue(listed.contains(tree.resolve("linked.jsonl")) && !listed.contains(tree.resolve("a-link/x.jsonl")), listed.toString());
        assertEquals(19, listed.size(), listed.toString()); // a/b/.jsonl is a log file too
    }

    @Test
    void logFiles_underALinkedRoot_areListed(@TempDir Path tree) throws IOException {
        Path real = tree.resolve("real/projects/p");
        Files.createDirectories(real);
        Files.writeString(real.resolve("s.jsonl"), "{}\n");
        Path link = Files.createSymbolicLink(tree.resolve("linked"), tree.resolve("real/projects"));
        List<Path> listed = new ArrayList<>();
        ClaudeCodeLogs.logFiles(link, listed::add);
        assertEquals(List.of(link.resolve("p/s.jsonl")), listed);
    }

    @Test
    void logFiles_ofAMissingDirectory_namesIt(@TempDir Path tree) {
        Path missing = tree.resolve("nowhere");
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> ClaudeCodeLogs.logFiles(missing, p -> { }));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
