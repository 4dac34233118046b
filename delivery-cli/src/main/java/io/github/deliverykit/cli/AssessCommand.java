package io.github.deliverykit.cli;

import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Measurement;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.deliverykit.policy.maturity.Answers;
import io.github.deliverykit.policy.maturity.Evidence;
import io.github.deliverykit.policy.maturity.MaturityAssessment;
import io.github.deliverykit.policy.maturity.MaturityAssessmentConfig;
import io.github.deliverykit.policy.maturity.MaturityDecision;
import io.github.deliverykit.policy.maturity.MaturityDecision.DimensionResult;
import io.github.deliverykit.policy.maturity.MaturityDecision.PlanStep;
import io.github.deliverykit.policy.maturity.spi.MaturityModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delivery assess}: score a team against a maturity model and plan the next 90 days. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Maturity assessment against a model (ai-delivery, delivery-5-level) from answers and measured metrics, "
                + "with the gap to the next level and a 90-day plan. Exit 0.")
final class AssessCommand extends ReportCommand {

    @Option(names = "--model", defaultValue = "ai-delivery", paramLabel = "ID",
            description = "The maturity model id (default: ${DEFAULT-VALUE}).")
    String model = "ai-delivery";

    @Option(names = "--answers", required = true, paramLabel = "FILE", description = "The answers file (JSON).")
    Path answersFile;

    @Option(names = "--metrics", paramLabel = "FILE", description = "Measured metrics (JSON), optional.")
    @Nullable Path metricsFile;

    @Option(names = "--deployments", paramLabel = "FILE",
            description = "A deployments file (JSON), optional: its DORA report (last 30 days) is measured evidence.")
    @Nullable Path deploymentsFile;

    @Option(names = "--incidents", paramLabel = "FILE",
            description = "The incidents file (JSON) of the DORA report, with --deployments.")
    @Nullable Path incidentsFile;

    @Override
    Report report() {
        MaturityAssessment assessor = MaturityAssessment.load(MaturityAssessmentConfig.ofDefaults());
        var models = assessor.models();
        MaturityModel m = models.find(model).orElseThrow(() -> new InputException(
                "--model must be one of " + models.ids() + ", but was '" + model + "'"));
        var definition = MaturityModel.definitionOf(m);
        JsonInput answersIn = JsonInput.read(answersFile);
        Answers answers = answers(answersIn, definition, model);
        List<List<Measurement>> reports = new ArrayList<>();
        if (deploymentsFile != null) {
            reports.add(DoraCommand.fromFiles(deploymentsFile, incidentsFile, common.now()).report().measurements());
        } else if (incidentsFile != null) {
            throw new InputException("--incidents needs --deployments (the DORA report is computed from both)");
        }
        if (metricsFile != null) {
            reports.add(metrics(JsonInput.read(metricsFile)));
        }
        Evidence evidence = evidence(reports, metricsFile != null ? metricsFile : deploymentsFile);
        Evidence ev = evidence;
        MaturityDecision a = answersIn.build(x -> assessor.evaluate(MaturityAssessment.Input.of(m, answers, ev),
                common.clock()));
        if (html()) {
            picture = new HtmlPicture("delivery assess: " + model, common.now());
            picture.maturity(a);
        }
        return report(a, m);
    }

    @Override
    boolean drawsPicture() {
        return true;
    }

