package io.github.deliverykit.metrics.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The O(n log n) time-based consumption gives exactly the answers of the simple algorithm. */
final class FastBudgetsPropertiesTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Slo SLO = Slo.timeBased("svc", "99.9", Window.days(2));

    /** An incident: start and length in minutes, impact in tenths (10 = full), whether it has ended. */
    record Inc(int start, int length, int tenths, boolean ended) {}

    /** A maintenance span in minutes. */
    record Span(int start, int length) {}

    @Provide
    Arbitrary<List<Inc>> incidents() {
        return Combinators.combine(Arbitraries.integers().between(-300, 2 * 1440), Arbitraries.integers().between(0, 600),
                Arbitraries.integers().between(1, 10), Arbitraries.of(true, true, true, false))
                .as(Inc::new).list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<Span>> maintenance() {
        return Combinators.combine(Arbitraries.integers().between(-100, 2 * 1440), Arbitraries.integers().between(1, 300))
                .as(Span::new).list().ofMaxSize(6);
    }

    static Instant min(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    static List<Incident> build(List<Inc> spec) {
        List<Incident> out = new ArrayList<>();
        for (int i = 0; i < spec.size(); i++) {
            Inc s = spec.get(i);
            Incident.Builder b = Incident.builder("I" + (i % 7) + "-" + i, i % 5 == 4 ? "other" : "svc", Severity.SEV2)
                    .started(min(s.start())).impact(BigDecimal.valueOf(s.tenths(), 1));
            if (s.ended()) {
                b.mitigated(min(s.start() + s.length()));
            }
            out.add(b.build());
        }
        return out;
    }

    static MaintenanceSchedule schedule(List<Span> spans) {
        MaintenanceSchedule m = MaintenanceSchedule.none();
        for (Span s : spans) {
            m = m.plus(Interval.of(min(s.start()), Duration.ofMinutes(s.length())));
        }
        return m;
    }

    static void assertSame(BudgetStatus fast, NaiveBudgets.Result naive) {
        assertEquals(naive.consumed(), fast.consumed(), "consumed");
        assertEquals(naive.charges().size(), fast.incidents().size());
        for (int i = 0; i < naive.charges().size(); i++) {
            assertEquals(naive.ids().get(i), fast.incidents().get(i).id());
            assertEquals(naive.charges().get(i), fast.incidents().get(i).chargedSeconds(), "charge " + i);
        }
    }

    @Property(tries = 3000)
    void fastEqualsNaive(@ForAll("incidents") List<Inc> inc, @ForAll("maintenance") List<Span> maint,
            @ForAll @IntRange(min = 0, max = 2 * 1440) int atMinute) {
        Interval period = Interval.of(T0, Duration.ofDays(2));
        List<Incident> incidents = build(inc);
        MaintenanceSchedule m = schedule(maint);
        Instant at = min(atMinute);
        assertSame(ErrorBudgets.timeBased(SLO, period, incidents, m, at),
                NaiveBudgets.timeBased(SLO, period, incidents, m, at));
    }

    @Property(tries = 500)
    void fastEqualsNaive_onHeavilyOverlappingIncidents(@ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<Inc> spec = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            spec.add(new Inc(r.nextInt(120), r.nextInt(120), 1 + r.nextInt(10), r.nextInt(10) != 0));
        }
        Interval period = Interval.of(T0, Duration.ofDays(2));
        List<Incident> incidents = build(spec);
        MaintenanceSchedule m = schedule(List.of(new Span(r.nextInt(200), r.nextInt(60) + 1)));
        assertSame(ErrorBudgets.timeBased(SLO, period, incidents, m, min(240)),
                NaiveBudgets.timeBased(SLO, period, incidents, m, min(240)));
    }

    @Test
    void fiftyThousandIncidents_knownAnswer() {
        // incident i covers minutes [i, i + 2), impact 1 for even i and 0.5 for odd i: every minute of
        // [0, 50000) has a full-impact incident, the last minute [50000, 50001) only the 0.5 one
        int n = 50_000;
        List<Incident> incidents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            incidents.add(Incident.builder(String.format("I%05d", i), "svc", Severity.SEV3).started(min(i))
                    .mitigated(min(i + 2)).impact(i % 2 == 0 ? BigDecimal.ONE : new BigDecimal("0.5")).build());
        }
        Slo slo = Slo.timeBased("svc", "99.9", Window.days(60));
        BudgetStatus s = ErrorBudgets.timeBased(slo, incidents, MaintenanceSchedule.none(), T0.plus(Duration.ofDays(60)));
        assertEquals(0, new BigDecimal("3000030").compareTo(s.consumed()), s.consumed().toPlainString());
        assertEquals(n, s.incidents().size());
        BigDecimal sum = BigDecimal.ZERO;
        for (var c : s.incidents()) {
            sum = sum.add(c.chargedSeconds());
        }
        assertEquals(0, sum.compareTo(s.consumed()));
        // in start order: the first charge is 2 full minutes; an odd one adds its second minute at 0.5;
        // a later even one lifts its first minute from 0.5 to 1 and adds its second: 30 + 60 s
        assertEquals(0, new BigDecimal("120").compareTo(s.incidents().get(0).chargedSeconds()));
        assertEquals(0, new BigDecimal("30").compareTo(s.incidents().get(1).chargedSeconds()));
        assertEquals(0, new BigDecimal("90").compareTo(s.incidents().get(2).chargedSeconds()));
        assertEquals(0, new BigDecimal("30").compareTo(s.incidents().get(n - 1).chargedSeconds()));
    }
}
