package io.github.deliverykit.policy.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SpendTest {

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static final SpendGuardConfig CAPS = SpendGuardConfig.of(usd("50"), usd("500"));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

    static SpendDecision check(SpendGuardConfig caps, Money session, Money day) {
        return SpendGuard.of(caps).evaluate(SpendGuard.Spend.of(session, day), CLOCK);
    }

    @Test
    void evaluate_belowWarnShare_continues() {
        SpendDecision d = check(CAPS, usd("39.99"), usd("100"));
        assertEquals(SpendDecision.Verdict.CONTINUE, d.verdict());
        assertEquals(List.of("spend.session_within", "spend.day_within"), d.findings().codes());
        assertEquals(79L, d.findings().list().get(0).fact("percent"));
        assertEquals(79L, d.sessionPercent());
        assertEquals(20L, d.dayPercent());
    }

    @Test
    void evaluate_atWarnShare_warns() {
        SpendDecision d = check(CAPS, usd("40"), usd("100"));
        assertEquals(SpendDecision.Verdict.WARN, d.verdict());
        assertEquals("Session spend 40.00 USD is 80 % of its cap of 50.00 USD",
                d.findings().list().get(0).message());
        assertEquals(SpendDecision.Verdict.WARN, check(CAPS, usd("1"), usd("400")).verdict());
    }

    @Test
    void evaluate_atCap_kills() {
        assertEquals(SpendDecision.Verdict.KILL, check(CAPS, usd("50"), usd("100")).verdict());
        assertEquals(SpendDecision.Verdict.WARN, check(CAPS, usd("49.999999999"), usd("100")).verdict());
        SpendDecision day = check(CAPS, usd("1"), usd("500"));
        assertEquals(SpendDecision.Verdict.KILL, day.verdict());
        assertEquals("spend.day_cap_reached", day.findings().list().get(1).code());
    }

    @Test
    void tracker_runawayLoopIsKilledAndStaysKilled() {
        SpendGuard.Tracker t = SpendGuard.of(CAPS).tracker(ZoneOffset.UTC);
        Instant at = Instant.parse("2026-05-01T23:00:00Z");
        SpendDecision.Verdict last = SpendDecision.Verdict.CONTINUE;
        int iterations = 0;
        while (last != SpendDecision.Verdict.KILL && iterations < 1000) {
            last = t.record("s-1", at.plusSeconds(iterations), usd("0.45")).verdict();
            iterations++;
        }
        // 0.45 per iteration: 112 iterations = 50.40 >= 50
        assertEquals(112, iterations);
        assertTrue(t.isKilled("s-1"));
        assertEquals(usd("50.40"), t.sessionSpend("s-1"));
        SpendDecision after = t.record("s-1", at.plusSeconds(200), Money.zero(usd("1").currency()));
        assertEquals(SpendDecision.Verdict.KILL, after.verdict());
        assertEquals(SpendDecision.Verdict.CONTINUE, t.record("s-2", at, usd("1")).verdict());
        assertFalse(t.isKilled("s-2"));
        assertEquals(usd("51.40"), t.daySpend(LocalDate.of(2026, 5, 1)));
        assertEquals(usd("0"), t.daySpend(LocalDate.of(2026, 5, 2)));
        t.reset("s-1");
        assertFalse(t.isKilled("s-1"));
    }

    @Test
    void tracker_killedSessionStaysKilledAfterDayRollsOver() {
        SpendGuard.Tracker t = SpendGuard.of(SpendGuardConfig.of(usd("1000"), usd("10"))).tracker(ZoneOffset.UTC);
        Instant at = Instant.parse("2026-05-01T23:59:00Z");
        assertEquals(SpendDecision.Verdict.KILL, t.record("s", at, usd("10")).verdict());
        SpendDecision next = t.record("s", at.plusSeconds(120), usd("1"));
        assertEquals(SpendDecision.Verdict.KILL, next.verdict());
        assertTrue(next.findings().find("spend.session_killed").isPresent());
        assertEquals(SpendDecision.Verdict.CONTINUE, t.record("other", at.plusSeconds(120), usd("1")).verdict());
    }

    @Test
    void caps_validation() {
        assertThrows(IllegalArgumentException.class, () -> SpendGuardConfig.of(usd("0"), usd("1")));
        assertThrows(IllegalArgumentException.class, () -> SpendGuardConfig.of(usd("1"), Money.of("1", "EUR")));
        assertThrows(IllegalArgumentException.class, () -> SpendGuardConfig.custom().caps(usd("1"), usd("1")).warnPercent(0));
        assertThrows(IllegalArgumentException.class, () -> check(CAPS, Money.of("1", "EUR"), usd("1")));
        assertThrows(IllegalArgumentException.class, () -> check(CAPS, usd("-1"), usd("1")));
    }
}
