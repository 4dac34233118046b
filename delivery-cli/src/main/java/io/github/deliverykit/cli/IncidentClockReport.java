package io.github.deliverykit.cli;

import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.policy.incident.IncidentClocks;
import io.github.deliverykit.policy.incident.IncidentClocks.ClockCycles;
import io.github.deliverykit.policy.incident.IncidentClocks.Cycle;
import io.github.deliverykit.policy.incident.IncidentClocks.State;
import io.github.deliverykit.policy.incident.IncidentClocks.TargetSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The SLA clocks section of {@code incident-report} (an incident with an event list): every clock's
 * cycles with their state (breached-while-paused included), target, deadline, counted and paused
 * time, the targets in force across severity changes, and the clock findings; as text, Markdown,
 * JSON data and HTML table rows, all from the one {@link IncidentClocks}.
 */
final class IncidentClockReport {

    private IncidentClockReport() {}

    /** Whether a clock is an operational-level clock ({@code ola:<group>}). */
    static boolean isOla(ClockCycles c) {
        return c.name().startsWith("ola:");
    }

    /**
     * Whether any cycle of the chosen clocks has breached.
     *
     * @param clocks the clocks
     * @param ola true for the OLA clocks, false for the others (response, resolution)
     * @return true when one of them is BREACHED
     */
    static boolean breached(IncidentClocks clocks, boolean ola) {
        for (ClockCycles c : clocks.clocks()) {
            if (isOla(c) == ola) {
                for (Cycle cycle : c.cycles()) {
                    if (cycle.slaStatus().orElse(SlaStatus.MET) == SlaStatus.BREACHED) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String d(Duration d) {
        return DoraCommand.duration(d);
    }

    /** How the cycle stands, in words: the state and when it ended or paused. */
    private static String how(Cycle c) {
        State s = c.state();
        switch (s) {
            case MET:
            case BREACHED:
                return s.name() + (c.isEnded() ? " (stopped at " + c.end() + ")" : " (open)");
            case CANCELLED:
                return s.name() + " (" + (c.endedBy() == IncidentClocks.End.RESET ? "reset" : "cancelled") + " at "
                        + c.end() + (c.breached() ? ", after its deadline" : "") + ")";
            case PAUSED:
                return s.name() + " (paused since " + c.pausedSince() + ", " + d(c.remaining()) + " left)";
            case BREACHED_WHILE_PAUSED:
                return s.name() + " (paused since " + c.pausedSince() + ", after its deadline)";
            default:
                return s.name() + " (" + d(c.remaining()) + " left)";
        }
    }

    /**
     * The plain-text section, to follow the incident report.
     *
     * @param clocks the clocks
     * @param events the number of events they were read from
     * @return the section, ending in a newline
     */
    static String text(IncidentClocks clocks, int events) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nSLA clocks (from ").append(events).append(" events): ").append(clocks.verdict().name()).append('\n');
        for (ClockCycles c : clocks.clocks()) {
            if (c.cycles().isEmpty()) {
                sb.append("  ").append(c.name()).append(": not started\n");
                continue;
            }
            for (Cycle cycle : c.cycles()) {
                sb.append("  ").append(c.name()).append(" #").append(cycle.number()).append(": ").append(how(cycle))
                        .append("; started ").append(cycle.start()).append("; ").append(cycle.severity())
                        .append(", target ").append(d(cycle.target())).append(", deadline ").append(cycle.deadline())
                        .append("; elapsed ").append(d(cycle.elapsed())).append(", paused ").append(d(cycle.paused()));
                if (cycle.breached()) {
                    sb.append("; overrun ").append(d(cycle.overrun()));
                }
                sb.append('\n');
                if (cycle.targets().size() > 1) {
                    for (TargetSpan t : cycle.targets()) {
                        sb.append("    ").append(t.severity()).append(' ').append(d(t.target())).append(" from ")
                                .append(t.from()).append(" to ").append(t.to()).append(": deadline ")
                                .append(t.deadline()).append(", ").append(d(t.pausedBefore()))
                                .append(" paused before\n");
                    }
                }
            }
        }
        sb.append("\nClock findings\n").append(clocks.findings().toText());
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }

    /**
     * The Markdown section, to follow the incident report.
     *
     * @param clocks the clocks
     * @param events the number of events they were read from
     * @return the section, ending in a newline
     */
    static String markdown(IncidentClocks clocks, int events) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n## SLA clocks\n\nRead from ").append(events).append(" events: **")
                .append(clocks.verdict().name()).append("**\n\n");
        sb.append("| clock | cycle | state | started | ended | severity | target | deadline | elapsed | paused | overrun |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (String[] row : rows(clocks)) {
            sb.append('|');
            for (String cellText : row) {
                sb.append(' ').append(cell(cellText)).append(" |");
            }
            sb.append('\n');
        }
        List<String> spans = new ArrayList<>();
        for (ClockCycles c : clocks.clocks()) {
            for (Cycle cycle : c.cycles()) {
                if (cycle.targets().size() > 1) {
                    for (TargetSpan t : cycle.targets()) {
                        spans.add("| " + cell(c.name()) + " | " + cycle.number() + " | " + t.severity() + " | "
                                + d(t.target()) + " | " + t.from() + " | " + t.to() + " | " + t.deadline() + " | "
                                + d(t.elapsedBefore()) + " | " + d(t.pausedBefore()) + " |");
                    }
                }
            }
        }
        if (!spans.isEmpty()) {
            sb.append("\nTargets across severity changes (paused time is kept):\n\n")
                    .append("| clock | cycle | severity | target | from | to | deadline | elapsed before | paused before |\n")
                    .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (String s : spans) {
                sb.append(s).append('\n');
            }
        }
        sb.append("\n## Clock findings\n\n").append(clocks.findings().toMarkdown());
        return sb.toString();
    }

    /**
     * One row per cycle (a clock that never started is one row saying so): clock, cycle, state,
     * started, ended, severity, target, deadline, elapsed, paused, overrun.
     *
     * @param clocks the clocks
     * @return the rows
     */
    static List<String[]> rows(IncidentClocks clocks) {
        List<String[]> rows = new ArrayList<>();
        for (ClockCycles c : clocks.clocks()) {
            if (c.cycles().isEmpty()) {
                rows.add(new String[] {c.name(), "", "not started", "", "", "", "", "", "", "", ""});
            }
            for (Cycle cycle : c.cycles()) {
                String ended = cycle.isEnded() ? cycle.end() + " (" + cycle.endedBy().name().toLowerCase(java.util.Locale.ROOT)
                        + ")" : cycle.pausedSince() != null ? "paused since " + cycle.pausedSince() : "open";
                rows.add(new String[] {c.name(), String.valueOf(cycle.number()), cycle.state().name(),
                    cycle.start().toString(), ended, cycle.severity().toString(), d(cycle.target()),
                    cycle.deadline().toString(), d(cycle.elapsed()), d(cycle.paused()),
                    cycle.breached() ? d(cycle.overrun()) : ""});
            }
        }
        return rows;
    }

    /**
     * The JSON data: one object per clock with its cycles and their target spans.
     *
     * @param clocks the clocks
     * @return the list, in config order
     */
    static List<Map<String, @Nullable Object>> json(IncidentClocks clocks) {
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        for (ClockCycles c : clocks.clocks()) {
            Map<String, @Nullable Object> clock = new LinkedHashMap<>();
            clock.put("name", c.name());
            clock.put("ola", isOla(c));
            List<Map<String, @Nullable Object>> cycles = new ArrayList<>();
            for (Cycle cycle : c.cycles()) {
                Map<String, @Nullable Object> m = new LinkedHashMap<>();
                m.put("number", cycle.number());
                m.put("state", cycle.state().name());
                m.put("status", cycle.slaStatus().map(Enum::name).orElse(null));
                m.put("breached", cycle.breached());
                m.put("start", cycle.start());
                m.put("end", cycle.end());
                m.put("endedBy", cycle.endedBy().name());
                m.put("pausedSince", cycle.pausedSince());
                m.put("severity", cycle.severity().toString());
                m.put("target", cycle.target());
                m.put("deadline", cycle.deadline());
                m.put("elapsed", cycle.elapsed());
                m.put("paused", cycle.paused());
                m.put("wall", cycle.wall());
                m.put("remaining", cycle.remaining());
                m.put("overrun", cycle.overrun());
                List<Map<String, @Nullable Object>> spans = new ArrayList<>();
                for (TargetSpan t : cycle.targets()) {
                    Map<String, @Nullable Object> s = new LinkedHashMap<>();
                    s.put("from", t.from());
                    s.put("to", t.to());
                    s.put("severity", t.severity().toString());
                    s.put("target", t.target());
                    s.put("deadline", t.deadline());
                    s.put("elapsedBefore", t.elapsedBefore());
                    s.put("pausedBefore", t.pausedBefore());
                    spans.add(s);
                }
                m.put("targets", spans);
                cycles.add(m);
            }
            clock.put("cycles", cycles);
            out.add(clock);
        }
        return out;
    }
}
