package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.IntervalSet;
import io.github.deliverykit.policy.incident.IncidentClocks.ClockCycles;
import io.github.deliverykit.policy.incident.IncidentClocks.Cycle;
import io.github.deliverykit.policy.incident.IncidentClocks.End;
import io.github.deliverykit.policy.incident.IncidentClocks.State;
import io.github.deliverykit.policy.incident.IncidentClocks.TargetSpan;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockCondition;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockDefinition;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockDefinition.Retarget;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Replays an {@link IncidentEventLog} against one {@link ClockDefinition}: the cycles it ran, each
 * with its pauses and severity stretches, then their deadlines and states. A pure function of the
 * log, the definition, the table, the calendars and the instant; O(events x conditions) for the
 * replay plus the calendar walk of {@link ClockMath} per severity stretch.
 */
final class ClockReplay {

    private ClockReplay() {}

    /** A cycle as replayed: its bounds, why it ended and its pauses. */
    private static final class Raw {
        final Instant start;
        final List<Interval> pauses = new ArrayList<>();
        @Nullable Instant pausedSince;
        @Nullable Instant end;
        End endedBy = End.NONE;

        Raw(Instant start) {
            this.start = start;
        }

        void close(Instant at, End why) {
            if (pausedSince != null) {
                pauses.add(Interval.of(pausedSince, at));
                pausedSince = null;
            }
            end = at;
            endedBy = why;
        }
    }

