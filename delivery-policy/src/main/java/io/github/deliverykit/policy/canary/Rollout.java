package io.github.deliverykit.policy.canary;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The rollout state machine: an immutable value holding the plan, the analyzer, the current state and
 * every transition so far. Each command returns a new rollout with one more {@link Rollout.Event}.
 *
 * <pre>
 * RUNNING --evaluate: ADVANCE/HOLD--&gt; RUNNING     RUNNING/PAUSED --evaluate: ROLLBACK--&gt; ROLLED_BACK
 * RUNNING --evaluate: PAUSE--&gt; PAUSED             RUNNING/PAUSED --evaluate: PROMOTE--&gt; PROMOTED
 * PAUSED --resume--&gt; RUNNING                        RUNNING/PAUSED --abort--&gt; ROLLED_BACK
 * </pre>
 *
 * Anything else (a command after PROMOTED or ROLLED_BACK, resuming a rollout that is not paused, a
 * command earlier than the previous one) is rejected with an {@link IllegalStateException} naming
 * the phase. Replaying the same observations and commands gives the same events, byte for byte.
 */
public final class Rollout {

    private final RolloutPlan plan;
    private final CanaryAnalysis analyzer;
    private final Rollout.State state;
    /** The newest event, linking back to the older ones: a command shares the history instead of copying it. */
    private final @Nullable EventNode last;
    /** The history as a list, built on first use (benign race: every thread builds an equal list). */
    private @Nullable List<Rollout.Event> historyList;
    private final Instant lastCommandAt;
    private final Instant startedAt;

    private record EventNode(Rollout.Event event, @Nullable EventNode previous, int size) {}

    private Rollout(RolloutPlan plan, CanaryAnalysis analyzer, Rollout.State state, @Nullable EventNode last,
            Instant lastCommandAt, Instant startedAt) {
        this.startedAt = startedAt;
        this.plan = plan;
        this.analyzer = analyzer;
        this.state = state;
        this.last = last;
        this.lastCommandAt = lastCommandAt;
    }

    /**
     * Starts a rollout at its first stage.
     *
     * @param plan the plan
     * @param analyzer the analyzer deciding each stage
     * @param startedAt when the first stage started
     * @return the running rollout
     * @throws IllegalArgumentException if an argument is null
     */
    public static Rollout start(RolloutPlan plan, CanaryAnalysis analyzer, Instant startedAt) {
        Checks.notNull(plan, "plan");
        Checks.notNull(analyzer, "analyzer");
        return new Rollout(plan, analyzer, Rollout.State.start(startedAt), null, startedAt, startedAt);
    }

    /**
     * Replays a command log against an observation log from the start.
     *
     * @param plan the plan
     * @param analyzer the analyzer
     * @param startedAt when the rollout started
     * @param observations every observation (each evaluation sees those up to its time)
     * @param commands the commands, in time order
     * @return the rollout after the last command
     * @throws IllegalArgumentException if an argument is null or invalid
     * @throws IllegalStateException if a command is illegal in the phase it meets
     */
    public static Rollout replay(RolloutPlan plan, CanaryAnalysis analyzer, Instant startedAt,
            Collection<? extends Observation> observations, List<? extends Rollout.Command> commands) {
        List<Observation> obs = Checks.listOf(observations, "observations");
        List<Rollout.Command> cmds = Checks.listOf(commands, "commands");
        Rollout r = start(plan, analyzer, startedAt);
        for (Rollout.Command c : cmds) {
            r = r.apply(c, obs);
        }
        return r;
    }

    /**
     * Applies one command.
     *
     * @param command the command
     * @param observations the observations an evaluation sees
     * @return the new rollout
     * @throws IllegalArgumentException if an argument is null or invalid
     * @throws IllegalStateException if the command is illegal now
     */
    public Rollout apply(Rollout.Command command, Collection<? extends Observation> observations) {
        Checks.notNull(command, "command");
        if (command instanceof Rollout.Command.Evaluate e) {
            return evaluate(observations, Clock.fixed(e.at(), ZoneOffset.UTC));
        }
        if (command instanceof Rollout.Command.Resume r) {
            return resume(r.at(), r.by());
        }
        Rollout.Command.Abort a = (Rollout.Command.Abort) command;
        return abort(a.at(), a.reason());
    }

