package io.github.deliverykit.metrics.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertDecision;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertState;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.AlertEvaluator.RuleEvaluation;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import io.github.deliverykit.metrics.evidence.EvidenceCheck;
import io.github.deliverykit.metrics.evidence.MinimumEvidence;
import io.github.deliverykit.metrics.evidence.MinimumEvidence.BelowMinimum;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Minimum evidence and the denominator-corrected burn rate on the alert table, with hand-computed cases. */
final class AlertLowTrafficTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration D30 = Duration.ofDays(30);
    private static final SloTarget TARGET = SloTarget.parse("99.9");
    private static final MinimumEvidence NOTHING = MinimumEvidence.custom().minEvents(0).minExpectedErrors(0).build();
    private static final MinimumEvidence EXACT = MinimumEvidence.custom().belowMinimum(BelowMinimum.EXACT_TEST).build();

    /** Six hours at one request a minute; the last {@code bad} minutes each had a failed request. */
    private static SliSeries quiet(int bad) {
        int n = 360;
        long[] good = new long[n];
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            total[i] = 1;
            good[i] = i >= n - bad ? 0 : 1;
        }
        return SliSeries.ofCounts(T0, MINUTE, good, total);
    }

    private static RuleEvaluation rule(AlertDecision d, String name) {
        return d.rules().stream().filter(r -> r.rule().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void oneBadRequestInAQuietHour_pagesRaw_butNotUnderTheEvidenceRule() {
        AlertEvaluator e = AlertEvaluator.of(TARGET, AlertTable.workbook(D30), D30, MINUTE);
        SliSeries s = quiet(1);
        Instant at = s.boundary(360);
        // raw: 1 of 60 = 1.67 % over the hour and 1 of 5 over 5 minutes both exceed 14.4 x 0.1 % = 1.44 %
        AlertDecision raw = e.evaluate(s, at);
        assertEquals(AlertState.PAGE, raw.verdict());
        assertNull(rule(raw, "page-1h").evidence());
        AlertDecision d = e.evaluate(s, at, MinimumEvidence.ofDefaults());
        assertEquals(AlertState.OK, d.verdict());
        RuleEvaluation page = rule(d, "page-1h");
        assertFalse(page.firing());
        assertTrue(page.held());
        EvidenceCheck ev = page.evidence();
        assertEquals(EvidenceCheck.Status.INSUFFICIENT, ev.status());
        assertEquals(60, ev.events());
        assertEquals(1, ev.errors());
        assertEquals(0.0144, ev.rate());
        assertEquals(100, ev.requiredEvents());
        assertEquals(0.864, ev.expectedErrors(), 1e-12);
        Finding f = d.findings().find("alert.insufficient-evidence").orElseThrow();
        assertEquals(Level.WARN, f.level());
        assertEquals("page-1h", f.fact("rule"));
        assertEquals(true, f.fact("wouldFire"));
        assertEquals(100L, f.fact("requiredEvents"));
        assertTrue(f.message().startsWith("page-1h: no data: 60 of 100 required events"), f.message());
        assertFalse(d.findings().find("alert.firing").isPresent());
        // 360 events over 6 h at 6 x 0.1 %: 167 needed, enough; the 3-day window is partial: 0.1 % x 4320 / 360 = 1.2 %
        assertTrue(rule(d, "page-6h").evidence().sufficient());
        assertEquals(167, rule(d, "page-6h").evidence().requiredEvents());
        assertEquals(0.012, rule(d, "ticket-3d").evidence().rate(), 1e-15);
        assertFalse(rule(d, "page-6h").held());
        // burn rates are reported as without the rule set
        assertEquals(rule(raw, "page-1h").longBurnRate(), page.longBurnRate());
    }

    @Test
    void twoBadRequests_inAQuietHour_neverPage_sixDo() {
        AlertEvaluator e = AlertEvaluator.of(TARGET, AlertTable.workbook(D30), D30, MINUTE);
        SliSeries s = quiet(2);
        Instant at = s.boundary(360);
        // 2 > 1.44 % of the 100-event minimum: certain, but P(X >= 2 | 60, 1.44 %) = 0.214: no page
        double q = 1 - 0.0144;
        double p2 = 1 - Math.pow(q, 60) - 60 * 0.0144 * Math.pow(q, 59);
        AlertDecision hold = e.evaluate(s, at, MinimumEvidence.ofDefaults());
        assertEquals(AlertState.OK, hold.verdict());
        assertEquals(EvidenceCheck.Status.INSUFFICIENT, rule(hold, "page-1h").evidence().status());
        assertEquals(p2, rule(hold, "page-1h").evidence().pValue(), 1e-12);
        assertTrue(rule(hold, "page-1h").held());
        AlertDecision exact = e.evaluate(s, at, EXACT);
        assertEquals(AlertState.OK, exact.verdict());
        assertEquals(p2, rule(exact, "page-1h").evidence().pValue(), 1e-12);
        // six bad requests in the last minutes: certain and p < 0.02, the page stands under both
        AlertDecision six = e.evaluate(quiet(6), at, MinimumEvidence.ofDefaults());
        assertEquals(AlertState.PAGE, six.verdict());
        assertEquals(EvidenceCheck.Status.BREACH_CERTAIN, rule(six, "page-1h").evidence().status());
        Finding note = six.findings().find("alert.evidence-below-minimum").orElseThrow();
        assertEquals(Level.INFO, note.level());
        assertEquals("page-1h", note.fact("rule"));
        assertEquals(AlertState.PAGE, e.evaluate(quiet(6), at, EXACT).verdict());
        assertEquals(EvidenceCheck.Status.BREACH_SIGNIFICANT,
                rule(e.evaluate(quiet(6), at, EXACT), "page-1h").evidence().status());
    }

    @Test
    void busyService_decidesAsWithoutTheRuleSet() {
        AlertEvaluator e = AlertEvaluator.of(TARGET, AlertTable.workbook(D30), D30, MINUTE);
        int n = 360;
        long[] good = new long[n];
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            total[i] = 1000;
            good[i] = i >= n - 60 ? 980 : 1000;
        }
        SliSeries s = SliSeries.ofCounts(T0, MINUTE, good, total);
        AlertDecision raw = e.evaluate(s, s.boundary(n));
        AlertDecision d = e.evaluate(s, s.boundary(n), MinimumEvidence.ofDefaults());
        assertEquals(AlertState.PAGE, raw.verdict());
        assertEquals(raw.verdict(), d.verdict());
        assertTrue(d.rules().stream().allMatch(r -> r.evidence() == null || r.evidence().sufficient()));
        assertFalse(d.findings().find("alert.insufficient-evidence").isPresent());
    }

    /** One day of hourly buckets: 22 busy hours of 1,000 requests, then two quiet hours of 10. */
    private static SliSeries dayWithQuietEnd(long bad22, long bad23) {
        long[] total = new long[24];
        long[] good = new long[24];
        for (int i = 0; i < 22; i++) {
            total[i] = 1000;
            good[i] = 1000;
        }
        total[22] = 10;
        good[22] = 10 - bad22;
        total[23] = 10;
        good[23] = 10 - bad23;
        return SliSeries.ofCounts(T0, HOUR, good, total);
    }

    private static AlertEvaluator daily() {
        BurnRateRule r = new BurnRateRule("page-2h", AlertSeverity.PAGE, Duration.ofHours(2), HOUR, BigDecimal.valueOf(6));
        return AlertEvaluator.of(TARGET, new AlertTable("daily", List.of(r)), Duration.ofDays(1), HOUR);
    }

    @Test
    void denominatorCorrection_byHand() {
        AlertEvaluator e = daily();
        SliSeries s = dayWithQuietEnd(0, 1);
        Instant at = s.boundary(24);
        // raw: 1 of 20 = 5 % and 1 of 10 = 10 % both exceed 6 x 0.1 % = 0.6 %
        assertEquals(AlertState.PAGE, e.evaluate(s, at).verdict());
        assertEquals(AlertState.PAGE, e.evaluate(s, at, NOTHING, BurnRateCorrection.NONE).verdict());
        AlertDecision c = e.evaluate(s, at, NOTHING, BurnRateCorrection.DENOMINATOR);
        assertEquals(AlertState.OK, c.verdict());
        RuleEvaluation r = c.rules().get(0);
        // events(P) = 22 x 1000 + 20 = 22,020 over 24 h; k(2h) = (20 / 2) / (22,020 / 24) = 0.010899
        // corrected burn(2h) = 1 x 24 / (22,020 x 2) / 0.001 = 0.544959; burn(1h) = 1 x 24 / 22,020 / 0.001 = 1.089918
        assertEquals(new BigDecimal("0.544959"), r.longBurnRate());
        assertEquals(new BigDecimal("1.089918"), r.shortBurnRate());
        Finding quiet = c.findings().find("alert.quiet").orElseThrow();
        assertEquals(new BigDecimal("0.010899"), quiet.fact("longCorrection"));
        assertEquals(new BigDecimal("0.010899"), quiet.fact("shortCorrection"));
        // it fires when the errors spend the rule's 50 % share of the day's budget in events:
        // bad(2h) > 0.5 x 0.001 x 22,020 = 11.01 and bad(1h) > 5.505 (Pyrra's dynamic threshold)
        assertEquals(AlertState.PAGE, e.evaluate(dayWithQuietEnd(2, 10), at, NOTHING, BurnRateCorrection.DENOMINATOR).verdict());
        assertEquals(AlertState.OK, e.evaluate(dayWithQuietEnd(1, 10), at, NOTHING, BurnRateCorrection.DENOMINATOR).verdict());
        assertEquals(AlertState.OK, e.evaluate(dayWithQuietEnd(7, 5), at, NOTHING, BurnRateCorrection.DENOMINATOR).verdict());
        assertEquals(AlertState.PAGE, e.evaluate(dayWithQuietEnd(6, 6), at, NOTHING, BurnRateCorrection.DENOMINATOR).verdict());
    }

    @Test
    void denominatorCorrection_neverAmplifiesABusyWindow() {
        AlertEvaluator e = daily();
        long[] total = new long[24];
        long[] good = new long[24];
        for (int i = 0; i < 24; i++) {
            total[i] = 1000;
            good[i] = i >= 22 ? 990 : 1000;
        }
        SliSeries s = SliSeries.ofCounts(T0, HOUR, good, total);
        AlertDecision c = e.evaluate(s, s.boundary(24), NOTHING, BurnRateCorrection.DENOMINATOR);
        AlertDecision raw = e.evaluate(s, s.boundary(24));
        assertEquals(AlertState.PAGE, c.verdict());
        assertEquals(raw.rules().get(0).longBurnRate(), c.rules().get(0).longBurnRate());
        assertEquals(0, BigDecimal.TEN.compareTo(c.rules().get(0).longBurnRate()));
        assertEquals(BigDecimal.ONE, c.findings().find("alert.firing").orElseThrow().fact("longCorrection"));
        // a spike after a quiet period: k would be 12, the clamp keeps 1
        long[] spikeTotal = new long[24];
        long[] spikeGood = new long[24];
        for (int i = 0; i < 24; i++) {
            spikeTotal[i] = i == 23 ? 1000 : 0;
            spikeGood[i] = i == 23 ? 995 : 0;
        }
        SliSeries spike = SliSeries.ofCounts(T0, HOUR, spikeGood, spikeTotal);
        assertEquals(e.evaluate(spike, spike.boundary(24)).rules().get(0).longBurnRate(),
                e.evaluate(spike, spike.boundary(24), NOTHING, BurnRateCorrection.DENOMINATOR).rules().get(0).longBurnRate());
    }

    @Test
    void correctionFormula_byHand() {
        assertEquals(new BigDecimal("0.010899"), BurnRateCorrection.factor(20, 2, 22_020, 24));
        assertEquals(BigDecimal.ONE, BurnRateCorrection.factor(2000, 2, 24_000, 24));
        assertEquals(BigDecimal.ONE, BurnRateCorrection.factor(0, 0, 0, 0));
        assertEquals(BigDecimal.ONE, BurnRateCorrection.factor(0, 2, 0, 24));
        assertEquals(new BigDecimal("0.5"), BurnRateCorrection.factor(10, 2, 240, 24));
        BigDecimal ratio = new BigDecimal("0.001");
        assertEquals(new BigDecimal("0.544959"), BurnRateCorrection.correctedBurnRate(1, 20, 2, 22_020, 24, ratio));
        assertEquals(0, BigDecimal.TEN.compareTo(BurnRateCorrection.correctedBurnRate(20, 2000, 2, 24_000, 24, ratio)));
        assertEquals(BigDecimal.ZERO, BurnRateCorrection.correctedBurnRate(0, 0, 2, 24_000, 24, ratio));
        // k = 0.5 halves the burn rate: 1 of 10 = 10 % -> 5 % -> 50x
        assertEquals(0, BigDecimal.valueOf(50).compareTo(BurnRateCorrection.correctedBurnRate(1, 10, 2, 240, 24, ratio)));
        assertMessage("periodEvents must be at least windowEvents", () -> BurnRateCorrection.factor(5, 1, 4, 2));
        assertMessage("periodBuckets must be at least windowBuckets", () -> BurnRateCorrection.factor(5, 3, 5, 2));
        assertMessage("windowBuckets must be positive when the window has events", () -> BurnRateCorrection.factor(5, 0, 5, 2));
        assertMessage("windowEvents must not be negative", () -> BurnRateCorrection.factor(-1, 0, 5, 2));
        assertMessage("bad must be between 0 and 10", () -> BurnRateCorrection.correctedBurnRate(11, 10, 1, 10, 1, ratio));
        assertMessage("budgetRatio must be greater than 0 and lower than 1",
                () -> BurnRateCorrection.correctedBurnRate(1, 10, 1, 10, 1, BigDecimal.ONE));
        assertMessage("budgetRatio must not be null", () -> BurnRateCorrection.correctedBurnRate(1, 10, 1, 10, 1, null));
    }

    @Test
    void badArguments_areNamed() {
        AlertEvaluator e = daily();
        SliSeries s = dayWithQuietEnd(0, 1);
        assertMessage("evidence must not be null", () -> e.evaluate(s, s.boundary(24), null));
        assertMessage("correction must not be null", () -> e.evaluate(s, s.boundary(24), NOTHING, null));
        assertMessage("at must not be null", () -> e.evaluate(s, null, NOTHING));
        assertMessage("series must not be null", () -> e.evaluate(null, T0, NOTHING));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, call);
        assertTrue(ex.getMessage().contains(expected), () -> "message '" + ex.getMessage() + "' lacks '" + expected + "'");
    }

    @Property(tries = 60)
    void evidenceAndCorrection_onlyEverQuietARule(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 200 + rnd.nextInt(400);
        long[] good = new long[n];
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            total[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(rnd.nextBoolean() ? 3 : 200);
            good[i] = total[i] - (rnd.nextInt(3) == 0 ? rnd.nextInt((int) total[i] + 1) : 0);
        }
        SliSeries s = SliSeries.ofCounts(T0, MINUTE, good, total);
        AlertEvaluator e = AlertEvaluator.of(TARGET, AlertTable.sloth(D30), D30, MINUTE);
        Instant at = s.boundary(rnd.nextInt(n + 1));
        AlertDecision raw = e.evaluate(s, at);
        // a rule set that asks for nothing, without correction, is the raw evaluation
        AlertDecision nothing = e.evaluate(s, at, NOTHING);
        assertEquals(raw.verdict(), nothing.verdict());
        for (int i = 0; i < raw.rules().size(); i++) {
            RuleEvaluation a = raw.rules().get(i);
            RuleEvaluation b = nothing.rules().get(i);
            assertEquals(a.firing(), b.firing());
            assertEquals(a.longBurnRate(), b.longBurnRate());
            assertFalse(b.held());
        }
        for (MinimumEvidence m : List.of(MinimumEvidence.ofDefaults(), EXACT, NOTHING)) {
            for (BurnRateCorrection c : BurnRateCorrection.values()) {
                AlertDecision d = e.evaluate(s, at, m, c);
                assertTrue(d.verdict().compareTo(raw.verdict()) <= 0, () -> d.verdict() + " above " + raw.verdict());
                for (int i = 0; i < d.rules().size(); i++) {
                    RuleEvaluation r = d.rules().get(i);
                    assertTrue(!r.firing() || raw.rules().get(i).firing(), r::toString);
                    assertTrue(r.longBurnRate().compareTo(raw.rules().get(i).longBurnRate()) <= 0, r::toString);
                    assertFalse(r.held() && r.firing());
                }
            }
        }
    }
}
