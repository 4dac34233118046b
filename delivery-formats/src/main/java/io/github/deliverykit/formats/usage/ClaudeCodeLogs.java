package io.github.deliverykit.formats.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.Json;
import io.github.deliverykit.formats.internal.UsageShapes.ClaudeLine;
import io.github.deliverykit.formats.internal.UsageShapes.ClaudeMessage;
import io.github.deliverykit.formats.internal.UsageShapes.ClaudeTokens;
import io.github.deliverykit.metrics.cost.CostLedger.RecordIdSet;
import io.github.deliverykit.metrics.cost.UsageRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Streams Claude Code session logs: every {@code *.jsonl} file under a directory (such as
 * {@code ~/.claude/projects}), in path order, one JSON object per line. Lines whose
 * {@code message.usage} is present become {@link ClaudeUsage}s; other lines (user turns, summaries)
 * are skipped and reported, malformed ones rejected and reported with file and line.
 *
 * <p>Counting once. A response is identified by {@code message.id} and {@code requestId}. Claude Code
 * writes one line per content block of a streamed response; consecutive lines of one response in a
 * file are merged into one, keeping the most complete snapshot (the most tokens, then the later line).
 * A response seen again later (a resumed session copies its history into a new file) counts once, the
 * first time, as ccusage does. Lines without both ids cannot be matched: they are counted, and noted.
 * Memory: one pending response plus 8 bytes per distinct response id (64-bit hashes; two ids collide
 * with probability about n<sup>2</sup>/2<sup>65</sup>), not the log size. Not thread safe while running;
 * the class itself is stateless.
 */
public final class ClaudeCodeLogs {

    private static final ObjectReader LINE = Json.JSON.readerFor(ClaudeLine.class);
    private static final String SYNTHETIC = "<synthetic>";

    private ClaudeCodeLogs() {}

    /**
     * Streams every {@code *.jsonl} file under a directory (or one file).
     *
     * @param root the directory, or a single log file
     * @param sink receives each response once, in file order
     * @return what was read, merged, skipped and rejected
     * @throws UncheckedIOException if the tree cannot be listed or a file cannot be read
     */
    public static ReadReport stream(Path root, Consumer<ClaudeUsage> sink) {
        Checks.notNull(root, "root");
        Checks.notNull(sink, "sink");
        List<Path> files;
        if (Files.isRegularFile(root)) {
            files = List.of(root);
        } else {
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        Pass pass = new Pass(sink);
        for (Path f : files) {
            pass.file(f);
        }
        return pass.report.build();
    }

    /** One run over the tree: the set of responses already counted and the report. */
    private static final class Pass {
        final ReadReport.Builder report = new ReadReport.Builder();
        final RecordIdSet seen = new RecordIdSet(1 << 16);
        final Consumer<ClaudeUsage> sink;
        private @Nullable ClaudeUsage pending;
        private long pendingKey;
        private String pendingSource = "";
        private int pendingLine;

        Pass(Consumer<ClaudeUsage> sink) {
            this.sink = sink;
        }

        void file(Path f) {
            String source = f.toString();
            Path parent = f.getParent();
            String project = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (!line.isBlank()) {
                        line(source, project, n, line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            flush();
        }

        private void line(String source, String project, int n, String text) {
            report.read();
            ClaudeLine l;
            try {
                l = LINE.readValue(text);
            } catch (JsonProcessingException e) {
                FormatException fe = Json.error(source, e);
                report.issue(IssueKind.REJECTED, source, "line " + n + ", " + fe.position(), fe.problem());
                return;
            }
            ClaudeMessage m = l.message();
            ClaudeTokens u = m == null ? null : m.usage();
            if (u == null) {
                report.issue(IssueKind.SKIPPED, source, "line " + n, "type " + l.type() + " has no message.usage");
                return;
            }
            String model = m.model();
            if (model == null || model.isBlank() || SYNTHETIC.equals(model)) {
                report.issue(IssueKind.SKIPPED, source, "line " + n, "model " + model + " is not a billed model");
                return;
            }
            if (l.timestamp() == null) {
                report.issue(IssueKind.REJECTED, source, "line " + n, "timestamp is required");
                return;
            }
            String messageId = m.id();
            String requestId = l.requestId();
            boolean identified = messageId != null && !messageId.isBlank() && requestId != null && !requestId.isBlank();
            String id = identified ? messageId + ":" + requestId : source + ":" + n;
            UsageRecord record;
            try {
                record = UsageRecord.builder(id, l.timestamp(), model)
                        .tokens(count(u.input()), count(u.output()), count(u.cacheWrite()), count(u.cacheRead()))
                        .session(blankToNull(l.sessionId()))
                        .build();
            } catch (IllegalArgumentException e) {
                report.issue(IssueKind.REJECTED, source, "line " + n, e.getMessage());
                return;
            }
            ClaudeUsage usage = new ClaudeUsage(record, blankToNull(l.gitBranch()), project);
            if (!identified) {
                flush();
                report.issue(IssueKind.NOTE, source, "line " + n, "no message.id and requestId: counted, cannot be deduplicated");
                report.accepted();
                sink.accept(usage);
                return;
            }
            long key = hash(messageId, requestId);
            if (pending != null && key == pendingKey) {
                if (record.totalTokens() >= pending.usage().totalTokens()) {
                    report.issue(IssueKind.MERGED, pendingSource, "line " + pendingLine,
                            "streaming snapshot of " + id + ", superseded by line " + n);
                    pending = usage;
                    pendingLine = n;
                } else {
                    report.issue(IssueKind.MERGED, source, "line " + n, "streaming snapshot of " + id
                            + " with fewer tokens than line " + pendingLine);
                }
                return;
            }
            flush();
            pending = usage;
            pendingKey = key;
            pendingSource = source;
            pendingLine = n;
        }

        private void flush() {
            ClaudeUsage p = pending;
            if (p == null) {
                return;
            }
            pending = null;
            if (seen.add(pendingKey)) {
                report.accepted();
                sink.accept(p);
            } else {
                report.issue(IssueKind.MERGED, pendingSource, "line " + pendingLine,
                        "response " + p.usage().id() + " was already counted from an earlier file or line");
            }
        }

        private static long count(@Nullable Long v) {
            return v == null ? 0 : v;
        }

        private static @Nullable String blankToNull(@Nullable String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /** A 64-bit hash of {@code a:b} (FNV-1a then a murmur finaliser), without building the string. */
    static long hash(String a, String b) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < a.length(); i++) {
            h = (h ^ a.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ ':') * 0x100000001b3L;
        for (int i = 0; i < b.length(); i++) {
            h = (h ^ b.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
