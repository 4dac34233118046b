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

import static io.github.deliverykit.policy.incident.Fixtures.T0;
import static io.github.deliverykit.policy.incident.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

final class IncidentStatsTest {

    private static final IncidentSla POLICY = IncidentSla.of(IncidentSlaConfig.ofDefaults());
    private static final Interval JAN_25_TO_FEB = Interval.of(T0, Duration.ofDays(7));

    private static IncidentTimeline inc(String id, Severity s, long detected, Long ack, Long resolved) {
        Incident.Builder b = Incident.builder(id, "checkout", s).started(at(detected));
        if (ack != null) {
            b.acknowledged(at(ack));
        }
        if (resolved != null) {
            b.resolved(at(resolved));
        }
        return IncidentTimeline.of(b.build());
    }

    @Test
    void mttaMttrAndCompliance_perSeverityAndOverall() {
        List<IncidentTimeline> list = List.of(
                // SEV-1: ack 10 (met), resolved 200 (met)
                inc("A", Severity.SEV1, 0, 10L, 200L),
                // SEV-1: ack 20 (breach), resolved 300 (breach)
                inc("B", Severity.SEV1, 60, 80L, 360L),
                // SEV-2: ack 40 (breach), resolved 100 (met)
                inc("C", Severity.SEV2, 0, 40L, 100L),
                // SEV-3 still open, detected near the end: response pending, resolution pending
                inc("D", Severity.SEV3, 7 * 24 * 60 - 30, null, null),
                // outside the period
                inc("E", Severity.SEV1, -10, 100L, 1000L));
        IncidentSla.Stats s = POLICY.stats(list, JAN_25_TO_FEB);
        assertEquals(4, s.overall().incidents());
        assertEquals(3, s.overall().acknowledged());
        assertEquals(3, s.overall().resolved());
        assertEquals(Duration.ofMinutes(70).dividedBy(3), s.overall().mtta());
        assertEquals(Duration.ofSeconds(23 * 60 + 20), s.overall().mtta());
        assertEquals(Duration.ofMinutes((200 + 300 + 100) / 3), s.overall().mttr());
        assertEquals(3, s.bySeverity().size());
        IncidentSla.Stats.Group sev1 = s.bySeverity().get(0);
        assertEquals("SEV-1", sev1.label());
        assertEquals(Optional.of(Duration.ofMinutes(15)), sev1.meanTimeToAcknowledge());
        assertEquals(Optional.of(Duration.ofMinutes(250)), sev1.meanTimeToResolve());
        IncidentSla.Stats.Group sev3 = s.bySeverity().get(2);
        assertEquals("SEV-3", sev3.label());
        assertNull(sev3.mtta());
        assertEquals(Optional.empty(), sev3.meanTimeToResolve());
        assertEquals(1, s.responseMet());
        assertEquals(3, s.responseDecided());
        assertEquals(2, s.resolutionMet());
        assertEquals(3, s.resolutionDecided());
        assertEquals(OptionalDouble.of(0.5), s.complianceRate());
        assertEquals(OptionalDouble.of(1.0 / 3), s.responseComplianceRate());
        assertEquals(OptionalDouble.of(2.0 / 3), s.resolutionComplianceRate());
        assertEquals(JAN_25_TO_FEB, s.period());
    }

    @Test
    void openClockPastItsDeadline_countsAsBreachedAtThePeriodEnd() {
        IncidentSla.Stats s = POLICY.stats(List.of(inc("A", Severity.SEV1, 0, null, null)), Interval.of(T0, at(60)));
        assertEquals(0, s.responseMet());
        assertEquals(1, s.responseDecided());
        assertEquals(0, s.resolutionDecided());
        assertEquals(OptionalDouble.of(0), s.complianceRate());
        assertEquals(OptionalDouble.empty(), s.resolutionComplianceRate());
    }

    @Test
    void noIncidents_hasNoRates() {
        IncidentSla.Stats s = POLICY.stats(List.of(), JAN_25_TO_FEB);
        assertEquals(0, s.overall().incidents());
        assertEquals(OptionalDouble.empty(), s.complianceRate());
        assertEquals(OptionalDouble.empty(), s.responseComplianceRate());
        assertTrue(s.bySeverity().isEmpty());
        assertEquals("all", s.overall().label());
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> POLICY.stats(null, JAN_25_TO_FEB));
        assertThrows(IllegalArgumentException.class, () -> POLICY.stats(List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new IncidentSla.Stats.Group("x", 1, 2, 0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new IncidentSla.Stats.Group(" ", 1, 0, 0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new IncidentSla.Stats(JAN_25_TO_FEB,
                new IncidentSla.Stats.Group("all", 0, 0, 0, null, null), List.of(), 2, 1, 0, 0));
    }
}
