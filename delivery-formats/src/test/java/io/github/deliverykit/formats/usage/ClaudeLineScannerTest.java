package io.github.deliverykit.formats.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.Samples;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte scanner in front of Jackson: what it reads equals what the Jackson path reads from the same
 * line, and every line it cannot prove well formed and of the usual shape is left to Jackson (it answers
 * null), whatever the bytes.
 */
final class ClaudeLineScannerTest {

    /** A response line of the usual shape (as Claude Code writes it), with {@code %s} for the usage. */
    private static final String RESPONSE = "{\"parentUuid\":\"u1\",\"isSidechain\":false,\"userType\":\"external\","
            + "\"cwd\":\"/work/shop\",\"sessionId\":\"s-1\",\"version\":\"1.0.51\",\"gitBranch\":\"main\",\"message\":{\"id\":\"msg_01\","
            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-20250514\",\"content\":[{\"type\":\"text\","
            + "\"text\":\"Looking\"}],\"stop_reason\":null,\"usage\":{%s}},\"requestId\":\"req_01\",\"type\":\"assistant\","
            + "\"uuid\":\"a1\",\"timestamp\":\"2025-07-01T09:00:05.000Z\"}";
    private static final String USAGE = "\"input_tokens\":4,\"cache_creation_input_tokens\":2000,"
            + "\"cache_read_input_tokens\":10000,\"output_tokens\":120,\"service_tier\":\"standard\"";
    private static final String GOOD = String.format(RESPONSE, USAGE);
    private static final String USER = "{\"parentUuid\":null,\"isSidechain\":false,\"type\":\"user\",\"sessionId\":\"s-1\","
            + "\"message\":{\"role\":\"user\",\"content\":\"add a cart\"},\"uuid\":\"u1\",\"timestamp\":\"2025-07-01T09:00:00.000Z\"}";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ClaudeCodeLogs.Parsed jackson(byte[] line) {
        return ClaudeCodeLogs.jacksonLine("f.jsonl", "p", 7, line);
    }

    private static ClaudeCodeLogs.Parsed scanned(byte[] line) {
        return ClaudeCodeLogs.scannedLine("f.jsonl", "p", 7, line);
    }

    /** The scanner reads the line, and reads it as Jackson does. */
    private static ClaudeCodeLogs.Parsed read(String line) {
        byte[] b = utf8(line);
        ClaudeCodeLogs.Parsed s = scanned(b);
        assertNotNull(s, line);
        assertEquals(jackson(b), s, line);
        return s;
    }

    /** The scanner leaves the line to Jackson. */
    private static void doubtful(byte[] line) {
        assertNull(scanned(line), new String(line, StandardCharsets.ISO_8859_1));
        jackson(line); // and Jackson gives a record or an issue, never an exception
    }

    private static void doubtful(String line) {
        doubtful(utf8(line));
    }

    // ---------------------------------------------------------------- what it reads

    @Test
    void theUsualResponse_isRead() {
        ClaudeCodeLogs.Parsed p = read(GOOD);
        ClaudeUsage u = p.usage();
        assertNotNull(u);
        assertEquals("msg_01:req_01", u.usage().id());
        assertEquals(4, u.usage().inputTokens());
        assertEquals(120, u.usage().outputTokens());
        assertEquals(2000, u.usage().cacheWriteTokens());
        assertEquals(10000, u.usage().cacheReadTokens());
        assertEquals("claude-sonnet-4-20250514", u.usage().model());
        assertEquals("s-1", u.usage().sessionId());
        assertEquals("main", u.gitBranch());
        assertEquals(java.time.Instant.parse("2025-07-01T09:00:05Z"), u.usage().timestamp());
        assertTrue(p.identified());
        assertEquals(ClaudeCodeLogs.hash("msg_01", "req_01"), p.key());
    }

    @Test
    void aUserTurn_isReadAsSkipped() {
        ClaudeCodeLogs.Parsed p = read(USER);
        assertEquals(IssueKind.SKIPPED, p.issue());
        assertEquals("type user has no message.usage", p.skipReason());
    }

