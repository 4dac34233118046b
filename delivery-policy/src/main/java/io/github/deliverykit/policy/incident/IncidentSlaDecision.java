package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.metric.SlaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link IncidentSla} decided about one incident at one instant: both SLA clocks (typed
 * {@link ClockResult}s with deadline, elapsed, remaining and overrun), the status-update cadence,
 * the post-mortem review, the severity classification of the recorded impact, the overall verdict
 * (the worse clock status) and every finding in order (classification, SLA, post-mortem). It is
 * also the incident report: {@link #toMarkdown()} and {@link #toText()} render it
 * deterministically (the same input gives the same bytes; instants in UTC, durations as
 * {@code 1h 10m}).
 *
 * @param timeline the incident timeline the decision is built from
 * @param generatedAt the evaluation instant
 * @param classification the severity classification of the recorded impact, or null when none was recorded
 * @param response the response clock
 * @param resolution the resolution clock
 * @param statusUpdates the status-update cadence
 * @param postMortem the post-mortem review
 * @param verdict the worse of the two clock statuses
 * @param slaFindings the findings of the clocks and status updates, in order
 */
public record IncidentSlaDecision(IncidentTimeline timeline, Instant generatedAt,
        SeverityClassification.@Nullable Result classification, ClockResult response, ClockResult resolution,
        StatusUpdates statusUpdates, PostMortemReview postMortem, SlaStatus verdict, Findings slaFindings)
        implements Decided<SlaStatus> {

    /**
     * Validates the decision.
     *
     * @throws IllegalArgumentException if a required field is null
     */
    public IncidentSlaDecision {
        Checks.notNull(timeline, "timeline");
        Checks.notNull(generatedAt, "generatedAt");
        Checks.notNull(response, "response");
        Checks.notNull(resolution, "resolution");
        Checks.notNull(statusUpdates, "statusUpdates");
        Checks.notNull(postMortem, "postMortem");
        Checks.notNull(verdict, "verdict");
        Checks.notNull(slaFindings, "slaFindings");
    }

    /**
     * Every finding in order: classification, SLA clocks and status updates, post-mortem.
     *
     * @return the findings
     */
    @Override
    public Findings findings() {
        Findings f = classification != null ? classification.findings() : Findings.none();
        return f.plus(slaFindings).plus(postMortem.findings());
    }

    /**
     * One of the two clocks.
     *
     * @param kind the clock
     * @return the response or resolution clock
     * @throws IllegalArgumentException if kind is null
     */
    public ClockResult clock(ClockKind kind) {
        return Checks.notNull(kind, "kind") == ClockKind.RESPONSE ? response : resolution;
    }

    /**
     * Whether a clock is breached.
     *
     * @return true when either clock is BREACHED
     */
    public boolean breached() {
        return verdict == SlaStatus.BREACHED;
    }

    /**
     * The incident id.
     *
     * @return the id
     */
    public String id() {
        return timeline.incident().id();
    }

    /**
     * Every time-stamped event: the incident's own instants, severity changes, pauses, status
     * updates, lifecycle transitions and free-form entries, in time order (ties keep that order).
     *
     * @return the merged timeline
     */
    public List<IncidentTimeline.Entry> events() {
        return ReportRendering.events(this);
    }

    /**
     * The durations shown in the report, in order: time to detect, acknowledge, mitigate and
     * resolve, and time paused; a measure whose end is unknown is absent.
     *
     * @return label and duration pairs
     */
    public List<Measure> durations() {
        return ReportRendering.durations(this);
    }

    /**
     * Renders the incident report as Markdown.
     *
     * @return the Markdown text, ending in a newline
     */
    public String toMarkdown() {
        return ReportRendering.toMarkdown(this);
    }

    /**
     * Renders the incident report as plain text.
     *
     * @return the text, ending in a newline
     */
    public String toText() {
        return ReportRendering.toText(this);
    }

    /**
     * One named duration of the report.
     *
     * @param label what was measured
     * @param duration the duration
     */
    public record Measure(String label, Duration duration) {

        /**
         * Validates the measure.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public Measure {
            Checks.notBlank(label, "label");
            Checks.notNull(duration, "duration");
        }
    }

    /** The two SLA clocks of an incident. */
    public enum ClockKind {
        /** Detected to acknowledged. */
        RESPONSE,
        /** Detected to resolved. */
        RESOLUTION;

        /**
         * The lower-case name used in finding codes.
         *
         * @return {@code response} or {@code resolution}
         */
        public String code() {
            return this == RESPONSE ? "response" : "resolution";
        }
    }

    /**
     * The state of one SLA clock.
     *
     * @param kind response or resolution
     * @param severity the severity whose target decided the result (the one in force when the clock
     *     stopped, or the one whose deadline was missed)
     * @param start when the clock started (detection)
     * @param target the target of {@code severity}
     * @param deadline when the target runs out, counting working, unpaused time only
     * @param stoppedAt the event that stopped the clock, or null while it runs
     * @param elapsed counted time from start to the stop event (or now)
     * @param paused wall-clock time spent paused between start and the stop event (or now)
     * @param remaining counted time left until the deadline while the clock runs on time, else zero
     * @param overrun wall-clock time from the deadline to the stop event (or now) when breached, else zero
     * @param status the status
     * @param retargeted whether a severity change re-targeted the clock
     */
    public record ClockResult(
            ClockKind kind,
            Severity severity,
            Instant start,
            Duration target,
            Instant deadline,
            @Nullable Instant stoppedAt,
            Duration elapsed,
            Duration paused,
            Duration remaining,
            Duration overrun,
            SlaStatus status,
            boolean retargeted) {

        /**
         * Validates the result.
         *
         * @throws IllegalArgumentException if a required field is null or a duration negative
         */
        public ClockResult {
            Checks.notNull(kind, "kind");
            Checks.notNull(severity, "severity");
            Checks.notNull(start, "start");
            Checks.positive(target, "target");
            Checks.notNull(deadline, "deadline");
            Checks.nonNegative(elapsed, "elapsed");
            Checks.nonNegative(paused, "paused");
            Checks.nonNegative(remaining, "remaining");
            Checks.nonNegative(overrun, "overrun");
            Checks.notNull(status, "status");
        }

        /**
         * Whether the clock has stopped.
         *
         * @return true when a stop event is known
         */
        public boolean isStopped() {
            return stoppedAt != null;
        }

        /**
         * Whether the clock is breached.
         *
         * @return true when the status is BREACHED
         */
        public boolean isBreached() {
            return status == SlaStatus.BREACHED;
        }
    }

    /**
     * Whether status updates went out at the required cadence. A due instant is missed when no update
     * went out after the previous update (or due instant, or the start of the cadence) and on or before
     * it; after an update the next one is due one cadence later.
     *
     * @param required whether any severity the incident held requires updates
     * @param every the cadence of the severity in force at the end, or null when none applies
     * @param updates how many updates went out while updates were required
     * @param missedCount how many due instants were missed
     * @param missed the missed due instants, in order; at most {@link #MAX_LISTED} are listed
     */
    public record StatusUpdates(boolean required, @Nullable Duration every, int updates, long missedCount,
            List<Instant> missed) {

        /** The most missed updates listed one by one; {@link #missedCount()} counts them all. */
        public static final int MAX_LISTED = 1000;

        /**
         * Validates the check.
         *
         * @throws IllegalArgumentException if a count is negative or the list null
         */
        public StatusUpdates {
            Checks.nonNegative(updates, "updates");
            Checks.nonNegative(missedCount, "missedCount");
            missed = Checks.listOf(missed, "missed");
            if (missed.size() > missedCount) {
                throw Checks.invalid("missed.size()", "must not exceed missedCount (" + missedCount + ")", missed.size());
            }
        }
    }

    /** Where an incident's post-mortem stands. */
    public enum PostMortemVerdict {
        /** The severity does not require one and none was written. */
        NOT_REQUIRED,
        /** Required but not due yet (the incident is open, or the window has not passed). */
        PENDING,
        /** Published with a timeline, a root cause and action items that each have an owner and a due date. */
        COMPLETE,
        /** Published with parts missing. */
        INCOMPLETE,
        /** Required, due, and not published. */
        OVERDUE
    }

    /**
     * The review of an incident's post-mortem: whether one is required, when it is due, its verdict,
     * the validation findings and the overdue action items.
     *
     * @param required whether the peak severity requires a post-mortem
     * @param due when it is due, or null while the incident is open or none is required
     * @param verdict the verdict
     * @param overdueActionItems open action items past their due date
     * @param findings the findings in order
     */
    public record PostMortemReview(boolean required, @Nullable Instant due, PostMortemVerdict verdict,
            List<IncidentTimeline.PostMortem.ActionItem> overdueActionItems, Findings findings) implements Decided<PostMortemVerdict> {

        /**
         * Validates the review.
         *
         * @throws IllegalArgumentException if a required field is null
         */
        public PostMortemReview {
            Checks.notNull(verdict, "verdict");
            overdueActionItems = Checks.listOf(overdueActionItems, "overdueActionItems");
            Checks.notNull(findings, "findings");
        }

    }
}
