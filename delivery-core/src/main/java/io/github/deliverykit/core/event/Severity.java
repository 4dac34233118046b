package io.github.deliverykit.core.event;

import io.github.deliverykit.core.check.Checks;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An incident severity as an ordered level: {@code SEV-1} is the most severe, higher numbers are
 * less severe. The seed defines SEV-1 to SEV-4; custom severity tables may use more levels (up to
 * SEV-9). Natural order is most severe first.
 *
 * @param level the level, 1 (most severe) to 9
 */
public record Severity(int level) implements Comparable<Severity> {

    /** Complete outage or data loss. */
    public static final Severity SEV1 = new Severity(1);
    /** Major feature unavailable. */
    public static final Severity SEV2 = new Severity(2);
    /** Minor feature impact, workaround available. */
    public static final Severity SEV3 = new Severity(3);
    /** Cosmetic, no customer impact. */
    public static final Severity SEV4 = new Severity(4);

    private static final Pattern TEXT = Pattern.compile("(?:SEV)?[-_ ]?([1-9])");

    /**
     * Validates the level.
     *
     * @throws IllegalArgumentException if the level is outside 1..9
     */
    public Severity {
        Checks.inRange(level, 1, 9, "severity level");
    }

    /**
     * A severity by level.
     *
     * @param level 1 to 9
     * @return the severity
     */
    public static Severity of(int level) {
        return new Severity(level);
    }

    /**
     * Parses {@code SEV-1}, {@code SEV1}, {@code sev_2} or a bare digit.
     *
     * @param text the text
     * @return the severity
     * @throws IllegalArgumentException if null or not a severity
     */
    public static Severity parse(String text) {
        Checks.notNull(text, "severity");
        Matcher m = TEXT.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw Checks.invalid("severity", "must look like SEV-1 .. SEV-9", text);
        }
        return new Severity(m.group(1).charAt(0) - '0');
    }

    /**
     * Whether this severity is more severe than the other (a lower level number).
     *
     * @param other the other severity
     * @return true if more severe
     */
    public boolean isMoreSevereThan(Severity other) {
        Checks.notNull(other, "other");
        return level < other.level;
    }

    /**
     * The more severe of two severities.
     *
     * @param other the other severity
     * @return the more severe one
     */
    public Severity mostSevere(Severity other) {
        return isMoreSevereThan(other) ? this : Checks.notNull(other, "other");
    }

    /**
     * Most severe first.
     *
     * @param other the other severity
     * @return the comparison
     */
    @Override
    public int compareTo(Severity other) {
        return Integer.compare(level, other.level);
    }

    @Override
    public String toString() {
        return "SEV-" + level;
    }
}
