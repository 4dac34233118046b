package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.metric.SlaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link IncidentSla#evaluate(IncidentEventLog, java.time.Clock)} read from an incident's event
 * log at one instant: every configured clock ({@link IncidentSlaConfig#clocks()}) with every cycle
 * it ran, each with its typed {@link State}, the targets that applied and when, the elapsed and paused
 * time; the verdict (the worst status of any cycle) and the findings in order. Recomputed from the
 * log on every read: the same log, config and instant give the same value.
 *
 * @param generatedAt the evaluation instant
 * @param clocks one entry per configured clock, in config order
 * @param verdict the worst status of any cycle ({@link Cycle#slaStatus()}); MET when no cycle has one
 * @param findings the findings in order
 */
public record IncidentClocks(Instant generatedAt, List<ClockCycles> clocks, SlaStatus verdict, Findings findings)
        implements Decided<SlaStatus> {

    /**
     * Validates the decision.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public IncidentClocks {
        Checks.notNull(generatedAt, "generatedAt");
        clocks = Checks.listOf(clocks, "clocks");
        Checks.notNull(verdict, "verdict");
        Checks.notNull(findings, "findings");
    }

    /**
     * One clock by name.
     *
     * @param name the clock's name, e.g. {@code response}
     * @return the clock, if configured
     * @throws IllegalArgumentException if name is null
     */
    public Optional<ClockCycles> clock(String name) {
        Checks.notNull(name, "name");
        return clocks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Where one cycle of a clock stands. */
    public enum State {
        /** Running and on time. */
        RUNNING,
        /** Paused and on time: the deadline moves while the pause lasts. */
        PAUSED,
        /** Stopped on or before its deadline. */
        MET,
        /** Past its deadline: stopped late, or running after the deadline. */
        BREACHED,
        /** Paused now, but the deadline had passed before the pause began: a pause never undoes a breach. */
        BREACHED_WHILE_PAUSED,
        /** Cancelled or reset before it stopped ({@link Cycle#breached()} says whether it had breached). */
        CANCELLED
    }

    /** Why a cycle ended. */
    public enum End {
        /** It has not ended: it runs or is paused at the evaluation instant. */
        NONE,
        /** A stop condition held. */
        STOPPED,
        /** A cancel condition held, or the start condition failed with cancel-when-start-fails. */
        CANCELLED,
        /** A reset condition held; a new cycle started at the same instant when the start condition held. */
        RESET
    }

    /**
     * All cycles of one clock.
     *
     * @param name the clock's name
     * @param cycles the cycles in time order; empty when the start condition never held
     */
    public record ClockCycles(String name, List<Cycle> cycles) {

        /**
         * Validates the clock.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public ClockCycles {
            Checks.notBlank(name, "name");
            cycles = Checks.listOf(cycles, "cycles");
        }

        /**
         * The last cycle.
         *
         * @return the latest cycle, if the clock ever started
         */
        public Optional<Cycle> current() {
            return cycles.isEmpty() ? Optional.empty() : Optional.of(cycles.get(cycles.size() - 1));
        }
    }

    /**
     * The target in force over one stretch of a cycle (one severity).
     *
     * @param from when it started to apply
     * @param to when it stopped applying (the next severity change, or the cycle's end or now)
     * @param severity the severity in force
     * @param target the target that applied
     * @param deadline the deadline this target gave
     * @param elapsedBefore counted time of the cycle before {@code from} (carried into this stretch)
     * @param pausedBefore paused time of the cycle before {@code from} (kept across the change)
     */
    public record TargetSpan(Instant from, Instant to, Severity severity, Duration target, Instant deadline,
            Duration elapsedBefore, Duration pausedBefore) {

        /**
         * Validates the span.
         *
         * @throws IllegalArgumentException if a field is null, the target not positive or to before from
         */
        public TargetSpan {
            Checks.notNull(from, "from");
            Checks.notNull(to, "to");
            Checks.notBefore(from, "from", to, "to");
            Checks.notNull(severity, "severity");
            Checks.positive(target, "target");
            Checks.notNull(deadline, "deadline");
            Checks.nonNegative(elapsedBefore, "elapsedBefore");
            Checks.nonNegative(pausedBefore, "pausedBefore");
        }
    }

    /**
     * One cycle of a clock: from its start to its end (or now).
     *
     * @param number 1 for the first cycle
     * @param start when it started counting
     * @param end when it ended, or null while it runs or is paused
     * @param endedBy why it ended
     * @param state where it stands
     * @param breached whether its deadline passed before it ended (or now)
     * @param severity the severity whose target decided it
     * @param target the target that decided it
     * @param deadline the deadline that decided it
     * @param elapsed counted (working, unpaused) time from start to end (or now)
     * @param paused wall-clock time paused from start to end (or now)
     * @param wall wall-clock time from start to end (or now)
     * @param remaining counted time left while on time and not ended, else zero
     * @param overrun wall-clock time from the deadline to the end (or now) when breached, else zero
     * @param pausedSince when the current pause began, or null when not paused now
     * @param targets the targets in force, one per severity stretch, in time order
     * @param status the SLA status, or null for a cycle cancelled or reset on time
     */
    public record Cycle(int number, Instant start, @Nullable Instant end, End endedBy, State state, boolean breached,
            Severity severity, Duration target, Instant deadline, Duration elapsed, Duration paused, Duration wall,
            Duration remaining, Duration overrun, @Nullable Instant pausedSince, List<TargetSpan> targets,
            @Nullable SlaStatus status) {

        /**
         * Validates the cycle.
         *
         * @throws IllegalArgumentException if a required field is null, a duration negative, or the number below 1
         */
        public Cycle {
            Checks.positive(number, "number");
            Checks.notNull(start, "start");
            if (end != null) {
                Checks.notBefore(start, "start", end, "end");
            }
            Checks.notNull(endedBy, "endedBy");
            Checks.notNull(state, "state");
            Checks.notNull(severity, "severity");
            Checks.positive(target, "target");
            Checks.notNull(deadline, "deadline");
            Checks.nonNegative(elapsed, "elapsed");
            Checks.nonNegative(paused, "paused");
            Checks.nonNegative(wall, "wall");
            Checks.nonNegative(remaining, "remaining");
            Checks.nonNegative(overrun, "overrun");
            targets = Checks.listOf(targets, "targets");
        }

        /**
         * The cycle as an SLA status.
         *
         * @return BREACHED when breached (even if cancelled), MET when stopped on time, ON_TRACK /
         *     AT_RISK while open and on time; empty for a cycle cancelled or reset on time
         */
        public Optional<SlaStatus> slaStatus() {
            return Optional.ofNullable(status);
        }

        /**
         * Whether the cycle has ended.
         *
         * @return true once stopped, cancelled or reset
         */
        public boolean isEnded() {
            return end != null;
        }
    }
}
