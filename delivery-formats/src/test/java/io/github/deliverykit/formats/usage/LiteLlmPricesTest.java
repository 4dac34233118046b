package io.github.deliverykit.formats.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.Samples;
import io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The streaming LiteLLM reader, against the data-binding reader it replaced ({@link LiteLlmPricesBound}). */
final class LiteLlmPricesTest {

    /** Every optional field, a null, a quoted number, another tier, an extension object and the schema example. */
    private static final String RICH = "{\n"
            + "  \"sample_spec\": {\"input_cost_per_token\": 0.0, \"output_cost_per_token\": 0.0},\n"
            + "  \"a\": {\"input_cost_per_token\": 3e-06, \"output_cost_per_token\": 1.5e-05,"
            + " \"cache_creation_input_token_cost\": 3.75e-06, \"cache_read_input_token_cost\": null,"
            + " \"input_cost_per_token_above_200k_tokens\": 6e-06, \"output_cost_per_token_above_200k_tokens\": 2.25e-05,"
            + " \"cache_creation_input_token_cost_above_200k_tokens\": 7.5e-06,"
            + " \"cache_read_input_token_cost_above_200k_tokens\": 6e-07, \"supported_regions\": [\"global\", {\"x\": 1}],"
            + " \"metadata\": {\"notes\": [1, 2]}, \"mode\": \"chat\"},\n"
            + "  \"b\": {\"input_cost_per_token\": \"1e-06\", \"output_cost_per_token\": 2, \"cache_read_input_token_cost\": 0,"
            + " \"input_cost_per_token_above_128k_tokens\": 1e-06},\n"
            + "  \"c\": {\"mode\": \"embedding\", \"input_cost_per_token\": 1e-07},\n"
            + "  \"d\": [1, 2],\n"
            + "  \"e\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 1e-06, \"cache_read_input_token_cost\": 1e-07,"
            + " \"cache_creation_input_token_cost\": 1e-07}\n"
            + "}\n";

