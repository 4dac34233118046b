package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.finding.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the sections of an {@link IncidentSlaDecision} and renders them. A plain class rather than
 * code inside the record, so that mutation testing can redefine it.
 */
final class ReportRendering {

    private ReportRendering() {}

    static List<IncidentTimeline.Entry> events(IncidentSlaDecision r) {
        IncidentTimeline timeline = r.timeline();
        Incident inc = timeline.incident();
        List<IncidentTimeline.Entry> out = new ArrayList<>();
        out.add(new IncidentTimeline.Entry(inc.started(), "Impact started"));
        out.add(new IncidentTimeline.Entry(inc.detected(), "Detected (" + timeline.initialSeverity() + ")"));
        if (inc.acknowledged() != null) {
            out.add(new IncidentTimeline.Entry(inc.acknowledged(), "Acknowledged"));
        }
        if (inc.mitigated() != null) {
            out.add(new IncidentTimeline.Entry(inc.mitigated(), "Impact mitigated"));
        }
        if (inc.resolved() != null) {
            out.add(new IncidentTimeline.Entry(inc.resolved(), "Resolved"));
        }
        for (IncidentTimeline.SeverityChange c : timeline.severityChanges()) {
            out.add(new IncidentTimeline.Entry(c.at(), "Severity " + c.from() + " -> " + c.to()
                    + (c.reason() != null ? ": " + c.reason() : "")));
        }
        for (IncidentTimeline.Pause p : timeline.pauses()) {
            out.add(new IncidentTimeline.Entry(p.interval().start(), "SLA clocks paused: " + p.reason()));
            out.add(new IncidentTimeline.Entry(p.interval().end(), "SLA clocks resumed"));
        }
        for (Instant u : timeline.statusUpdates()) {
            out.add(new IncidentTimeline.Entry(u, "Status update sent"));
        }
        IncidentTimeline.Lifecycle lc = timeline.lifecycle();
        if (lc != null) {
            for (IncidentTimeline.Lifecycle.Transition t : lc.transitions()) {
                out.add(new IncidentTimeline.Entry(t.at(), "Phase " + t.from() + " -> " + t.to()
                        + (t.note() != null ? ": " + t.note() : "")));
            }
        }
        out.addAll(timeline.entries());
        out.sort(Comparator.comparing(IncidentTimeline.Entry::at));
        return out;
    }

    static List<IncidentSlaDecision.Measure> durations(IncidentSlaDecision r) {
        IncidentTimeline timeline = r.timeline();
                Incident inc = timeline.incident();
        List<IncidentSlaDecision.Measure> out = new ArrayList<>();
        out.add(new IncidentSlaDecision.Measure("Time to detect", Duration.between(inc.started(), inc.detected())));
        if (inc.acknowledged() != null) {
            out.add(new IncidentSlaDecision.Measure("Time to acknowledge", Duration.between(inc.detected(), inc.acknowledged())));
        }
        if (inc.mitigated() != null) {
            out.add(new IncidentSlaDecision.Measure("Time to mitigate", Duration.between(inc.started(), inc.mitigated())));
        }
        if (inc.resolved() != null) {
            out.add(new IncidentSlaDecision.Measure("Time to resolve", Duration.between(inc.detected(), inc.resolved())));
        }
        out.add(new IncidentSlaDecision.Measure("Time paused", r.resolution().paused()));
        return out;
    }

    private static String status(IncidentTimeline timeline) {
        Incident inc = timeline.incident();
        String s = inc.isResolved() ? "RESOLVED" : "OPEN";
        IncidentTimeline.Lifecycle lc = timeline.lifecycle();
        return lc == null ? s : s + ", phase " + lc.phase();
    }

    private static String severityLine(IncidentTimeline timeline) {
        String s = timeline.incident().severity().toString();
        if (!timeline.severityChanges().isEmpty()) {
            s += " (initial " + timeline.initialSeverity() + ", peak " + timeline.peakSeverity() + ")";
        }
        return s;
    }

