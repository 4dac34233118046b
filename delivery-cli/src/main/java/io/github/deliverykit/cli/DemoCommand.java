package io.github.deliverykit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.finding.Decision;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands;
import io.github.deliverykit.policy.budget.DeployFreeze;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.budget.FreezeInput;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.RolloutPlan;
import io.github.deliverykit.policy.change.ChangeDecision;
import io.github.deliverykit.policy.incident.IncidentSlaDecision;
import io.github.deliverykit.policy.incident.IncidentTimeline;
import io.github.deliverykit.policy.maturity.Answers;
import io.github.deliverykit.policy.maturity.Evidence;
import io.github.deliverykit.policy.maturity.MaturityDecision;
import io.github.deliverykit.policy.maturity.spi.MaturityModel;
import io.github.deliverykit.policy.release.ReadinessDecision;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.DeploymentStrategy;
import io.github.deliverykit.policy.strategy.StrategyRecommendation;
import io.github.deliverykit.policy.workflow.DeliveryManager;
import io.github.deliverykit.policy.workflow.DeliveryManagerConfig;
import io.github.deliverykit.policy.workflow.DeployDecision;
import io.github.deliverykit.policy.workflow.RolloutOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code delivery demo}: the seed's delivery workflow end to end through one
 * {@link DeliveryManager} on the bundled sample data, as of a fixed instant so the output is
 * reproducible. Each step consumes the previous steps' typed results: the DORA report becomes
 * maturity evidence, the release's strategy recommendation feeds readiness and the rollout plan, the
 * error budget's freeze decision gates the deploy, the canary and the change request. Uses
 * {@code ./examples} when it holds the samples, else the copies bundled in the jar.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the seed's delivery workflow end to end on the bundled sample data (examples/) as of "
                + DemoCommand.AS_OF + ": measure, assess, select the strategy, plan the release, track the error "
                + "budget, deploy, judge the canary, finish, manage incidents, evaluate the change; each step consumes "
                + "the previous step's result. Exit 0 unless a sample is invalid (2).")
final class DemoCommand implements Callable<Integer> {

    /** The fixed evaluation instant of the demo. */
    static final String AS_OF = "2024-01-27T08:40:00Z";

    /** How long before the evaluation instant the rollout started (the first canary stage bakes 30 min). */
    static final Duration ROLLOUT_AGE = Duration.ofMinutes(40);

    /** The maturity model the demo assesses against. */
    static final String MODEL = "ai-delivery";

    /** The error-budget gate of the demo's canary: the rest of the rollout may burn 10 % of what remains. */
    static final double MAX_BUDGET_BURN = 0.1;

