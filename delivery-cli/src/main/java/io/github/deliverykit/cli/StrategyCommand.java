package io.github.deliverykit.cli;

import io.github.deliverykit.policy.strategy.StrategyInput;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.StrategyRecommendation;
import io.github.deliverykit.policy.strategy.StrategyRecommendation.RankedStrategy;
import io.github.deliverykit.policy.strategy.StrategySelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delivery strategy}: recommend a deployment strategy from constraints (seed "Select Deployment Strategy"). */
@Command(name = "strategy", mixinStandardHelpOptions = true,
        description = "Recommend a deployment strategy (blue-green, canary, rolling, big-bang) from a constraints file or options; "
                + "exit 1 when no strategy fits the constraints.")
final class StrategyCommand extends ReportCommand {

    @Option(names = "--constraints", paramLabel = "FILE", description = "The constraints file (JSON); options override it.")
    @Nullable Path constraintsFile;

    @Option(names = "--instant-rollback", arity = "1", paramLabel = "BOOL", description = "A rollback must be instant.")
    @Nullable Boolean instantRollback;

    @Option(names = "--spare-capacity", arity = "1", paramLabel = "BOOL", description = "A second full environment can run (2x).")
    @Nullable Boolean spareCapacity;

    @Option(names = "--mixed-versions", arity = "1", paramLabel = "BOOL", description = "Old and new versions may serve together.")
    @Nullable Boolean mixedVersions;

    @Option(names = "--traffic", paramLabel = "VOLUME", description = "low, medium or high.")
    DeploymentConstraints.@Nullable TrafficVolume traffic;

    @Option(names = "--maintenance-window", arity = "1", paramLabel = "BOOL", description = "Downtime in a maintenance window is acceptable.")
    @Nullable Boolean maintenanceWindow;

    @Option(names = "--schema-change", paramLabel = "KIND", description = "none, backward_compatible or breaking.")
    DeploymentConstraints.@Nullable SchemaChange schemaChange;

    @Override
    Report report() {
        DeploymentConstraints.Builder b = constraintsFile != null ? constraints(JsonInput.read(constraintsFile))
                : DeploymentConstraints.builder();
        if (instantRollback != null) {
            b.needsInstantRollback(instantRollback);
        }
        if (spareCapacity != null) {
            b.spareCapacityFor2x(spareCapacity);
        }
        if (mixedVersions != null) {
            b.toleratesMixedVersions(mixedVersions);
        }
        if (traffic != null) {
            b.traffic(traffic);
        }
        if (maintenanceWindow != null) {
            b.maintenanceWindow(maintenanceWindow);
        }
        if (schemaChange != null) {
            b.schemaChange(schemaChange);
        }
        DeploymentConstraints constraints = b.build();
        StrategyRecommendation rec = StrategySelection.ofDefaults().evaluate(StrategyInput.of(constraints), common.clock());
        return report(rec);
    }

    /** The report of a strategy recommendation (also the demo's strategy step). */
    static Report report(StrategyRecommendation rec) {
        boolean none = !rec.feasible();
        String best = rec.bestScored().id();
        String title = "Deployment strategy: " + (none ? "none" : best);
        String verdictLine = "Verdict: NONE (no strategy fits the constraints; the best scored, " + best
                + ", is ruled out)";
        String rollbackPlan = rec.rollbackPlan().orElse("none (no feasible strategy)");
        StringBuilder text = new StringBuilder(none ? title + "\n" + verdictLine + "\n" + rec.toDecision().findings().toText()
                : rec.toDecision().toText(title));
        text.append("Rollback plan: ").append(rollbackPlan).append('\n');
        text.append("Ranking:\n");
        List<Map<String, Object>> ranking = new ArrayList<>();
        for (RankedStrategy s : rec.ranking()) {
            text.append(String.format(Locale.ROOT, "%d. %-10s score %3d%s (rollback %s, risk %s)\n", s.rank(),
                    s.strategy().id(), s.score(), s.feasible() ? "" : " (not feasible)",
                    s.strategy().rollbackSpeed().name().toLowerCase(Locale.ROOT),
                    s.strategy().risk().name().toLowerCase(Locale.ROOT).replace('_', '-')));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("strategy", s.strategy().id());
            row.put("rank", s.rank());
            row.put("score", s.score());
            row.put("feasible", s.feasible());
            ranking.add(row);
        }
        String markdown = (none ? "## " + title + "\n\n**" + verdictLine + "**\n\n" + rec.toDecision().findings().toMarkdown()
                : rec.toDecision().toMarkdown(title)) + "\nRollback plan: " + rollbackPlan + "\n";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recommended", none ? null : best);
        data.put("bestScored", best);
        data.put("feasible", rec.feasible());
        data.put("rollbackPlan", rec.rollbackPlan().orElse(null));
        data.put("ranking", ranking);
        return new Report(title, none ? "NONE" : rec.bestScored().name(), rec.toDecision().findings(),
                text.toString().replace("\r\n", "\n"), markdown, data, none ? ExitCode.NEGATIVE : ExitCode.OK);
    }

    /** Reads the constraints of a constraints file or object (the same keys as DeploymentConstraints). */
    static DeploymentConstraints.Builder constraints(JsonInput c) {
        DeploymentConstraints.Builder b = DeploymentConstraints.builder();
        c.allowOnly("needsInstantRollback", "spareCapacityFor2x",
                "toleratesMixedVersions", "traffic", "maintenanceWindow", "schemaChange");
        if (c.has("needsInstantRollback")) {
            b.needsInstantRollback(c.bool("needsInstantRollback"));
        }
        if (c.has("spareCapacityFor2x")) {
            b.spareCapacityFor2x(c.bool("spareCapacityFor2x"));
        }
        if (c.has("toleratesMixedVersions")) {
            b.toleratesMixedVersions(c.bool("toleratesMixedVersions"));
        }
        if (c.has("traffic")) {
            b.traffic(c.enumValue("traffic", DeploymentConstraints.TrafficVolume.class));
        }
        if (c.has("maintenanceWindow")) {
            b.maintenanceWindow(c.bool("maintenanceWindow"));
        }
        if (c.has("schemaChange")) {
            b.schemaChange(c.enumValue("schemaChange", DeploymentConstraints.SchemaChange.class));
        }
        return b;
    }
}
