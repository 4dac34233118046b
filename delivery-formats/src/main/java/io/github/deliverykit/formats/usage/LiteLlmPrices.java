package io.github.deliverykit.formats.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
 * Reads LiteLLM's {@code model_prices_and_context_window.json} (an object of models, each with USD
 * prices per token) into a {@link PriceTable} with id {@value #ID}, streaming model by model. Per
 * model: {@code input_cost_per_token} and {@code output_cost_per_token} (both required; models without
 * them, such as image or embedding-only entries, are skipped and reported),
 * {@code cache_creation_input_token_cost} and {@code cache_read_input_token_cost} (absent means 0, as
 * ccusage prices them; the report notes how many models lack them) and the
 * {@code *_above_200k_tokens} tier, applied per token kind above 200,000 tokens as ccusage does.
 * Other tiers (e.g. {@code _above_128k_tokens}) are not read and are noted. A price is a JSON number or a
 * string holding one; null, an empty string or {@code "null"} is absent; anything else rejects the model,
 * naming the field. Other fields are ignored, whatever their shape. Models the file does not
 * list stay unpriced: their cost is unknown, never 0. Read with Jackson's streaming parser (duplicate keys
 * rejected). Stateless and thread safe.
 */
public final class LiteLlmPrices {

    /** The id of the tables this reader builds. */
    public static final String ID = "litellm";
    /** LiteLLM's tier threshold, in tokens. */
    public static final long TIER_THRESHOLD = 200_000;

    /**
     * The price fields, by name, and their slots. The base prices come first, then the same four above
     * {@link #TIER_THRESHOLD}.
     */
    private static final java.util.Map<String, Integer> FIELDS = java.util.Map.of(
            "input_cost_per_token", 0, "output_cost_per_token", 1,
            "cache_creation_input_token_cost", 2, "cache_read_input_token_cost", 3,
            "input_cost_per_token_above_200k_tokens", 4, "output_cost_per_token_above_200k_tokens", 5,
            "cache_creation_input_token_cost_above_200k_tokens", 6, "cache_read_input_token_cost_above_200k_tokens", 7);
    private static final int INPUT = 0;
    private static final int OUTPUT = 1;
    private static final int CACHE_WRITE = 2;
    private static final int CACHE_READ = 3;
    private static final int ABOVE = 4;
    private LiteLlmPrices() {}

    /**
     * Reads a price file.
     *
     * @param file the file
     * @return the table and the report
     * @throws FormatException if the file is not a JSON object of models
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PriceRead read(Path file) {
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
    public static PriceRead read(String source, InputStream in) {
        Checks.notBlank(source, "source");
        Checks.notNull(in, "in");
        ReadReport.Builder report = new ReadReport.Builder();
        List<ModelPrice> prices = new ArrayList<>();
        long noCache = 0;
        try (JsonParser p = Json.STRICT.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FormatException(source, "$", "must be a JSON object of models");
            }
            BigDecimal[] m = new BigDecimal[FIELDS.size()];
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
                if (model.equals("sample_spec")) {
                    p.skipChildren();
                    report.issue(IssueKind.SKIPPED, source, at, "the file's schema example, not a model");
                    continue;
                }
                java.util.Arrays.fill(m, null);
                String rejectedAt = null;
                String rejectedWhy = null;
                List<String> otherTiers = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    Integer slot = FIELDS.get(f);
                    if (slot == null) {
                        p.skipChildren(); // an extension or a field this reader does not price (the spec allows them)
                        if (f.contains("_above_") && !f.endsWith("_above_200k_tokens")) {
                            if (otherTiers == null) {
                                otherTiers = new ArrayList<>();
                            }
                            otherTiers.add(f);
                        }
                        continue;
                    }
                    String problem = price(p, v, m, slot);
                    if (problem != null && rejectedAt == null) {
                        rejectedAt = at + "." + f; // the first, as data binding reported it
                        rejectedWhy = problem;
                    }
                }
                if (rejectedAt != null) {
                    report.issue(IssueKind.REJECTED, source, rejectedAt, rejectedWhy);
                    continue;
                }
                if (m[INPUT] == null || m[OUTPUT] == null) {
                    report.issue(IssueKind.SKIPPED, source, at, "no input_cost_per_token and output_cost_per_token");
                    continue;
                }
                if (m[CACHE_WRITE] == null || m[CACHE_READ] == null) {
                    noCache++;
                }
                if (otherTiers != null) {
                    for (String f : otherTiers) {
                        report.issue(IssueKind.NOTE, source, at + "." + f, "tier not read: only the 200k tier is applied");
                    }
                }
                add(prices, model, m, report, source, at);
            }
        } catch (JsonProcessingException e) {
            throw Json.error(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return done(prices, noCache, report, source);
    }

    /**
     * Adds a model's prices (the four base prices, then the four above the tier, each null when absent),
     * or reports why they are not prices.
     */
    static void add(List<ModelPrice> prices, String model, @Nullable BigDecimal[] m, ReadReport.Builder report,
            String source, String at) {
        try {
            TokenPrices base = prices(m[INPUT], m[OUTPUT], m[CACHE_WRITE], m[CACHE_READ]);
            if (m[INPUT + ABOVE] == null && m[OUTPUT + ABOVE] == null && m[CACHE_WRITE + ABOVE] == null
                    && m[CACHE_READ + ABOVE] == null) {
                prices.add(ModelPrice.flat(model, base));
            } else {
                TokenPrices above = prices(or(m[INPUT + ABOVE], m[INPUT]), or(m[OUTPUT + ABOVE], m[OUTPUT]),
                        or(m[CACHE_WRITE + ABOVE], m[CACHE_WRITE]), or(m[CACHE_READ + ABOVE], m[CACHE_READ]));
                prices.add(ModelPrice.tiered(model, base, TIER_THRESHOLD, above));
            }
            report.accepted();
        } catch (IllegalArgumentException e) {
            report.issue(IssueKind.REJECTED, source, at, e.getMessage());
        }
    }

