package io.github.deliverykit.cli;

import io.github.deliverykit.policy.canary.CanaryAnalysis;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.CanaryDecision;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.formats.canary.AnalysisRunRead;
import io.github.deliverykit.formats.canary.ArgoAnalysisRuns;
import io.github.deliverykit.formats.canary.KayentaJudgeResults;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.RolloutPlan;
import io.github.deliverykit.policy.strategy.DeploymentStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import io.github.deliverykit.policy.chart.Charts;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delivery deploy}: the rollout plan and the next stage decision (seed deploy). */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Coordinate a deployment: print the rollout plan for the strategy and decide the current stage from "
                + "observations: ADVANCE / PROMOTE / HOLD / PAUSE (exit 0) or ROLLBACK (exit 1). Does not move traffic itself.")
final class DeployCommand extends ReportCommand {

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The target environment, e.g. production.")
    String env;

    @Option(names = "--strategy", required = true, paramLabel = "STRATEGY",
            description = "canary, blue-green, rolling or big-bang.")
    String strategy;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The deployment plan file (JSON).")
    Path planFile;

    @Option(names = "--observations", paramLabel = "FILE",
            description = "The observations file (JSON); or give --analysis-run.")
    @Nullable Path observationsFile;

    @Option(names = "--analysis-run", paramLabel = "FILE",
            description = "An Argo Rollouts AnalysisRun (kubectl get analysisrun NAME -o yaml|json) whose measurements are "
                    + "the observations, instead of --observations.")
    @Nullable Path analysisRunFile;

    static DeploymentStrategy strategy(String text) {
        for (DeploymentStrategy s : DeploymentStrategy.values()) {
            if (s.id().equalsIgnoreCase(text.trim()) || s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new InputException("--strategy must be canary, blue-green, rolling or big-bang, but was '" + text + "'");
    }

    @Override
    boolean drawsPicture() {
        return true;
    }

    @Override
    Report report() {
        DeploymentStrategy chosen = strategy(strategy);
        Instant now = common.now();
        JsonInput plan = JsonInput.read(planFile).allowOnly("service", "version", "stages", "blueGreen", "rolling",
                "bigBang", "gates", "currentStage", "stageStartedAt", "phase");
        String service = plan.string("service");
        String version = plan.string("version");
        RolloutPlan rollout = plan(plan, chosen);
        long stageNumber = plan.integer("currentStage", 1);
        if (stageNumber < 1 || stageNumber > rollout.stages().size()) {
            throw plan.problem("currentStage", "out of range: " + stageNumber + " (the plan has "
                    + rollout.stages().size() + " stages, numbered from 1)");
        }
        int stage = (int) stageNumber;
        Instant stageStart = plan.instant("stageStartedAt");
        Rollout.Phase phase = plan.has("phase") ? plan.enumValue("phase", Rollout.Phase.class) : Rollout.Phase.RUNNING;
        if (phase.isTerminal()) {
            throw plan.problem("phase", "must be running or paused to evaluate, but was " + plan.string("phase"));
        }
        Rollout.State state = plan.build(x -> new Rollout.State(phase, stage - 1, stageStart, null, false, Map.of()));
        CanaryAnalysisConfig config = gates(plan.optObject("gates"));
        if ((observationsFile == null) == (analysisRunFile == null)) {
            throw new InputException("give exactly one of --observations and --analysis-run");
        }
        AnalysisRunRead argo = null;
        List<Observation> observations;
        if (analysisRunFile != null) {
            if (!java.nio.file.Files.isRegularFile(analysisRunFile)) {
                throw new InputException("--analysis-run: no such file: " + analysisRunFile);
            }
            argo = ArgoAnalysisRuns.read(analysisRunFile);
            observations = argo.observations();
        } else {
            observations = observations(observationsFile);
        }
        CanaryDecision ev = plan.build(x -> CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(rollout, state, observations), common.clock()));
        if (common.format() == Format.KAYENTA) {
            kayenta = KayentaJudgeResults.toJson(ev, config);
        }
        if (html()) {
            picture = new HtmlPicture("delivery deploy: " + service + " " + version + " to " + env, now);
            picture.canary(Charts.canary(ev, stageStart, observations, config));
        }
        StringBuilder text = new StringBuilder(planText("Deployment plan: " + service + " " + version + " to " + env
                + " (" + chosen.id() + ", rollback " + chosen.rollbackSpeed().name().toLowerCase(Locale.ROOT) + ")",
                rollout, stage));
        if (argo != null) {
            text.append("Analysis run: ").append(argo.runs().get(0).name()).append(" (Argo phase ")
                    .append(argo.runs().get(0).phase()).append("), measurements ").append(argo.report().summary()).append('\n');
            for (var issue : argo.report().issues()) {
                text.append("  ").append(issue).append('\n');
            }
        }
        String planText = text.toString();
        String title = "Stage " + stage + " of " + service + " " + version + " at " + now;
        text.append('\n').append(ev.toDecision().toText(title));
        String markdown = "## Deployment plan: " + service + " " + version + " to " + env + "\n\n```\n" + planText
                + "```\n\n" + ev.toDecision().toMarkdown(title);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("version", version);
        data.put("environment", env);
        data.put("strategy", chosen.id());
        data.put("stage", stage);
        data.put("stages", rollout.stages().size());
        data.put("verdict", ev.verdict().name());
        data.put("nextStage", ev.next().stageIndex() + 1);
        data.put("nextPhase", ev.next().phase().name());
        data.put("rollbackSteps", rollout.rollbackSteps());
        if (argo != null) {
            data.put("analysisRun", argo.runs().get(0).name());
            data.put("analysisRunPhase", argo.runs().get(0).phase());
            data.put("analysisRunRead", argo.report().summary());
        }
        return new Report("Deployment: " + service + " " + version + " to " + env, ev.verdict().name(), ev.findings(),
                text.toString(), markdown, data, ev.verdict() == StageVerdict.ROLLBACK ? ExitCode.NEGATIVE : ExitCode.OK);
    }

    /**
     * A rollout plan as text: the header, one line per stage (the current one marked {@code >}), the
     * rollback steps.
     */
    static String planText(String header, RolloutPlan rollout, int stage) {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (int i = 0; i < rollout.stages().size(); i++) {
            RolloutPlan.Stage s = rollout.stages().get(i);
            text.append(i == stage - 1 ? "> " : "  ").append("Stage ").append(i + 1).append(": ")
                    .append(percent(100 - s.weightPercent())).append(" old / ").append(percent(s.weightPercent()))
                    .append(" new");
            if (!s.bakeTime().isZero()) {
                text.append(" -- monitor for ").append(durationText(s.bakeTime()));
            }
            if (s.manualGate()) {
                text.append(" -- manual approval");
            }
            text.append('\n');
        }
        text.append("Rollback steps:\n");
        for (String step : rollout.rollbackSteps()) {
            text.append("- ").append(step).append('\n');
        }
        return text.toString();
    }

    static String durationText(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0 && minutes > 0) {
            long h = minutes / 60;
            return h + (h == 1 ? " hour" : " hours");
        }
        if (d.toSecondsPart() == 0) {
            return minutes + " min";
        }
        return d.toString();
    }

