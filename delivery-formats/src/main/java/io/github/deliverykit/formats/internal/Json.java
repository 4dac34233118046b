package io.github.deliverykit.formats.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Jackson JSON mapper and streaming factories every reader shares (thread safe; the mapper, like
 * YAML's in {@link Yaml}, is built on first use) and the translation of Jackson's errors into
 * {@link FormatException} with the file, the line and column and the JSON path.
 */
public final class Json {

    /**
     * A streaming factory with the readers' settings (duplicate keys rejected, the source in locations) and
     * no mapper, for a reader that walks tokens only: an ObjectMapper takes a short run about a tenth of a
     * second of CPU to start.
     */
    public static final JsonFactory STRICT = strict();

    /**
     * A plain streaming factory for JSON Lines, where one small parser per line is the hot path: no
     * duplicate-key tracking (a set per object) and no source in locations.
     */
    public static final JsonFactory LINES = JsonFactory.builder().build();

    /** The mapper, built on first use. */
    private static final class Bound {
        static final ObjectMapper JSON = JsonMapper.builder(strict())
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    private Json() {}

    /**
     * The JSON mapper the readers share: unknown properties ignored (the formats allow extensions),
     * duplicate keys rejected, floats as BigDecimal. Built on first use; thread safe.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return Bound.JSON;
    }

    /**
     * The streaming factory of {@link #mapper()}, whose parsers can bind trees and values.
     *
     * @return the factory
     */
    public static JsonFactory factory() {
        return Bound.JSON.getFactory();
    }

    private static JsonFactory strict() {
        return JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /**
     * Turns a Jackson error into a {@link FormatException}: position = line and column, plus the JSON
     * path when data binding failed.
     *
     * @param source the file name
     * @param e the error
     * @return the exception
     */
    public static FormatException error(String source, JsonProcessingException e) {
        return new FormatException(source, position(e), problem(e), e);
    }

    /**
     * The position of a Jackson error.
     *
     * @param e the error
     * @return e.g. {@code line 3, column 7, $.spec.target}
     */
    public static String position(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String at = loc == null ? "unknown position"
                : String.format(Locale.ROOT, "line %d, column %d", loc.getLineNr(), loc.getColumnNr());
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return at + ", " + path(m);
        }
        return at;
    }

    /**
     * The JSON path of a binding error, e.g. {@code $.spec.objectives[0].target}.
     *
     * @param m the error
     * @return the path
     */
    public static String path(JsonMappingException m) {
        StringBuilder b = new StringBuilder("$");
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String problem(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        // a value's own IllegalArgumentException arrives wrapped; its message is the problem
        Throwable c = e.getCause();
        if (c instanceof IllegalArgumentException && c.getMessage() != null) {
            return c.getMessage();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * A required value, or a {@link FormatException} naming its path.
     *
     * @param <T> the type
     * @param value the value
     * @param source the file
     * @param path the JSON path
     * @return the value
     */
    public static <T> T require(@Nullable T value, String source, String path) {
        if (value == null) {
            throw new FormatException(source, path, "is required");
        }
        return value;
    }

    /** What a reader does with one bound element of a streamed array. */
    @FunctionalInterface
    public interface Element<T> {
        /**
         * Maps one element.
         *
         * @param element the bound element, never null
         * @param at its position, e.g. {@code line 3, $.incidents[0]}
         * @return true when accepted; a reader that rejects or skips it reports why itself
         */
        boolean accept(T element, String at);
    }

    /**
     * Streams the elements of a JSON array, one at a time, binding each to {@code shape}: the
     * top-level array when {@code field} is null, else the (required) array field of the top-level
     * object. Every element is counted as read; one that does not bind, or is null, is rejected with
     * its position; the others go to {@code each}, and are counted as accepted when it says so.
     *
     * @param source the name used in errors and the report
     * @param in the JSON
     * @param field the array field of the top-level object, or null for a top-level array
     * @param what what the input holds, for the error ("deployments", "an incidents array")
     * @param shape the type each element binds to
     * @param report the report the counts and rejections go to
     * @param each what to do with each bound element
     * @param <T> the element type
     * @throws FormatException if the input is not that JSON shape
     * @throws UncheckedIOException if the input cannot be read
     */
    public static <T> void elements(String source, InputStream in, @Nullable String field, String what,
            Class<T> shape, ReadReport.Builder report, Element<T> each) {
        try (JsonParser p = factory().createParser(in)) {
            if (field == null) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new FormatException(source, "$", "must be a JSON array of " + what);
                }
                elements(p, source, "$", shape, report, each);
                return;
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FormatException(source, "$", "must be a JSON object with " + what);
            }
            String path = "$." + field;
            boolean seen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (!name.equals(field)) {
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new FormatException(source, path, "must be an array");
                }
                seen = true;
                elements(p, source, path, shape, report, each);
            }
            if (!seen) {
                throw new FormatException(source, path, "is required");
            }
        } catch (JsonProcessingException e) {
            throw error(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static <T> void elements(JsonParser p, String source, String path, Class<T> shape,
            ReadReport.Builder report, Element<T> each) throws IOException {
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String at = "line " + p.currentTokenLocation().getLineNr() + ", " + path + "[" + i++ + "]";
            report.read();
            JsonNode node = p.readValueAsTree();
            T element;
            try {
                element = Bound.JSON.treeToValue(node, shape);
            } catch (JsonMappingException e) {
                report.issue(IssueKind.REJECTED, source, at + path(e).substring(1), e.getOriginalMessage());
                continue;
            }
            if (element == null) {
                report.issue(IssueKind.REJECTED, source, at, "is null");
            } else if (each.accept(element, at)) {
                report.accepted();
            }
        }
    }
}
