package io.github.deliverykit.cli.html;

import io.github.deliverykit.policy.chart.BudgetChart;
import io.github.deliverykit.policy.chart.BurnRateChart;
import io.github.deliverykit.policy.chart.CanaryChart;
import io.github.deliverykit.policy.chart.DoraChart;
import io.github.deliverykit.policy.chart.IncidentChart;
import io.github.deliverykit.policy.chart.LeadTimeChart;
import io.github.deliverykit.policy.chart.MaturityChart;
import io.github.deliverykit.policy.chart.Quantity;
import io.github.deliverykit.policy.chart.Span;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.GanttRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.gantt.Task;
import org.jfree.data.gantt.TaskSeries;
import org.jfree.data.gantt.TaskSeriesCollection;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jspecify.annotations.Nullable;

/**
 * The charts of the HTML report: JFreeChart plots drawn to static SVG by JFreeSVG. Fonts are the
 * generic sans-serif family, times UTC, numbers in {@link Locale#ROOT}, and every SVG id is
 * derived from the chart's name (JFreeSVG's default id prefix is time-based), so equal data draw
 * equal SVG.
 */
final class SvgCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Color RED = new Color(0xb4, 0x23, 0x18);
    private static final Color GREEN = new Color(0x1a, 0x7f, 0x37);
    private static final Color BLUE = new Color(0x1f, 0x5f, 0xbf);
    private static final Color GREY = new Color(0x9e, 0x9e, 0x9e);
    private static final Color AMBER = new Color(0xc9, 0x8a, 0x00);
    private static final StandardChartTheme THEME = theme();

    static {
        // charts are drawn off screen: never open a display
        System.setProperty("java.awt.headless", "true");
        // rotated axis labels as SVG text (selectable, readable by screen readers), not glyph outlines
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgCharts() {}

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("deliverykit", false);
        t.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        t.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        t.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        t.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        t.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    /** Draws a chart as an inline SVG element with a title for screen readers. */
    static String svg(JFreeChart chart, String id, String title) {
        THEME.apply(chart);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        String svg = g.getSVGElement(id + "-svg");
        int open = svg.indexOf('>');
        return svg.substring(0, open) + " role=\"img\" aria-labelledby=\"" + id + "-title\"><title id=\"" + id
                + "-title\">" + HtmlReport.esc(title) + "</title>" + svg.substring(open + 1);
    }

    /** Fixed series colours: the theme must not repaint them. */
    private static <R extends org.jfree.chart.renderer.AbstractRenderer> R paints(R renderer, Paint... paints) {
        renderer.setAutoPopulateSeriesPaint(false);
        for (int i = 0; i < paints.length; i++) {
            renderer.setSeriesPaint(i, paints[i]);
        }
        return renderer;
    }

    /** The gates and thresholds: a red dash per category, no line. */
    private static LineAndShapeRenderer gateRenderer() {
        LineAndShapeRenderer t = paints(new LineAndShapeRenderer(false, true), RED);
        t.setAutoPopulateSeriesShape(false);
        t.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-14, -1.5, 28, 3));
        return t;
    }

    private static NumberAxis numberAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        return a;
    }

    private static DateAxis dateAxis(String label) {
        DateAxis a = new DateAxis(label, UTC, Locale.ROOT);
        SimpleDateFormat f = new SimpleDateFormat("MM-dd HH:mm", Locale.ROOT);
        f.setTimeZone(UTC);
        a.setDateFormatOverride(f);
        return a;
    }

    private static double minutes(Quantity seconds) {
        return seconds.doubleValue() / 60;
    }

    private static @Nullable Double value(@Nullable Quantity q, double scale) {
        return q == null ? null : q.doubleValue() * scale;
    }

    static String budget(BudgetChart c) {
        XYSeries s = new XYSeries("remaining budget (min)", false, false);
        for (BudgetChart.Point p : c.points()) {
            s.add(p.at().toEpochMilli(), minutes(p.remaining()));
        }
        XYLineAndShapeRenderer r = paints(new XYLineAndShapeRenderer(true, false), BLUE);
        r.setAutoPopulateSeriesStroke(false);
        r.setSeriesStroke(0, new BasicStroke(2f));
        DateAxis x = dateAxis("time (UTC)");
        x.setRange(new Date(c.period().start().toEpochMilli()), new Date(c.period().end().toEpochMilli()));
        NumberAxis y = numberAxis("remaining budget (min)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
        plot.addRangeMarker(new ValueMarker(minutes(c.allowed()), GREY, new BasicStroke(1f)));
        for (Span i : c.incidents()) {
            IntervalMarker m = new IntervalMarker(i.interval().start().toEpochMilli(), i.interval().end().toEpochMilli(),
                    new Color(0xb4, 0x23, 0x18, 0x60));
            m.setLabel(i.label());
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        for (Span i : c.maintenance()) {
            IntervalMarker m = new IntervalMarker(i.interval().start().toEpochMilli(), i.interval().end().toEpochMilli(),
                    new Color(0x60, 0x60, 0x60, 0x40));
            m.setLabel("maintenance");
            m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        String title = "Error budget remaining: " + c.service();
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("red: incidents, grey: scheduled maintenance, line: allowed "
                + HtmlReport.minutes(c.allowed()) + " min"));
        return svg(chart, "budget", title + ", remaining budget in minutes over the period");
    }

    static String burnRate(BurnRateChart c) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset thresholds = new DefaultCategoryDataset();
        for (BurnRateChart.Window w : c.windows()) {
            bars.addValue(w.longBurnRate().doubleValue(), "long window", w.rule());
            bars.addValue(w.shortBurnRate().doubleValue(), "short window", w.rule());
            thresholds.addValue(w.threshold().doubleValue(), "rule threshold", w.rule());
        }
        BarRenderer r = paints(new BarRenderer(), BLUE, new Color(0x7f, 0xa7, 0xe0));
        CategoryPlot plot = new CategoryPlot(bars, new CategoryAxis("alert rule"), numberAxis("burn rate (x)"), r);
        LineAndShapeRenderer t = gateRenderer();
        plot.setDataset(1, thresholds);
        plot.setRenderer(1, t);
        ValueMarker freeze = new ValueMarker(c.freezeLine().doubleValue(), AMBER, new BasicStroke(2f));
        freeze.setLabel("freeze " + HtmlReport.num(c.freezeLine()) + "x");
        freeze.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        freeze.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(freeze);
        String title = "Burn rate per alert window: " + c.service();
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("period burn rate " + HtmlReport.num(c.periodBurnRate()) + "x"));
        return svg(chart, "burn-rate", title + ", against each rule's threshold and the freeze line");
    }

    static String dora(DoraChart c) {
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis("week starting (UTC)"));
        DefaultCategoryDataset perDay = new DefaultCategoryDataset();
        DefaultCategoryDataset lead = new DefaultCategoryDataset();
        DefaultCategoryDataset cfr = new DefaultCategoryDataset();
        DefaultCategoryDataset restore = new DefaultCategoryDataset();
        for (DoraChart.Week w : c.weeks()) {
            String week = DAY.format(w.week().start());
            perDay.addValue(w.deploymentsPerDay().doubleValue(), "deployments per day", week);
            lead.addValue(value(w.leadTimeMedian(), 1), "lead time median", week);
            cfr.addValue(value(w.changeFailureRate(), 100), "change failure rate", week);
            restore.addValue(value(w.timeToRestoreMedian(), 1), "time to restore median", week);
        }
        plot.add(sub(perDay, "deploys / day", c, "DEPLOYMENTS_PER_DAY", 1, BLUE));
        plot.add(sub(lead, "lead time (h)", c, "LEAD_TIME_MEDIAN_HOURS", 1, GREEN));
        plot.add(sub(cfr, "CFR (%)", c, "CHANGE_FAILURE_RATE", 100, RED));
        plot.add(sub(restore, "restore (h)", c, "TIME_TO_RESTORE_MEDIAN_HOURS", 1, AMBER));
        String title = "DORA figures per week (bands " + c.bandTable() + ")";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return svg(chart, "dora", title + ": deployments per day, lead time, change failure rate, time to restore");
    }

    private static CategoryPlot sub(DefaultCategoryDataset data, String label, DoraChart c, String measure, double scale,
            Color color) {
        BarRenderer r = paints(new BarRenderer(), color);
        CategoryPlot p = new CategoryPlot(data, null, numberAxis(label), r);
        for (DoraChart.Band b : c.bands()) {
            if (b.measure().name().equals(measure)) {
                ValueMarker m = new ValueMarker(b.threshold().doubleValue() * scale, GREY, new BasicStroke(1f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
                m.setLabel(b.band() + " " + b.comparison().symbol() + " " + HtmlReport.plain(
                        b.threshold().value().multiply(BigDecimal.valueOf(scale))));
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                p.addRangeMarker(m);
            }
        }
        return p;
    }

    static String leadTime(LeadTimeChart c) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (LeadTimeChart.Distribution w : c.weeks()) {
            String week = DAY.format(w.interval().start());
            d.addValue(value(w.median(), 1), "median", week);
            d.addValue(value(w.p90(), 1), "p90", week);
            d.addValue(value(w.p95(), 1), "p95", week);
        }
        BarRenderer r = paints(new BarRenderer(), GREEN, new Color(0x6c, 0xb0, 0x7f), new Color(0xb5, 0xd9, 0xbe));
        CategoryPlot plot = new CategoryPlot(d, new CategoryAxis("week starting (UTC)"), numberAxis("lead time (h)"), r);
        if (c.overall().median() != null) {
            ValueMarker m = new ValueMarker(c.overall().median().doubleValue(), GREY, new BasicStroke(1.5f));
            m.setLabel("window median " + HtmlReport.num(c.overall().median()) + " h");
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
        }
        String title = "Lead-time distribution (" + c.overall().changes() + " changes)";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return svg(chart, "lead-time", title + ": median, p90 and p95 per week, in hours");
    }

    static String leadTimeHistogram(LeadTimeChart c) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (LeadTimeChart.Bucket b : c.histogram()) {
            d.addValue(b.changes(), "changes", HtmlReport.bucket(b));
        }
        BarRenderer r = paints(new BarRenderer(), GREEN);
        NumberAxis changes = numberAxis("changes");
        changes.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        CategoryPlot plot = new CategoryPlot(d, new CategoryAxis("lead time"), changes, r);
        String title = "Lead-time histogram (" + c.overall().changes() + " changes)";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return svg(chart, "lead-time-histogram", title + ": changes per lead-time bucket over the whole window");
    }

    static String canary(CanaryChart c) {
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis("stage evaluation"));
        DefaultCategoryDataset rate = new DefaultCategoryDataset();
        DefaultCategoryDataset latency = new DefaultCategoryDataset();
        DefaultCategoryDataset rateGates = new DefaultCategoryDataset();
        DefaultCategoryDataset latencyGates = new DefaultCategoryDataset();
        Double rateGate = null;
        Double latencyGate = null;
        String latencyUnit = "ms";
        for (CanaryChart.Bar b : c.bars()) {
            String stage = "stage " + b.stage() + " " + HtmlReport.time(b.at()).substring(11);
            if (b.gate().unit().symbol().equals("ratio")) {
                rate.addValue(value(b.baseline(), 100), "baseline", stage);
                rate.addValue(value(b.canary(), 100), "canary", stage);
                rateGate = b.gate().doubleValue() * 100;
                rateGates.addValue(rateGate, "gate", stage);
            } else {
                latency.addValue(value(b.baseline(), 1), "baseline", stage);
                latency.addValue(value(b.canary(), 1), "canary", stage);
                latencyGate = b.gate().doubleValue();
                latencyGates.addValue(latencyGate, "gate", stage);
                latencyUnit = b.gate().unit().symbol();
            }
        }
        plot.add(canaryPlot(rate, rateGates, "error rate (%)", rateGate));
        plot.add(canaryPlot(latency, latencyGates, "p99 latency (" + latencyUnit + ")", latencyGate));
        String title = "Canary against baseline";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("red line: the gate, the canary must stay below it"));
        return svg(chart, "canary", title + ": error rate and latency per stage, with the gate");
    }

    private static CategoryPlot canaryPlot(DefaultCategoryDataset data, DefaultCategoryDataset gates, String label,
            @Nullable Double gate) {
        BarRenderer r = paints(new BarRenderer(), GREY, BLUE);
        CategoryPlot p = new CategoryPlot(data, null, numberAxis(label), r);
        p.setDataset(1, gates);
        p.setRenderer(1, gateRenderer());
        if (gate != null) {
            ValueMarker m = new ValueMarker(gate, RED, new BasicStroke(2f));
            m.setLabel("gate " + HtmlReport.plain(BigDecimal.valueOf(gate)));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            p.addRangeMarker(m);
        }
        return p;
    }

    static String maturity(MaturityChart c) {
        int n = c.levels().size();
        int rows = c.rows().size();
        double[][] xyz = new double[3][n * rows];
        String[] levels = new String[n];
        String[] dims = new String[rows];
        for (int i = 0; i < n; i++) {
            levels[i] = "L" + (i + 1) + " " + c.levels().get(i);
        }
        XYBlockRenderer r = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, 3, GREY);
        scale.add(0, new Color(0xd0, 0xd0, 0xd0));
        scale.add(1, new Color(0xf3, 0xa3, 0x9c));
        scale.add(2, new Color(0x9b, 0xd8, 0xa9));
        r.setPaintScale(scale);
        int k = 0;
        for (int y = 0; y < rows; y++) {
            MaturityChart.Row row = c.rows().get(y);
            dims[y] = row.name();
            for (MaturityChart.Cell cell : row.cells()) {
                xyz[0][k] = cell.level() - 1;
                xyz[1][k] = y;
                xyz[2][k] = cell.status() == CriterionStatus.MET ? 2 : cell.status() == CriterionStatus.NOT_MET ? 1 : 0;
                k++;
            }
        }
        DefaultXYZDataset d = new DefaultXYZDataset();
        d.addSeries("status", xyz);
        SymbolAxis x = new SymbolAxis("level", levels);
        SymbolAxis yAxis = new SymbolAxis("dimension", dims);
        x.setGridBandsVisible(false);
        yAxis.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(d, x, yAxis, r);
        for (int y = 0; y < rows; y++) {
            MaturityChart.Row row = c.rows().get(y);
            for (MaturityChart.Cell cell : row.cells()) {
                String text = cell.status() == CriterionStatus.MET ? "met" : cell.status() == CriterionStatus.NOT_MET
                        ? "not met" : "unknown";
                if (cell.level() == row.currentLevel()) {
                    text += " (current)";
                }
                XYTextAnnotation a = new XYTextAnnotation(text, cell.level() - 1, y);
                a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                plot.addAnnotation(a);
            }
            if (row.targetLevel() > row.currentLevel()) {
                int t = row.targetLevel() - 1;
                plot.addAnnotation(new XYBoxAnnotation(t - 0.48, y - 0.46, t + 0.48, y + 0.46, new BasicStroke(2.5f),
                        Color.BLACK, null));
            }
        }
        String title = "Maturity matrix: " + c.title() + " (L" + c.currentLevel() + ", target L" + c.targetLevel() + ")";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle("green met, red not met, grey unknown; outlined: the target level"));
        return svg(chart, "maturity", title + ": dimension by level, met, not met or unknown");
    }

    static String incidents(List<IncidentChart> charts) {
        TaskSeries impact = new TaskSeries("impact");
        TaskSeries response = new TaskSeries("response SLA");
        TaskSeries resolution = new TaskSeries("resolution SLA");
        TaskSeries postMortem = new TaskSeries("post-mortem due");
        TaskSeries pauses = new TaskSeries("clock pause");
        for (IncidentChart c : charts) {
            Instant start = c.milestones().isEmpty() ? c.at() : c.milestones().get(0).at();
            Instant end = c.milestones().stream().filter(m -> m.name().equals("resolved")).map(IncidentChart.Milestone::at)
                    .findFirst().orElse(c.at());
            impact.add(task(c.id(), start, end.isBefore(start) ? start : end));
            for (IncidentChart.Deadline dl : c.deadlines()) {
                TaskSeries target = dl.name().equals("response") ? response : dl.name().equals("resolution") ? resolution
                        : postMortem;
                target.add(task(c.id(), dl.start(), dl.deadline()));
            }
            if (!c.pauses().isEmpty()) {
                Span first = c.pauses().get(0);
                Span last = c.pauses().get(c.pauses().size() - 1);
                Task whole = task(c.id(), first.interval().start(), last.interval().end());
                for (Span p : c.pauses()) {
                    whole.addSubtask(task(p.label(), p.interval().start(), p.interval().end()));
                }
                pauses.add(whole);
            }
        }
        TaskSeriesCollection d = new TaskSeriesCollection();
        d.add(impact);
        d.add(response);
        d.add(resolution);
        d.add(postMortem);
        d.add(pauses);
        GanttRenderer r = paints(new GanttRenderer(), RED, BLUE, GREEN, AMBER, GREY);
        CategoryAxis x = new CategoryAxis("incident");
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        CategoryPlot plot = new CategoryPlot(d, x, dateAxis("time (UTC)"), r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        String title = "Incident timeline with SLA deadlines";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("each SLA bar ends at its deadline"));
        return svg(chart, "incidents", title + " and clock pauses");
    }

    private static Task task(String name, Instant start, Instant end) {
        return new Task(name, new Date(start.toEpochMilli()), new Date(end.toEpochMilli()));
    }
}
