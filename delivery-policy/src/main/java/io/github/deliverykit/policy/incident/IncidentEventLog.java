package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The event log an incident's SLA clocks are recomputed from ({@link IncidentSla#evaluate(IncidentEventLog,
 * java.time.Clock)}): an origin (detection), the severity at the origin, and field changes in time
 * order. Each {@link Event} sets one field of the incident's state ({@value #STATUS}, {@value #SEVERITY},
 * {@value #GROUP}, {@value #HOLD} or any field of the caller's) to a value; the clock conditions of
 * {@link IncidentSlaConfig.ClockDefinition} read that state. The state at the origin is
 * {@code status=new} and {@code severity=<the given severity>}; other fields are unset.
 *
 * <p>Events are sorted by instant on construction; events at one instant keep their order (the last
 * one on a field wins), and clocks read the state after all events of an instant. Immutable.
 *
 * @param origin when the log starts (detection); no event lies before it
 * @param severity the severity at the origin
 * @param events the field changes, sorted by instant (stable) on construction
 */
public record IncidentEventLog(Instant origin, Severity severity, List<Event> events) {

    /** The status field: {@value #NEW}, {@value #ACKNOWLEDGED}, {@value #RESOLVED} or a caller's status. */
    public static final String STATUS = "status";
    /** The severity field, e.g. {@code SEV-2}. */
    public static final String SEVERITY = "severity";
    /** The assignment group field, e.g. {@code network}. */
    public static final String GROUP = "group";
    /** The hold field: {@value #ON} while the incident waits (on the customer, a vendor), {@value #OFF} after. */
    public static final String HOLD = "hold";
    /** The status at the origin. */
    public static final String NEW = "new";
    /** The status once acknowledged. */
    public static final String ACKNOWLEDGED = "acknowledged";
    /** The status once resolved. */
    public static final String RESOLVED = "resolved";
    /** A hold in force. */
    public static final String ON = "on";
    /** No hold. */
    public static final String OFF = "off";

    /**
     * One field change.
     *
     * @param at when
     * @param field the field, e.g. {@value IncidentEventLog#STATUS}
     * @param value the new value; a {@value IncidentEventLog#SEVERITY} value must parse as a severity
     */
    public record Event(Instant at, String field, String value) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null or blank, or a severity value does not parse
         */
        public Event {
            Checks.notNull(at, "at");
            Checks.notBlank(field, "field");
            Checks.notBlank(value, "value");
            if (field.equals(SEVERITY)) {
                value = Severity.parse(value).toString();
            }
        }
    }

    /**
     * Validates and sorts the log.
     *
     * @throws IllegalArgumentException if a value is null, an event lies before the origin, or an
     *     instant lies outside the supported range
     */
    public IncidentEventLog {
        Checks.notNull(origin, "origin");
        Checks.notNull(severity, "severity");
        inRange(origin, "origin");
        List<Event> copy = new ArrayList<>(Checks.listOf(events, "events"));
        for (int i = 0; i < copy.size(); i++) {
            Instant at = copy.get(i).at();
            Checks.notBefore(origin, "origin", at, "events[" + i + "].at");
            inRange(at, "events[" + i + "].at");
        }
        copy.sort(Comparator.comparing(Event::at));
        events = List.copyOf(copy);
    }

    private static void inRange(Instant t, String field) {
        if (t.isBefore(Interval.MIN) || t.isAfter(Interval.MAX)) {
            throw Checks.invalid(field, "must lie between " + Interval.MIN + " and " + Interval.MAX, t);
        }
    }

    /**
     * Starts a log.
     *
     * @param origin when it starts (detection)
     * @param severity the severity at the origin
     * @return the builder
     * @throws IllegalArgumentException if a value is null
     */
    public static Builder builder(Instant origin, Severity severity) {
        return new Builder(Checks.notNull(origin, "origin"), Checks.notNull(severity, "severity"));
    }

    /**
     * The log of a timeline: origin at detection with the initial severity; {@code status} goes to
     * {@value #ACKNOWLEDGED} at acknowledgement (when not after resolution) and {@value #RESOLVED} at
     * resolution; each severity change sets {@code severity}; {@code hold} is {@value #ON} inside the
     * union of the pauses and {@value #OFF} at the end of each.
     *
     * @param timeline the timeline
     * @return the log
     * @throws IllegalArgumentException if timeline is null
     */
    public static IncidentEventLog of(IncidentTimeline timeline) {
        Checks.notNull(timeline, "timeline");
        Incident inc = timeline.incident();
        Builder b = builder(inc.detected(), timeline.initialSeverity());
        for (IncidentTimeline.SeverityChange c : timeline.severityChanges()) {
            b.severity(c.at(), c.to());
        }
        for (Interval p : timeline.pauseSet().intervals()) {
            b.hold(p.start(), true);
            b.hold(p.end(), false);
        }
        Instant ack = inc.acknowledged();
        Instant resolved = inc.resolved();
        if (ack != null && (resolved == null || !ack.isAfter(resolved))) {
            b.status(ack, ACKNOWLEDGED);
        }
        if (resolved != null) {
            b.status(resolved, RESOLVED);
        }
        return b.build();
    }

    /**
     * The log up to an instant: the events at or before it.
     *
     * @param upTo the last instant kept
     * @return the prefix
     * @throws IllegalArgumentException if upTo is null
     */
    public IncidentEventLog prefix(Instant upTo) {
        Checks.notNull(upTo, "upTo");
        List<Event> kept = new ArrayList<>();
        for (Event e : events) {
            if (!e.at().isAfter(upTo)) {
                kept.add(e);
            }
        }
        return new IncidentEventLog(origin, severity, kept);
    }

    /** Builds an {@link IncidentEventLog}; events may be added in any time order. */
    public static final class Builder {
        private final Instant origin;
        private final Severity severity;
        private final List<Event> events = new ArrayList<>();

        private Builder(Instant origin, Severity severity) {
            this.origin = origin;
            this.severity = severity;
        }

        /**
         * Adds a field change.
         *
         * @param at when
         * @param field the field
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if a value is null or blank
         */
        public Builder event(Instant at, String field, String value) {
            events.add(new Event(at, field, value));
            return this;
        }

        /**
         * Sets the status.
         *
         * @param at when
         * @param status the status, e.g. {@value IncidentEventLog#RESOLVED}
         * @return this builder
         * @throws IllegalArgumentException if a value is null or blank
         */
        public Builder status(Instant at, String status) {
            return event(at, STATUS, status);
        }

        /**
         * Sets the severity.
         *
         * @param at when
         * @param severity the severity
         * @return this builder
         * @throws IllegalArgumentException if a value is null
         */
        public Builder severity(Instant at, Severity severity) {
            return event(at, SEVERITY, Checks.notNull(severity, "severity").toString());
        }

        /**
         * Assigns the incident to a group.
         *
         * @param at when
         * @param group the assignment group
         * @return this builder
         * @throws IllegalArgumentException if a value is null or blank
         */
        public Builder group(Instant at, String group) {
            return event(at, GROUP, group);
        }

        /**
         * Puts the incident on hold or takes it off.
         *
         * @param at when
         * @param on true for {@value IncidentEventLog#ON}, false for {@value IncidentEventLog#OFF}
         * @return this builder
         * @throws IllegalArgumentException if at is null
         */
        public Builder hold(Instant at, boolean on) {
            return event(at, HOLD, on ? ON : OFF);
        }

        /**
         * Builds the log.
         *
         * @return the log
         * @throws IllegalArgumentException if an event lies before the origin
         */
        public IncidentEventLog build() {
            return new IncidentEventLog(origin, severity, events);
        }
    }
}
