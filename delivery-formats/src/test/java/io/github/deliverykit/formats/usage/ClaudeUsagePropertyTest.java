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
}
