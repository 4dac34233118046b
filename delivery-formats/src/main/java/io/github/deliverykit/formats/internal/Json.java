package io.github.deliverykit.formats.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.deliverykit.formats.FormatException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Jackson mappers every reader shares (built once; thread safe) and the translation of Jackson's
 * errors into {@link FormatException} with the file, the line and column and the JSON path.
 */
public final class Json {

    /** JSON: unknown properties ignored (the formats allow extensions), duplicate keys rejected. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** YAML, same settings. */
    public static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * A plain streaming factory for JSON Lines, where one small parser per line is the hot path: no
     * duplicate-key tracking (a set per object) and no source in locations.
     */
    public static final JsonFactory LINES = JsonFactory.builder().build();

    /** The streaming factory of {@link #JSON}. */
    public static final JsonFactory FACTORY = JSON.getFactory();

    private Json() {}

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
}