    private static boolean anyHolds(List<ClockCondition> cs, Map<String, String> before, Map<String, String> after) {
        for (ClockCondition c : cs) {
            if (c.holds(before, after)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyFires(List<ClockCondition> cs, Map<String, String> before, Map<String, String> after) {
        for (ClockCondition c : cs) {
            if (c.fires(before, after)) {
                return true;
            }
        }
        return false;
    }

    /** The replay of one clock: its cycles and their findings, appended to {@code out}. */
    static ClockCycles replay(ClockDefinition def, IncidentEventLog log, Instant now, SlaTable table,
            IncidentSlaConfig config, List<Finding> out) {
        Map<String, String> state = new HashMap<>();
        state.put(IncidentEventLog.STATUS, IncidentEventLog.NEW);
        state.put(IncidentEventLog.SEVERITY, log.severity().toString());
        List<Instant> sevAt = new ArrayList<>();
        List<Severity> sevs = new ArrayList<>();
        List<Raw> cycles = new ArrayList<>();
        List<Interval> heldPauses = new ArrayList<>();
        Instant heldSince = null;
        Raw active = null;
        List<IncidentEventLog.Event> events = log.events();
        int i = 0;
        Instant t = log.origin();
        // a first pass on the state at the origin before its events: a clock stopped at the origin
        // (acknowledged at detection) still ran one zero-length cycle, as IncidentSla's clocks do
        boolean initial = true;
        while (true) {
            Map<String, String> before = new HashMap<>(state);
            while (!initial && i < events.size() && events.get(i).at().equals(t)) {
                state.put(events.get(i).field(), events.get(i).value());
                i++;
            }
            Map<String, String> after = state;
            Severity sev = Severity.parse(after.get(IncidentEventLog.SEVERITY));
            if (sevs.isEmpty() || !sevs.get(sevs.size() - 1).equals(sev)) {
                sevAt.add(t);
                sevs.add(sev);
            }
            boolean pauseHolds = anyHolds(def.pause(), before, after);
            boolean resumeHolds = anyHolds(def.resume(), before, after);
            // the pause history from the origin, for a retroactive start
            if (pauseHolds && heldSince == null) {
                heldSince = t;
            } else if (!pauseHolds && heldSince != null) {
                heldPauses.add(Interval.of(heldSince, t));
                heldSince = null;
            }
            boolean startHolds = anyHolds(def.start(), before, after);
            boolean stopHolds = anyHolds(def.stop(), before, after);
            boolean cancelHolds = anyHolds(def.cancel(), before, after);
            if (active != null) {
                if (cancelHolds || (def.cancelWhenStartFails() && !startHolds)) {
                    active.close(t, End.CANCELLED);
                    active = null;
                } else if (stopHolds) {
                    active.close(t, End.STOPPED);
                    active = null;
                } else if (anyFires(def.reset(), before, after)) {
                    active.close(t, End.RESET);
                    active = null;
                } else if (active.pausedSince == null) {
                    if (pauseHolds && (def.resume().isEmpty() || !resumeHolds)) {
                        active.pausedSince = t;
                    }
                } else if (def.resume().isEmpty() ? !pauseHolds : resumeHolds) {
                    active.pauses.add(Interval.of(active.pausedSince, t));
                    active.pausedSince = null;
                }
            }
            if (active == null && startHolds && !stopHolds && !cancelHolds) {
                if (cycles.isEmpty() && def.retroactiveStart() && t.isAfter(log.origin())) {
                    active = new Raw(log.origin());
                    active.pauses.addAll(heldPauses);
                    active.pausedSince = heldSince;
                } else {
                    active = new Raw(t);
                    if (pauseHolds && (def.resume().isEmpty() || !resumeHolds)) {
                        active.pausedSince = t;
                    }
                }
                cycles.add(active);
            }
            if (initial) {
                initial = false;
                continue;
            }
            if (i >= events.size() || events.get(i).at().isAfter(now)) {
                break;
            }
            t = events.get(i).at();
        }
        int future = events.size() - i;
        if (future > 0) {
            out.add(Finding.warn("incident.clock.future-events", def.name() + ": " + future
                    + " event(s) after the evaluation instant were not read",
                    Facts.of("clock", def.name(), "events", future, "first", events.get(i).at())));
        }
        List<Cycle> result = new ArrayList<>(cycles.size());
        if (cycles.isEmpty()) {
            out.add(Finding.info("incident.clock.not-started", def.name() + ": the start condition never held",
                    Facts.of("clock", def.name(), "start", def.start().toString())));
        }
        for (int n = 0; n < cycles.size(); n++) {
            Cycle c = cycle(def, cycles.get(n), n + 1, sevAt, sevs, now, table, config);
            result.add(c);
            findings(def, c, out);
        }
        return new ClockCycles(def.name(), result);
    }

    private static Cycle cycle(ClockDefinition def, Raw raw, int number, List<Instant> sevAt, List<Severity> sevs,
            Instant now, SlaTable table, IncidentSlaConfig config) {
        Instant end = raw.end != null ? raw.end : now;
        List<Interval> pauseList = new ArrayList<>(raw.pauses);
        if (raw.pausedSince != null) {
            pauseList.add(Interval.of(raw.pausedSince, end));
        }
        IntervalSet pauses = IntervalSet.of(pauseList);
        // severity stretches: the severity in force at the start, then each change strictly inside
        List<Instant> froms = new ArrayList<>();
        List<Severity> stretch = new ArrayList<>();
        for (int k = 0; k < sevAt.size(); k++) {
            Instant at = sevAt.get(k);
            if (!at.isAfter(raw.start)) {
                froms.clear();
                stretch.clear();
                froms.add(raw.start);
                stretch.add(sevs.get(k));
            } else if (at.isBefore(end)) {
                froms.add(at);
                stretch.add(sevs.get(k));
            }
        }
        List<TargetSpan> spans = new ArrayList<>(froms.size());
        int decided = -1;
        Duration elapsed = Duration.ZERO;
        for (int k = 0; k < froms.size(); k++) {
            Instant from = froms.get(k);
            Instant to = k + 1 < froms.size() ? froms.get(k + 1) : end;
            Severity s = stretch.get(k);
            Duration target = targetOf(def, table, s);
            BusinessCalendar cal = config.calendarFor(s);
            Instant d = ClockMath.deadline(cal, pauses, def.retarget() == Retarget.CARRY_OVER ? raw.start : from, target);
            spans.add(new TargetSpan(from, to, s, target, d, elapsed, ClockMath.paused(pauses, raw.start, from)));
            elapsed = elapsed.plus(ClockMath.counted(cal, pauses, from, to));
            if (decided < 0 && (k == froms.size() - 1 || to.isAfter(d))) {
                // the first stretch whose deadline passed before it ended decides: a breach stands
                decided = k;
            }
        }
        TargetSpan rule = spans.get(decided);
        BusinessCalendar cal = config.calendarFor(rule.severity());
        boolean breached = end.isAfter(rule.deadline());
        Duration overrun = breached ? Duration.between(rule.deadline(), end) : Duration.ZERO;
        Duration remaining = Duration.ZERO;
        State state;
        SlaStatus status;
        if (raw.endedBy == End.CANCELLED || raw.endedBy == End.RESET) {
            state = State.CANCELLED;
            status = breached ? SlaStatus.BREACHED : null;
        } else if (raw.endedBy == End.STOPPED) {
            state = breached ? State.BREACHED : State.MET;
            status = breached ? SlaStatus.BREACHED : SlaStatus.MET;
        } else if (breached) {
            state = raw.pausedSince != null ? State.BREACHED_WHILE_PAUSED : State.BREACHED;
            status = SlaStatus.BREACHED;
        } else {
            state = raw.pausedSince != null ? State.PAUSED : State.RUNNING;
            remaining = ClockMath.counted(cal, pauses, now, rule.deadline());
            Instant from = def.retarget() == Retarget.CARRY_OVER ? raw.start : rule.from();
            Duration counted = ClockMath.counted(cal, pauses, from, now);
            Duration threshold = Duration.ofNanos(Math.round(rule.target().toNanos() * config.atRiskShare()));
            status = counted.compareTo(threshold) >= 0 ? SlaStatus.AT_RISK : SlaStatus.ON_TRACK;
        }
        return new Cycle(number, raw.start, raw.end, raw.endedBy, state, breached, rule.severity(), rule.target(),
                rule.deadline(), elapsed, ClockMath.paused(pauses, raw.start, end), Duration.between(raw.start, end),
                remaining, overrun, raw.pausedSince, spans, status);
    }

    private static Duration targetOf(ClockDefinition def, SlaTable table, Severity s) {
        Duration fixed = def.target();
        return fixed != null ? fixed : table.target(s).target(def.kind());
    }

    private static void findings(ClockDefinition def, Cycle c, List<Finding> out) {
        String what = def.name() + " cycle " + c.number() + " (" + c.severity() + ", target "
                + Text.duration(c.target()) + ")";
        for (int k = 1; k < c.targets().size(); k++) {
            TargetSpan prev = c.targets().get(k - 1);
            TargetSpan next = c.targets().get(k);
            Duration pausedBefore = next.pausedBefore();
            out.add(Finding.info("incident.clock.retargeted", Checks.message(
                    "%s: %s -> %s at %s, target %s -> %s (%s); %s paused before the change still counts as paused",
                    def.name() + " cycle " + c.number(), prev.severity(), next.severity(), next.from(),
                    Text.duration(prev.target()), Text.duration(next.target()), def.retarget(),
                    Text.duration(pausedBefore)),
                    Facts.builder().put("clock", def.name()).put("cycle", c.number()).put("at", next.from())
                            .put("from", prev.severity()).put("to", next.severity()).put("fromTarget", prev.target())
                            .put("toTarget", next.target()).put("rule", def.retarget().name())
                            .put("elapsedBefore", next.elapsedBefore()).put("pausedBefore", pausedBefore)
                            .put("deadline", next.deadline()).build()));
        }
        Facts.Builder f = Facts.builder().put("clock", def.name()).put("cycle", c.number()).put("start", c.start())
                .put("severity", c.severity()).put("target", c.target()).put("deadline", c.deadline())
                .put("elapsed", c.elapsed()).put("paused", c.paused());
        if (c.end() != null) {
            f.put("end", c.end());
        }
        switch (c.state()) {
            case MET:
                out.add(Finding.pass("incident.clock.met", what + " met: stopped at " + c.end() + ", deadline "
                        + c.deadline(), f.build()));
                break;
            case BREACHED:
                out.add(Finding.fail("incident.clock.breached", what + " breached by " + Text.duration(c.overrun())
                        + " (deadline " + c.deadline() + ")", f.put("overrun", c.overrun()).build()));
                break;
            case BREACHED_WHILE_PAUSED:
                out.add(Finding.fail("incident.clock.breached-while-paused", what + " is paused since "
                        + c.pausedSince() + " but its deadline " + c.deadline()
                        + " had already passed: the pause does not undo the breach",
                        f.put("pausedSince", c.pausedSince()).put("overrun", c.overrun()).build()));
                break;
            case CANCELLED:
                String code = c.endedBy() == End.RESET ? "incident.clock.reset" : "incident.clock.cancelled";
                String verb = c.endedBy() == End.RESET ? " reset" : " cancelled";
                if (c.breached()) {
                    out.add(Finding.warn(code, what + verb + " at " + c.end() + " after breaching its deadline "
                            + c.deadline(), f.put("overrun", c.overrun()).build()));
                } else {
                    out.add(Finding.info(code, what + verb + " at " + c.end(), f.build()));
                }
                break;
            case PAUSED:
                out.add(Finding.info("incident.clock.paused", what + " paused since " + c.pausedSince() + ", "
                        + Text.duration(c.remaining()) + " left", f.put("pausedSince", c.pausedSince())
                        .put("remaining", c.remaining()).build()));
                break;
            default:
                if (c.slaStatus().orElse(SlaStatus.ON_TRACK) == SlaStatus.AT_RISK) {
                    out.add(Finding.warn("incident.clock.at-risk", what + " at risk: only "
                            + Text.duration(c.remaining()) + " left until " + c.deadline(),
                            f.put("remaining", c.remaining()).build()));
                } else {
                    out.add(Finding.info("incident.clock.running", what + " running: " + Text.duration(c.remaining())
                            + " left until " + c.deadline(), f.put("remaining", c.remaining()).build()));
                }
        }
    }

}