    @Test
    void theSampleLog_isReadLineByLine() {
        for (String line : Samples.text("claude/projects/-work-shop/11111111-2222-3333-4444-555555555555.jsonl").split("\n")) {
            if (line.startsWith("{\"broken")) {
                doubtful(line);
            } else if (!line.isBlank()) {
                read(line);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // white space between every token, carriage returns, an empty line end
        " { \"type\" : \"assistant\" ,\t\"timestamp\" : \"2025-01-01T00:00:01Z\" , \"message\" : { \"model\" : \"m\" , "
            + "\"usage\" : { \"output_tokens\" : 5 , \"input_tokens\" : 0 } } } \r",
        // each read value null, and the counts null
        "{\"type\":null,\"timestamp\":null,\"sessionId\":null,\"gitBranch\":null,\"requestId\":null,\"message\":{\"id\":null,"
            + "\"model\":\"m\",\"usage\":{\"input_tokens\":null,\"output_tokens\":null,\"cache_creation_input_tokens\":null,"
            + "\"cache_read_input_tokens\":null}}}",
        "{\"message\":null}", "{\"message\":{\"usage\":null,\"model\":\"m\"}}", "{}", "{\"message\":{}}",
        "{\"message\":{\"model\":\"m\",\"usage\":{}},\"timestamp\":\"2025-01-01T00:00:00Z\"}",
        // the largest count of 18 digits
        "{\"message\":{\"model\":\"m\",\"usage\":{\"input_tokens\":999999999999999999}},\"timestamp\":\"2025-01-01T00:00:00Z\"}",
        "{\"message\":{\"model\":\"m\",\"usage\":{\"output_tokens\":0}},\"timestamp\":\"2025-01-01T00:00:00.123Z\"}",
        // timestamps of other forms (parsed later), and not instants at all (rejected later, alike)
        "{\"message\":{\"model\":\"m\",\"usage\":{}},\"timestamp\":\"2025-01-01T10:00:00+02:00\"}",
        "{\"message\":{\"model\":\"m\",\"usage\":{}},\"timestamp\":\"2025-01-01T10:00:00.123456789Z\"}",
        "{\"message\":{\"model\":\"m\",\"usage\":{}},\"timestamp\":\"2025-02-30T10:00:00Z\"}",
        "{\"message\":{\"model\":\"m\",\"usage\":{}},\"timestamp\":\"yesterday\"}",
        "{\"message\":{\"model\":\"m\",\"usage\":{}}}",
        "{\"message\":{\"model\":\"<synthetic>\",\"usage\":{}}}", "{\"message\":{\"model\":\" \",\"usage\":{}}}",
        "{\"message\":{\"model\":\"m\",\"usage\":{\"input_tokens\":1}},\"timestamp\":\"2025-01-01T00:00:00Z\",\"requestId\":\" \","
            + "\"sessionId\":\"\",\"gitBranch\":\" \"}",
        // skipped values of every kind, nested, with escapes and non-ASCII text
        "{\"a\":[],\"b\":{},\"c\":[1,-2,3.5,-0.25e+3,1E9,0,0.0,true,false,null,\"s\",[[{}]],{\"x\":{\"y\":[]}}],"
            + "\"d\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uFFFF\\u0000\",\"e\":\"é€😀\\u20ac\",\"message\":{\"model\":\"m\","
            + "\"usage\":{\"output_tokens\":2,\"server_tool_use\":{\"web_search_requests\":0,\"x\":[1,{\"y\":null}]},"
            + "\"service_tier\":\"standard\"},\"content\":[{\"type\":\"text\",\"text\":\"}{\\n\"}]},"
            + "\"timestamp\":\"2025-01-01T00:00:00Z\"}",
        // names of the read fields on other levels, and names that almost match
        "{\"model\":\"x\",\"usage\":{},\"input_tokens\":3,\"id\":1,\"message\":{\"type\":5,\"timestamp\":[],\"requestId\":{},"
            + "\"message\":7,\"usage\":{\"model\":1,\"id\":2,\"input_tokenz\":\"x\",\"output_token\":[],\"cache_read_input_tokenx\":{},"
            + "\"cache_creation_input_tokenz\":-1,\"input_tokens\":9},\"modeL\":1,\"models\":2,\"ids\":3,\"i\":4,\"model\":\"m\"},"
            + "\"Type\":1,\"types\":2,\"timestamq\":3,\"sessionIdx\":4,\"gitbranch\":5,\"requestIds\":6,\"messagE\":7,"
            + "\"timestamp\":\"2025-01-01T00:00:00Z\"}",
        // names equal to a read one in their first eight bytes, or in their last eight, but not in between
        "{\"sessionIe\":1,\"gitBrancH\":2,\"message\":{\"modeL\":3,\"usage\":{\"cache_creation_inpux_tokens\":4,"
            + "\"cache_creatiOn_input_tokens\":5,\"cache_reaD_input_tokens\":6,\"input_tokenS\":7,\"outpuT_tokens\":8,"
            + "\"cache_read_input_tokens\":9},\"model\":\"m\"},\"timestamp\":\"2025-01-01T00:00:00Z\",\"Timestamp\":1}",
        // skipped strings and names whose escapes and non-ASCII text come after their first words
        "{\"aaaaaaaaaaaaaaaaaaaa\":\"0123456789abcdef\\n0123456789é012345678\\u00e9\",\"bbbbbbbbbbbbbbbbb\":{\"cccccccccccccccccc\":"
            + "\"0123456789abcdefg\\\"\"},\"message\":{\"model\":\"m\",\"usage\":{}},\"timestamp\":\"2025-01-01T00:00:00Z\"}",
        // ids of any length, longer than the scanner's first buffers
        "{\"requestId\":\"rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr\","
            + "\"message\":{\"id\":\"m\",\"model\":\"m\",\"usage\":{}},\"timestamp\":\"2025-01-01T00:00:00Z\"}",
        "{\"requestId\":\"r\",\"message\":{\"id\":\"\",\"model\":\"m\",\"usage\":{}},\"timestamp\":\"2025-01-01T00:00:00Z\"}"})
    void linesOfOtherShapes_areReadAsJacksonReadsThem(String line) {
        read(line);
    }

    @Test
    void consecutiveLines_reuseTheirStrings_andReadEachValueAfresh() {
        ClaudeCodeLogs.Fields f = new ClaudeCodeLogs.Fields();
        byte[] a = utf8(GOOD);
        byte[] b = utf8(GOOD.replace("s-1", "s-2").replace("\"main\"", "\"mainx\"").replace("sonnet", "opus"));
        assertEquals(a.length, ClaudeLineScanner.scan(a, 0, a.length, f));
        String session = f.sessionId;
        String model = f.model;
        assertEquals(a.length, ClaudeLineScanner.scan(a, 0, a.length, f));
        assertTrue(session == f.sessionId && model == f.model, "equal values: the same strings");
        assertEquals(b.length, ClaudeLineScanner.scan(b, 0, b.length, f));
        assertEquals("s-2", f.sessionId);
        assertEquals("mainx", f.gitBranch);
        assertEquals("claude-opus-4-20250514", f.model);
        assertEquals("assistant", f.type);
    }

    @Test
    void aLineEndsAtItsNewline_orAtTheLimit() {
        byte[] two = utf8(USER + " \r\n" + GOOD);
        ClaudeCodeLogs.Fields f = new ClaudeCodeLogs.Fields();
        int end = ClaudeLineScanner.scan(two, 0, two.length, f);
        assertEquals(USER.length() + 2, end);
        assertEquals('\n', two[end]);
        assertEquals(two.length, ClaudeLineScanner.scan(two, end + 1, two.length, f));
        assertEquals("req_01", f.requestId.toString());
        // the limit cuts the line short: doubtful
        assertEquals(-1, ClaudeLineScanner.scan(two, end + 1, two.length - 1, f));
        // a newline inside the object: doubtful
        byte[] split = utf8("{\"type\":\"user\",\n\"message\":null}");
        assertEquals(-1, ClaudeLineScanner.scan(split, 0, split.length, f));
    }

    // ---------------------------------------------------------------- what it leaves to Jackson

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "[1,2]", "\"text\"", "5", "null", "{", "{\"type\"", "{\"type\":", "{\"type\":\"user\"", "{\"type\":\"user\",",
        "{\"type\":\"user\",}", "{,}", "{\"type\" \"user\"}", "{\"type\":\"user\"} {\"type\":\"user\"}", "{\"type\":\"user\"}x",
        "{\"type\":\"user\"}}", "{'type':'user'}", "{type:\"user\"}", "{\"type\":\"user\" /* c */}", "// c",
        // a read field given twice, on each level
        "{\"type\":\"user\",\"type\":\"assistant\"}",
        "{\"timestamp\":\"2025-01-01T00:00:00Z\",\"timestamp\":\"2025-01-01T00:00:01Z\"}",
        "{\"message\":{\"model\":\"a\",\"model\":\"b\",\"usage\":{}}}",
        "{\"message\":null,\"message\":{\"model\":\"b\",\"usage\":{}}}",
        "{\"message\":{\"model\":\"m\",\"usage\":{\"output_tokens\":1,\"output_tokens\":2}}}",
        "{\"requestId\":\"a\",\"requestId\":\"b\"}", "{\"message\":{\"id\":\"a\",\"id\":\"b\"}}",
        // a read value of another type
        "{\"type\":5}", "{\"type\":true}", "{\"type\":{}}", "{\"sessionId\":[]}", "{\"gitBranch\":1}", "{\"requestId\":2}",
        "{\"timestamp\":7}", "{\"message\":\"text\"}", "{\"message\":[]}", "{\"message\":{\"id\":[]}}",
        "{\"message\":{\"model\":1}}", "{\"message\":{\"usage\":[]}}", "{\"message\":{\"usage\":\"x\"}}",
        "{\"message\":{\"usage\":{\"input_tokens\":\"12\"}}}", "{\"message\":{\"usage\":{\"input_tokens\":true}}}",
        "{\"message\":{\"usage\":{\"input_tokens\":-3}}}", "{\"message\":{\"usage\":{\"input_tokens\":-0}}}",
        "{\"message\":{\"usage\":{\"input_tokens\":1.5}}}", "{\"message\":{\"usage\":{\"input_tokens\":1e3}}}",
        "{\"message\":{\"usage\":{\"input_tokens\":1E3}}}", "{\"message\":{\"usage\":{\"input_tokens\":01}}}",
        "{\"message\":{\"usage\":{\"input_tokens\":00}}}", "{\"message\":{\"usage\":{\"input_tokens\":1000000000000000000}}}",
        "{\"message\":{\"usage\":{\"input_tokens\":99999999999999999999999}}}", "{\"message\":{\"usage\":{\"input_tokens\":}}}",
        "{\"message\":{\"usage\":{\"input_tokens\":nul}}}", "{\"message\":{\"usage\":{\"input_tokens\":nulL}}}",
        "{\"message\":{\"usage\":{\"input_tokens\":nullx}}}", "{\"message\":{\"usage\":{\"input_tokens\":5x}}}",
        "{\"message\":nul}", "{\"message\":{\"usage\":nu}}", "{\"type\":n}", "{\"message\":{\"id\":nill}}",
        // escapes, control characters and non-ASCII text in what it reads, or in names
        "{\"ty\\u0070e\":\"user\"}", "{\"type\":\"us\\u0065r\"}", "{\"type\":\"a\\\"b\"}", "{\"message\":{\"model\":\"é\"}}",
        "{\"message\":{\"model\":\"m\\n\"}}", "{\"sessionId\":\"s\u0001\"}", "{\"é\":1}", "{\"a\u0001\":1}", "{\"a\\\"b\":1}",
        "{\"requestId\":\"r\\\\\"}", "{\"message\":{\"id\":\"€\"}}", "{\"timestamp\":\"2025-01-01T00:00:00Z\\u0000\"}",
        "{\"type\":\"user", "{\"message\":{\"model\":\"m", "{\"requestId\":\"r", "{\"message\":{\"id\":\"",
        // broken skipped values
        "{\"a\":}", "{\"a\":\"x}", "{\"a\":\"x\\\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"\\",
        "{\"a\":\"\\u\"}", "{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"\\uDFFF\"}", "{\"a\":\"\\uD800\"}", "{\"a\":\"tab\there\"}",
        "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":[,1]}", "{\"a\":[1}", "{\"a\":[", "{\"a\":[1", "{\"a\":{\"b\"}}", "{\"a\":{\"b\":1,}}",
        "{\"a\":tru}", "{\"a\":truex}", "{\"a\":fals}", "{\"a\":nul}", "{\"a\":True}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":.5}",
        "{\"a\":1.}", "{\"a\":1.e3}", "{\"a\":1e}", "{\"a\":1e+}", "{\"a\":-e1}", "{\"a\":01}", "{\"a\":-01}", "{\"a\":0x10}",
        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":'x'}", "{\"a\":[\"x\" \"y\"]}", "{\"a\":1:2}",
        "{\"a\" 1}", "{\"a\"", "{\"a\":", "{\"a\"}", "{\"a\":1",
        // the same, their bad byte after the first words of a string
        "{\"a\":\"0123456789abcdef\u0001\"}", "{\"a\":\"0123456789abcdef\\x\"}", "{\"a\":\"0123456789abcdef",
        "{\"a\":{\"abcdefghijklmnopq\\u0041\":1}}", "{\"a\":{\"abcdefghijklmnopqé\":1}}", "{\"message\":{\"model\":\"0123456789abcdef\\n\"}}",
        "{\"sessionId\":\"0123456789abcdefé\"}", "{\"type\":\"0123456789abcdef"})
    void doubtfulLines_areLeftToJackson(String line) {
        doubtful(line);
    }

    @Test
    void doubtfulBytes_areLeftToJackson() {
        String head = "{\"message\":{\"model\":\"m\",\"usage\":{}},\"a\":\"";
        String tail = "\",\"timestamp\":\"2025-01-01T00:00:00Z\"}";
        int[][] bad = {{0x80}, {0xBF}, {0xC0, 0xAF}, {0xC1, 0xBF}, {0xC2}, {0xC2, 0x41}, {0xC2, 0xC0}, {0xE0, 0x80, 0x80},
            {0xE0, 0x9F, 0xBF}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xE1, 0x80}, {0xE1, 0x80, 0x41}, {0xE1, 0x41, 0x80},
            {0xF0, 0x80, 0x80, 0x80}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF4, 0x8F, 0xBF}, {0xF1, 0x80, 0x80, 0x41},
            {0xF1, 0x80, 0x41, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xF8}, {0xFF}, {0xFE}, {0x00}, {0x1F}, {0x0B}};
        for (int[] seq : bad) {
            doubtful(bytes(head, seq, tail));
        }
        int[][] good = {{0xC2, 0x80}, {0xDF, 0xBF}, {0xE0, 0xA0, 0x80}, {0xE1, 0x80, 0x80}, {0xEC, 0xBF, 0xBF}, {0xED, 0x9F, 0xBF},
            {0xEE, 0x80, 0x80}, {0xEF, 0xBF, 0xBF}, {0xF0, 0x90, 0x80, 0x80}, {0xF1, 0x80, 0x80, 0x80}, {0xF3, 0xBF, 0xBF, 0xBF},
            {0xF4, 0x8F, 0xBF, 0xBF}, {0x7F}, {0x20}, {0x41, 0xC3, 0xA9, 0x41}};
        for (int[] seq : good) {
            byte[] line = bytes(head, seq, tail);
            ClaudeCodeLogs.Parsed s = scanned(line);
            assertNotNull(s, java.util.Arrays.toString(seq));
            assertEquals(jackson(line), s);
        }
        // a byte order mark, or a line in UTF-16
        doubtful(bytes("", new int[] {0xEF, 0xBB, 0xBF}, USER));
        doubtful(USER.getBytes(StandardCharsets.UTF_16LE));
        // a multi-byte character cut by the end of the line
        doubtful(bytes("{\"a\":\"", new int[] {0xE2, 0x82}, ""));
        doubtful(bytes("{\"a\":\"", new int[] {0xC3}, ""));
        doubtful(bytes("{\"a\":\"", new int[] {0xF0, 0x9F, 0x98}, ""));
    }

    private static byte[] bytes(String head, int[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(head));
        for (int b : middle) {
            out.write(b);
        }
        out.writeBytes(utf8(tail));
        return out.toByteArray();
    }

    @Test
    void beyondTheScannersLimits_isLeftToJackson() {
        // nesting: the limit itself is read, one more is doubtful
        String deep = "[".repeat(ClaudeLineScanner.MAX_DEPTH - 1) + "]".repeat(ClaudeLineScanner.MAX_DEPTH - 1);
        read("{\"a\":" + deep + ",\"type\":\"x\"}");
        doubtful("{\"a\":[" + deep + "],\"type\":\"x\"}");
        String objects = "{\"b\":".repeat(ClaudeLineScanner.MAX_DEPTH - 1) + "1" + "}".repeat(ClaudeLineScanner.MAX_DEPTH - 1);
        read("{\"a\":" + objects + "}");
        doubtful("{\"a\":{\"c\":" + objects + "}}");
        // a name, a number
        String name = "n".repeat(ClaudeLineScanner.MAX_NAME);
        read("{\"" + name + "\":1}");
        doubtful("{\"" + name + "n\":1}");
        String number = "1".repeat(ClaudeLineScanner.MAX_NUMBER);
        read("{\"a\":" + number + "}");
        doubtful("{\"a\":" + number + "1}");
        read("{\"a\":-" + number.substring(1) + "}");
        doubtful("{\"a\":-" + number + "}");
        // a line
        String filler = "{\"a\":\"" + "x".repeat(ClaudeLineScanner.MAX_LINE - 8) + "\"}";
        read(filler);
        doubtful(" " + filler.replace("\"x", "\"xx"));
    }

    // ---------------------------------------------------------------- any bytes

    /** Any mutation of a usual line: the scanner reads it as Jackson does, or leaves it to Jackson. */
    @Property
    void mutatedLines_areReadAsJacksonReadsThem_orLeftToIt(@ForAll("mutatedLines") byte[] line) {
        ClaudeCodeLogs.Parsed s = scanned(line);
        ClaudeCodeLogs.Parsed j = jackson(line);
        if (s != null) {
            assertEquals(j, s, new String(line, StandardCharsets.UTF_8));
        }
    }

    /**
     * Mutated lines read one after another by one scanner state (the names, values and day it remembers from
     * earlier lines): each is read as Jackson reads it alone, or left to Jackson.
     */
    @Property(tries = 100)
    void mutatedLinesInTurn_areReadAsJacksonReadsEach(@ForAll("mutatedRuns") List<byte[]> lines) {
        ClaudeCodeLogs.Fields f = new ClaudeCodeLogs.Fields();
        f.seen = new String[4];
        for (byte[] line : lines) {
            ClaudeCodeLogs.Parsed s = ClaudeCodeLogs.scannedLine("f.jsonl", "p", 7, line, f);
            if (s != null) {
                assertEquals(jackson(line), s, new String(line, StandardCharsets.UTF_8));
            }
        }
    }

    @Provide
    Arbitrary<List<byte[]>> mutatedRuns() {
        // mostly unchanged lines, so that what the scanner remembers is used, with mutated ones among them
        Arbitrary<byte[]> unchanged = Arbitraries.of(BASES).map(ClaudeLineScannerTest::utf8);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, unchanged), net.jqwik.api.Tuple.of(2, mutatedLines()))
                .list().ofMinSize(2).ofMaxSize(12);
    }

    @Test
    void aNameAtTheSamePosition_isReadAfresh_whenItChanges() {
        ClaudeCodeLogs.Fields f = new ClaudeCodeLogs.Fields();
        f.seen = new String[4];
        String first = "{\"type\":\"user\",\"message\":{\"model\":\"m\",\"usage\":{\"input_tokens\":1}},"
                + "\"timestamp\":\"2025-01-01T00:00:00Z\"}";
        for (String line : List.of(first, first.replace("\"type\"", "\"typo\""), first.replace("\"input_tokens\"", "\"output_tokens\""),
                first.replace("\"model\":\"m\"", "\"mode\":\"m\""), first, first.replace("\"type\":\"user\"", "\"type\":\"user\",\"type\":\"x\""),
                first.replace("{\"type\"", "{\"ty\\u0070e\""), first.replace("\"timestamp\"", "\"timestamps\""), first,
                // names of 9 to 16 bytes whose first eight bytes are a remembered name's, and only the last one differs
                first.replace("\"timestamp\"", "\"timestamq\""), first, first.replace("\"input_tokens\"", "\"input_tokenz\""),
                first)) {
            byte[] b = utf8(line);
            ClaudeCodeLogs.Parsed s = ClaudeCodeLogs.scannedLine("f.jsonl", "p", 7, b, f);
            ClaudeCodeLogs.Parsed alone = scanned(b);
            assertEquals(alone, s, line);
            if (s != null) {
                assertEquals(jackson(b), s, line);
            }
        }
    }

    private static final String[] BASES = {GOOD, USER, String.format(RESPONSE, "\"output_tokens\":7"),
        "{\"type\":\"assistant\",\"timestamp\":\"2025-01-01T00:00:01Z\",\"message\":{\"model\":\"claude\",\"usage\":{\"output_tokens\":1}}}",
        "{\"message\":{\"content\":[{\"type\":\"tool_use\",\"input\":{\"a\":[1,2.5e-3,true,null,\"é\\n\"]}}],\"model\":\"m\","
            + "\"usage\":{\"input_tokens\":3}},\"timestamp\":\"2025-01-01T00:00:01.500Z\",\"requestId\":\"r\"}"};
    private static final String[] INSERTS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\\"", "\\u00e9", "\\ud83d", "\\x", "é", "😀",
        "\t", "\r", "\n", " ", "0", "-1", "1.5", "1e5", "01", "null", "true", "x", "\"type\"", "\"model\":\"m\"", "\"usage\":{}",
        "\"input_tokens\":5", "\"message\":{}", "\"timestamp\":\"2025-01-01T00:00:00Z\",", "{\"a\":[{}]}", "\u0001"};
    private static final int[] RAW = {0x80, 0xC3, 0xE2, 0xF0, 0xFF, 0x00, 0xED, 0xBF};

    @Provide
    Arbitrary<byte[]> mutatedLines() {
        Arbitrary<String> base = Arbitraries.of(BASES);
        Arbitrary<List<Integer>> edits = Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(0).ofMaxSize(4);
        return Combinators.combine(base, edits).as(ClaudeLineScannerTest::mutate);
    }

    /** Each edit: at a position, cut 0 to 7 bytes and put in a fragment, a raw byte, or nothing; or cut the line short. */
    private static byte[] mutate(String base, List<Integer> edits) {
        byte[] b = utf8(base);
        for (int e : edits) {
            int at = e % (b.length + 1);
            int cut = Math.min(b.length - at, (e >>> 8) % 8);
            int what = (e >>> 11) % (INSERTS.length + RAW.length + 2);
            byte[] put;
            if (what < INSERTS.length) {
                put = utf8(INSERTS[what]);
            } else if (what < INSERTS.length + RAW.length) {
                put = new byte[] {(byte) RAW[what - INSERTS.length]};
            } else if (what == INSERTS.length + RAW.length) {
                put = new byte[0];
            } else {
                b = java.util.Arrays.copyOf(b, at); // truncated
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(b, 0, at);
            out.writeBytes(put);
            out.write(b, at + cut, b.length - at - cut);
            b = out.toByteArray();
        }
        return b;
    }

    @Test
    void mostMutatedLinesStayReadable_soThePropertyComparesRecords() {
        java.util.Random rnd = new java.util.Random(14);
        int read = 0;
        int records = 0;
        for (int i = 0; i < 400; i++) {
            List<Integer> edits = new ArrayList<>();
            for (int k = rnd.nextInt(3); k > 0; k--) {
                edits.add(rnd.nextInt(1 << 20));
            }
            byte[] line = mutate(BASES[rnd.nextInt(BASES.length)], edits);
            ClaudeCodeLogs.Parsed s = scanned(line);
            if (s != null) {
                assertEquals(jackson(line), s);
                read++;
                records += s.usage() != null ? 1 : 0;
            }
        }
        assertTrue(read > 100 && records > 50, read + " read, " + records + " records");
    }

    // ---------------------------------------------------------------- in the reader

    @Test
    void aFileOfGoodAndDoubtfulLines_readsAsJacksonReadsEachLine(@TempDir Path dir) throws Exception {
        List<String> lines = List.of(GOOD, "{\"ty\\u0070e\":\"user\"}", USER, "", " \t", GOOD.replace("msg_01", "msg_02"),
                "{\"message\":{\"model\":\"claud\\u0065\",\"usage\":{\"output_tokens\":3}},\"timestamp\":\"2025-01-01T00:00:00Z\"}",
                "{broken", GOOD.replace("\"input_tokens\":4", "\"input_tokens\":-4"), GOOD.replace("msg_01", "msg_03") + "\r",
                "{\"message\":{\"model\":\"m\",\"usage\":{\"input_tokens\":1,\"input_tokens\":2}},\"timestamp\":\"2025-01-01T00:00:00Z\"}");
        Path f = dir.resolve("s.jsonl");
        Files.writeString(f, String.join("\n", lines));
        List<ClaudeUsage> got = new ArrayList<>();
        ReadReport r = ClaudeCodeLogs.stream(f, got::add, 1);
        List<ClaudeUsage> want = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            ClaudeCodeLogs.Parsed p = ClaudeCodeLogs.jacksonLine(f.toString(), dir.getFileName().toString(), n, utf8(line));
            if (p.usage() != null) {
                want.add(p.usage());
            }
        }
        assertEquals(want, got);
        assertEquals(9, r.read());
        // the escaped name is a user turn, the escaped model and the count given twice are records: {broken and -4 are rejected
        assertEquals(2, r.rejected(), r.issues().toString());
        assertEquals(2, r.skipped(), r.issues().toString());
    }
    /** The lowest flagged byte by multiplication equals numberOfTrailingZeros / 8, for every pattern of flagged bytes. */
    @Test
    void lowestFlagged_isTheLowestByteWithItsHighBitSet() {
        for (int pattern = 1; pattern < 256; pattern++) {
            long t = 0;
            for (int k = 0; k < 8; k++) {
                if ((pattern >>> k & 1) != 0) {
                    t |= 0x80L << (8 * k);
                }
            }
            assertEquals(Long.numberOfTrailingZeros(t) >>> 3, ClaudeLineScanner.lowestFlagged(t), Long.toHexString(t));
        }
    }

    /** special (word test written out) finds exactly the first byte a byte-by-byte search finds, at any offset and bound. */
    @Property(tries = 300)
    void special_findsTheFirstSpecialByte(@ForAll("specialBytes") byte[] b, @ForAll("offsets") int from, @ForAll("offsets") int cut) {
        int i = Math.min(from, b.length);
        int to = Math.max(i, b.length - Math.min(cut, b.length));
        int expected = i;
        while (expected < to && !(b[expected] == '"' || b[expected] == '\\' || (b[expected] & 0xFF) < 0x20 || b[expected] < 0)) {
            expected++;
        }
        assertEquals(expected, ClaudeLineScanner.special(b, i, to));
        for (int k = 0; k + 8 <= b.length; k++) {
            long v = java.nio.ByteBuffer.wrap(b, k, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
            long t = ClaudeLineScanner.specials(v);
            int first = 0;
            while (first < 8 && !(b[k + first] == '"' || b[k + first] == '\\' || (b[k + first] & 0xFF) < 0x20 || b[k + first] < 0)) {
                first++;
            }
            assertEquals(first == 8, t == 0);
            if (t != 0) {
                assertEquals(first, ClaudeLineScanner.lowestFlagged(t));
            }
        }
    }

    /**
     * The word test, for every value of one byte and of two bytes at every pair of places in a word of plain
     * ASCII: 0 exactly when no byte is special, else its lowest flagged byte is the lowest special one.
     */
    @Test
    void specials_findsTheLowestSpecialByte_forEveryOneAndTwoBytes() {
        byte[] w = new byte[8];
        for (int lo = 0; lo < 8; lo++) {
            for (int hi = lo; hi < 8; hi++) {
                for (int x = 0; x < 256; x++) {
                    for (int y = 0; y < 256; y++) {
                        java.util.Arrays.fill(w, (byte) 'a');
                        w[hi] = (byte) y;
                        w[lo] = (byte) x;
                        long v = java.nio.ByteBuffer.wrap(w).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
                        int first = 0;
                        while (first < 8 && !(w[first] == '"' || w[first] == '\\' || (w[first] & 0xFF) < 0x20 || w[first] < 0)) {
                            first++;
                        }
                        long t = ClaudeLineScanner.specials(v);
                        if (first == 8 ? t != 0 : t == 0 || ClaudeLineScanner.lowestFlagged(t) != first) {
                            fail("bytes " + x + " at " + lo + " and " + y + " at " + hi + ": " + Long.toHexString(t));
                        }
                        if (lo == hi) {
                            break; // one byte: y is overwritten by x
                        }
                    }
                }
            }
        }
    }

    /** same (word by word, the last word ending at the text's end) agrees with Arrays.equals at any offset and length. */
    @Property(tries = 300)
    void same_agreesWithArraysEquals(@ForAll("specialBytes") byte[] b, @ForAll("offsets") int from) {
        int at = Math.min(from, b.length);
        for (int n = 0; at + n <= b.length; n++) {
            byte[] copy = java.util.Arrays.copyOfRange(b, at, at + n);
            assertTrue(ClaudeLineScanner.same(b, at, n, copy));
            for (int k = 0; k < n; k++) {
                copy[k] ^= 0x01; // one bit of one byte differs, at each place in the text
                assertFalse(ClaudeLineScanner.same(b, at, n, copy));
                copy[k] ^= 0x01;
            }
            assertFalse(ClaudeLineScanner.same(b, at, n, new byte[n + 1]));
        }
    }

    @Provide
    Arbitrary<byte[]> specialBytes() {
        // mostly plain ASCII, with quotes, backslashes, control characters and high bytes sprinkled in
        Arbitrary<Byte> one = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of((byte) '"', (byte) '\\', (byte) 0x00, (byte) 0x1F, (byte) 0x0A,
                        (byte) 0x7F, (byte) 0x80, (byte) 0xFF, (byte) 0xC3, (byte) 0x21, (byte) 0x5B, (byte) 0x5D, (byte) 0x23)));
        return one.array(byte[].class).ofMinSize(0).ofMaxSize(80);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 20);
    }
}
