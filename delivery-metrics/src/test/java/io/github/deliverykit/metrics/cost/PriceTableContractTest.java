package io.github.deliverykit.metrics.cost;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One contract run against every built-in {@link PriceTable} provider. */
final class PriceTableContractTest {

    private static final Set<String> BUILT_INS = Set.of("example");

    static Stream<PriceTable> builtIns() {
        List<PriceTable> all = Providers.load(PriceTable.class).all().stream()
                .filter(p -> p.getClass().getName().contains(".internal.")).toList();
        assertEquals(new TreeSet<>(BUILT_INS), all.stream().map(PriceTable::id)
                .collect(Collectors.toCollection(TreeSet::new)));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void contract_stableIdDeterministicEdgeSafe(PriceTable table) {
        assertFalse(table.id().isBlank());
        assertEquals(table.id(), table.id());
        assertFalse(table.prices().isEmpty());
        assertEquals(table.prices(), table.prices());
        for (PriceTable.ModelPrice p : table.prices()) {
            assertEquals(table.currency(), p.currency(), p.model());
        }
        assertTrue(assertDoesNotThrow(() -> table.price("no-such-model")).isEmpty());
        // an unpriced model and a zero-token record price without an exception
        CostLedger ledger = CostLedger.of(table);
        List<UsageRecord> edge = List.of(UsageRecord.builder("r", Instant.EPOCH, "no-such-model").tokens(0, 0, 0, 0).build());
        CostReport report = assertDoesNotThrow(() -> ledger.price(edge));
        assertEquals(report, ledger.price(edge));
        assertEquals(1, report.total().unknownRecords());
    }
}
