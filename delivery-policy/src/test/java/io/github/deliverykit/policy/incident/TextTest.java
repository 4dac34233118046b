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

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class TextTest {

    @Test
    void duration_isCompactAndDeterministic() {
        assertEquals("0m", Text.duration(Duration.ZERO));
        assertEquals("<1s", Text.duration(Duration.ofMillis(5)));
        assertEquals("5s", Text.duration(Duration.ofSeconds(5)));
        assertEquals("40m", Text.duration(Duration.ofMinutes(40)));
        assertEquals("1m 5s", Text.duration(Duration.ofSeconds(65)));
        assertEquals("1h", Text.duration(Duration.ofHours(1)));
        assertEquals("1h 10m", Text.duration(Duration.ofMinutes(70)));
        assertEquals("1h 0m 1s", Text.duration(Duration.ofSeconds(3601)));
        assertEquals("5d", Text.duration(Duration.ofDays(5)));
        assertEquals("2d 0h 30m", Text.duration(Duration.ofDays(2).plusMinutes(30)));
        assertEquals("1d 3h", Text.duration(Duration.ofHours(27)));
        assertEquals("-10m", Text.duration(Duration.ofMinutes(-10)));
    }
}
