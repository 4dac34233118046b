package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.metric.SlaStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.CalendarUnit;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import io.github.deliverykit.metrics.budget.Slo.BudgetingMethod;
import io.github.deliverykit.metrics.budget.BudgetStatus.BudgetUnit;

final class ErrorBudgetsTest {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    static Incident inc(String id, Instant start, long minutes) {
        return Incident.builder(id, "svc", Severity.SEV2).started(start).mitigated(start.plus(Duration.ofMinutes(minutes)))
                .build();
    }

    static Instant min(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    @Test
    void target_staysExactAndRejectsBounds() {
        assertEquals(new BigDecimal("0.001"), SloTarget.parse("99.9").budgetRatio());
        assertEquals(new BigDecimal("0.0005"), SloTarget.parse("99.95%").budgetRatio());
        assertEquals(new BigDecimal("0.999"), SloTarget.ofPercent(99.9).ratio());
        assertEquals("99.9%", SloTarget.parse("99.90").toString());
        for (String bad : new String[] {"0", "100", "-1", "100.0001", "NaN", "abc", " "}) {
            assertThrows(IllegalArgumentException.class, () -> SloTarget.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> SloTarget.ofPercent(Double.NaN));
        // absurd scales are rejected instead of overflowing BigDecimal scale arithmetic later
        assertThrows(IllegalArgumentException.class, () -> SloTarget.parse("1e-2147483640"));
        assertEquals(new BigDecimal("0.99"), SloTarget.parse("99.0000").ratio().stripTrailingZeros());
        assertThrows(IllegalArgumentException.class, () -> new BurnRateRule("r", AlertSeverity.PAGE,
                Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("1e-2147483640")));
        assertThrows(IllegalArgumentException.class, () -> new BurnRateRule("r", AlertSeverity.PAGE,
                Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("1e12")));
        assertThrows(IllegalArgumentException.class, () -> BudgetingMethod.timeslices(Duration.ofMinutes(1),
                new BigDecimal("1e-40")));
        assertThrows(IllegalArgumentException.class, () -> SloTarget.parse(null));
    }

    @Test
    void consumed_overlapIsNotDoubleCounted() {
        Slo slo = Slo.timeBased("svc", "99", Window.days(1));
        BudgetStatus s = ErrorBudgets.timeBased(slo,
                List.of(inc("A", min(60), 30), inc("B", min(75), 30)), MaintenanceSchedule.none(), min(1440));
        assertEquals(Duration.ofMinutes(45), s.consumedTime());
        assertEquals(Duration.ofMinutes(30), s.incidents().get(0).charged());
        assertEquals(Duration.ofMinutes(15), s.incidents().get(1).charged());
        assertEquals(Duration.ofSeconds(864), s.allowedTime()); // 1 % of a day = 14.4 min
        assertTrue(s.isExhausted());
        assertEquals(Duration.ofSeconds(45 * 60 - 864).negated(), s.remainingTime());
        assertEquals(0, s.overspend().compareTo(new BigDecimal(45 * 60 - 864)));
        assertEquals(Duration.ZERO, s.exhaustion().orElseThrow());
        assertTrue(s.remainingPercent().signum() < 0);
        assertEquals(SlaStatus.BREACHED, SlaReport.of(s).status());
        assertEquals("sla.breached", SlaReport.of(s).decidingRule().code());
    }

    @Test
    void consumed_partialImpactWeighsAndHighestImpactWins() {
        Slo slo = Slo.timeBased("svc", "99", Window.days(1));
        Incident half = Incident.builder("H", "svc", Severity.SEV3).started(min(0)).mitigated(min(60))
                .impact(new BigDecimal("0.5")).build();
        Incident full = inc("F", min(30), 60); // 30..90 at 100 %
        BudgetStatus s = ErrorBudgets.timeBased(slo, List.of(full, half), MaintenanceSchedule.none(), min(1440));
        // 0..30 at 0.5 = 15 min, 30..90 at 1.0 = 60 min
        assertEquals(Duration.ofMinutes(75), s.consumedTime());
        assertEquals("H", s.incidents().get(0).id());
        assertEquals(Duration.ofMinutes(30), s.incidents().get(0).charged());
        assertEquals(Duration.ofMinutes(45), s.incidents().get(1).charged());
    }

    @Test
    void impact_withAbsurdScaleIsRejectedAtTheIncidentBoundary() {
        // core bounds every decimal that enters the library to 100 digits and scale (Checks.decimal), so an
        // absurd impact never reaches the budget arithmetic
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Incident.builder("T", "svc", Severity.SEV4).started(min(0)).mitigated(min(60))
                        .impact(new BigDecimal("1e-2147483000")).build());
        assertTrue(e.getMessage().startsWith("impact must have at most 100 significant digits"), e.getMessage());
        Slo slo = Slo.timeBased("svc", "99", Window.days(1));
        Incident tiny = Incident.builder("T", "svc", Severity.SEV4).started(min(0)).mitigated(min(60))
                .impact(new BigDecimal("1e-100")).build();
        BudgetStatus s = ErrorBudgets.timeBased(slo, List.of(tiny), MaintenanceSchedule.none(), min(1440));
        assertEquals(0, s.consumed().signum());
        assertTrue(SlaReport.of(s).toText().length() < 2000);
    }

    @Test
    void consumed_ignoresOtherServicesFutureAndClipsToWindow() {
        Slo slo = Slo.timeBased("svc", "99.9", Window.days(1));
        Incident other = Incident.builder("O", "other", Severity.SEV1).started(min(1000)).mitigated(min(1010)).build();
        Incident straddle = inc("S", T0.minus(Duration.ofMinutes(10)), 20); // 10 min before the window
        Incident future = inc("F", min(1440), 10);
        Incident ongoing = Incident.builder("G", "svc", Severity.SEV1).started(min(1430)).build();
        BudgetStatus s = ErrorBudgets.timeBased(slo, List.of(other, straddle, future, ongoing),
                MaintenanceSchedule.none(), min(1440));
        assertEquals(Duration.ofMinutes(20), s.consumedTime()); // 10 clipped + 10 ongoing
        assertEquals(2, s.incidents().size());
        assertEquals(Interval.of(T0, min(10)), s.incidents().get(0).interval());
    }

    @Test
    void calendarMonth_usesRealLengthAndElapsedFraction() {
        Slo slo = Slo.timeBased("svc", "99.9", Window.calendar(CalendarUnit.MONTH, ZoneOffset.UTC));
        // February 2024: 29 days = 41,760 min -> 41.76 min budget; at Feb 15 00:00 half... 14/29 elapsed
        Instant at = Instant.parse("2024-02-15T00:00:00Z");
        BudgetStatus s = ErrorBudgets.timeBased(slo, List.of(inc("A", Instant.parse("2024-02-02T00:00:00Z"), 14)),
                MaintenanceSchedule.none(), at);
        assertEquals(Duration.ofMillis(41_760 * 60), s.allowedTime());
        assertEquals(new BigDecimal("0.482758621"), s.elapsedFraction());
        // consumed 14 / 41.76 of the budget over 14 / 29 of the month: burn = 29 / 41.76
        assertEquals(new BigDecimal("0.694444444"), s.burnRate());
        assertEquals(Interval.of(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")),
                s.period());
    }

    @Test
    void rollingWindow_burnRateIsConsumedFraction() {
        Slo slo = Slo.timeBased("svc", "99", Window.days(28));
        // 28 days = 40,320 min, budget 403.2 min; 100.8 min consumed = 25 %
        BudgetStatus s = ErrorBudgets.timeBased(slo, List.of(Incident.builder("A", "svc", Severity.SEV2)
                .started(min(100)).mitigated(min(100).plusSeconds(6048)).build()), MaintenanceSchedule.none(), min(40_320));
        assertEquals(new BigDecimal("0.25"), s.burnRate().stripTrailingZeros());
        assertEquals(BigDecimal.ONE, s.elapsedFraction().stripTrailingZeros());
        // 75 % left at 100.8 min per 28 days -> 3 x 28 days
        assertEquals(Duration.ofDays(84), s.exhaustion().orElseThrow());
        assertEquals(min(40_320).plus(Duration.ofDays(84)), s.exhaustsAt().orElseThrow());
    }

    @Test
    void noConsumption_neverExhaustsAndStaysOnTrack() {
        Slo slo = Slo.timeBased("svc", "99.9", Window.days(30));
        BudgetStatus s = ErrorBudgets.timeBased(slo, List.of(), MaintenanceSchedule.none(), min(0));
        assertTrue(s.exhaustion().isEmpty());
        assertTrue(s.exhaustsAt().isEmpty());
        assertEquals(new BigDecimal("100.0000"), s.remainingPercent());
        assertEquals(BigDecimal.ZERO, s.overspend());
        SlaReport r = SlaReport.of(s);
        assertEquals(SlaStatus.ON_TRACK, r.status());
        assertTrue(r.toText().contains("Time to exhaustion: never at this burn rate\n"), r.toText());
    }

    @Test
    void atRisk_whenBurnRateAboveThreshold() {
        Slo slo = Slo.timeBased("svc", "99", Window.days(1));
        BudgetStatus s = ErrorBudgets.timeBased(slo, List.of(inc("A", min(0), 10)), MaintenanceSchedule.none(),
                min(1440));
        assertEquals(new BigDecimal("0.694444444"), s.burnRate()); // 10 / 14.4
        assertEquals(SlaStatus.ON_TRACK, SlaReport.of(s).status());
        SlaReport r = SlaReport.of(s, new BigDecimal("0.5"));
        assertEquals(SlaStatus.AT_RISK, r.status());
        assertEquals("sla.at-risk", r.decidingRule().code());
        assertEquals(new BigDecimal("0.5"), r.decidingRule().fact("atRiskBurnRate"));
        assertThrows(IllegalArgumentException.class, () -> SlaReport.of(s, BigDecimal.ZERO));
    }

    @Test
    void lookbackBurnRate_fromIncidentsIsWorkbookDefinition() {
        Slo slo = Slo.timeBased("svc", "99.9", Window.days(30));
        // 6 minutes down in the last hour: error ratio 0.1 / 0.001 = 100x
        BigDecimal burn = ErrorBudgets.burnRate(slo, List.of(inc("A", min(100), 6)), MaintenanceSchedule.none(),
                Duration.ofHours(1), min(120));
        assertEquals(0, new BigDecimal("100").compareTo(burn));
        BigDecimal none = ErrorBudgets.burnRate(slo, List.of(inc("A", min(0), 6)), MaintenanceSchedule.none(),
                Duration.ofHours(1), min(120));
        assertEquals(0, none.signum());
    }

    @Test
    void maintenance_oneOffAndRecurringAcrossDst() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        RecurringMaintenance sunday = RecurringMaintenance.weekly(java.time.DayOfWeek.SUNDAY,
                java.time.LocalTime.of(2, 0), Duration.ofHours(2), berlin);
        // the week of the 2024 spring-forward (Sunday 31 March, 02:00 -> 03:00)
        Interval week = Interval.of(Instant.parse("2024-03-25T00:00:00Z"), Duration.ofDays(7));
        List<Interval> occ = sunday.occurrencesWithin(week);
        assertEquals(1, occ.size());
        // 02:00 does not exist: moved to 03:00 CEST = 01:00Z
        assertEquals(Interval.of(Instant.parse("2024-03-31T01:00:00Z"), Duration.ofHours(2)), occ.get(0));
        MaintenanceSchedule m = MaintenanceSchedule.none().plus(sunday)
                .plus(Interval.of(Instant.parse("2024-03-26T10:00:00Z"), Duration.ofMinutes(30)));
        assertEquals(Duration.ofMinutes(150), m.within(week).total());
        assertEquals("SUNDAY 02:00 +PT2H Europe/Berlin", sunday.toString());
        RecurringMaintenance daily = RecurringMaintenance.daily(java.time.LocalTime.of(23, 0), Duration.ofHours(2),
                ZoneOffset.UTC);
        // 7 occurrences, the first one starting the previous evening (clipped to 1h)
        assertEquals(Duration.ofHours(14), MaintenanceSchedule.none().plus(daily).within(week).total());
        assertThrows(IllegalArgumentException.class, () -> new RecurringMaintenance(java.util.Set.of(),
                java.time.LocalTime.NOON, Duration.ofHours(1), berlin));
        assertThrows(IllegalArgumentException.class, () -> RecurringMaintenance.daily(java.time.LocalTime.NOON,
                Duration.ofDays(8), berlin));
        java.util.Set<java.time.DayOfWeek> withNull = new java.util.HashSet<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> new RecurringMaintenance(withNull,
                java.time.LocalTime.NOON, Duration.ofHours(1), berlin));
    }

