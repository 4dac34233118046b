package io.github.deliverykit.cli;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.policy.incident.IncidentClocks;
import io.github.deliverykit.policy.incident.IncidentSla;
import io.github.deliverykit.policy.incident.IncidentSlaConfig;
import io.github.deliverykit.policy.incident.IncidentSlaDecision;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemVerdict;
import io.github.deliverykit.policy.incident.IncidentTimeline;
import io.github.deliverykit.policy.incident.IncidentTimeline.Entry;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem.ActionItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delivery incident-report}: the report of one incident from its timeline (seed incident_report). */
@Command(name = "incident-report", mixinStandardHelpOptions = true,
        description = "Incident report from timeline data: SLA clocks, durations, post-mortem; with an incident's "
                + "event list also every clock cycle, OLA clock and paused time; an SLA or OLA breach or an "
                + "overdue/incomplete post-mortem exits 1.")
final class IncidentReportCommand extends ReportCommand {

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The incident id, e.g. INC-2024-0125.")
    String id;

    @Option(names = "--incidents", required = true, paramLabel = "FILE", description = "The incidents file (JSON).")
    Path incidentsFile;

    private static final int MAX_IDS_LISTED = 20;

    @Override
    Report report() {
        common.now();
        JsonInput[] match = new JsonInput[1];
        List<String> ids = new ArrayList<>();
        int[] count = new int[1];
        Inputs.forEachIncident(incidentsFile, i -> {
            String iid = i.string("id");
            Inputs.incident(i); // every incident is read as every command reads it, not only the one reported
            if (ids.size() < MAX_IDS_LISTED) {
                ids.add(iid);
            }
            count[0]++;
            if (iid.equals(id)) {
                match[0] = i;
            }
        });
        JsonInput found = match[0];
        if (found == null) {
            throw new InputException(incidentsFile.toString(), "$.incidents",
                    "no incident with id '" + id + "' (ids: " + String.join(", ", ids)
                    + (count[0] > ids.size() ? ", ... " + (count[0] - ids.size()) + " more" : "") + ")");
        }
        IncidentTimeline timeline = timeline(found);
        IncidentSlaDecision report = found.build(x -> IncidentSla.load(IncidentSlaConfig.ofDefaults())
                .evaluate(timeline, common.clock()));
        IncidentClockInput.Clocks input = IncidentClockInput.read(found, timeline);
        IncidentClocks clocks = null;
        if (input != null) {
            IncidentClocks read = found.build(x -> IncidentSla.load(input.config()).evaluate(input.log(),
                    common.clock()));
            // the fields the report above reads and the events the clocks read should tell one story
            clocks = new IncidentClocks(read.generatedAt(), read.clocks(), read.verdict(),
                    input.mismatches().plus(read.findings()));
        }
        if (html()) {
            picture = new HtmlPicture("delivery incident-report: " + id, report.generatedAt());
            picture.incident(report);
            if (clocks != null) {
                picture.clocks(id, clocks);
            }
        }
        return report(timeline, report, clocks, input == null ? 0 : input.events());
    }

    @Override
    boolean drawsPicture() {
        return true;
    }

    /** The report of an incident's SLA decision (also the demo's incident step). */
    static Report report(IncidentTimeline timeline, IncidentSlaDecision report) {
        return report(timeline, report, null, 0);
    }

