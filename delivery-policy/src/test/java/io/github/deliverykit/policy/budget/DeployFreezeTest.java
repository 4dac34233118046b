package io.github.deliverykit.policy.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.metrics.budget.ErrorBudgets;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.SliSeries;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.budget.FreezeDecision.Verdict;
import io.github.deliverykit.policy.budget.internal.BurnRateFreezePolicy;
import io.github.deliverykit.policy.budget.spi.FreezePolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class DeployFreezeTest {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(START.plus(Duration.ofMinutes(25_000)), ZoneOffset.UTC);
    static final Interval MONTH = Interval.of(START, Duration.ofMinutes(Window.AVERAGE_MONTH_MINUTES));
    static final Slo SLO = Slo.timeBased("portal", "99.9", Window.averageMonth());
    static final FreezeInput.Request ROUTINE = new FreezeInput.Request("portal", "v2.5.0", ChangeKind.ROUTINE);

    static Incident inc(String id, Instant start, long minutes) {
        return Incident.builder(id, "portal", Severity.SEV2).started(start)
                .mitigated(start.plus(Duration.ofMinutes(minutes))).build();
    }

    /** The seed's month: 20 minutes used by minute 25,000 of 43,800 (burn 0.8x), plus extra minutes. */
    static BudgetStatus month(long extraMinutes) {
        List<Incident> incidents = List.of(inc("INC-1", START.plus(Duration.ofDays(2)), 15),
                inc("INC-2", START.plus(Duration.ofDays(9)), 5 + extraMinutes));
        return ErrorBudgets.timeBased(SLO, MONTH, incidents, MaintenanceSchedule.none(),
                START.plus(Duration.ofMinutes(25_000)));
    }

    @Test
    void seedBurnRate0point8_allows() {
        FreezeDecision d = DeployFreeze.ofDefaults().evaluate(FreezeInput.of(ROUTINE, month(0)), CLOCK);
        assertEquals(Verdict.ALLOW, d.verdict());
        assertEquals(List.of("burn-rate.threshold", "burn-rate.budget"), d.findings().codes());
        assertEquals(Level.PASS, d.findings().worst());
        assertEquals(0, new BigDecimal("0.8").compareTo(d.burnRate()));
        assertEquals("[PASS] burn-rate.threshold: burn rate 0.8x over the budget period is at most 1.5x "
                + "(burnRate=0.8, threshold=1.5, over=budget period)", d.findings().list().get(0).toText());
    }

    @Test
    void burnRateAbove1point5_freezesRoutineButNotRollbacks() {
        // 20 + 18 = 38 of 43.8 minutes by 57 % of the month: burn 1.52x
        BudgetStatus b = month(18);
        assertTrue(b.burnRate().compareTo(new BigDecimal("1.5")) > 0);
        DeployFreeze freeze = DeployFreeze.ofDefaults();
        FreezeDecision d = freeze.evaluate(FreezeInput.of(ROUTINE, b), CLOCK);
        assertEquals(Verdict.FREEZE, d.verdict());
        assertEquals(List.of("burn-rate.threshold", "burn-rate.budget", "freeze.active"), d.findings().codes());
        assertEquals(Level.FAIL, d.findings().list().get(0).level());
        for (ChangeKind k : List.of(ChangeKind.ROLLBACK, ChangeKind.SECURITY_FIX, ChangeKind.CRITICAL)) {
            FreezeDecision ok = freeze.evaluate(FreezeInput.of(new FreezeInput.Request("portal", "fix", k), b), CLOCK);
            assertEquals(Verdict.ALLOW, ok.verdict(), k.name());
            assertEquals("freeze.exempt", ok.findings().list().get(2).code());
            assertEquals(Level.WARN, ok.findings().worst());
        }
        // exactly at the threshold is not above it
        BudgetStatus low = month(0);
        assertEquals(Verdict.ALLOW, DeployFreeze.of(DeployFreezeConfig.custom().burnRateThreshold("0.8").build())
                .evaluate(FreezeInput.of(ROUTINE, low), CLOCK).verdict());
        assertEquals(Verdict.FREEZE, DeployFreeze.of(DeployFreezeConfig.custom().burnRateThreshold("0.79").build())
                .evaluate(FreezeInput.of(ROUTINE, low), CLOCK).verdict());
    }

    @Test
    void exhaustedBudget_freezesUnlessConfiguredOff() {
        BudgetStatus b = ErrorBudgets.timeBased(SLO, MONTH, List.of(inc("BIG", START, 60)),
                MaintenanceSchedule.none(), MONTH.end());
        assertTrue(b.isExhausted());
        DeployFreezeConfig high = DeployFreezeConfig.custom().burnRateThreshold(new BigDecimal("5")).build();
        FreezeDecision d = DeployFreeze.of(high).evaluate(FreezeInput.of(ROUTINE, b), CLOCK);
        assertEquals(Verdict.FREEZE, d.verdict());
        assertEquals(Level.PASS, d.findings().list().get(0).level());
        assertEquals(Level.FAIL, d.findings().list().get(1).level());
        DeployFreezeConfig off = DeployFreezeConfig.from(high).freezeWhenExhausted(false).build();
        FreezeDecision allowed = DeployFreeze.of(off).evaluate(FreezeInput.of(ROUTINE, b), CLOCK);
        assertEquals(Verdict.ALLOW, allowed.verdict());
        assertEquals(Level.WARN, allowed.findings().list().get(1).level());
    }

    @Test
    void lookback_usesWorkbookBurnRateAndTheClock() {
        // 10 bad minutes in the last hour: 1/6 / 0.001 = 166.7x, though the month is fine
        Instant now = START.plus(Duration.ofDays(10));
        List<Incident> incidents = List.of(inc("INC-9", now.minus(Duration.ofMinutes(30)), 10));
        Slo rolling = Slo.timeBased("portal", "99.9", Window.days(30));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        FreezeDecision period = DeployFreeze.ofDefaults().evaluate(ROUTINE, rolling, incidents,
                MaintenanceSchedule.none(), clock);
        assertEquals(Verdict.ALLOW, period.verdict()); // 10 of 43.2 min over 30 days: 0.23x
        DeployFreezeConfig hourly = DeployFreezeConfig.custom().lookback(Duration.ofHours(1)).build();
        FreezeDecision d = DeployFreeze.of(hourly).evaluate(ROUTINE, rolling, incidents,
                MaintenanceSchedule.none(), clock);
        assertEquals(Verdict.FREEZE, d.verdict());
        Finding burn = d.findings().list().get(0);
        assertEquals(Duration.ofHours(1), burn.fact("over"));
        assertEquals(new BigDecimal("166.666666667"), burn.fact("burnRate"));
        assertEquals(new BigDecimal("166.666666667"), d.burnRate());
        assertEquals(Duration.ofHours(1), d.lookbackWindow().orElseThrow());
        assertEquals(now, d.evaluatedAt());
        assertTrue(d.frozen());
        assertFalse(d.allows(ChangeKind.ROUTINE));
        assertTrue(d.allows(ChangeKind.ROLLBACK));
        assertTrue(burn.message().contains("over the last PT1H"), burn.message());
    }

    @Test
    void fromEvents_usesSeriesBurnRate() {
        Slo slo = Slo.occurrences("portal", "99", Window.days(1));
        long[] good = new long[1440];
        long[] total = new long[1440];
        java.util.Arrays.fill(total, 100);
        java.util.Arrays.fill(good, 100);
        for (int i = 1380; i < 1440; i++) {
            good[i] = 95; // last hour 5 % errors: 5x; the day 0.21x
        }
        SliSeries s = SliSeries.ofCounts(START, Duration.ofMinutes(1), good, total);
        Instant at = START.plus(Duration.ofDays(1));
        FreezeInput day = FreezeInput.fromEvents(ROUTINE, slo, s, at, DeployFreezeConfig.ofDefaults());
        assertEquals(Verdict.ALLOW, DeployFreeze.ofDefaults().evaluate(day, CLOCK).verdict());
        DeployFreezeConfig hourly = DeployFreezeConfig.custom().lookback(Duration.ofHours(1)).build();
        FreezeInput hour = FreezeInput.fromEvents(ROUTINE, slo, s, at, hourly);
        assertEquals(0, new BigDecimal("5").compareTo(hour.burnRate()));
        assertEquals(Verdict.FREEZE, DeployFreeze.of(hourly).evaluate(hour, CLOCK).verdict());
    }

    @Test
    void spi_loadsBuiltInAndTestProviderInOrder() {
        ProviderRegistry<FreezePolicy> r = Providers.load(FreezePolicy.class);
        assertEquals(List.of("burn-rate", "always-freeze"), r.ids());
        assertTrue(r.get("burn-rate") instanceof BurnRateFreezePolicy);
        DeployFreezeConfig always = DeployFreezeConfig.custom().policy("always-freeze").build();
        for (DeployFreeze custom : List.of(DeployFreeze.load(always), DeployFreeze.loadLenient(always),
                DeployFreeze.load(always, DeployFreezeTest.class.getClassLoader()),
                DeployFreeze.of(always, List.of(new AlwaysFreezePolicy())))) {
            assertEquals("always-freeze", custom.policy().id());
            FreezeDecision d = custom.evaluate(FreezeInput.of(ROUTINE, month(0)), CLOCK);
            assertEquals(Verdict.FREEZE, d.verdict());
            assertEquals(List.of("always-freeze.week", "freeze.active"), d.findings().codes());
            // the one vocabulary: whatever the policy, the config's allowed kinds still go ahead
            assertEquals(Verdict.ALLOW, custom.evaluate(FreezeInput.of(new FreezeInput.Request("portal", "r",
                    ChangeKind.ROLLBACK), month(0)), CLOCK).verdict());
        }
        assertThrows(IllegalArgumentException.class, () -> DeployFreeze.of(always));
        assertThrows(IllegalArgumentException.class, () -> DeployFreeze.load(always, (ModuleLayer) null));
        assertThrows(IllegalArgumentException.class,
                () -> DeployFreeze.load(DeployFreezeConfig.custom().policy("nope").build()));
        assertThrows(IllegalArgumentException.class,
                () -> DeployFreeze.of(DeployFreezeConfig.custom().policy("nope").build()));
        assertEquals("burn-rate", DeployFreeze.load(DeployFreezeConfig.ofDefaults(), ModuleLayer.boot()).policy().id());
        BurnRateFreezePolicy byHand = new BurnRateFreezePolicy();
        DeployFreeze manual = DeployFreeze.of(DeployFreezeConfig.ofDefaults(), List.of(byHand));
        assertSame(byHand, manual.policy());
        assertSame(DeployFreezeConfig.ofDefaults(), manual.config());
        assertEquals(0, byHand.priority());
    }

    @Test
    void config_defaultsAndValidation() {
        DeployFreezeConfig d = DeployFreezeConfig.ofDefaults();
        assertEquals(new BigDecimal("1.5"), d.burnRateThreshold());
        assertTrue(d.lookback().isEmpty());
        assertTrue(d.freezeWhenExhausted());
        assertEquals(EnumSet.of(ChangeKind.ROLLBACK, ChangeKind.SECURITY_FIX, ChangeKind.CRITICAL), d.allowedWhileFrozen());
        assertEquals("burn-rate", d.policy());
        assertEquals("DeployFreezeConfig[threshold=1.5x, lookback=budget period, freezeWhenExhausted=true, "
                + "allowedWhileFrozen=[ROLLBACK, SECURITY_FIX, CRITICAL], policy=burn-rate]", d.toString());
        DeployFreezeConfig c = DeployFreezeConfig.custom().allowedWhileFrozen(Set.of(ChangeKind.ROLLBACK))
                .lookback(Duration.ofHours(6)).build();
        assertEquals(Set.of(ChangeKind.ROLLBACK), c.allowedWhileFrozen());
        assertEquals(Duration.ofHours(6), DeployFreezeConfig.from(c).build().lookback().orElseThrow());
        assertTrue(DeployFreezeConfig.from(c).lookback(null).build().lookback().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> DeployFreezeConfig.custom().burnRateThreshold(BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> DeployFreezeConfig.custom().burnRateThreshold("x"));
        assertThrows(IllegalArgumentException.class, () -> DeployFreezeConfig.custom().burnRateThreshold("-1e-2147483640"));
        assertThrows(IllegalArgumentException.class, () -> DeployFreezeConfig.custom().burnRateThreshold("1e-2147483640"));
        assertThrows(IllegalArgumentException.class, () -> DeployFreezeConfig.custom().burnRateThreshold("1e7"));
        assertEquals(new BigDecimal("1000000"), DeployFreezeConfig.custom().burnRateThreshold("1000000").build()
                .burnRateThreshold());
        assertThrows(IllegalArgumentException.class, () -> DeployFreezeConfig.custom().burnRateThreshold((String) null));
        assertThrows(IllegalArgumentException.class, () -> DeployFreezeConfig.custom().lookback(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> DeployFreezeConfig.custom().allowedWhileFrozen(Set.of(ChangeKind.ROUTINE)));
        assertThrows(IllegalArgumentException.class, () -> DeployFreezeConfig.custom().allowedWhileFrozen(null));
        assertThrows(IllegalArgumentException.class, () -> DeployFreezeConfig.custom().policy(" "));
        assertThrows(IllegalArgumentException.class, () -> DeployFreezeConfig.from(null));
        assertFalse(DeployFreezeConfig.custom().freezeWhenExhausted(false).build().freezeWhenExhausted());
    }

    @Test
    void input_validation() {
        BudgetStatus b = month(0);
        assertThrows(IllegalArgumentException.class, () -> FreezeInput.of(
                new FreezeInput.Request("other", "c", ChangeKind.ROUTINE), b));
        assertThrows(IllegalArgumentException.class, () -> new FreezeInput(ROUTINE, b, Duration.ofHours(1), null));
        assertThrows(IllegalArgumentException.class, () -> new FreezeInput(ROUTINE, b, null, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class,
                () -> new FreezeInput(ROUTINE, b, Duration.ofHours(1), BigDecimal.ONE.negate()));
        assertThrows(IllegalArgumentException.class, () -> new FreezeInput(ROUTINE, b, Duration.ZERO, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class,
                () -> new FreezeInput(ROUTINE, b, Duration.ofHours(1), new BigDecimal("1e-2147483640")));
        assertThrows(IllegalArgumentException.class,
                () -> new FreezeInput(ROUTINE, b, Duration.ofHours(1), new BigDecimal("1e20")));
        assertThrows(IllegalArgumentException.class, () -> new FreezeInput.Request("portal", " ", ChangeKind.ROUTINE));
        assertThrows(IllegalArgumentException.class, () -> new FreezeInput.Request("portal", "c", null));
        assertThrows(IllegalArgumentException.class, () -> DeployFreeze.ofDefaults().evaluate(null, CLOCK));
        assertThrows(IllegalArgumentException.class,
                () -> DeployFreeze.ofDefaults().evaluate(FreezeInput.of(ROUTINE, b), null));
        assertThrows(IllegalArgumentException.class,
                () -> new BurnRateFreezePolicy().evaluate(FreezeInput.of(ROUTINE, b), null));
        assertEquals(Duration.ofHours(1), new FreezeInput(ROUTINE, b, Duration.ofHours(1), BigDecimal.TEN)
                .lookbackWindow().orElseThrow());
    }
}
