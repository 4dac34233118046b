package io.github.deliverykit.metrics.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.time.Window;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertDecision;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.BudgetStatus.BudgetUnit;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;

/** The batch alert entry point, the partial-window rule and the hardened boundaries, over generated input. */
final class AlertPropertiesTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final String[] TARGETS = {"90", "99", "99.5", "99.9", "99.95", "99.999"};

    static AlertEvaluator evaluator(int tableNo, int targetNo) {
        Duration period = Duration.ofDays(7);
        AlertTable table = tableNo == 0 ? AlertTable.workbook(period)
                : tableNo == 1 ? AlertTable.sloth(period) : AlertTable.pyrra(period);
        return AlertEvaluator.of(SloTarget.parse(TARGETS[targetNo]), table, period, MINUTE);
    }

    static SliSeries series(Random r, int n, long maxPerBucket) {
        long[] good = new long[n];
        long[] total = new long[n];
        int errorPerMille = r.nextInt(4) == 0 ? r.nextInt(1000) : r.nextInt(20);
        for (int i = 0; i < n; i++) {
            total[i] = maxPerBucket <= 1 ? r.nextInt(2) : (long) (r.nextDouble() * maxPerBucket);
            long bad = (long) (total[i] * ((errorPerMille + r.nextInt(5)) / 1000.0));
            if (r.nextInt(50) == 0) {
                bad = total[i]; // an outage minute
            }
            good[i] = total[i] - Math.min(bad, total[i]);
        }
        return SliSeries.ofCounts(T0, MINUTE, good, total);
    }

    @Property(tries = 400)
    void batch_equalsOneBoundaryAtATime(@ForAll @IntRange(min = 0, max = 2) int tableNo,
            @ForAll @IntRange(min = 0, max = 5) int targetNo, @ForAll @IntRange(min = 1, max = 5000) int n,
            @ForAll @IntRange(min = 0, max = 3) int scale, @ForAll long seed) {
        AlertEvaluator e = evaluator(tableNo, targetNo);
        Random r = new Random(seed);
        // up to 10^17 events a minute: beyond it the 64-bit fast path must hand over to exact arithmetic
        long perBucket = Math.min(new long[] {1, 1_000, 10_000_000_000L, Long.MAX_VALUE}[scale], Long.MAX_VALUE / (n + 1));
        SliSeries s = series(r, n, perBucket);
        int from = r.nextInt(n + 1);
        int to = from + r.nextInt(n + 2 - from);
        int[] masks = new int[to - from + r.nextInt(3)];
        java.util.Arrays.fill(masks, -1);
        int any = e.firing(s, from, to, masks);
        int or = 0;
        for (int b = from; b < to; b++) {
            int one = e.firing(s, b);
            assertEquals(one, masks[b - from], "boundary " + b);
            or |= one;
        }
        assertEquals(or, any);
    }

    @Property(tries = 300)
    void firing_equalsNaiveWithPartialWindows(@ForAll @IntRange(min = 0, max = 2) int tableNo,
            @ForAll @IntRange(min = 0, max = 5) int targetNo, @ForAll long seed) {
        AlertEvaluator e = evaluator(tableNo, targetNo);
        Random r = new Random(seed);
        int n = 400;
        long[] good = new long[n];
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            total[i] = r.nextInt(40);
            good[i] = total[i] - (r.nextInt(8) == 0 ? r.nextInt((int) total[i] + 1) : 0);
        }
        SliSeries s = SliSeries.ofCounts(T0, MINUTE, good, total);
        SloTarget target = SloTarget.parse(TARGETS[targetNo]);
        int rules = e.table().rules().size();
        int[] lb = new int[rules];
        int[] sb = new int[rules];
        BigDecimal[] thr = new BigDecimal[rules];
        for (int k = 0; k < rules; k++) {
            lb[k] = (int) e.table().rules().get(k).longWindow().toMinutes();
            sb[k] = (int) e.table().rules().get(k).shortWindow().toMinutes();
            thr[k] = e.table().rules().get(k).factor().multiply(target.budgetRatio());
        }
        for (int b = 0; b <= n; b += 1 + r.nextInt(4)) {
            assertEquals(AlertTableTest.naive(good, total, b, lb, sb, thr), e.firing(s, b), "at " + b);
        }
    }

    @Property(tries = 1000)
    void evaluate_agreesWithFiringAndFlagsMissingData(@ForAll @IntRange(min = 0, max = 2) int tableNo,
            @ForAll @IntRange(min = 0, max = 5) int targetNo, @ForAll @IntRange(min = 1, max = 3000) int n,
            @ForAll @IntRange(min = -600, max = 6000) int atMinute, @ForAll long seed) {
        AlertEvaluator e = evaluator(tableNo, targetNo);
        SliSeries s = series(new Random(seed), n, 100);
        Instant at = T0.plus(Duration.ofMinutes(atMinute));
        AlertDecision d = e.evaluate(s, at);
        int b = s.boundaryAtOrBefore(at);
        int mask = e.firing(s, b);
        assertEquals(e.state(mask), d.verdict());
        assertEquals(atMinute > n, d.stale());
        assertEquals(atMinute > n, d.findings().find("alert.stale-data").isPresent());
        assertEquals(atMinute < 0, d.findings().find("alert.before-data").isPresent());
        for (int i = 0; i < d.rules().size(); i++) {
            boolean partial = b < e.table().rules().get(i).longWindow().toMinutes();
            assertEquals(partial, d.rules().get(i).partial());
            assertEquals((mask & (1 << i)) != 0, d.rules().get(i).firing());
        }
        assertEquals(d.partial(), d.findings().find("alert.partial-window").isPresent());
        assertEquals(d.findings().toText(), e.evaluate(s, at).findings().toText()); // same input, same output
    }

    @net.jqwik.api.Example
    void zeroWithAHugeScale_isRejectedNotDividedThrough() {
        // found by hostileInput_onlyIllegalArgument: 0E-714401756 passed the bound and SlaReport divided through 10^714401756
        BudgetStatus seed = SeedExampleTest.status();
        BigDecimal zero = new BigDecimal(BigInteger.ZERO, 714401756);
        IllegalArgumentException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BudgetStatus(seed.slo(), seed.at(), seed.period(), seed.observed(), BudgetUnit.SECONDS, zero,
                        zero, seed.elapsedFraction(), zero, List.of(), Duration.ZERO, null));
        org.junit.jupiter.api.Assertions.assertTrue(x.getMessage().contains("scale 714401756"), x.getMessage());
    }

    @Property(tries = 500)
    void hostileInput_onlyIllegalArgument(@ForAll int boundary, @ForAll int from, @ForAll int to,
            @ForAll @IntRange(min = -5, max = 5) int maskLen, @ForAll int scale, @ForAll long unscaled,
            @ForAll @IntRange(min = 1, max = 10) int bucketMinutes) {
        AlertEvaluator e = evaluator(0, 3);
        SliSeries s = SliSeries.ofCounts(T0, Duration.ofMinutes(bucketMinutes), new long[] {1, 2}, new long[] {3, 4});
        BudgetPropertiesTest.only(() -> e.firing(s, boundary));
        BudgetPropertiesTest.only(() -> e.firing(s, from, to, maskLen < 0 ? null : new int[maskLen]));
        BudgetPropertiesTest.only(() -> e.firing(s, Math.floorMod(from, 4), Math.floorMod(to, 4), new int[4]));
        BudgetPropertiesTest.only(() -> e.evaluate(s, T0.plusSeconds(boundary)));
        BudgetStatus seed = SeedExampleTest.status();
        BigDecimal v = new BigDecimal(BigInteger.valueOf(unscaled), scale);
        BudgetPropertiesTest.only(() -> {
            BudgetStatus st = new BudgetStatus(seed.slo(), seed.at(), seed.period(), seed.observed(),
                    BudgetUnit.SECONDS, v, v, seed.elapsedFraction(), v, List.of(), Duration.ZERO, null);
            st.remainingPercent();
            st.consumedPercent();
            st.remainingTime();
            st.overspend();
            SlaReport.of(st).toText();
            SlaReport.of(st).toMarkdown();
        });
        BudgetPropertiesTest.only(() -> new BudgetStatus.IncidentCharge("I", io.github.deliverykit.core.event.Severity.SEV1,
                v, seed.observed(), Duration.ZERO, v).charged());
        BudgetPropertiesTest.only(() -> AlertEvaluator.of(Slo.occurrences("s", "99.9", Window.days(Math.floorMod(from, 60) + 1)),
                AlertTable.workbook(Duration.ofDays(Math.floorMod(to, 60) + 1)), Duration.ofMinutes(bucketMinutes)));
    }

    @Property(tries = 300)
    void fullOutage_everyRuleEitherFiresOrSaysItCannot(@ForAll @IntRange(min = 0, max = 2) int tableNo,
            @ForAll @IntRange(min = 0, max = 5) int targetNo) {
        AlertEvaluator e = evaluator(tableNo, targetNo);
        long[] total = new long[5 * 1440];
        java.util.Arrays.fill(total, 7);
        SliSeries s = SliSeries.ofCounts(T0, MINUTE, new long[total.length], total);
        AlertDecision d = e.evaluate(s, s.boundary(s.buckets()));
        for (var r : d.rules()) {
            assertTrue(r.firing() != !r.canFire(), r.toString());
        }
        assertTrue(d.findings().find("alert.quiet").isEmpty(), d.findings().toText());
    }
}
