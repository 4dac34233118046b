package io.github.deliverykit.cli;

import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.change.ChangeApproval;
import io.github.deliverykit.policy.change.ChangeApproval.FreezeWindow;
import io.github.deliverykit.policy.change.ChangeApproval.ScheduledChange;
import io.github.deliverykit.policy.change.ChangeApprovalConfig;
import io.github.deliverykit.policy.change.ChangeDecision;
import io.github.deliverykit.policy.change.ChangeRequest;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.deliverykit.policy.budget.DeployFreeze;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.budget.FreezeInput;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delivery change}: evaluate a change request (ITIL change types, seed "Evaluate Change Requests"). */
@Command(name = "change", mixinStandardHelpOptions = true,
        description = "Evaluate a change request: APPROVED / NEEDS_APPROVAL (exit 0) or REJECTED (exit 1).")
final class ChangeCommand extends ReportCommand {

    @Option(names = "--request", required = true, paramLabel = "FILE", description = "The change request file (JSON).")
    Path requestFile;

    @Option(names = "--slo", paramLabel = "FILE",
            description = "The service's SLO file (JSON): with --incidents, the error budget's deploy-freeze decision is "
                    + "computed and the change is evaluated against it.")
    @Nullable Path sloFile;

    @Option(names = "--incidents", paramLabel = "FILE", description = "The incidents file (JSON), with --slo.")
    @Nullable Path incidentsFile;

    @Option(names = "--period", defaultValue = "month", paramLabel = "PERIOD",
            description = "With --slo: the budget period, as for `delivery sla` (default: ${DEFAULT-VALUE}).")
    String period = "month";

    @Override
    Path findingsArtifact() {
        return requestFile;
    }

    @Override
    Report report() {
        Instant now = common.now();
        if ((sloFile == null) != (incidentsFile == null)) {
            throw new InputException("--slo and --incidents go together: give both or neither");
        }
        Parsed parsed = parse(requestFile);
        ChangeApproval.Input input = parsed.input();
        if (sloFile != null && incidentsFile != null) {
            ChangeRequest request = input.request();
            SlaCommand.Budget budget = SlaCommand.budget(request.service(), period, sloFile, incidentsFile, now);
            FreezeDecision freeze = budget.source().build(x -> DeployFreeze.ofDefaults().evaluate(FreezeInput.of(
                    new FreezeInput.Request(request.service(), request.id(), request.kind()), budget.status()),
                    Clock.fixed(now, ZoneOffset.UTC)));
            input = input.withFreeze(freeze);
        }
        ChangeApproval.Input in = input;
        ChangeDecision d = parsed.root().build(x -> ChangeApproval.load(parsed.config()).evaluate(in,
                Clock.fixed(now, ZoneOffset.UTC)));
        return report(d);
    }

    /**
     * A change request file read: the engine input (request, calendar freezes, scheduled changes;
     * no error-budget freeze decision) and the approval config of its {@code policy}.
     *
     * @param root the file's root object
     * @param input the input
     * @param config the config
     */
    record Parsed(JsonInput root, ChangeApproval.Input input, ChangeApprovalConfig config) {}

