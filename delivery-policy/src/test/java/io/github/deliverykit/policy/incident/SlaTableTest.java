package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SeverityRule;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTable;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTarget;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockKind;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockResult;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemReview;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemVerdict;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.StatusUpdates;
import io.github.deliverykit.policy.incident.IncidentTimeline.Entry;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.IllegalTransitionException;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.Phase;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.Transition;
import io.github.deliverykit.policy.incident.IncidentTimeline.Pause;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem.ActionItem;
import io.github.deliverykit.policy.incident.IncidentTimeline.SeverityChange;
import io.github.deliverykit.policy.incident.SeverityClassification.Impact;
import io.github.deliverykit.policy.incident.internal.SeedSlaTableProvider;
import io.github.deliverykit.policy.incident.spi.SlaTableProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.spi.ProviderRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SlaTableTest {

    @Test
    void seed_holdsTheSeedTargets() {
        SlaTable seed = SlaTable.seed();
        assertEquals("seed", seed.id());
        assertEquals(4, seed.targets().size());
        assertEquals(Duration.ofMinutes(15), seed.target(Severity.SEV1).response());
        assertEquals(Duration.ofHours(4), seed.target(Severity.SEV1).resolution());
        assertEquals(Duration.ofMinutes(30), seed.target(Severity.SEV2).response());
        assertEquals(Duration.ofHours(8), seed.target(Severity.SEV2).resolution());
        assertEquals(Duration.ofHours(2), seed.target(Severity.SEV3).response());
        assertEquals(Duration.ofHours(24), seed.target(Severity.SEV3).resolution());
        assertEquals(Duration.ofHours(8), seed.target(Severity.SEV4).response());
        assertEquals(Duration.ofDays(5), seed.target(Severity.SEV4).resolution());
        assertEquals(Optional.of(Duration.ofMinutes(30)), seed.target(Severity.SEV1).statusUpdates());
        assertEquals(Optional.of(Duration.ofMinutes(30)), seed.target(Severity.SEV2).statusUpdates());
        assertEquals(Optional.empty(), seed.target(Severity.SEV3).statusUpdates());
        assertEquals(Optional.of(Duration.ofHours(48)), seed.target(Severity.SEV2).postMortem());
        assertEquals(Optional.empty(), seed.target(Severity.SEV4).postMortem());
        assertEquals(Severity.SEV4, seed.leastSevere());
        assertEquals(Duration.ofMinutes(15), seed.target(Severity.SEV1).target(ClockKind.RESPONSE));
        assertEquals(Duration.ofHours(4), seed.target(Severity.SEV1).target(ClockKind.RESOLUTION));
        assertTrue(seed.find(Severity.of(5)).isEmpty());
    }

    @Test
    void customTable_isSortedAndMayHaveAFifthLevel() {
        SlaTable t = SlaTable.of("custom", List.of(
                SlaTarget.of(Severity.of(5), Duration.ofDays(2), Duration.ofDays(20)),
                SlaTarget.of(Severity.SEV2, Duration.ofMinutes(20), Duration.ofHours(6)),
                SlaTarget.of(Severity.SEV1, Duration.ofMinutes(10), Duration.ofHours(2)),
                SlaTarget.of(Severity.SEV4, Duration.ofHours(6), Duration.ofDays(4)),
                SlaTarget.of(Severity.SEV3, Duration.ofHours(1), Duration.ofHours(12))));
        assertEquals(Severity.SEV1, t.targets().get(0).severity());
        assertEquals(Severity.of(5), t.leastSevere());
        assertEquals(Duration.ofDays(2), t.target(Severity.of(5)).response());
    }

    @Test
    void badTables_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> SlaTable.of("gap", List.of(
                SlaTarget.of(Severity.SEV1, Duration.ofMinutes(1), Duration.ofHours(1)),
                SlaTarget.of(Severity.SEV3, Duration.ofMinutes(1), Duration.ofHours(1)))));
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> SlaTable.of("dup", List.of(
                SlaTarget.of(Severity.SEV1, Duration.ofMinutes(1), Duration.ofHours(1)),
                SlaTarget.of(Severity.SEV1, Duration.ofMinutes(2), Duration.ofHours(1)))));
        assertTrue(dup.getMessage().startsWith("targets must define SEV-1 .. SEV-2"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SlaTable.of("empty", List.of()));
        assertThrows(IllegalArgumentException.class, () -> SlaTable.of(" ", List.of(
                SlaTarget.of(Severity.SEV1, Duration.ofMinutes(1), Duration.ofHours(1)))));
        assertThrows(IllegalArgumentException.class, () -> SlaTable.of("n", null));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SlaTable.seed().target(Severity.of(7)));
        assertEquals("severity must be one of SEV-1 .. SEV-4 of table 'seed', but was SEV-7", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SlaTable.seed().target(null));
    }

    @Test
    void badTargets_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> SlaTarget.of(Severity.SEV1, Duration.ZERO, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> SlaTarget.of(Severity.SEV1, Duration.ofMinutes(1), Duration.ofHours(-1)));
        assertThrows(IllegalArgumentException.class, () -> SlaTarget.of(null, Duration.ofMinutes(1), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> SlaTarget.of(Severity.SEV1, null, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> SlaTarget.of(Severity.SEV1, Duration.ofMinutes(1),
                SlaTarget.MAX_TARGET.plusSeconds(1)));
        assertEquals(SlaTarget.MAX_TARGET, SlaTarget.of(Severity.SEV1, Duration.ofMinutes(1), SlaTarget.MAX_TARGET).resolution());
        assertThrows(IllegalArgumentException.class, () -> new SlaTarget(Severity.SEV1, Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofSeconds(59), null));
        assertEquals(SlaTarget.MIN_STATUS_UPDATE_EVERY, new SlaTarget(Severity.SEV1, Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofMinutes(1), null).statusUpdateEvery());
        assertThrows(IllegalArgumentException.class, () -> new SlaTarget(Severity.SEV1, Duration.ofMinutes(1),
                Duration.ofHours(1), null, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SlaTable.seed().target(Severity.SEV1).target(null));
    }

    @Test
    void serviceLoader_findsTheSeedAndATestOnlyTable() {
        ProviderRegistry<SlaTableProvider> registry = IncidentSla.load(IncidentSlaConfig.ofDefaults()).tables();
        // the test provider has priority 10, so it comes first
        assertEquals(List.of("test-strict", "seed"), registry.ids());
        assertEquals(SlaTable.seed(), IncidentSla.load(IncidentSlaConfig.ofDefaults()).tables().get("seed").table());
        SlaTable strict = IncidentSla.load(IncidentSlaConfig.ofDefaults()).tables().get("test-strict").table();
        assertEquals(5, strict.targets().size());
        assertEquals(Duration.ofMinutes(5), strict.target(Severity.SEV1).response());
        assertEquals(registry.ids(), IncidentSla.load(IncidentSlaConfig.ofDefaults(), SlaTableTest.class.getClassLoader()).tables().ids());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IncidentSla.load(IncidentSlaConfig.ofDefaults()).tables().get("nope").table());
        assertTrue(e.getMessage().contains("[test-strict, seed]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IncidentSla.load(IncidentSlaConfig.ofDefaults(), (ClassLoader) null));
        // a policy can run on a loaded table
        IncidentSla p = IncidentSla.of(IncidentSlaConfig.custom().table(strict).build());
        assertEquals("test-strict", p.table().id());
    }

    @Test
    void seedProvider_isRegisteredByHandToo() {
        SeedSlaTableProvider seed = new SeedSlaTableProvider();
        assertEquals("seed", seed.id());
        assertEquals(0, seed.priority());
        assertEquals(SlaTable.seed(), seed.table());
        ProviderRegistry<SlaTableProvider> byHand = ProviderRegistry.of(SlaTableProvider.class, seed);
        assertFalse(byHand.isEmpty());
        assertEquals(SeedSlaTableProvider.ID, byHand.first().orElseThrow().id());
    }
}
