package io.github.deliverykit.metrics.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import io.github.deliverykit.metrics.cost.CostReport.Cost;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import io.github.deliverykit.metrics.cost.CostLedger.RecordIdSet;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice;
import io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices;
import io.github.deliverykit.metrics.cost.internal.ExamplePriceTable;

final class CostLedgerTest {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    static final CostLedger LEDGER = CostLedger.of(new ExamplePriceTable());

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    /** 1,000 in x 3 + 500 out x 15 + 2,000 write x 3.75 + 10,000 read x 0.30, per million = 0.021 USD. */
    static UsageRecord.Builder large(String id) {
        return UsageRecord.builder(id, T0, "example-large").tokens(1_000, 500, 2_000, 10_000);
    }

    @Test
    void price_handComputedRecord() {
        PriceList list = PriceList.of(new ExamplePriceTable());
        long femtos = list.costFemtos(list.indexOf("example-large"), 1_000, 500, 2_000, 10_000);
        assertEquals(21_000_000_000_000L, femtos);
        assertEquals(usd("0.021"), LEDGER.price(List.of(large("r1").build())).total().known());
        assertEquals(PriceList.UNKNOWN, list.costFemtos(list.indexOf("nope"), 1, 1, 1, 1));
        assertEquals(-1, list.indexOf(null));
        assertEquals(3, list.size());
        assertEquals("example-small", list.model(0));
    }

    @Test
    void tier_splitsEachKindAtTheThreshold() {
        PriceList list = PriceList.of(new ExamplePriceTable());
        int tiered = list.indexOf("example-tiered");
        // 200,000 x 3 + 50,000 x 6 per million = 0.90; output below the threshold at the base price
        assertEquals(900_000_000_000_000L + 15_000_000_000_000L,
                list.costFemtos(tiered, 250_000, 1_000, 0, 0));
        // exactly at the threshold: all at the base price
        assertEquals(600_000_000_000_000L, list.costFemtos(tiered, 200_000, 0, 0, 0));
        // cache read above: 200,000 x 0.30 + 100,000 x 0.60 = 0.12
        assertEquals(120_000_000_000_000L, list.costFemtos(tiered, 0, 0, 0, 300_000));
    }

