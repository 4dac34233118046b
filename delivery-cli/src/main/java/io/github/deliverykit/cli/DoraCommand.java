package io.github.deliverykit.cli;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DoraAssessment;
import io.github.deliverykit.metrics.dora.DoraConfig;
import io.github.deliverykit.metrics.dora.DoraDataset;
import io.github.deliverykit.metrics.dora.DoraEvents;
import io.github.deliverykit.metrics.dora.DoraReport;
import io.github.deliverykit.metrics.dora.DurationSummary;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands;
import io.github.deliverykit.metrics.dora.Rate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delivery dora}: the four keys (and the 2024 rework rate) from files or from a git history. */
@Command(name = "dora", mixinStandardHelpOptions = true,
        description = "DORA metrics (deployment frequency, lead time, change failure rate, time to restore, recovery time, "
                + "rework rate) and their performance bands, from JSON files or from a git repository's tags. Exit 0.")
final class DoraCommand extends ReportCommand {

    static final class Source {
        @Option(names = "--deployments", paramLabel = "FILE", description = "The deployments file (JSON).")
        @Nullable Path deployments;

        @Option(names = "--git", paramLabel = "PATH", description = "A local git repository: tags are deployments.")
        @Nullable Path git;

        @Option(names = "--github-deployments", paramLabel = "FILE",
                description = "GitHub REST deployments (JSON array, each with its statuses); --service names the service.")
        @Nullable Path githubDeployments;

        @Option(names = "--gitlab-deployments", paramLabel = "FILE",
                description = "GitLab deployments API (JSON array); --service names the service.")
        @Nullable Path gitlabDeployments;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source = new Source();

    @Option(names = "--deploy-tags", defaultValue = "v*", paramLabel = "GLOB",
            description = "With --git: tags matching this glob are production deployments (default: ${DEFAULT-VALUE}).")
    String deployTags = "v*";

    @Option(names = "--exclude-tags", paramLabel = "GLOB", split = ",",
            description = "With --git: tags matching this glob are not deployments (pre-releases, markers), e.g. '*-rc*'; "
                    + "repeatable or comma-separated.")
    List<String> excludeTags = new ArrayList<>();

    @Option(names = "--service", paramLabel = "SERVICE",
            description = "With --git: the service name (default: the repository directory's name).")
    @Nullable String service;

    @Option(names = "--environment", paramLabel = "ENV", defaultValue = "production",
            description = "With --git: the environment the tags deploy to (default: ${DEFAULT-VALUE}); the DORA "
                    + "figures are of this environment, and incidents count when they name it.")
    String environment = "production";

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "The zone of calendar days and weeks (deployment days, Four Keys buckets), e.g. Europe/Paris "
                    + "(default: ${DEFAULT-VALUE}).")
    String timeZone = "UTC";

    @Option(names = "--git-timeout", paramLabel = "DURATION", defaultValue = "120s",
            description = "With --git: how long one git command may run (default: ${DEFAULT-VALUE}).")
    String gitTimeout = "120s";

    @Option(names = "--incidents", paramLabel = "FILE", description = "The incidents file (JSON), optional.")
    @Nullable Path incidents;

    @Option(names = "--pagerduty", paramLabel = "FILE",
            description = "PagerDuty REST incidents (JSON, each with its log entries), optional; P1..P5 map to SEV-1..SEV-4.")
    @Nullable Path pagerduty;

    @Option(names = "--opsgenie", paramLabel = "FILE",
            description = "Opsgenie incidents (the list API's JSON, data[]), optional; P1..P5 map to SEV-1..SEV-4.")
    @Nullable Path opsgenie;

    /** The default window of the report, in days. */
    static final int DEFAULT_DAYS = 30;

    @Option(names = "--days", defaultValue = "30", paramLabel = "N",
            description = "The window: the N days ending at --as-of (default: ${DEFAULT-VALUE}).")
    long days = 30;

    @Option(names = "--since", paramLabel = "INSTANT", description = "Window start (overrides --days); the end is --as-of.")
    @Nullable String since;

    @Option(names = "--bands", defaultValue = "dora-2023", paramLabel = "ID",
            description = "Performance bands: dora-2021, dora-2023, dora-2024 or seed-elite (default: ${DEFAULT-VALUE}).")
    String bands = "dora-2023";

