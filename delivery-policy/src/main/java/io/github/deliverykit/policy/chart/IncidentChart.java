package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.metric.SlaStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One incident on a time line: its milestones, its SLA deadlines and the clock pauses.
 *
 * @param id the incident id
 * @param severity the peak severity
 * @param at the evaluation instant
 * @param milestones started, detected, acknowledged, mitigated, resolved (those recorded), in time order
 * @param deadlines the response and resolution clocks, then the post-mortem when one is due
 * @param pauses the SLA clock pauses, in time order
 * @param verdict the SLA verdict
 */
public record IncidentChart(String id, Severity severity, Instant at, List<Milestone> milestones,
        List<Deadline> deadlines, List<Span> pauses, SlaStatus verdict) {

    /**
     * Validates the chart.
     *
     * @throws IllegalArgumentException if a field is null or blank
     */
    public IncidentChart {
        Checks.notBlank(id, "id");
        Checks.notNull(severity, "severity");
        Checks.notNull(at, "at");
        milestones = Checks.listOf(milestones, "milestones");
        deadlines = Checks.listOf(deadlines, "deadlines");
        pauses = Checks.listOf(pauses, "pauses");
        Checks.notNull(verdict, "verdict");
    }

    /**
     * A recorded moment of the incident.
     *
     * @param name e.g. {@code detected}
     * @param at when
     */
    public record Milestone(String name, Instant at) {

        /**
         * Validates the milestone.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public Milestone {
            Checks.notBlank(name, "name");
            Checks.notNull(at, "at");
        }
    }

    /**
     * One SLA clock.
     *
     * @param name {@code response}, {@code resolution} or {@code post-mortem}
     * @param start when the clock started
     * @param deadline when it is due (pauses included)
     * @param target the target duration, seconds
     * @param stoppedAt when it stopped (responded, resolved, post-mortem published), or null while running
     * @param status the clock's status; for the post-mortem COMPLETE is MET, INCOMPLETE AT_RISK,
     *     PENDING ON_TRACK and OVERDUE BREACHED
     */
    public record Deadline(String name, Instant start, Instant deadline, Quantity target, @Nullable Instant stoppedAt,
            SlaStatus status) {

        /**
         * Validates the clock.
         *
         * @throws IllegalArgumentException if a required field is null or the deadline before the start
         */
        public Deadline {
            Checks.notBlank(name, "name");
            Checks.notBefore(start, "start", deadline, "deadline");
            Checks.notNull(target, "target");
            Checks.notNull(status, "status");
        }
    }
}