    @Test
    void badInput_isRejectedWithIllegalArgument() {
        Slo slo = Slo.timeBased("svc", "99.9", Window.days(1));
        Interval p = Interval.of(T0, Duration.ofDays(1));
        assertThrows(IllegalArgumentException.class,
                () -> ErrorBudgets.timeBased(slo, p, List.of(), MaintenanceSchedule.none(), T0.minusSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> ErrorBudgets.timeBased(slo, Interval.of(T0, T0), List.of(), MaintenanceSchedule.none(), T0));
        assertThrows(IllegalArgumentException.class,
                () -> ErrorBudgets.timeBased(slo, p, null, MaintenanceSchedule.none(), T0));
        assertThrows(IllegalArgumentException.class, () -> ErrorBudgets.timeBased(slo, p, List.of(), null, T0));
        Slo events = Slo.occurrences("svc", "99.9", Window.days(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ErrorBudgets.timeBased(events, p, List.of(), MaintenanceSchedule.none(), T0));
        assertTrue(e.getMessage().contains("Occurrences"), e.getMessage());
        SliSeries series = SliSeries.ofCounts(T0, Duration.ofMinutes(1), new long[] {1}, new long[] {1});
        assertThrows(IllegalArgumentException.class, () -> ErrorBudgets.events(slo, p, series, T0));
        assertThrows(IllegalArgumentException.class, () -> new Slo(" ", slo.target(), slo.window(), slo.method()));
        assertThrows(IllegalArgumentException.class, () -> BudgetingMethod.timeslices(Duration.ofMinutes(1),
                new BigDecimal("1.1")));
        assertThrows(IllegalArgumentException.class, () -> BudgetingMethod.timeslices(Duration.ofMinutes(1),
                BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> BudgetingMethod.ratioTimeslices(Duration.ZERO));
        assertThrows(IllegalStateException.class,
                () -> ErrorBudgets.events(events, p, series, T0.plusSeconds(60)).allowedTime());
    }

    @Test
    void occurrences_budgetIsShareOfEvents() {
        Slo slo = Slo.occurrences("svc", "99", Window.days(1));
        long[] good = new long[1440];
        long[] total = new long[1440];
        java.util.Arrays.fill(total, 100);
        java.util.Arrays.fill(good, 100);
        good[0] = 0; // 100 bad events of 144,000
        SliSeries s = SliSeries.ofCounts(T0, Duration.ofMinutes(1), good, total);
        BudgetStatus b = ErrorBudgets.events(slo, s, min(1440));
        assertEquals(BudgetUnit.EVENTS, b.unit());
        assertEquals(0, new BigDecimal("1440").compareTo(b.allowed()));
        assertEquals(0, new BigDecimal("100").compareTo(b.consumed()));
        assertEquals(new BigDecimal("0.069444444"), b.burnRate());
        assertTrue(b.exhaustion().isEmpty());
        good[1] = 0;
        good[2] = 0;
        good[3] = 0;
        good[4] = 0;
        good[5] = 0;
        BudgetStatus over = ErrorBudgets.events(slo, SliSeries.ofCounts(T0, Duration.ofMinutes(1), good, total),
                min(1440));
        assertEquals(0, new BigDecimal("600").compareTo(over.consumed()));
        good[6] = 0;
        java.util.Arrays.fill(good, 7, 15, 0);
        BudgetStatus exhausted = ErrorBudgets.events(slo, SliSeries.ofCounts(T0, Duration.ofMinutes(1), good, total),
                min(1440));
        assertTrue(exhausted.isExhausted());
        assertEquals(Duration.ZERO, exhausted.exhaustion().orElseThrow());
        assertTrue(SlaReport.of(exhausted).toText().contains("Budget: 1440 events\n"));
    }

    @Test
    void timeslices_countBadSlicesAgainstAllSlicesOfTheCalendarPeriod() {
        Slo slo = new Slo("svc", SloTarget.parse("90"), Window.calendar(CalendarUnit.DAY, ZoneOffset.UTC),
                BudgetingMethod.timeslices(Duration.ofMinutes(10), new BigDecimal("0.95")));
        long[] good = new long[1440];
        long[] total = new long[1440];
        java.util.Arrays.fill(total, 0, 120, 10);
        java.util.Arrays.fill(good, 0, 120, 10);
        good[5] = 4; // slice 0: 94/100 < 0.95 -> bad
        good[15] = 5; // slice 1: 95/100 -> good (not below)
        good[25] = 0; // slice 2: 90/100 -> bad
        SliSeries s = SliSeries.ofCounts(T0, Duration.ofMinutes(1), good, total);
        BudgetStatus b = ErrorBudgets.events(slo, s, min(120));
        assertEquals(BudgetUnit.SLICES, b.unit());
        assertEquals(0, new BigDecimal("14.4").compareTo(b.allowed())); // 10 % of all 144 slices
        assertEquals(0, new BigDecimal("2").compareTo(b.consumed()));
        assertEquals(new BigDecimal("0.083333333"), b.elapsedFraction()); // 12 of 144
        // 2/14.4 of the budget in 1/12 of the period
        assertEquals(new BigDecimal("1.666666667"), b.burnRate());
        // slices with no events are good; partial slice at 125 min is not counted
        assertEquals(0, new BigDecimal("2").compareTo(ErrorBudgets.events(slo, s, min(125)).consumed()));

        Slo ratio = new Slo("svc", SloTarget.parse("90"), Window.calendar(CalendarUnit.DAY, ZoneOffset.UTC),
                BudgetingMethod.ratioTimeslices(Duration.ofMinutes(10)));
        BudgetStatus r = ErrorBudgets.events(ratio, s, min(120));
        // (1 - 0.94) + (1 - 0.95) + (1 - 0.90) = 0.21 slice-equivalents
        assertEquals(0, new BigDecimal("0.21").compareTo(r.consumed()));
        assertEquals("TimeBased Occurrences Timeslices RatioTimeslices", String.join(" ",
                BudgetingMethod.timeBased().openSloName(), BudgetingMethod.occurrences().openSloName(),
                slo.method().openSloName(), ratio.method().openSloName()));
        Slo misfit = new Slo("svc", SloTarget.parse("90"), Window.days(1),
                BudgetingMethod.ratioTimeslices(Duration.ofSeconds(90)));
        assertThrows(IllegalArgumentException.class, () -> ErrorBudgets.events(misfit, s, min(120)));
        Slo tooLong = new Slo("svc", SloTarget.parse("90"), Window.days(1),
                BudgetingMethod.ratioTimeslices(Duration.ofDays(2)));
        assertThrows(IllegalArgumentException.class, () -> ErrorBudgets.events(tooLong, s, min(120)));
    }

    @Test
    void lookbackBurnRate_fromSeries() {
        long[] good = {100, 100, 90, 100};
        long[] total = {100, 100, 100, 100};
        SliSeries s = SliSeries.ofCounts(T0, Duration.ofMinutes(1), good, total);
        SloTarget t = SloTarget.parse("99");
        // last 2 minutes: 10 bad of 200 = 5 % / 1 % = 5x
        assertEquals(0, new BigDecimal("5").compareTo(ErrorBudgets.burnRate(t, s, Duration.ofMinutes(2), min(4))));
        assertEquals(0, ErrorBudgets.burnRate(t, s, Duration.ofMinutes(2), T0).signum());
        assertThrows(IllegalArgumentException.class, () -> ErrorBudgets.burnRate(t, s, Duration.ofSeconds(30), min(4)));
        assertFalse(s.toString().isEmpty());
    }
}
