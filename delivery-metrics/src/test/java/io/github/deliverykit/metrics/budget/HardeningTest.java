package io.github.deliverykit.metrics.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.core.time.CalendarUnit;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertDecision;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertState;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.RuleEvaluation;
import io.github.deliverykit.metrics.budget.BudgetStatus.BudgetUnit;
import io.github.deliverykit.metrics.budget.BudgetStatus.IncidentCharge;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;

/** Issue 16: each silent wrong answer and undocumented exception of the budget package, pinned. */
final class HardeningTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration D30 = Duration.ofDays(30);
    static final SloTarget NINES3 = SloTarget.parse("99.9");

    static SliSeries constant(Duration bucket, int buckets, long total, long bad) {
        long[] good = new long[buckets];
        long[] tot = new long[buckets];
        Arrays.fill(tot, total);
        Arrays.fill(good, total - bad);
        return SliSeries.ofCounts(T0, bucket, good, tot);
    }

    @Test
    void firing_rejectsASeriesOfAnotherBucketSize() {
        AlertEvaluator e = AlertEvaluator.of(NINES3, AlertTable.workbook(D30), D30, MINUTE);
        // 5-minute buckets at 10 % errors: a page is due, but read as minutes the windows are 5x too long
        SliSeries fiveMinutes = constant(Duration.ofMinutes(5), 2000, 5000, 500);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.firing(fiveMinutes, 2000));
        assertTrue(x.getMessage().contains("series.bucket"), x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.firing(fiveMinutes, 0, 10, new int[10]));
        AlertEvaluator five = AlertEvaluator.of(NINES3, AlertTable.workbook(D30), D30, Duration.ofMinutes(5));
        assertEquals(AlertState.PAGE, five.state(five.firing(fiveMinutes, 2000)));
    }

    @Test
    void firing_rejectsNullArguments() {
        AlertEvaluator e = AlertEvaluator.of(NINES3, AlertTable.workbook(D30), D30, MINUTE);
        assertThrows(IllegalArgumentException.class, () -> e.firing(null, 0));
        assertThrows(IllegalArgumentException.class, () -> e.firing(null, 0, 1, new int[1]));
        SliSeries s = constant(MINUTE, 10, 10, 0);
        assertThrows(IllegalArgumentException.class, () -> e.firing(s, 0, 1, null));
        assertThrows(IllegalArgumentException.class, () -> e.firing(s, 0, 5, new int[4]));
        assertThrows(IllegalArgumentException.class, () -> e.firing(s, 3, 2, new int[4]));
        assertThrows(IllegalArgumentException.class, () -> e.firing(s, 0, 12, new int[20]));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(null, T0));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(s, null));
    }

    @Test
    void partialWindow_sixHoursOfDataDoNotFireTheThreeDayRuleAsIfItHadThreeDays() {
        AlertEvaluator e = AlertEvaluator.of(NINES3, AlertTable.workbook(D30), D30, MINUTE);
        // 6 hours at 0.2 % errors: 2x over the data, above the 3-day rule's 1x; but 6 h of 2x spend
        // only 2 x 6 / 720 = 1.67 % of the budget, not the rule's 10 %
        SliSeries s = constant(MINUTE, 360, 1000, 2);
        AlertDecision d = e.evaluate(s, s.boundary(360));
        assertEquals(AlertState.OK, d.verdict(), d.findings().toText());
        assertTrue(d.partial());
        RuleEvaluation ticket = d.rules().get(2);
        assertTrue(ticket.partial());
        assertFalse(ticket.firing());
        assertEquals(Duration.ofHours(6), ticket.covered());
        // effective burn over 3 days: 2 x 6 h / 72 h
        assertEquals(0, new BigDecimal("0.166667").compareTo(ticket.longBurnRate()), ticket.longBurnRate().toString());
        Finding partial = d.findings().list().stream().filter(f -> f.code().equals("alert.partial-window")
                && "ticket-3d".equals(f.fact("rule"))).findFirst().orElseThrow();
        assertEquals(Level.WARN, partial.level());
        assertEquals(Duration.ofHours(6), partial.fact("covered"));
        assertEquals(0, new BigDecimal("2").compareTo((BigDecimal) partial.fact("observedBurnRate")));
        // the 1-hour and 6-hour rules have all their data
        assertFalse(d.rules().get(0).partial());
        assertFalse(d.rules().get(1).partial());
        assertEquals(0, e.firing(s, 360));
        // a full outage in the 6 hours does spend the 3-day rule's share: it fires (with the pages)
        SliSeries outage = constant(MINUTE, 360, 1000, 1000);
        assertEquals(0b111, e.firing(outage, 360));
        int[] masks = new int[361];
        e.firing(outage, 0, 361, masks);
        assertEquals(0b111, masks[360]);
    }

    @Test
    void staleData_isSaidNotSilentlyReused() {
        AlertEvaluator e = AlertEvaluator.of(NINES3, AlertTable.workbook(D30), D30, MINUTE);
        SliSeries s = constant(MINUTE, 4 * 1440, 1000, 0);
        Instant end = s.boundary(s.buckets());
        AlertDecision fresh = e.evaluate(s, end);
        assertFalse(fresh.stale());
        assertTrue(fresh.findings().find("alert.stale-data").isEmpty());
        AlertDecision late = e.evaluate(s, end.plus(Duration.ofHours(2)));
        assertTrue(late.stale());
        assertEquals(Duration.ofHours(2), late.staleBy());
        assertEquals(end, late.evaluatedAt());
        Finding f = late.findings().find("alert.stale-data").orElseThrow();
        assertEquals(Level.WARN, f.level());
        assertEquals(end, f.fact("seriesEnd"));
        assertEquals(Duration.ofHours(2), f.fact("staleBy"));
        AlertDecision early = e.evaluate(s, T0.minusSeconds(60));
        assertTrue(early.findings().find("alert.before-data").isPresent());
    }

    @Test
    void mismatchedTable_builtFor28DaysIsRejectedOnA30DayEvaluator() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> AlertEvaluator.of(NINES3, AlertTable.workbook(Duration.ofDays(28)), D30, MINUTE));
        assertTrue(x.getMessage().contains("table.period"), x.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AlertEvaluator.of(NINES3, AlertTable.sloth(Duration.ofDays(28)), D30, MINUTE));
        assertThrows(IllegalArgumentException.class,
                () -> AlertEvaluator.of(NINES3, AlertTable.pyrra(Duration.ofDays(28)), D30, MINUTE));
        // a hand-made table of fixed factors holds for any period
        AlertTable own = new AlertTable("own", AlertTable.workbook(Duration.ofDays(28)).rules());
        assertEquals(3, AlertEvaluator.of(NINES3, own, D30, MINUTE).rules());
        assertThrows(IllegalArgumentException.class, () -> new AlertTable("x", own.rules(), Duration.ZERO));
    }

    @Test
    void evaluator_fromAnSloAndItsWindow_calendarMonthNeedsNoFixedDuration() {
        Slo month = Slo.occurrences("checkout", "99.9", Window.calendar(CalendarUnit.MONTH, ZoneOffset.UTC));
        AlertEvaluator e = AlertEvaluator.workbook(month, MINUTE);
        // the seed's average month: 730 h, so 2 % in 1 h is 14.6x
        assertEquals(Duration.ofMinutes(43_800), AlertEvaluator.periodOf(month.window()));
        assertEquals(0, new BigDecimal("14.6").compareTo(e.table().rules().get(0).factor()));
        assertEquals(Duration.ofMinutes(43_800), e.table().period());
        Slo rolling = Slo.occurrences("checkout", "99.9", Window.days(28));
        assertEquals(0, new BigDecimal("13.44").compareTo(
                AlertEvaluator.of(rolling, AlertTable.workbook(Duration.ofDays(28)), MINUTE).table().rules().get(0).factor()));
        assertThrows(IllegalArgumentException.class, () -> AlertEvaluator.of(rolling, AlertTable.workbook(D30), MINUTE));
        assertEquals(Duration.ofDays(1), AlertEvaluator.periodOf(Window.calendar(CalendarUnit.DAY, ZoneOffset.UTC)));
        assertEquals(Duration.ofDays(7), AlertEvaluator.periodOf(Window.calendar(CalendarUnit.WEEK, ZoneOffset.UTC)));
        assertEquals(Duration.ofMinutes(3 * 43_800),
                AlertEvaluator.periodOf(Window.calendar(CalendarUnit.QUARTER, ZoneOffset.UTC)));
        assertEquals(Duration.ofDays(365), AlertEvaluator.periodOf(Window.calendar(CalendarUnit.YEAR, ZoneOffset.UTC)));
        assertThrows(IllegalArgumentException.class, () -> AlertEvaluator.periodOf(null));
        assertThrows(IllegalArgumentException.class, () -> AlertEvaluator.workbook(null, MINUTE));
    }

    @Test
    void calendarPeriod_atItsEndGivesThatPeriodNotTheNext() {
        Slo slo = Slo.timeBased("portal", "99.9", Window.calendar(CalendarUnit.MONTH, ZoneOffset.UTC));
        Instant feb1 = Instant.parse("2024-02-01T00:00:00Z");
        Incident inc = Incident.builder("I1", "portal", Severity.SEV2).started(Instant.parse("2024-01-20T00:00:00Z"))
                .mitigated(Instant.parse("2024-01-20T00:10:00Z")).build();
        BudgetStatus s = ErrorBudgets.timeBased(slo, List.of(inc), MaintenanceSchedule.none(), feb1);
        assertEquals(Interval.of(Instant.parse("2024-01-01T00:00:00Z"), feb1), s.period());
        assertEquals(0, BigDecimal.ONE.compareTo(s.elapsedFraction()), s.elapsedFraction().toString());
        assertEquals(Duration.ofMinutes(10), s.consumedTime());
        assertEquals(s.period(), ErrorBudgets.periodAt(slo, feb1));
        // one nanosecond later it is February
        assertEquals(feb1, ErrorBudgets.periodAt(slo, feb1.plusNanos(1)).start());
        // rolling windows are unchanged: the window ending at the instant
        Slo rolling = Slo.timeBased("portal", "99.9", Window.days(30));
        assertEquals(feb1, ErrorBudgets.periodAt(rolling, feb1).end());
        SliSeries series = constant(MINUTE, 31 * 1440, 10, 0);
        BudgetStatus ev = ErrorBudgets.events(Slo.occurrences("portal", "99.9", slo.window()), series, feb1);
        // all of January's 446,400 events (10 a minute), not February's none
        assertEquals(0, new BigDecimal("446.4").compareTo(ev.allowed()), ev.allowed().toPlainString());
        assertEquals(s.period(), ev.period());
        assertThrows(IllegalArgumentException.class, () -> ErrorBudgets.periodAt(null, feb1));
        assertThrows(IllegalArgumentException.class, () -> ErrorBudgets.periodAt(slo, null));
    }

    @Test
    void exhaustionAfterThePeriodResets_isSaid() {
        BudgetStatus seed = SeedExampleTest.status();
        assertTrue(seed.resetsBeforeExhaustion());
        SlaReport r = SlaReport.of(seed);
        Finding f = r.findings().find("budget.resets-first").orElseThrow();
        assertEquals(seed.period().end(), f.fact("periodEnd"));
        assertTrue(r.toText().contains("after the period resets at " + seed.period().end()), r.toText());
        // a rolling window ending now never resets
        Slo rolling = Slo.timeBased("svc", "99.9", Window.days(1));
        BudgetStatus roll = ErrorBudgets.timeBased(rolling, List.of(ErrorBudgetsTest.inc("A", T0, 1)),
                MaintenanceSchedule.none(), T0.plus(Duration.ofDays(1)));
        assertFalse(roll.resetsBeforeExhaustion());
        assertTrue(SlaReport.of(roll).findings().find("budget.resets-first").isEmpty());
    }

    @Test
    void fullOutageOnA90PercentSlo_the14xRuleSaysItCannotFire() {
        SloTarget ninety = SloTarget.parse("90");
        AlertEvaluator e = AlertEvaluator.of(ninety, AlertTable.workbook(D30), D30, MINUTE);
        SliSeries outage = constant(MINUTE, 4 * 1440, 10, 10);
        AlertDecision d = e.evaluate(outage, outage.boundary(outage.buckets()));
        assertEquals(AlertState.PAGE, d.verdict());
        Finding first = d.findings().list().get(0);
        assertEquals("alert.can-never-fire", first.code());
        assertEquals(Level.WARN, first.level());
        assertEquals("page-1h", first.fact("rule"));
        assertFalse(d.rules().get(0).canFire());
        assertTrue(d.rules().get(1).canFire());
        for (Finding x : d.findings().list()) {
            assertFalse(x.code().equals("alert.quiet") && "page-1h".equals(x.fact("rule")), x.toString());
        }
        assertEquals(1, d.findings().list().stream().filter(x -> x.code().equals("alert.can-never-fire")).count());
    }

    @Test
    void slaReport_withEmptyFindingsIsRejected() {
        BudgetStatus seed = SeedExampleTest.status();
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> new SlaReport(seed, SlaStatus.ON_TRACK, BigDecimal.ONE, Findings.of(List.of())));
        assertTrue(x.getMessage().contains("findings"), x.getMessage());
        SlaReport one = new SlaReport(seed, SlaStatus.ON_TRACK, BigDecimal.ONE,
                Findings.of(List.of(Finding.pass("sla.on-track", "fine", io.github.deliverykit.core.finding.Facts.none()))));
        assertEquals("sla.on-track", one.decidingRule().code());
        assertTrue(one.toText().contains("sla.on-track"));
        assertTrue(one.toMarkdown().contains("sla.on-track"));
    }

    @Test
    void maintenanceOf_nullElementIsAClearError() {
        Interval a = Interval.of(T0, Duration.ofHours(1));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> MaintenanceSchedule.of(a, null));
        assertTrue(x.getMessage().contains("intervals[1]"), x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MaintenanceSchedule.of((Interval[]) null));
        assertThrows(IllegalArgumentException.class, () -> MaintenanceSchedule.of((Interval) null));
    }

    @Test
    void hugeScaleDecimals_areRejectedAtTheBoundary() {
        BudgetStatus seed = SeedExampleTest.status();
        BigDecimal huge = new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE + 1); // 10^2147483647
        BigDecimal tiny = new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE); // 10^-2147483647
        for (BigDecimal bad : List.of(huge, tiny, new BigDecimal("1e61"))) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> new BudgetStatus(
                    seed.slo(), seed.at(), seed.period(), seed.observed(), BudgetUnit.SECONDS, bad, seed.consumed(),
                    seed.elapsedFraction(), seed.burnRate(), List.of(), Duration.ZERO, null));
            assertTrue(x.getMessage().contains("allowed"), x.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new BudgetStatus(seed.slo(), seed.at(), seed.period(),
                    seed.observed(), BudgetUnit.SECONDS, seed.allowed(), bad, seed.elapsedFraction(), seed.burnRate(),
                    List.of(), Duration.ZERO, null));
            assertThrows(IllegalArgumentException.class, () -> new IncidentCharge("I", Severity.SEV1, BigDecimal.ONE,
                    seed.observed(), Duration.ZERO, bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new IncidentCharge("I", Severity.SEV1, tiny,
                seed.observed(), Duration.ZERO, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> new IncidentCharge("I", Severity.SEV1, new BigDecimal("1.5"),
                seed.observed(), Duration.ZERO, BigDecimal.ONE));
        // a value with many trailing zeros past the scale bound is still the small number it is
        BudgetStatus ok = new BudgetStatus(seed.slo(), seed.at(), seed.period(), seed.observed(), BudgetUnit.SECONDS,
                new BigDecimal("2628.000").setScale(100), seed.consumed(), seed.elapsedFraction(), seed.burnRate(),
                List.of(), Duration.ZERO, null);
        assertEquals(0, new BigDecimal("2628").compareTo(ok.allowed()));
        ok.remainingPercent();
        ok.allowedTime();
        SlaReport.of(ok).toText();
    }
}
