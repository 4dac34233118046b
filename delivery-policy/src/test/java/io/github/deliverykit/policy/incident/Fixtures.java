package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockKind;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockResult;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemReview;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.StatusUpdates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared instants and builders for the incident tests. */
final class Fixtures {

    /** Thursday 2024-01-25 10:00 UTC. */
    static final Instant T0 = Instant.parse("2024-01-25T10:00:00Z");

    static final IncidentSla SEED = IncidentSla.of(IncidentSlaConfig.ofDefaults());

    private Fixtures() {}

    static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Clock clockAt(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    static Incident.Builder incident(Severity severity) {
        return Incident.builder("INC-2024-0125", "checkout", severity).started(T0).detected(T0);
    }

    static IncidentTimeline timeline(Incident incident) {
        return IncidentTimeline.of(incident);
    }

    static IncidentSlaDecision evaluate(IncidentSla sla, IncidentTimeline timeline, Instant now) {
        return sla.evaluate(timeline, now == null ? null : clockAt(now));
    }

    static IncidentSlaDecision evaluate(IncidentSla sla, IncidentTimeline timeline, Clock clock) {
        return sla.evaluate(timeline, clock);
    }

    static IncidentSlaDecision report(IncidentTimeline timeline, Instant now) {
        return evaluate(SEED, timeline, now);
    }

    static ClockResult clock(IncidentSla sla, IncidentTimeline timeline, ClockKind kind, Instant now) {
        IncidentSlaDecision d = evaluate(sla, timeline, now);
        return d.clock(kind);
    }

    static StatusUpdates statusUpdates(IncidentSla sla, IncidentTimeline timeline, Instant now) {
        return evaluate(sla, timeline, now).statusUpdates();
    }

    static PostMortemReview reviewPostMortem(IncidentSla sla, IncidentTimeline timeline, Instant now) {
        return evaluate(sla, timeline, now).postMortem();
    }

    static SeverityClassification.Result classify(SeverityClassification c, SeverityClassification.Impact impact) {
        return c.evaluate(impact, clockAt(T0));
    }
}