    /** The sample files, bundled as classpath resources under {@code /examples/}. */
    static final List<String> FILES = List.of("release.json", "plan.json", "observations.json", "slo.json",
            "incidents.json", "change.json", "constraints.json", "answers.json", "metrics.json", "deployments.json");

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--examples", paramLabel = "DIR",
            description = "The sample directory (default: ./examples if present, else the copies inside the jar).")
    @Nullable Path examples;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the workflow's whole picture as one self-contained HTML file (charts with data tables).")
    @Nullable Path html;

    @Spec
    CommandSpec spec;

    /**
     * One step of the workflow as printed.
     *
     * @param name what the step does
     * @param consumes what it consumed (files and earlier steps' results)
     * @param produces the typed result it produced
     * @param report the rendering of that result
     */
    record Step(String name, List<String> consumes, String produces, Report report) {}

    @Override
    public Integer call() {
        Format format = common.format();
        if (format == Format.JUNIT || format == Format.SARIF) {
            throw new InputException("--format junit and sarif are available on change and release-check, not on demo");
        }
        boolean htmlOut = format == Format.HTML;
        Instant now = common.asOf == null ? Instant.parse(AS_OF) : common.now();
        Path dir = examplesDirectory();
        HtmlPicture picture = htmlOut || html != null ? new HtmlPicture(PICTURE_TITLE, now) : null;
        // every step is computed before anything is printed: an invalid sample prints one message only
        List<Step> steps = run(dir, now, picture);
        if (picture != null && html != null) {
            picture.write(html);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(htmlOut && picture != null ? picture.render() : render(steps, format, now));
        out.flush();
        return ExitCode.OK;
    }

    /** The title of the HTML picture of the workflow. */
    static final String PICTURE_TITLE = "delivery demo: the seed's delivery workflow";

    /** Runs the workflow on the samples of a directory as of an instant. */
    static List<Step> run(Path dir, Instant now) {
        return run(dir, now, null);
    }

    /** Runs the workflow and, when a picture is given, collects each step's chart data into it. */
    static List<Step> run(Path dir, Instant now, @Nullable HtmlPicture picture) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        List<Step> steps = new ArrayList<>();
        Path deploymentsFile = dir.resolve("deployments.json");
        Path incidentsFile = dir.resolve("incidents.json");
        Path metricsFile = dir.resolve("metrics.json");

        // 1. measure: the DORA report of the deployment and incident history
        DoraCommand.Result dora = DoraCommand.fromFiles(deploymentsFile, incidentsFile, now);
        PerformanceBands bands = PerformanceBands.load().find("dora-2023").orElseThrow(
                () -> new IllegalStateException("the built-in DORA bands dora-2023 are missing"));
        steps.add(new Step("Measure delivery (DORA)", List.of("deployments.json", "incidents.json"),
                "DoraReport " + dora.report().measurements().size() + " measurements",
                DoraCommand.report(dora, bands)));
        if (picture != null) {
            picture.dora(deploymentsFile, incidentsFile, dora.window(), bands.table());
        }

        // the manager of every later step, built once; the canary gates on the error budget
        SlaCommand.Budget budget = SlaCommand.budget(serviceOf(dir.resolve("slo.json")), "month",
                dir.resolve("slo.json"), incidentsFile, now);
        DeliveryManagerConfig config = DeliveryManagerConfig.custom()
                .canary(CanaryAnalysisConfig.custom().maxBudgetBurn(MAX_BUDGET_BURN).build())
                .changes(ChangeCommand.parse(dir.resolve("change.json")).config())
                .build();
        DeliveryManager manager = DeliveryManager.load(config);

        // 2. assess maturity: answers + evidence measured by step 1 and the metrics file
        JsonInput answersIn = JsonInput.read(dir.resolve("answers.json"));
        MaturityModel model = manager.maturity().models().find(MODEL).orElseThrow(
                () -> new IllegalStateException("the built-in maturity model " + MODEL + " is missing"));
        Answers answers = AssessCommand.answers(answersIn, MaturityModel.definitionOf(model), MODEL);
        Evidence evidence = AssessCommand.evidence(List.of(dora.report().measurements(),
                AssessCommand.metrics(JsonInput.read(metricsFile))), metricsFile);
        MaturityDecision maturity = answersIn.build(x -> manager.assess(MODEL, answers, evidence, clock));
        steps.add(new Step("Assess maturity", List.of("answers.json", "Evidence.from(DoraReport of step 1, "
                + "metrics.json): " + evidence.size() + " measurements"), "MaturityDecision " + maturity.verdict()
                + ", " + maturity.overallLabel(), AssessCommand.report(maturity, model)));
        if (picture != null) {
            picture.maturity(maturity);
        }

        // 3. select the strategy from the release
        ReleaseCheckCommand.Parsed release = ReleaseCheckCommand.parse(dir.resolve("release.json"), null);
        JsonInput constraintsIn = JsonInput.read(dir.resolve("constraints.json"));
        DeploymentConstraints constraints = release.constraints() != null ? release.constraints()
                : constraintsIn.build(x -> StrategyCommand.constraints(constraintsIn).build());
        StrategyRecommendation strategy = release.root().build(x -> manager.selectStrategy(release.release(),
                constraints, clock));
        steps.add(new Step("Select the deployment strategy", List.of("release.json (" + release.release().type().id()
                + " release, " + release.release().size() + " changes)", "constraints.json"),
                "StrategyRecommendation " + strategy.recommended().map(DeploymentStrategy::id).orElse("none"), StrategyCommand.report(strategy)));

        // 4. plan the release with that strategy
        ReadinessDecision readiness = release.root().build(x -> manager.planRelease(release.release(),
                release.evidence(), strategy, clock));
        String version = "v" + release.release().version();
        steps.add(new Step("Plan the release", List.of("release.json exit-criteria evidence",
                "StrategyRecommendation " + strategy.recommended().map(DeploymentStrategy::id).orElse("none") + " of step 3"), "ReadinessDecision "
                + readiness.verdict().label(), ReleaseCheckCommand.report(readiness, version)));

        // 5. track the error budget: the freeze decision for deploying this release
        String service = budget.slo().service();
        FreezeDecision freeze = budget.source().build(x -> manager.trackBudget(FreezeInput.of(
                new FreezeInput.Request(service, service + "-" + version, DeployFreeze.ChangeKind.ROUTINE),
                budget.status()), clock));
        steps.add(new Step("Track the error budget", List.of("slo.json", "incidents.json"), "FreezeDecision "
                + freeze.verdict() + " (burn rate " + Facts.format(freeze.burnRate()) + "x)",
                SlaCommand.report(budget, freeze)));
        if (picture != null) {
            picture.budget(budget, config.freeze());
        }

        // 6. deploy: readiness + freeze start the rollout on the strategy's default plan
        Instant deployAt = now.minus(ROLLOUT_AGE);
        DeployDecision deploy = manager.deploy(readiness, freeze, Clock.fixed(deployAt, ZoneOffset.UTC));
        steps.add(new Step("Deploy", List.of("ReadinessDecision " + readiness.verdict().label() + " of step 4",
                "FreezeDecision " + freeze.verdict() + " of step 5", "at " + deployAt), "DeployDecision "
                + deploy.verdict() + " on the " + deploy.plan().strategy().id() + " plan", deployReport(deploy,
                service, version)));

        Rollout rollout = deploy.rollout();
        if (rollout != null) {
            // 7. judge the canary stage on the observations, gated on the freeze decision's budget
            List<Observation> observations = DeployCommand.observations(dir.resolve("observations.json"));
            int stage = rollout.state().stageIndex() + 1;
            Rollout judged = build(dir.resolve("observations.json"), () -> manager.judge(rollout, observations, freeze, clock));
            steps.add(new Step("Judge the canary", List.of("Rollout of step 6 (stage " + stage + ")",
                    "observations.json (" + observations.size() + " observations)", "the budget of FreezeDecision "
                    + "of step 5"), "Rollout " + judged.state().phase() + ", stage verdict "
                    + lastVerdict(judged), judgeReport(judged, stage, service, version, now)));
            if (picture != null) {
                picture.canary(judged, observations, config.canary());
            }

            // 8. finish: the rollout as a core Deployment and, on a rollback, an incident candidate
            RolloutOutcome outcome = manager.finish(judged, new RolloutOutcome.Target(service + "-" + version, service,
                    "production", version, List.of()), clock);
            steps.add(new Step("Finish the rollout", List.of("Rollout of step 7"), "RolloutOutcome "
                    + outcome.verdict() + (outcome.incident() == null ? ", no incident candidate"
                    : ", incident candidate " + outcome.incident().incident().id()), finishReport(outcome)));

            // 9. manage the incidents: the history and the rollback's candidate
            steps.add(incidents(manager, incidentsFile, outcome, clock, picture));
        } else {
            steps.add(incidents(manager, incidentsFile, null, clock, picture));
        }

        // 10. evaluate the change request against the SAME freeze decision
        ChangeCommand.Parsed change = ChangeCommand.parse(dir.resolve("change.json"));
        ChangeDecision decision = change.root().build(x -> manager.evaluateChange(
                change.input(), freeze, clock));
        steps.add(new Step("Evaluate the change request", List.of("change.json", "FreezeDecision " + freeze.verdict()
                + " of step 5"), "ChangeDecision " + decision.verdict(), ChangeCommand.report(decision)));
        if (picture != null) {
            for (Step s : steps) {
                picture.step(s.name(), s.produces());
            }
        }
        return steps;
    }

    private static String serviceOf(Path sloFile) {
        JsonInput slo = JsonInput.read(sloFile);
        return slo.string("service");
    }

    private static String lastVerdict(Rollout rollout) {
        List<Rollout.Event> history = rollout.history();
        Rollout.Event last = history.get(history.size() - 1);
        return last.verdict() == null ? "none" : last.verdict().name();
    }

    private static Report deployReport(DeployDecision deploy, String service, String version) {
        RolloutPlan plan = deploy.plan();
        String planText = DeployCommand.planText("Rollout plan: " + service + " " + version + " to production ("
                + plan.strategy().id() + ", the default plan of the release's strategy)", plan,
                deploy.rollout() == null ? 0 : 1);
        String title = "Deploy " + service + " " + version;
        Decision<DeployDecision.Verdict> d = deploy.toDecision();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("version", version);
        data.put("strategy", plan.strategy().id());
        data.put("stages", plan.stages().size());
        data.put("verdict", deploy.verdict().name());
        deploy.startedRollout().ifPresent(r -> data.put("startedAt", r.startedAt().toString()));
        return new Report(title, deploy.verdict().name(), deploy.findings(), planText + "\n" + d.toText(title),
                "```\n" + planText + "```\n\n" + d.toMarkdown(title), data,
                deploy.verdict() == DeployDecision.Verdict.BLOCKED ? ExitCode.NEGATIVE : ExitCode.OK);
    }

    private static Report judgeReport(Rollout rollout, int stage, String service, String version, Instant now) {
        List<Rollout.Event> history = rollout.history();
        Rollout.Event last = history.get(history.size() - 1);
        String verdict = last.verdict() == null ? rollout.state().phase().name() : last.verdict().name();
        String title = "Stage " + stage + " of " + service + " " + version + " at " + now;
        String text = title + "\nVerdict: " + verdict + "\n" + last.findings().toText() + "Rollout: "
                + rollout.state().phase() + " at stage " + (rollout.state().stageIndex() + 1) + " of "
                + rollout.plan().stages().size() + "\n";
        String markdown = "### " + title + "\n\n**Verdict: " + verdict + "**\n\n" + last.findings().toMarkdown()
                + "\nRollout: " + rollout.state().phase() + " at stage " + (rollout.state().stageIndex() + 1) + " of "
                + rollout.plan().stages().size() + "\n";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stage", stage);
        data.put("verdict", verdict);
        data.put("phase", rollout.state().phase().name());
        data.put("nextStage", rollout.state().stageIndex() + 1);
        return new Report(title, verdict, last.findings(), text, markdown, data,
                rollout.state().phase() == Rollout.Phase.ROLLED_BACK ? ExitCode.NEGATIVE : ExitCode.OK);
    }

    private static Report finishReport(RolloutOutcome outcome) {
        Deployment d = outcome.deployment();
        String title = "Deployment " + d.id() + ": " + d.outcome();
        Decision<DeploymentOutcome> decision = outcome.toDecision();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("deployment", d.id());
        data.put("outcome", d.outcome().name());
        data.put("started", d.started().toString());
        if (d.finished() != null) {
            data.put("finished", d.finished().toString());
        }
        outcome.incidentCandidate().ifPresent(c -> data.put("incident", c.incident().id()));
        return new Report(title, d.outcome().name(), outcome.findings(), decision.toText(title),
                decision.toMarkdown(title), data, d.outcome() == DeploymentOutcome.ROLLED_BACK ? ExitCode.NEGATIVE
                : ExitCode.OK);
    }

    private static Step incidents(DeliveryManager manager, Path incidentsFile, @Nullable RolloutOutcome outcome,
            Clock clock, @Nullable HtmlPicture picture) {
        List<IncidentTimeline> timelines = new ArrayList<>();
        List<JsonInput> sources = new ArrayList<>();
        Inputs.forEachIncident(incidentsFile, i -> {
            timelines.add(IncidentReportCommand.timeline(i));
            sources.add(i);
        });
        List<String> consumes = new ArrayList<>(List.of("incidents.json (" + timelines.size() + " incidents)"));
        if (outcome != null && outcome.incident() != null) {
            timelines.add(IncidentTimeline.of(outcome.incident().incident()));
            consumes.add("the incident candidate of step 8");
        } else if (outcome != null) {
            consumes.add("no incident candidate from step 8");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder markdown = new StringBuilder();
        Findings findings = Findings.none();
        List<Map<String, Object>> rows = new ArrayList<>();
        int breached = 0;
        for (int k = 0; k < timelines.size(); k++) {
            IncidentTimeline t = timelines.get(k);
            IncidentSlaDecision d = k < sources.size() ? sources.get(k).build(x -> manager.manageIncident(t, clock))
                    : manager.manageIncident(t, clock);
            Report r = IncidentReportCommand.report(t, d);
            if (picture != null) {
                picture.incident(d);
            }
            if (d.breached()) {
                breached++;
            }
            String line = String.format(Locale.ROOT, "%s %s: response %s, resolution %s, post-mortem %s -> %s",
                    t.incident().id(), t.peakSeverity(), d.response().status(), d.resolution().status(),
                    d.postMortem().verdict(), r.verdict());
            text.append(line).append('\n');
            for (Finding f : d.findings()) {
                if (f.level() == Level.WARN || f.level() == Level.FAIL) {
                    text.append("  [").append(f.level()).append("] ").append(f.code()).append(": ")
                            .append(f.message()).append('\n');
                }
            }
            markdown.append("- ").append(line).append('\n');
            findings = findings.plus(d.findings());
            Map<String, Object> row = new LinkedHashMap<>(r.data());
            row.put("verdict", r.verdict());
            rows.add(row);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidents", rows);
        data.put("breached", breached);
        String verdict = breached > 0 ? "SLA_BREACHED" : "OK";
        return new Step("Manage the incidents", consumes, timelines.size() + " IncidentSlaDecision, " + breached
                + " breached", new Report("Incidents", verdict, findings, text.toString(), markdown.toString(), data,
                breached > 0 ? ExitCode.NEGATIVE : ExitCode.OK));
    }

    /** Runs a library call on what a file gave; its {@link IllegalArgumentException} names the file. */
    private static <T> T build(Path file, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), "$", e.getMessage() == null ? "invalid value" : e.getMessage());
        }
    }

    /** Renders the steps: a heading per step saying what it consumed and produced, then its report. */
    static String render(List<Step> steps, Format format, Instant now) {
        String title = "delivery demo: the seed's delivery workflow on the bundled samples, as of " + now;
        if (format == Format.JSON) {
            ObjectNode root = Report.NODES.objectNode();
            root.put("title", title);
            root.put("asOf", now.toString());
            root.put("exitCode", ExitCode.OK);
            ArrayNode list = root.putArray("steps");
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                ObjectNode o = list.addObject();
                o.put("step", i + 1);
                o.put("name", s.name());
                ArrayNode consumes = o.putArray("consumes");
                s.consumes().forEach(consumes::add);
                o.put("produces", s.produces());
                o.set("report", s.report().toJson());
            }
            return Report.write(root);
        }
        StringBuilder out = new StringBuilder();
        out.append(format == Format.MARKDOWN ? "# " + title + "\n" : title + "\n");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            out.append('\n');
            if (format == Format.MARKDOWN) {
                out.append("## ").append(i + 1).append(". ").append(s.name()).append("\n\n")
                        .append("Consumes: ").append(String.join("; ", s.consumes())).append("  \n")
                        .append("Produces: ").append(s.produces()).append("\n\n");
            } else {
                out.append("== ").append(i + 1).append(". ").append(s.name()).append('\n')
                        .append("consumes: ").append(String.join("; ", s.consumes())).append('\n')
                        .append("produces: ").append(s.produces()).append("\n\n");
            }
            out.append(s.report().render(format));
        }
        if (format == Format.TEXT) {
            out.append("\n$ delivery dora --git PATH --deploy-tags 'v*'   # the DORA figures from any local git clone\n");
        }
        return out.toString();
    }

    private Path examplesDirectory() {
        if (examples != null) {
            if (!Files.isRegularFile(examples.resolve("release.json"))) {
                throw new InputException("--examples: " + examples + " holds no release.json");
            }
            return examples;
        }
        Path local = Path.of("examples");
        if (FILES.stream().allMatch(f -> Files.isRegularFile(local.resolve(f)))) {
            return local;
        }
        try {
            Path tmp = Files.createTempDirectory("delivery-demo");
            tmp.toFile().deleteOnExit();
            for (String f : FILES) {
                try (InputStream in = DemoCommand.class.getResourceAsStream("/examples/" + f)) {
                    if (in == null) {
                        throw new InputException("demo: the bundled sample " + f + " is missing from the jar");
                    }
                    Path target = tmp.resolve(f);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().deleteOnExit();
                }
            }
            return tmp;
        } catch (IOException e) {
            throw new InputException("demo: cannot unpack the bundled samples: " + e.getMessage());
        }
    }
}