    /**
     * Evaluates the current stage now and applies the verdict.
     *
     * @param observations the observations, in any order
     * @param clock the clock giving now
     * @return the new rollout
     * @throws IllegalArgumentException if an argument is null or invalid
     * @throws IllegalStateException if the rollout is finished or now is before the previous command
     */
    public Rollout evaluate(Collection<? extends Observation> observations, Clock clock) {
        return evaluate(observations, null, clock);
    }

    /**
     * Evaluates the current stage now, with the service's error budget for the budget gate, and
     * applies the verdict.
     *
     * @param observations the observations, in any order
     * @param budget the service's error budget, or null to skip the budget gate
     * @param clock the clock giving now
     * @return the new rollout
     * @throws IllegalArgumentException if a required argument is null or invalid
     * @throws IllegalStateException if the rollout is finished or now is before the previous command
     */
    public Rollout evaluate(Collection<? extends Observation> observations, @Nullable BudgetStatus budget,
            Clock clock) {
        Checks.notNull(clock, "clock");
        Instant now = Checks.notNull(clock.instant(), "clock.instant()");
        Rollout.Command.Evaluate command = new Rollout.Command.Evaluate(now);
        requireLive(command);
        CanaryAnalysis.StageInput input = CanaryAnalysis.StageInput.of(plan, state, observations);
        if (budget != null) {
            input = input.withBudget(budget);
        }
        CanaryDecision ev = analyzer.evaluate(input, Clock.fixed(now, ZoneOffset.UTC));
        return next(new Rollout.Event(command, state, ev.next(), ev.verdict(), ev.findings(), ev), now);
    }

    /**
     * Resumes a paused rollout and approves the current stage's manual gate; inconclusive counters of
     * the stage are cleared.
     *
     * @param at when
     * @param by who
     * @return the new rollout
     * @throws IllegalArgumentException if an argument is null or blank
     * @throws IllegalStateException if the rollout is not paused
     */
    public Rollout resume(Instant at, String by) {
        Rollout.Command.Resume command = new Rollout.Command.Resume(Checks.notNull(at, "at"), Checks.notBlank(by, "by"));
        requireLive(command);
        if (state.phase() != Rollout.Phase.PAUSED) {
            throw new IllegalStateException(Checks.message("cannot resume a rollout that is %s (only PAUSED)", state.phase()));
        }
        java.util.Map<String, Rollout.State.Counters> counters = new java.util.TreeMap<>();
        state.counters().forEach((k, c) -> counters.put(k, new Rollout.State.Counters(c.failures(), 0, c.consecutiveErrors())));
        Rollout.State after = new Rollout.State(Rollout.Phase.RUNNING, state.stageIndex(), state.stageStartedAt(),
                state.lastEvaluatedAt(), true, counters);
        Findings f = Findings.of(Finding.info("canary.resumed", "Rollout resumed by " + by,
                Facts.of("by", by, "stage", state.stageIndex() + 1)));
        return next(new Rollout.Event(command, state, after, null, f, null), at);
    }

    /**
     * Rolls back by hand.
     *
     * @param at when
     * @param reason why
     * @return the rolled-back rollout
     * @throws IllegalArgumentException if an argument is null or blank
     * @throws IllegalStateException if the rollout is already finished
     */
    public Rollout abort(Instant at, String reason) {
        Rollout.Command.Abort command = new Rollout.Command.Abort(Checks.notNull(at, "at"), Checks.notBlank(reason, "reason"));
        requireLive(command);
        Findings f = Findings.of(Finding.fail("canary.aborted", "Rollout aborted: " + reason,
                Facts.of("reason", reason, "stage", state.stageIndex() + 1)));
        return next(new Rollout.Event(command, state, state.withPhase(Rollout.Phase.ROLLED_BACK), StageVerdict.ROLLBACK, f,
                null), at);
    }

