package io.github.deliverykit.cli;

import io.github.deliverykit.cli.html.HtmlReport;
import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.dora.DoraConfig;
import io.github.deliverykit.metrics.dora.DoraDataset;
import io.github.deliverykit.metrics.dora.DoraEvents;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands;
import io.github.deliverykit.policy.budget.DeployFreezeConfig;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.chart.BudgetChart;
import io.github.deliverykit.policy.chart.BurnRateChart;
import io.github.deliverykit.policy.chart.CanaryChart;
import io.github.deliverykit.policy.chart.Charts;
import io.github.deliverykit.policy.chart.DoraChart;
import io.github.deliverykit.policy.chart.IncidentChart;
import io.github.deliverykit.policy.chart.LeadTimeChart;
import io.github.deliverykit.policy.chart.MaturityChart;
import io.github.deliverykit.policy.incident.IncidentClocks;
import io.github.deliverykit.policy.incident.IncidentSlaDecision;
import io.github.deliverykit.policy.maturity.MaturityDecision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects the workflow's typed results as chart data ({@link Charts}) while {@link DemoCommand#run}
 * computes them, then renders the whole picture as one self-contained HTML page. The sections come in
 * a fixed order whatever order the steps report in, so the page is deterministic.
 */
final class HtmlPicture {

    private final String title;
    private final Instant asOf;
    private final List<String[]> steps = new ArrayList<>();
    private final List<IncidentChart> incidents = new ArrayList<>();
    private @Nullable BudgetChart budget;
    private @Nullable BurnRateChart burnRate;
    private @Nullable DoraChart dora;
    private @Nullable LeadTimeChart leadTime;
    private @Nullable CanaryChart canary;
    private @Nullable MaturityChart maturity;

    HtmlPicture(String title, Instant asOf) {
        this.title = title;
        this.asOf = asOf;
    }

    void step(String name, String produces) {
        steps.add(new String[] {name, produces});
    }

    /** The weekly DORA figures and the lead-time distribution of the files the DORA step read. */
    void dora(Path deploymentsFile, Path incidentsFile, Interval window, PerformanceBands.BandTable bands) {
        Inputs.DeploymentsFile file = Inputs.deployments(deploymentsFile);
        List<Deployment> deployments = file.deployments();
        List<Commit> commits = file.commits();
        List<Incident> list = Inputs.incidents(incidentsFile);
        DoraDataset dataset = DoraDataset.of(DoraEvents.builder().deployments(deployments).incidents(list)
                .commits(commits).build(), DoraConfig.ofDefaults());
        dora = Charts.dora(dataset, window, bands);
        leadTime = Charts.leadTime(dataset, window);
    }

    /** The budget over its period and the burn rate per alert window of the workbook's rules. */
    void budget(SlaCommand.Budget b, DeployFreezeConfig freeze) {
        budget = Charts.budget(b.slo(), b.period(), b.incidents(), b.maintenance(), b.status().at());
        burnRate = Charts.burnRate(b.status(), b.incidents(), b.maintenance(), AlertTable.workbook(b.period().duration()),
                freeze.burnRateThreshold());
    }

    void maturity(MaturityDecision decision) {
        maturity = Charts.maturity(decision);
    }

    void canary(Rollout rollout, List<Observation> observations, CanaryAnalysisConfig config) {
        canary = Charts.canary(rollout, observations, config);
    }

    void canary(CanaryChart chart) {
        canary = chart;
    }

    void incident(IncidentSlaDecision decision) {
        incidents.add(Charts.incident(decision));
    }

    /** The SLA clocks of an incident's event list: one table row per cycle (no chart). */
    void clocks(String incidentId, IncidentClocks clocks) {
        clockTables.add(new ClockTable(incidentId, clocks));
    }

    private record ClockTable(String incidentId, IncidentClocks clocks) {}

    private final List<ClockTable> clockTables = new ArrayList<>();

    String render() {
        HtmlReport report = new HtmlReport(title, asOf);
        for (String[] s : steps) {
            report.summary(s[0], s[1]);
        }
        if (budget != null) {
            report.budget(budget);
        }
        if (burnRate != null) {
            report.burnRate(burnRate);
        }
        if (dora != null) {
            report.dora(dora);
        }
        if (leadTime != null) {
            report.leadTime(leadTime);
        }
        if (canary != null) {
            report.canary(canary);
        }
        if (maturity != null) {
            report.maturity(maturity);
        }
        if (!incidents.isEmpty()) {
            report.incidents(incidents);
        }
        for (ClockTable t : clockTables) {
            IncidentClocks c = t.clocks();
            report.table("clocks-" + t.incidentId(), "SLA clocks of " + t.incidentId(),
                    "Every cycle of every clock, read from the event log (verdict " + c.verdict().name() + ")",
                    new String[] {"clock", "cycle", "state", "started (UTC)", "ended", "severity", "target",
                        "deadline (UTC)", "elapsed", "paused", "overrun"}, IncidentClockReport.rows(c));
        }
        return report.render();
    }

    /** Writes the page to a file. */
    void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("--html: cannot write " + file + ": " + e.getMessage());
        }
    }
}
