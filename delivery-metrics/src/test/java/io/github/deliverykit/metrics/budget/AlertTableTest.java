package io.github.deliverykit.metrics.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertState;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertDecision;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;

final class AlertTableTest {

    static final Duration D30 = Duration.ofDays(30);
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    static void rule(BurnRateRule r, String name, AlertSeverity sev, String factor, Duration lw, Duration sw) {
        assertEquals(name, r.name());
        assertEquals(sev, r.severity());
        assertEquals(0, new BigDecimal(factor).compareTo(r.factor()), r + " factor");
        assertEquals(lw, r.longWindow(), r + " long");
        assertEquals(sw, r.shortWindow(), r + " short");
    }

    @Test
    void workbookTable_fromTheFormulas() {
        List<BurnRateRule> rules = AlertTable.workbook(D30).rules();
        assertEquals(3, rules.size());
        rule(rules.get(0), "page-1h", AlertSeverity.PAGE, "14.4", Duration.ofHours(1), Duration.ofMinutes(5));
        rule(rules.get(1), "page-6h", AlertSeverity.PAGE, "6", Duration.ofHours(6), Duration.ofMinutes(30));
        rule(rules.get(2), "ticket-3d", AlertSeverity.TICKET, "1", Duration.ofDays(3), Duration.ofHours(6));
        // and back: factor x long / period = the budget share
        assertEquals(0, new BigDecimal("2").compareTo(rules.get(0).budgetPercent(D30)));
        assertEquals(0, new BigDecimal("5").compareTo(rules.get(1).budgetPercent(D30)));
        assertEquals(0, new BigDecimal("10").compareTo(rules.get(2).budgetPercent(D30)));
        // scaled to 28 days: 2 % x 672 h / 1 h
        assertEquals(0, new BigDecimal("13.44").compareTo(AlertTable.workbook(Duration.ofDays(28)).rules().get(0).factor()));
    }

    @Test
    void slothAndPyrraTables_asData() {
        List<BurnRateRule> sloth = AlertTable.sloth(D30).rules();
        rule(sloth.get(0), "page-quick", AlertSeverity.PAGE, "14.4", Duration.ofHours(1), Duration.ofMinutes(5));
        rule(sloth.get(1), "page-slow", AlertSeverity.PAGE, "6", Duration.ofHours(6), Duration.ofMinutes(30));
        rule(sloth.get(2), "ticket-quick", AlertSeverity.TICKET, "3", Duration.ofDays(1), Duration.ofHours(2));
        rule(sloth.get(3), "ticket-slow", AlertSeverity.TICKET, "1", Duration.ofDays(3), Duration.ofHours(6));
        List<BurnRateRule> pyrra = AlertTable.pyrra(Duration.ofDays(28)).rules();
        rule(pyrra.get(0), "critical-1", AlertSeverity.PAGE, "14", Duration.ofHours(1), Duration.ofMinutes(5));
        rule(pyrra.get(1), "critical-2", AlertSeverity.PAGE, "7", Duration.ofHours(6), Duration.ofMinutes(30));
        rule(pyrra.get(2), "warning-1", AlertSeverity.TICKET, "2", Duration.ofDays(1), Duration.ofHours(2));
        rule(pyrra.get(3), "warning-2", AlertSeverity.TICKET, "1", Duration.ofDays(4), Duration.ofHours(6));
        List<BurnRateRule> pyrra7 = AlertTable.pyrra(Duration.ofDays(7)).rules();
        rule(pyrra7.get(0), "critical-1", AlertSeverity.PAGE, "14", Duration.ofMinutes(15), Duration.ofMinutes(1));
        assertThrows(IllegalArgumentException.class, () -> AlertTable.pyrra(Duration.ofHours(23)));
        assertEquals("pyrra", AlertTable.pyrra(D30).id());
        assertEquals("page-1h PAGE 14.4x PT1H/PT5M", AlertTable.workbook(D30).rules().get(0).toString());
    }