    @Test
    void attribution_handComputed() {
        List<UsageRecord> records = List.of(
                large("r1").iteration("i1").pullRequest("pr-1").feature("f-1").session("s-1").build(),
                large("r1").iteration("i1").pullRequest("pr-1").feature("f-1").session("s-1").build(),
                UsageRecord.builder("r2", T0.plusSeconds(86_400), "example-small").tokens(10_000, 1_000, 0, 0)
                        .iteration("i2").pullRequest("pr-1").feature("f-1").session("s-2").build(),
                UsageRecord.builder("ci-1", T0, "ci-runner").cost(usd("0.02")).iteration("i2").pullRequest("pr-1").build(),
                UsageRecord.builder("r3", T0, "mystery-model").tokens(5, 5, 0, 0).pullRequest("pr-2").session("s-2").build());
        CostReport report = LEDGER.price(records);
        // r2: 10,000 x 1 + 1,000 x 5 per million = 0.015
        assertEquals(new Cost(usd("0.056"), 3, 1), report.total());
        assertEquals(new Cost(usd("0.021"), 1, 0), report.byIteration().get("i1"));
        assertEquals(new Cost(usd("0.035"), 2, 0), report.byIteration().get("i2"));
        assertEquals(Optional.of(usd("0.056")), report.byPullRequest().get("pr-1").amount());
        assertEquals(Optional.empty(), report.byPullRequest().get("pr-2").amount());
        assertEquals(new Cost(usd("0"), 0, 1), report.byPullRequest().get("pr-2"));
        assertEquals(new Cost(usd("0.036"), 2, 0), report.byFeature().get("f-1"));
        assertEquals(new Cost(usd("0.015"), 1, 1), report.bySession().get("s-2"));
        assertEquals(List.of(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03")), List.copyOf(report.byDay().keySet()));
        assertEquals(new Cost(usd("0.041"), 2, 1), report.byDay().get(LocalDate.parse("2026-11-02")));
        assertEquals(List.of("ci-runner", "example-large", "example-small", "mystery-model"), List.copyOf(report.byModel().keySet()));
        assertEquals(5, report.records());
        assertEquals(1, report.duplicates());
        assertEquals(0, report.conflictingDuplicates());
        assertEquals(List.of("mystery-model"), report.unpricedModels());
        assertEquals(List.of("cost.total", "cost.unknown", "cost.duplicates"), report.findings().codes());
        assertEquals(Level.WARN, report.findings().worst());
        assertFalse(report.total().isComplete());
        assertEquals("at least 0.056 USD (3 priced, 1 unknown)", report.total().toString());
        assertEquals("[WARN] cost.unknown: 1 usage records have no price; their cost is unknown, not zero "
                + "(unknownRecords=1, models=mystery-model, priceTable=example)", report.findings().list().get(1).toText());
    }

    @Test
    void days_countInTheLedgerZone() {
        CostReport report = LEDGER.withZone(ZoneId.of("America/New_York"))
                .price(List.of(UsageRecord.builder("a", Instant.parse("2026-11-02T03:00:00Z"), "example-small").build()));
        assertEquals(List.of(LocalDate.parse("2026-11-01")), List.copyOf(report.byDay().keySet()));
        assertTrue(report.total().isComplete());
        assertEquals("0.00 USD (1 records)", report.total().toString());
    }

    @Test
    void conflictingDuplicates_resolvedIndependentlyOfOrder() {
        UsageRecord partial = large("m1").tokens(1_000, 10, 0, 0).build();
        UsageRecord full = large("m1").tokens(1_000, 500, 0, 0).build();
        CostReport a = LEDGER.price(List.of(partial, full));
        CostReport b = LEDGER.price(List.of(full, partial));
        assertEquals(a, b);
        assertEquals(1, a.conflictingDuplicates());
        assertEquals(usd("0.0105"), a.total().known());
    }

    @Test
    void rounding_onceHalfEven() {
        PriceTable tiny = PriceTable.of("tiny", Money.currency("USD"),
                List.of(ModelPrice.flat("m", TokenPrices.perMillion("USD", "0.000000001", "0", "0", "0"))));
        CostLedger ledger = CostLedger.of(tiny);
        // 0.5 nano -> 0; 1.5 nano -> 2; three records of 0.5 nano -> 1.5 nano -> 2 (not 0 + 0 + 0)
        assertEquals(0, ledger.price(List.of(rec("a", 500_000))).total().known().nanos());
        assertEquals(2, ledger.price(List.of(rec("a", 1_500_000))).total().known().nanos());
        assertEquals(2, ledger.price(List.of(rec("a", 500_000), rec("b", 500_000), rec("c", 500_000))).total().known().nanos());
        CostTotals t = new CostTotals(Money.currency("USD"), 1).add(0, 1);
        assertEquals(new BigDecimal("0.000000000000001"), t.exact(0));
    }

    private static UsageRecord rec(String id, long input) {
        return UsageRecord.builder(id, T0, "m").tokens(input, 0, 0, 0).build();
    }

    @Test
    void costTotals_carryAndMerge() {
        CostTotals a = new CostTotals(Money.currency("USD"), 2);
        for (int i = 0; i < 4; i++) {
            a.add(1, Long.MAX_VALUE);
        }
        a.add(1, PriceList.UNKNOWN);
        assertEquals(new BigDecimal(java.math.BigInteger.valueOf(Long.MAX_VALUE).multiply(java.math.BigInteger.valueOf(4)), 15), a.exact(1));
        CostTotals b = new CostTotals(Money.currency("USD"), 2).add(1, Long.MAX_VALUE).add(0, usd("1.5"));
        a.merge(b);
        assertEquals(new BigDecimal(java.math.BigInteger.valueOf(Long.MAX_VALUE).multiply(java.math.BigInteger.valueOf(5)), 15), a.exact(1));
        assertEquals(new Cost(usd("1.5"), 1, 0), a.cost(0));
        assertEquals(5, a.cost(1).pricedRecords());
        assertEquals(1, a.cost(1).unknownRecords());
        assertEquals(2, a.groups());
        assertThrows(IllegalArgumentException.class, () -> a.add(2, 1));
        assertThrows(IllegalArgumentException.class, () -> a.add(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> a.add(0, -2));
        assertThrows(IllegalArgumentException.class, () -> a.add(0, usd("-1")));
        assertThrows(IllegalArgumentException.class, () -> a.add(0, Money.of("1", "EUR")));
        assertThrows(IllegalArgumentException.class, () -> a.cost(2));
        assertThrows(IllegalArgumentException.class, () -> a.merge(new CostTotals(Money.currency("USD"), 3)));
        assertThrows(IllegalArgumentException.class, () -> a.merge(new CostTotals(Money.currency("EUR"), 2)));
    }

    @Test
    void serviceLoader_findsBuiltInAndTestProvider() {
        ProviderRegistry<PriceTable> tables = Providers.load(PriceTable.class);
        assertEquals(List.of("test-only", "example"), tables.ids());
        assertEquals("EUR", tables.get("test-only").currency().getCurrencyCode());
        assertTrue(tables.get("example").price("example-large").isPresent());
        assertTrue(tables.get("example").price("gpt").isEmpty());
        CostReport eur = CostLedger.of(tables.get("test-only"))
                .price(List.of(UsageRecord.builder("x", T0, "eur-model").tokens(1_000_000, 0, 0, 0).build()));
        assertEquals(Money.of("2", "EUR"), eur.total().known());
    }

    @Test
    void badInput_isIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> LEDGER.price(List.of(
                UsageRecord.builder("x", T0, "m").cost(Money.of("1", "EUR")).build())));
        assertThrows(IllegalArgumentException.class, () -> LEDGER.price(null));
        List<UsageRecord> withNull = new ArrayList<>(Collections.singletonList(null));
        assertThrows(IllegalArgumentException.class, () -> LEDGER.price(withNull));
        assertThrows(IllegalArgumentException.class, () -> UsageRecord.builder(" ", T0, "m").build());
        assertThrows(IllegalArgumentException.class, () -> UsageRecord.builder("x", T0, "m").tokens(-1, 0, 0, 0).build());
        assertThrows(IllegalArgumentException.class, () -> UsageRecord.builder("x", T0, "m").cost(usd("-0.01")).build());
        assertThrows(IllegalArgumentException.class, () -> UsageRecord.builder("x", T0, "m").pullRequest("").build());
        assertThrows(IllegalArgumentException.class, () -> UsageRecord.builder("x", null, "m").build());
        PriceList list = LEDGER.prices();
        assertThrows(IllegalArgumentException.class, () -> list.costFemtos(3, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> list.costFemtos(-2, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> list.costFemtos(0, -1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> list.costFemtos(1, Long.MAX_VALUE, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> list.costFemtos(1, 3_000_000_000_000L, 3_000_000_000_000L, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> list.model(3));
        assertThrows(IllegalArgumentException.class, () -> LEDGER.withZone(null));
        assertThrows(IllegalArgumentException.class, () -> TokenPrices.perMillion("USD", "-1", "0", "0", "0"));
        assertThrows(IllegalArgumentException.class, () -> new TokenPrices(usd("1"), Money.of("1", "EUR"), usd("1"), usd("1")));
        TokenPrices p = TokenPrices.perMillion("USD", "1", "1", "1", "1");
        assertThrows(IllegalArgumentException.class, () -> new ModelPrice("m", p, 0, p));
        assertThrows(IllegalArgumentException.class, () -> new ModelPrice("m", p, 5, null));
        assertThrows(IllegalArgumentException.class, () -> new ModelPrice("m", p, -1, null));
        assertThrows(IllegalArgumentException.class, () -> ModelPrice.tiered("m", p, 10, TokenPrices.perMillion("EUR", "1", "1", "1", "1")));
        assertThrows(IllegalArgumentException.class, () -> ModelPrice.tiered("m", p, 0, p));
        assertThrows(IllegalArgumentException.class, () -> PriceTable.of("t", Money.currency("USD"), List.of(ModelPrice.flat("m", p), ModelPrice.flat("m", p))));
        assertThrows(IllegalArgumentException.class, () -> PriceTable.of("t", Money.currency("EUR"), List.of(ModelPrice.flat("m", p))));
        assertThrows(IllegalArgumentException.class, () -> PriceTable.of(" ", Money.currency("USD"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Cost(usd("-1"), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RecordIdSet(-1));
        assertTrue(ModelPrice.tiered("m", p, 10, p).tier().isPresent());
        assertTrue(ModelPrice.flat("m", p).tier().isEmpty());
    }

    @Test
    void recordIdSet_zeroAndGrowth() {
        RecordIdSet set = new RecordIdSet(0);
        assertTrue(set.add(0));
        assertFalse(set.add(0));
        assertTrue(set.contains(0));
        for (long i = 1; i <= 1_000; i++) {
            assertTrue(set.add(i * 7919));
        }
        assertFalse(set.add(7919));
        assertTrue(set.contains(1_000 * 7919L));
        assertFalse(set.contains(5));
        assertEquals(1_001, set.size());
    }
}