    /** The answers of an answers file, checked against the model's criteria. */
    static Answers answers(JsonInput answersIn, MaturityModel.Definition definition, String model) {
        Answers.Builder ab = Answers.builder();
        for (String id : answersIn.fieldNames()) {
            if (definition.criteria().stream().noneMatch(c -> c.id().equals(id))) {
                throw answersIn.problem(id, "unknown criterion of model " + model);
            }
            JsonNode v = answersIn.node(id);
            String statusText;
            String note = null;
            if (v.isTextual()) {
                statusText = v.asText();
            } else if (v.isObject()) {
                JsonInput o = answersIn.object(id).allowOnly("status", "note");
                statusText = o.string("status");
                note = o.optString("note");
            } else {
                throw answersIn.problem(id, "must be a status string or {status, note}, but was "
                        + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            CriterionStatus status;
            try {
                status = CriterionStatus.parse(statusText);
            } catch (IllegalArgumentException e) {
                throw answersIn.problem(id, "unknown status '" + statusText + "' (one of: met, not_met, unknown)");
            }
            String n = note;
            answersIn.build(x -> ab.answer(id, status, n));
        }
        Answers answers = answersIn.build(x -> ab.build());
        return answers;
    }

    /** The measurements of a metrics file ({@code {"key": value, ...}} in the keys' units). */
    static List<Measurement> metrics(JsonInput metrics) {
        List<Measurement> out = new ArrayList<>();
        for (String key : metrics.fieldNames()) {
            Unit unit = MetricKeys.unitOf(key);
            if (unit == null) {
                throw metrics.problem(key, "unknown metric (known: " + String.join(", ", new TreeSet<>(MetricKeys.known())) + ")");
            }
            BigDecimal value;
            if (unit.equals(Unit.SECONDS) && metrics.node(key).isTextual()
                    && !metrics.node(key).asText().matches("[-+0-9.eE]+")) {
                Duration d = metrics.duration(key);
                value = BigDecimal.valueOf(d.toMillis()).movePointLeft(3);
            } else {
                value = metrics.decimal(key);
            }
            BigDecimal val = value;
            out.add(metrics.build(x -> new Measurement(key, val, unit)));
        }
        return out;
    }

    /**
     * Maturity evidence merged from measured reports with {@code Evidence.from}; a key measured twice
     * with different values is invalid input.
     */
    @SuppressWarnings("unchecked")
    static Evidence evidence(List<List<Measurement>> reports, @Nullable Path source) {
        try {
            return Evidence.from(reports.toArray(List[]::new));
        } catch (IllegalArgumentException e) {
            throw new InputException((source == null ? "evidence" : source.toString()) + ": " + e.getMessage());
        }
    }

    /** The report of a maturity decision (also the demo's assess step). */
    static Report report(MaturityDecision a, MaturityModel m) {
        var definition = MaturityModel.definitionOf(m);
        MaturityDecision.Plan plan = a.plan();
        StringBuilder text = new StringBuilder("Maturity assessment: ").append(definition.title()).append('\n');
        text.append("Overall: ").append(a.overallLabel()).append(" (score ").append(a.scoreText()).append(")\n");
        List<Map<String, Object>> dims = new ArrayList<>();
        for (DimensionResult d : a.dimensions()) {
            text.append("  ").append(d.dimension().id()).append(": ").append(d.levelLabel()).append(", ")
                    .append(d.gaps().size()).append(" gap(s) to the next level\n");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dimension", d.dimension().id());
            row.put("level", d.level());
            row.put("label", d.levelLabel());
            row.put("gaps", d.gaps().size());
            dims.add(row);
        }
        text.append('\n').append(a.toDecision().toText("Findings"));
        text.append("\n90-day plan (").append(plan.steps().size()).append(" steps)\n");
        for (PlanStep s : plan.steps()) {
            text.append(String.format(java.util.Locale.ROOT, "%3d. days %2d-%2d  %-18s %s%n", s.order(), s.startDay(),
                    s.endDay(), s.criterionId(), s.action()).replace(System.lineSeparator(), "\n"));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("model", m.id());
        data.put("overallLevel", a.overallLevel());
        data.put("overall", a.overallLabel());
        data.put("score", a.scoreText());
        data.put("dimensions", dims);
        data.put("plan", plan.criterionIds());
        return new Report("Maturity assessment: " + definition.title(), a.verdict().name(), a.findings(), text.toString(),
                a.toMarkdown() + "\n" + plan.toMarkdown(), data, ExitCode.OK);
    }
}
