package io.github.deliverykit.policy.incident;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTable;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTarget;
import io.github.deliverykit.policy.incident.spi.SlaTableProvider;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every severity table provider keeps, run against every provider the service loader finds. */
final class SlaTableProviderContractTest {

    static Stream<SlaTableProvider> providers() {
        List<SlaTableProvider> all = Providers.load(SlaTableProvider.class).all();
        // the built-in seed table plus the test-only five-level table (priority 10, so first)
        assertEquals(List.of("test-strict", "seed"), all.stream().map(SlaTableProvider::id).toList());
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void contract_stableIdSameTableAndUsableByTheEngine(SlaTableProvider provider) {
        assertFalse(provider.id().isBlank());
        assertEquals(provider.id(), provider.id());
        SlaTable table = provider.table();
        assertEquals(provider.id(), table.id());
        assertEquals(table, provider.table());
        for (int level = 1; level <= table.targets().size(); level++) {
            SlaTarget t = table.targets().get(level - 1);
            assertEquals(level, t.severity().level());
            assertTrue(t.response().compareTo(t.resolution()) <= 0, t.toString());
        }
        IncidentSla sla = IncidentSla.load(IncidentSlaConfig.custom().table(provider.id()).build());
        assertEquals(table, sla.table());
        // every level of the table evaluates, deterministically, with codes in the engine's namespace
        for (SlaTarget t : table.targets()) {
            Incident inc = Fixtures.incident(t.severity()).build();
            IncidentTimeline timeline = IncidentTimeline.of(inc);
            IncidentSlaDecision d = Fixtures.evaluate(sla, timeline, Fixtures.at(1));
            assertEquals(d, Fixtures.evaluate(sla, timeline, Fixtures.at(1)));
            assertEquals(d.toMarkdown(), Fixtures.evaluate(sla, timeline, Fixtures.at(1)).toMarkdown());
            for (Finding f : d.findings()) {
                assertTrue(f.code().startsWith("incident."), f.code());
            }
            // edge input: evaluated at detection, and far past every deadline
            assertDoesNotThrow(() -> Fixtures.evaluate(sla, timeline, Fixtures.T0));
            assertDoesNotThrow(() -> Fixtures.evaluate(sla, timeline, Fixtures.T0.plus(SlaTarget.MAX_TARGET)));
        }
        assertThrows(IllegalArgumentException.class, () -> table.target(io.github.deliverykit.core.event.Severity.of(9)));
    }
}
