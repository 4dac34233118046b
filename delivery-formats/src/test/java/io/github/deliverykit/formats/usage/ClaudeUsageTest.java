package io.github.deliverykit.formats.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.Samples;
import io.github.deliverykit.metrics.cost.CostReport.Cost;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice;
import io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ClaudeUsageTest {

    private static PriceTable prices() {
        return LiteLlmPrices.read(Samples.path("litellm/model_prices.json")).table();
    }

    @Test
    void litellm_sample_readsTiersAndSkipsNonTokenModels() {
        PriceRead read = LiteLlmPrices.read(Samples.path("litellm/model_prices.json"));
        ModelPrice sonnet = read.table().price("claude-sonnet-4-20250514").orElseThrow();
        assertEquals(TokenPrices.perMillion("USD", "3", "15", "3.75", "0.3"), sonnet.base());
        assertEquals(200_000, sonnet.tierThreshold());
        assertEquals(TokenPrices.perMillion("USD", "6", "22.5", "7.5", "0.6"), sonnet.aboveThreshold());
        ModelPrice haiku = read.table().price("claude-3-5-haiku-20241022").orElseThrow();
        assertEquals(0, haiku.tierThreshold());
        assertEquals(TokenPrices.perMillion("USD", "0.8", "4", "1", "0.08"), haiku.base());
        assertFalse(read.table().price("dall-e-3").isPresent());
        ReadReport r = read.report();
        assertEquals(4, r.read());
        assertEquals(2, r.accepted());
        assertEquals(2, r.skipped(), r.issues().toString());
    }

    @Test
    void litellm_hostile() {
        String json = "{\"a\": 1, \"b\": {\"input_cost_per_token\": \"x\", \"output_cost_per_token\": 1},"
                + " \"c\": {\"input_cost_per_token\": -1e-6, \"output_cost_per_token\": 1e-6},"
                + " \"d\": {\"input_cost_per_token\": 1e-20, \"output_cost_per_token\": 1e-6},"
                + " \"e\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6, \"input_cost_per_token_above_128k_tokens\": 1}}";
        PriceRead read = LiteLlmPrices.read("p.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(4, read.report().rejected(), read.report().issues().toString());
        assertEquals(1, read.report().accepted());
        assertEquals(2, read.report().noted(), read.report().issues().toString());
        assertTrue(read.report().issues().get(1).position().contains("$['b'].input_cost_per_token"),
                read.report().issues().get(1).position());
        FormatException e = assertThrows(FormatException.class,
                () -> LiteLlmPrices.read("p.json", new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8))));
        assertEquals("$", e.position());
        e = assertThrows(FormatException.class,
                () -> LiteLlmPrices.read("p.json", new ByteArrayInputStream("{\"a\": {\"b\": ".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.position().startsWith("line 1"), e.position());
    }

    @Test
    void claude_sample_countsEachResponseOnceAndReportsTheRest() {
        List<ClaudeUsage> out = new ArrayList<>();
        ReadReport r = ClaudeCodeLogs.stream(Samples.path("claude/projects"), out::add);
        assertEquals(List.of("msg_01A:req_01A", "msg_01B:req_01B", "msg_01C:req_01C", "msg_02A:req_02A"),
                out.stream().map(u -> u.usage().id()).filter(id -> id.startsWith("msg")).toList());
        assertEquals(5, out.size());
        ClaudeUsage first = out.get(0);
        assertEquals(120, first.usage().outputTokens(), "the complete snapshot is kept");
        assertEquals("feature/cart", first.gitBranch());
        assertEquals("-work-shop", first.project());
        assertEquals("11111111-2222-3333-4444-555555555555", first.usage().sessionId());
        assertEquals(12, r.read());
        assertEquals(5, r.accepted());
        assertEquals(3, r.skipped());
        assertEquals(2, r.rejected());
        assertEquals(2, r.merged());
        assertEquals(1, r.noted());
        assertEquals(r.read(), r.accepted() + r.skipped() + r.rejected() + r.merged(), "every line is accounted for");
        assertTrue(r.issues().stream().anyMatch(i -> i.kind() == IssueKind.REJECTED && i.position().startsWith("line 8")),
                r.issues().toString());
    }

    @Test
    void costs_sample_groupByDayBranchSessionModel_unknownStaysUnknown() {
        UsageCosts costs = UsageCosts.of(prices(), ZoneOffset.UTC,
                branch -> branch.equals("feature/cart") ? "#42" : null);
        ClaudeCodeLogs.stream(Samples.path("claude/projects"), costs);
        UsageCosts.Summary s = costs.summary();
        assertEquals(new Cost(Money.of("0.923492", "USD"), 4, 1), s.total());
        assertEquals(Map.of(LocalDate.parse("2025-07-01"), new Cost(Money.of("0.920412", "USD"), 2, 0),
                LocalDate.parse("2025-07-02"), new Cost(Money.of("0.00308", "USD"), 2, 1)), s.byDay());
        assertEquals(new Cost(Money.of("0.920692", "USD"), 3, 0), s.byBranch().get("feature/cart"));
        assertEquals(new Cost(Money.of("0.0028", "USD"), 1, 0), s.byBranch().get("main"));
        assertEquals(s.byBranch().get("feature/cart"), s.byPullRequest().get("#42"));
        assertEquals(new Cost(Money.of("0.920692", "USD"), 3, 1), s.bySession().get("11111111-2222-3333-4444-555555555555"));
        assertEquals(List.of("claude-opus-9"), List.copyOf(s.unpricedModels()));
        assertTrue(s.byModel().get("claude-opus-9").amount().isEmpty(), "an unknown model is never 0");
        assertEquals(5, s.records());
    }

    @Test
    void costs_providerPrefixedPrice_isFound() {
        PriceTable t = PriceTable.of("t", Money.currency("USD"),
                List.of(ModelPrice.flat("anthropic/m", TokenPrices.perMillion("USD", "1", "1", "1", "1"))));
        UsageCosts c = UsageCosts.of(t, ZoneOffset.UTC);
        c.accept(new ClaudeUsage(io.github.deliverykit.metrics.cost.UsageRecord.builder("x", java.time.Instant.EPOCH, "m")
                .tokens(1_000_000, 0, 0, 0).build(), null, "p"));
        assertEquals(new Cost(Money.of("1", "USD"), 1, 0), c.summary().total());
    }

    @Test
    void claude_threadCount_doesNotChangeTheResult() {
        List<ClaudeUsage> one = new ArrayList<>();
        List<ClaudeUsage> four = new ArrayList<>();
        ReadReport r1 = ClaudeCodeLogs.stream(Samples.path("claude/projects"), one::add, 1);
        ReadReport r4 = ClaudeCodeLogs.stream(Samples.path("claude/projects"), four::add, 4);
        assertEquals(one, four);
        assertEquals(r1, r4);
        assertThrows(IllegalArgumentException.class, () -> ClaudeCodeLogs.stream(Samples.path("claude/projects"), u -> { }, 0));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2025-07-01T09:00:05.123Z", "2024-02-29T23:59:59Z",
        "2025-12-31T00:00:00.000Z", "2025-07-01T09:00:05.123456Z", "2025-07-01T09:00:05+02:00", "1970-01-01T00:00:00Z"})
    void instant_matchesInstantParse(String text) {
        assertEquals(java.time.Instant.parse(text), ClaudeCodeLogs.instant(text));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z",
        "2025-07-0xT00:00:00Z", "yesterday"})
    void instant_rejectsWhatInstantParseRejects(String text) {
        assertThrows(java.time.format.DateTimeParseException.class, () -> ClaudeCodeLogs.instant(text));
    }

    @Test
    void claude_scannedLines_agreeWithJackson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // the sample's clean lines: read by the byte scanner; plus a broken line: left to Jackson
        List<String> clean = java.nio.file.Files.readAllLines(Samples.path(
                "claude/projects/-work-shop/11111111-2222-3333-4444-555555555555.jsonl")).subList(0, 7);
        java.nio.file.Path fast = java.nio.file.Files.write(dir.resolve("fast.jsonl"), clean);
        List<String> broken = new ArrayList<>(clean);
        broken.add("{\"broken");
        java.nio.file.Path slow = java.nio.file.Files.write(dir.resolve("slow.jsonl"), broken);
        for (String line : clean) {
            byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(ClaudeCodeLogs.jacksonLine("f", "p", 3, b), ClaudeCodeLogs.scannedLine("f", "p", 3, b), line);
        }
        assertEquals(null, ClaudeCodeLogs.scannedLine("s", "p", 1, "{\"broken".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<ClaudeUsage> a = new ArrayList<>();
        List<ClaudeUsage> b = new ArrayList<>();
        ReadReport ra = ClaudeCodeLogs.stream(fast, a::add, 1);
        ReadReport rb = ClaudeCodeLogs.stream(slow, b::add, 1);
        assertEquals(a.stream().map(u -> u.usage().id().replace("fast", "slow")).toList(),
                b.stream().map(u -> u.usage().id()).toList());
        assertEquals(a.stream().map(u -> u.usage().totalTokens()).toList(), b.stream().map(u -> u.usage().totalTokens()).toList());
        assertEquals(ra.read() + 1, rb.read());
        assertEquals(ra.rejected() + 1, rb.rejected());
        assertEquals(ra.merged(), rb.merged());
        assertEquals(ra.skipped(), rb.skipped());
        assertEquals(ra.issues().stream().map(i -> i.position()).toList(),
                rb.issues().stream().filter(i -> i.kind() != IssueKind.REJECTED).map(i -> i.position()).toList());
    }
}
