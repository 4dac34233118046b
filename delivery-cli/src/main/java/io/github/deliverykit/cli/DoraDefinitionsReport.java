package io.github.deliverykit.cli;

import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.metrics.dora.DefinitionComparison;
import io.github.deliverykit.metrics.dora.DefinitionComparison.FailureRate;
import io.github.deliverykit.metrics.dora.DefinitionComparison.Figures;
import io.github.deliverykit.metrics.dora.DoraConfig;
import io.github.deliverykit.metrics.dora.DoraDefinitions;
import io.github.deliverykit.metrics.dora.DoraEvents;
import io.github.deliverykit.metrics.dora.DurationSummary;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.FailureCount;
import io.github.deliverykit.core.time.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** {@code delivery dora --definitions}: one history under several DORA definitions, side by side. */
final class DoraDefinitionsReport {

    private DoraDefinitionsReport() {}

    /**
     * The definitions named by an option value: {@code all}, or a comma-separated list of ids.
     *
     * @param option the option value
     * @return the engine
     * @throws InputException if an id is unknown or repeated
     */
    static DoraDefinitions select(String option) {
        DoraDefinitions all = DoraDefinitions.load();
        String value = option.trim();
        if (value.equals("all")) {
            return all;
        }
        List<String> ids = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            ids.add(part.trim());
        }
        try {
            return all.select(ids);
        } catch (IllegalArgumentException e) {
            throw new InputException("--definitions must be 'all' or a comma-separated list of " + all.ids()
                    + ", but was '" + option + "'");
        }
    }

    static Report report(DoraDefinitions definitions, DoraEvents events, DoraConfig config, Interval window,
            String origin, Findings notes) {
        DefinitionComparison c = definitions.compare(events, config, window);
        List<String[]> rows = rows(c);
        StringBuilder text = new StringBuilder("DORA under several definitions: ").append(window).append(" (")
                .append(origin).append(")\n");
        text.append(table(rows, false));
        if (!notes.isEmpty()) {
            text.append('\n').append(notes.toText());
        }
        text.append("\nWhy they differ\n").append(c.findings().toText());
        StringBuilder md = new StringBuilder("## DORA under several definitions\n\nWindow ").append(window).append(", ")
                .append(origin).append(".\n\n").append(table(rows, true));
        if (!notes.isEmpty()) {
            md.append('\n').append(notes.toMarkdown());
        }
        md.append("\n### Why they differ\n\n").append(c.findings().toMarkdown());
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("window", window.toString());
        List<Object> figures = new ArrayList<>();
        for (Figures f : c.figures()) {
            Map<String, @Nullable Object> one = new LinkedHashMap<>();
            one.put("definition", f.definition());
            one.put("source", f.source());
            one.put("deployments", f.deployments());
            one.put("deploymentDays", f.deploymentDays());
            one.put("perDay", f.perDay());
            FailureRate r = f.changeFailureRate();
            one.put("failures", r.failures());
            one.put("counted", r.counted().name());
            one.put("changeFailureRate", r.value().isPresent() ? r.value().getAsDouble() : null);
            one.put("recoveryMedianSeconds", seconds(f.recovery().summary().medianMillis()));
            one.put("recoveryMeasured", f.recovery().summary().sampleSize());
            one.put("leadTimeMedianSeconds", seconds(f.leadTime().medianMillis()));
            figures.add(one);
        }
        data.put("definitions", figures);
        return new Report("DORA under several definitions", "COMPARED", notes.plus(c.findings()), text.toString(),
                md.toString(), data, ExitCode.OK);
    }

    private static @Nullable Object seconds(OptionalDouble millis) {
        return millis.isPresent() ? millis.getAsDouble() / 1000.0 : null;
    }

    private static List<String[]> rows(DefinitionComparison c) {
        List<Figures> fs = c.figures();
        int n = fs.size() + 1;
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[n];
        String[] deployments = new String[n];
        String[] perDay = new String[n];
        String[] cfr = new String[n];
        String[] recovery = new String[n];
        String[] from = new String[n];
        String[] lead = new String[n];
        head[0] = "metric";
        deployments[0] = "Deployments (days)";
        perDay[0] = "Per day";
        cfr[0] = "Change failure rate";
        recovery[0] = "Recovery median";
        from[0] = "Recovery from -> to";
        lead[0] = "Lead time median";
        for (int i = 1; i < n; i++) {
            Figures f = fs.get(i - 1);
            head[i] = f.definition();
            deployments[i] = f.deployments() + " (" + f.deploymentDays() + ")";
            perDay[i] = String.format(Locale.ROOT, "%.2f", f.perDay());
            FailureRate r = f.changeFailureRate();
            String unit = r.counted() == FailureCount.FAILED_DEPLOYMENTS ? "failed" : "incidents";
            cfr[i] = (r.value().isPresent() ? String.format(Locale.ROOT, "%.1f %%", r.value().getAsDouble() * 100)
                    : "no data") + " (" + r.failures() + " " + unit + " / " + r.deployments() + ")";
            recovery[i] = median(f.recovery().summary());
            from[i] = f.rules().recoveryStart().name().toLowerCase(Locale.ROOT) + " -> "
                    + f.rules().recoveryEnd().name().toLowerCase(Locale.ROOT);
            lead[i] = median(f.leadTime());
        }
        rows.add(head);
        rows.add(deployments);
        rows.add(perDay);
        rows.add(cfr);
        rows.add(recovery);
        rows.add(from);
        rows.add(lead);
        return rows;
    }

    private static String median(DurationSummary s) {
        return s.median().map(DoraCommand::duration).orElse("no data") + " (n=" + s.sampleSize() + ")";
    }

    private static String table(List<String[]> rows, boolean markdown) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            for (int i = 0; i < cols; i++) {
                String cell = markdown ? r[i].replace("|", "\\|") : r[i];
                b.append(markdown ? "| " : i == 0 ? "" : "  ")
                        .append(!markdown && i == cols - 1 ? cell : pad(cell, width[i]));
                b.append(markdown ? " " : "");
            }
            b.append(markdown ? "|\n" : "\n");
            if (markdown && k == 0) {
                for (int i = 0; i < cols; i++) {
                    b.append("| ").append("-".repeat(Math.max(3, width[i]))).append(' ');
                }
                b.append("|\n");
            }
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
