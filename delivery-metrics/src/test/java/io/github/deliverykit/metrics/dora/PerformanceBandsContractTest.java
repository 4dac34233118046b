package io.github.deliverykit.metrics.dora;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One contract run against every built-in {@link PerformanceBands} provider. */
final class PerformanceBandsContractTest {

    private static final Set<String> BUILT_INS = Set.of("dora-2021", "dora-2023", "dora-2024", "seed-elite");

    static Stream<PerformanceBands> builtIns() {
        List<PerformanceBands> all = Providers.load(PerformanceBands.class).all().stream()
                .filter(p -> p.getClass().getName().contains(".internal.")).toList();
        assertEquals(new TreeSet<>(BUILT_INS), all.stream().map(PerformanceBands::id)
                .collect(Collectors.toCollection(TreeSet::new)));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void contract_stableIdDeterministicNamespacedEdgeSafe(PerformanceBands bands) {
        assertFalse(bands.id().isBlank());
        assertEquals(bands.id(), bands.id());
        // the table speaks for its provider: its id is the provider id
        assertEquals(bands.id(), bands.table().id());
        DoraReport nothing = DoraDataset.of(DoraEvents.builder().build()).report(Events.days(0, 7));
        DoraAssessment a = assertDoesNotThrow(() -> bands.table().assess(nothing));
        assertEquals(a, bands.table().assess(nothing));
        assertEquals(bands.table(), bands.table());
    }
}