    @Test
    void rules_rejectBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new AlertTable("x", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new BurnRateRule("r", AlertSeverity.PAGE,
                Duration.ofMinutes(5), Duration.ofHours(1), BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> new BurnRateRule("r", AlertSeverity.PAGE,
                Duration.ofHours(1), Duration.ofMinutes(5), BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> BurnRateRule.ofBudgetShare("r", AlertSeverity.PAGE,
                BigDecimal.valueOf(-1), D30, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> AlertEvaluator.of(SloTarget.parse("99.9"),
                AlertTable.workbook(D30), D30, Duration.ofMinutes(7)));
        assertThrows(IllegalArgumentException.class, () -> AlertEvaluator.of(SloTarget.parse("99.9"),
                AlertTable.workbook(D30), D30, Duration.ofDays(2)));
    }

    @Test
    void canNeverFire_workbooks90PercentExample() {
        AlertEvaluator e = AlertEvaluator.of(SloTarget.parse("90"), AlertTable.workbook(D30), D30, MINUTE);
        List<Finding> f = e.configurationFindings().list();
        assertEquals(1, f.size());
        Finding never = f.get(0);
        assertEquals("alert.can-never-fire", never.code());
        assertEquals(Level.WARN, never.level());
        assertEquals("page-1h", never.fact("rule"));
        // a full outage burns 10x: 10 x 1 h / 720 h = 1.3889 % of the budget in an hour, below 2 %
        assertEquals(0, new BigDecimal("1.3889").compareTo(e.neverFiring().get(0).maxBudgetPercentInLongWindow()));
        assertEquals(0, BigDecimal.TEN.compareTo(e.neverFiring().get(0).maxBurnRate()));
        // full outage: 6x and 1x rules fire, the 14.4x one cannot
        long[] good = new long[24 * 60];
        long[] total = new long[24 * 60];
        java.util.Arrays.fill(total, 10);
        SliSeries s = SliSeries.ofCounts(T0, MINUTE, good, total);
        assertEquals(0b110, e.firing(s, s.buckets()));
        assertTrue(AlertEvaluator.of(SloTarget.parse("99.9"), AlertTable.workbook(D30), D30, MINUTE)
                .configurationFindings().isEmpty());
    }

    @Test
    void evaluate_pagesOnFastBurnWithBurnRatesInFindings() {
        SloTarget target = SloTarget.parse("99.9");
        AlertEvaluator e = AlertEvaluator.of(target, AlertTable.workbook(D30), D30, MINUTE);
        int n = 4 * 24 * 60;
        long[] good = new long[n];
        long[] total = new long[n];
        java.util.Arrays.fill(total, 1000);
        java.util.Arrays.fill(good, 1000);
        // last hour at 2 % errors: 20x
        for (int i = n - 60; i < n; i++) {
            good[i] = 980;
        }
        SliSeries s = SliSeries.ofCounts(T0, MINUTE, good, total);
        AlertDecision d = e.evaluate(s, s.boundary(n));
        assertEquals(AlertState.PAGE, d.verdict());
        Finding first = d.findings().list().get(0);
        assertEquals("alert.firing", first.code());
        assertEquals(Level.FAIL, first.level());
        assertEquals(0, new BigDecimal("20").compareTo(d.rules().get(0).longBurnRate()));
        assertEquals(0, new BigDecimal("20").compareTo(d.rules().get(0).shortBurnRate()));
        // 6 h: 60 bad minutes of 360 -> 20 x 60 / 360 = 3.33x, below 6x
        assertEquals("alert.quiet", d.findings().list().get(1).code());
        assertEquals(0, new BigDecimal("3.333333").compareTo(d.rules().get(1).longBurnRate()));
        // an hour later, the short window has recovered: no page
        for (int i = n - 5; i < n; i++) {
            good[i] = 1000;
        }
        SliSeries recovered = SliSeries.ofCounts(T0, MINUTE, good, total);
        assertEquals(AlertState.OK, e.evaluate(recovered, recovered.boundary(n)).verdict());
        assertEquals(AlertState.OK, e.state(0));
        assertEquals(AlertState.TICKET, e.state(0b100));
        assertEquals(AlertState.PAGE, e.state(0b101));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(
                SliSeries.ofCounts(T0, Duration.ofMinutes(5), new long[] {1}, new long[] {1}), T0));
        assertThrows(IllegalArgumentException.class, () -> e.firing(s, n + 1));
        assertThrows(IllegalArgumentException.class, () -> e.firing(s, -1));
        assertEquals(3, e.rules());
        assertEquals("workbook", e.table().id());
    }

    @Test
    void evaluate_ticketAndLowTraffic() {
        SloTarget target = SloTarget.parse("99.9");
        AlertEvaluator e = AlertEvaluator.of(target, AlertTable.workbook(D30), D30, MINUTE);
        int n = 3 * 24 * 60;
        long[] good = new long[n];
        long[] total = new long[n];
        // one event per hour over three days (72 < 1000), every 20th bad... -> only the ticket can fire
        for (int i = 0; i < n; i += 60) {
            total[i] = 1;
            good[i] = (i / 60) % 10 == 0 ? 0 : 1;
        }
        total[n - 1] = 1;
        good[n - 1] = 1;
        SliSeries s = SliSeries.ofCounts(T0, MINUTE, good, total);
        AlertDecision d = e.evaluate(s, s.boundary(n));
        assertEquals(AlertState.TICKET, d.verdict());
        assertTrue(d.findings().codes().contains("alert.low-traffic"), d.findings().toText());
        Finding ticket = d.findings().find("alert.firing").orElseThrow();
        assertEquals(Level.WARN, ticket.level());
        assertEquals("ticket-3d", ticket.fact("rule"));
    }

    /**
     * The straightforward evaluation: re-sum both windows of every rule at every minute. A window
     * reaching before bucket 0 counts its missing buckets as good at the covered traffic: the error
     * ratio is scaled by covered / window.
     */
    static int naive(long[] good, long[] total, int end, int[] longB, int[] shortB, BigDecimal[] thr) {
        int mask = 0;
        for (int r = 0; r < longB.length; r++) {
            if (thr[r].compareTo(BigDecimal.ONE) < 0 && exceeds(good, total, end - longB[r], end, thr[r])
                    && exceeds(good, total, end - shortB[r], end, thr[r])) {
                mask |= 1 << r;
            }
        }
        return mask;
    }

    static boolean exceeds(long[] good, long[] total, int from, int to, BigDecimal thr) {
        long g = 0;
        long t = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            g += good[i];
            t += total[i];
        }
        long window = to - from;
        long covered = to - Math.max(0, from);
        return t > 0 && BigDecimal.valueOf(t - g).multiply(BigDecimal.valueOf(covered))
                .compareTo(thr.multiply(BigDecimal.valueOf(t)).multiply(BigDecimal.valueOf(window))) > 0;
    }