    private static String percent(double p) {
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    private static RolloutPlan plan(JsonInput plan, DeploymentStrategy chosen) {
        switch (chosen) {
            case CANARY: {
                if (!plan.has("stages")) {
                    return RolloutPlan.canaryDefault();
                }
                List<RolloutPlan.Stage> stages = new ArrayList<>();
                for (JsonInput s : plan.objects("stages")) {
                    s.allowOnly("weightPercent", "bakeTime", "minSamples", "manualGate");
                    double w = s.number("weightPercent");
                    Duration bake = s.duration("bakeTime", Duration.ZERO);
                    long min = s.integer("minSamples", RolloutPlan.Stage.DEFAULT_MIN_SAMPLES);
                    boolean gate = s.bool("manualGate", false);
                    stages.add(s.build(x -> new RolloutPlan.Stage(w, bake, min, gate)));
                }
                return plan.build(x -> RolloutPlan.canary(stages));
            }
            case BLUE_GREEN: {
                JsonInput b = plan.optObject("blueGreen");
                if (b == null) {
                    return RolloutPlan.blueGreen(Duration.ofMinutes(15), Duration.ofHours(24));
                }
                b.allowOnly("preview", "postSwitch");
                Duration preview = b.duration("preview", Duration.ofMinutes(15));
                Duration post = b.duration("postSwitch", Duration.ofHours(24));
                return b.build(x -> RolloutPlan.blueGreen(preview, post));
            }
            case ROLLING: {
                JsonInput r = plan.object("rolling");
                r.allowOnly("instances", "batchSize", "maxUnavailable", "bakePerBatch");
                int instances = ReleaseCheckCommand.intValue(r, "instances");
                int batch = ReleaseCheckCommand.intValue(r, "batchSize");
                int unavailable = r.has("maxUnavailable") ? ReleaseCheckCommand.intValue(r, "maxUnavailable") : 1;
                Duration bake = r.duration("bakePerBatch", Duration.ofMinutes(5));
                return r.build(x -> RolloutPlan.rolling(instances, batch, unavailable, bake));
            }
            default: {
                JsonInput b = plan.optObject("bigBang");
                Duration verification = Duration.ofHours(1);
                if (b != null) {
                    b.allowOnly("verification");
                    verification = b.duration("verification", verification);
                }
                Duration v = verification;
                return plan.build(x -> RolloutPlan.bigBang(v));
            }
        }
    }

    static CanaryAnalysisConfig gates(JsonInput gates) {
        if (gates == null) {
            return CanaryAnalysisConfig.ofDefaults();
        }
        gates.allowOnly("maxErrorRate", "latencyQuantile", "latencyThresholdMs", "minLatencySamples", "healthGate");
        CanaryAnalysisConfig.Builder b = CanaryAnalysisConfig.custom();
        if (gates.has("maxErrorRate")) {
            double r = gates.number("maxErrorRate");
            gates.build(x -> b.maxErrorRate(r));
        }
        if (gates.has("latencyThresholdMs") || gates.has("latencyQuantile")) {
            double q = gates.has("latencyQuantile") ? gates.number("latencyQuantile") : CanaryAnalysisConfig.DEFAULT_LATENCY_QUANTILE;
            double t = gates.has("latencyThresholdMs") ? gates.number("latencyThresholdMs")
                    : CanaryAnalysisConfig.DEFAULT_LATENCY_THRESHOLD;
            gates.build(x -> b.latencyGate(q, t));
        }
        if (gates.has("minLatencySamples")) {
            long m = gates.integer("minLatencySamples");
            gates.build(x -> b.minLatencySamples(m));
        }
        if (gates.has("healthGate")) {
            boolean h = gates.bool("healthGate");
            gates.build(x -> b.healthGate(h));
        }
        return gates.build(x -> b.build());
    }

    /** Reads an observations file ({@code {"observations": [...]}}) one observation at a time. */
    static List<Observation> observations(Path file) {
        List<Observation> out = new ArrayList<>();
        JsonInput.stream(file, List.of(new JsonInput.ArrayField("observations", true, o -> observation(o, out))));
        return out;
    }

    private static void observation(JsonInput o, List<Observation> out) {
        String type = o.string("type");
        Instant at = o.instant("at");
        switch (type) {
            case "count": {
                o.allowOnly("type", "at", "variant", "metric", "bad", "total");
                Variant v = o.enumValue("variant", Variant.class);
                String metric = o.string("metric", CanaryAnalysisConfig.DEFAULT_REQUEST_METRIC);
                long bad = o.integer("bad");
                long total = o.integer("total");
                out.add(o.build(x -> new Observation.Count(at, v, metric, bad, total)));
                break;
            }
            case "sample": {
                o.allowOnly("type", "at", "variant", "metric", "value");
                Variant v = o.enumValue("variant", Variant.class);
                String metric = o.string("metric", CanaryAnalysisConfig.DEFAULT_LATENCY_METRIC);
                double value = o.number("value");
                out.add(o.build(x -> new Observation.Sample(at, v, metric, value)));
                break;
            }
            case "samples": {
                o.allowOnly("type", "at", "variant", "metric", "values");
                Variant v = o.enumValue("variant", Variant.class);
                String metric = o.string("metric", CanaryAnalysisConfig.DEFAULT_LATENCY_METRIC);
                for (double value : o.numbers("values")) {
                    out.add(o.build(x -> new Observation.Sample(at, v, metric, value)));
                }
                break;
            }
            case "health": {
                o.allowOnly("type", "at", "metric", "healthy");
                String metric = o.string("metric", "health");
                boolean healthy = o.bool("healthy");
                out.add(o.build(x -> new Observation.Health(at, metric, healthy)));
                break;
            }
            case "queryError": {
                o.allowOnly("type", "at", "metric", "reason");
                String metric = o.string("metric");
                String reason = o.string("reason");
                out.add(o.build(x -> new Observation.QueryError(at, metric, reason)));
                break;
            }
            default:
                throw o.problem("type", "unknown value '" + type + "' (one of: count, sample, samples, health, queryError)");
        }
    }
}
