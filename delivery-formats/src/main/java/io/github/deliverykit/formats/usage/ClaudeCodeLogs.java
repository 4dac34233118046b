package io.github.deliverykit.formats.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.Json;
import io.github.deliverykit.metrics.cost.CostLedger.RecordIdSet;
import io.github.deliverykit.metrics.cost.UsageRecord;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Streams Claude Code session logs (only {@code type}, {@code timestamp}, {@code sessionId},
 * {@code gitBranch}, {@code requestId} and {@code message.id}, {@code .model}, {@code .usage} are read;
 * the rest of a line is checked and skipped): each line by a validating byte scanner
 * ({@link ClaudeLineScanner}), and a line it cannot prove well formed and of the usual shape by
 * Jackson's streaming parser, which reads it alike or names the problem; every {@code *.jsonl} file under a directory (such as
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
 * with probability about n<sup>2</sup>/2<sup>65</sup>) and a bounded window of parsed blocks, not the
 * log size. Lines are parsed in parallel and merged in order, so the result is the same for any
 * thread count. Stateless and thread safe.
 */
public final class ClaudeCodeLogs {

    private static final String SYNTHETIC = "<synthetic>";

    private ClaudeCodeLogs() {}

    /**
     * Streams every {@code *.jsonl} file under a directory (or one file), parsing on as many threads
     * as there are processors, or as the system property {@value #THREADS_PROPERTY} says (1: sequential).
     *
     * @param root the directory, or a single log file
     * @param sink receives each response once, in file order, on the calling thread
     * @return what was read, merged, skipped and rejected
     * @throws UncheckedIOException if the tree cannot be listed or a file cannot be read
     * @throws IllegalArgumentException if the system property is not a thread count from 1 to 256
     */
    public static ReadReport stream(Path root, Consumer<ClaudeUsage> sink) {
        return stream(root, sink, defaultThreads());
    }

    /**
     * Streams every {@code *.jsonl} file under a directory (or one file). Files up to 8 MB (one per
     * session) are each read, cut into blocks and parsed by one task on {@code threads} threads; a larger
     * file is cut on the calling thread and its blocks parsed on the pool (1: all on the calling thread).
     * The parsed files and blocks are merged in file and line order on the calling thread (snapshots,
     * repeats across files, the report), so the result does not depend on the thread count. Memory: a
     * bounded window of files and blocks.
     *
     * @param root the directory, or a single log file
     * @param sink receives each response once, in file order, on the calling thread
     * @param threads the parser threads, 1 to 256
     * @return what was read, merged, skipped and rejected
     * @throws UncheckedIOException if the tree cannot be listed or a file cannot be read
     */
    public static ReadReport stream(Path root, Consumer<ClaudeUsage> sink, int threads) {
        return stream(root, sink, threads, WHOLE_FILE_BYTES);
    }

    /** {@link #stream(Path, Consumer, int)} with files up to {@code wholeFileBytes} parsed whole by one task. */
    static ReadReport stream(Path root, Consumer<ClaudeUsage> sink, int threads, long wholeFileBytes) {
        Checks.notNull(root, "root");
        Checks.notNull(sink, "sink");
        Checks.inRange(threads, 1, 256, "threads");
        Merge merge = new Merge(sink);
        Queue<byte[]> buffers = new ConcurrentLinkedQueue<>();
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "claude-logs-parser");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<List<Parsed[]>>> window = new ArrayDeque<>();
        int max = threads * 3;
        Consumer<Path> each = f -> {
            if (pool == null) {
                int[] next = {1};
                Blocks.split(f, buffers, false, block -> merge.all(block.parse(next)));
            } else if (size(f) <= wholeFileBytes) {
                // a session file at a time: read, cut, count and parse off this thread, merged here in order
                window.add(pool.submit(() -> parseFile(f, buffers)));
            } else {
                // a file too large to hold parsed: its blocks go to the pool one by one
                Blocks.split(f, buffers, true, block -> {
                    window.add(pool.submit(() -> java.util.Collections.singletonList(block.parse())));
                    drain(window, max, merge);
                });
            }
            drain(window, max, merge);
        };
        try {
            if (Files.isRegularFile(root)) {
                each.accept(root);
            } else {
                // the first files are parsed while the rest of the tree is listed
                logFiles(root, each);
            }
            drain(window, 0, merge);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        merge.flush();
        return merge.report.build();
    }