    private static List<String> why(IncidentTimeline timeline, SeverityClassification.@Nullable Result classification) {
        List<String> out = new ArrayList<>();
        if (classification == null) {
            out.add("Set by the responders; no impact facts were recorded.");
            return out;
        }
        out.add("Impact facts call for " + classification.severity()
                + (classification.ambiguous() ? " (ambiguous facts: the more severe level was picked)" : "") + ".");
        for (Finding f : classification.findings()) {
            if (!f.code().equals("incident.severity.classified")) {
                out.add(f.message());
            }
        }
        if (!classification.severity().equals(timeline.incident().severity())) {
            out.add("The recorded severity " + timeline.incident().severity() + " differs from the classification "
                    + classification.severity() + ".");
        }
        return out;
    }

    private static String instant(@Nullable Instant i) {
        return i == null ? "-" : i.toString();
    }

    private static String clockRow(IncidentSlaDecision.ClockResult c) {
        return (c.kind() == IncidentSlaDecision.ClockKind.RESPONSE ? "Response" : "Resolution") + " | " + c.severity() + " | "
                + Text.duration(c.target()) + " | " + c.deadline() + " | " + instant(c.stoppedAt()) + " | "
                + Text.duration(c.elapsed()) + " | " + c.status()
                + (c.isBreached() ? " by " + Text.duration(c.overrun()) : "");
    }

    private static String itemState(IncidentTimeline.PostMortem.ActionItem a, Instant now) {
        if (a.done() != null) {
            return "done " + a.done();
        }
        return a.isOverdue(now) ? "OVERDUE" : "open";
    }

    private static String updatesLine(IncidentSlaDecision r) {
        IncidentSlaDecision.StatusUpdates u = r.statusUpdates();
        if (!u.required()) {
            return "not required";
        }
        if (u.missedCount() == 0) {
            return u.updates() + " sent, none missed";
        }
        return u.updates() + " sent, " + u.missedCount() + " missed";
    }

