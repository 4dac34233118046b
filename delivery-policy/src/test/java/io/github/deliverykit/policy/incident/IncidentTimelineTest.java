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
import static io.github.deliverykit.policy.incident.Fixtures.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class IncidentTimelineTest {

    private static final Incident SEV1 = incident(Severity.SEV1).resolved(at(100)).build();

    @Test
    void severityHistory_initialAndPeak() {
        IncidentTimeline t = IncidentTimeline.builder(SEV1)
                .severityChange(at(10), Severity.SEV3, Severity.SEV2, "spreading")
                .severityChange(at(20), Severity.SEV2, Severity.SEV1, null)
                .build();
        assertEquals(Severity.SEV3, t.initialSeverity());
        assertEquals(Severity.SEV1, t.peakSeverity());
        assertTrue(t.severityChanges().get(0).isEscalation());
        assertFalse(new SeverityChange(at(1), Severity.SEV1, Severity.SEV2, null).isEscalation());
        assertEquals(Severity.SEV1, IncidentTimeline.of(SEV1).initialSeverity());
        assertEquals("INC-2024-0125", t.displayTitle());
        assertEquals("x", IncidentTimeline.builder(SEV1).title("x").build().displayTitle());
    }

    @Test
    void listsAreSorted_andPausesMerge() {
        IncidentTimeline t = IncidentTimeline.builder(SEV1)
                .statusUpdate(at(50)).statusUpdate(at(20))
                .entry(at(30), "b").entry(at(30), "a").entry(at(5), "z")
                .pause(at(40), at(60), "x").pause(at(50), at(70), "y")
                .build();
        assertEquals(List.of(at(20), at(50)), t.statusUpdates());
        assertEquals(List.of("z", "a", "b"), t.entries().stream().map(Entry::text).toList());
        assertEquals(List.of(Interval.of(at(40), at(70))), t.pauseSet().intervals());
        assertEquals(Duration.ofMinutes(30), t.pauseSet().total());
    }

    @Test
    void brokenRules_areRejectedNamingTheField() {
        IllegalArgumentException chain = assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1)
                .severityChange(at(10), Severity.SEV3, Severity.SEV2, null)
                .severityChange(at(20), Severity.SEV3, Severity.SEV1, null).build());
        assertEquals("severityChanges[1].from must equal the previous change's 'to' (SEV-2), but was SEV-3",
                chain.getMessage());
        IllegalArgumentException end = assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1)
                .severityChange(at(10), Severity.SEV1, Severity.SEV2, null).build());
        assertTrue(end.getMessage().startsWith("severityChanges must end at the incident's severity SEV-1"));
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1)
                .severityChange(at(-1), Severity.SEV2, Severity.SEV1, null).build());
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1)
                .severityChange(at(101), Severity.SEV2, Severity.SEV1, null).build());
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1)
                .severityChange(at(20), Severity.SEV3, Severity.SEV2, null)
                .severityChange(at(10), Severity.SEV2, Severity.SEV1, null).build());
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1).pause(at(-1), at(5), "x").build());
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1).pause(at(90), at(101), "x").build());
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1).pause(at(9), at(5), "x"));
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1).pause(at(1), at(5), " "));
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1).statusUpdate(at(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1).statusUpdate(null));
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1).title(" ").build());
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1).summary("").build());
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(null));
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1).entry(T0, " "));
        assertThrows(IllegalArgumentException.class, () -> IncidentTimeline.builder(SEV1).entry(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new SeverityChange(T0, Severity.SEV1, Severity.SEV1, null));
        assertThrows(IllegalArgumentException.class, () -> new SeverityChange(T0, Severity.SEV1, Severity.SEV2, " "));
        assertThrows(IllegalArgumentException.class, () -> new SeverityChange(null, Severity.SEV1, Severity.SEV2, null));
        assertThrows(IllegalArgumentException.class, () -> new Pause(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new IncidentTimeline(null, null, null, null, List.of(),
                List.of(), List.of(), List.of(), null, null));
        assertThrows(IllegalArgumentException.class, () -> new IncidentTimeline(SEV1, null, null, null, null,
                List.of(), List.of(), List.of(), null, null));
    }

    @Test
    void resultRecords_validateTheirFields() {
        assertThrows(IllegalArgumentException.class, () -> new StatusUpdates(true, null, 0, 0, List.of(T0)));
        assertThrows(IllegalArgumentException.class, () -> new StatusUpdates(true, null, -1, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ClockResult(ClockKind.RESPONSE, Severity.SEV1, T0,
                Duration.ZERO, T0, null, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, SlaStatus.MET, false));
        assertThrows(IllegalArgumentException.class, () -> new ClockResult(ClockKind.RESPONSE, Severity.SEV1, T0,
                Duration.ofMinutes(1), T0, null, Duration.ofMinutes(-1), Duration.ZERO, Duration.ZERO, Duration.ZERO,
                SlaStatus.MET, false));
        assertThrows(IllegalArgumentException.class, () -> new SeverityClassification.Result(null, false,
                io.github.deliverykit.core.finding.Findings.none()));
        assertEquals("response", ClockKind.RESPONSE.code());
        assertEquals("resolution", ClockKind.RESOLUTION.code());
    }
}