    private static PriceRead read(String json) {
        return LiteLlmPrices.read("p.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static PriceRead bound(String json) {
        return LiteLlmPricesBound.read("p.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rich_sameAsDataBinding() {
        PriceRead r = read(RICH);
        assertSame(bound(RICH), r);
        assertEquals(TokenPrices.perMillion("USD", "1", "2000000", "0", "0"), r.table().price("b").orElseThrow().base());
        assertEquals(TokenPrices.perMillion("USD", "3", "15", "3.75", "0"), r.table().price("a").orElseThrow().base());
        assertEquals(TokenPrices.perMillion("USD", "6", "22.5", "7.5", "0.6"), r.table().price("a").orElseThrow().aboveThreshold());
        assertFalse(r.table().price("c").isPresent());
        assertEquals(List.of("line 1, $['b'].input_cost_per_token_above_128k_tokens"),
                r.report().issues().stream().filter(i -> i.reason().startsWith("tier not read")).map(i -> i.position())
                        .map(p -> p.replaceFirst("line \\d+", "line 1")).collect(Collectors.toList()));
    }

    @Test
    void sample_sameAsDataBinding() {
        String sample = Samples.text("litellm/model_prices.json");
        assertSame(bound(sample), read(sample));
    }

    @Test
    void notANumber_rejectsTheModel_namingTheField() {
        for (String value : new String[] {"true", "{\"usd\": 1}", "[1e-6]", "\"cheap\"", "\"1e-6 per token\""}) {
            PriceRead r = read("{\"m\": {\"input_cost_per_token\": " + value + ", \"output_cost_per_token\": 1e-6},"
                    + " \"n\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 1e-6}}");
            assertEquals(1, r.report().rejected(), value);
            assertEquals(1, r.report().accepted(), value);
            ReadReport.Issue issue = r.report().issues().get(0);
            assertEquals(IssueKind.REJECTED, issue.kind());
            assertEquals("line 1, $['m'].input_cost_per_token", issue.position(), value);
            assertTrue(issue.reason().startsWith("must be a number"), issue.reason());
            assertEquals(bound("{\"m\": {\"input_cost_per_token\": " + value + ", \"output_cost_per_token\": 1e-6}}")
                    .report().rejected(), 1, value);
        }
        String longDigits = "\"" + "1".repeat(101) + "\"";
        PriceRead r = read("{\"m\": {\"input_cost_per_token\": " + longDigits + ", \"output_cost_per_token\": 1e-6}}");
        assertTrue(r.report().issues().get(0).reason().contains("at most 100"), r.report().issues().toString());
    }

    @Test
    void emptyOrNullText_isAbsent_asDataBindingCoercesIt() {
        for (String value : new String[] {"\"\"", "\" \"", "\"null\"", "null"}) {
            String json = "{\"m\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 1e-6,"
                    + " \"cache_read_input_token_cost\": " + value + "}}";
            assertSame(bound(json), read(json));
        }
    }

    @Test
    void quotedNumbers_asDataBindingReadsThem() {
        for (String value : new String[] {"\"1.\"", "\".5\"", "\"+1\"", "\"1E5\"", "\"-0\"", "\"0x10\"", "\"1_000\"", "\"NaN\"",
                "\"Infinity\"", "\" 1e-6 \"", "\"01\"", "\"1e\"", "\"-\"", "\"1.5e+3\"", "\"\\u0031\""}) {
            String json = "{\"m\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 1e-6,"
                    + " \"cache_read_input_token_cost\": " + value + "}}";
            assertSame(bound(json), read(json));
        }
    }

    /** The one intended difference: the provider, which nothing prices, is not checked. */
    @Test
    void provider_ofAnyShape_isIgnored() {
        PriceRead r = read("{\"m\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 1e-6, \"litellm_provider\": {\"x\": 1}}}");
        assertEquals(1, r.report().accepted());
    }

    @Test
    void malformed_isOneFormatException_withItsLine() {
        assertEquals("$", assertThrows(FormatException.class, () -> read("[1]")).position());
        FormatException e = assertThrows(FormatException.class, () -> read("{\"a\": {\"b\": "));
        assertTrue(e.position().startsWith("line 1"), e.position());
        e = assertThrows(FormatException.class, () -> read("{\"a\": {\"input_cost_per_token\": 1,\n \"input_cost_per_token\": 2}}"));
        assertTrue(e.position().startsWith("line 2"), e.position());
        assertTrue(e.getMessage().contains("Duplicate field"), e.getMessage());
    }

    /** A mutated file gives what the data-binding reader gave: the same prices and counts, or a FormatException from both. */
    @Property(tries = 300)
    void mutated_sameAsDataBinding(@ForAll("mutations") String json) {
        PriceRead expected;
        try {
            expected = bound(json);
        } catch (FormatException e) {
            assertThrows(FormatException.class, () -> read(json), json);
            return;
        }
        PriceRead actual = read(json);
        if (json.contains("\"litellm_provider\": {") || json.contains("\"litellm_provider\": [")
                || json.contains("\"litellm_provider\":{") || json.contains("\"litellm_provider\":[")) {
            return; // the provider's shape is not checked (above)
        }
        assertSame(expected, actual);
    }

    @Provide
    Arbitrary<String> mutations() {
        String text = RICH + "\n" + Samples.text("litellm/model_prices.json");
        return Combinators.combine(Arbitraries.of(RICH, Samples.text("litellm/model_prices.json")),
                Arbitraries.integers().between(0, text.length()), Arbitraries.integers().between(0, 10),
                Arbitraries.strings().withChars("{}[],:\"-.0123456789e\n tnul").ofMaxLength(4))
                .as((seed, at, cut, insert) -> {
                    int a = Math.min(at, seed.length());
                    return seed.substring(0, a) + insert + seed.substring(Math.min(seed.length(), a + cut));
                });
    }

    private static void assertSame(PriceRead expected, PriceRead actual) {
        assertEquals(expected.table().prices(), actual.table().prices());
        ReadReport e = expected.report();
        ReadReport a = actual.report();
        assertEquals(List.of(e.read(), e.accepted(), e.rejected(), e.skipped(), e.noted()),
                List.of(a.read(), a.accepted(), a.rejected(), a.skipped(), a.noted()), a.issues().toString());
        assertEquals(e.issues().stream().map(i -> i.kind() + " " + i.position().replaceAll("\\.[a-z_0-9]+$", ""))
                        .collect(Collectors.toList()),
                a.issues().stream().map(i -> i.kind() + " " + i.position().replaceAll("\\.[a-z_0-9]+$", ""))
                        .collect(Collectors.toList()));
    }
}
