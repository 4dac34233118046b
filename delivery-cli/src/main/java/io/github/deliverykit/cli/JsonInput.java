package io.github.deliverykit.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object read from a file, with accessors that know their JSON path: every problem
 * (missing field, wrong type, unknown field, a value the library rejects) becomes an
 * {@link InputException} naming the file, the path and the problem.
 */
public final class JsonInput {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Reads one value of a stream whose parser goes on past it. */
    private static final ObjectReader ELEMENT = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * An array field of a file that is read element by element ({@link #stream}).
     *
     * @param field the field name
     * @param required whether a missing field is an error
     * @param each what to do with each element, an object at its own JSON path
     */
    public record ArrayField(String field, boolean required, Consumer<JsonInput> each) {}

    private final String source;
    private final String path;
    private final JsonNode node;

    private JsonInput(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    /**
     * Reads a file holding one JSON object.
     *
     * @param file the file
     * @return the object
     * @throws InputException if the file is missing, unreadable, not JSON, or not an object
     */
    public static JsonInput read(Path file) {
        String source = file.toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new InputException(source, "$", Files.exists(file) ? "cannot read the file: " + e.getMessage()
                    : "file not found");
        } catch (JsonParseException e) {
            throw new InputException(source, "$", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InputException(source, "$", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(source, "$", "cannot read the file: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(source, "$", "the file is empty");
        }
        JsonInput in = new JsonInput(source, "$", root);
        in.requireObject();
        return in;
    }

    /**
     * Reads a file holding one JSON object whose large array fields are read one element at a time:
     * each element is parsed into a small tree, handed to its field's action and dropped, so memory
     * does not grow with the file. The other fields are read whole into the object returned.
     *
     * @param file the file
     * @param arrays the array fields to stream
     * @param otherFields the other allowed (small) fields
     * @return the object holding the other fields
     * @throws InputException if the file is missing, unreadable, not JSON, not an object, has an
     *     unknown or duplicate field, a streamed field that is not an array of objects, a missing
     *     required array, or an element an action rejects
     */
    public static JsonInput stream(Path file, List<ArrayField> arrays, String... otherFields) {
        String source = file.toString();
        ObjectNode rest = MAPPER.createObjectNode();
        Set<String> seen = new TreeSet<>();
        try (JsonParser p = MAPPER.createParser(file.toFile())) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InputException(source, "$", "the file is empty");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new InputException(source, "$", "must be a JSON object, but was " + kind(ELEMENT.readTree(p)));
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                ArrayField array = arrays.stream().filter(a -> a.field().equals(name)).findFirst().orElse(null);
                if (array == null || p.currentToken() == JsonToken.VALUE_NULL) {
                    rest.set(name, ELEMENT.readTree(p));
                    continue;
                }
                seen.add(name);
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw new InputException(source, "$." + name, "must be an array, but was " + kind(ELEMENT.readTree(p)));
                }
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonInput child = new JsonInput(source, "$." + name + "[" + i + "]", ELEMENT.readTree(p));
                    child.requireObject();
                    array.each().accept(child);
                    i++;
                }
            }
            if (p.nextToken() != null) {
                throw new InputException(source, "$", "malformed JSON at line " + p.currentLocation().getLineNr()
                        + ", column " + p.currentLocation().getColumnNr() + ": trailing content after the object");
            }
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new InputException(source, "$", Files.exists(file) ? "cannot read the file: " + e.getMessage()
                    : "file not found");
        } catch (JsonParseException e) {
            throw new InputException(source, "$", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InputException(source, "$", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(source, "$", "cannot read the file: " + e.getMessage());
        }
        List<String> allowed = new ArrayList<>(List.of(otherFields));
        for (ArrayField a : arrays) {
            allowed.add(a.field());
        }
        JsonInput in = new JsonInput(source, "$", rest);
        in.allowOnly(allowed.toArray(String[]::new));
        for (ArrayField a : arrays) {
            if (rest.has(a.field()) && rest.get(a.field()).isNull()) {
                rest.remove(a.field());
            }
            if (a.required() && !seen.contains(a.field())) {
                throw in.problem(a.field(), "missing required field");
            }
        }
        return in;
    }

    /**
     * Wraps a JSON tree (for tests and embedded use).
     *
     * @param source what to call the input in messages
     * @param node the tree
     * @return the object
     */
    public static JsonInput of(String source, JsonNode node) {
        JsonInput in = new JsonInput(source, "$", node);
        in.requireObject();
        return in;
    }

    private void requireObject() {
        if (!node.isObject()) {
            throw problem("must be a JSON object, but was " + kind(node));
        }
    }

    /**
     * An error about this object.
     *
     * @param message the problem
     * @return the exception
     */
    public InputException problem(String message) {
        return new InputException(source, path, message);
    }

    /**
     * An error about one field of this object.
     *
     * @param field the field
     * @param message the problem
     * @return the exception
     */
    public InputException problem(String field, String message) {
        return new InputException(source, path + "." + field, message);
    }

    /**
     * The JSON path of this object.
     *
     * @return e.g. {@code $.incidents[0]}
     */
    public String path() {
        return path;
    }

    /**
     * The source file name.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Fails on any field not in the allowed set.
     *
     * @param allowed the known field names
     * @return this object
     * @throws InputException naming the first unknown field and the known ones
     */
    public JsonInput allowOnly(String... allowed) {
        Set<String> known = new TreeSet<>(List.of(allowed));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw problem(name, "unknown field (known fields: " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    /**
     * Whether a field is present and not null.
     *
     * @param field the field
     * @return true if present
     */
    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    private JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw problem(field, "missing required field");
        }
        return v;
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * A required string.
     *
     * @param field the field
     * @return the value
     */
    public String string(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw problem(field, "must be a string, but was " + kind(v));
        }
        return v.asText();
    }

    /**
     * An optional string.
     *
     * @param field the field
     * @return the value or null
     */
    public @Nullable String optString(String field) {
        return has(field) ? string(field) : null;
    }

    /**
     * An optional string with a default.
     *
     * @param field the field
     * @param fallback the default
     * @return the value or the default
     */
    public String string(String field, String fallback) {
        return has(field) ? string(field) : fallback;
    }

    /**
     * A required boolean.
     *
     * @param field the field
     * @return the value
     */
    public boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw problem(field, "must be true or false, but was " + kind(v));
        }
        return v.asBoolean();
    }

    /**
     * An optional boolean with a default.
     *
     * @param field the field
     * @param fallback the default
     * @return the value or the default
     */
    public boolean bool(String field, boolean fallback) {
        return has(field) ? bool(field) : fallback;
    }

    /**
     * A required whole number.
     *
     * @param field the field
     * @return the value
     */
    public long integer(String field) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw problem(field, "must be a whole number, but was " + (v.isNumber() ? v.asText() : kind(v)));
        }
        return v.asLong();
    }

    /**
     * An optional whole number with a default.
     *
     * @param field the field
     * @param fallback the default
     * @return the value or the default
     */
    public long integer(String field, long fallback) {
        return has(field) ? integer(field) : fallback;
    }

    /**
     * A required decimal number, exact.
     *
     * @param field the field
     * @return the value
     */
    public BigDecimal decimal(String field) {
        JsonNode v = required(field);
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                throw problem(field, "must be a number, but was '" + v.asText() + "'");
            }
        }
        throw problem(field, "must be a number, but was " + kind(v));
    }

    /**
     * A required number as a double.
     *
     * @param field the field
     * @return the value
     */
    public double number(String field) {
        return decimal(field).doubleValue();
    }

    /**
     * A required ISO-8601 instant such as {@code 2024-01-25T09:00:00Z}.
     *
     * @param field the field
     * @return the instant
     */
    public Instant instant(String field) {
        String text = string(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(field, "must be an ISO-8601 instant like 2024-01-25T09:00:00Z, but was '" + text + "'");
        }
    }

    /**
     * An optional instant.
     *
     * @param field the field
     * @return the instant or null
     */
    public @Nullable Instant optInstant(String field) {
        return has(field) ? instant(field) : null;
    }

    /**
     * A required ISO-8601 date such as {@code 2024-01-25}.
     *
     * @param field the field
     * @return the date
     */
    public LocalDate date(String field) {
        String text = string(field);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(field, "must be an ISO-8601 date like 2024-01-25, but was '" + text + "'");
        }
    }

    /**
     * A required duration: ISO-8601 ({@code PT30M}) or a number with a unit ({@code 30m},
     * {@code 4h}, {@code 5d}, {@code 90s}).
     *
     * @param field the field
     * @return the duration
     */
    public Duration duration(String field) {
        String text = string(field).trim();
        Duration d = parseDuration(text);
        if (d == null) {
            throw problem(field, "must be a duration like PT30M, 30m, 4h or 5d, but was '" + text + "'");
        }
        return d;
    }

    /**
     * An optional duration with a default.
     *
     * @param field the field
     * @param fallback the default
     * @return the value or the default
     */
    public Duration duration(String field, Duration fallback) {
        return has(field) ? duration(field) : fallback;
    }

    static @Nullable Duration parseDuration(String text) {
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                return Duration.parse(text);
            }
            if (text.length() < 2) {
                return null;
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
                case 's':
                    return Duration.ofSeconds(amount);
                case 'm':
                    return Duration.ofMinutes(amount);
                case 'h':
                    return Duration.ofHours(amount);
                case 'd':
                    return Duration.ofDays(amount);
                default:
                    return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A required enum value, matched case-insensitively with {@code -} read as {@code _}.
     *
     * @param <E> the enum type
     * @param field the field
     * @param type the enum class
     * @return the constant
     */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = string(field);
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw problem(field, "unknown value '" + text + "' (one of: " + String.join(", ", names) + ")");
    }

    /**
     * A required nested object.
     *
     * @param field the field
     * @return the object
     */
    public JsonInput object(String field) {
        JsonNode v = required(field);
        JsonInput child = new JsonInput(source, path + "." + field, v);
        child.requireObject();
        return child;
    }

    /**
     * An optional nested object.
     *
     * @param field the field
     * @return the object or null
     */
    public @Nullable JsonInput optObject(String field) {
        return has(field) ? object(field) : null;
    }

    /**
     * A required array of objects.
     *
     * @param field the field
     * @return the objects, in order
     */
    public List<JsonInput> objects(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw problem(field, "must be an array, but was " + kind(v));
        }
        List<JsonInput> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonInput child = new JsonInput(source, path + "." + field + "[" + i + "]", v.get(i));
            child.requireObject();
            out.add(child);
        }
        return out;
    }

    /**
     * An optional array of objects, empty when absent.
     *
     * @param field the field
     * @return the objects
     */
    public List<JsonInput> optObjects(String field) {
        return has(field) ? objects(field) : List.of();
    }

    /**
     * An array of strings, empty when absent.
     *
     * @param field the field
     * @return the strings
     */
    public List<String> strings(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            throw problem(field, "must be an array of strings, but was " + kind(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new InputException(source, path + "." + field + "[" + i + "]", "must be a string, but was " + kind(v.get(i)));
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /**
     * A required array of numbers.
     *
     * @param field the field
     * @return the numbers, in order
     */
    public double[] numbers(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw problem(field, "must be an array of numbers, but was " + kind(v));
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNumber()) {
                throw new InputException(source, path + "." + field + "[" + i + "]", "must be a number, but was " + kind(v.get(i)));
            }
            out[i] = v.get(i).doubleValue();
        }
        return out;
    }

    /**
     * The field names of this object, in document order.
     *
     * @return the names
     */
    public List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * The raw JSON value of a field.
     *
     * @param field the field
     * @return the value
     * @throws InputException if the field is missing or null
     */
    public JsonNode node(String field) {
        return required(field);
    }

    /**
     * Builds a library value from this object; an {@link IllegalArgumentException} from the
     * library (a value out of range, an inconsistent timeline) becomes an {@link InputException}
     * at this object's path, or at the field's path when the message starts with a field name of
     * this object.
     *
     * @param <T> the value type
     * @param build the builder
     * @return the value
     */
    public <T> T build(Function<JsonInput, T> build) {
        try {
            return build.apply(this);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "invalid value" : e.getMessage();
            // library messages start with the field they reject ("impact must be in (0, 1], ...")
            int space = message.indexOf(' ');
            if (space > 0 && node.has(message.substring(0, space))) {
                throw problem(message.substring(0, space), message);
            }
            throw problem(message);
        }
    }
}