    /**
     * Reads a change request file.
     *
     * @param requestFile the file
     * @return the input and config
     */
    static Parsed parse(Path requestFile) {
        JsonInput r = JsonInput.read(requestFile).allowOnly("id", "type", "kind", "service", "author", "submittedAt",
                "description", "justification", "impact", "implementationPlan", "rollbackPlan", "testingPlan", "window",
                "approvals", "context", "policy");
        String id = r.string("id");
        Type type = r.enumValue("type", Type.class);
        ChangeKind kind = r.enumValue("kind", ChangeKind.class);
        String service = r.string("service");
        String author = r.string("author");
        Instant submitted = r.instant("submittedAt");
        ChangeRequest.Builder b = r.build(x -> ChangeRequest.builder(id, type, kind, service, author, submitted));
        b.description(r.optString("description")).justification(r.optString("justification"))
                .implementationPlan(r.optString("implementationPlan")).rollbackPlan(r.optString("rollbackPlan"))
                .testingPlan(r.optString("testingPlan"));
        JsonInput impact = r.optObject("impact");
        if (impact != null) {
            impact.allowOnly("systems", "services", "usersAffected", "downtime");
            List<String> systems = impact.strings("systems");
            List<String> services = impact.strings("services");
            long users = impact.integer("usersAffected", 0);
            Duration downtime = impact.duration("downtime", Duration.ZERO);
            b.impact(impact.build(x -> new ChangeRequest.Impact(systems, services, users, downtime)));
        }
        JsonInput window = r.optObject("window");
        if (window != null) {
            b.window(interval(window));
        }
        List<JsonInput> approvals = r.optObjects("approvals");
        for (JsonInput a : approvals) {
            a.allowOnly("approver", "role");
            String approver = a.string("approver");
            String roleName = a.string("role");
            Role role = a.build(x -> Role.of(roleName));
            a.build(x -> b.approval(approver, role));
        }
        ChangeRequest request = r.build(x -> b.build());
        List<ScheduledChange> scheduled = new ArrayList<>();
        JsonInput ctx = r.optObject("context");
        if (ctx != null) {
            ctx.allowOnly("scheduled");
            for (JsonInput s : ctx.optObjects("scheduled")) {
                s.allowOnly("changeId", "service", "start");
                String cid = s.string("changeId");
                String svc = s.string("service");
                Instant start = s.instant("start");
                scheduled.add(s.build(x -> ScheduledChange.of(cid, svc, start)));
            }
        }
        List<FreezeWindow> freezeWindows = new ArrayList<>();
        ChangeApprovalConfig config = ChangeApprovalConfig.ofDefaults();
        JsonInput p = r.optObject("policy");
        if (p != null) {
            p.allowOnly("freezeWindows", "rateLimit");
            ChangeApprovalConfig.Builder pb = ChangeApprovalConfig.custom();
            for (JsonInput w : p.optObjects("freezeWindows")) {
                w.allowOnly("name", "start", "end");
                String name = w.string("name");
                Interval in = interval(w);
                freezeWindows.add(w.build(x -> FreezeWindow.of(name, in)));
            }
            if (p.has("rateLimit")) {
                int limit = ReleaseCheckCommand.intValue(p, "rateLimit");
                p.build(x -> pb.rateLimit(limit));
            }
            config = p.build(x -> pb.build());
        }
        requireKnownRoles(approvals, config);
        // no error-budget freeze decision here: the caller adds one when it has it
        ChangeApproval.Input input = r.build(x -> ChangeApproval.Input.of(request).withFreezeWindows(freezeWindows)
                .withScheduled(scheduled));
        return new Parsed(r, input, config);
    }

    /** An approval in a role no change type or risk of the policy asks for is a typo, not an approval. */
    private static void requireKnownRoles(List<JsonInput> approvals, ChangeApprovalConfig config) {
        java.util.Set<Role> known = new java.util.TreeSet<>();
        for (Type type : Type.values()) {
            known.addAll(config.approvers(type));
        }
        for (ChangeDecision.Risk risk : ChangeDecision.Risk.values()) {
            known.addAll(config.riskApprovers(risk));
        }
        for (JsonInput a : approvals) {
            Role role = Role.of(a.string("role"));
            if (!known.contains(role)) {
                throw a.problem("role", "unknown approver role '" + role.name() + "' (roles the policy asks for: "
                        + String.join(", ", names(List.copyOf(known))) + ")");
            }
        }
    }

    /** The report of a change decision (also the demo's change step). */
    static Report report(ChangeDecision d) {
        String id = d.requestId();
        Type type = d.type();
        ChangeKind kind = d.kind();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("type", type.name());
        data.put("kind", kind.name());
        data.put("verdict", d.verdict().name());
        data.put("requiredApprovers", names(d.requiredApprovers()));
        data.put("missingApprovers", names(d.missingApprovers()));
        data.put("requiredLeadTime", d.requiredLeadTime().toString());
        if (d.risk() != null) {
            data.put("risk", d.risk().name());
        }
        if (d.retrospectiveDue() != null) {
            data.put("retrospectiveDue", d.retrospectiveDue().toString());
        }
        return new Report("Change request: " + id, d.verdict().name(), d.findings(), d.toText(), d.toMarkdown(), data,
                d.verdict() == ChangeDecision.Verdict.REJECTED ? ExitCode.NEGATIVE : ExitCode.OK);
    }

    private static List<String> names(List<Role> roles) {
        List<String> out = new ArrayList<>();
        for (Role role : roles) {
            out.add(role.name());
        }
        return out;
    }

    private static Interval interval(JsonInput w) {
        w.allowOnly("name", "start", "end");
        Instant start = w.instant("start");
        Instant end = w.instant("end");
        return w.build(x -> Interval.of(start, end));
    }
}
