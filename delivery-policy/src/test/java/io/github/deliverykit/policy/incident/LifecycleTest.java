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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class LifecycleTest {

    @Test
    void happyPath_walksTheFivePhasesWithTimestamps() {
        Lifecycle l = Lifecycle.start(T0)
                .to(Phase.TRIAGE, at(3), "IC: alice")
                .to(Phase.RESPOND, at(10))
                .to(Phase.RESOLVE, at(90))
                .to(Phase.REVIEW, at(120));
        assertEquals(Phase.REVIEW, l.phase());
        assertEquals(at(120), l.since());
        assertEquals(4, l.transitions().size());
        assertEquals(new Transition(Phase.DETECT, Phase.TRIAGE, at(3), "IC: alice"), l.transitions().get(0));
        assertEquals(Optional.of(T0), l.entered(Phase.DETECT));
        assertEquals(Optional.of(at(10)), l.entered(Phase.RESPOND));
        assertEquals(Phase.DETECT, Lifecycle.start(T0).phase());
        assertEquals(T0, Lifecycle.start(T0).since());
        assertEquals(Optional.empty(), Lifecycle.start(T0).entered(Phase.TRIAGE));
    }

    @Test
    void skippingAPhase_isRejectedWithAClearError() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> Lifecycle.start(T0).to(Phase.RESOLVE, at(1)));
        assertEquals("illegal incident transition DETECT -> RESOLVE: from DETECT the process allows [TRIAGE]",
                e.getMessage());
        assertEquals(Phase.DETECT, e.from());
        assertEquals(Phase.RESOLVE, e.to());
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void review_isFinal_andStayingPutIsNotATransition() {
        Lifecycle done = Lifecycle.start(T0).to(Phase.TRIAGE, at(1)).to(Phase.RESPOND, at(2))
                .to(Phase.RESOLVE, at(3)).to(Phase.REVIEW, at(4));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> done.to(Phase.RESPOND, at(5)));
        assertTrue(e.getMessage().endsWith("nothing (REVIEW is final)"), e.getMessage());
        assertThrows(IllegalTransitionException.class, () -> Lifecycle.start(T0).to(Phase.DETECT, at(1)));
        assertEquals(Set.of(), Lifecycle.allowedFrom(Phase.REVIEW));
    }

    @Test
    void resolve_mayReopenToRespond() {
        Lifecycle l = Lifecycle.start(T0).to(Phase.TRIAGE, at(1)).to(Phase.RESPOND, at(2)).to(Phase.RESOLVE, at(3))
                .to(Phase.RESPOND, at(4), "fix did not hold").to(Phase.RESOLVE, at(5));
        assertEquals(Phase.RESOLVE, l.phase());
        assertEquals(Optional.of(at(3)), l.entered(Phase.RESOLVE));
        assertEquals(EnumSet.of(Phase.RESPOND, Phase.REVIEW), Lifecycle.allowedFrom(Phase.RESOLVE));
        assertTrue(Lifecycle.isAllowed(Phase.RESOLVE, Phase.RESPOND));
        assertFalse(Lifecycle.isAllowed(Phase.RESPOND, Phase.TRIAGE));
        assertFalse(Lifecycle.isAllowed(Phase.TRIAGE, Phase.DETECT));
    }

    @Test
    void timeGoingBackwards_isRejected() {
        Lifecycle l = Lifecycle.start(T0).to(Phase.TRIAGE, at(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.to(Phase.RESPOND, at(4)));
        assertFalse(e instanceof IllegalTransitionException);
        assertTrue(e.getMessage().startsWith("at must not be before the last transition"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lifecycle.start(T0).to(Phase.TRIAGE, at(-1)));
        // the same instant is fine
        assertEquals(Phase.RESPOND, l.to(Phase.RESPOND, at(5)).phase());
    }

    @Test
    void recordedHistory_isValidated() {
        assertThrows(IllegalTransitionException.class, () -> new Lifecycle(T0,
                List.of(new Transition(Phase.DETECT, Phase.RESPOND, at(1), null))));
        IllegalArgumentException from = assertThrows(IllegalArgumentException.class, () -> new Lifecycle(T0,
                List.of(new Transition(Phase.TRIAGE, Phase.RESPOND, at(1), null))));
        assertTrue(from.getMessage().startsWith("transitions[0].from must be the current phase DETECT"), from.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Lifecycle(T0, List.of(
                new Transition(Phase.DETECT, Phase.TRIAGE, at(2), null),
                new Transition(Phase.TRIAGE, Phase.RESPOND, at(1), null))));
        assertThrows(IllegalArgumentException.class, () -> new Lifecycle(T0, List.of(
                new Transition(Phase.DETECT, Phase.TRIAGE, at(-2), null))));
        assertEquals(Phase.TRIAGE, new Lifecycle(T0, List.of(new Transition(Phase.DETECT, Phase.TRIAGE, T0, null))).phase());
    }

    @Test
    void nullInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Lifecycle.start(null));
        assertThrows(IllegalArgumentException.class, () -> Lifecycle.start(T0).to(null, at(1)));
        assertThrows(IllegalArgumentException.class, () -> Lifecycle.start(T0).to(Phase.TRIAGE, null));
        assertThrows(IllegalArgumentException.class, () -> Lifecycle.start(T0).to(Phase.TRIAGE, at(1), " "));
        assertThrows(IllegalArgumentException.class, () -> Lifecycle.allowedFrom(null));
        assertThrows(IllegalArgumentException.class, () -> Lifecycle.isAllowed(Phase.DETECT, null));
        assertThrows(IllegalArgumentException.class, () -> Lifecycle.start(T0).entered(null));
        assertThrows(IllegalArgumentException.class, () -> new Lifecycle(T0, null));
        assertThrows(IllegalArgumentException.class, () -> new Transition(null, Phase.TRIAGE, T0, null));
        assertThrows(IllegalArgumentException.class, () -> new Transition(Phase.DETECT, null, T0, null));
        assertThrows(IllegalArgumentException.class, () -> new Transition(Phase.DETECT, Phase.TRIAGE, null, null));
    }
}
