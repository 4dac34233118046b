package io.github.deliverykit.metrics.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import io.github.deliverykit.metrics.budget.BudgetStatus.IncidentCharge;

final class BudgetPropertiesTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final int DAY = 1440;
    static final Slo SLO = Slo.timeBased("svc", "99", Window.days(1));

    /** An incident or maintenance span in whole minutes of one day. */
    record Span(int start, int length) {}

    @Provide
    Arbitrary<List<Span>> spans() {
        return Combinators.combine(Arbitraries.integers().between(0, DAY - 1), Arbitraries.integers().between(0, 240))
                .as(Span::new).list().ofMaxSize(8);
    }

    static Instant min(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    static List<Incident> incidents(List<Span> spans) {
        List<Incident> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            out.add(Incident.builder("I" + i, "svc", Severity.SEV2).started(min(s.start()))
                    .mitigated(min(s.start() + s.length())).build());
        }
        return out;
    }

    static MaintenanceSchedule maintenance(List<Span> spans) {
        MaintenanceSchedule m = MaintenanceSchedule.none();
        for (Span s : spans) {
            m = m.plus(Interval.of(min(s.start()), Duration.ofMinutes(s.length())));
        }
        return m;
    }

    static BudgetStatus status(List<Span> inc, List<Span> maint) {
        return ErrorBudgets.timeBased(SLO, incidents(inc), maintenance(maint), min(DAY));
    }

    @Property
    void remaining_isBudgetMinusConsumed(@ForAll("spans") List<Span> inc, @ForAll("spans") List<Span> maint) {
        BudgetStatus s = status(inc, maint);
        assertEquals(0, s.remaining().compareTo(s.allowed().subtract(s.consumed())));
        assertEquals(s.remainingTime(), s.allowedTime().minus(s.consumedTime()));
        assertEquals(s.isExhausted(), s.remaining().signum() <= 0);
        BigDecimal charged = s.incidents().stream().map(IncidentCharge::chargedSeconds)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, charged.compareTo(s.consumed()));
    }

    @Property
    void overlap_isNotDoubleCountedAndMaintenanceNeverCounts(@ForAll("spans") List<Span> inc,
            @ForAll("spans") List<Span> maint) {
        boolean[] bad = new boolean[DAY];
        for (Span s : inc) {
            for (int m = s.start(); m < Math.min(DAY, s.start() + s.length()); m++) {
                bad[m] = true;
            }
        }
        int maintained = 0;
        for (Span s : maint) {
            for (int m = s.start(); m < Math.min(DAY, s.start() + s.length()); m++) {
                if (bad[m]) {
                    maintained++;
                }
                bad[m] = false;
            }
        }
        int minutes = 0;
        for (boolean b : bad) {
            minutes += b ? 1 : 0;
        }
        BudgetStatus s = status(inc, maint);
        assertEquals(Duration.ofMinutes(minutes), s.consumedTime());
        assertEquals(Duration.ofMinutes(maintained), s.maintenanceExcluded());
        // incidents entirely inside maintenance change nothing
        List<Span> more = new ArrayList<>(inc);
        more.addAll(maint);
        assertEquals(s.consumed(), status(more, maint).consumed());
    }

    @Property
    void orderOfIncidents_doesNotMatter(@ForAll("spans") List<Span> inc, @ForAll("spans") List<Span> maint,
            @ForAll long seed) {
        List<Incident> list = incidents(inc);
        List<Incident> shuffled = new ArrayList<>(list);
        Collections.shuffle(shuffled, new Random(seed));
        BudgetStatus a = ErrorBudgets.timeBased(SLO, list, maintenance(maint), min(DAY));
        BudgetStatus b = ErrorBudgets.timeBased(SLO, shuffled, maintenance(maint), min(DAY));
        assertEquals(a, b);
        assertEquals(SlaReport.of(a).toText(), SlaReport.of(b).toText());
    }

    @Property
    void constantBurnOne_exhaustsExactlyAtTheWindowsEnd(@ForAll @IntRange(min = 1, max = 500) int elapsedTens,
            @ForAll @IntRange(min = 0, max = 500) int extraTens, @ForAll @IntRange(min = 0, max = 100) int offset) {
        // target 90 %: budget = P / 10; consumed E / 10 at elapsed E is burn rate exactly 1
        long e = 10L * elapsedTens;
        long p = e + 10L * extraTens + 10;
        Slo slo = Slo.timeBased("svc", "90", Window.days(30));
        Interval period = Interval.of(T0, Duration.ofMinutes(p));
        Incident i = Incident.builder("A", "svc", Severity.SEV1).started(min(offset % (e - e / 10 + 1)))
                .mitigated(min(offset % (e - e / 10 + 1) + e / 10)).build();
        BudgetStatus s = ErrorBudgets.timeBased(slo, period, List.of(i), MaintenanceSchedule.none(), min(e));
        assertEquals(0, BigDecimal.ONE.compareTo(s.burnRate()));
        assertEquals(period.end(), s.exhaustsAt().orElseThrow());
    }

    @Property
    void merge_equalsWhole(@ForAll @Size(max = 300) List<@LongRange(min = -60_000, max = 700_000) Long> times,
            @ForAll long seed) {
        Random r = new Random(seed);
        long origin = T0.toEpochMilli();
        GoodTotalAccumulator whole = GoodTotalAccumulator.create(T0, Duration.ofMinutes(1), 10);
        GoodTotalAccumulator a = GoodTotalAccumulator.create(T0, Duration.ofMinutes(1), 10);
        GoodTotalAccumulator b = GoodTotalAccumulator.create(T0, Duration.ofMinutes(1), 10);
        for (long t : times) {
            boolean ok = r.nextInt(4) != 0;
            whole.record(origin + t, ok);
            (r.nextBoolean() ? a : b).record(origin + t, ok);
        }
        assertEquals(whole, a.merge(b));
        SliSeries ws = whole.snapshot();
        SliSeries ms = a.snapshot();
        for (int i = 0; i <= 10; i++) {
            assertEquals(ws.total(0, i), ms.total(0, i));
            assertEquals(ws.good(i, 10), ms.good(i, 10));
        }
    }

    @Property(tries = 50)
    void alertFiring_equalsNaiveResumming(@ForAll @IntRange(min = 0, max = 2) int tableNo,
            @ForAll @IntRange(min = 0, max = 3) int targetNo, @ForAll long seed) {
        Duration period = Duration.ofDays(7);
        AlertTable table = tableNo == 0 ? AlertTable.workbook(period)
                : tableNo == 1 ? AlertTable.sloth(period) : AlertTable.pyrra(period);
        SloTarget target = SloTarget.parse(new String[] {"90", "99", "99.9", "99.95"}[targetNo]);
        AlertEvaluator e = AlertEvaluator.of(target, table, period, Duration.ofMinutes(1));
        Random r = new Random(seed);
        int n = 600;
        long[] good = new long[n];
        long[] total = new long[n];
        int errorRate = r.nextInt(200);
        for (int i = 0; i < n; i++) {
            total[i] = r.nextInt(30);
            long bad = 0;
            for (int k = 0; k < total[i]; k++) {
                bad += r.nextInt(1000) < errorRate ? 1 : 0;
            }
            good[i] = total[i] - bad;
        }
        SliSeries s = SliSeries.ofCounts(T0, Duration.ofMinutes(1), good, total);
        int rules = table.rules().size();
        int[] lb = new int[rules];
        int[] sb = new int[rules];
        BigDecimal[] thr = new BigDecimal[rules];
        for (int k = 0; k < rules; k++) {
            lb[k] = (int) table.rules().get(k).longWindow().toMinutes();
            sb[k] = (int) table.rules().get(k).shortWindow().toMinutes();
            thr[k] = table.rules().get(k).factor().multiply(target.budgetRatio());
        }
        for (int b = 0; b <= n; b++) {
            assertEquals(AlertTableTest.naive(good, total, b, lb, sb, thr), e.firing(s, b), "at " + b);
        }
    }

    @Property
    void badInput_neverEscapesAsAnythingButIllegalArgument(@ForAll String text, @ForAll long a, @ForAll long b,
            @ForAll int n, @ForAll double d) {
        only(() -> SloTarget.parse(text));
        only(() -> SloTarget.ofPercent(d));
        only(() -> GoodTotalAccumulator.create(Instant.ofEpochSecond(a % 31_556_889_864L), Duration.ofMillis(b), n % 100_000));
        only(() -> GoodTotalAccumulator.create(T0, Duration.ofSeconds(1), 4).record(a, b, n));
        only(() -> SliSeries.ofCounts(T0, Duration.ofMinutes(1), new long[] {a, b}, new long[] {b, n}));
        only(() -> SliSeries.ofCounts(T0, Duration.ofMinutes(1), new long[] {0}, new long[] {1}).total(n, (int) a));
        only(() -> ErrorBudgets.timeBased(SLO, Interval.of(T0, Duration.ofSeconds(Math.abs(a % 1_000_000_000L))),
                List.of(), MaintenanceSchedule.none(), T0.plusSeconds(b % 1_000_000_000L)));
        only(() -> ErrorBudgets.burnRate(SLO, List.of(), MaintenanceSchedule.none(), Duration.ofSeconds(a),
                T0.plusSeconds(b % 1_000_000_000L)));
        only(() -> BurnRateRule.ofBudgetShare("r", AlertSeverity.PAGE, BigDecimal.valueOf(d % 1e6),
                Duration.ofSeconds(a), Duration.ofSeconds(b)));
        only(() -> AlertEvaluator.of(SloTarget.parse("99"), AlertTable.workbook(Duration.ofDays(30)),
                Duration.ofDays(30), Duration.ofMillis(a)));
        only(() -> AlertTable.pyrra(Duration.ofSeconds(a)));
        only(() -> new RecurringMaintenance(java.util.Set.of(java.time.DayOfWeek.MONDAY), java.time.LocalTime.NOON,
                Duration.ofSeconds(a), java.time.ZoneOffset.UTC).occurrencesWithin(Interval.of(T0, Duration.ofDays(3))));
    }

    static void only(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
        }
    }
}
