package io.github.deliverykit.policy.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.CalendarUnit;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link FreezeInput#fromIncidents} on many incidents (O(n log n) since issue 16) and against an
 * independent minute-by-minute oracle on small inputs.
 */
final class FreezeInputIncidentsTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final FreezeInput.Request REQUEST = new FreezeInput.Request("svc", "deploy-1", ChangeKind.ROUTINE);

    static Instant min(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    /** Bad seconds in [from, to) minutes: each minute counts the highest impact covering it, unless in maintenance. */
    static BigDecimal oracle(int[][] inc, BigDecimal[] impact, boolean[] maintenanceMinute, int from, int to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int m = Math.max(0, from); m < to; m++) {
            if (maintenanceMinute[m]) {
                continue;
            }
            BigDecimal max = BigDecimal.ZERO;
            for (int i = 0; i < inc.length; i++) {
                if (inc[i][0] <= m && m < inc[i][1] && impact[i].compareTo(max) > 0) {
                    max = impact[i];
                }
            }
            sum = sum.add(max.multiply(BigDecimal.valueOf(60)));
        }
        return sum;
    }

    @Property(tries = 400)
    void fromIncidents_equalsAMinuteByMinuteOracle(@ForAll @IntRange(min = 0, max = 40) int n,
            @ForAll @IntRange(min = 30, max = 600) int lookbackMinutes, @ForAll long seed) {
        Random r = new Random(seed);
        int day = 1440;
        int[][] inc = new int[n][];
        BigDecimal[] impact = new BigDecimal[n];
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int s = r.nextInt(day);
            inc[i] = new int[] {s, Math.min(day, s + 1 + r.nextInt(180))};
            impact[i] = BigDecimal.valueOf(1 + r.nextInt(4), 1).multiply(BigDecimal.valueOf(2 + r.nextInt(2)))
                    .min(BigDecimal.ONE);
            incidents.add(Incident.builder("I" + i, "svc", Severity.SEV2).started(min(s)).mitigated(min(inc[i][1]))
                    .impact(impact[i]).build());
        }
        boolean[] maint = new boolean[day];
        MaintenanceSchedule schedule = MaintenanceSchedule.none();
        for (int k = 0; k < 3; k++) {
            int s = r.nextInt(day - 60);
            int len = 1 + r.nextInt(60);
            schedule = schedule.plus(Interval.of(min(s), Duration.ofMinutes(len)));
            for (int m = s; m < s + len; m++) {
                maint[m] = true;
            }
        }
        Slo slo = Slo.timeBased("svc", "99", Window.days(1));
        Instant at = min(day);
        DeployFreezeConfig config = DeployFreezeConfig.custom().lookback(Duration.ofMinutes(lookbackMinutes)).build();
        FreezeInput in = FreezeInput.fromIncidents(REQUEST, slo, incidents, schedule, at, config);
        assertEquals(0, oracle(inc, impact, maint, 0, day).compareTo(in.budget().consumed()),
                in.budget().consumed().toPlainString());
        BigDecimal recent = oracle(inc, impact, maint, day - lookbackMinutes, day);
        BigDecimal expected = recent.divide(BigDecimal.valueOf(lookbackMinutes * 60L).multiply(new BigDecimal("0.01")),
                9, RoundingMode.HALF_EVEN);
        assertEquals(0, expected.compareTo(in.burnRate()), in.burnRate().toPlainString());
    }

    @Test
    void fiftyThousandIncidents_knownAnswer() {
        // 50,000 back-to-back 1-minute incidents, each overlapped by a half-impact one of 3 minutes
        int n = 25_000;
        List<Incident> incidents = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            incidents.add(Incident.builder(String.format("F%05d", i), "svc", Severity.SEV2).started(min(2L * i))
                    .mitigated(min(2L * i + 1)).build());
            incidents.add(Incident.builder(String.format("H%05d", i), "svc", Severity.SEV3).started(min(2L * i))
                    .mitigated(min(2L * i + 3)).impact(new BigDecimal("0.5")).build());
        }
        Slo slo = Slo.timeBased("svc", "99.9", Window.days(40));
        Instant at = T0.plus(Duration.ofDays(40));
        DeployFreezeConfig config = DeployFreezeConfig.custom().lookback(Duration.ofDays(40)).build();
        FreezeInput in = FreezeInput.fromIncidents(REQUEST, slo, incidents, MaintenanceSchedule.none(), at, config);
        // even minutes [0, 50000) full, odd minutes half, plus the last half minute [50000, 50001)
        BigDecimal consumed = BigDecimal.valueOf(n * 60L).add(BigDecimal.valueOf(n * 30L)).add(BigDecimal.valueOf(30));
        assertEquals(0, consumed.compareTo(in.budget().consumed()), in.budget().consumed().toPlainString());
        assertEquals(2 * n, in.budget().incidents().size());
        assertEquals(0, in.budget().burnRate().compareTo(in.burnRate()));
        FreezeDecision d = DeployFreeze.of(config).evaluate(in, Clock.fixed(at, ZoneOffset.UTC));
        assertTrue(d.frozen());
    }

    @Test
    void calendarSlo_atTheMonthsEndCountsThatMonth() {
        Slo slo = Slo.timeBased("svc", "99.9", Window.calendar(CalendarUnit.MONTH, ZoneOffset.UTC));
        Instant feb1 = Instant.parse("2024-02-01T00:00:00Z");
        List<Incident> incidents = List.of(Incident.builder("I1", "svc", Severity.SEV2)
                .started(Instant.parse("2024-01-31T00:00:00Z")).mitigated(Instant.parse("2024-01-31T01:00:00Z")).build());
        FreezeInput in = FreezeInput.fromIncidents(REQUEST, slo, incidents, MaintenanceSchedule.none(), feb1,
                DeployFreezeConfig.ofDefaults());
        assertEquals(Duration.ofHours(1), in.budget().consumedTime());
        assertEquals(feb1, in.budget().period().end());
        // an hour of a 44.64-minute budget over the whole month: burn rate 1.344x, not a month with nothing elapsed
        assertEquals(0, new BigDecimal("1.344086022").compareTo(in.burnRate()), in.burnRate().toPlainString());
    }

    @Property(tries = 1000)
    void hostileInput_onlyIllegalArgument(@ForAll long atSeconds, @ForAll long lookbackSeconds,
            @ForAll @IntRange(min = 0, max = 3) int window, @ForAll int bucketMillis, @ForAll boolean nullElement) {
        Slo slo = Slo.timeBased("svc", "99.9", window == 0 ? Window.days(30)
                : window == 1 ? Window.calendar(CalendarUnit.MONTH, ZoneOffset.UTC) : Window.averageMonth());
        Instant at = T0.plusSeconds(atSeconds % 4_000_000_000L);
        List<Incident> incidents = new ArrayList<>();
        incidents.add(Incident.builder("I", "svc", Severity.SEV1).started(T0).build());
        if (nullElement) {
            incidents.add(null);
        }
        FreezePropertiesTest.only(() -> FreezeInput.fromIncidents(REQUEST, slo, incidents, MaintenanceSchedule.none(), at,
                DeployFreezeConfig.custom().lookback(Duration.ofSeconds(lookbackSeconds)).build()));
        FreezePropertiesTest.only(() -> FreezeInput.fromEvents(REQUEST, Slo.occurrences("svc", "99.9", slo.window()),
                io.github.deliverykit.metrics.budget.SliSeries.ofCounts(T0, Duration.ofMillis(bucketMillis),
                        new long[] {1, 2}, new long[] {2, 2}), at, DeployFreezeConfig.ofDefaults()));
        FreezePropertiesTest.only(() -> DeployFreeze.ofDefaults().evaluate(REQUEST, slo, incidents,
                MaintenanceSchedule.none(), Clock.fixed(at, ZoneOffset.UTC)));
    }
}
