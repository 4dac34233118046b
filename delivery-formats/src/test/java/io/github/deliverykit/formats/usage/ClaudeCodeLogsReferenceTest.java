package io.github.deliverykit.formats.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.Issue;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.metrics.cost.UsageRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against an independent reading of the same files: each line parsed whole with Jackson's
 * {@link ObjectMapper} and the documented rules (snapshots merged, repeats counted once, findings by line)
 * applied here. The lines vary what the reader's shortcuts rely on: field orders, missing and extra
 * fields, ids of any length with escapes, timestamps in every form, carriage returns, blocks and files.
 */
final class ClaudeCodeLogsReferenceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    // ---------------------------------------------------------------- the reference reading

    private record Row(String id, Instant at, String model, long in, long out, long cw, long cr, String session,
            String branch, String project) {
        static Row of(ClaudeUsage u) {
            UsageRecord r = u.usage();
            return new Row(r.id(), r.timestamp(), r.model(), r.inputTokens(), r.outputTokens(), r.cacheWriteTokens(),
                    r.cacheReadTokens(), r.sessionId(), u.gitBranch(), u.project());
        }

        long total() {
            return in + out + cw + cr;
        }
    }

    private record Expected(List<Row> rows, List<Issue> issues, long read) {}

    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private static String str(JsonNode o, String f) throws Bad {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Bad();
        }
        return v.textValue();
    }

    private static long tok(JsonNode u, String f) throws Bad {
        JsonNode v = u.get(f);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new Bad();
        }
        return v.longValue();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The expected outcome of reading {@code files} in this order. */
    private static Expected expected(List<Path> files) throws Exception {
        List<Row> rows = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long read = 0;
        for (Path f : files) {
            String source = f.toString();
            String project = f.getParent().getFileName().toString();
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String[] lines = text.split("\n", -1);
            Row pending = null;
            String pendingSource = null;
            int pendingLine = 0;
            for (int i = 0; i < lines.length; i++) {
                int n = i + 1;
                String line = lines[i];
                if (line.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r')) {
                    continue;
                }
                read++;
                JsonNode o;
                String model;
                String type;
                String ts;
                String mid;
                String rid;
                String session;
                String branch;
                long in;
                long out;
                long cw;
                long cr;
                boolean usage;
                try (JsonParser p = MAPPER.getFactory().createParser(line)) {
                    o = MAPPER.readTree(p);
                    if (p.nextToken() != null || o == null || !o.isObject()) {
                        throw new Bad();
                    }
                    type = str(o, "type");
                    ts = str(o, "timestamp");
                    session = str(o, "sessionId");
                    branch = str(o, "gitBranch");
                    rid = str(o, "requestId");
                    JsonNode m = o.get("message");
                    mid = null;
                    model = null;
                    usage = false;
                    in = out = cw = cr = 0;
                    if (m != null && !m.isNull()) {
                        if (!m.isObject()) {
                            throw new Bad();
                        }
                        mid = str(m, "id");
                        model = str(m, "model");
                        JsonNode u = m.get("usage");
                        if (u != null && !u.isNull()) {
                            if (!u.isObject()) {
                                throw new Bad();
                            }
                            usage = true;
                            in = tok(u, "input_tokens");
                            out = tok(u, "output_tokens");
                            cw = tok(u, "cache_creation_input_tokens");
                            cr = tok(u, "cache_read_input_tokens");
                        }
                    }
                } catch (Bad | java.io.IOException e) {
                    issues.add(new Issue(IssueKind.REJECTED, source, "line " + n, "?"));
                    continue;
                }
                if (!usage) {
                    issues.add(new Issue(IssueKind.SKIPPED, source, "line " + n, "type " + type + " has no message.usage"));
                    continue;
                }
                if (blank(model) || model.equals("<synthetic>")) {
                    issues.add(new Issue(IssueKind.SKIPPED, source, "line " + n, "model " + model + " is not a billed model"));
                    continue;
                }
                Instant at;
                try {
                    if (ts == null) {
                        throw new Bad();
                    }
                    at = Instant.parse(ts);
                } catch (Bad | java.time.format.DateTimeParseException e) {
                    issues.add(new Issue(IssueKind.REJECTED, source, "line " + n, "?"));
                    continue;
                }
                boolean identified = !blank(mid) && !blank(rid);
                String id = identified ? mid + ":" + rid : source + ":" + n;
                Row row = new Row(id, at, model, in, out, cw, cr, blank(session) ? null : session,
                        blank(branch) ? null : branch, project);
                if (!identified) {
                    if (pending != null) {
                        flush(pending, pendingSource, pendingLine, seen, rows, issues);
                        pending = null;
                    }
                    issues.add(new Issue(IssueKind.NOTE, source, "line " + n,
                            "no message.id and requestId: counted, cannot be deduplicated"));
                    rows.add(row);
                    continue;
                }
                if (pending != null && pending.id().equals(id)) {
                    if (row.total() >= pending.total()) {
                        issues.add(new Issue(IssueKind.MERGED, pendingSource, "line " + pendingLine,
                                "streaming snapshot of " + id + ", superseded by line " + n));
                        pending = row;
                        pendingLine = n;
                    } else {
                        issues.add(new Issue(IssueKind.MERGED, source, "line " + n,
                                "streaming snapshot of " + id + " with fewer tokens than line " + pendingLine));
                    }
                    continue;
                }
                if (pending != null) {
                    flush(pending, pendingSource, pendingLine, seen, rows, issues);
                }
                pending = row;
                pendingSource = source;
                pendingLine = n;
            }
            if (pending != null) {
                flush(pending, pendingSource, pendingLine, seen, rows, issues);
            }
        }
        return new Expected(rows, issues, read);
    }

    private static void flush(Row p, String source, int line, Set<String> seen, List<Row> rows, List<Issue> issues) {
        if (seen.add(p.id())) {
            rows.add(p);
        } else {
            issues.add(new Issue(IssueKind.MERGED, source, "line " + line,
                    "response " + p.id() + " was already counted from an earlier file or line"));
        }
    }

    /** Reads {@code root} on every path of the reader and checks each against the reference. */
    private static void agrees(Path root) throws Exception {
        List<Path> files;
        if (Files.isRegularFile(root)) {
            files = List.of(root);
        } else {
            try (Stream<Path> w = Files.walk(root)) {
                files = w.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
            }
        }
        Expected want = expected(files);
        // sequential; a task per file; every file cut into blocks parsed on the pool
        for (int[] mode : new int[][] {{1, 8 << 20}, {2, 8 << 20}, {3, 0}}) {
            List<ClaudeUsage> got = new ArrayList<>();
            ReadReport r = ClaudeCodeLogs.stream(root, got::add, mode[0], mode[1]);
            String where = "threads " + mode[0] + ", whole files up to " + mode[1];
            assertEquals(want.rows(), got.stream().map(Row::of).toList(), where);
            assertEquals(want.read(), r.read(), where);
            assertEquals(want.rows().size(), r.accepted(), where);
            List<Issue> issues = r.issues().stream()
                    .map(i -> i.kind() == IssueKind.REJECTED
                            ? new Issue(i.kind(), i.source(), i.position().replaceAll(",.*", ""), "?") : i)
                    .toList();
            assertEquals(want.issues(), issues, where);
        }
    }

    // ---------------------------------------------------------------- generated lines

    private static final String[] DAYS = {"2024-02-29", "2024-12-31", "2025-01-01", "2025-01-02", "2025-03-01",
        "2025-10-15", "2026-06-30", "1999-12-31"};

    private static String timestamp(Random rnd) {
        String day = DAYS[rnd.nextInt(DAYS.length)];
        String time = String.format("%02d:%02d:%02d", rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60));
        return switch (rnd.nextInt(14)) {
            case 0 -> day + "T" + time + "Z";
            case 1 -> day + "T" + time + "." + String.format("%06d", rnd.nextInt(1_000_000)) + "Z";
            case 2 -> day + "T" + time + "+02:00";
            case 3 -> day + "T" + time + ".5Z";
            case 4 -> "2025-01-01T25:00:00Z"; // no such hour
            case 5 -> "2025-01-01T10:60:00Z"; // no such minute
            case 6 -> "2025-01-01T10:00:00.abcZ";
            case 7 -> "20x5-01-01T10:00:00Z";
            case 8 -> "2025-02-30T10:00:00.000Z"; // no such day
            case 9 -> "2025-13-01T10:00:00Z";
            default -> day + "T" + time + "." + String.format("%03d", rnd.nextInt(1000)) + "Z";
        };
    }

    /** The id of response {@code n}: of any length (some longer than 64), some with escaped characters. */
    private static String id(String prefix, String escaped, int n) {
        StringBuilder b = new StringBuilder(n % 6 == 0 ? escaped : prefix).append(n);
        int pad = n % 8 == 0 ? 60 + 3 * n : n % 6;
        for (int i = 0; i < pad; i++) {
            b.append((char) ('a' + (n + i) % 26));
        }
        return b.toString();
    }

    private static String json(String s) throws Exception {
        return MAPPER.writeValueAsString(s);
    }

    /** A JSON object of the fields in a shuffled order (the values already JSON). */
    private static String object(Random rnd, List<String[]> fields, boolean shuffle) {
        List<String[]> f = new ArrayList<>(fields);
        if (shuffle) {
            Collections.shuffle(f, rnd);
        }
        StringBuilder b = new StringBuilder("{");
        for (String[] kv : f) {
            if (b.length() > 1) {
                b.append(rnd.nextInt(5) == 0 ? ", " : ",");
            }
            b.append('"').append(kv[0]).append("\":").append(kv[1]);
        }
        return b.append('}').toString();
    }

    private static String response(Random rnd, int msg, int req, boolean ids, boolean shuffle) throws Exception {
        List<String[]> usage = new ArrayList<>();
        String[] names = {"input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"};
        for (String n : names) {
            int k = rnd.nextInt(10);
            if (k == 0) {
                continue; // missing: 0
            }
            usage.add(new String[] {n, k == 1 ? "null" : Integer.toString(rnd.nextInt(k == 2 ? 3 : 5000))});
        }
        if (rnd.nextBoolean()) {
            usage.add(new String[] {"service_tier", "\"standard\""});
        }
        if (rnd.nextInt(4) == 0) {
            usage.add(new String[] {"server_tool_use", "{\"web_search_requests\":0,\"x\":[1,2]}"});
        }
        List<String[]> message = new ArrayList<>();
        if (ids) {
            message.add(new String[] {"id", json(id("msg_", "msg_\"\\é", msg))});
        }
        String model = switch (rnd.nextInt(12)) {
            case 0 -> "<synthetic>";
            case 1 -> " ";
            default -> rnd.nextBoolean() ? "claude-sonnet-4-20250514" : "claude-opus-4-1-20250805";
        };
        message.add(new String[] {"model", json(model)});
        message.add(new String[] {"usage", object(rnd, usage, shuffle)});
        message.add(new String[] {"role", "\"assistant\""});
        if (rnd.nextBoolean()) {
            message.add(new String[] {"content", "[{\"type\":\"text\",\"text\":\"}{\\n\"}]"});
        }
        List<String[]> top = new ArrayList<>();
        top.add(new String[] {"type", "\"assistant\""});
        top.add(new String[] {"timestamp", json(timestamp(rnd))});
        if (rnd.nextInt(5) != 0) {
            top.add(new String[] {"sessionId", json(rnd.nextBoolean() ? "s-1" : "s-2")});
        }
        if (rnd.nextInt(4) != 0) {
            top.add(new String[] {"gitBranch", json(rnd.nextBoolean() ? "main" : "feature/x")});
        }
        if (ids) {
            top.add(new String[] {"requestId", json(id("req_", "req_\\t", req))});
        }
        top.add(new String[] {"message", object(rnd, message, shuffle)});
        top.add(new String[] {"cwd", "\"/work\""});
        if (rnd.nextInt(3) == 0) {
            top.add(new String[] {"parentUuid", rnd.nextBoolean() ? "null" : "\"p-" + rnd.nextInt(9) + "\""});
        }
        if (rnd.nextInt(40) == 0) { // wider than the remembered shape
            for (int i = 0; i < 70; i++) {
                top.add(new String[] {"extra" + i, Integer.toString(i)});
            }
        }
        return object(rnd, top, shuffle);
    }

    private static String other(Random rnd, boolean shuffle) throws Exception {
        return switch (rnd.nextInt(12)) {
            case 0 -> "{\"type\":\"user\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"hi\"}";
            case 1 -> "[1,2]";
            case 2 -> "{\"type\":\"user\"} {\"type\":\"user\"}";
            case 3 -> "{\"type\":5,\"message\":null}";
            case 4 -> "{\"type\":\"assistant\",\"message\":\"text\"}";
            case 5 -> "{\"type\":\"assistant\",\"timestamp\":7,\"message\":{\"model\":\"m\",\"usage\":{}}}";
            case 6 -> "{\"message\":{\"model\":\"claude\",\"usage\":{\"input_tokens\":-3}},\"timestamp\":\"2025-01-01T00:00:00Z\"}";
            case 7 -> "{\"message\":{\"model\":\"claude\",\"usage\":{\"output_tokens\":\"12\"}},\"timestamp\":\"2025-01-01T00:00:00Z\"}";
            case 8 -> "{\"message\":{\"model\":\"claude\",\"usage\":[]},\"timestamp\":\"2025-01-01T00:00:00Z\"}";
            case 9 -> "{\"requestId\":1,\"message\":{\"id\":\"m\"}}";
            case 10 -> "{\"message\":{\"id\":[],\"model\":\"claude\"}}";
            default -> object(rnd, List.of(new String[] {"type", "\"summary\""}, new String[] {"summary", "\"done\""},
                    new String[] {"leafUuid", "\"u\""}), shuffle);
        };
    }

    /** A session log of {@code lines} lines: responses (often several snapshots each), other lines, blank lines. */
    private static String log(Random rnd, int lines, int ids, boolean shuffle, boolean others) throws Exception {
        StringBuilder b = new StringBuilder();
        int msg = rnd.nextInt(ids);
        for (int i = 0; i < lines; i++) {
            int k = rnd.nextInt(20);
            String line;
            if (k < 3) {
                msg = rnd.nextInt(ids); // the next response, or one seen before
                line = response(rnd, msg, msg, true, shuffle);
            } else if (k < 12) {
                line = response(rnd, msg, msg, true, shuffle); // another snapshot of this one
            } else if (k < 13) {
                line = response(rnd, msg, msg, false, shuffle);
            } else if (k < 14) {
                line = rnd.nextBoolean() ? "" : " \t";
            } else if (others && k < 17) {
                line = other(rnd, shuffle);
            } else {
                line = response(rnd, msg, msg, true, shuffle);
            }
            b.append(line).append(rnd.nextInt(6) == 0 ? "\r\n" : "\n");
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void fieldsInAnyOrder_missingAndExtra_agreeWithObjectMapper(@TempDir Path dir) throws Exception {
        Random rnd = new Random(20261202L);
        Files.createDirectories(dir.resolve("-work-a"));
        Files.createDirectories(dir.resolve("-work-b"));
        Files.writeString(dir.resolve("-work-a/1.jsonl"), log(rnd, 300, 25, true, true));
        Files.writeString(dir.resolve("-work-a/2.jsonl"), log(rnd, 200, 25, true, true));
        Files.writeString(dir.resolve("-work-b/3.jsonl"), log(rnd, 200, 40, false, false));
        agrees(dir);
    }

    @Test
    void stableOrder_thenOtherShapes_agreeWithObjectMapper(@TempDir Path dir) throws Exception {
        Random rnd = new Random(7L);
        Files.createDirectories(dir.resolve("p"));
        // many lines in one order (the predicted path), then more than four orders in turn
        StringBuilder b = new StringBuilder(log(rnd, 80, 10, false, false));
        b.append(log(rnd, 120, 10, true, false));
        b.append(log(rnd, 40, 10, false, true));
        Files.writeString(dir.resolve("p/s.jsonl"), b.toString());
        agrees(dir);
    }

    @Test
    void filesOfManyBlocks_lineNumbersCarryAcrossBlocks(@TempDir Path dir) throws Exception {
        Random rnd = new Random(99L);
        Files.createDirectories(dir.resolve("big"));
        // over a block (256 KB) each: lines numbered across the cuts, on the block and line-by-line paths
        StringBuilder fast = new StringBuilder(log(rnd, 500, 60, false, false));
        fast.append(log(rnd, 500, 60, true, true));
        Files.writeString(dir.resolve("big/a.jsonl"), fast.toString());
        StringBuilder slow = new StringBuilder(" \r" + response(rnd, 1, 1, false, false) + "\n"); // a lone CR
        slow.append(log(rnd, 500, 60, false, false));
        slow.append(log(rnd, 500, 60, true, true));
        Files.writeString(dir.resolve("big/b.jsonl"), slow.toString());
        assertTrue(Files.size(dir.resolve("big/a.jsonl")) > 1 << 18 && Files.size(dir.resolve("big/b.jsonl")) > 1 << 18);
        agrees(dir);
    }

    @Test
    void aLineLongerThanABlock(@TempDir Path dir) throws Exception {
        Random rnd = new Random(5L);
        Files.createDirectories(dir.resolve("p"));
        String longLine = "{\"type\":\"assistant\",\"timestamp\":\"2025-01-01T00:00:01Z\",\"requestId\":\"r\",\"big\":\""
                + "x".repeat(300_000) + "\",\"message\":{\"id\":\"m\",\"model\":\"claude\",\"usage\":{\"output_tokens\":7}}}";
        Files.writeString(dir.resolve("p/s.jsonl"), log(rnd, 50, 5, false, true) + longLine + "\n" + log(rnd, 50, 5, false, true));
        agrees(dir);
    }

    @Test
    void carriageReturns(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("p"));
        String a = "{\"type\":\"assistant\",\"timestamp\":\"2025-01-01T00:00:01Z\",\"message\":{\"model\":\"claude\",\"usage\":{\"output_tokens\":1}}}";
        String b = a.replace("\"output_tokens\":1", "\"output_tokens\":2");
        // CRLF lines; a lone CR before a value; two values split by a lone CR; a lone CR at the very end
        Files.writeString(dir.resolve("p/1.jsonl"), a + "\r\n" + b + "\r\n");
        Files.writeString(dir.resolve("p/2.jsonl"), a + "\n\r" + b + "\n" + a + "\n");
        Files.writeString(dir.resolve("p/3.jsonl"), a + "\r" + b + "\n" + b + "\n");
        Files.writeString(dir.resolve("p/4.jsonl"), a + "\n" + b + "\r");
        Files.writeString(dir.resolve("p/5.jsonl"), "\uFEFF" + a + "\n" + b + "\n");
        agrees(dir);
        List<ClaudeUsage> got = new ArrayList<>();
        ReadReport r = ClaudeCodeLogs.stream(dir.resolve("p/2.jsonl"), got::add, 1);
        assertEquals(List.of(dir.resolve("p/2.jsonl") + ":1", dir.resolve("p/2.jsonl") + ":2", dir.resolve("p/2.jsonl") + ":3"),
                got.stream().map(u -> u.usage().id()).toList(), r.issues().toString());
    }

    @Test
    void anObjectOverTwoLines_isTwoRejectedLines(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("p"));
        Files.writeString(dir.resolve("p/s.jsonl"), "{\"type\":\"user\",\n\"message\":null}\n{\"type\":\"user\"}\n");
        ReadReport r = ClaudeCodeLogs.stream(dir, u -> { }, 1);
        assertEquals(3, r.read());
        assertEquals(2, r.rejected());
        assertEquals(1, r.skipped());
        assertEquals(List.of("line 1", "line 2", "line 3"), r.issues().stream().map(i -> i.position().replaceAll(",.*", "")).toList());
        agrees(dir);
    }

    @Test
    void aResponseEndingOneFileAndStartingTheNext_countsOnceFromTheFirst(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("p"));
        String line = "{\"type\":\"assistant\",\"timestamp\":\"2025-01-01T00:00:01Z\",\"requestId\":\"r1\","
                + "\"message\":{\"id\":\"m1\",\"model\":\"claude\",\"usage\":{\"output_tokens\":%d}}}\n";
        Files.writeString(dir.resolve("p/1.jsonl"), String.format(line, 5));
        Files.writeString(dir.resolve("p/2.jsonl"), String.format(line, 9) + String.format(line, 9));
        for (int threads : new int[] {1, 2}) {
            List<ClaudeUsage> got = new ArrayList<>();
            ReadReport r = ClaudeCodeLogs.stream(dir, got::add, threads);
            assertEquals(1, got.size());
            assertEquals(5, got.get(0).usage().outputTokens(), "the first time counts, not a later larger copy");
            assertEquals(2, r.merged());
            assertEquals(List.of(dir.resolve("p/2.jsonl") + " line 1", dir.resolve("p/2.jsonl") + " line 2"),
                    r.issues().stream().map(i -> i.source() + " " + i.position()).toList());
        }
        agrees(dir);
    }

    @Test
    void equalSnapshots_keepTheLaterLine_andAnUnidentifiedLineComesAfterThePendingOne(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("p"));
        String line = "{\"timestamp\":\"2025-01-01T00:00:0%dZ\",\"requestId\":\"r1\",\"message\":{\"id\":\"m1\",\"model\":\"claude\","
                + "\"usage\":{\"input_tokens\":%d,\"output_tokens\":%d}}}\n";
        String anon = "{\"timestamp\":\"2025-01-01T00:00:09Z\",\"message\":{\"model\":\"claude\",\"usage\":{\"output_tokens\":1}}}\n";
        Files.writeString(dir.resolve("p/s.jsonl"), String.format(line, 1, 3, 7) + String.format(line, 2, 6, 4)
                + String.format(line, 3, 1, 1) + anon);
        List<ClaudeUsage> got = new ArrayList<>();
        ReadReport r = ClaudeCodeLogs.stream(dir, got::add, 1);
        assertEquals(List.of("m1:r1", dir.resolve("p/s.jsonl") + ":4"), got.stream().map(u -> u.usage().id()).toList());
        assertEquals(Instant.parse("2025-01-01T00:00:02Z"), got.get(0).usage().timestamp());
        assertEquals(List.of("line 1: streaming snapshot of m1:r1, superseded by line 2",
                "line 3: streaming snapshot of m1:r1 with fewer tokens than line 2",
                "line 4: no message.id and requestId: counted, cannot be deduplicated"),
                r.issues().stream().map(i -> i.position() + ": " + i.reason()).toList());
        agrees(dir);
    }

    @Test
    void aLineWithOnlyOneOfTheIds_isCountedUnmatched_notWithTheIdOfTheLineBefore(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("p"));
        String u = "\"usage\":{\"output_tokens\":3}";
        String both = "{\"timestamp\":\"2025-01-01T00:00:01Z\",\"requestId\":\"r1\",\"message\":{\"id\":\"m1\",\"model\":\"claude\"," + u + "}}\n";
        String onlyMessage = "{\"timestamp\":\"2025-01-01T00:00:02Z\",\"message\":{\"id\":\"m2\",\"model\":\"claude\"," + u + "}}\n";
        String onlyRequest = "{\"timestamp\":\"2025-01-01T00:00:03Z\",\"requestId\":\"r3\",\"message\":{\"model\":\"claude\"," + u + "}}\n";
        Path f = dir.resolve("p/s.jsonl");
        Files.writeString(f, both + onlyMessage + both.replace("m1", "m4").replace("r1", "r4") + onlyRequest);
        List<ClaudeUsage> got = new ArrayList<>();
        ReadReport r = ClaudeCodeLogs.stream(dir, got::add, 1);
        assertEquals(List.of("m1:r1", f + ":2", "m4:r4", f + ":4"), got.stream().map(x -> x.usage().id()).toList());
        assertEquals(2, r.noted());
        agrees(dir);
    }

    @Test
    void instants_agreeWithInstantParse_overDaysMonthsAndYears() {
        String[] good = {"2025-01-01T00:00:00Z", "2025-01-01T23:59:59.999Z", "2025-01-02T00:00:00Z", "2025-02-01T00:00:00Z",
            "2026-02-01T00:00:00Z", "2024-02-29T12:30:45.123Z", "2024-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.001Z", "2025-09-09T09:09:09.090Z", "2025-01-01T10:00:00+02:00", "2025-01-01T10:00:00.123456Z",
            "2025-01-01T24:00:00Z"}; // the end of the day: left to Instant.parse, which takes it
        for (String t : good) {
            assertEquals(Instant.parse(t), ClaudeCodeLogs.instant(t), t);
        }
        String[] bad = {"2025-01-01T99:00:00Z", "2025-01-01T10:60:00Z", "2025-01-01T10:00:61Z",
            "2025-01-01T10:00:99Z", "2025-01-01T10:00:00.-01Z", "2025-01-01T10:00:00.abcZ", "20x5-01-01T10:00:00Z",
            "2025-00-01T10:00:00Z", "2025-13-01T10:00:00Z", "2025-01-00T10:00:00Z", "2025-01-32T10:00:00Z", "2025-02-30T10:00:00Z"};
        for (String t : bad) {
            assertThrows(java.time.DateTimeException.class, () -> ClaudeCodeLogs.instant(t), t);
        }
    }

    /** FNV-1a over {@code a:b} then the murmur3 64-bit finaliser, written out here as its definition. */
    private static long referenceHash(String a, String b) {
        long h = 0xcbf29ce484222325L;
        for (char c : (a + ":" + b).toCharArray()) {
            h ^= c;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Test
    void responseHash_isFnv1aWithMurmurFinaliser_andSeparatesTheIds() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String m = "msg_" + Integer.toString(i * 7919, 36);
            String r = "req_" + i;
            long h = ClaudeCodeLogs.hash(m, r);
            assertEquals(referenceHash(m, r), h, m);
            hashes.add(h);
        }
        assertEquals(2_000, hashes.size());
        assertEquals(referenceHash("", ""), ClaudeCodeLogs.hash("", ""));
        assertNotEquals(ClaudeCodeLogs.hash("ab", "c"), ClaudeCodeLogs.hash("a", "bc"));
        assertNotEquals(0L, ClaudeCodeLogs.hash("m", "r"));
    }

    @Test
    void threadsProperty() {
        String old = System.getProperty(ClaudeCodeLogs.THREADS_PROPERTY);
        try {
            System.setProperty(ClaudeCodeLogs.THREADS_PROPERTY, " 3 ");
            assertEquals(3, ClaudeCodeLogs.defaultThreads());
            System.setProperty(ClaudeCodeLogs.THREADS_PROPERTY, "");
            assertEquals(Runtime.getRuntime().availableProcessors(), ClaudeCodeLogs.defaultThreads());
            System.setProperty(ClaudeCodeLogs.THREADS_PROPERTY, "many");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ClaudeCodeLogs::defaultThreads);
            assertEquals(ClaudeCodeLogs.THREADS_PROPERTY + " must be a whole number of threads, but was 'many'", e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(ClaudeCodeLogs.THREADS_PROPERTY);
            } else {
                System.setProperty(ClaudeCodeLogs.THREADS_PROPERTY, old);
            }
        }
    }
}
