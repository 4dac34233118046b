package io.github.deliverykit.core.check;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Boundary checks used by every deliverykit value and policy. Each failing check throws an
 * {@link IllegalArgumentException} whose message names the field and the offending value, formatted
 * with {@link Locale#ROOT}, so that bad input is reported at the boundary and never escapes later as
 * a {@code NullPointerException}, {@code ArithmeticException} or index exception.
 *
 * <p>Stateless and thread safe.
 */
public final class Checks {

    /**
     * The largest number of significant digits, and the largest absolute scale, that a decimal may
     * have where it enters the library ({@link #decimal}): beyond it, plain rendering and rescaling
     * would take time and memory out of proportion to any delivery figure.
     */
    public static final int MAX_DECIMAL_DIGITS = 100;

    /** Longer strings are cut in exception messages. */
    private static final int MAX_DESCRIBED_CHARS = 200;

    private Checks() {}

    /**
     * Formats a message with {@link Locale#ROOT}.
     *
     * @param format the format string
     * @param args the arguments
     * @return the formatted message
     * @throws IllegalArgumentException if the format is null or does not match the arguments
     */
    public static String message(@Nullable String format, @Nullable Object... args) {
        notNull(format, "format");
        try {
            return String.format(Locale.ROOT, format, args);
        } catch (java.util.IllegalFormatException e) {
            throw new IllegalArgumentException("format '" + cut(format) + "' does not match its arguments: " + e, e);
        }
    }

    /**
     * Requires a decimal whose precision and scale are within {@link #MAX_DECIMAL_DIGITS}, so that it can be
     * rendered, rescaled and compared in bounded time and memory.
     *
     * @param value the value
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if null, or its precision or absolute scale exceeds
     *     {@link #MAX_DECIMAL_DIGITS}
     */
    public static BigDecimal decimal(@Nullable BigDecimal value, String field) {
        notNull(value, field);
        if (!bounded(value)) {
            throw invalid(field, "must have at most " + MAX_DECIMAL_DIGITS + " significant digits and a scale within [-"
                    + MAX_DECIMAL_DIGITS + ", " + MAX_DECIMAL_DIGITS + "]", value);
        }
        return value;
    }

    /**
     * Whether a decimal's precision and absolute scale are within {@link #MAX_DECIMAL_DIGITS}.
     *
     * @param value the value
     * @return true when {@link #decimal} accepts it
     * @throws IllegalArgumentException if the value is null
     */
    public static boolean bounded(BigDecimal value) {
        notNull(value, "value");
        int scale = value.scale();
        return scale >= -MAX_DECIMAL_DIGITS && scale <= MAX_DECIMAL_DIGITS
                && value.unscaledValue().bitLength() <= 4 * MAX_DECIMAL_DIGITS && value.precision() <= MAX_DECIMAL_DIGITS;
    }

    /**
     * Builds the exception every check throws.
     *
     * @param field the field name
     * @param requirement what the field must be, e.g. "must be positive"
     * @param value the offending value
     * @return an exception naming the field and the value
     */
    public static IllegalArgumentException invalid(String field, String requirement, @Nullable Object value) {
        return new IllegalArgumentException(message("%s %s, but was %s", field, requirement, describe(value)));
    }

    private static String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence) {
            return "'" + cut(value.toString()) + "'";
        }
        if (value instanceof BigDecimal) {
            BigDecimal d = (BigDecimal) value;
            // toString never expands the exponent: 1E+999999999 stays 15 characters
            return bounded(d) ? d.toPlainString() : d.toString();
        }
        return cut(String.valueOf(value));
    }

    private static String cut(String text) {
        return text.length() <= MAX_DESCRIBED_CHARS ? text
                : text.substring(0, MAX_DESCRIBED_CHARS) + "... (" + text.length() + " characters)";
    }

    /**
     * Requires a non-null value.
     *
     * @param <T> the value type
     * @param value the value
     * @param field the field name used in the message
     * @return the value
     * @throws IllegalArgumentException if the value is null
     */
    public static <T> T notNull(@Nullable T value, String field) {
        if (value == null) {
            throw invalid(field, "must not be null", null);
        }
        return value;
    }

    /**
     * Requires a non-null string with at least one non-whitespace character.
     *
     * @param value the value
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if null or blank
     */
    public static String notBlank(@Nullable String value, String field) {
        if (value != null && !value.isEmpty() && value.charAt(0) > ' ' && value.charAt(0) < 0x7F) {
            return value; // printable ASCII other than the space is not white space: the usual id, without the scan
        }
        if (value == null || value.isBlank()) {
            throw invalid(field, "must not be blank", value);
        }
        return value;
    }

    /**
     * Requires a value strictly greater than zero.
     *
     * @param value the value
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if the value is zero or negative
     */
    public static long positive(long value, String field) {
        if (value <= 0) {
            throw invalid(field, "must be greater than 0", value);
        }
        return value;
    }

    /**
     * Requires a value of zero or more.
     *
     * @param value the value
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if the value is negative
     */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw invalid(field, "must not be negative", value);
        }
        return value;
    }

    /**
     * Requires a finite value of zero or more.
     *
     * @param value the value
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if negative, NaN or infinite
     */
    public static double nonNegative(double value, String field) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw invalid(field, "must be a finite number of 0 or more", value);
        }
        return value;
    }

    /**
     * Requires a finite value (not NaN, not infinite).
     *
     * @param value the value
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if NaN or infinite
     */
    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw invalid(field, "must be a finite number", value);
        }
        return value;
    }

    /**
     * Requires a finite value within {@code [min, max]}.
     *
     * @param value the value
     * @param min the lower bound, inclusive
     * @param max the upper bound, inclusive
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if outside the range, NaN or infinite
     */
    public static double inRange(double value, double min, double max, String field) {
        if (!(value >= min && value <= max)) {
            throw invalid(field, message("must be between %s and %s", min, max), value);
        }
        return value;
    }

    /**
     * Requires a value within {@code [min, max]}.
     *
     * @param value the value
     * @param min the lower bound, inclusive
     * @param max the upper bound, inclusive
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if outside the range
     */
    public static long inRange(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw invalid(field, message("must be between %d and %d", min, max), value);
        }
        return value;
    }

    /**
     * Requires a non-null duration strictly greater than zero.
     *
     * @param value the value
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if null, zero or negative
     */
    public static Duration positive(@Nullable Duration value, String field) {
        notNull(value, field);
        if (value.isZero() || value.isNegative()) {
            throw invalid(field, "must be a positive duration", value);
        }
        return value;
    }

    /**
     * Requires a non-null duration of zero or more.
     *
     * @param value the value
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if null or negative
     */
    public static Duration nonNegative(@Nullable Duration value, String field) {
        notNull(value, field);
        if (value.isNegative()) {
            throw invalid(field, "must not be a negative duration", value);
        }
        return value;
    }

    /**
     * Requires a non-null decimal strictly greater than zero.
     *
     * @param value the value
     * @param field the field name
     * @return the value
     * @throws IllegalArgumentException if null, zero or negative
     */
    public static BigDecimal positive(@Nullable BigDecimal value, String field) {
        notNull(value, field);
        if (value.signum() <= 0) {
            throw invalid(field, "must be greater than 0", value);
        }
        return value;
    }

    /**
     * Requires that {@code later} is not before {@code earlier}.
     *
     * @param earlier the earlier instant
     * @param earlierField its field name
     * @param later the later instant
     * @param laterField its field name
     * @throws IllegalArgumentException if either is null or {@code later} is before {@code earlier}
     */
    public static void notBefore(@Nullable Instant earlier, String earlierField, @Nullable Instant later, String laterField) {
        notNull(earlier, earlierField);
        notNull(later, laterField);
        if (later.isBefore(earlier)) {
            throw new IllegalArgumentException(message("%s must not be before %s (%s), but was %s",
                    laterField, earlierField, earlier, later));
        }
    }

    /**
     * Copies a collection into an unmodifiable list, rejecting a null collection or null elements
     * and naming the index of the first null element.
     *
     * @param <T> the element type
     * @param values the values
     * @param field the field name
     * @return an unmodifiable copy
     * @throws IllegalArgumentException if the collection or any element is null
     */
    public static <T> List<T> listOf(@Nullable Collection<? extends @Nullable T> values, String field) {
        notNull(values, field);
        List<T> copy = new ArrayList<>(values.size());
        int i = 0;
        for (T value : values) {
            if (value == null) {
                throw invalid(field + "[" + i + "]", "must not be null", null);
            }
            copy.add(value);
            i++;
        }
        return List.copyOf(copy);
    }
}
