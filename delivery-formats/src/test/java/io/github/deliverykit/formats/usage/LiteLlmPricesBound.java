package io.github.deliverykit.formats.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.Json;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice;
import io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The LiteLLM reader as it was written with data binding (each model read as a tree, then bound to
 * {@link LiteLlmModel}): the reference that the streaming {@link LiteLlmPrices} is checked against.
 *
 * <p>Its own documentation, kept:
 *
 * <p> * Reads LiteLLM's {@code model_prices_and_context_window.json} (an object of models, each with USD
 * prices per token) into a {@link PriceTable} with id {@value #ID}, streaming model by model. Per
 * model: {@code input_cost_per_token} and {@code output_cost_per_token} (both required; models without
 * them, such as image or embedding-only entries, are skipped and reported),
 * {@code cache_creation_input_token_cost} and {@code cache_read_input_token_cost} (absent means 0, as
 * ccusage prices them; the report notes how many models lack them) and the
 * {@code *_above_200k_tokens} tier, applied per token kind above 200,000 tokens as ccusage does.
 * Other tiers (e.g. {@code _above_128k_tokens}) are not read and are noted. Models the file does not
 * list stay unpriced: their cost is unknown, never 0. Stateless and thread safe.
 */
final class LiteLlmPricesBound {

    /** The id of the tables this reader builds. */
    public static final String ID = "litellm";
    /** LiteLLM's tier threshold, in tokens. */
    public static final long TIER_THRESHOLD = 200_000;

    private LiteLlmPricesBound() {}

    /**
     * Reads a price file.
     *
     * @param file the file
     * @return the table and the report
     * @throws FormatException if the file is not a JSON object of models
     * @throws UncheckedIOException if the file cannot be read
     */
    static PriceRead read(Path file) {
        Checks.notNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads a price file's content.
     *
     * @param source the name used in errors and the report
     * @param in the JSON
     * @return the table and the report
     * @throws FormatException if the input is not a JSON object of models
     */
    static PriceRead read(String source, InputStream in) {
        Checks.notBlank(source, "source");
        Checks.notNull(in, "in");
        ReadReport.Builder report = new ReadReport.Builder();
        List<ModelPrice> prices = new ArrayList<>();
        long noCache = 0;
        try (JsonParser p = Json.factory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FormatException(source, "$", "must be a JSON object of models");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String model = p.currentName();
                String path = "$['" + model + "']";
                int line = p.currentLocation().getLineNr();
                String at = "line " + line + ", " + path;
                JsonToken t = p.nextToken();
                report.read();
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    report.issue(IssueKind.REJECTED, source, at, "must be an object of prices");
                    continue;
                }
                JsonNode node = p.readValueAsTree();
                if (model.equals("sample_spec")) {
                    report.issue(IssueKind.SKIPPED, source, at, "the file's schema example, not a model");
                    continue;
                }
                LiteLlmModel m;
                try {
                    m = Json.mapper().treeToValue(node, LiteLlmModel.class);
                } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                    report.issue(IssueKind.REJECTED, source, at + Json.path(e).substring(1), e.getOriginalMessage());
                    continue;
                }
                if (m.input() == null || m.output() == null) {
                    report.issue(IssueKind.SKIPPED, source, at, "no input_cost_per_token and output_cost_per_token");
                    continue;
                }
                if (m.cacheWrite() == null || m.cacheRead() == null) {
                    noCache++;
                }
                var it = node.fieldNames();
                while (it.hasNext()) {
                    String f = it.next();
                    if (f.contains("_above_") && !f.endsWith("_above_200k_tokens")) {
                        report.issue(IssueKind.NOTE, source, at + "." + f, "tier not read: only the 200k tier is applied");
                    }
                }
                LiteLlmPrices.add(prices, model, new BigDecimal[] {m.input(), m.output(), m.cacheWrite(), m.cacheRead(),
                    m.inputAbove(), m.outputAbove(), m.cacheWriteAbove(), m.cacheReadAbove()}, report, source, at);
            }
        } catch (JsonProcessingException e) {
            throw Json.error(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return LiteLlmPrices.done(prices, noCache, report, source);
    }
}
