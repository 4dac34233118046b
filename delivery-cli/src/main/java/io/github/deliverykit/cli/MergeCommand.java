package io.github.deliverykit.cli;

import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.core.spi.Shadow;
import io.github.deliverykit.policy.governance.MergeDecision;
import io.github.deliverykit.policy.governance.MergeGate;
import io.github.deliverykit.policy.governance.MergeGateConfig;
import io.github.deliverykit.policy.governance.MergeGateConfig.AutoApprovalCriterion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delivery merge}: the merge gate of the governance matrix on one pull request, with a merge policy file. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge gate: may a pull request auto-merge (checks, policy-as-code, CI rounds, protected paths)? "
                + "A merge policy file sets the rules, and effectiveOn per rule runs a rule in shadow until its date; "
                + "FLAGGED or BLOCKED exits 1.")
final class MergeCommand extends ReportCommand {

    @Option(names = "--pull-request", required = true, paramLabel = "FILE",
            description = "The pull request with its CI runs and policy violations (JSON).")
    Path pullRequestFile;

    @Option(names = "--policy", paramLabel = "FILE", description = "The merge policy (JSON); the defaults without it.")
    @Nullable Path policyFile;

    @Override
    Report report() {
        MergeGateConfig config = policyFile == null ? MergeGateConfig.ofDefaults() : policy(JsonInput.read(policyFile));
        JsonInput in = JsonInput.read(pullRequestFile);
        MergeGate.Input input = input(in);
        MergeDecision d = in.build(x -> MergeGate.of(config).evaluate(input, common.clock()));
        String title = "Merge gate: " + d.pullRequestId();
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("pullRequest", d.pullRequestId());
        data.put("wouldBe", d.wouldBe().name());
        data.put("ciRounds", d.ciRounds());
        data.put("ciRoundsDerived", d.ciRoundsDerived());
        data.put("failedChecks", d.failedChecks());
        data.put("pendingChecks", d.pendingChecks());
        data.put("protectedPaths", d.protectedPaths());
        List<Map<String, @Nullable Object>> shadowed = new ArrayList<>();
        for (Shadow s : d.shadowed()) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("rule", s.rule());
            m.put("effectiveOn", s.effectiveOn());
            m.put("wouldBe", s.wouldBe().name());
            m.put("codes", s.codes());
            shadowed.add(m);
        }
        data.put("shadowed", shadowed);
        String wouldBe = d.wouldBe() == d.verdict() ? "" : "Would be, with every rule enforced: " + d.wouldBe() + "\n";
        String text = title + "\nVerdict: " + d.verdict() + "\n" + wouldBe + d.findings().toText();
        String markdown = "## " + title + "\n\n**Verdict: " + d.verdict() + "**\n\n"
                + (wouldBe.isEmpty() ? "" : wouldBe + "\n") + d.findings().toMarkdown();
        boolean negative = d.verdict() == MergeDecision.Verdict.FLAGGED || d.verdict() == MergeDecision.Verdict.BLOCKED;
        return new Report(title, d.verdict().name(), d.findings(), text, markdown, data,
                negative ? ExitCode.NEGATIVE : ExitCode.OK);
    }

    /**
     * Reads a merge policy: {@code maxCiRounds}, {@code protectedPaths}, {@code autoApprovalCriteria
     * [{check, source}]} and {@code effectiveOn {rule: instant}}, every part optional.
     */
    static MergeGateConfig policy(JsonInput p) {
        p.allowOnly("maxCiRounds", "protectedPaths", "autoApprovalCriteria", "effectiveOn");
        MergeGateConfig.Builder b = MergeGateConfig.custom();
        if (p.has("maxCiRounds")) {
            long rounds = p.integer("maxCiRounds");
            if (rounds < 1 || rounds > Integer.MAX_VALUE) {
                throw p.problem("maxCiRounds", "must be at least 1, but was " + rounds);
            }
            b.maxCiRounds((int) rounds);
        }
        List<String> globs = p.strings("protectedPaths");
        for (int i = 0; i < globs.size(); i++) {
            String glob = globs.get(i);
            try {
                b.protectedPath(glob);
            } catch (IllegalArgumentException e) {
                throw p.problem("protectedPaths[" + i + "]", e.getMessage());
            }
        }
        for (JsonInput c : p.optObjects("autoApprovalCriteria")) {
            c.allowOnly("check", "source");
            String check = c.string("check");
            AutoApprovalCriterion.Source source = c.enumValue("source", AutoApprovalCriterion.Source.class);
            c.build(x -> b.autoApprovalCriterion(AutoApprovalCriterion.of(check, source)));
        }
        JsonInput dates = p.optObject("effectiveOn");
        if (dates != null) {
            for (String rule : dates.fieldNames()) {
                if (!MergeGate.RULES.contains(rule)) {
                    throw dates.problem(rule, "unknown rule '" + rule + "' (rules: " + String.join(", ", MergeGate.RULES)
                            + ")");
                }
                Instant at = dates.instant(rule);
                dates.build(x -> b.effectiveOn(rule, at));
            }
        }
        return b.build();
    }

    private static MergeGate.Input input(JsonInput in) {
        in.allowOnly("id", "repository", "team", "author", "opened", "merged", "featureId", "touchedPaths", "runs",
                "policyViolations", "ciRounds");
        String id = in.string("id");
        String repository = in.string("repository");
        String team = in.string("team");
        String author = in.string("author");
        Instant opened = in.instant("opened");
        Instant merged = in.optInstant("merged");
        String feature = in.optString("featureId");
        List<String> paths = in.strings("touchedPaths");
        PullRequest pr = in.build(x -> new PullRequest(id, repository, team, author, opened, merged, feature, paths));
        List<CiRun> runs = new ArrayList<>();
        for (JsonInput r : in.optObjects("runs")) {
            r.allowOnly("name", "outcome", "pushed");
            String name = r.string("name");
            CiRun.Outcome outcome = r.enumValue("outcome", CiRun.Outcome.class);
            Instant pushed = r.instant("pushed");
            runs.add(r.build(x -> CiRun.check(id, name, outcome, pushed)));
        }
        List<String> violations = in.strings("policyViolations");
        if (in.has("ciRounds")) {
            long rounds = in.integer("ciRounds");
            if (rounds < 0 || rounds > Integer.MAX_VALUE) {
                throw in.problem("ciRounds", "must be 0 or more, but was " + rounds);
            }
            return in.build(x -> MergeGate.Input.of(pr, runs, violations, (int) rounds));
        }
        return in.build(x -> MergeGate.Input.of(pr, runs, violations));
    }
}
