package io.github.deliverykit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

final class ShadowTest {

    static final Instant DATE = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void applies_strictlyBeforeTheDate() {
        assertTrue(Shadow.applies(DATE, DATE.minusNanos(1)));
        assertFalse(Shadow.applies(DATE, DATE));
        assertFalse(Shadow.applies(DATE, DATE.plusNanos(1)));
        assertFalse(Shadow.applies(null, DATE));
        assertThrows(IllegalArgumentException.class, () -> Shadow.applies(DATE, null));
    }

    @Test
    void demote_failBecomesWarn_extrasReplaced_shadowFindingFirst() {
        RuleResult<Integer> r = RuleResult.of(7, Finding.fail("ticket.missing", "No ticket", Facts.of("n", 1)),
                Finding.pass("ticket.format", "Format ok", Facts.none()));
        Shadow s = Shadow.of("ticket", DATE, r);
        assertEquals(new Shadow("ticket", DATE, Level.FAIL, List.of("ticket.missing", "ticket.format")), s);
        assertTrue(s.wouldFail());
        RuleResult<Integer> d = s.demote("review", r, 0);
        assertEquals(0, d.extras());
        assertEquals(List.of("review.rule.shadow", "ticket.missing", "ticket.format"), d.findings().codes());
        Finding head = d.findings().list().get(0);
        assertEquals(Level.WARN, head.level());
        assertEquals("ticket", head.fact("rule"));
        assertEquals(DATE, head.fact("effective_on"));
        assertEquals(Level.FAIL, head.fact("would_be"));
        assertEquals(List.of("ticket.missing", "ticket.format"), head.fact("codes"));
        assertEquals("Rule ticket is in shadow until 2025-03-01T00:00:00Z: it would fail but is not enforced",
                head.message());
        Finding demoted = d.findings().list().get(1);
        assertEquals(Level.WARN, demoted.level());
        assertEquals("[shadow until 2025-03-01T00:00:00Z] No ticket", demoted.message());
        assertEquals(Facts.of("n", 1), demoted.facts());
        assertEquals(r.findings().list().get(1), d.findings().list().get(2));
        assertEquals(Level.WARN, d.findings().worst());
    }

    @Test
    void finding_levelFollowsTheWouldBeResult() {
        assertEquals(Level.WARN, new Shadow("r", DATE, Level.WARN, List.of()).finding("e").level());
        assertTrue(new Shadow("r", DATE, Level.WARN, List.of()).finding("e").message().contains("would warn"));
        Finding pass = new Shadow("r", DATE, Level.PASS, List.of()).finding("e");
        assertEquals(Level.INFO, pass.level());
        assertTrue(pass.message().contains("would pass"));
        Finding info = Shadow.of("r", DATE, RuleResult.of("x")).finding("e");
        assertEquals(Level.INFO, info.level());
        assertEquals(Level.INFO, info.fact("would_be"));
        assertTrue(info.message().contains("would only inform"));
        assertFalse(new Shadow("r", DATE, Level.WARN, List.of()).wouldFail());
    }

    @Test
    void badInput_illegalArgument() {
        RuleResult<String> r = RuleResult.of("x");
        Shadow s = Shadow.of("r", DATE, r);
        assertThrows(IllegalArgumentException.class, () -> new Shadow(" ", DATE, Level.INFO, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Shadow("r", null, Level.INFO, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Shadow("r", DATE, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Shadow("r", DATE, Level.INFO, null));
        assertThrows(IllegalArgumentException.class, () -> Shadow.of("r", DATE, null));
        assertThrows(IllegalArgumentException.class, () -> s.finding(" "));
        assertThrows(IllegalArgumentException.class, () -> s.demote("e", null, "y"));
        assertThrows(IllegalArgumentException.class, () -> s.demote("e", r, null));
        assertThrows(IllegalArgumentException.class, () -> s.demote(null, r, "y"));
    }

    @Property(tries = 200)
    void demote_neverLeavesAFail_andKeepsEveryCode(@ForAll("levels") List<Level> levels,
            @ForAll @LongRange(min = -1000, max = 1000) long offsetSeconds) {
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            findings.add(Finding.of("r.c" + i, levels.get(i), "m" + i, Facts.none()));
        }
        RuleResult<String> r = RuleResult.of("enforced", findings);
        Instant now = DATE.plusSeconds(offsetSeconds);
        assertEquals(offsetSeconds < 0, Shadow.applies(DATE, now));
        Shadow s = Shadow.of("r", DATE, r);
        RuleResult<String> d = s.demote("e", r, "none");
        assertFalse(d.findings().has(Level.FAIL));
        assertEquals(r.findings().codes(), d.findings().codes().subList(1, d.findings().size()));
        assertEquals(levels.contains(Level.FAIL), s.wouldFail());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Level>> levels() {
        return net.jqwik.api.Arbitraries.of(Level.class).list().ofMaxSize(6);
    }
}
