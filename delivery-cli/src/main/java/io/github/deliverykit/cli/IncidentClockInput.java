package io.github.deliverykit.cli;

import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.policy.incident.IncidentEventLog;
import io.github.deliverykit.policy.incident.IncidentSlaConfig;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockCondition;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockDefinition;
import io.github.deliverykit.policy.incident.IncidentTimeline;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The optional SLA-clock input of one incident of {@code incident-report}: its {@code events} (the
 * incident's life as typed events, read into an {@link IncidentEventLog}) and its {@code olas} (one
 * operational-level target per assignment group). Events must be in time order and make sense in
 * sequence (a resume needs a pause, a reopen a resolution, nothing follows a cancel); every problem
 * is an {@link InputException} naming the incident, the event index, the field and the value.
 */
final class IncidentClockInput {

    /** The status an incident gets from a {@code reopen} event. */
    static final String REOPENED = "reopened";
    /** The status an incident gets from a {@code cancel} event; every clock cancels on it. */
    static final String CANCELLED = "cancelled";

    /** The event types, each with the one extra field it takes (or none). */
    private static final Map<String, @Nullable String> TYPES = types();

    private static Map<String, @Nullable String> types() {
        Map<String, @Nullable String> m = new LinkedHashMap<>();
        m.put("acknowledge", null);
        m.put("assign", "group");
        m.put("cancel", null);
        m.put("pause", null);
        m.put("reopen", null);
        m.put("resolve", null);
        m.put("resume", null);
        m.put("severity", "severity");
        return m;
    }

    /**
     * What the clocks are read from.
     *
     * @param log the event log (origin at detection, the initial severity)
     * @param config the clocks: response and resolution (the table's targets) and one OLA per group,
     *     each cancelled by a {@code cancel} event
     * @param events the number of events read
     * @param mismatches how the incident's own {@code acknowledged} / {@code resolved} disagree with
     *     the events (a WARN each, {@code incident-report.events.mismatch}); empty when they agree
     */
    record Clocks(IncidentEventLog log, IncidentSlaConfig config, int events, Findings mismatches) {}

    private IncidentClockInput() {}

    /**
     * Reads an incident's {@code events} and {@code olas}.
     *
     * @param in the incident object
     * @param timeline the incident's timeline (detection and the initial severity)
     * @return the clocks' input, or null when the incident has no {@code events}
     * @throws InputException on any invalid event or OLA
     */
    static @Nullable Clocks read(JsonInput in, IncidentTimeline timeline) {
        String id = timeline.incident().id();
        List<JsonInput> olas = in.optObjects("olas");
        if (!in.has("events")) {
            if (!olas.isEmpty()) {
                throw in.problem("olas", "incident " + id + ": olas need events (the OLA clocks run on the "
                        + "assignments of the event list)");
            }
            return null;
        }
        IncidentSlaConfig config = config(olas, id);
        Instant origin = timeline.incident().detected();
        IncidentEventLog.Builder log = IncidentEventLog.builder(origin, timeline.initialSeverity());
        List<JsonInput> events = in.objects("events");
        String status = IncidentEventLog.NEW;
        int pausedAt = -1;
        int cancelledAt = -1;
        Instant previous = origin;
        Instant firstAck = null;
        List<Instant> resolves = new ArrayList<>();
        for (int k = 0; k < events.size(); k++) {
            JsonInput e = events.get(k);
            String where = "incident " + id + ", event " + k + ": ";
            String type = e.string("type");
            if (!TYPES.containsKey(type)) {
                throw e.problem("type", where + "unknown event type '" + type + "' (one of: "
                        + String.join(", ", TYPES.keySet()) + ")");
            }
            String extra = TYPES.get(type);
            List<String> allowed = new ArrayList<>(List.of("at", "type"));
            if (extra != null) {
                allowed.add(extra);
            }
            for (String name : e.fieldNames()) {
                if (!allowed.contains(name)) {
                    throw e.problem(name, where + "unknown field for a '" + type + "' event (known fields: "
                            + String.join(", ", allowed) + ")");
                }
            }
            String text = e.string("at");
            Instant at;
            try {
                at = Instant.parse(text);
            } catch (DateTimeParseException x) {
                throw e.problem("at", where + "must be an ISO-8601 instant like 2024-01-25T09:00:00Z, but was '"
                        + text + "'");
            }
            if (at.isBefore(origin)) {
                throw e.problem("at", where + "'" + text + "' is before the incident's detection " + origin);
            }
            if (at.isBefore(previous)) {
                throw e.problem("at", where + "'" + text + "' is before event " + (k - 1) + " (" + previous
                        + "): events must be in time order");
            }
            previous = at;
            if (cancelledAt >= 0) {
                throw e.problem("type", where + "'" + type + "' after the cancel of event " + cancelledAt
                        + ": no event may follow a cancel");
            }
            switch (type) {
                case "acknowledge":
                    if (!status.equals(IncidentEventLog.NEW) && !status.equals(REOPENED)) {
                        throw e.problem("type", where + "'acknowledge' while the incident is " + status
                                + " (only a new or reopened incident is acknowledged)");
                    }
                    status = IncidentEventLog.ACKNOWLEDGED;
                    firstAck = firstAck == null ? at : firstAck;
                    break;
                case "resolve":
                    if (status.equals(IncidentEventLog.RESOLVED)) {
                        throw e.problem("type", where + "'resolve' while the incident is already resolved");
                    }
                    status = IncidentEventLog.RESOLVED;
                    resolves.add(at);
                    break;
                case "reopen":
                    if (!status.equals(IncidentEventLog.RESOLVED)) {
                        throw e.problem("type", where + "'reopen' while the incident is " + status
                                + " (only a resolved incident is reopened)");
                    }
                    status = REOPENED;
                    break;
                case "cancel":
                    if (status.equals(IncidentEventLog.RESOLVED)) {
                        throw e.problem("type", where + "'cancel' while the incident is resolved");
                    }
                    status = CANCELLED;
                    cancelledAt = k;
                    break;
                case "pause":
                    if (pausedAt >= 0) {
                        throw e.problem("type", where + "'pause' while already paused (since event " + pausedAt + ")");
                    }
                    pausedAt = k;
                    log.hold(at, true);
                    continue;
                case "resume":
                    if (pausedAt < 0) {
                        throw e.problem("type", where + "'resume' without a pause before it");
                    }
                    pausedAt = -1;
                    log.hold(at, false);
                    continue;
                case "assign":
                    String group = e.string("group");
                    if (group.isBlank()) {
                        throw e.problem("group", where + "must not be blank, but was '" + group + "'");
                    }
                    log.group(at, group);
                    continue;
                default: // severity
                    log.severity(at, severity(e, where));
                    continue;
            }
            log.status(at, status);
        }
        try {
            return new Clocks(log.build(), config, events.size(), mismatches(timeline, firstAck, resolves,
                    status.equals(IncidentEventLog.RESOLVED)));
        } catch (IllegalArgumentException x) {
            throw in.problem("events", "incident " + id + ": " + x.getMessage());
        }
    }

