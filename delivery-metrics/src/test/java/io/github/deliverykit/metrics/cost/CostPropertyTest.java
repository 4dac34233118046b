package io.github.deliverykit.metrics.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.deliverykit.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import io.github.deliverykit.metrics.cost.CostReport.Cost;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import io.github.deliverykit.metrics.cost.CostLedger.RecordIdSet;
import io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice;
import io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices;
import io.github.deliverykit.metrics.cost.internal.ExamplePriceTable;

final class CostPropertyTest {

    private static final ExamplePriceTable TABLE = new ExamplePriceTable();
    private static final CostLedger LEDGER = CostLedger.of(TABLE);

    @Provide
    Arbitrary<List<UsageRecord>> records() {
        Arbitrary<UsageRecord> one = Combinators.combine(
                Arbitraries.integers().between(0, 40),
                Arbitraries.of("example-small", "example-large", "example-tiered", "unknown-model"),
                Arbitraries.longs().between(0, 400_000).array(long[].class).ofSize(4),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 50_000).injectNull(0.8))
                .as((id, model, t, pr, feature, centsCost) -> UsageRecord.builder("r" + id,
                                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(id * 7_000L), model)
                        .tokens(t[0], t[1], t[2], t[3])
                        .cost(centsCost == null ? null : Money.ofNanos(centsCost * 10_000_000L, "USD"))
                        .pullRequest(pr == 0 ? null : "pr-" + pr)
                        .feature(feature == 0 ? null : "f-" + feature)
                        .iteration("it-" + id % 7)
                        .session("s-" + id % 3)
                        .build());
        return one.list().ofMaxSize(30);
    }

    /** The exact price of one record with BigDecimal, straight from the table. */
    static BigDecimal oracle(UsageRecord r) {
        if (r.cost() != null) {
            return r.cost().toBigDecimal();
        }
        ModelPrice p = TABLE.price(r.model()).orElseThrow();
        TokenPrices above = p.tier().orElse(p.base());
        return kind(r.inputTokens(), p.base().input(), above.input(), p.tierThreshold())
                .add(kind(r.outputTokens(), p.base().output(), above.output(), p.tierThreshold()))
                .add(kind(r.cacheWriteTokens(), p.base().cacheWrite(), above.cacheWrite(), p.tierThreshold()))
                .add(kind(r.cacheReadTokens(), p.base().cacheRead(), above.cacheRead(), p.tierThreshold()));
    }

    private static BigDecimal kind(long tokens, Money base, Money above, long threshold) {
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        if (threshold == 0 || tokens <= threshold) {
            return base.toBigDecimal().multiply(BigDecimal.valueOf(tokens)).divide(million);
        }
        return base.toBigDecimal().multiply(BigDecimal.valueOf(threshold))
                .add(above.toBigDecimal().multiply(BigDecimal.valueOf(tokens - threshold))).divide(million);
    }

    @Property
    void total_exactAgainstBigDecimal(@ForAll("records") List<UsageRecord> records) {
        CostReport report = LEDGER.price(records);
        BigDecimal sum = BigDecimal.ZERO;
        long unknown = 0;
        Set<String> seen = new HashSet<>();
        for (UsageRecord r : keptRecords(records)) {
            if (!seen.add(r.id())) {
                continue;
            }
            if (r.cost() == null && TABLE.price(r.model()).isEmpty()) {
                unknown++;
            } else {
                sum = sum.add(oracle(r));
            }
        }
        assertEquals(sum.setScale(9, RoundingMode.HALF_EVEN), report.total().known().toBigDecimal());
        assertEquals(unknown, report.total().unknownRecords());
    }

    /** The records the ledger keeps: per id the largest by the documented order. */
    private static List<UsageRecord> keptRecords(List<UsageRecord> records) {
        Map<String, UsageRecord> kept = new java.util.TreeMap<>();
        java.util.Comparator<UsageRecord> keep = java.util.Comparator.comparingLong(UsageRecord::totalTokens)
                .thenComparing(UsageRecord::timestamp).thenComparing(UsageRecord::toString);
        for (UsageRecord r : records) {
            kept.merge(r.id(), r, (a, b) -> keep.compare(a, b) >= 0 ? a : b);
        }
        return new ArrayList<>(kept.values());
    }

    @Property
    void report_invariantUnderInputOrder(@ForAll("records") List<UsageRecord> records, @ForAll long seed) {
        List<UsageRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(LEDGER.price(records), LEDGER.price(shuffled));
    }

    @Property
    void slicesByPullRequest_addUpToTheWhole(@ForAll("records") List<UsageRecord> records) {
        CostReport whole = LEDGER.price(records);
        long priced = 0;
        long unknown = 0;
        for (Cost c : whole.byPullRequest().values()) {
            priced += c.pricedRecords();
            unknown += c.unknownRecords();
        }
        List<UsageRecord> unattributed = new ArrayList<>();
        for (UsageRecord r : keptRecords(records)) {
            if (r.pullRequestId() == null) {
                unattributed.add(r);
            }
        }
        Cost rest = LEDGER.price(unattributed).total();
        assertEquals(whole.total().pricedRecords(), priced + rest.pricedRecords());
        assertEquals(whole.total().unknownRecords(), unknown + rest.unknownRecords());
        long days = whole.byDay().values().stream().mapToLong(Cost::records).sum();
        assertEquals(whole.total().records(), days);
    }

    @Property
    void costTotals_mergeOfSlicesEqualsWhole(@ForAll("records") List<UsageRecord> records, @ForAll("cut") int cut) {
        PriceList list = LEDGER.prices();
        CostTotals whole = new CostTotals(list.currency(), 3);
        CostTotals left = new CostTotals(list.currency(), 3);
        CostTotals right = new CostTotals(list.currency(), 3);
        for (int i = 0; i < records.size(); i++) {
            UsageRecord r = records.get(i);
            long f = list.costFemtos(list.indexOf(r.model()), r.inputTokens(), r.outputTokens(), r.cacheWriteTokens(), r.cacheReadTokens());
            whole.add(i % 3, f);
            (i < cut ? left : right).add(i % 3, f);
        }
        left.merge(right);
        for (int g = 0; g < 3; g++) {
            assertEquals(whole.cost(g), left.cost(g));
            assertEquals(whole.exact(g), left.exact(g));
        }
    }

    @Provide
    Arbitrary<Integer> cut() {
        return Arbitraries.integers().between(0, 60);
    }

    @Property
    void recordIdSet_behavesLikeHashSet(@ForAll("ids") List<Long> ids) {
        RecordIdSet set = new RecordIdSet();
        Set<Long> oracle = new HashSet<>();
        for (long id : ids) {
            assertEquals(oracle.add(id), set.add(id));
        }
        assertEquals(oracle.size(), set.size());
        for (long id : ids) {
            assertEquals(true, set.contains(id));
        }
    }

    @Provide
    Arbitrary<List<Long>> ids() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-50, 50), Arbitraries.longs()).list().ofMaxSize(200);
    }

    @Property
    void badTokens_onlyIllegalArgument(@ForAll long a, @ForAll long b, @ForAll long c, @ForAll long d, @ForAll int model) {
        try {
            LEDGER.prices().costFemtos(model % 5, a, b, c, d);
            LEDGER.price(List.of(UsageRecord.builder("x", Instant.EPOCH, "example-tiered").tokens(a, b, c, d).build()));
        } catch (IllegalArgumentException expected) {
            // the only allowed failure
        }
    }
}
