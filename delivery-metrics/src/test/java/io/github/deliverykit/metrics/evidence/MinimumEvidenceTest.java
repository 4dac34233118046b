package io.github.deliverykit.metrics.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.metrics.evidence.EvidenceCheck.Status;
import io.github.deliverykit.metrics.evidence.MinimumEvidence.BelowMinimum;
import io.github.deliverykit.metrics.evidence.MinimumEvidence.Breach;
import io.github.deliverykit.metrics.stats.BinomialTest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

final class MinimumEvidenceTest {

    private static final MinimumEvidence EXACT = MinimumEvidence.custom().belowMinimum(BelowMinimum.EXACT_TEST).build();

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }

    @Test
    void defaults_areTheSeedsCanaryMinimum() {
        MinimumEvidence d = MinimumEvidence.ofDefaults();
        assertEquals(100, d.minEvents());
        assertEquals(1.0, d.minExpectedErrors());
        assertEquals(0.98, d.confidence());
        assertEquals(BelowMinimum.HOLD, d.belowMinimum());
        assertSame(d, MinimumEvidence.ofDefaults());
        assertEquals(d, MinimumEvidence.custom().build());
        assertEquals(d.hashCode(), MinimumEvidence.custom().build().hashCode());
        assertNotEquals(d, EXACT);
        assertNotEquals(d, "x");
        assertTrue(d.toString().contains("minEvents=100"), d.toString());
    }

    @Test
    void requiredEvents_byHand() {
        MinimumEvidence d = MinimumEvidence.ofDefaults();
        // one expected error: 100 requests at 1 %, 1,000 at 0.1 %, 70 at a 14.4x page threshold (under the floor of 100)
        assertEquals(100, d.requiredEvents(0.01));
        assertEquals(1000, d.requiredEvents(0.001));
        assertEquals(100, d.requiredEvents(0.0144));
        MinimumEvidence noFloor = MinimumEvidence.custom().minEvents(0).build();
        assertEquals(70, noFloor.requiredEvents(0.0144));
        assertEquals(1, noFloor.requiredEvents(1));
        assertEquals(0, MinimumEvidence.custom().minEvents(0).minExpectedErrors(0).build().requiredEvents(0.5));
        assertEquals(334, MinimumEvidence.custom().minEvents(0).build().requiredEvents(0.003));
        assertEquals(5000, MinimumEvidence.custom().minExpectedErrors(5).build().requiredEvents(0.001));
        assertEquals(Long.MAX_VALUE, MinimumEvidence.custom().minExpectedErrors(1e9).build().requiredEvents(Double.MIN_VALUE));
    }

    @Test
    void holdMode_isTheSeedsCertainBreach() {
        MinimumEvidence stage = MinimumEvidence.ofDefaults().atLeast(1000);
        assertEquals(1000, stage.minEvents());
        assertSame(stage, stage.atLeast(10));
        // 1,000-request minimum, 1 % gate: 9 errors in the first 100 hold, 10 fail
        EvidenceCheck nine = stage.check(100, 9, 0.01, Breach.AT_RATE);
        assertEquals(Status.INSUFFICIENT, nine.status());
        assertTrue(nine.holds());
        assertFalse(nine.breached());
        assertEquals(900, nine.missingEvents());
        EvidenceCheck ten = stage.check(100, 10, 0.01, Breach.AT_RATE);
        assertEquals(Status.BREACH_CERTAIN, ten.status());
        assertTrue(ten.breached());
        assertFalse(ten.holds());
        // a burn-rate rule fires above its threshold only: 10 errors over 1,000 at 1 % is not above
        assertEquals(Status.INSUFFICIENT, stage.check(100, 10, 0.01, Breach.ABOVE_RATE).status());
        assertEquals(Status.BREACH_CERTAIN, stage.check(100, 11, 0.01, Breach.ABOVE_RATE).status());
        // the p-value is reported below the minimum
        assertEquals(BinomialTest.pValueGreater(9, 100, 0.01), nine.pValue());
        assertEquals(Status.SUFFICIENT, stage.check(1000, 500, 0.01, Breach.AT_RATE).status());
        assertTrue(Double.isNaN(stage.check(1000, 500, 0.01, Breach.AT_RATE).pValue()));
        assertEquals(0, stage.check(1000, 5, 0.01, Breach.AT_RATE).missingEvents());
        EvidenceCheck none = stage.check(0, 0, 0.01, Breach.AT_RATE);
        assertEquals(Status.NO_EVENTS, none.status());
        assertTrue(none.holds());
    }

    @Test
    void exactMode_decidesBelowTheMinimumByTheBinomialTest() {
        // 14.4x page at 99.9 %: threshold 1.44 %; 50 requests in the hour
        EvidenceCheck two = EXACT.check(50, 2, 0.0144, Breach.ABOVE_RATE);
        assertEquals(Status.INSUFFICIENT, two.status(), "p = 0.162: no page, though 2 > 1.44 breaches the minimum");
        assertEquals(0.16206325861083615, two.pValue(), 1e-12);
        // the default: 2 > 1.44 breaches the 100-event minimum with certainty, but not significantly: hold
        assertEquals(Status.INSUFFICIENT, MinimumEvidence.ofDefaults().check(50, 2, 0.0144, Breach.ABOVE_RATE).status());
        assertEquals(Status.BREACH_CERTAIN, MinimumEvidence.ofDefaults().check(50, 5, 0.0144, Breach.ABOVE_RATE).status());
        // one error in the first 30 requests at a 1 % gate: certain against 100, p = 0.26: the canary holds
        EvidenceCheck one = MinimumEvidence.ofDefaults().check(30, 1, 0.01, Breach.AT_RATE);
        assertEquals(Status.INSUFFICIENT, one.status());
        assertEquals(1 - Math.pow(0.99, 30), one.pValue(), 1e-12);
        EvidenceCheck five = EXACT.check(50, 5, 0.0144, Breach.ABOVE_RATE);
        assertEquals(Status.BREACH_SIGNIFICANT, five.status());
        assertEquals(0.0007653022680368081, five.pValue(), 1e-12);
        // one bad request in a quiet hour never pages
        assertEquals(Status.INSUFFICIENT, EXACT.check(60, 1, 0.0144, Breach.ABOVE_RATE).status());
        assertEquals(Status.INSUFFICIENT, MinimumEvidence.ofDefaults().check(60, 1, 0.0144, Breach.ABOVE_RATE).status());
        // significance needs the rate reached too: 0 errors are never a breach
        assertEquals(Status.INSUFFICIENT, EXACT.check(10, 0, 1.0, Breach.AT_RATE).status());
        // 9 errors in 100 requests at a 1 % gate: p = 8.4e-7, a significant breach
        assertEquals(Status.BREACH_SIGNIFICANT, EXACT.atLeast(1000).check(100, 9, 0.01, Breach.AT_RATE).status());
    }

    @Test
    void facts_andDescription() {
        EvidenceCheck c = MinimumEvidence.ofDefaults().check(40, 0, 0.001, Breach.AT_RATE);
        assertEquals(1000L, c.facts().values().get("requiredEvents"));
        assertEquals(40L, c.facts().values().get("events"));
        assertEquals(0.04, c.facts().values().get("expectedErrors"));
        assertEquals(Status.INSUFFICIENT, c.facts().values().get("evidence"));
        assertEquals(BelowMinimum.HOLD, c.facts().values().get("belowMinimum"));
        assertEquals(1.0, c.facts().values().get("pValue"));
        assertEquals("40 of 1000 required events (0.04 expected errors at rate 0.001, 1 needed)", c.describe());
        EvidenceCheck ok = MinimumEvidence.ofDefaults().check(1000, 1, 0.001, Breach.AT_RATE);
        assertFalse(ok.facts().values().containsKey("pValue"));
        assertFalse(ok.facts().values().containsKey("belowMinimum"));
        assertFalse(MinimumEvidence.ofDefaults().check(0, 0, 0.001, Breach.AT_RATE).facts().values().containsKey("belowMinimum"));
        assertTrue(MinimumEvidence.ofDefaults().check(10, 10, 0.05, Breach.AT_RATE).describe()
                .endsWith("; 10 errors breach the rate even if every missing event is good"));
        assertEquals("50 of 100 required events (0.72 expected errors at rate 0.0144, 1 needed); 5 errors are "
                + "significantly above the rate (exact binomial p = 0.00077 < 0.02)",
                EXACT.check(50, 5, 0.0144, Breach.ABOVE_RATE).describe());
    }

    @Test
    void builder_rejectsBadValuesNamingThem() {
        MinimumEvidence.Builder b = MinimumEvidence.custom();
        assertMessage("minEvents must not be negative", () -> b.minEvents(-1));
        assertMessage("minExpectedErrors must be between", () -> b.minExpectedErrors(Double.NaN));
        assertMessage("minExpectedErrors must be between", () -> b.minExpectedErrors(2e9));
        assertMessage("confidence must be between 0 and 1 (exclusive)", () -> b.confidence(1));
        assertMessage("confidence must be between 0 and 1 (exclusive)", () -> b.confidence(0));
        assertMessage("belowMinimum must not be null", () -> b.belowMinimum(null));
        assertMessage("base must not be null", () -> MinimumEvidence.from(null));
        assertMessage("rate must be in (0, 1]", () -> MinimumEvidence.ofDefaults().requiredEvents(0));
        assertMessage("rate must be in (0, 1]", () -> MinimumEvidence.ofDefaults().check(1, 0, 1.5, Breach.AT_RATE));
        assertMessage("errors must be between 0 and 1", () -> MinimumEvidence.ofDefaults().check(1, 2, 0.5, Breach.AT_RATE));
        assertMessage("events must not be negative", () -> MinimumEvidence.ofDefaults().check(-1, 0, 0.5, Breach.AT_RATE));
        assertMessage("breach must not be null", () -> MinimumEvidence.ofDefaults().check(1, 0, 0.5, null));
        assertMessage("events must not be negative", () -> MinimumEvidence.ofDefaults().atLeast(-1));
        MinimumEvidence custom = b.minEvents(7).minExpectedErrors(3).confidence(0.9).belowMinimum(BelowMinimum.EXACT_TEST).build();
        MinimumEvidence copy = MinimumEvidence.from(custom).build();
        assertEquals(custom, copy);
        assertEquals(7, copy.minEvents());
        assertEquals(3.0, copy.minExpectedErrors());
        assertEquals(0.9, copy.confidence());
        assertEquals(BelowMinimum.EXACT_TEST, copy.belowMinimum());
        assertMessage("pValue must be between", () -> new EvidenceCheck(Status.SUFFICIENT, 1, 0, 0.5, 0.5, 0, 0, 0,
                BelowMinimum.HOLD, 0.9, 2));
        assertMessage("rate must be in (0, 1]", () -> new EvidenceCheck(Status.SUFFICIENT, 1, 0, 0, 0.5, 0, 0, 0,
                BelowMinimum.HOLD, 0.9, 0.5));
    }

    @Property(tries = 400)
    void moreEvidence_neverWeakensTheDecision(@ForAll @IntRange(min = 0, max = 2000) int events,
            @ForAll @IntRange(min = 0, max = 2000) int errors0, @ForAll @IntRange(min = 1, max = 1000) int permille,
            @ForAll boolean exact, @ForAll boolean atRate) {
        int errors = events == 0 ? 0 : errors0 % (events + 1);
        double rate = permille / 1000.0;
        MinimumEvidence m = exact ? EXACT : MinimumEvidence.ofDefaults();
        Breach breach = atRate ? Breach.AT_RATE : Breach.ABOVE_RATE;
        EvidenceCheck c = m.check(events, errors, rate, breach);
        // exactly one of: sufficient, hold, breached
        int kinds = (c.sufficient() ? 1 : 0) + (c.holds() ? 1 : 0) + (c.breached() ? 1 : 0);
        assertEquals(1, kinds);
        assertEquals(events >= m.requiredEvents(rate), c.sufficient());
        if (c.breached()) {
            // a breach below the minimum always has an error rate at or above the threshold
            assertTrue(atRate ? errors >= rate * events - 1e-9 : errors > rate * events - 1e-9, c::describe);
        }
        // one more error never turns a breach into a hold
        if (c.breached() && errors < events) {
            assertTrue(m.check(events, errors + 1, rate, breach).breached());
        }
        // one more good event never turns a hold into a breach
        if (c.holds() && events > 0) {
            assertFalse(m.check(events + 1, errors, rate, breach).breached());
        }
    }
}
