package io.github.deliverykit.cli.html;

import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.policy.chart.BudgetChart;
import io.github.deliverykit.policy.chart.BurnRateChart;
import io.github.deliverykit.policy.chart.CanaryChart;
import io.github.deliverykit.policy.chart.DoraChart;
import io.github.deliverykit.policy.chart.IncidentChart;
import io.github.deliverykit.policy.chart.LeadTimeChart;
import io.github.deliverykit.policy.chart.MaturityChart;
import io.github.deliverykit.policy.chart.Quantity;
import io.github.deliverykit.policy.chart.Span;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One self-contained HTML page: a title, a summary table, then one section per chart, each an
 * inline SVG beside its data table. No scripts, no external fonts or images, no network access.
 * Equal inputs render to an equal string (ids are derived from section names, times are UTC).
 * Not thread-safe while being built; build one per report.
 */
public final class HtmlReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final MathContext FIGURE = new MathContext(6, RoundingMode.HALF_EVEN);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final String CSS = "body{font-family:sans-serif;margin:1.5em;color:#222;max-width:1400px}"
            + "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em;border-bottom:1px solid #ccc}"
            + ".chart{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}"
            + ".chart figure{margin:0;flex:0 0 auto}.chart .data{flex:1 1 320px;overflow:auto;max-height:440px}"
            + "table{border-collapse:collapse;font-size:.85em}th,td{border:1px solid #bbb;padding:.2em .5em;"
            + "text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;"
            + "font-weight:bold;padding:.3em 0}.MET,.PASS,.ALLOW,.GO{color:#1a7f37}.NOT_MET,.FAIL,.BREACHED,"
            + ".FREEZE,.ROLLBACK{color:#b42318}.UNKNOWN,.AT_RISK{color:#8a6d00}";

    private final String title;
    private final Instant asOf;
    private final List<String[]> summary = new ArrayList<>();
    private final StringBuilder sections = new StringBuilder();

    /**
     * Starts a report.
     *
     * @param title the page title
     * @param asOf the evaluation instant
     */
    public HtmlReport(String title, Instant asOf) {
        this.title = Objects.requireNonNull(title, "title");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Adds a summary line (one row of the table at the top).
     *
     * @param step the step
     * @param result what it produced
     * @return this report
     */
    public HtmlReport summary(String step, String result) {
        summary.add(new String[] {step, result});
        return this;
    }

    /**
     * Adds the error-budget chart.
     *
     * @param chart the chart data
     * @return this report
     */
    public HtmlReport budget(BudgetChart chart) {
        String caption = "Error budget remaining, " + chart.service() + ", period " + period(chart.period());
        List<String[]> rows = new ArrayList<>();
        for (BudgetChart.Point p : chart.points()) {
            rows.add(new String[] {time(p.at()), minutes(p.remaining()), num(p.remainingPercent())});
        }
        for (Span s : chart.incidents()) {
            rows.add(new String[] {"incident " + s.label(), time(s.interval().start()) + " to "
                    + time(s.interval().end()), ""});
        }
        for (Span s : chart.maintenance()) {
            rows.add(new String[] {"maintenance", time(s.interval().start()) + " to " + time(s.interval().end()), ""});
        }
        return section("budget", "Error budget remaining", SvgCharts.budget(chart), caption,
                new String[] {"at (UTC)", "remaining (min)", "remaining (%)"}, rows);
    }

    /**
     * Adds the burn-rate chart.
     *
     * @param chart the chart data
     * @return this report
     */
    public HtmlReport burnRate(BurnRateChart chart) {
        List<String[]> rows = new ArrayList<>();
        for (BurnRateChart.Window w : chart.windows()) {
            rows.add(new String[] {w.rule(), w.severity().name(), duration(w.longWindow()) + " / " + duration(w.shortWindow()),
                num(w.longBurnRate()), num(w.shortBurnRate()), num(w.threshold()), w.firing() ? "firing" : "quiet"});
        }
        rows.add(new String[] {"period", "", "", num(chart.periodBurnRate()), "", num(chart.freezeLine()),
            chart.periodBurnRate().value().compareTo(chart.freezeLine().value()) > 0 ? "freeze" : "below freeze"});
        return section("burn-rate", "Burn rate per alert window", SvgCharts.burnRate(chart),
                "Burn rate of " + chart.service() + " at " + time(chart.at()) + " (freeze line "
                        + num(chart.freezeLine()) + ")",
                new String[] {"rule", "severity", "long / short window", "long (x)", "short (x)", "threshold (x)",
                    "state"}, rows);
    }

    /**
     * Adds the weekly DORA chart.
     *
     * @param chart the chart data
     * @return this report
     */
    public HtmlReport dora(DoraChart chart) {
        List<String[]> rows = new ArrayList<>();
        for (DoraChart.Week w : chart.weeks()) {
            rows.add(new String[] {period(w.week()), num(w.deployments()), num(w.deploymentsPerDay()),
                num(w.leadTimeMedian()), percent(w.changeFailureRate()), num(w.timeToRestoreMedian())});
        }
        for (DoraChart.Band b : chart.bands()) {
            rows.add(new String[] {"band " + b.band() + ": " + b.measure().name().toLowerCase(Locale.ROOT) + " "
                    + b.comparison().symbol() + " " + num(b.threshold()) + " " + b.threshold().unit().symbol(),
                "", "", "", "", ""});
        }
        return section("dora", "DORA figures per week", SvgCharts.dora(chart), "DORA per week, "
                + period(chart.window()) + ", bands " + chart.bandTable(),
                new String[] {"week (UTC)", "deployments", "per day", "lead time median (h)",
                    "change failure rate (%)", "time to restore median (h)"}, rows);
    }

    /**
     * Adds the lead-time distribution chart.
     *
     * @param chart the chart data
     * @return this report
     */
    public HtmlReport leadTime(LeadTimeChart chart) {
        List<String[]> rows = new ArrayList<>();
        List<LeadTimeChart.Distribution> all = new ArrayList<>(chart.weeks());
        all.add(chart.overall());
        for (int i = 0; i < all.size(); i++) {
            LeadTimeChart.Distribution d = all.get(i);
            rows.add(new String[] {(i == all.size() - 1 ? "whole window " : "") + period(d.interval()),
                Long.toString(d.changes()), num(d.median()), num(d.p90()), num(d.p95()), num(d.mean())});
        }
        section("lead-time", "Lead-time distribution", SvgCharts.leadTime(chart),
                "Lead time for changes, quantiles per week",
                new String[] {"interval (UTC)", "changes", "median (h)", "p90 (h)", "p95 (h)", "mean (h)"}, rows);
        List<String[]> buckets = new ArrayList<>();
        for (LeadTimeChart.Bucket b : chart.histogram()) {
            buckets.add(new String[] {bucket(b), b.lower().value().toPlainString(),
                b.upper() == null ? "" : b.upper().value().toPlainString(), Long.toString(b.changes())});
        }
        return section("lead-time-histogram", "Lead-time histogram", SvgCharts.leadTimeHistogram(chart),
                "Lead time for changes per bucket, whole window " + period(chart.overall().interval()),
                new String[] {"bucket", "from (s, included)", "to (s, excluded)", "changes"}, buckets);
    }

    /** A bucket's label: {@code < 1h}, {@code 1h-4h}, {@code >= 30d}; distinct buckets, distinct labels. */
    static String bucket(LeadTimeChart.Bucket b) {
        Quantity upper = b.upper();
        if (upper == null) {
            return ">= " + bound(b.lower().value());
        }
        if (b.lower().value().signum() == 0) {
            return "< " + bound(upper.value());
        }
        return bound(b.lower().value()) + "-" + bound(upper.value());
    }

    /** Seconds in the largest unit that divides them exactly (d, h, m, s). */
    private static String bound(BigDecimal seconds) {
        long[] units = {86_400, 3600, 60};
        String[] names = {"d", "h", "m"};
        if (seconds.signum() > 0 && seconds.stripTrailingZeros().scale() <= 0) {
            for (int i = 0; i < units.length; i++) {
                BigDecimal[] qr = seconds.divideAndRemainder(BigDecimal.valueOf(units[i]));
                if (qr[1].signum() == 0) {
                    return qr[0].toBigInteger() + names[i];
                }
            }
        }
        return seconds.stripTrailingZeros().toPlainString() + "s";
    }

    /**
     * Adds the canary chart.
     *
     * @param chart the chart data
     * @return this report
     */
    public HtmlReport canary(CanaryChart chart) {
        List<String[]> rows = new ArrayList<>();
        for (CanaryChart.Bar b : chart.bars()) {
            boolean rate = b.gate().unit().symbol().equals("ratio");
            rows.add(new String[] {"stage " + b.stage() + " (" + num(Quantity.of(b.weightPercent(), Quantity.PERCENT))
                    + " %)", b.metric() + (rate ? " (%)" : " (" + b.gate().unit().symbol() + ")"),
                rate ? percent(b.baseline()) : num(b.baseline()), rate ? percent(b.canary()) : num(b.canary()),
                rate ? percent(b.gate()) : num(b.gate()), b.outcome() == null ? "" : b.outcome().name(),
                b.verdict().name()});
        }
        return section("canary", "Canary against baseline", SvgCharts.canary(chart),
                "Canary and baseline per metric and stage, with the gate",
                new String[] {"stage", "metric", "baseline", "canary", "gate (below)", "outcome", "stage verdict"}, rows);
    }

    /**
     * Adds the maturity matrix.
     *
     * @param chart the chart data
     * @return this report
     */
    public HtmlReport maturity(MaturityChart chart) {
        List<String> header = new ArrayList<>(List.of("dimension", "current", "target"));
        for (int i = 0; i < chart.levels().size(); i++) {
            header.add("L" + (i + 1) + " " + chart.levels().get(i));
        }
        List<String[]> rows = new ArrayList<>();
        for (MaturityChart.Row r : chart.rows()) {
            List<String> row = new ArrayList<>(List.of(r.name(), "L" + r.currentLevel(), "L" + r.targetLevel()));
            for (MaturityChart.Cell c : r.cells()) {
                row.add(c.status().name() + " (" + c.met() + " met, " + c.notMet() + " not met, " + c.unknown()
                        + " unknown)");
            }
            rows.add(row.toArray(new String[0]));
        }
        return section("maturity", "Maturity matrix", SvgCharts.maturity(chart), chart.title() + ": overall L"
                + chart.currentLevel() + ", target L" + chart.targetLevel(), header.toArray(new String[0]), rows);
    }

    /**
     * Adds the incident timeline.
     *
     * @param charts one chart per incident
     * @return this report
     */
    public HtmlReport incidents(List<IncidentChart> charts) {
        List<String[]> rows = new ArrayList<>();
        for (IncidentChart c : charts) {
            for (IncidentChart.Milestone m : c.milestones()) {
                rows.add(new String[] {c.id(), c.severity().toString(), m.name(), time(m.at()), "", ""});
            }
            for (IncidentChart.Deadline d : c.deadlines()) {
                rows.add(new String[] {c.id(), c.severity().toString(), d.name() + " deadline", time(d.deadline()),
                    minutes(d.target()), d.status().name()});
            }
            for (Span p : c.pauses()) {
                rows.add(new String[] {c.id(), c.severity().toString(), "pause: " + p.label(),
                    time(p.interval().start()) + " to " + time(p.interval().end()), "", ""});
            }
        }
        return section("incidents", "Incident timeline", SvgCharts.incidents(charts),
                "Incidents with their SLA deadlines and pauses",
                new String[] {"incident", "severity", "event", "at (UTC)", "target (min)", "status"}, rows);
    }

    /**
     * Adds a section holding one data table and no chart.
     *
     * @param id the section id (made safe for an HTML id)
     * @param heading the heading
     * @param caption the table caption
     * @param header the column names
     * @param rows the rows, each as long as the header
     * @return this report
     */
    public HtmlReport table(String id, String heading, String caption, String[] header, List<String[]> rows) {
        sections.append("<section id=\"").append(esc(id.replaceAll("[^A-Za-z0-9_-]", "-"))).append("\">\n<h2>")
                .append(esc(heading)).append("</h2>\n<div class=\"data\">\n");
        table(sections, caption, header, rows);
        sections.append("</div>\n</section>\n");
        return this;
    }

    private HtmlReport section(String id, String heading, String svg, String caption, String[] header,
            List<String[]> rows) {
        sections.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(heading)).append("</h2>\n")
                .append("<div class=\"chart\">\n<figure>\n").append(svg).append("\n</figure>\n")
                .append("<div class=\"data\">\n");
        table(sections, caption, header, rows);
        sections.append("</div>\n</div>\n</section>\n");
        return this;
    }

    private static void table(StringBuilder out, String caption, String[] header, List<String[]> rows) {
        out.append("<table>\n<caption>").append(esc(caption)).append("</caption>\n<thead><tr>");
        for (String h : header) {
            out.append("<th scope=\"col\">").append(esc(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (String[] r : rows) {
            out.append("<tr>");
            for (String c : r) {
                boolean number = !c.isEmpty() && c.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == '-');
                out.append(number ? "<td class=\"num\">" : "<td>").append(esc(c)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /**
     * The page.
     *
     * @return the HTML document
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                // no request may leave the file: not even for a favicon
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n<p>As of ")
                .append(esc(time(asOf))).append(" UTC. Every chart is followed by its data.</p>\n");
        if (!summary.isEmpty()) {
            table(out, "The workflow's steps", new String[] {"step", "result"}, summary);
        }
        out.append(sections).append("</body>\n</html>\n");
        return out.toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    static String duration(java.time.Duration d) {
        long s = d.getSeconds();
        StringBuilder b = new StringBuilder();
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        if (days > 0) {
            b.append(days).append('d');
        }
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (minutes > 0 || b.length() == 0) {
            b.append(minutes).append('m');
        }
        return b.toString();
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    static String period(Interval i) {
        return time(i.start()) + " to " + time(i.end());
    }

    static String num(@Nullable Quantity q) {
        return q == null ? "" : plain(q.value());
    }

    static String plain(BigDecimal v) {
        BigDecimal r = v.round(FIGURE).stripTrailingZeros();
        return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
    }

    static String minutes(@Nullable Quantity seconds) {
        return seconds == null ? "" : plain(seconds.value().divide(SIXTY, MathContext.DECIMAL64));
    }

    static String percent(@Nullable Quantity ratio) {
        return ratio == null ? "" : plain(ratio.value().multiply(HUNDRED));
    }
}
