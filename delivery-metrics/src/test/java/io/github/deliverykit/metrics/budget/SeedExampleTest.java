package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.metric.SlaStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's worked example: 99.9 % over a month, 15 + 5 minutes of incidents, maintenance excluded. */
final class SeedExampleTest {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final Interval MONTH = Interval.of(START, Duration.ofMinutes(Window.AVERAGE_MONTH_MINUTES));
    // burn rate 0.8 = (20 / 43.8) / elapsed  =>  elapsed = 25,000 of 43,800 minutes
    static final Instant AT = START.plus(Duration.ofMinutes(25_000));
    static final Slo SLO = Slo.timeBased("portal", "99.9", Window.averageMonth());
    static final MaintenanceSchedule MAINTENANCE = MaintenanceSchedule.none()
            .plus(RecurringMaintenance.weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 0), Duration.ofHours(2),
                    ZoneId.of("Europe/Berlin")));

    static List<Incident> incidents() {
        return List.of(
                incident("INC-1", Severity.SEV2, "2024-01-03T10:00:00Z", 15),
                incident("INC-2", Severity.SEV3, "2024-01-10T14:00:00Z", 5),
                // Sunday 02:30-03:00 Berlin time: inside scheduled maintenance, consumes nothing
                incident("INC-3", Severity.SEV3, "2024-01-07T01:30:00Z", 30));
    }

    static Incident incident(String id, Severity sev, String start, long minutes) {
        Instant s = Instant.parse(start);
        return Incident.builder(id, "portal", sev).started(s).mitigated(s.plus(Duration.ofMinutes(minutes)))
                .resolved(s.plus(Duration.ofMinutes(minutes))).build();
    }

    static BudgetStatus status() {
        return ErrorBudgets.timeBased(SLO, MONTH, incidents(), MAINTENANCE, AT);
    }

    @Test
    void budget_is43point8MinutesForTheAverageMonth() {
        assertEquals(0, new BigDecimal("0.999").compareTo(SLO.target().ratio()));
        assertEquals(Duration.ofSeconds(2628), status().allowedTime()); // 43.8 min
        assertEquals(0, new BigDecimal("2628").compareTo(status().allowed()));
    }

    @Test
    void consumed_is20MinutesWithMaintenanceExcluded() {
        BudgetStatus s = status();
        assertEquals(Duration.ofMinutes(20), s.consumedTime());
        assertEquals(Duration.ofMinutes(30), s.maintenanceExcluded());
        assertEquals(3, s.incidents().size());
        assertEquals(Duration.ofMinutes(15), s.incidents().get(0).charged());
        assertEquals(Duration.ofMinutes(30), s.incidents().get(1).charged().plus(Duration.ofMinutes(30)));
        assertEquals("INC-3", s.incidents().get(1).id());
        assertEquals(Duration.ZERO, s.incidents().get(1).charged());
        assertEquals(Duration.ofMinutes(5), s.incidents().get(2).charged());
    }

    @Test
    void remaining_is23point8MinutesAnd54Percent() {
        BudgetStatus s = status();
        assertEquals(Duration.ofMillis(23_800 * 60), s.remainingTime()); // 23.8 min
        assertEquals(new BigDecimal("54.3379"), s.remainingPercent());
        assertEquals(54, s.remainingPercent().setScale(0, RoundingMode.HALF_EVEN).intValue());
        assertFalse(s.isExhausted());
    }

    @Test
    void burnRate_is0point8OnTrackAtTheMatchingPointOfTheMonth() {
        BudgetStatus s = status();
        assertEquals(0, new BigDecimal("0.8").compareTo(s.burnRate()));
        SlaReport report = SlaReport.of(s);
        assertEquals(SlaStatus.ON_TRACK, report.status());
        assertEquals("sla.on-track", report.decidingRule().code());
        // 23.8 min left at 20 min per 25,000 min: 29,750 min, later than the month's end
        assertEquals(Duration.ofMinutes(29_750), s.exhaustion().orElseThrow());
        assertTrue(s.exhaustsAt().orElseThrow().isAfter(MONTH.end()));
    }

    @Test
    void report_rendersTheSeedFigures() {
        String text = SlaReport.of(status()).toText();
        assertEquals(String.join("\n",
                "Service: portal",
                "Target: 99.9% (TimeBased)",
                "Window: rolling PT730H, period [2024-01-01T00:00:00Z, 2024-01-31T10:00:00Z)",
                "Evaluated at: 2024-01-18T08:40:00Z (57.08% of the period elapsed)",
                "Budget: 43.8 min",
                "Incident INC-1: SEV-2, 15 min",
                "Incident INC-3: SEV-3, 0 min",
                "Incident INC-2: SEV-3, 5 min",
                "Maintenance excluded: 30 min",
                "Consumed: 20 min (45.66%)",
                "Remaining: 23.8 min (54.34%)",
                "Burn rate: 0.8x",
                "Status: ON_TRACK (sla.on-track)",
                "Time to exhaustion: PT495H50M (2024-02-08T00:30:00Z), after the period resets at 2024-01-31T10:00:00Z",
                ""), text);
        assertEquals(text, SlaReport.of(status()).toText());
        String md = SlaReport.of(status()).toMarkdown();
        assertTrue(md.startsWith("## SLA report: portal\n\n| item | value |\n"), md);
        assertTrue(md.contains("| Remaining | 23.8 min (54.34%) |"), md);
        assertTrue(md.contains("`sla.on-track`"), md);
        assertEquals(md, SlaReport.of(status()).toMarkdown());
    }
}
