package io.github.deliverykit.formats.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class ClaudeUsagePropertyTest {

    private static final String LOG = Samples.text("claude/projects/-work-shop/11111111-2222-3333-4444-555555555555.jsonl");
    private static final String PRICES = Samples.text("litellm/model_prices.json");

    /** A mutated log never throws: every line is accepted, merged, skipped or rejected, and counted. */
    @Property(tries = 200)
    void claude_mutated_accountsForEveryLine(@ForAll("logMutations") String log) throws IOException {
        Path f = Files.createTempFile("session", ".jsonl");
        try {
            Files.writeString(f, log);
            ReadReport r = ClaudeCodeLogs.stream(f, u -> { });
            assertEquals(r.read(), r.accepted() + r.skipped() + r.rejected() + r.merged());
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** A mutated price file reads, or fails with a FormatException; never anything else. */
    @Property(tries = 200)
    void litellm_mutated_givesResultOrFormatException(@ForAll("priceMutations") String json) {
        try {
            LiteLlmPrices.read("mutated.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (FormatException expected) {
            // the documented failure
        }
    }

    @Provide
    Arbitrary<String> logMutations() {
        return mutate(LOG);
    }

    @Provide
    Arbitrary<String> priceMutations() {
        return mutate(PRICES);
    }

    private static Arbitrary<String> mutate(String text) {
        return Combinators.combine(Arbitraries.integers().between(0, text.length() - 1),
                Arbitraries.integers().between(0, 10), Arbitraries.strings().withChars("{}[],:\"-.0123456789e\n ").ofMaxLength(4))
                .as((at, cut, insert) -> text.substring(0, at) + insert + text.substring(Math.min(text.length(), at + cut)));
    }

    /** The eight-bytes-at-a-time newline count equals a byte-by-byte count, for bytes near '\n' and high bytes. */
    @Property(tries = 300)
    void newlines_countsEveryNewlineExactly(@ForAll("bytes") byte[] data, @ForAll @net.jqwik.api.constraints.IntRange(max = 64)
            int cut) {
        int len = Math.max(0, data.length - cut);
        int expected = 0;
        for (int i = 0; i < len; i++) {
            expected += data[i] == '\n' ? 1 : 0;
        }
        assertEquals(expected, ClaudeCodeLogs.newlines(data, len));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.of((byte) '\n', (byte) 0x0B, (byte) 0x09, (byte) 0x8A, (byte) 0x00, (byte) 0xFF, (byte) 0x0A,
                (byte) 0x7F, (byte) 0x80, (byte) 'a', (byte) 0x01).array(byte[].class).ofMaxSize(200);
    }

    /** Costs per day in a zone with daylight saving: each record on its own local day, as LocalDate.ofInstant says. */
    @Property(tries = 50)
    void costs_byDay_isTheLocalDayOfEachRecord(@ForAll("instants") java.util.List<java.time.Instant> at) {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        io.github.deliverykit.metrics.cost.spi.PriceTable t = io.github.deliverykit.metrics.cost.spi.PriceTable.of("t",
                io.github.deliverykit.core.money.Money.currency("USD"), java.util.List.of(
                        io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice.flat("m",
                                io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices.perMillion("USD", "1", "1", "1", "1"))));
        UsageCosts c = UsageCosts.of(t, berlin);
        java.util.Map<java.time.LocalDate, Long> expected = new java.util.TreeMap<>();
        int i = 0;
        for (java.time.Instant a : at) {
            c.accept(new ClaudeUsage(io.github.deliverykit.metrics.cost.UsageRecord.builder("r" + i++, a, "m")
                    .tokens(1, 0, 0, 0).build(), null, "p"));
            expected.merge(java.time.LocalDate.ofInstant(a, berlin), 1L, Long::sum);
        }
        java.util.Map<java.time.LocalDate, Long> counted = new java.util.TreeMap<>();
        c.summary().byDay().forEach((d, cost) -> counted.put(d, cost.pricedRecords() + cost.unknownRecords()));
        assertEquals(expected, counted);
    }

    @Provide
    Arbitrary<java.util.List<java.time.Instant>> instants() {
        // around the 2025 spring-forward and fall-back nights, and the midnights beside them
        java.time.Instant from = java.time.Instant.parse("2025-03-29T20:00:00Z");
        java.time.Instant autumn = java.time.Instant.parse("2025-10-25T20:00:00Z");
        return Arbitraries.longs().between(0, 3 * 86_400).flatMap(s -> Arbitraries.of(from.plusSeconds(s), autumn.plusSeconds(s)))
                .list().ofMaxSize(40);
    }

    /** The fast ISO-8601 path agrees with Instant.parse on near-miss text: the same instant, or both reject it. */
    @Property(tries = 1000)
    void instant_agreesWithInstantParse(@ForAll("timestamps") String text) {
        java.time.Instant expected;
        try {
            expected = java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            org.junit.jupiter.api.Assertions.assertThrows(java.time.format.DateTimeParseException.class,
                    () -> ClaudeCodeLogs.instant(text), text);
            return;
        }
        assertEquals(expected, ClaudeCodeLogs.instant(text), text);
    }

    @Provide
    Arbitrary<String> timestamps() {
        // a valid instant with one or two characters replaced by a near miss (digits around the limits, '/' and ':'
        // beside the digits, separators), in the 20- and 24-character forms Claude Code writes
        Arbitrary<String> base = Arbitraries.of("2025-07-01T09:00:05Z", "2025-07-01T09:00:05.123Z", "2024-02-29T23:59:59.999Z",
                "1999-12-31T00:00:00Z", "2025-10-26T01:30:00.000Z", "0000-01-01T00:00:00Z");
        Arbitrary<Character> c = Arbitraries.of('0', '1', '2', '3', '5', '6', '9', '/', ':', '-', 'T', '.', 'Z', 'x');
        return Combinators.combine(base, Arbitraries.integers().between(0, 23), c, Arbitraries.integers().between(0, 23), c,
                Arbitraries.of(true, false)).as((b, i, x, j, y, two) -> {
                    char[] t = b.toCharArray();
                    t[i % t.length] = x;
                    if (two) {
                        t[j % t.length] = y;
                    }
                    return new String(t);
                });
    }

    /**
     * A log larger than a read block (and a line longer than one): every line is numbered as in the file,
     * wherever the blocks are cut, and each line is read exactly once.
     */
    @Property(tries = 8)
    void claude_largeFile_linesNumberedAcrossBlocks(@ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 3000) int brokenAt,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 600_000) int padding) throws IOException {
        java.util.List<String> lines = java.util.Arrays.asList(LOG.split("\n"));
        String usage = lines.stream().filter(l -> l.contains("\"usage\"") && l.contains("\"requestId\"")).findFirst().orElseThrow();
        StringBuilder b = new StringBuilder();
        int n = 0;
        int usages = 0;
        for (int i = 1; i <= 3000; i++) {
            n++;
            if (i == brokenAt) {
                b.append("{\"broken\n");
            } else if (i == 2) {
                // one long user turn: a line longer than a read block when padding is large
                b.append("{\"type\":\"user\",\"message\":{\"content\":\"").append("x".repeat(padding)).append("\"}}\n");
            } else {
                b.append(usage.replace("\"requestId\":\"", "\"requestId\":\"r" + i + "-")).append('\n');
                usages++;
            }
        }
        Path f = Files.createTempFile("large", ".jsonl");
        try {
            Files.writeString(f, b);
            ReadReport r = ClaudeCodeLogs.stream(f, u -> { });
            assertEquals(n, r.read());
            assertEquals(1, r.rejected());
            assertEquals(usages, r.accepted() + r.merged());
            assertEquals("line " + brokenAt, r.issues().stream().filter(i -> i.kind() == ReadReport.IssueKind.REJECTED)
                    .findFirst().orElseThrow().position().split(",")[0]);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /**
     * Lines are what newlines separate, whatever else lies between the values: blank lines, CRLF, a
     * carriage return alone (not a line break: two values it separates share a line, which is rejected),
     * spaces. Every value is numbered by its newline-separated line, in the fast path as line by line.
     */
    @Property(tries = 60)
    void claude_lineBreaks_numberedByNewlinesOnly(@ForAll("separators") java.util.List<String> separators) throws IOException {
        String usage = java.util.Arrays.stream(LOG.split("\n")).filter(l -> l.contains("\"usage\"")).findFirst().orElseThrow()
                .replaceAll("\"requestId\":\"[^\"]*\",", "").replaceAll("\"id\":\"msg[^\"]*\",", "");
        StringBuilder b = new StringBuilder();
        for (String sep : separators) {
            b.append(usage).append(sep);
        }
        String text = b.toString();
        // the expected reading: split on newlines only
        java.util.List<String> ids = new java.util.ArrayList<>();
        java.util.List<String> rejected = new java.util.ArrayList<>();
        Path f = Files.createTempFile("breaks", ".jsonl");
        try {
            Files.writeString(f, text);
            String[] lines = text.split("\n", -1);
            for (int n = 1; n <= lines.length; n++) {
                String l = lines[n - 1];
                if (l.isBlank()) {
                    continue;
                }
                if (l.indexOf('{', 1) > 0 && l.trim().indexOf("}{") < 0 && l.replace("\r", "").trim().equals(usage)) {
                    ids.add(f + ":" + n);
                } else if (l.replace("\r", "").replace(" ", "").equals(usage.replace(" ", ""))) {
                    ids.add(f + ":" + n);
                } else {
                    rejected.add("line " + n);
                }
            }
            for (int threads : new int[] {1, 2}) {
                java.util.List<String> got = new java.util.ArrayList<>();
                ReadReport r = ClaudeCodeLogs.stream(f, u -> got.add(u.usage().id()), threads);
                String shown = separators.toString().replace("\r", "\\r").replace("\n", "\\n") + ", " + threads + " threads";
                assertEquals(ids, got, shown);
                assertEquals(rejected, r.issues().stream().filter(i -> i.kind() == ReadReport.IssueKind.REJECTED)
                        .map(i -> i.position().split(",")[0]).toList(), shown);
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Provide
    Arbitrary<java.util.List<String>> separators() {
        return Arbitraries.of("\n", "\n", "\n", "\r\n", "\n\n", "\r\r\n", " \r\n ", "\r", " ", "\n \t\n", "")
                .list().ofMinSize(1).ofMaxSize(12);
    }
}
