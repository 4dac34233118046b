package io.github.deliverykit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a command prints: a title, a verdict, the findings, the library's own text and Markdown
 * renderings, and the exit code the verdict maps to. JSON output is built from the same parts, so
 * the three formats never disagree.
 *
 * @param title the report title
 * @param verdict the verdict, e.g. {@code CONDITIONAL_GO}
 * @param findings the findings
 * @param text the plain-text rendering
 * @param markdown the Markdown rendering
 * @param data extra JSON fields (figures), rendered in insertion order
 * @param exitCode the exit code
 */
public record Report(String title, String verdict, Findings findings, String text, String markdown,
        Map<String, @Nullable Object> data, int exitCode) {

    /** The nodes of the JSON trees: decimals kept exact (1.50 stays 1.50, not 1.5). */
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * Writes the JSON trees with Jackson's streaming generator: decimals plain (no exponent), indented by its
     * default pretty printer, as an ObjectMapper with {@code INDENT_OUTPUT} writes them. Without an ObjectMapper:
     * its class set-up (the default date format's calendar and locale look-up) took about 25 ms of every run,
     * after the command's work and before its output.
     */
    private static final JsonFactory WRITER = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    /**
     * A JSON tree as indented text, ending in a newline.
     *
     * @param tree the tree (of {@link #NODES})
     * @return the text
     */
    static String write(JsonNode tree) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = WRITER.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render JSON", e); // a StringWriter does not fail
        }
        return text.append('\n').toString();
    }

    /**
     * One node, as its own {@code serialize} writes it (which needs an ObjectMapper's serializer provider in
     * Jackson 2.18): each value by the generator call of its type, an object's fields in their order.
     */
    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : n.properties()) {
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : n) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    case DOUBLE -> g.writeNumber(n.doubleValue());
                    default -> g.writeNumber(n.decimalValue());
                }
            }
            default -> throw new IllegalStateException("a report holds JSON values only, not a " + n.getNodeType() + " node");
        }
    }

    /**
     * Renders the report.
     *
     * @param format the format
     * @return the output, ending in a newline
     */
    public String render(Format format) {
        switch (format) {
            case MARKDOWN:
                return ensureNewline(markdown);
            case JSON:
                return json();
            default:
                return ensureNewline(text);
        }
    }

    private static String ensureNewline(String s) {
        return s.endsWith("\n") ? s : s + "\n";
    }

    private String json() {
        return write(toJson());
    }

    /** The report as a JSON tree: title, verdict, exit code, data, findings. */
    ObjectNode toJson() {
        ObjectNode root = NODES.objectNode();
        root.put("title", title);
        root.put("verdict", verdict);
        root.put("exitCode", exitCode);
        ObjectNode figures = root.putObject("data");
        data.forEach((k, v) -> figures.set(k, value(v)));
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode o = list.addObject();
            o.put("code", f.code());
            o.put("level", f.level().name());
            o.put("message", f.message());
            ObjectNode facts = o.putObject("facts");
            f.facts().values().forEach((k, v) -> facts.set(k, value(v)));
        }
        return root;
    }

    /**
     * A value as JSON of its own type: numbers as numbers (decimals exact, doubles rounded as
     * {@link Facts#format} renders them; a non-finite double as its text), booleans as booleans,
     * null as null, lists and maps as arrays and objects, anything else (instants, durations,
     * enums, ids) as the text the findings show.
     *
     * @param v the value
     * @return the JSON value
     */
    static JsonNode value(@Nullable Object v) {
        JsonNodeFactory nodes = NODES;
        if (v == null) {
            return nodes.nullNode();
        }
        if (v instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return nodes.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigInteger i) {
            return nodes.numberNode(i);
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            String text = Facts.format(v);
            try {
                return nodes.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return nodes.textNode(text); // NaN, Infinity
            }
        }
        if (v instanceof String s) {
            return nodes.textNode(s);
        }
        if (v instanceof Collection<?> c) {
            ArrayNode array = nodes.arrayNode();
            for (Object e : c) {
                array.add(value(e));
            }
            return array;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode object = nodes.objectNode();
            m.forEach((k, e) -> object.set(String.valueOf(k), value(e)));
            return object;
        }
        return nodes.textNode(Facts.format(v));
    }
}