    /** The table of the models read, and the report, with a note of the models that have no cache prices. */
    static PriceRead done(List<ModelPrice> prices, long noCache, ReadReport.Builder report, String source) {
        if (noCache > 0) {
            report.issue(IssueKind.NOTE, source, "$", noCache + " models have no cache prices: their cache tokens are priced at 0");
        }
        return new PriceRead(PriceTable.of(ID, io.github.deliverykit.core.money.Money.currency("USD"), prices), report.build());
    }

    /**
     * Reads one price field's value into {@code m[slot]}: a JSON number, or a string holding one as
     * {@link BigDecimal#BigDecimal(String)} reads it (LiteLLM writes numbers; data binding coerced such
     * strings the same way); null, an empty string or the string {@code "null"} leave it absent.
     *
     * @return null, or why the value is not a price
     */
    private static @Nullable String price(JsonParser p, JsonToken v, BigDecimal[] m, int slot) throws IOException {
        switch (v) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                m[slot] = p.getDecimalValue();
                return null;
            case VALUE_NULL:
                m[slot] = null;
                return null;
            case VALUE_STRING:
                String text = p.getText().trim();
                if (text.isEmpty() || text.equals("null")) {
                    m[slot] = null;
                    return null;
                }
                if (text.length() <= 100) {
                    try {
                        m[slot] = new BigDecimal(text); // what data binding accepts in a string: 1e-6, +1, .5, 1.
                        return null;
                    } catch (NumberFormatException e) {
                        // named below
                    }
                }
                return "must be a number (of at most 100 characters), not \""
                        + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
            default:
                p.skipChildren();
                return "must be a number, not " + what(v);
        }
    }

    private static String what(JsonToken v) {
        switch (v) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            default:
                return v.toString();
        }
    }

    static @Nullable BigDecimal or(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a != null ? a : b;
    }

    static TokenPrices prices(BigDecimal input, BigDecimal output, @Nullable BigDecimal cacheWrite,
            @Nullable BigDecimal cacheRead) {
        return TokenPrices.perMillion("USD", perMillion(input, "input"), perMillion(output, "output"),
                perMillion(cacheWrite, "cacheWrite"), perMillion(cacheRead, "cacheRead"));
    }

    private static String perMillion(@Nullable BigDecimal perToken, String field) {
        if (perToken == null) {
            return "0";
        }
        BigDecimal m = perToken.movePointRight(6).stripTrailingZeros();
        if (m.scale() > 9) {
            throw Checks.invalid(field, "must be a price per token with at most 15 decimals",
                    perToken.toPlainString());
        }
        return m.toPlainString().toLowerCase(Locale.ROOT);
    }
}