    static String toMarkdown(IncidentSlaDecision r) {
        IncidentTimeline timeline = r.timeline();
                IncidentSlaDecision.PostMortemReview postMortem = r.postMortem();
        Instant generatedAt = r.generatedAt();
        Incident inc = timeline.incident();
        StringBuilder sb = new StringBuilder();
        sb.append("# Incident report: ").append(inc.id()).append("\n\n");
        sb.append("## Summary\n\n");
        sb.append("- **Title:** ").append(md(timeline.displayTitle())).append('\n');
        sb.append("- **Service:** ").append(md(inc.service())).append(" (").append(md(inc.environment())).append(")\n");
        sb.append("- **Status:** ").append(status(timeline)).append('\n');
        sb.append("- **Severity:** ").append(severityLine(timeline)).append('\n');
        sb.append("- **SLA:** ").append(r.verdict()).append('\n');
        sb.append("- **Post-mortem:** ").append(postMortem.verdict()).append('\n');
        sb.append("- **Generated at:** ").append(generatedAt).append('\n');
        if (timeline.summary() != null) {
            sb.append('\n').append(md(timeline.summary())).append('\n');
        }
        sb.append("\n## Severity and why\n\n");
        for (String line : why(timeline, r.classification())) {
            sb.append("- ").append(md(line)).append('\n');
        }
        sb.append("\n## Timeline\n\n| time (UTC) | event |\n| --- | --- |\n");
        for (IncidentTimeline.Entry e : events(r)) {
            sb.append("| ").append(e.at()).append(" | ").append(md(e.text())).append(" |\n");
        }
        sb.append("\n## Durations\n\n| measure | duration |\n| --- | --- |\n");
        for (IncidentSlaDecision.Measure m : durations(r)) {
            sb.append("| ").append(m.label()).append(" | ").append(Text.duration(m.duration())).append(" |\n");
        }
        sb.append("\n## SLA results\n\n| clock | severity | target | deadline | stopped | elapsed | status |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        sb.append("| ").append(clockRow(r.response())).append(" |\n");
        sb.append("| ").append(clockRow(r.resolution())).append(" |\n");
        sb.append("\nStatus updates: ").append(updatesLine(r)).append('\n');
        for (Instant m : r.statusUpdates().missed()) {
            sb.append("- missed update due at ").append(m).append('\n');
        }
        sb.append("\n## Post-mortem\n\n");
        sb.append("- **Verdict:** ").append(postMortem.verdict()).append('\n');
        sb.append("- **Required:** ").append(postMortem.required() ? "yes" : "no").append('\n');
        sb.append("- **Due:** ").append(instant(postMortem.due())).append('\n');
        IncidentTimeline.PostMortem pm = timeline.postMortem();
        if (pm != null) {
            sb.append("- **Published:** ").append(instant(pm.published())).append('\n');
            sb.append("- **Root cause:** ").append(pm.rootCause() == null ? "-" : md(pm.rootCause())).append('\n');
        }
        sb.append("\n## Action items\n\n");
        if (pm == null || pm.actionItems().isEmpty()) {
            sb.append("None recorded.\n");
        } else {
            sb.append("| item | owner | due | state |\n| --- | --- | --- | --- |\n");
            for (IncidentTimeline.PostMortem.ActionItem a : pm.actionItems()) {
                sb.append("| ").append(md(a.description())).append(" | ").append(a.owner() == null ? "-" : md(a.owner()))
                        .append(" | ").append(instant(a.due())).append(" | ").append(itemState(a, generatedAt))
                        .append(" |\n");
            }
        }
        sb.append("\n## Findings\n\n").append(r.findings().toMarkdown());
        return sb.toString();
    }


    static String toText(IncidentSlaDecision r) {
        IncidentTimeline timeline = r.timeline();
                IncidentSlaDecision.PostMortemReview postMortem = r.postMortem();
        Instant generatedAt = r.generatedAt();
        Incident inc = timeline.incident();
        StringBuilder sb = new StringBuilder();
        sb.append("Incident report: ").append(inc.id()).append('\n');
        sb.append("Title:       ").append(timeline.displayTitle()).append('\n');
        sb.append("Service:     ").append(inc.service()).append(" (").append(inc.environment()).append(")\n");
        sb.append("Status:      ").append(status(timeline)).append('\n');
        sb.append("Severity:    ").append(severityLine(timeline)).append('\n');
        sb.append("SLA:         ").append(r.verdict()).append('\n');
        sb.append("Post-mortem: ").append(postMortem.verdict()).append('\n');
        sb.append("Generated:   ").append(generatedAt).append('\n');
        if (timeline.summary() != null) {
            sb.append('\n').append(timeline.summary()).append('\n');
        }
        sb.append("\nSeverity and why\n");
        for (String line : why(timeline, r.classification())) {
            sb.append("  ").append(line).append('\n');
        }
        sb.append("\nTimeline (UTC)\n");
        for (IncidentTimeline.Entry e : events(r)) {
            sb.append("  ").append(e.at()).append("  ").append(e.text()).append('\n');
        }
        sb.append("\nDurations\n");
        for (IncidentSlaDecision.Measure m : durations(r)) {
            sb.append("  ").append(m.label()).append(": ").append(Text.duration(m.duration())).append('\n');
        }
        sb.append("\nSLA results\n");
        for (IncidentSlaDecision.ClockResult c : List.of(r.response(), r.resolution())) {
            sb.append("  ").append(clockRow(c).replace(" | ", ", ")).append('\n');
        }
        sb.append("  Status updates: ").append(updatesLine(r)).append('\n');
        for (Instant m : r.statusUpdates().missed()) {
            sb.append("    missed update due at ").append(m).append('\n');
        }
        sb.append("\nPost-mortem\n");
        sb.append("  Verdict: ").append(postMortem.verdict()).append('\n');
        sb.append("  Required: ").append(postMortem.required() ? "yes" : "no").append('\n');
        sb.append("  Due: ").append(instant(postMortem.due())).append('\n');
        IncidentTimeline.PostMortem pm = timeline.postMortem();
        if (pm != null) {
            sb.append("  Published: ").append(instant(pm.published())).append('\n');
            sb.append("  Root cause: ").append(pm.rootCause() == null ? "-" : pm.rootCause()).append('\n');
        }
        sb.append("\nAction items\n");
        if (pm == null || pm.actionItems().isEmpty()) {
            sb.append("  None recorded.\n");
        } else {
            for (IncidentTimeline.PostMortem.ActionItem a : pm.actionItems()) {
                sb.append("  - ").append(a.description()).append(" (owner ").append(a.owner() == null ? "-" : a.owner())
                        .append(", due ").append(instant(a.due())).append(", ").append(itemState(a, generatedAt))
                        .append(")\n");
            }
        }
        sb.append("\nFindings\n").append(r.findings().toText());
        return sb.toString();
    }

    static String md(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }
}