    @Option(names = "--definitions", paramLabel = "IDS",
            description = "Instead of the bands: the same history under several DORA definitions side by side, with "
                    + "why the figures differ: 'all' or a comma-separated list of four-keys, devlake, gitlab, dora-2024.")
    @Nullable String definitions;

    @Override
    Report report() {
        Instant now = common.now();
        Interval window = window(now);
        ZoneId zone = zone();
        List<Deployment> deployments;
        List<Commit> commits;
        String origin;
        Findings notes = Findings.none();
        GitHistory.Listed listed = null; // the git history as primitive arrays, for the bands report
        if (source.git != null) {
            Path repo = source.git.toAbsolutePath().normalize();
            String name = service != null ? service
                    : repo.getFileName() == null ? "repository" : repo.getFileName().toString();
            GitHistory.Options options;
            try {
                options = GitHistory.Options.of(name).withTags(deployTags).withExcludedTags(excludeTags)
                        .withEnvironment(environment).withWindow(window).withTimeout(timeout());
            } catch (IllegalArgumentException e) {
                throw new InputException("--git: " + e.getMessage());
            }
            origin = "git tags '" + deployTags + "' of " + name;
            if (definitions == null) {
                // no object per commit: the dataset loads the changes from primitive arrays
                listed = GitHistory.readListed(repo, options);
                deployments = listed.deployments();
                commits = List.of();
                notes = gitNotes(deployments, listed.excludedTags(), window, options);
            } else {
                GitHistory.Result history = GitHistory.read(repo, options);
                deployments = history.deployments();
                commits = history.commits();
                notes = gitNotes(deployments, history.excludedTags(), window, options);
            }
        } else if (source.githubDeployments != null) {
            io.github.deliverykit.formats.events.DeploymentRead read = io.github.deliverykit.formats.events.GitHubDeployments
                    .read(source.githubDeployments, service != null ? service : "service");
            deployments = read.deployments();
            commits = List.of();
            origin = "GitHub deployments (" + read.report().summary() + ")";
        } else if (source.gitlabDeployments != null) {
            io.github.deliverykit.formats.events.DeploymentRead read = io.github.deliverykit.formats.events.GitLabDeployments
                    .read(source.gitlabDeployments, service != null ? service : "service");
            deployments = read.deployments();
            commits = List.of();
            origin = "GitLab deployments (" + read.report().summary() + ")";
        } else {
            Inputs.DeploymentsFile file = Inputs.deployments(source.deployments);
            commits = file.commits();
            deployments = file.deployments();
            origin = "deployments file";
        }
        int incidentSources = (incidents != null ? 1 : 0) + (pagerduty != null ? 1 : 0) + (opsgenie != null ? 1 : 0);
        if (incidentSources > 1) {
            throw new InputException("--incidents, --pagerduty and --opsgenie: give at most one of them");
        }
        List<Incident> incidentList;
        if (pagerduty != null || opsgenie != null) {
            io.github.deliverykit.formats.events.IncidentRead read = pagerduty != null
                    ? io.github.deliverykit.formats.events.PagerDutyIncidents.read(pagerduty)
                    : io.github.deliverykit.formats.events.OpsgenieIncidents.read(opsgenie);
            incidentList = read.incidents();
            origin = origin + "; " + (pagerduty != null ? "PagerDuty" : "Opsgenie") + " incidents ("
                    + read.report().summary() + ")";
        } else {
            incidentList = incidents == null ? List.of() : Inputs.incidents(incidents);
        }
        PerformanceBands table = PerformanceBands.load().find(bands).orElseThrow(() -> new InputException(
                "--bands must be one of " + PerformanceBands.load().ids() + ", but was '" + bands + "'"));
        DoraConfig config = DoraConfig.custom().zone(zone).productionEnvironments(Set.of(environment)).build();
        String sourceName = source.git != null ? "--git" : source.githubDeployments != null
                ? String.valueOf(source.githubDeployments) : source.gitlabDeployments != null
                ? String.valueOf(source.gitlabDeployments) : String.valueOf(source.deployments);
        if (definitions != null) {
            return DoraDefinitionsReport.report(DoraDefinitionsReport.select(definitions),
                    events(deployments, incidentList, commits, sourceName), config, window, origin, notes);
        }
        DoraReport report;
        if (listed != null) {
            report = DoraDataset.ofListedChanges(events(deployments, incidentList, commits, sourceName), config,
                    listed.changesFrom(), listed.authoredMillis(), listed.committedMillis()).report(window);
        } else {
            report = report(deployments, incidentList, commits, window, sourceName, config);
        }
        return report(new Result(report, window, origin), table, notes);
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(timeZone.trim());
        } catch (java.time.DateTimeException e) {
            throw new InputException("--time-zone must be a zone id like UTC, Europe/Paris or +02:00, but was '"
                    + timeZone + "'");
        }
    }

    private Duration timeout() {
        Duration d = JsonInput.parseDuration(gitTimeout.trim());
        if (d == null || d.isNegative() || d.isZero()) {
            throw new InputException("--git-timeout must be a positive duration like 120s, 5m or PT2M, but was '"
                    + gitTimeout + "'");
        }
        return d;
    }

    /** What the repository says beyond the figures: excluded tags, a window without a deployment. */
    static Findings gitNotes(List<Deployment> gitDeployments, List<String> excludedTags, Interval window,
            GitHistory.Options options) {
        List<Finding> out = new ArrayList<>();
        if (!excludedTags.isEmpty()) {
            out.add(Finding.info("dora.git.excluded-tags", excludedTags.size() + " tag(s) matching '"
                    + options.tagPattern() + "' are excluded by " + options.excludeTags() + " and are not deployments",
                    Facts.of("excluded", excludedTags.size(), "first", excludedTags.get(0))));
        }
        long inWindow = gitDeployments.stream()
                .filter(d -> !d.finished().isBefore(window.start()) && d.finished().isBefore(window.end())).count();
        if (inWindow == 0) {
            Deployment last = null;
            for (Deployment d : gitDeployments) {
                if (d.finished().isBefore(window.start())) {
                    last = d;
                }
            }
            long days = Duration.between(window.start(), window.end()).toDays();
            String message = "no tag matching '" + options.tagPattern() + "' is dated in the " + days
                    + "-day window " + window + ": the figures and bands describe a quiet window, not the repository"
                    + (last == null ? "" : "; the last deployment before it is " + last.version() + " at "
                            + last.finished() + " (widen --days or set --since)");
            Facts.Builder facts = Facts.builder().put("windowDays", days).put("tags", gitDeployments.size());
            if (last != null) {
                facts.put("lastTag", last.version()).put("lastTagAt", last.finished());
            }
            out.add(Finding.warn("dora.git.quiet-window", message, facts.build()));
        }
        return Findings.of(out);
    }

    /**
     * A DORA report with where its events came from.
     *
     * @param report the report
     * @param window the window it covers
     * @param origin where the deployments came from, e.g. {@code deployments file}
     */
    record Result(DoraReport report, Interval window, String origin) {}

    /**
     * The DORA report of a deployments file and an optional incidents file over the default window
     * (the {@value #DEFAULT_DAYS} days ending at {@code now}).
     *
     * @param deploymentsFile the deployments file
     * @param incidentsFile the incidents file, or null
     * @param now the end of the window
     * @return the report
     */
    static Result fromFiles(Path deploymentsFile, @Nullable Path incidentsFile, Instant now) {
        Inputs.DeploymentsFile file = Inputs.deployments(deploymentsFile);
        List<Commit> commits = file.commits();
        List<Deployment> deployments = file.deployments();
        List<Incident> incidentList = incidentsFile == null ? List.of() : Inputs.incidents(incidentsFile);
        Interval window = Interval.ending(Duration.ofDays(DEFAULT_DAYS), now);
        return new Result(report(deployments, incidentList, commits, window, deploymentsFile.toString(),
                DoraConfig.ofDefaults()), window, "deployments file");
    }

    private static DoraReport report(List<Deployment> deployments, List<Incident> incidentList, List<Commit> commits,
            Interval window, String source, DoraConfig config) {
        return DoraDataset.of(events(deployments, incidentList, commits, source), config).report(window);
    }

    private static DoraEvents events(List<Deployment> deployments, List<Incident> incidentList, List<Commit> commits,
            String source) {
        try {
            return DoraEvents.builder().deployments(deployments).incidents(incidentList).commits(commits).build();
        } catch (IllegalArgumentException e) {
            throw new InputException(source + ": " + e.getMessage());
        }
    }

    /** The report of a DORA report assessed against performance bands (also the demo's DORA step). */
    static Report report(Result result, PerformanceBands table) {
        return report(result, table, Findings.none());
    }

    /**
     * The report of a DORA report assessed against performance bands, with notes on the source.
     *
     * @param result the report
     * @param table the bands
     * @param notes findings about the source (e.g. a quiet window), listed before the bands'
     * @return the report
     */
    static Report report(Result result, PerformanceBands table, Findings notes) {
        DoraReport report = result.report();
        Interval window = result.window();
        String origin = result.origin();
        DoraAssessment assessment = table.table().assess(report);
        Findings findings = notes.plus(assessment.findings());
        List<String[]> rows = rows(report, assessment);
        StringBuilder text = new StringBuilder("DORA metrics: ").append(window).append(" (").append(origin).append(")\n");
        for (String[] r : rows) {
            text.append(r[0]).append(": ").append(r[1]).append('\n');
        }
        if (!notes.isEmpty()) {
            text.append('\n').append(notes.toText());
        }
        text.append('\n').append("Bands (").append(table.id()).append(")\n").append(assessment.findings().toText());
        StringBuilder md = new StringBuilder("## DORA metrics\n\n").append("Window ").append(window).append(", ")
                .append(origin).append(".\n\n| metric | value |\n| --- | --- |\n");
        for (String[] r : rows) {
            md.append("| ").append(r[0]).append(" | ").append(r[1].replace("|", "\\|")).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n').append(notes.toMarkdown());
        }
        md.append("\n### Bands (").append(table.id()).append(")\n\n").append(assessment.findings().toMarkdown());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("window", window.toString());
        data.put("windowStart", window.start().toString());
        data.put("windowEnd", window.end().toString());
        var f = report.deploymentFrequency();
        Map<String, Object> frequency = new LinkedHashMap<>();
        frequency.put("deployments", f.deployments());
        frequency.put("deploymentDays", f.deploymentDays());
        frequency.put("calendarDays", f.calendarDays());
        frequency.put("perDay", f.perDay());
        frequency.put("perWeek", f.perWeek());
        frequency.put("fourKeysBucket", f.fourKeysBucket().toString());
        data.put("deploymentFrequency", frequency);
        Map<String, Object> lead = summaryData(report.leadTime().summary());
        lead.put("deployments", report.leadTime().deployments());
        lead.put("deploymentsWithoutChanges", report.leadTime().deploymentsWithoutChanges());
        lead.put("unknownCommits", report.leadTime().unknownCommits());
        lead.put("nonPositiveDropped", report.leadTime().nonPositiveDropped());
        data.put("leadTime", lead);
        var cfr = report.changeFailureRate();
        Map<String, Object> failure = rateData(cfr.value(), cfr.failed(), cfr.deployments());
        data.put("changeFailureRate", failure);
        Map<String, Object> restore = summaryData(report.timeToRestore().summary());
        restore.put("incidents", report.timeToRestore().incidents());
        restore.put("open", report.timeToRestore().open());
        data.put("timeToRestore", restore);
        Map<String, Object> recovery = summaryData(report.recoveryTime().summary());
        recovery.put("failedDeployments", report.recoveryTime().failedDeployments());
        recovery.put("unrecovered", report.recoveryTime().unrecovered());
        data.put("recoveryTime", recovery);
        var rework = report.reworkRate();
        data.put("reworkRate", rateData(rework.value(), rework.numerator(), rework.denominator()));
        data.put("bands", table.id());
        data.put("overall", assessment.overall().orElse("no data"));
        data.put("partial", assessment.partial());
        return new Report("DORA metrics", assessment.overall().map(s -> s.toUpperCase(Locale.ROOT)).orElse("NO_DATA"),
                findings, text.toString(), md.toString(), data, ExitCode.OK);
    }

    /** A duration summary as numbers (seconds, null without data) beside its display text. */
    private static Map<String, Object> summaryData(DurationSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", s.sampleSize());
        out.put("medianSeconds", seconds(s.medianMillis()));
        out.put("p90Seconds", seconds(s.p90Millis()));
        out.put("meanSeconds", seconds(s.meanMillis()));
        out.put("median", s.median().map(DoraCommand::duration).orElse("no data"));
        out.put("p90", s.p90().map(DoraCommand::duration).orElse("no data"));
        out.put("mean", s.mean().map(DoraCommand::duration).orElse("no data"));
        return out;
    }

    private static @Nullable Object seconds(OptionalDouble millis) {
        return millis.isPresent() ? millis.getAsDouble() / 1000.0 : null;
    }

    private static Map<String, Object> rateData(OptionalDouble value, long numerator, long denominator) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ratio", value.isPresent() ? value.getAsDouble() : null);
        out.put("numerator", numerator);
        out.put("denominator", denominator);
        out.put("text", rate(value));
        return out;
    }

    private Interval window(Instant now) {
        if (since != null) {
            Instant start;
            try {
                start = Instant.parse(since);
            } catch (java.time.format.DateTimeParseException e) {
                throw new InputException("--since must be an ISO-8601 instant, but was '" + since + "'");
            }
            if (!start.isBefore(now)) {
                throw new InputException("--since " + since + " must be before --as-of " + now);
            }
            return Interval.of(start, now);
        }
        if (days < 1 || days > DoraDataset.MAX_WINDOW_DAYS) {
            throw new InputException("--days must be 1.." + DoraDataset.MAX_WINDOW_DAYS + ", but was " + days);
        }
        return Interval.ending(Duration.ofDays(days), now);
    }

    private static String rate(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f%%", v.getAsDouble() * 100) : "no data";
    }

    static String duration(Duration d) {
        long s = d.getSeconds();
        long days = s / 86_400;
        long h = s % 86_400 / 3600;
        long m = s % 3600 / 60;
        StringBuilder b = new StringBuilder();
        if (days > 0) {
            b.append(days).append("d ");
        }
        if (days > 0 || h > 0) {
            b.append(h).append("h ");
        }
        b.append(m).append('m');
        return b.toString();
    }

    private static String summary(DurationSummary s) {
        if (!s.hasData()) {
            return "no data";
        }
        return "median " + duration(s.median().orElseThrow()) + ", p90 " + duration(s.p90().orElseThrow())
                + ", mean " + duration(s.mean().orElseThrow()) + " (n=" + s.sampleSize() + ")";
    }

    private static String rateRow(Rate r) {
        return rate(r.value()) + " (" + r.numerator() + " of " + r.denominator() + ")";
    }

    private static List<String[]> rows(DoraReport r, DoraAssessment a) {
        List<String[]> out = new ArrayList<>();
        var f = r.deploymentFrequency();
        out.add(new String[] {"Deployment frequency", String.format(Locale.ROOT, "%.2f/day, %.2f/week (%d deployments on %d of %d days, Four Keys %s)",
                f.perDay(), f.perWeek(), f.deployments(), f.deploymentDays(), f.calendarDays(), f.fourKeysBucket())});
        out.add(new String[] {"Lead time for changes", summary(r.leadTime().summary())
                + (r.leadTime().deploymentsWithoutChanges() > 0 ? ", " + r.leadTime().deploymentsWithoutChanges()
                        + " deployment(s) without changes" : "")});
        var cfr = r.changeFailureRate();
        out.add(new String[] {"Change failure rate", rate(cfr.value()) + " (" + cfr.failed() + " of " + cfr.deployments() + ")"});
        out.add(new String[] {"Time to restore", summary(r.timeToRestore().summary())
                + (r.timeToRestore().open() > 0 ? ", " + r.timeToRestore().open() + " open" : "")});
        out.add(new String[] {"Failed-deployment recovery time", summary(r.recoveryTime().summary())});
        out.add(new String[] {"Rework rate", rateRow(r.reworkRate())});
        out.add(new String[] {"Overall band", a.overall().orElse("no data") + (a.partial() ? " (partial)" : "")});
        return out;
    }
}
