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

import io.github.deliverykit.core.event.Severity;
import java.time.Duration;
import java.util.List;

/** A test-only five-level table, registered in src/test/resources/META-INF/services. */
public final class StrictTestSlaTableProvider implements SlaTableProvider {

    @Override
    public String id() {
        return "test-strict";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public SlaTable table() {
        return SlaTable.of("test-strict", List.of(
                SlaTarget.of(Severity.SEV1, Duration.ofMinutes(5), Duration.ofHours(1)),
                SlaTarget.of(Severity.SEV2, Duration.ofMinutes(15), Duration.ofHours(4)),
                SlaTarget.of(Severity.SEV3, Duration.ofHours(1), Duration.ofHours(12)),
                SlaTarget.of(Severity.SEV4, Duration.ofHours(4), Duration.ofDays(2)),
                SlaTarget.of(Severity.of(5), Duration.ofDays(1), Duration.ofDays(10))));
    }
}
