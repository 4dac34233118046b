package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.metric.SlaStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.BudgetStatus.BudgetUnit;

final class EdgeCasesTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void duration_roundsAndSaturates() {
        assertEquals(Duration.ofSeconds(1, 500_000_000), ErrorBudgets.duration(new BigDecimal("1.5")));
        assertEquals(Duration.ofSeconds(-2, 500_000_000), ErrorBudgets.duration(new BigDecimal("-1.5")));
        assertEquals(Duration.ofNanos(2), ErrorBudgets.duration(new BigDecimal("0.0000000015")));
        assertEquals(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), ErrorBudgets.duration(new BigDecimal("1e30")));
        assertEquals(Duration.ofSeconds(Long.MIN_VALUE), ErrorBudgets.duration(new BigDecimal("-1e30")));
        assertEquals(new BigDecimal("1.000000002"), ErrorBudgets.seconds(Duration.ofSeconds(1, 2)));
    }

    @Test
    void occurrences_withoutEventsHasNoBudgetAndZeroPercents() {
        Slo slo = Slo.occurrences("svc", "99.9", Window.days(1));
        SliSeries s = SliSeries.ofCounts(T0, Duration.ofMinutes(1), new long[] {0}, new long[] {0});
        BudgetStatus b = ErrorBudgets.events(slo, s, T0.plus(Duration.ofDays(1)));
        assertEquals(BigDecimal.ZERO, b.remainingPercent());
        assertEquals(BigDecimal.ZERO, b.consumedPercent());
        assertEquals(BigDecimal.ZERO, b.burnRate());
        assertTrue(b.isExhausted());
        SlaReport r = SlaReport.of(b);
        assertEquals(r.toText(), r.toString());
        assertTrue(r.toText().contains("Budget: 0 events\n"), r.toText());
    }

    @Test
    void percents_areRoundedToFourDecimals() {
        Slo slo = Slo.timeBased("svc", "99", Window.days(1));
        BudgetStatus b = ErrorBudgets.timeBased(slo, List.of(ErrorBudgetsTest.inc("A", T0, 1)),
                MaintenanceSchedule.none(), T0.plus(Duration.ofDays(1)));
        // 1 of 14.4 minutes
        assertEquals(new BigDecimal("6.9444"), b.consumedPercent());
        assertEquals(new BigDecimal("93.0556"), b.remainingPercent());
        assertTrue(SlaReport.amount(new BigDecimal("90"), BudgetUnit.SECONDS).equals("1.5 min"));
        assertEquals("0.1234 slices", SlaReport.amount(new BigDecimal("0.12345"), BudgetUnit.SLICES)); // half-even
        assertEquals("0", SlaReport.plain(new BigDecimal("0.00001"), 4));
    }

    @Test
    void maintenanceOf_oneOffIntervals() {
        Interval a = Interval.of(T0, Duration.ofHours(1));
        Interval b = Interval.of(T0.plusSeconds(1800), Duration.ofHours(1));
        MaintenanceSchedule m = MaintenanceSchedule.of(a, b);
        assertEquals(List.of(a, b), m.oneOff());
        assertEquals(Duration.ofMinutes(90), m.within(Interval.of(T0, Duration.ofDays(1))).total());
        assertEquals(Duration.ofMinutes(30), m.within(Interval.of(T0.plusSeconds(3600), Duration.ofDays(1))).total());
    }

    @Test
    void accumulator_hashAndMessagesDependOnContent() {
        GoodTotalAccumulator a = GoodTotalAccumulator.create(T0, Duration.ofMinutes(1), 2);
        GoodTotalAccumulator b = GoodTotalAccumulator.create(T0, Duration.ofMinutes(1), 2);
        b.record(T0.toEpochMilli(), true);
        assertNotEquals(a.hashCode(), b.hashCode());
        GoodTotalAccumulator c = GoodTotalAccumulator.create(T0, Duration.ofMinutes(1), 2);
        c.record(T0.toEpochMilli() + 60_000, false);
        assertNotEquals(b, c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.merge(GoodTotalAccumulator.create(T0, Duration.ofMinutes(2), 2)));
        assertTrue(e.getMessage().contains("2024-01-01T00:00:00Z + 2 x PT1M"), e.getMessage());
        assertTrue(e.getMessage().contains("2 x PT2M"), e.getMessage());
        // exactly at the last millisecond of the range, and one bucket's boundary
        GoodTotalAccumulator d = GoodTotalAccumulator.create(T0, Duration.ofMillis(1000), 2);
        assertTrue(d.record(T0.toEpochMilli() + 1999, true));
        assertTrue(d.record(T0.toEpochMilli() + 1000, 1, 1));
        assertEquals(2, d.total(1));
        assertEquals(0, d.total(0));
        assertTrue(GoodTotalAccumulator.create(T0, Duration.ofDays(1), 1).record(T0.toEpochMilli(), 0, 0));
        assertTrue(GoodTotalAccumulator.create(T0, Duration.ofMillis(1), GoodTotalAccumulator.MAX_BUCKETS / 1000)
                .record(T0.toEpochMilli(), true));
        assertThrows(IllegalArgumentException.class,
                () -> GoodTotalAccumulator.create(T0, Duration.ofMillis(1), GoodTotalAccumulator.MAX_BUCKETS + 1));
        GoodTotalAccumulator full = GoodTotalAccumulator.create(T0, Duration.ofMinutes(1), 1);
        full.record(T0.toEpochMilli(), 0, Long.MAX_VALUE - 1);
        full.record(T0.toEpochMilli(), 0, 1);
        assertEquals(Long.MAX_VALUE, full.total(0));
    }

    @Test
    void series_rangeChecksOnEveryQuery() {
        SliSeries s = SliSeries.ofCounts(T0, Duration.ofMinutes(1), new long[] {1, 0}, new long[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> s.good(2, 1));
        assertThrows(IllegalArgumentException.class, () -> s.good(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> s.bad(0, 3));
        assertEquals(1, s.good(0, 2));
        assertEquals(2, s.bad(0, 2));
        assertThrows(IllegalArgumentException.class, () -> SliSeries.ofCounts(T0, Duration.ofMinutes(1),
                new long[GoodTotalAccumulator.MAX_BUCKETS / 100 + 1], new long[0]));
        assertThrows(IllegalArgumentException.class, () -> SliSeries.ofCounts(T0.plusMillis(1).plusNanos(1),
                Duration.ofMinutes(1), new long[1], new long[1]));
        assertEquals(1, s.bucketsIn(Duration.ofMinutes(1), "w"));
        assertEquals(Integer.MAX_VALUE, s.bucketsIn(Duration.ofMinutes(Integer.MAX_VALUE).plusMinutes(1), "w"));
        assertEquals(Integer.MAX_VALUE - 1, s.bucketsIn(Duration.ofMinutes(Integer.MAX_VALUE - 1), "w"));
    }

    @Test
    void pyrraWindows_roundToTheNearestMinute() {
        // 10 days / 672 = 21m25.7s -> 21m26s -> 21 min; 10 days / 8064 = 1m47.1s -> 2 min
        BurnRateRule r = AlertTable.pyrra(Duration.ofDays(10)).rules().get(0);
        assertEquals(Duration.ofMinutes(21), r.longWindow());
        assertEquals(Duration.ofMinutes(2), r.shortWindow());
        // 1 day / 8064 = 10.7 s: at least one minute
        assertEquals(Duration.ofMinutes(1), AlertTable.pyrra(Duration.ofDays(1)).rules().get(0).shortWindow());
        // 28 days + 4 min / 672 = 1 h + 0.357 s -> 1 h; 28 days + 336 s / 672 -> 1 h 0.5 s -> 1 h 1 min? no: 1 h
        assertEquals(Duration.ofHours(1), AlertTable.pyrra(Duration.ofDays(28).plusMinutes(4)).rules().get(0).longWindow());
        // 150 s = 2.5 min rounds up, 149 s down, and 149.5 s counts as 150 s
        assertEquals(Duration.ofMinutes(3), AlertTable.pyrra(Duration.ofSeconds(672 * 150)).rules().get(0).longWindow());
        assertEquals(Duration.ofMinutes(2), AlertTable.pyrra(Duration.ofSeconds(672 * 149)).rules().get(0).longWindow());
        assertEquals(Duration.ofMinutes(3), AlertTable.pyrra(Duration.ofSeconds(672 * 149 + 336)).rules().get(0)
                .longWindow());
        assertEquals(Duration.ofMinutes(2), AlertTable.pyrra(Duration.ofSeconds(672 * 149 + 335)).rules().get(0)
                .longWindow());
    }

    @Test
    void decimals_boundsAreInclusive() {
        assertEquals(new BigDecimal("1000000000"), new BurnRateRule("r", AlertSeverity.PAGE, Duration.ofHours(1),
                Duration.ofMinutes(5), new BigDecimal("1000000000")).factor().stripTrailingZeros()
                .setScale(0));
        assertEquals(new BigDecimal("1e-30"), new BurnRateRule("r", AlertSeverity.PAGE, Duration.ofHours(1),
                Duration.ofMinutes(5), new BigDecimal("1e-30")).factor());
        assertThrows(IllegalArgumentException.class, () -> new BurnRateRule("r", AlertSeverity.PAGE,
                Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("1e-31")));
        assertThrows(IllegalArgumentException.class, () -> new BurnRateRule("r", AlertSeverity.PAGE,
                Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("1000000000.5")));
        assertThrows(IllegalArgumentException.class, () -> new BurnRateRule("r", AlertSeverity.PAGE,
                Duration.ofHours(1), Duration.ofMinutes(5), BigDecimal.ZERO));
    }

    @Test
    void impact_with31DecimalsIsRoundedTo30() {
        Slo slo = Slo.timeBased("svc", "99", Window.days(1));
        io.github.deliverykit.core.event.Incident half = io.github.deliverykit.core.event.Incident
                .builder("H", "svc", io.github.deliverykit.core.event.Severity.SEV3).started(T0)
                .mitigated(T0.plusSeconds(3600)).impact(new BigDecimal("0.5000000000000000000000000000001")).build();
        BudgetStatus b = ErrorBudgets.timeBased(slo, List.of(half), MaintenanceSchedule.none(),
                T0.plus(Duration.ofDays(1)));
        assertEquals(0, new BigDecimal("1800").compareTo(b.consumed()));
        assertEquals(0, new BigDecimal("0.5").compareTo(b.incidents().get(0).impact()));
        io.github.deliverykit.core.event.Incident exact = io.github.deliverykit.core.event.Incident
                .builder("E", "svc", io.github.deliverykit.core.event.Severity.SEV3).started(T0)
                .mitigated(T0.plusSeconds(3600)).impact(new BigDecimal("0.100000000000000000000000000001")).build();
        BudgetStatus e = ErrorBudgets.timeBased(slo, List.of(exact), MaintenanceSchedule.none(),
                T0.plus(Duration.ofDays(1)));
        assertEquals(0, new BigDecimal("360.0000000000000000000000000036").compareTo(e.consumed()));
    }

    @Test
    void series_rejectsRangeBeyondSupportedInstants() {
        Instant late = Interval.MAX.minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThrows(IllegalArgumentException.class,
                () -> SliSeries.ofCounts(late, Duration.ofMinutes(1), new long[1], new long[1]));
    }

    @Test
    void report_atRiskBoundaryAndOptionalFindings() {
        BudgetStatus seed = SeedExampleTest.status();
        assertEquals(SlaStatus.ON_TRACK, SlaReport.of(seed, seed.burnRate()).status());
        assertEquals(List.of("budget.allowed", "budget.incident", "budget.incident", "budget.incident",
                "budget.maintenance-excluded", "budget.consumed", "budget.remaining", "budget.burn-rate",
                "budget.exhaustion", "budget.resets-first", "sla.on-track"), SlaReport.of(seed).findings().codes());
        assertEquals("at this burn rate the budget is spent in PT495H50M (2024-02-08T00:30:00Z)",
                SlaReport.of(seed).findings().find("budget.exhaustion").orElseThrow().message());
        BudgetStatus none = ErrorBudgets.timeBased(SeedExampleTest.SLO, SeedExampleTest.MONTH, List.of(),
                MaintenanceSchedule.none(), SeedExampleTest.AT);
        assertEquals(List.of("budget.allowed", "budget.consumed", "budget.remaining", "budget.burn-rate",
                "budget.exhaustion", "sla.on-track"), SlaReport.of(none).findings().codes());
        assertEquals("at this burn rate the budget is never spent",
                SlaReport.of(none).findings().find("budget.exhaustion").orElseThrow().message());
    }
}
