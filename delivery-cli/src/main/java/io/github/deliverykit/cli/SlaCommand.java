package io.github.deliverykit.cli;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.finding.Decision;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.formats.prometheus.PrometheusSli;
import io.github.deliverykit.formats.prometheus.SliRead;
import io.github.deliverykit.formats.slo.OpenSlo;
import io.github.deliverykit.formats.slo.SloDefinition;
import io.github.deliverykit.formats.slo.SloDocuments;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.metrics.budget.ErrorBudgets;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.RecurringMaintenance;
import io.github.deliverykit.metrics.budget.SlaReport;
import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.policy.budget.DeployFreeze;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.budget.FreezeInput;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delivery sla}: SLA compliance and error budget of a service (seed sla_calculator). */
@Command(name = "sla", mixinStandardHelpOptions = true,
        description = "SLA compliance and error budget: ON_TRACK / AT_RISK (exit 0), BREACHED or a deploy freeze (exit 1).")
final class SlaCommand extends ReportCommand {

    @Option(names = "--service", paramLabel = "SERVICE",
            description = "The service, e.g. portal (default: the SLO file's service; when both are given they must match).")
    @Nullable String service;

    @Option(names = "--period", defaultValue = "month", paramLabel = "PERIOD",
            description = "Budget period: day, week, month (365/12 days = 43,800 min), quarter, year or Nd (e.g. 28d). Default: ${DEFAULT-VALUE}.")
    String period = "month";

    @Option(names = "--slo", paramLabel = "FILE", description = "The SLO file (JSON), with --incidents; or give --openslo.")
    @Nullable Path sloFile;

    @Option(names = "--incidents", paramLabel = "FILE", description = "The incidents file (JSON), with --slo.")
    @Nullable Path incidentsFile;

    @Option(names = "--openslo", paramLabel = "FILE",
            description = "An OpenSLO v1 file (YAML): its event-based SLO, with --prometheus, instead of --slo and --incidents.")
    @Nullable Path opensloFile;

    @Option(names = "--slo-name", paramLabel = "NAME",
            description = "With --openslo: the SLO's metadata.name, when the file has more than one.")
    @Nullable String sloName;

    @Option(names = "--prometheus", paramLabel = "FILE",
            description = "With --openslo: a Prometheus query_range result with the good and total series (label sli=\"good\" "
                    + "/ sli=\"total\").")
    @Nullable Path prometheusFile;

    @Option(names = "--step", defaultValue = "1h", paramLabel = "DURATION",
            description = "With --prometheus: the query_range step (default: ${DEFAULT-VALUE}).")
    String step = "1h";

    static Duration periodLength(String period) {
        String p = period.trim().toLowerCase(Locale.ROOT);
        switch (p) {
            case "day":
                return Duration.ofDays(1);
            case "week":
                return Duration.ofDays(7);
            case "month":
                return Duration.ofMinutes(Window.AVERAGE_MONTH_MINUTES);
            case "quarter":
                return Duration.ofMinutes(3 * Window.AVERAGE_MONTH_MINUTES);
            case "year":
                return Duration.ofDays(365);
            default:
                if (p.endsWith("d")) {
                    try {
                        long days = Long.parseLong(p.substring(0, p.length() - 1));
                        if (days >= 1 && days <= 36_500) {
                            return Duration.ofDays(days);
                        }
                    } catch (NumberFormatException e) {
                        // fall through
                    }
                }
                throw new InputException("--period must be day, week, month, quarter, year or Nd (1..36500), but was '"
                        + period + "'");
        }
    }

    @Override
    Report report() {
        if (opensloFile != null || prometheusFile != null) {
            return openSloReport();
        }
        if (sloFile == null || incidentsFile == null) {
            throw new InputException("Missing required option: give --slo and --incidents, or --openslo and --prometheus");
        }
        Budget b = budget(service, period, sloFile, incidentsFile, common.now());
        DeployFreeze freeze = DeployFreeze.ofDefaults();
        FreezeDecision frozen = freeze.evaluate(FreezeInput.of(new FreezeInput.Request(b.slo().service(),
                "next-routine-deploy", DeployFreeze.ChangeKind.ROUTINE), b.status()), java.time.Clock.fixed(b.status().at(),
                java.time.ZoneOffset.UTC));
        if (html()) {
            picture = new HtmlPicture("delivery sla: " + service, b.status().at());
            picture.budget(b, freeze.config());
        }
        return report(b, frozen);
    }

    @Override
    boolean drawsPicture() {
        return true;
    }

