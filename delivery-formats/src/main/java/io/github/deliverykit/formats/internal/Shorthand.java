package io.github.deliverykit.formats.internal;

import io.github.deliverykit.core.time.CalendarUnit;
import io.github.deliverykit.formats.FormatException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The duration shorthand of OpenSLO, Sloth and Prometheus: a count and a unit, e.g. {@code 5m},
 * {@code 28d}, {@code 1w}, {@code 1M}. Fixed units: s, m, h, d, w; calendar units: M, Q, Y.
 */
public final class Shorthand {

    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([smhdwMQY])");
    private static final long MAX_SECONDS = Duration.ofDays(36_500).getSeconds();

    private Shorthand() {}

    /**
     * A parsed shorthand: count and unit letter.
     *
     * @param count the count
     * @param unit the unit letter
     */
    public record Parsed(long count, char unit) {

        /**
         * Whether the unit has a fixed length.
         *
         * @return true for s, m, h, d, w
         */
        public boolean fixed() {
            return "smhdw".indexOf(unit) >= 0;
        }

        /**
         * The calendar unit of a one-unit calendar window ({@code 1d}, {@code 1w}, {@code 1M}, {@code 1Q},
         * {@code 1Y}), or null.
         *
         * @return the unit
         */
        public @Nullable CalendarUnit calendarUnit() {
            if (count != 1) {
                return null;
            }
            return switch (unit) {
                case 'd' -> CalendarUnit.DAY;
                case 'w' -> CalendarUnit.WEEK;
                case 'M' -> CalendarUnit.MONTH;
                case 'Q' -> CalendarUnit.QUARTER;
                case 'Y' -> CalendarUnit.YEAR;
                default -> null;
            };
        }
    }

    /**
     * Parses a shorthand.
     *
     * @param text the text
     * @param source the file
     * @param path the JSON path for errors
     * @return the count and unit
     * @throws FormatException if the text is not a shorthand or the count is 0
     */
    public static Parsed parse(@Nullable String text, String source, String path) {
        if (text == null) {
            throw new FormatException(source, path, "is required (a duration such as 5m, 1h, 28d)");
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new FormatException(source, path, "must be a duration such as 5m, 1h, 28d or 1M, but was '" + text + "'");
        }
        long count = Long.parseLong(m.group(1));
        if (count == 0) {
            throw new FormatException(source, path, "must be positive, but was '" + text + "'");
        }
        return new Parsed(count, m.group(2).charAt(0));
    }

    /**
     * Parses a fixed-length shorthand (s, m, h, d, w), up to 100 years.
     *
     * @param text the text
     * @param source the file
     * @param path the JSON path
     * @return the duration
     * @throws FormatException if the text is not a fixed-length shorthand
     */
    public static Duration fixed(@Nullable String text, String source, String path) {
        Parsed p = parse(text, source, path);
        long unitSeconds = switch (p.unit()) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3_600;
            case 'd' -> 86_400;
            case 'w' -> 604_800;
            default -> throw new FormatException(source, path,
                    "must have a fixed length (s, m, h, d or w), but was '" + text + "'");
        };
        if (p.count() > MAX_SECONDS / unitSeconds) {
            throw new FormatException(source, path, "must be at most 100 years, but was '" + text + "'");
        }
        return Duration.ofSeconds(p.count() * unitSeconds);
    }

    /**
     * Formats a duration with the largest unit that divides it (w, d, h, m, s).
     *
     * @param d a positive duration of whole seconds
     * @return the shorthand
     * @throws IllegalArgumentException if the duration is not positive or has a fraction of a second
     */
    public static String format(Duration d) {
        if (d.isNegative() || d.isZero() || d.getNano() != 0) {
            throw new IllegalArgumentException("duration must be positive whole seconds, but was " + d);
        }
        long s = d.getSeconds();
        long[] sizes = {604_800, 86_400, 3_600, 60, 1};
        String units = "wdhms";
        for (int i = 0; i < sizes.length; i++) {
            if (s % sizes[i] == 0) {
                return (s / sizes[i]) + String.valueOf(units.charAt(i));
            }
        }
        return s + "s";
    }

    /**
     * The calendar shorthand of a calendar unit.
     *
     * @param unit the unit
     * @return {@code 1d}, {@code 1w}, {@code 1M}, {@code 1Q} or {@code 1Y}
     */
    public static String calendar(CalendarUnit unit) {
        return switch (unit) {
            case DAY -> "1d";
            case WEEK -> "1w";
            case MONTH -> "1M";
            case QUARTER -> "1Q";
            case YEAR -> "1Y";
        };
    }
}