    /**
     * Hands every {@code *.jsonl} regular file under {@code root} to {@code out} in path order (the order of
     * {@code Files.walk(root).sorted()}), each directory's files as soon as it is listed. {@code root} itself
     * may be a link to a directory (such as a linked {@code ~/.claude/projects}, which {@code Files.walk} does
     * not enter); below it, links are not followed into directories ({@code Files.walk}'s default), and a
     * link to a regular file is a file. Siblings
     * are sorted as their full paths sort: by name, except that a directory's descendants, whose paths go on
     * with a separator after its name, sort after a sibling whose name goes on from that name with a character
     * below {@code '/'} (directory {@code a} after file {@code a-b}, and before {@code a0}).
     */
    static void logFiles(Path root, Consumer<Path> out) {
        record Entry(Path path, String name, boolean directory) {}
        java.util.Comparator<Entry> order = (x, y) -> {
            if (x.directory() && y.name().length() > x.name().length() && y.name().startsWith(x.name())) {
                return y.name().charAt(x.name().length()) < '/' ? 1 : -1;
            }
            if (y.directory() && x.name().length() > y.name().length() && x.name().startsWith(y.name())) {
                return x.name().charAt(y.name().length()) < '/' ? -1 : 1;
            }
            return x.path().compareTo(y.path());
        };
        // an explicit stack of the directories being listed, each with its sorted entries still to visit
        ArrayDeque<java.util.Iterator<Entry>> open = new ArrayDeque<>();
        open.push(List.of(new Entry(root, "", true)).iterator());
        while (!open.isEmpty()) {
            java.util.Iterator<Entry> level = open.peek();
            if (!level.hasNext()) {
                open.pop();
                continue;
            }
            Entry e = level.next();
            if (!e.directory()) {
                out.accept(e.path());
                continue;
            }
            List<Entry> entries = new ArrayList<>();
            try (java.nio.file.DirectoryStream<Path> dir = Files.newDirectoryStream(e.path())) {
                for (Path p : dir) {
                    Path name = p.getFileName();
                    String n = name == null ? "" : name.toString();
                    java.nio.file.attribute.BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                                java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        continue; // removed since it was listed
                    }
                    if (a.isDirectory()) {
                        entries.add(new Entry(p, n, true));
                    } else if (n.endsWith(".jsonl") && (a.isRegularFile() || Files.isRegularFile(p))) {
                        entries.add(new Entry(p, n, false));
                    }
                }
            } catch (IOException | java.nio.file.DirectoryIteratorException x) {
                throw new UncheckedIOException("cannot list " + e.path(),
                        x instanceof IOException io ? io : ((java.nio.file.DirectoryIteratorException) x).getCause());
            }
            entries.sort(order);
            open.push(entries.iterator());
        }
    }

    /** The largest file read and parsed whole by one task (its lines held parsed until merged). */
    static final long WHOLE_FILE_BYTES = 8L << 20;

    /**
     * The thread count of {@link #stream(Path, Consumer)}: the system property {@value #THREADS_PROPERTY}
     * when set (1 reads sequentially), else the processors.
     */
    static int defaultThreads() {
        String v = System.getProperty(THREADS_PROPERTY);
        if (v == null || v.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(THREADS_PROPERTY + " must be a whole number of threads, but was '" + v + "'", e);
        }
    }

    /** The system property that sets the parser threads of {@link #stream(Path, Consumer)}. */
    public static final String THREADS_PROPERTY = "deliverykit.claudeLogs.threads";

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static List<Parsed[]> parseFile(Path f, Queue<byte[]> buffers) {
        List<Parsed[]> out = new ArrayList<>();
        int[] next = {1};
        Blocks.split(f, buffers, false, block -> out.add(block.parse(next)));
        return out;
    }

    private static void drain(ArrayDeque<Future<List<Parsed[]>>> window, int max, Merge merge) {
        while (window.size() > max) {
            for (Parsed[] parsed : take(window.poll())) {
                merge.all(parsed);
            }
        }
    }

    private static List<Parsed[]> take(Future<List<Parsed[]>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Claude Code logs", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("parsing Claude Code logs failed", c);
        }
    }

    /**
     * What one line became, before snapshots and repeats are resolved. A skipped line keeps only the
     * value that skipped it ({@code reason}, with {@code skip} 1: the type without usage, 2: the model
     * not billed) and its position null: the texts are built in the merge while issues are still listed.
     */
    record Parsed(String source, int line, @Nullable ClaudeUsage usage, long key, boolean identified,
            @Nullable IssueKind issue, @Nullable String position, @Nullable String reason, int skip, boolean endOfFile) {

        static Parsed issue(String source, int line, IssueKind kind, String position, String reason) {
            return new Parsed(source, line, null, 0, false, kind, position, reason, 0, false);
        }

        static Parsed skipped(String source, int line, int skip, @Nullable String value) {
            return new Parsed(source, line, null, 0, false, IssueKind.SKIPPED, null, value, skip, false);
        }

        static Parsed end(String source) {
            return new Parsed(source, 0, null, 0, false, null, null, null, 0, true);
        }

        /** The reason of a skipped line. */
        String skipReason() {
            return skip == 1 ? "type " + reason + " has no message.usage" : "model " + reason + " is not a billed model";
        }
    }

    /** Lines of one file, cut into blocks of whole lines, parsed independently. */
    private static final class Blocks {
        static final int LINES = 2_048;
        // below half a G1 region of a small heap, so that blocks are never humongous objects
        static final int BYTES = 1 << 18;

        private Blocks() {}

        /** A read buffer: a recycled one of the block size, else a new one. */
        static byte[] buffer(Queue<byte[]> buffers, int size) {
            byte[] b = size == BYTES ? buffers.poll() : null;
            return b != null ? b : new byte[size];
        }

        /**
         * Cuts a file into blocks of whole lines. With {@code numbered} each block knows its first line
         * (its newlines are counted here, for blocks parsed out of order); else its parser numbers the
         * blocks in turn ({@link Block#parse(int[])}).
         */
        static void split(Path f, Queue<byte[]> buffers, boolean numbered, Consumer<Block> out) {
            String source = f.toString();
            Path parent = f.getParent();
            String project = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = buffer(buffers, (int) Math.min(BYTES, Math.max(8_192, Files.size(f) + 1)));
                int len = 0;
                int firstLine = 1;
                boolean eof = false;
                while (!eof) {
                    int r = in.read(buf, len, buf.length - len);
                    if (r < 0) {
                        eof = true;
                    } else {
                        len += r;
                    }
                    // cut the buffer after its last newline (or all of it at the end of the file)
                    int cut = len;
                    if (!eof) {
                        cut = lastNewline(buf, len) + 1;
                        if (cut == 0) {
                            if (len == buf.length) {
                                buf = Arrays.copyOf(buf, buf.length * 2); // one line longer than the buffer
                            }
                            continue;
                        }
                    }
                    if (cut > 0) {
                        // the block keeps this buffer (recycled once parsed); the rest of the last line moves to
                        // another one first, so that the buffer is never touched again here
                        byte[] next = buffer(buffers, buf.length);
                        System.arraycopy(buf, cut, next, 0, len - cut);
                        Block b = new Block(source, project, firstLine, buf, cut, false, buffers);
                        if (numbered) {
                            firstLine += b.lineCount();
                        }
                        out.accept(b);
                        buf = next;
                        len -= cut;
                    }
                }
                if (buf.length == BYTES) {
                    buffers.offer(buf); // the buffer for the rest of the file, which had none: free for the next file
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            out.accept(new Block(source, project, 0, new byte[0], 0, true, buffers));
        }

        private static int lastNewline(byte[] b, int len) {
            for (int i = len - 1; i >= 0; i--) {
                if (b[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Whole lines of one file ({@code data[0, length)}), parsed on any thread. */
    private record Block(String source, String project, int firstLine, byte[] data, int length, boolean endOfFile,
            Queue<byte[]> buffers) {

        int lineCount() {
            int n = newlines(data, length);
            return length > 0 && data[length - 1] != '\n' ? n + 1 : n;
        }

        Parsed[] parse() {
            return parse(null);
        }

        /**
         * Parses the block; its first line is {@code next[0]} when given (then moved past the block's
         * lines: blocks of one file parsed in turn), else {@link #firstLine}.
         */
        Parsed[] parse(int @Nullable [] next) {
            try {
                int first = next == null ? firstLine : next[0];
                int[] lines = {0};
                Parsed[] parsed = parseLines(first, lines);
                if (next != null) {
                    next[0] += lines[0];
                }
                return parsed;
            } finally {
                if (data.length == Blocks.BYTES) {
                    buffers.offer(data); // read once, parsed into strings and numbers: free for the next block
                }
            }
        }

        private Parsed[] parseLines(int firstLine, int[] lines) {
            if (endOfFile) {
                return new Parsed[] {Parsed.end(source)};
            }
            Fields f = FIELDS.get();
            List<Parsed> out = new ArrayList<>(Blocks.LINES);
            int line = firstLine;
            int start = 0;
            // a line per newline, and the last one unless the block ends with a newline: the scanner reads a
            // line and finds its end; a line it finds doubtful is cut at its newline and left to Jackson
            while (start < length) {
                int end = ClaudeLineScanner.scan(data, start, length, f);
                if (end >= 0) {
                    out.add(mapped(source, project, line, f));
                } else {
                    end = newline(data, start, length);
                    if (!blank(data, start, end)) {
                        out.add(parseLine(source, project, line, data, start, end - start, f));
                    }
                }
                line++;
                start = end + 1;
            }
            lines[0] = line - firstLine;
            return out.toArray(new Parsed[0]);
        }

        /** The first newline at or after {@code from}, or {@code to}. */
        private static int newline(byte[] b, int from, int to) {
            int i = from;
            while (i < to && b[i] != '\n') {
                i++;
            }
            return i;
        }

        private static boolean blank(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The fields of one line, filled by {@link #fields}; one instance serves the lines of a block in turn
     * ({@link #reset}). The ids are kept as characters and the timestamp as numbers, so that a line makes
     * no String for them.
     */
    static final class Fields {
        /** The last type, session, branch and model this thread read, reused when equal; null line by line. */
        String @Nullable [] seen;
        final Days days = new Days();
        @Nullable String type;
        /** The timestamp text when it is not the usual form (else null, and {@link #epochSecond} holds it). */
        @Nullable String timestamp;
        boolean hasTime;
        long epochSecond;
        int nanos;
        @Nullable String sessionId;
        @Nullable String gitBranch;
        final Chars requestId = new Chars();
        final Chars messageId = new Chars();
        @Nullable String model;
        boolean usage;
        long input;
        long output;
        long cacheWrite;
        long cacheRead;
        /**
         * The scanner's last two types, sessions, branches and models (bytes and String; entry {@code 2 * slot}
         * the latest), reused when equal: user and assistant lines alternate their type.
         */
        final byte[][] scannedBytes = new byte[8][];
        final String[] scannedText = new String[8];
        /** The scanner's last two field names at each position of each read level, with what they mean. */
        final ClaudeLineScanner.Key[] names = new ClaudeLineScanner.Key[4 * ClaudeLineScanner.NAMES * 2];
        /** The Jackson path's copy of a timestamp as bytes, for {@link #usualInstant}. */
        final byte[] stamp = new byte[24];

        /** The ASCII text {@code b[at, at + n)}: one of the two Strings last read into {@code slot} when equal. */
        String scanned(int slot, byte[] b, int at, int n) {
            int latest = 2 * slot;
            byte[] last = scannedBytes[latest];
            if (last != null && ClaudeLineScanner.same(b, at, n, last)) {
                return scannedText[latest];
            }
            byte[] before = scannedBytes[latest + 1];
            String s;
            byte[] bytes;
            if (before != null && ClaudeLineScanner.same(b, at, n, before)) {
                s = scannedText[latest + 1];
                bytes = before;
            } else {
                s = new String(b, at, n, java.nio.charset.StandardCharsets.ISO_8859_1);
                bytes = Arrays.copyOfRange(b, at, at + n);
            }
            scannedBytes[latest + 1] = last;
            scannedText[latest + 1] = scannedText[latest];
            scannedBytes[latest] = bytes;
            scannedText[latest] = s;
            return s;
        }

        void reset() {
            type = null;
            timestamp = null;
            hasTime = false;
            sessionId = null;
            gitBranch = null;
            requestId.clear();
            messageId.clear();
            model = null;
            usage = false;
            input = 0;
            output = 0;
            cacheWrite = 0;
            cacheRead = 0;
        }
    }

    /**
     * The fields of the blocks a thread parses: their remembered names, shapes, values and day carry
     * over from block to block (a few kilobytes per thread).
     */
    private static final ThreadLocal<Fields> FIELDS = ThreadLocal.withInitial(() -> {
        Fields f = new Fields();
        f.seen = new String[4];
        return f;
    });

    /**
     * A string value (present or not), reused line after line: the Jackson path's characters copied, or the
     * scanner's ASCII bytes referred to where they lie in the line being read (read before the next line is).
     */
    static final class Chars {
        char[] chars = new char[64];
        /** The scanner's text {@code bytes[offset, offset + length)}, or null: the text is in {@link #chars}. */
        byte @Nullable [] bytes;
        int offset;
        int length;
        boolean present;

        void clear() {
            present = false;
            length = 0;
            bytes = null;
        }

        void set(JsonParser p) throws IOException {
            int n = p.getTextLength();
            if (n > chars.length) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            System.arraycopy(p.getTextCharacters(), p.getTextOffset(), chars, 0, n);
            length = n;
            bytes = null;
            present = true;
        }

        /** The ASCII text {@code b[at, at + n)}, referred to (not copied). */
        void set(byte[] b, int at, int n) {
            bytes = b;
            offset = at;
            length = n;
            present = true;
        }

        char charAt(int i) {
            byte[] b = bytes;
            return b != null ? (char) (b[offset + i] & 0xFF) : chars[i];
        }

        boolean isBlank() {
            if (length > 0 && bytes != null && bytes[offset] > ' ' && bytes[offset] < 0x7F) {
                return false; // printable ASCII other than the space is never white space: the usual id
            }
            for (int i = 0; i < length; i++) {
                if (!Character.isWhitespace(charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** FNV-1a of the text into {@code h}. */
        long mix(long h) {
            byte[] b = bytes;
            if (b != null) {
                for (int i = offset, end = offset + length; i < end; i++) {
                    h = (h ^ (b[i] & 0xFF)) * 0x100000001b3L;
                }
                return h;
            }
            return ClaudeCodeLogs.mix(h, chars, length);
        }

        @Override
        public String toString() {
            byte[] b = bytes;
            return b != null ? new String(b, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1)
                    : new String(chars, 0, length);
        }
    }

    /** The day of the last timestamp (its epoch day), so that a line does not build a {@code LocalDate}. */
    static final class Days {
        boolean known;
        /** The last date's text {@code yyyy-MM-dd}: its first eight bytes as a word, and the last two. */
        long dateWord;
        int dateTail;
        long epochDay;
    }

    // what a field name means on each level: 0 is a field the mapping does not read
    private static final int TYPE = 1;
    private static final int TIMESTAMP = 2;
    private static final int SESSION = 3;
    private static final int BRANCH = 4;
    private static final int REQUEST = 5;
    private static final int MESSAGE = 6;
    private static final int ID = 1;
    private static final int MODEL = 2;
    private static final int USAGE = 3;
    private static final int INPUT = 1;
    private static final int OUTPUT = 2;
    private static final int CACHE_WRITE = 3;
    private static final int CACHE_READ = 4;
    private static final java.util.Map<String, Integer> TOP_KINDS = java.util.Map.of("type", TYPE, "timestamp", TIMESTAMP,
            "sessionId", SESSION, "gitBranch", BRANCH, "requestId", REQUEST, "message", MESSAGE);
    private static final java.util.Map<String, Integer> MESSAGE_KINDS = java.util.Map.of("id", ID, "model", MODEL, "usage", USAGE);
    private static final java.util.Map<String, Integer> USAGE_KINDS = java.util.Map.of("input_tokens", INPUT, "output_tokens", OUTPUT,
            "cache_creation_input_tokens", CACHE_WRITE, "cache_read_input_tokens", CACHE_READ);

    /** A line that is JSON but not the shape of a log line. */
    private static final class Shape extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;

        Shape(String path, String problem) {
            super(problem, null, false, false);
            this.path = path;
        }
    }

    /**
     * One line (no newline in {@code data}) by the scanner, or null when it finds the line doubtful (for
     * tests: the two paths agree).
     */
    static @Nullable Parsed scannedLine(String source, String project, int n, byte[] data) {
        return scannedLine(source, project, n, data, new Fields());
    }

    /** {@link #scannedLine(String, String, int, byte[])} with the fields of earlier lines ({@code f}'s memory). */
    static @Nullable Parsed scannedLine(String source, String project, int n, byte[] data, Fields f) {
        return ClaudeLineScanner.scan(data, 0, data.length, f) == data.length ? mapped(source, project, n, f) : null;
    }

    /** One line by Jackson alone (for tests). */
    static Parsed jacksonLine(String source, String project, int n, byte[] data) {
        return parseLine(source, project, n, data, 0, data.length, new Fields());
    }

    private static Parsed parseLine(String source, String project, int n, byte[] data, int off, int len, Fields f) {
        f.reset();
        try (JsonParser p = Json.LINES.createParser(data, off, len)) {
            fields(p, f);
            if (p.nextToken() != null) {
                return Parsed.issue(source, n, IssueKind.REJECTED, "line " + n, "holds more than one JSON value");
            }
        } catch (Shape e) {
            return Parsed.issue(source, n, IssueKind.REJECTED, "line " + n + ", " + e.path, e.getMessage());
        } catch (JsonProcessingException e) {
            FormatException fe = Json.error(source, e);
            return Parsed.issue(source, n, IssueKind.REJECTED, "line " + n + ", " + fe.position(), fe.problem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mapped(source, project, n, f);
    }

    private static Parsed mapped(String source, String project, int n, Fields f) {
        if (!f.usage) {
            return Parsed.skipped(source, n, 1, f.type);
        }
        String model = f.model;
        if (model == null || model.isBlank() || SYNTHETIC.equals(model)) {
            return Parsed.skipped(source, n, 2, model);
        }
        if (!f.hasTime) {
            return Parsed.issue(source, n, IssueKind.REJECTED, "line " + n, "timestamp is required");
        }
        Instant at;
        if (f.timestamp == null) {
            at = Instant.ofEpochSecond(f.epochSecond, f.nanos);
        } else {
            try {
                at = Instant.parse(f.timestamp);
            } catch (DateTimeParseException e) {
                return Parsed.issue(source, n, IssueKind.REJECTED, "line " + n + ", $.timestamp",
                        "must be an ISO-8601 instant, but was '" + f.timestamp + "'");
            }
        }
        Chars messageId = f.messageId;
        Chars requestId = f.requestId;
        boolean identified = messageId.present && !messageId.isBlank() && requestId.present && !requestId.isBlank();
        String id = identified ? id(messageId, requestId) : source + ":" + n;
        UsageRecord record;
        try {
            // the record's own constructor, not its builder: one object fewer on every line
            record = new UsageRecord(id, at, model, f.input, f.output, f.cacheWrite, f.cacheRead, null,
                    blankToNull(f.sessionId), null, null, null);
        } catch (IllegalArgumentException e) {
            return Parsed.issue(source, n, IssueKind.REJECTED, "line " + n, e.getMessage());
        }
        ClaudeUsage usage = new ClaudeUsage(record, blankToNull(f.gitBranch), project);
        long key = identified ? hash(messageId, requestId) : 0;
        return new Parsed(source, n, usage, key, identified, null, null, null, 0, false);
    }

    /** {@code messageId:requestId}, built once (from the line's bytes when the scanner read both). */
    private static String id(Chars messageId, Chars requestId) {
        int m = messageId.length;
        int r = requestId.length;
        byte[] mb = messageId.bytes;
        byte[] rb = requestId.bytes;
        if (mb != null && rb != null) {
            byte[] c = new byte[m + 1 + r];
            System.arraycopy(mb, messageId.offset, c, 0, m);
            c[m] = ':';
            System.arraycopy(rb, requestId.offset, c, m + 1, r);
            return new String(c, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] c = new char[m + 1 + r];
        for (int i = 0; i < m; i++) {
            c[i] = messageId.charAt(i);
        }
        c[m] = ':';
        for (int i = 0; i < r; i++) {
            c[m + 1 + i] = requestId.charAt(i);
        }
        return new String(c);
    }

    /**
     * Parses an ISO-8601 instant: the {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} form Claude Code writes
     * directly (it is on every line), anything else through {@link Instant#parse}.
     */
    static Instant instant(String t) {
        Fields f = new Fields();
        if (usualInstant(t.toCharArray(), 0, t.length(), f.days, f)) {
            return Instant.ofEpochSecond(f.epochSecond, f.nanos);
        }
        return Instant.parse(t); // any other form, or e.g. 2025-02-30: Instant.parse names the problem
    }

    /**
     * Reads the {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} form (ASCII bytes {@code c[o, o + n)}) into
     * {@code f.epochSecond} and {@code f.nanos} (and sets {@code f.hasTime}); false for any other text, left
     * to {@link Instant#parse}. The date of the last call is remembered in {@code days} as its bytes:
     * consecutive lines mostly share it, and then only the time of day is read.
     */
    static boolean usualInstant(byte[] c, int o, int n, Days days, Fields f) {
        if ((n != 20 && n != 24) || c[o + 4] != '-' || c[o + 7] != '-' || c[o + 10] != 'T' || c[o + 13] != ':'
                || c[o + 16] != ':' || c[o + n - 1] != 'Z' || (n == 24 && c[o + 19] != '.')) {
            return false;
        }
        long word = (long) LONGS.get(c, o);
        int tail = (c[o + 8] & 0xFF) << 8 | (c[o + 9] & 0xFF);
        if (!days.known || word != days.dateWord || tail != days.dateTail) {
            int year = digits(c, o, 4);
            int month = digits(c, o + 5, 2);
            int day = digits(c, o + 8, 2);
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
                return false;
            }
            long epochDay;
            try {
                epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            } catch (java.time.DateTimeException e) {
                return false;
            }
            days.known = true;
            days.dateWord = word;
            days.dateTail = tail;
            days.epochDay = epochDay;
        }
        int hour = digits(c, o + 11, 2);
        int minute = digits(c, o + 14, 2);
        int second = digits(c, o + 17, 2);
        int millis = n == 24 ? digits(c, o + 20, 3) : 0;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) {
            return false;
        }
        f.epochSecond = days.epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
        f.nanos = millis * 1_000_000;
        f.hasTime = true;
        return true;
    }

    /** {@link #usualInstant(byte[], int, int, Days, Fields)} on characters (false if one is not ASCII). */
    static boolean usualInstant(char[] c, int o, int n, Days days, Fields f) {
        if (n != 20 && n != 24) {
            return false;
        }
        byte[] b = f.stamp;
        for (int k = 0; k < n; k++) {
            char ch = c[o + k];
            if (ch >= 0x80) {
                return false;
            }
            b[k] = (byte) ch;
        }
        return usualInstant(b, 0, n, days, f);
    }

    private static int digits(byte[] c, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** The next field of an object: what its name means on the level ({@code kinds}, else 0), or -1 at its end. */
    private static int next(JsonParser p, java.util.Map<String, Integer> kinds) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            return -1;
        }
        return kinds.getOrDefault(p.currentName(), 0);
    }

    /** Reads the fields the mapping uses with Jackson's streaming parser, skipping the rest unread. */
    private static void fields(JsonParser p, Fields f) throws IOException, Shape {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new Shape("$", "must be a JSON object");
        }
        fieldsAfterStart(p, f);
    }

    private static void fieldsAfterStart(JsonParser p, Fields f) throws IOException, Shape {
        int kind;
        while ((kind = next(p, TOP_KINDS)) >= 0) {
            JsonToken t = p.nextToken();
            switch (kind) {
                case TYPE -> f.type = canonical(p, t, "$.type", f.seen, 0);
                case TIMESTAMP -> timestamp(p, t, f);
                case SESSION -> f.sessionId = canonical(p, t, "$.sessionId", f.seen, 1);
                case BRANCH -> f.gitBranch = canonical(p, t, "$.gitBranch", f.seen, 2);
                case REQUEST -> chars(p, t, "$.requestId", f.requestId);
                case MESSAGE -> {
                    if (t == JsonToken.START_OBJECT) {
                        message(p, f);
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw new Shape("$.message", "must be an object");
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void message(JsonParser p, Fields f) throws IOException, Shape {
        int kind;
        while ((kind = next(p, MESSAGE_KINDS)) >= 0) {
            JsonToken t = p.nextToken();
            switch (kind) {
                case ID -> chars(p, t, "$.message.id", f.messageId);
                case MODEL -> f.model = canonical(p, t, "$.message.model", f.seen, 3);
                case USAGE -> {
                    if (t == JsonToken.VALUE_NULL) {
                        break;
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw new Shape("$.message.usage", "must be an object");
                    }
                    f.usage = true;
                    usage(p, f);
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void usage(JsonParser p, Fields f) throws IOException, Shape {
        int kind;
        while ((kind = next(p, USAGE_KINDS)) >= 0) {
            JsonToken v = p.nextToken();
            switch (kind) {
                case INPUT -> f.input = tokens(p, v, p.currentName());
                case OUTPUT -> f.output = tokens(p, v, p.currentName());
                case CACHE_WRITE -> f.cacheWrite = tokens(p, v, p.currentName());
                case CACHE_READ -> f.cacheRead = tokens(p, v, p.currentName());
                default -> p.skipChildren();
            }
        }
    }

    /** The timestamp: the usual form read as numbers from the parser's characters, anything else kept as text. */
    private static void timestamp(JsonParser p, JsonToken t, Fields f) throws IOException, Shape {
        f.timestamp = null;
        f.hasTime = false;
        if (t == JsonToken.VALUE_STRING) {
            if (usualInstant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), f.days, f)) {
                return;
            }
            f.timestamp = p.getText();
            f.hasTime = true;
            return;
        }
        if (t != JsonToken.VALUE_NULL) {
            throw new Shape("$.timestamp", "must be a string, but was " + t);
        }
    }

    private static void chars(JsonParser p, JsonToken t, String path, Chars into) throws IOException, Shape {
        if (t == JsonToken.VALUE_STRING) {
            into.set(p);
        } else if (t == JsonToken.VALUE_NULL) {
            into.clear();
        } else {
            throw new Shape(path, "must be a string, but was " + t);
        }
    }

    /**
     * The text of a string value; the String last seen in that slot when the value equals it (consecutive
     * lines share session, branch and model: no new String, and equals by identity downstream).
     */
    private static @Nullable String canonical(JsonParser p, JsonToken t, String path, String @Nullable [] seen, int slot)
            throws IOException, Shape {
        String same = seen == null ? null : seen[slot];
        if (same != null && t == JsonToken.VALUE_STRING) {
            int n = p.getTextLength();
            if (n == same.length()) {
                char[] c = p.getTextCharacters();
                int off = p.getTextOffset();
                int i = 0;
                while (i < n && c[off + i] == same.charAt(i)) {
                    i++;
                }
                if (i == n) {
                    return same;
                }
            }
        }
        String v = text(p, t, path);
        if (seen != null && v != null) {
            seen[slot] = v;
        }
        return v;
    }

    private static @Nullable String text(JsonParser p, JsonToken t, String path) throws IOException, Shape {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new Shape(path, "must be a string, but was " + t);
    }

    private static long tokens(JsonParser p, JsonToken t, String name) throws IOException, Shape {
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new Shape("$.message.usage." + name, "must be a whole number of tokens, but was " + p.getText());
        }
        long v = p.getLongValue();
        if (v < 0) {
            throw new Shape("$.message.usage." + name, "must not be negative, but was " + v);
        }
        return v;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        return c > ' ' && c < 0x7F || !s.isBlank() ? s : null; // printable ASCII first: not blank, without the scan
    }

    /** The sequential part: snapshots, repeats, the report and the sink, in file and line order. */
    private static final class Merge {
        final ReadReport.Builder report = new ReadReport.Builder();
        final RecordIdSet seen = new RecordIdSet(1 << 16);
        final Consumer<ClaudeUsage> sink;
        private @Nullable ClaudeUsage pending;
        private long pendingKey;
        private String pendingSource = "";
        private int pendingLine;

        Merge(Consumer<ClaudeUsage> sink) {
            this.sink = sink;
        }

        void all(Parsed[] parsed) {
            // the block's ids touched first: up to 2,048 cache misses at once in a table of megabytes, not one per add
            RecordIdSet ids = seen;
            for (Parsed p : parsed) {
                if (p.identified()) {
                    ids.touch(p.key());
                }
            }
            for (Parsed p : parsed) {
                one(p);
            }
        }

        private void one(Parsed p) {
            if (p.endOfFile()) {
                flush();
                return;
            }
            report.read();
            IssueKind kind = p.issue();
            if (kind != null) {
                String position = p.position();
                if (position != null) {
                    report.issue(kind, p.source(), position, p.reason());
                } else if (report.listing(kind)) {
                    report.issue(kind, p.source(), "line " + p.line(), p.skipReason());
                } else {
                    report.issue(kind, p.source(), "", ""); // counted only: one skipped line in four has no text built
                }
                return;
            }
            ClaudeUsage usage = p.usage();
            UsageRecord record = usage.usage();
            if (!p.identified()) {
                flush();
                boolean listed = report.listing(IssueKind.NOTE);
                report.issue(IssueKind.NOTE, p.source(), listed ? "line " + p.line() : "",
                        listed ? "no message.id and requestId: counted, cannot be deduplicated" : "");
                report.accepted();
                sink.accept(usage);
                return;
            }
            if (pending != null && p.key() == pendingKey) {
                // the text only while issues are still listed: a snapshot is merged for one response in five
                boolean listed = report.listing(IssueKind.MERGED);
                if (record.totalTokens() >= pending.usage().totalTokens()) {
                    report.issue(IssueKind.MERGED, pendingSource, listed ? "line " + pendingLine : "",
                            listed ? "streaming snapshot of " + record.id() + ", superseded by line " + p.line() : "");
                    pending = usage;
                    pendingLine = p.line();
                } else {
                    report.issue(IssueKind.MERGED, p.source(), listed ? "line " + p.line() : "", listed
                            ? "streaming snapshot of " + record.id() + " with fewer tokens than line " + pendingLine : "");
                }
                return;
            }
            flush();
            pending = usage;
            pendingKey = p.key();
            pendingSource = p.source();
            pendingLine = p.line();
        }

        void flush() {
            ClaudeUsage p = pending;
            if (p == null) {
                return;
            }
            pending = null;
            if (seen.add(pendingKey)) {
                report.accepted();
                sink.accept(p);
            } else {
                boolean listed = report.listing(IssueKind.MERGED);
                report.issue(IssueKind.MERGED, pendingSource, listed ? "line " + pendingLine : "",
                        listed ? "response " + p.usage().id() + " was already counted from an earlier file or line" : "");
            }
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    /** The {@code '\\n'} bytes in {@code b[0, len)}, eight bytes at a time (exact: no borrow between bytes). */
    static int newlines(byte[] b, int len) {
        int n = 0;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long v = (long) LONGS.get(b, i) ^ NEWLINES; // a newline byte becomes 0
            long t = ~(((v & LOW7) + LOW7) | v | LOW7); // the high bit of exactly the zero bytes
            n += Long.bitCount(t);
        }
        for (; i < len; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** A 64-bit hash of {@code a:b}. */
    static long hash(String a, String b) {
        long h = (mix(0xcbf29ce484222325L, a.toCharArray(), a.length()) ^ ':') * 0x100000001b3L;
        return finish(mix(h, b.toCharArray(), b.length()));
    }

    /** A 64-bit hash of {@code a:b} (FNV-1a then a murmur finaliser), without building the string. */
    private static long hash(Chars a, Chars b) {
        return finish(b.mix((a.mix(0xcbf29ce484222325L) ^ ':') * 0x100000001b3L));
    }

    /** FNV-1a of {@code c[0, n)} into {@code h}. */
    private static long mix(long h, char[] c, int n) {
        for (int i = 0; i < n; i++) {
            h = (h ^ c[i]) * 0x100000001b3L;
        }
        return h;
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
