package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SeverityRule;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTable;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTarget;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockKind;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockResult;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemReview;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemVerdict;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.StatusUpdates;
import io.github.deliverykit.policy.incident.IncidentTimeline.Entry;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.IllegalTransitionException;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.Phase;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.Transition;
import io.github.deliverykit.policy.incident.IncidentTimeline.Pause;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem.ActionItem;
import io.github.deliverykit.policy.incident.IncidentTimeline.SeverityChange;
import io.github.deliverykit.policy.incident.SeverityClassification.Impact;
import io.github.deliverykit.policy.incident.internal.SeedSlaTableProvider;
import io.github.deliverykit.policy.incident.spi.SlaTableProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class BusinessCalendarTest {

    private static final BusinessCalendar UTC_OFFICE = BusinessCalendar.officeHours(ZoneOffset.UTC);

    @Test
    void always_countsEveryInstant() {
        BusinessCalendar a = BusinessCalendar.always();
        Instant t = Instant.parse("2024-01-27T03:00:00Z");
        assertTrue(a.isAlways());
        assertTrue(a.isWorking(t));
        assertEquals(Duration.ofHours(48), a.workingTime(t, t.plus(Duration.ofHours(48))));
        assertEquals(t.plus(Duration.ofDays(5)), a.plusWorkingTime(t, Duration.ofDays(5)));
        assertEquals("24x7", a.toString());
        assertThrows(IllegalStateException.class, () -> a.withHolidays(Set.of()));
    }

    @Test
    void officeHours_skipNightsAndWeekends() {
        Instant thu16 = Instant.parse("2024-01-25T16:00:00Z");
        // Thu 16-17, Fri 9-17, Mon 9-10 = 1 + 8 + 1 hours
        assertEquals(Duration.ofHours(10), UTC_OFFICE.workingTime(thu16, Instant.parse("2024-01-29T10:00:00Z")));
        assertEquals(Instant.parse("2024-01-29T10:00:00Z"), UTC_OFFICE.plusWorkingTime(thu16, Duration.ofHours(10)));
        // work that ends exactly at closing time ends at 17:00, not the next morning
        assertEquals(Instant.parse("2024-01-25T17:00:00Z"), UTC_OFFICE.plusWorkingTime(thu16, Duration.ofHours(1)));
        assertEquals(thu16, UTC_OFFICE.plusWorkingTime(thu16, Duration.ZERO));
        assertFalse(UTC_OFFICE.isWorking(Instant.parse("2024-01-27T12:00:00Z")));
        assertFalse(UTC_OFFICE.isWorking(Instant.parse("2024-01-25T17:00:00Z")));
        assertTrue(UTC_OFFICE.isWorking(Instant.parse("2024-01-25T09:00:00Z")));
        assertFalse(UTC_OFFICE.isWorking(Instant.parse("2024-01-25T08:59:59Z")));
        assertEquals(Duration.ZERO, UTC_OFFICE.workingTime(Instant.parse("2024-01-27T00:00:00Z"),
                Instant.parse("2024-01-29T09:00:00Z")));
        // a start before opening counts from opening
        assertEquals(Instant.parse("2024-01-26T10:00:00Z"),
                UTC_OFFICE.plusWorkingTime(Instant.parse("2024-01-26T02:00:00Z"), Duration.ofHours(1)));
    }

    @Test
    void holidays_areSkipped() {
        BusinessCalendar c = UTC_OFFICE.withHolidays(List.of(LocalDate.of(2024, 1, 26)));
        assertEquals(Duration.ofHours(2), c.workingTime(Instant.parse("2024-01-25T16:00:00Z"),
                Instant.parse("2024-01-29T10:00:00Z")));
        assertFalse(c.isWorkingDay(LocalDate.of(2024, 1, 26)));
        assertTrue(c.isWorkingDay(LocalDate.of(2024, 1, 25)));
        assertFalse(c.isWorkingDay(LocalDate.of(2024, 1, 27)));
        assertEquals(Set.of(LocalDate.of(2024, 1, 26)), c.holidays());
        assertEquals("MON,TUE,WED,THU,FRI 09:00-17:00 Z holidays [2024-01-26]", c.toString());
        assertNotEquals(UTC_OFFICE, c);
        assertEquals(c, UTC_OFFICE.withHolidays(Set.of(LocalDate.of(2024, 1, 26))));
        assertEquals(c.hashCode(), UTC_OFFICE.withHolidays(Set.of(LocalDate.of(2024, 1, 26))).hashCode());
        assertNotEquals(UTC_OFFICE.hashCode(), c.hashCode());
        assertEquals(c, c);
        assertNotEquals(c, "calendar");
        assertNotEquals(BusinessCalendar.always(), UTC_OFFICE);
        assertFalse(c.isAlways());
    }

    @Test
    void zoneAndCustomDays_areHonoured() {
        ZoneId ny = ZoneId.of("America/New_York");
        BusinessCalendar c = BusinessCalendar.of(ny, List.of(DayOfWeek.SATURDAY), LocalTime.of(10, 0),
                LocalTime.of(12, 0), List.of());
        assertEquals(ny, c.zone());
        assertEquals(Set.of(DayOfWeek.SATURDAY), c.workingDays());
        assertEquals(LocalTime.of(10, 0), c.open());
        assertEquals(LocalTime.of(12, 0), c.close());
        // Saturday 2024-01-27 10:00 New York = 15:00 UTC
        assertEquals(Instant.parse("2024-01-27T16:00:00Z"),
                c.plusWorkingTime(Instant.parse("2024-01-25T00:00:00Z"), Duration.ofHours(1)));
        assertEquals(Instant.parse("2024-02-03T16:00:00Z"),
                c.plusWorkingTime(Instant.parse("2024-01-25T00:00:00Z"), Duration.ofHours(3)));
    }

    @Test
    void dstSpringForward_shortensNoWorkingDay() {
        // Europe/Berlin switches at 02:00 on Sunday 2024-03-31; hours 01:00-05:00 that day are 3 hours long
        BusinessCalendar night = BusinessCalendar.of(ZoneId.of("Europe/Berlin"), List.of(DayOfWeek.SUNDAY),
                LocalTime.of(1, 0), LocalTime.of(5, 0), List.of());
        Instant from = Instant.parse("2024-03-30T00:00:00Z");
        assertEquals(Duration.ofHours(3), night.workingTime(from, Instant.parse("2024-04-01T00:00:00Z")));
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.officeHours(null));
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of(ZoneOffset.UTC, List.of(),
                LocalTime.NOON, LocalTime.MIDNIGHT.minusNanos(1), List.of()));
        IllegalArgumentException close = assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of(
                ZoneOffset.UTC, List.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.NOON, List.of()));
        assertEquals("close must be after open (12:00), but was 12:00", close.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of(ZoneOffset.UTC, null,
                LocalTime.NOON, LocalTime.MAX, List.of()));
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of(ZoneOffset.UTC,
                List.of(DayOfWeek.MONDAY), null, LocalTime.MAX, List.of()));
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of(ZoneOffset.UTC,
                List.of(DayOfWeek.MONDAY), LocalTime.NOON, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of(ZoneOffset.UTC,
                List.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.MAX, null));
        assertThrows(IllegalArgumentException.class, () -> UTC_OFFICE.withHolidays(null));
        Instant t = Instant.parse("2024-01-25T16:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> UTC_OFFICE.workingTime(t, t.minusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> UTC_OFFICE.workingTime(null, t));
        assertThrows(IllegalArgumentException.class, () -> UTC_OFFICE.plusWorkingTime(t, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> UTC_OFFICE.plusWorkingTime(null, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> UTC_OFFICE.isWorking(null));
        assertThrows(IllegalArgumentException.class, () -> UTC_OFFICE.isWorking(Instant.MIN));
        assertThrows(IllegalArgumentException.class, () -> UTC_OFFICE.isWorking(Instant.MAX));
        assertThrows(IllegalArgumentException.class, () -> UTC_OFFICE.isWorkingDay(null));
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.always().plusWorkingTime(Instant.MAX, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.always()
                .plusWorkingTime(Instant.parse("2261-01-01T00:00:00Z"), Duration.ofDays(3650)));
        assertThrows(IllegalArgumentException.class, () -> UTC_OFFICE
                .plusWorkingTime(Instant.parse("2261-12-01T00:00:00Z"), Duration.ofDays(3650)));
    }
}
