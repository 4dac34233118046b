package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.check.Checks;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.IntervalSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the incident SLA engine ({@link IncidentSla}) and the incident report read: the core {@link Incident}
 * (whose severity is the current one) plus severity changes, pauses, status updates, free-form
 * timeline entries, the lifecycle, the impact facts and the post-mortem.
 *
 * <p>Rules: severity changes are in time order, between detection and resolution, chained (each
 * {@code from} is the previous {@code to}) and end at the incident's severity; pauses and status
 * updates lie between detection and resolution.
 *
 * @param incident the incident
 * @param title a one-line title, or null to use the id
 * @param summary a short summary, or null
 * @param impact the impact facts, or null when not recorded
 * @param severityChanges the severity changes in time order
 * @param pauses the clock pauses
 * @param statusUpdates when status updates went out, sorted on construction
 * @param entries free-form timeline entries, sorted on construction
 * @param lifecycle the lifecycle, or null when not tracked
 * @param postMortem the post-mortem, or null when none exists yet
 */
public record IncidentTimeline(
        Incident incident,
        @Nullable String title,
        @Nullable String summary,
        SeverityClassification.@Nullable Impact impact,
        List<SeverityChange> severityChanges,
        List<Pause> pauses,
        List<Instant> statusUpdates,
        List<Entry> entries,
        @Nullable Lifecycle lifecycle,
        @Nullable PostMortem postMortem) {

    /**
     * One time-stamped line of an incident timeline.
     *
     * @param at when it happened
     * @param text what happened
     */
    public record Entry(Instant at, String text) implements Comparable<Entry> {

        /**
         * Validates the entry.
         *
         * @throws IllegalArgumentException if a field is null or the text blank
         */
        public Entry {
            Checks.notNull(at, "at");
            Checks.notBlank(text, "text");
        }

        /**
         * Orders by time, then text.
         *
         * @param other the other entry
         * @return the comparison
         */
        @Override
        public int compareTo(Entry other) {
            int c = at.compareTo(other.at);
            return c != 0 ? c : text.compareTo(other.text);
        }
    }

    /**
     * A severity change during an incident. From {@code at} on, running SLA clocks are re-targeted:
     * see {@link IncidentSla} for the rule.
     *
     * @param at when the severity changed
     * @param from the severity before
     * @param to the severity after, different from {@code from}
     * @param reason why, or null
     */
    public record SeverityChange(Instant at, Severity from, Severity to, @Nullable String reason) {

        /**
         * Validates the change.
         *
         * @throws IllegalArgumentException if a field is null, from equals to, or the reason is blank
         */
        public SeverityChange {
            Checks.notNull(at, "at");
            Checks.notNull(from, "from");
            Checks.notNull(to, "to");
            if (from.equals(to)) {
                throw Checks.invalid("to", "must differ from 'from' (" + from + ")", to);
            }
            if (reason != null) {
                Checks.notBlank(reason, "reason");
            }
        }

        /**
         * Whether this change raises the severity.
         *
         * @return true when {@code to} is more severe than {@code from}
         */
        public boolean isEscalation() {
            return to.isMoreSevereThan(from);
        }
    }

    /**
     * A period in which the SLA clocks stop, e.g. waiting on the customer. An ongoing pause is recorded
     * up to the evaluation instant.
     *
     * @param interval when the clocks stood still
     * @param reason why, e.g. {@code waiting on customer}
     */
    public record Pause(Interval interval, String reason) {

        /**
         * Validates the pause.
         *
         * @throws IllegalArgumentException if a field is null or the reason blank
         */
        public Pause {
            Checks.notNull(interval, "interval");
            Checks.notBlank(reason, "reason");
        }
    }

    /**
     * A post-mortem document: its timeline, root cause and action items, and when it was published
     * (null while a draft). Missing parts are allowed here and reported as findings by
     * {@link IncidentSla#evaluate}.
     *
     * @param published when it was published, or null for a draft
     * @param timeline the reconstructed timeline, sorted on construction
     * @param rootCause the root cause, or null when not yet known
     * @param actionItems the action items in order
     */
    public record PostMortem(@Nullable Instant published, List<Entry> timeline, @Nullable String rootCause,
            List<ActionItem> actionItems) {

        /**
         * Validates and copies the document.
         *
         * @throws IllegalArgumentException if a list or element is null or the root cause blank
         */
        public PostMortem {
            timeline = Checks.listOf(timeline, "timeline").stream().sorted().toList();
            if (rootCause != null) {
                Checks.notBlank(rootCause, "rootCause");
            }
            actionItems = Checks.listOf(actionItems, "actionItems");
        }

        /**
         * Whether it has been published.
         *
         * @return true when published
         */
        public boolean isPublished() {
            return published != null;
        }

        /**
         * A post-mortem action item. Owner and due date are required by the process but may be missing in
         * a draft: {@link IncidentSla#evaluate} reports them as findings.
         *
         * @param description what is to be done
         * @param owner who owns it, or null when not yet assigned
         * @param due when it is due, or null when not yet set
         * @param done when it was completed, or null while open
         */
        public record ActionItem(String description, @Nullable String owner, @Nullable Instant due, @Nullable Instant done) {

            /**
             * Validates the item.
             *
             * @throws IllegalArgumentException if the description is blank or a present owner is blank
             */
            public ActionItem {
                Checks.notBlank(description, "description");
                if (owner != null) {
                    Checks.notBlank(owner, "owner");
                }
            }

            /**
             * An open item with owner and due date.
             *
             * @param description what
             * @param owner who
             * @param due when
             * @return the item
             */
            public static ActionItem of(String description, String owner, Instant due) {
                return new ActionItem(description, Checks.notBlank(owner, "owner"), Checks.notNull(due, "due"), null);
            }

            /**
             * This item marked done.
             *
             * @param at when it was done
             * @return a new item
             */
            public ActionItem completed(Instant at) {
                return new ActionItem(description, owner, due, Checks.notNull(at, "done"));
            }

            /**
             * Whether the item is still open at {@code now} and past its due date.
             *
             * @param now the evaluation instant
             * @return true if overdue
             */
            public boolean isOverdue(Instant now) {
                Checks.notNull(now, "now");
                return done == null && due != null && now.isAfter(due);
            }
        }
    }

    /**
     * The incident state machine DETECT, TRIAGE, RESPOND, RESOLVE, REVIEW as an immutable value. Each
     * step moves one phase forward; the only way back is RESOLVE to RESPOND (reopening when the fix
     * does not hold). REVIEW is final. Transitions are time-stamped and never go back in time. Every
     * {@link #to} returns a new value; an illegal move throws {@link IllegalTransitionException}.
     *
     * @param detected when the incident entered DETECT
     * @param transitions the transitions in order
     */
    public record Lifecycle(Instant detected, List<Transition> transitions) {

        /**
         * Validates the history: each transition starts where the previous ended, is allowed, and is
         * not earlier than the one before.
         *
         * @throws IllegalArgumentException if a field is null or the times go backwards
         * @throws IllegalTransitionException if a transition is not allowed
         */
        public Lifecycle {
            Checks.notNull(detected, "detected");
            transitions = Checks.listOf(transitions, "transitions");
            Phase phase = Phase.DETECT;
            Instant last = detected;
            for (int i = 0; i < transitions.size(); i++) {
                Transition t = transitions.get(i);
                if (t.from() != phase) {
                    throw Checks.invalid("transitions[" + i + "].from", "must be the current phase " + phase, t.from());
                }
                check(phase, t.to());
                Checks.notBefore(last, i == 0 ? "detected" : "transitions[" + (i - 1) + "].at", t.at(),
                        "transitions[" + i + "].at");
                phase = t.to();
                last = t.at();
            }
        }

        /**
         * A lifecycle in DETECT.
         *
         * @param detected when the incident was detected
         * @return the lifecycle
         */
        public static Lifecycle start(Instant detected) {
            return new Lifecycle(Checks.notNull(detected, "detected"), List.of());
        }

        /**
         * The phases reachable from a phase in one step.
         *
         * @param from the phase
         * @return the allowed targets
         */
        public static Set<Phase> allowedFrom(Phase from) {
            Checks.notNull(from, "from");
            EnumSet<Phase> out = EnumSet.noneOf(Phase.class);
            if (from != Phase.REVIEW) {
                out.add(Phase.values()[from.ordinal() + 1]);
            }
            if (from == Phase.RESOLVE) {
                out.add(Phase.RESPOND);
            }
            return out;
        }

        /**
         * Whether one step from {@code from} to {@code to} is allowed.
         *
         * @param from the current phase
         * @param to the target phase
         * @return true if allowed
         */
        public static boolean isAllowed(Phase from, Phase to) {
            Checks.notNull(to, "to");
            return allowedFrom(from).contains(to);
        }

        private static void check(Phase from, Phase to) {
            if (!isAllowed(from, to)) {
                throw new IllegalTransitionException(from, to, Checks.message(
                        "illegal incident transition %s -> %s: from %s the process allows %s", from, to, from,
                        from == Phase.REVIEW ? "nothing (REVIEW is final)" : allowedFrom(from)));
            }
        }

        /**
         * The current phase.
         *
         * @return the phase entered last
         */
        public Phase phase() {
            return transitions.isEmpty() ? Phase.DETECT : transitions.get(transitions.size() - 1).to();
        }

        /**
         * When the current phase was entered.
         *
         * @return the instant
         */
        public Instant since() {
            return transitions.isEmpty() ? detected : transitions.get(transitions.size() - 1).at();
        }

        /**
         * Moves to the next phase.
         *
         * @param to the target phase
         * @param at when, not before the last transition
         * @return the new lifecycle
         * @throws IllegalTransitionException if the move is not allowed
         * @throws IllegalArgumentException if a value is null or {@code at} is earlier than the last transition
         */
        public Lifecycle to(Phase to, Instant at) {
            return to(to, at, null);
        }

        /**
         * Moves to the next phase with a note.
         *
         * @param to the target phase
         * @param at when
         * @param note the note, or null
         * @return the new lifecycle
         * @throws IllegalTransitionException if the move is not allowed
         * @throws IllegalArgumentException if a value is null or {@code at} is earlier than the last transition
         */
        public Lifecycle to(Phase to, Instant at, @Nullable String note) {
            Checks.notNull(to, "to");
            Checks.notNull(at, "at");
            check(phase(), to);
            Checks.notBefore(since(), "the last transition", at, "at");
            List<Transition> next = new ArrayList<>(transitions);
            next.add(new Transition(phase(), to, at, note));
            return new Lifecycle(detected, next);
        }

        /**
         * When a phase was first entered.
         *
         * @param phase the phase
         * @return the instant, if it was entered
         */
        public Optional<Instant> entered(Phase phase) {
            Checks.notNull(phase, "phase");
            if (phase == Phase.DETECT) {
                return Optional.of(detected);
            }
            return transitions.stream().filter(t -> t.to() == phase).map(Transition::at).findFirst();
        }

        /** The phases of the seed's incident process, in order. */
        public enum Phase {
            /** Alert fires, monitoring triggers, user reports. */
            DETECT,
            /** Assess severity, assign an incident commander, notify stakeholders. */
            TRIAGE,
            /** The incident commander coordinates; status updates go out. */
            RESPOND,
            /** Deploy the fix, verify restoration, confirm with monitoring. */
            RESOLVE,
            /** Post-mortem: timeline, root cause, action items. */
            REVIEW
        }

        /**
         * One time-stamped lifecycle transition.
         *
         * @param from the phase left
         * @param to the phase entered
         * @param at when
         * @param note an optional note, e.g. who took command
         */
        public record Transition(Phase from, Phase to, Instant at, @Nullable String note) {

            /**
             * Validates the fields (not the legality of the move; {@link Lifecycle} checks that).
             *
             * @throws IllegalArgumentException if a field is null or the note blank
             */
            public Transition {
                Checks.notNull(from, "from");
                Checks.notNull(to, "to");
                Checks.notNull(at, "at");
                if (note != null) {
                    Checks.notBlank(note, "note");
                }
            }
        }

        /**
         * A lifecycle transition that the process does not allow, e.g. DETECT to RESOLVE. It is an
         * {@link IllegalArgumentException}: the caller asked for a transition the state machine rejects.
         */
        public static final class IllegalTransitionException extends IllegalArgumentException {

            private static final long serialVersionUID = 1L;

            private final Phase from;
            private final Phase to;

            IllegalTransitionException(Phase from, Phase to, String message) {
                super(message);
                this.from = from;
                this.to = to;
            }

            /**
             * The phase the incident was in.
             *
             * @return the current phase
             */
            public Phase from() {
                return from;
            }

            /**
             * The phase that was asked for.
             *
             * @return the rejected target
             */
            public Phase to() {
                return to;
            }
        }
    }

    /**
     * Validates the timeline.
     *
     * @throws IllegalArgumentException if a required field is null or a rule above is broken
     */
    public IncidentTimeline {
        Checks.notNull(incident, "incident");
        if (title != null) {
            Checks.notBlank(title, "title");
        }
        if (summary != null) {
            Checks.notBlank(summary, "summary");
        }
        severityChanges = Checks.listOf(severityChanges, "severityChanges");
        Instant detected = incident.detected();
        Instant resolved = incident.resolved();
        Instant last = detected;
        for (int i = 0; i < severityChanges.size(); i++) {
            SeverityChange c = severityChanges.get(i);
            String f = "severityChanges[" + i + "]";
            Checks.notBefore(last, i == 0 ? "detected" : "severityChanges[" + (i - 1) + "].at", c.at(), f + ".at");
            if (resolved != null) {
                Checks.notBefore(c.at(), f + ".at", resolved, "resolved");
            }
            if (i > 0 && !c.from().equals(severityChanges.get(i - 1).to())) {
                throw Checks.invalid(f + ".from", "must equal the previous change's 'to' ("
                        + severityChanges.get(i - 1).to() + ")", c.from());
            }
            last = c.at();
        }
        if (!severityChanges.isEmpty()) {
            Severity end = severityChanges.get(severityChanges.size() - 1).to();
            if (!end.equals(incident.severity())) {
                throw Checks.invalid("severityChanges", "must end at the incident's severity " + incident.severity(), end);
            }
        }
        pauses = Checks.listOf(pauses, "pauses");
        for (int i = 0; i < pauses.size(); i++) {
            Interval p = pauses.get(i).interval();
            Checks.notBefore(detected, "detected", p.start(), "pauses[" + i + "].start");
            if (resolved != null) {
                Checks.notBefore(p.end(), "pauses[" + i + "].end", resolved, "resolved");
            }
        }
        statusUpdates = Checks.listOf(statusUpdates, "statusUpdates").stream().sorted().toList();
        for (int i = 0; i < statusUpdates.size(); i++) {
            Checks.notBefore(detected, "detected", statusUpdates.get(i), "statusUpdates[" + i + "]");
        }
        entries = Checks.listOf(entries, "entries").stream().sorted().toList();
    }

    /**
     * A timeline with nothing but the incident.
     *
     * @param incident the incident
     * @return the timeline
     */
    public static IncidentTimeline of(Incident incident) {
        return builder(incident).build();
    }

    /**
     * Starts a builder.
     *
     * @param incident the incident
     * @return the builder
     */
    public static Builder builder(Incident incident) {
        return new Builder(Checks.notNull(incident, "incident"));
    }

    /**
     * The severity at detection.
     *
     * @return the first change's {@code from}, else the incident's severity
     */
    public Severity initialSeverity() {
        return severityChanges.isEmpty() ? incident.severity() : severityChanges.get(0).from();
    }

    /**
     * The most severe level the incident ever had.
     *
     * @return the peak severity
     */
    public Severity peakSeverity() {
        Severity peak = initialSeverity();
        for (SeverityChange c : severityChanges) {
            peak = peak.mostSevere(c.to());
        }
        return peak;
    }

    /**
     * The pauses as an interval set.
     *
     * @return the union of the pauses
     */
    public IntervalSet pauseSet() {
        List<Interval> list = new ArrayList<>(pauses.size());
        for (Pause p : pauses) {
            list.add(p.interval());
        }
        return IntervalSet.of(list);
    }

    /**
     * The title, falling back to the incident id.
     *
     * @return the title
     */
    public String displayTitle() {
        return title != null ? title : incident.id();
    }

    /** Builds an {@link IncidentTimeline}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final Incident incident;
        private @Nullable String title;
        private @Nullable String summary;
        private SeverityClassification.@Nullable Impact impact;
        private final List<SeverityChange> severityChanges = new ArrayList<>();
        private final List<Pause> pauses = new ArrayList<>();
        private final List<Instant> statusUpdates = new ArrayList<>();
        private final List<Entry> entries = new ArrayList<>();
        private @Nullable Lifecycle lifecycle;
        private @Nullable PostMortem postMortem;

        private Builder(Incident incident) {
            this.incident = incident;
        }

        /**
         * Sets the title.
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(@Nullable String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the summary.
         *
         * @param summary the summary
         * @return this builder
         */
        public Builder summary(@Nullable String summary) {
            this.summary = summary;
            return this;
        }

        /**
         * Sets the impact facts.
         *
         * @param impact the facts
         * @return this builder
         */
        public Builder impact(SeverityClassification.@Nullable Impact impact) {
            this.impact = impact;
            return this;
        }

        /**
         * Adds a severity change.
         *
         * @param at when
         * @param from the severity before
         * @param to the severity after
         * @param reason why, or null
         * @return this builder
         */
        public Builder severityChange(Instant at, Severity from, Severity to, @Nullable String reason) {
            severityChanges.add(new SeverityChange(at, from, to, reason));
            return this;
        }

        /**
         * Adds a pause.
         *
         * @param from when the clocks stopped
         * @param to when they resumed
         * @param reason why
         * @return this builder
         */
        public Builder pause(Instant from, Instant to, String reason) {
            pauses.add(new Pause(Interval.of(from, to), reason));
            return this;
        }

        /**
         * Adds a status update.
         *
         * @param at when it went out
         * @return this builder
         */
        public Builder statusUpdate(Instant at) {
            statusUpdates.add(Checks.notNull(at, "statusUpdate"));
            return this;
        }

        /**
         * Adds a free-form timeline entry.
         *
         * @param at when
         * @param text what happened
         * @return this builder
         */
        public Builder entry(Instant at, String text) {
            entries.add(new Entry(at, text));
            return this;
        }

        /**
         * Sets the lifecycle.
         *
         * @param lifecycle the lifecycle
         * @return this builder
         */
        public Builder lifecycle(@Nullable Lifecycle lifecycle) {
            this.lifecycle = lifecycle;
            return this;
        }

        /**
         * Sets the post-mortem.
         *
         * @param postMortem the post-mortem
         * @return this builder
         */
        public Builder postMortem(@Nullable PostMortem postMortem) {
            this.postMortem = postMortem;
            return this;
        }

        /**
         * Builds the timeline.
         *
         * @return the timeline
         * @throws IllegalArgumentException if a rule is broken
         */
        public IncidentTimeline build() {
            return new IncidentTimeline(incident, title, summary, impact, severityChanges, pauses, statusUpdates,
                    entries, lifecycle, postMortem);
        }
    }
}
