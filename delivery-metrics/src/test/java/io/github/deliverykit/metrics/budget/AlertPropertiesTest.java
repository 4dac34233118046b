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
import org.junit.jupiter.api.Test;
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
        assertBatchIsOneBoundaryAtATime(e, s, from, to, r.nextInt(3));
    }

    /**
     * Incident-shaped series (quiet stretches, then episodes of high error of random length and
     * strength, some ramping) under 30-day tables: the batch's stretches that are quiet, firing
     * throughout or undecided must all give the one-boundary masks.
     */
    @Property(tries = 150)
    void batch_equalsOneBoundaryAtATime_withIncidents(@ForAll @IntRange(min = 0, max = 2) int tableNo,
            @ForAll @IntRange(min = 0, max = 5) int targetNo, @ForAll @IntRange(min = 1, max = 20000) int n,
            @ForAll long seed) {
        Duration period = Duration.ofDays(30);
        AlertTable table = tableNo == 0 ? AlertTable.workbook(period)
                : tableNo == 1 ? AlertTable.sloth(period) : AlertTable.pyrra(period);
        AlertEvaluator e = AlertEvaluator.of(SloTarget.parse(TARGETS[targetNo]), table, period, MINUTE);
        Random r = new Random(seed);
        long[] good = new long[n];
        long[] total = new long[n];
        double budget = 1 - Double.parseDouble(TARGETS[targetNo]) / 100;
        int i = 0;
        while (i < n) {
            // an episode: its traffic level (a surge dilutes or floods the windows within a few
            // buckets), its error ratio around the rules' thresholds, flat or ramping
            int length = 1 + r.nextInt(r.nextBoolean() ? 60 : 3000);
            long traffic = new long[] {10, 300, 3000, 30000}[r.nextInt(4)];
            double ratio = Math.min(1, budget * Math.pow(10, r.nextDouble() * 3 - 1));
            boolean ramp = r.nextInt(3) == 0;
            for (int k = 0; k < length && i < n; k++, i++) {
                total[i] = r.nextInt(20) == 0 ? 0 : traffic / 2 + r.nextInt((int) traffic);
                double q = ramp ? ratio * k / length : ratio;
                long bad = Math.min(total[i], Math.round(total[i] * q * (0.5 + r.nextDouble())));
                good[i] = total[i] - bad;
            }
        }
        SliSeries s = SliSeries.ofCounts(T0, MINUTE, good, total);
        int from = r.nextInt(3) == 0 ? 0 : r.nextInt(n + 1);
        int to = r.nextInt(3) == 0 ? n + 1 : from + r.nextInt(n + 2 - from);
        assertBatchIsOneBoundaryAtATime(e, s, from, to, 0);
    }

    /** The batch over {@code [from, to)} into a longer, dirty array equals the boundaries one by one. */
    static void assertBatchIsOneBoundaryAtATime(AlertEvaluator e, SliSeries s, int from, int to, int extra) {
        int[] masks = new int[to - from + extra];
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

    /**
     * The batch masks of 6,000 minutes of 1,000 events, {@code bad(i)} of them bad, under the 30-day
     * Workbook table at 99.9 %, after checking each against the one-boundary evaluation.
     */
    static int[] workbookBatch(java.util.function.IntToLongFunction bad) {
        Duration period = Duration.ofDays(30);
        AlertEvaluator e = AlertEvaluator.of(SloTarget.parse("99.9"), AlertTable.workbook(period), period, MINUTE);
        int n = 6000;
        long[] good = new long[n];
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            total[i] = 1000;
            good[i] = total[i] - bad.applyAsLong(i);
        }
        SliSeries s = SliSeries.ofCounts(T0, MINUTE, good, total);
        int[] masks = new int[n + 1];
        e.firing(s, 0, n + 1, masks);
        for (int b = 0; b <= n; b++) {
            assertEquals(e.firing(s, b), masks[b], "boundary " + b);
        }
        return masks;
    }

    /**
     * An old incident leaving the 1-hour window while a new one keeps the 5-minute window firing: the
     * 1-hour rule stops firing mid-stretch (at 99.9 %, 14.4x: 1.44 %) as the old bad minutes leave,
     * and starts again as the new ones accumulate. The batch must see both edges.
     */
    @Test
    void batch_seesTheLongWindowEmptyWhileTheShortOneFires() {
        int[] masks = workbookBatch(i -> i < 5000 ? 0 : i < 5060 ? 50 : i < 5100 ? 5 : 30);
        int page = 1; // rule 0: 1 h / 5 min, 14.4x
        // 1-hour window at 5115: 5 x 50 + 40 x 5 + 15 x 30 = 900 bad of 60,000 = 1.5 % (fires); at 5117:
        // 3 x 50 + 200 + 17 x 30 = 860 = 1.43 % (quiet); at 5133: 200 - 13 x 5 + 33 x 30 = 1,125 = 1.875 %
        assertEquals(page, masks[5115] & page);
        assertEquals(0, masks[5117] & page);
        assertEquals(0, masks[5120] & page);
        assertEquals(page, masks[5133] & page);
    }

    /**
     * The same edge on the 3-day / 6-hour ticket rule (1x: 0.1 %), whose short window outlives a batch
     * stretch: an outage hour leaving the 3-day window ends the rule's firing while the 6-hour window
     * keeps firing, so a stretch that starts firing on both windows must not be taken as firing
     * throughout.
     */
    @Test
    void batch_seesAnOutageLeaveTheThreeDayWindow() {
        int[] masks = workbookBatch(i -> i < 1000 ? 0 : i < 1060 ? 1000 : i < 5000 ? i % 2 : 2);
        int ticket = 4; // rule 2: 3 d / 6 h, 1x
        // 3-day window at 5376: 4 outage minutes (4,000 bad) + 1,970 + 752 = 6,722 of 4,320,000 (fires);
        // at 5400: 1,960 + 800 = 2,760 (quiet); the 6-hour window: 2 a minute, 0.2 % (fires)
        assertEquals(ticket, masks[5376] & ticket);
        assertEquals(0, masks[5400] & ticket);
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