    private void requireLive(Rollout.Command command) {
        if (state.phase().isTerminal()) {
            throw new IllegalStateException(Checks.message("cannot %s a rollout that is %s",
                    command.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), state.phase()));
        }
        if (command.at().isBefore(lastCommandAt)) {
            throw new IllegalStateException(Checks.message("command at %s is before the previous one at %s",
                    command.at(), lastCommandAt));
        }
    }

    private Rollout next(Rollout.Event event, Instant at) {
        return new Rollout(plan, analyzer, event.after(), new EventNode(event, last, last == null ? 1 : last.size + 1),
                at, startedAt);
    }

    /** @return the plan */
    public RolloutPlan plan() {
        return plan;
    }

    /** @return the current state */
    public Rollout.State state() {
        return state;
    }

    /** @return every transition so far, oldest first */
    public List<Rollout.Event> history() {
        List<Rollout.Event> h = historyList;
        if (h == null) {
            Rollout.Event[] events = new Rollout.Event[last == null ? 0 : last.size];
            for (EventNode n = last; n != null; n = n.previous) {
                events[n.size - 1] = n.event;
            }
            h = List.of(events);
            historyList = h;
        }
        return h;
    }

    /** @return the verdicts of all evaluations so far, in order */
    public List<StageVerdict> verdicts() {
        List<StageVerdict> v = new ArrayList<>();
        for (Rollout.Event e : history()) {
            if (e.command() instanceof Rollout.Command.Evaluate) {
                v.add(e.verdict());
            }
        }
        return v;
    }

    /**
     * When the rollout started (its first stage).
     *
     * @return the start
     */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * The rollout as a core deployment event, for DORA metrics and the change log: PROMOTED gives
     * {@link DeploymentOutcome#SUCCESS}, ROLLED_BACK {@link DeploymentOutcome#ROLLED_BACK}, a running or
     * paused rollout {@link DeploymentOutcome#IN_PROGRESS} (no finish time); the start is the rollout's
     * start and the finish the time of the transition that ended it.
     *
     * @param id the deployment id
     * @param service the service
     * @param environment the environment, e.g. {@code production}
     * @param version the version deployed
     * @param commits the commits the deployment carries, oldest first
     * @return the deployment
     * @throws IllegalArgumentException if an argument is null or blank
     */
    public Deployment toDeployment(String id, String service, String environment, String version,
            List<String> commits) {
        DeploymentOutcome outcome = switch (state.phase()) {
            case PROMOTED -> DeploymentOutcome.SUCCESS;
            case ROLLED_BACK -> DeploymentOutcome.ROLLED_BACK;
            case RUNNING, PAUSED -> DeploymentOutcome.IN_PROGRESS;
        };
        Instant finished = outcome == DeploymentOutcome.IN_PROGRESS ? null : last.event
                .command().at();
        return new Deployment(id, service, environment, version, startedAt, finished, outcome, commits, null);
    }

    /**
     * What a rollback exposes, for an incident candidate: when it was detected, which gates or metrics
     * breached, the stage and the traffic share exposed to the new version, and why.
     *
     * @return the report, or empty when the rollout has not rolled back
     */
    public Optional<RollbackReport> rollback() {
        if (state.phase() != Phase.ROLLED_BACK || last == null) {
            return Optional.empty();
        }
        Event last = this.last.event;
        int stage = last.before().stageIndex();
        double share = plan.stages().get(Math.min(stage, plan.stages().size() - 1)).weightPercent();
        CanaryDecision d = last.decision();
        List<String> breaches;
        String reason;
        if (d != null) {
            breaches = d.breaches();
            reason = "Canary analysis rolled back stage " + (stage + 1) + ": " + String.join(", ", breaches);
        } else if (last.command() instanceof Command.Abort a) {
            breaches = List.of();
            reason = "Aborted: " + a.reason();
        } else {
            breaches = List.of();
            reason = "Rolled back";
        }
        return Optional.of(new RollbackReport(last.command().at(), startedAt, stage, share, breaches, reason,
                last.findings()));
    }

    /**
     * The facts of a rollback that an incident candidate needs.
     *
     * @param detectedAt when the breach was detected (the rollback's time)
     * @param startedAt when the rollout started
     * @param stageIndex the stage rolled back from, zero-based
     * @param trafficPercent the traffic share the new version had, in percent
     * @param breaches the gates or metrics that breached ({@code judge/metric} keys, {@code budget});
     *     empty for a manual abort
     * @param reason a one-line reason
     * @param findings the findings of the rollback transition
     */
    public record RollbackReport(Instant detectedAt, Instant startedAt, int stageIndex, double trafficPercent,
            List<String> breaches, String reason, Findings findings) {

        /**
         * Validates the report.
         *
         * @throws IllegalArgumentException if a field is null, blank or out of range
         */
        public RollbackReport {
            Checks.notNull(detectedAt, "detectedAt");
            Checks.notBefore(startedAt, "startedAt", detectedAt, "detectedAt");
            Checks.nonNegative(stageIndex, "stageIndex");
            Checks.inRange(trafficPercent, 0, 100, "trafficPercent");
            breaches = Checks.listOf(breaches, "breaches");
            Checks.notBlank(reason, "reason");
            Checks.notNull(findings, "findings");
        }

        /**
         * Whether the rollback was a manual abort rather than a breached gate.
         *
         * @return true when nothing breached
         */
        public boolean manual() {
            return breaches.isEmpty();
        }
    }

    /**
     * The history as text: one line per event followed by its findings.
     *
     * @return the rendered history
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Rollout.Event e : history()) {
            sb.append(e.toText()).append('\n').append(e.findings().toText());
        }
        return sb.toString();
    }

    /** Where a rollout is. */
    public enum Phase {
        /** Progressing through the stages. */
        RUNNING,
        /** Waiting for a person to resume it. */
        PAUSED,
        /** Finished: the new version is stable. Terminal. */
        PROMOTED,
        /** Finished: the new version was rolled back. Terminal. */
        ROLLED_BACK;

        /**
         * Whether nothing can follow.
         *
         * @return true for PROMOTED and ROLLED_BACK
         */
        public boolean isTerminal() {
            return this == PROMOTED || this == ROLLED_BACK;
        }
    }

    /**
     * Where a rollout stands between evaluations: its phase, stage, when the stage started, the last
     * evaluation, whether the stage's manual gate was approved, and Argo-style counters per measurement
     * (reset when a stage advances).
     *
     * @param phase the phase
     * @param stageIndex the current stage index
     * @param stageStartedAt when the current stage started
     * @param lastEvaluatedAt the previous evaluation, or null before the first
     * @param gateApproved whether a person approved continuing this stage
     * @param counters counters by measurement key ({@code judge/measurement}), sorted
     */
    public record State(Rollout.Phase phase, int stageIndex, Instant stageStartedAt, @Nullable Instant lastEvaluatedAt,
            boolean gateApproved, Map<String, Counters> counters) {

        /**
         * Argo's counters for one measurement within a stage.
         *
         * @param failures failed results so far
         * @param inconclusive inconclusive results so far
         * @param consecutiveErrors errors since the last result that was not an error
         */
        public record Counters(int failures, int inconclusive, int consecutiveErrors) {
            /** All zero. */
            public static final Counters ZERO = new Counters(0, 0, 0);

            /**
             * Validates the counters.
             *
             * @throws IllegalArgumentException if a counter is negative
             */
            public Counters {
                Checks.nonNegative(failures, "failures");
                Checks.nonNegative(inconclusive, "inconclusive");
                Checks.nonNegative(consecutiveErrors, "consecutiveErrors");
            }

            /**
             * The counters after one more outcome (saturating at {@code Integer.MAX_VALUE}).
             *
             * @param outcome the outcome
             * @return the new counters
             * @throws IllegalArgumentException if the outcome is null
             */
            public Counters after(Outcome outcome) {
                Checks.notNull(outcome, "outcome");
                return switch (outcome) {
                    case FAIL -> new Counters(inc(failures), inconclusive, 0);
                    case INCONCLUSIVE -> new Counters(failures, inc(inconclusive), 0);
                    case ERROR -> new Counters(failures, inconclusive, inc(consecutiveErrors));
                    case PASS, NO_DATA, IGNORED -> new Counters(failures, inconclusive, 0);
                };
            }

            private static int inc(int v) {
                return v == Integer.MAX_VALUE ? v : v + 1;
            }
        }

        /**
         * Validates the state.
         *
         * @throws IllegalArgumentException if a field is null, the index negative, or the last
         *     evaluation before the stage start
         */
        public State {
            Checks.notNull(phase, "phase");
            Checks.nonNegative(stageIndex, "stageIndex");
            Checks.notNull(stageStartedAt, "stageStartedAt");
            if (lastEvaluatedAt != null) {
                Checks.notBefore(stageStartedAt, "stageStartedAt", lastEvaluatedAt, "lastEvaluatedAt");
            }
            Checks.notNull(counters, "counters");
            TreeMap<String, Counters> copy = new TreeMap<>();
            counters.forEach((k, v) -> copy.put(Checks.notBlank(k, "counter key"), Checks.notNull(v, "counters['" + k + "']")));
            counters = Collections.unmodifiableSortedMap(copy);
        }

        /**
         * The state of a rollout that starts its first stage.
         *
         * @param startedAt when it started
         * @return the running state at stage 0
         * @throws IllegalArgumentException if startedAt is null
         */
        public static State start(Instant startedAt) {
            return new State(Rollout.Phase.RUNNING, 0, Checks.notNull(startedAt, "startedAt"), null, false, Map.of());
        }

        /**
         * The counters of a measurement.
         *
         * @param key the measurement key
         * @return its counters, zero when unknown
         * @throws IllegalArgumentException if the key is null
         */
        public Counters counters(String key) {
            Checks.notNull(key, "key");
            Counters c = counters.get(key);
            return c == null ? Counters.ZERO : c;
        }

        /**
         * A copy in another phase.
         *
         * @param value the phase
         * @return the state
         */
        public State withPhase(Rollout.Phase value) {
            return new State(value, stageIndex, stageStartedAt, lastEvaluatedAt, gateApproved, counters);
        }
    }

    /** One entry of a rollout's command log, replayed by {@link Rollout#replay}. */
    public sealed interface Command {

        /**
         * When the command was given.
         *
         * @return the instant
         */
        Instant at();

        /**
         * Evaluate the current stage at a time.
         *
         * @param at the evaluation time
         */
        record Evaluate(Instant at) implements Command {
            /**
             * Validates the command.
             *
             * @throws IllegalArgumentException if at is null
             */
            public Evaluate {
                Checks.notNull(at, "at");
            }
        }

        /**
         * Resume a paused rollout (approving its manual gate).
         *
         * @param at when
         * @param by who approved
         */
        record Resume(Instant at, String by) implements Command {
            /**
             * Validates the command.
             *
             * @throws IllegalArgumentException if a field is null or blank
             */
            public Resume {
                Checks.notNull(at, "at");
                Checks.notBlank(by, "by");
            }
        }

        /**
         * Roll back by hand.
         *
         * @param at when
         * @param reason why
         */
        record Abort(Instant at, String reason) implements Command {
            /**
             * Validates the command.
             *
             * @throws IllegalArgumentException if a field is null or blank
             */
            public Abort {
                Checks.notNull(at, "at");
                Checks.notBlank(reason, "reason");
            }
        }
    }

    /**
     * One recorded transition of a {@link Rollout}.
     *
     * @param command the command that caused it
     * @param before the state before
     * @param after the state after
     * @param verdict the stage verdict for an evaluation, null for a resume or abort
     * @param findings the evaluation's findings, or one finding explaining a resume or abort
     * @param decision the canary decision of an evaluation, null for a resume or abort
     */
    public record Event(Rollout.Command command, Rollout.State before, Rollout.State after,
            @Nullable StageVerdict verdict, Findings findings, @Nullable CanaryDecision decision) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a required field is null
         */
        public Event {
            Checks.notNull(command, "command");
            Checks.notNull(before, "before");
            Checks.notNull(after, "after");
            Checks.notNull(findings, "findings");
        }

        /**
         * One line per event: time, command, phase change, verdict.
         *
         * @return the rendered line
         */
        public String toText() {
            String name = command.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            return command.at() + " " + name + " stage " + (before.stageIndex() + 1) + " " + before.phase() + " -> "
                    + after.phase() + " stage " + (after.stageIndex() + 1) + (verdict == null ? "" : " " + verdict);
        }
    }
}
