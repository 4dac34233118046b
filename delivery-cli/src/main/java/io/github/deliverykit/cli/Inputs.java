package io.github.deliverykit.cli;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.policy.incident.IncidentSlaConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Readers for the event shapes several input files share (incidents, deployments, commits). */
final class Inputs {

    static final String[] INCIDENT_FIELDS = {"id", "service", "environment", "severity", "started", "detected",
        "acknowledged", "mitigated", "resolved", "causedBy", "impact", "title", "summary", "severityChanges",
        "pauses", "statusUpdates", "timeline", "postMortem", "events", "olas"};

    private Inputs() {}

    /**
     * The one severity reader of every command: {@code SEV-1} .. the least severe level of the seed
     * SLA table ({@code SEV-4}), so a severity one command accepts no other command rejects.
     */
    static Severity severity(JsonInput in, String field) {
        String text = in.string(field);
        Severity least = IncidentSlaConfig.SlaTable.seed().leastSevere();
        Severity severity;
        try {
            severity = Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw in.problem(field, "unknown severity '" + text + "' (SEV-1 .. " + least + ")");
        }
        if (least.isMoreSevereThan(severity)) {
            throw in.problem(field, "unknown severity '" + text + "' (SEV-1 .. " + least + ", the levels of the "
                    + "severity table '" + IncidentSlaConfig.SlaTable.seed().id() + "')");
        }
        return severity;
    }

    /**
     * Reads an incidents file ({@code {"incidents": [...]}}) one incident at a time, rejecting a
     * duplicate id (the second names the first's path).
     *
     * @param file the file
     * @param each what to do with each incident object (its fields are checked)
     */
    static void forEachIncident(Path file, Consumer<JsonInput> each) {
        Map<String, String> ids = new HashMap<>();
        JsonInput.stream(file, List.of(new JsonInput.ArrayField("incidents", true, i -> {
            i.allowOnly(INCIDENT_FIELDS);
            String id = i.string("id");
            String first = ids.putIfAbsent(id, i.path());
            if (first != null) {
                throw i.problem("id", "duplicate incident id '" + id + "' (first at " + first + ")");
            }
            each.accept(i);
        })));
    }

    static List<Incident> incidents(Path file) {
        List<Incident> out = new ArrayList<>();
        forEachIncident(file, i -> out.add(incident(i)));
        return out;
    }

    static Incident incident(JsonInput i) {
        String id = i.string("id");
        String service = i.string("service");
        Severity severity = severity(i, "severity");
        var started = i.instant("started");
        var detected = i.has("detected") ? i.instant("detected") : started;
        var acknowledged = i.optInstant("acknowledged");
        var mitigated = i.optInstant("mitigated");
        var resolved = i.optInstant("resolved");
        String environment = i.string("environment", "production");
        String cause = i.optString("causedBy");
        BigDecimal impact = i.has("impact") ? i.decimal("impact") : BigDecimal.ONE;
        return i.build(x -> Incident.builder(id, service, severity).environment(environment).started(started)
                .detected(detected).acknowledged(acknowledged).mitigated(mitigated).resolved(resolved)
                .causedBy(cause).impact(impact).build());
    }

    /**
     * The deployments and commits of a deployments file.
     *
     * @param deployments the deployments, in file order
     * @param commits the commits, in file order
     */
    record DeploymentsFile(List<Deployment> deployments, List<Commit> commits) {}

    /**
     * Reads a deployments file ({@code {"deployments": [...], "commits": [...]}}) element by element;
     * every sha a deployment lists must be one of {@code commits}, and ids and shas are unique.
     */
    static DeploymentsFile deployments(Path file) {
        List<Deployment> deployments = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<Commit> commits = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> shas = new HashMap<>();
        JsonInput.stream(file, List.of(new JsonInput.ArrayField("deployments", true, d -> {
            Deployment deployment = deployment(d);
            String first = ids.putIfAbsent(deployment.id(), d.path());
            if (first != null) {
                throw d.problem("id", "duplicate deployment id '" + deployment.id() + "' (first at " + first + ")");
            }
            deployments.add(deployment);
            paths.add(d.path());
        }), new JsonInput.ArrayField("commits", false, c -> {
            Commit commit = commit(c);
            String first = shas.putIfAbsent(commit.sha(), c.path());
            if (first != null) {
                throw c.problem("sha", "duplicate commit sha '" + commit.sha() + "' (first at " + first + ")");
            }
            commits.add(commit);
        })));
        for (int k = 0; k < deployments.size(); k++) {
            List<String> listed = deployments.get(k).commits();
            for (int j = 0; j < listed.size(); j++) {
                if (!shas.containsKey(listed.get(j))) {
                    throw new InputException(file.toString(), paths.get(k) + ".commits[" + j + "]", "sha '"
                            + listed.get(j) + "' is not in $.commits (its authored time gives the lead time)");
                }
            }
        }
        return new DeploymentsFile(deployments, commits);
    }

    private static Deployment deployment(JsonInput d) {
        d.allowOnly("id", "service", "environment", "version", "started", "finished", "outcome", "commits",
                "previous");
        String id = d.string("id");
        String service = d.string("service");
        String environment = d.string("environment", "production");
        String version = d.string("version", id);
        var started = d.instant("started");
        DeploymentOutcome outcome = d.has("outcome") ? d.enumValue("outcome", DeploymentOutcome.class)
                : DeploymentOutcome.SUCCESS;
        var finished = d.has("finished") ? d.instant("finished")
                : outcome == DeploymentOutcome.IN_PROGRESS ? null : started;
        List<String> commits = d.strings("commits");
        String previous = d.optString("previous");
        return d.build(x -> new Deployment(id, service, environment, version, started, finished, outcome,
                commits, previous));
    }

    private static Commit commit(JsonInput c) {
        c.allowOnly("sha", "authored", "committed");
        String sha = c.string("sha");
        var authored = c.instant("authored");
        var committed = c.has("committed") ? c.instant("committed") : authored;
        return c.build(x -> new Commit(sha, authored, committed));
    }
}