    /**
     * An SLO file and an incidents file read, and the error budget computed from them.
     *
     * @param slo the SLO (the file's target over the period's rolling window)
     * @param period the budget period the evaluation instant falls in
     * @param maintenance the scheduled maintenance of the file
     * @param incidents the incidents of the incidents file
     * @param atRiskBurnRate the burn rate from which the SLA is at risk
     * @param status the budget status at the evaluation instant
     * @param source the SLO file (for messages)
     */
    record Budget(Slo slo, Interval period, MaintenanceSchedule maintenance, List<Incident> incidents,
            BigDecimal atRiskBurnRate, BudgetStatus status, JsonInput source) {}

    /**
     * Reads an SLO file and an incidents file and computes the error budget at an instant.
     *
     * @param service the service, or null to take the SLO file's
     * @param period the period option, e.g. {@code month}
     * @param sloFile the SLO file
     * @param incidentsFile the incidents file
     * @param now the evaluation instant
     * @return the budget
     */
    static Budget budget(@Nullable String service, String period, Path sloFile, Path incidentsFile, Instant now) {
        Duration length = periodLength(period);
        JsonInput slo = JsonInput.read(sloFile).allowOnly("service", "target", "periodStart", "maintenance",
                "recurringMaintenance", "atRiskBurnRate");
        if (service == null && !slo.has("service")) {
            throw slo.problem("service", "missing: give --service or a \"service\" in the SLO file");
        }
        String name = service == null ? slo.string("service") : service;
        if (slo.has("service") && !slo.string("service").equals(name)) {
            throw slo.problem("service", "the SLO is for '" + slo.string("service") + "', not --service " + name);
        }
        String target = slo.decimal("target").toPlainString();
        Window window = Window.rolling(length);
        Slo objective = slo.build(x -> Slo.timeBased(name, target, window));
        Interval interval;
        if (slo.has("periodStart")) {
            Instant start = slo.instant("periodStart");
            if (now.isBefore(start)) {
                throw slo.problem("periodStart", "is after the evaluation instant " + now);
            }
            long k = Duration.between(start, now).getSeconds() / length.getSeconds();
            Instant from = start.plus(length.multipliedBy(k));
            interval = Interval.of(from, length);
        } else {
            interval = ErrorBudgets.periodAt(objective, now); // a calendar period at its end is that period
        }
        MaintenanceSchedule maintenance = MaintenanceSchedule.none();
        for (JsonInput m : slo.optObjects("maintenance")) {
            m.allowOnly("start", "end", "reason");
            Instant s = m.instant("start");
            Instant e = m.instant("end");
            MaintenanceSchedule before = maintenance;
            maintenance = m.build(x -> before.plus(Interval.of(s, e)));
        }
        for (JsonInput m : slo.optObjects("recurringMaintenance")) {
            m.allowOnly("day", "start", "length", "zone");
            LocalTime start;
            try {
                start = LocalTime.parse(m.string("start"));
            } catch (DateTimeParseException e) {
                throw m.problem("start", "must be a time like 02:00, but was '" + m.string("start") + "'");
            }
            Duration len = m.duration("length");
            ZoneId zone;
            try {
                zone = ZoneId.of(m.string("zone", "UTC"));
            } catch (RuntimeException e) {
                throw m.problem("zone", "unknown time zone '" + m.string("zone") + "'");
            }
            MaintenanceSchedule before = maintenance;
            LocalTime st = start;
            ZoneId z = zone;
            if (m.has("day")) {
                DayOfWeek day = m.enumValue("day", DayOfWeek.class);
                maintenance = m.build(x -> before.plus(RecurringMaintenance.weekly(day, st, len, z)));
            } else {
                maintenance = m.build(x -> before.plus(RecurringMaintenance.daily(st, len, z)));
            }
        }
        BigDecimal atRisk = slo.has("atRiskBurnRate") ? slo.decimal("atRiskBurnRate") : SlaReport.DEFAULT_AT_RISK_BURN_RATE;
        List<Incident> incidents = Inputs.incidents(incidentsFile);
        MaintenanceSchedule schedule = maintenance;
        BudgetStatus budget = slo.build(x -> ErrorBudgets.timeBased(objective, interval, incidents, schedule, now));
        return new Budget(objective, interval, schedule, incidents, atRisk, budget, slo);
    }

