package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.IntervalSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * When SLA clocks run: around the clock ({@link #always()}), or in business hours on working days
 * in a time zone, skipping holidays. Hours are one daily span {@code [open, close)} in local time;
 * a DST gap moves an edge the way {@link java.time.ZonedDateTime} does. Immutable and thread safe.
 */
public final class BusinessCalendar {

    /** Working days by default: Monday to Friday. */
    public static final Set<DayOfWeek> DEFAULT_WORKING_DAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    /** Opening time by default. */
    public static final LocalTime DEFAULT_OPEN = LocalTime.of(9, 0);
    /** Closing time by default. */
    public static final LocalTime DEFAULT_CLOSE = LocalTime.of(17, 0);

    private static final BusinessCalendar ALWAYS = new BusinessCalendar(
            true, ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MAX, Set.of());
    private static final LocalDate LAST_DAY = LocalDate.of(2262, 1, 1);

    private final boolean always;
    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final LocalTime open;
    private final LocalTime close;
    private final Set<LocalDate> holidays;

    private BusinessCalendar(boolean always, ZoneId zone, Set<DayOfWeek> workingDays, LocalTime open,
            LocalTime close, Set<LocalDate> holidays) {
        this.always = always;
        this.zone = zone;
        this.workingDays = workingDays;
        this.open = open;
        this.close = close;
        this.holidays = holidays;
    }

    /**
     * The 24x7 calendar: every instant counts.
     *
     * @return the calendar
     */
    public static BusinessCalendar always() {
        return ALWAYS;
    }

    /**
     * A business-hours calendar.
     *
     * @param zone the time zone of the hours and holidays
     * @param workingDays the working days, at least one
     * @param open the daily opening time
     * @param close the daily closing time, after open
     * @param holidays dates that are not worked
     * @return the calendar
     * @throws IllegalArgumentException if a value is null, no working day is given or close is not
     *     after open
     */
    public static BusinessCalendar of(ZoneId zone, Collection<DayOfWeek> workingDays,
            LocalTime open, LocalTime close, Collection<LocalDate> holidays) {
        Checks.notNull(zone, "zone");
        var days = Checks.listOf(workingDays, "workingDays");
        if (days.isEmpty()) {
            throw Checks.invalid("workingDays", "must name at least one day", "[]");
        }
        Checks.notNull(open, "open");
        Checks.notNull(close, "close");
        if (!close.isAfter(open)) {
            throw Checks.invalid("close", "must be after open (" + open + ")", close);
        }
        var hol = Checks.listOf(holidays, "holidays");
        return new BusinessCalendar(false, zone, Set.copyOf(EnumSet.copyOf(days)), open, close,
                Set.copyOf(new TreeSet<>(hol)));
    }

    /**
     * Monday to Friday, 09:00 to 17:00, no holidays.
     *
     * @param zone the time zone
     * @return the calendar
     */
    public static BusinessCalendar officeHours(@Nullable ZoneId zone) {
        return of(zone, DEFAULT_WORKING_DAYS, DEFAULT_OPEN, DEFAULT_CLOSE, Set.of());
    }

    /**
     * The same hours with more holidays.
     *
     * @param dates the extra holidays
     * @return a new calendar
     * @throws IllegalStateException on the 24x7 calendar, which has no holidays
     */
    public BusinessCalendar withHolidays(Collection<LocalDate> dates) {
        if (always) {
            throw new IllegalStateException("the 24x7 calendar has no holidays; build a business-hours calendar");
        }
        var more = new TreeSet<>(holidays);
        more.addAll(Checks.listOf(dates, "holidays"));
        return new BusinessCalendar(false, zone, workingDays, open, close, Set.copyOf(more));
    }

    /**
     * Whether every instant counts.
     *
     * @return true for the 24x7 calendar
     */
    public boolean isAlways() {
        return always;
    }

    /**
     * The time zone.
     *
     * @return the zone (UTC for 24x7)
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The working days.
     *
     * @return an unmodifiable set
     */
    public Set<DayOfWeek> workingDays() {
        return workingDays;
    }

    /**
     * The opening time.
     *
     * @return the local opening time
     */
    public LocalTime open() {
        return open;
    }

    /**
     * The closing time.
     *
     * @return the local closing time
     */
    public LocalTime close() {
        return close;
    }

    /**
     * The holidays.
     *
     * @return an unmodifiable set
     */
    public Set<LocalDate> holidays() {
        return holidays;
    }

    /**
     * Whether a local date is worked.
     *
     * @param date the date
     * @return true on a working day that is not a holiday
     */
    public boolean isWorkingDay(LocalDate date) {
        Checks.notNull(date, "date");
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /**
     * Whether the clock runs at an instant.
     *
     * @param instant the instant
     * @return true inside working time
     */
    public boolean isWorking(Instant instant) {
        Checks.notNull(instant, "instant");
        if (always) {
            return true;
        }
        Interval next = nextSegment(instant);
        return next.start().equals(instant);
    }

    /**
     * The working time in {@code [from, to)}.
     *
     * @param from the start
     * @param to the end, not before from
     * @return the working time
     * @throws IllegalArgumentException if null or to is before from
     */
    public Duration workingTime(Instant from, Instant to) {
        Checks.notBefore(from, "from", to, "to");
        return ClockMath.counted(this, IntervalSet.empty(), from, to);
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code from}.
     *
     * @param from the start
     * @param amount the working time, not negative
     * @return the end instant
     * @throws IllegalArgumentException if null, negative, or the result lies beyond the supported
     *     instants
     */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        Checks.notNull(from, "from");
        Checks.nonNegative(amount, "amount");
        return ClockMath.deadline(this, IntervalSet.empty(), from, amount);
    }

    /**
     * The first working interval that ends after {@code t}, clipped to start at {@code t} or later.
     */
    Interval nextSegment(Instant t) {
        checkSupported(t);
        if (always) {
            return Interval.of(t, Interval.MAX);
        }
        LocalDate day = t.atZone(zone).toLocalDate();
        while (true) {
            if (day.isAfter(LAST_DAY)) {
                throw Checks.invalid("instant", "must have working time before " + LAST_DAY, t);
            }
            if (isWorkingDay(day)) {
                Instant s = day.atTime(open).atZone(zone).toInstant();
                Instant e = day.atTime(close).atZone(zone).toInstant();
                if (e.isAfter(t) && e.isAfter(s)) {
                    return Interval.of(s.isAfter(t) ? s : t, e);
                }
            }
            day = day.plusDays(1);
        }
    }

    private static void checkSupported(Instant t) {
        if (t.isBefore(Interval.MIN) || !t.isBefore(Interval.MAX)) {
            throw Checks.invalid("instant", "must lie between " + Interval.MIN + " and " + Interval.MAX, t);
        }
    }

    @Override
    public String toString() {
        if (always) {
            return "24x7";
        }
        return workingDays.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","))
                + " " + open + "-" + close + " " + zone + (holidays.isEmpty() ? "" : " holidays " + new TreeSet<>(holidays));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BusinessCalendar)) {
            return false;
        }
        BusinessCalendar c = (BusinessCalendar) o;
        return always == c.always && zone.equals(c.zone) && workingDays.equals(c.workingDays)
                && open.equals(c.open) && close.equals(c.close) && holidays.equals(c.holidays);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(always, zone, workingDays, open, close, holidays);
    }
}