    /**
     * Where the incident's fields and its events disagree: {@code acknowledged} must be the first
     * {@code acknowledge} event, {@code resolved} one of the {@code resolve} events, and an incident
     * whose last status event is a resolve must have {@code resolved}.
     */
    private static Findings mismatches(IncidentTimeline timeline, @Nullable Instant firstAck, List<Instant> resolves,
            boolean resolvedNow) {
        List<Finding> out = new ArrayList<>();
        Instant ack = timeline.incident().acknowledged();
        if (!java.util.Objects.equals(ack, firstAck)) {
            out.add(mismatch("acknowledged", ack, "the first acknowledge event", firstAck));
        }
        Instant resolved = timeline.incident().resolved();
        if (resolved != null ? !resolves.contains(resolved) : resolvedNow) {
            out.add(mismatch("resolved", resolved, "the resolve events", resolves.isEmpty() ? null : resolves));
        }
        return Findings.of(out);
    }

    private static Finding mismatch(String field, @Nullable Instant incident, String what, @Nullable Object events) {
        return Finding.warn("incident-report.events.mismatch", "The incident's " + field + " ("
                + (incident == null ? "none" : incident) + ") is not " + what + " (" + (events == null ? "none" : events)
                + "): the report above reads the field, the SLA clocks read the events",
                Facts.of("field", field, "incident", incident == null ? "none" : incident, "events",
                        events == null ? "none" : events));
    }

    private static Severity severity(JsonInput e, String where) {
        String text = e.string("severity");
        Severity least = IncidentSlaConfig.SlaTable.seed().leastSevere();
        Severity s;
        try {
            s = Severity.parse(text);
        } catch (IllegalArgumentException x) {
            throw e.problem("severity", where + "unknown severity '" + text + "' (SEV-1 .. " + least + ")");
        }
        if (least.isMoreSevereThan(s)) {
            throw e.problem("severity", where + "unknown severity '" + text + "' (SEV-1 .. " + least + ")");
        }
        return s;
    }

    private static IncidentSlaConfig config(List<JsonInput> olas, String id) {
        ClockCondition cancelled = ClockCondition.is(IncidentEventLog.STATUS, CANCELLED);
        IncidentSlaConfig.Builder b = IncidentSlaConfig.custom()
                .clock(ClockDefinition.response().withCancel(cancelled))
                .clock(ClockDefinition.resolution().withCancel(cancelled));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int k = 0; k < olas.size(); k++) {
            JsonInput o = olas.get(k);
            String where = "incident " + id + ", ola " + k + ": ";
            o.allowOnly("group", "target");
            String group = o.string("group");
            if (group.isBlank()) {
                throw o.problem("group", where + "must not be blank, but was '" + group + "'");
            }
            Integer first = seen.putIfAbsent(group, k);
            if (first != null) {
                throw o.problem("group", where + "duplicate group '" + group + "' (first at ola " + first + ")");
            }
            String text = o.string("target").trim();
            Duration target = JsonInput.parseDuration(text);
            if (target == null || target.isNegative() || target.isZero()) {
                throw o.problem("target", where + "must be a positive duration like PT2H, 30m, 4h or 5d, but was '"
                        + text + "'");
            }
            try {
                b.clock(ClockDefinition.ola(group, target).withCancel(cancelled));
            } catch (IllegalArgumentException x) {
                throw o.problem("target", where + x.getMessage());
            }
        }
        return b.build();
    }
}
