package io.github.deliverykit.metrics.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.CalendarUnit;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Calendar periods at their boundaries, the resets-first forecast and null elements, over generated input. */
final class BudgetBoundaryPropertiesTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final String[] ZONES = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"};

    @Property(tries = 2000)
    void periodAt_containsTheInstantInStartExclusiveEndInclusive(@ForAll CalendarUnit unit,
            @ForAll @IntRange(min = 0, max = 4) int zone, @ForAll @LongRange(min = 0, max = 3L * 365 * 86400) long sec,
            @ForAll boolean onBoundary) {
        Slo slo = Slo.timeBased("svc", "99.9", Window.calendar(unit, ZoneId.of(ZONES[zone])));
        Instant at = T0.plusSeconds(sec);
        if (onBoundary) {
            at = slo.window().intervalAt(at).start();
        }
        Interval p = ErrorBudgets.periodAt(slo, at);
        assertTrue(p.start().isBefore(at) && !p.end().isBefore(at), p + " for " + at);
        Interval raw = slo.window().intervalAt(at);
        if (raw.start().equals(at)) {
            assertEquals(at, p.end()); // at a boundary: the period that ends there
        } else {
            assertEquals(raw, p); // inside a period: that period
        }
        BudgetStatus s = ErrorBudgets.timeBased(slo, List.of(), MaintenanceSchedule.none(), at);
        assertTrue(s.elapsedFraction().signum() > 0, s.elapsedFraction().toString());
    }

    @Property(tries = 600)
    void resetsFirst_exactlyWhenTheForecastPassesThePeriodEnd(@ForAll @IntRange(min = 1, max = 30) int day,
            @ForAll @IntRange(min = 0, max = 2000) int badMinutes, @ForAll boolean calendar) {
        Window w = calendar ? Window.calendar(CalendarUnit.MONTH, ZoneId.of("UTC")) : Window.days(30);
        Slo slo = Slo.timeBased("svc", "99.9", w);
        Instant at = T0.plus(Duration.ofDays(day)).plusSeconds(1);
        List<Incident> incidents = badMinutes == 0 ? List.of() : List.of(Incident.builder("I", "svc", Severity.SEV2)
                .started(at.minus(Duration.ofHours(12))).mitigated(at.minus(Duration.ofHours(12)).plusSeconds(badMinutes))
                .build());
        BudgetStatus s = ErrorBudgets.timeBased(slo, incidents, MaintenanceSchedule.none(), at);
        boolean expected = s.exhaustsAt().isPresent() && s.exhaustsAt().get().isAfter(s.period().end())
                && s.period().end().isAfter(at);
        assertEquals(expected, s.resetsBeforeExhaustion());
        if (!calendar) {
            assertFalse(s.resetsBeforeExhaustion());
        }
        SlaReport r = SlaReport.of(s);
        assertEquals(expected, r.findings().find("budget.resets-first").isPresent());
        assertEquals(r.toText(), SlaReport.of(s).toText());
        assertEquals(r.toMarkdown(), SlaReport.of(s).toMarkdown());
    }

    @Property(tries = 1000)
    void maintenanceOf_aNullAnywhereIsAClearError(@ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll @IntRange(min = 0, max = 7) int nullAt) {
        Interval[] a = new Interval[n];
        for (int i = 0; i < n; i++) {
            a[i] = Interval.of(T0.plusSeconds(3600L * i), Duration.ofMinutes(30));
        }
        if (nullAt < n) {
            a[nullAt] = null;
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> MaintenanceSchedule.of(a));
            assertTrue(x.getMessage().contains("intervals[" + nullAt + "]"), x.getMessage());
        } else {
            assertEquals(new ArrayList<>(Arrays.asList(a)), MaintenanceSchedule.of(a).oneOff());
        }
    }
}