    @Test
    void firing_equalsNaiveResummingEverywhere() {
        SloTarget target = SloTarget.parse("99.5");
        AlertTable table = AlertTable.sloth(Duration.ofDays(7));
        AlertEvaluator e = AlertEvaluator.of(target, table, Duration.ofDays(7), MINUTE);
        Random rnd = new Random(42);
        int n = 2 * 24 * 60;
        long[] good = new long[n];
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            total[i] = rnd.nextInt(50);
            int badness = (i / 180) % 4 == 0 ? 30 : 1;
            good[i] = Math.max(0, total[i] - rnd.nextInt(badness + 1));
        }
        SliSeries s = SliSeries.ofCounts(T0, MINUTE, good, total);
        int[] lb = new int[4];
        int[] sb = new int[4];
        BigDecimal[] thr = new BigDecimal[4];
        for (int r = 0; r < 4; r++) {
            lb[r] = (int) table.rules().get(r).longWindow().toMinutes();
            sb[r] = (int) table.rules().get(r).shortWindow().toMinutes();
            thr[r] = table.rules().get(r).factor().multiply(target.budgetRatio());
        }
        int fired = 0;
        for (int b = 0; b <= n; b++) {
            int m = e.firing(s, b);
            assertEquals(naive(good, total, b, lb, sb, thr), m, "at " + b);
            fired |= m;
        }
        assertTrue(fired != 0);
    }

    @Test
    void exceeds_isExactBeyond64Bits() {
        // 0.001 as 1/1000 with counts near 2^62: the products overflow 64 bits
        long big = 1L << 62;
        assertTrue(AlertEvaluator.exceeds(big / 1000 + 1, big, 1, 1000));
        assertFalse(AlertEvaluator.exceeds(big / 1000, big, 1, 1000));
        assertFalse(AlertEvaluator.exceeds(0, 0, 1, 1000));
        assertTrue(AlertEvaluator.exceeds(Long.MAX_VALUE, Long.MAX_VALUE, 999, 1000));
        assertFalse(AlertEvaluator.exceeds(Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
    }
}