    /**
     * The report of an incident's SLA decision and, when the incident has an event list, its SLA
     * clocks: a breach of a response or resolution cycle is an SLA breach, a breach of an OLA cycle an
     * OLA breach; both exit 1.
     */
    static Report report(IncidentTimeline timeline, IncidentSlaDecision report, @Nullable IncidentClocks clocks,
            int events) {
        String id = timeline.incident().id();
        boolean breached = report.response().status() == SlaStatus.BREACHED
                || report.resolution().status() == SlaStatus.BREACHED
                || clocks != null && IncidentClockReport.breached(clocks, false);
        boolean olaBreached = clocks != null && IncidentClockReport.breached(clocks, true);
        PostMortemVerdict pm = report.postMortem().verdict();
        boolean negative = breached || olaBreached || pm == PostMortemVerdict.OVERDUE
                || pm == PostMortemVerdict.INCOMPLETE;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("severity", timeline.peakSeverity().toString());
        data.put("response", report.response().status().name());
        data.put("resolution", report.resolution().status().name());
        data.put("missedStatusUpdates", report.statusUpdates().missedCount());
        data.put("postMortem", pm.name());
        String verdict = breached ? "SLA_BREACHED" : olaBreached ? "OLA_BREACHED"
                : negative ? "POST_MORTEM_" + pm.name() : "OK";
        if (clocks == null) {
            return new Report("Incident report: " + id, verdict, report.findings(), report.toText(),
                    report.toMarkdown(), data, negative ? ExitCode.NEGATIVE : ExitCode.OK);
        }
        data.put("clocksVerdict", clocks.verdict().name());
        data.put("events", events);
        data.put("clocks", IncidentClockReport.json(clocks));
        return new Report("Incident report: " + id, verdict, report.findings().plus(clocks.findings()),
                report.toText() + IncidentClockReport.text(clocks, events),
                report.toMarkdown() + IncidentClockReport.markdown(clocks, events), data,
                negative ? ExitCode.NEGATIVE : ExitCode.OK);
    }

    static IncidentTimeline timeline(JsonInput i) {
        Incident incident = Inputs.incident(i);
        IncidentTimeline.Builder b = IncidentTimeline.builder(incident);
        b.title(i.optString("title"));
        b.summary(i.optString("summary"));
        for (JsonInput c : i.optObjects("severityChanges")) {
            c.allowOnly("at", "from", "to", "reason");
            Instant at = c.instant("at");
            Severity from = Inputs.severity(c, "from");
            Severity to = Inputs.severity(c, "to");
            String reason = c.optString("reason");
            c.build(x -> b.severityChange(at, from, to, reason));
        }
        for (JsonInput p : i.optObjects("pauses")) {
            p.allowOnly("from", "to", "reason");
            Instant from = p.instant("from");
            Instant to = p.instant("to");
            String reason = p.string("reason");
            p.build(x -> b.pause(from, to, reason));
        }
        List<String> updates = i.strings("statusUpdates");
        for (int k = 0; k < updates.size(); k++) {
            try {
                b.statusUpdate(Instant.parse(updates.get(k)));
            } catch (java.time.format.DateTimeParseException e) {
                throw i.problem("statusUpdates[" + k + "]", "must be an ISO-8601 instant, but was '" + updates.get(k) + "'");
            }
        }
        for (JsonInput e : i.optObjects("timeline")) {
            e.allowOnly("at", "text");
            Instant at = e.instant("at");
            String text = e.string("text");
            e.build(x -> b.entry(at, text));
        }
        JsonInput pm = i.optObject("postMortem");
        if (pm != null) {
            pm.allowOnly("published", "timeline", "rootCause", "actionItems");
            Instant published = pm.optInstant("published");
            List<Entry> entries = new ArrayList<>();
            for (JsonInput e : pm.optObjects("timeline")) {
                e.allowOnly("at", "text");
                Instant at = e.instant("at");
                String text = e.string("text");
                entries.add(e.build(x -> new Entry(at, text)));
            }
            List<ActionItem> items = new ArrayList<>();
            for (JsonInput a : pm.optObjects("actionItems")) {
                a.allowOnly("description", "owner", "due", "done");
                String d = a.string("description");
                String owner = a.optString("owner");
                Instant due = a.optInstant("due");
                Instant done = a.optInstant("done");
                items.add(a.build(x -> new ActionItem(d, owner, due, done)));
            }
            String root = pm.optString("rootCause");
            PostMortem postMortem = pm.build(x -> new PostMortem(published, entries, root, items));
            b.postMortem(postMortem);
        }
        return i.build(x -> b.build());
    }
}