    /** An OpenSLO SLO with its good / total counts from Prometheus: the event-based budget's report. */
    private Report openSloReport() {
        if (opensloFile == null || prometheusFile == null) {
            throw new InputException("--openslo and --prometheus go together: give both");
        }
        if (sloFile != null || incidentsFile != null) {
            throw new InputException("--openslo replaces --slo and --incidents: give one or the other");
        }
        if (html()) {
            throw new InputException("--format html is not available with --openslo yet");
        }
        for (Path f : List.of(opensloFile, prometheusFile)) {
            if (!java.nio.file.Files.isRegularFile(f)) {
                throw new InputException("no such file: " + f);
            }
        }
        Duration bucket = JsonInput.parseDuration(step.trim());
        if (bucket == null || bucket.isNegative() || bucket.isZero()) {
            throw new InputException("--step must be a positive duration like 1h, 5m or PT30S, but was '" + step + "'");
        }
        Instant now = common.now();
        SloDocuments docs = OpenSlo.read(opensloFile);
        List<SloDefinition> matching = new java.util.ArrayList<>();
        for (SloDefinition d : docs.slos()) {
            if ((sloName == null || d.name().equals(sloName)) && (service == null || d.slo().service().equals(service))) {
                matching.add(d);
            }
        }
        if (matching.size() != 1) {
            List<String> names = docs.slos().stream().map(SloDefinition::name).toList();
            throw new InputException("--openslo: " + (matching.isEmpty() ? "no SLO" : matching.size() + " SLOs")
                    + " match" + (sloName == null ? "" : " --slo-name " + sloName) + (service == null ? "" : " --service " + service)
                    + "; the file has " + names + (matching.isEmpty() ? "" : ": choose one with --slo-name"));
        }
        SloDefinition def = matching.get(0);
        SliRead sli = PrometheusSli.goodTotal(prometheusFile, bucket);
        BudgetStatus budget = ErrorBudgets.events(def.slo(), sli.series(), now);
        FreezeDecision frozen = DeployFreeze.ofDefaults().evaluate(FreezeInput.of(new FreezeInput.Request(
                def.slo().service(), "next-routine-deploy", DeployFreeze.ChangeKind.ROUTINE), budget),
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        Report r = report(budget, SlaReport.of(budget), frozen);
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        data.put("slo", def.name());
        data.put("openslo", docs.report().summary());
        data.put("prometheus", sli.report().summary());
        StringBuilder text = new StringBuilder(r.text());
        text.append("\nRead: OpenSLO ").append(docs.report().summary()).append("; Prometheus ")
                .append(sli.report().summary()).append('\n');
        for (var issue : sli.report().issues()) {
            text.append("  ").append(issue).append('\n');
        }
        return new Report(r.title(), r.verdict(), r.findings(), text.toString(), r.markdown(), data, r.exitCode());
    }

    /** The report of an error budget and its freeze decision (also the demo's budget step). */
    static Report report(Budget b, FreezeDecision freezeDecision) {
        SlaReport sla = b.source().build(x -> SlaReport.of(b.status(), b.atRiskBurnRate()));
        return report(b.status(), sla, freezeDecision);
    }

    private static Report report(BudgetStatus budget, SlaReport sla, FreezeDecision freezeDecision) {
        Slo objective = budget.slo();
        String service = objective.service();
        Decision<FreezeDecision.Verdict> frozen = freezeDecision.toDecision();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("target", objective.target().toString());
        data.put("period", budget.period().toString());
        data.put("at", budget.at().toString());
        if (budget.unit() == BudgetStatus.BudgetUnit.SECONDS) {
            data.put("allowedMinutes", minutes(budget.allowedTime()));
            data.put("consumedMinutes", minutes(budget.consumedTime()));
            data.put("remainingMinutes", minutes(budget.remainingTime()));
        } else {
            // event-based budgets count events or slices, not time
            data.put("unit", budget.unit().name());
            data.put("allowed", budget.allowed().stripTrailingZeros());
            data.put("consumed", budget.consumed().stripTrailingZeros());
            data.put("remaining", budget.remaining().stripTrailingZeros());
        }
        data.put("remainingPercent", budget.remainingPercent().setScale(2, java.math.RoundingMode.HALF_EVEN));
        data.put("burnRate", budget.burnRate().setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros());
        data.put("status", sla.status().name());
        data.put("deployFreeze", frozen.verdict().name());
        String title = "Deploy freeze: " + service;
        String text = sla.toText() + "\n" + frozen.toText(title);
        String markdown = sla.toMarkdown() + "\n" + frozen.toMarkdown(title);
        boolean negative = sla.status() == SlaStatus.BREACHED || frozen.verdict() == FreezeDecision.Verdict.FREEZE;
        return new Report("SLA report: " + service, sla.status().name(), sla.findings().plus(frozen.findings()),
                text, markdown, data, negative ? ExitCode.NEGATIVE : ExitCode.OK);
    }

    private static BigDecimal minutes(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(60_000), 2, java.math.RoundingMode.HALF_EVEN);
    }
}
