package io.github.deliverykit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report's structure: every chart present with its title, axis labels and data table. */
final class HtmlReportTest {

    static final List<String> SECTIONS = List.of("budget", "burn-rate", "dora", "lead-time", "lead-time-histogram", "canary", "maturity",
            "incidents");

    @TempDir
    Path tmp;

    static Path demoHtml(Path dir) throws IOException {
        Path file = dir.resolve("demo.html");
        CliTestSupport.Result r = CliTestSupport.run("demo", "--html", file.toString());
        assertEquals(0, r.code(), r.err());
        return file;
    }

    private static Element section(Document doc, String id) {
        Element s = doc.getElementById(id);
        assertNotNull(s, "section " + id);
        assertEquals("section", s.tagName());
        return s;
    }

    private static List<String> column(Element section, int index) {
        return section.select("tbody tr").stream().map(tr -> tr.select("td").get(index).text())
                .collect(Collectors.toList());
    }

    @Test
    void demoHtml_hasEveryChartWithTitleAxesAndDataTable() throws IOException {
        String html = Files.readString(demoHtml(tmp), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertEquals(SECTIONS, doc.select("body > section").stream().map(Element::id).collect(Collectors.toList()));
        for (String id : SECTIONS) {
            Element s = section(doc, id);
            assertEquals(1, s.select("svg").size(), id);
            Element svg = s.selectFirst("svg");
            assertEquals("img", svg.attr("role"), id);
            Element title = svg.selectFirst("title");
            assertNotNull(title, id + " has an SVG title");
            assertFalse(title.text().isBlank(), id);
            assertEquals(1, s.select("table").size(), id + " has its data table");
            assertFalse(s.select("table caption").text().isBlank(), id);
            assertFalse(s.select("tbody tr").isEmpty(), id + " table has rows");
            assertTrue(svg.select("path, rect, line, polyline").size() > 5, id + " draws something");
        }
        // titles and axis labels with units are drawn text in the SVG
        assertSvgText(doc, "budget", "Error budget remaining: portal", "remaining budget (min)", "time (UTC)");
        assertSvgText(doc, "burn-rate", "Burn rate per alert window: portal", "burn rate (x)", "alert rule",
                "freeze 1.5x");
        assertSvgText(doc, "dora", "DORA figures per week (bands dora-2023)", "lead time (h)", "CFR (%)",
                "week starting (UTC)");
        assertSvgText(doc, "lead-time", "lead time (h)", "median", "p95");
        assertSvgText(doc, "lead-time-histogram", "Lead-time histogram", "changes", "lead time", "< 1h", "1h-4h",
                "4h-1d", "1d-7d", "7d-30d", ">= 30d");
        assertSvgText(doc, "canary", "Canary against baseline", "error rate (%)", "p99 latency (ms)", "baseline");
        assertSvgText(doc, "maturity", "Maturity matrix: AI Delivery Maturity", "level", "dimension");
        assertSvgText(doc, "incidents", "Incident timeline with SLA deadlines", "INC-2024-0125", "response SLA");

        // values in the tables: the seed's budget is 43.8 min a month, the freeze line 1.5x
        Element budget = section(doc, "budget");
        assertEquals("43.8", column(budget, 1).get(0));
        assertEquals("100", column(budget, 2).get(0));
        assertTrue(column(budget, 0).contains("incident INC-2024-0125"), column(budget, 0).toString());
        assertTrue(column(budget, 0).contains("maintenance"));
        Element burn = section(doc, "burn-rate");
        assertEquals(List.of("page-1h", "page-6h", "ticket-3d", "period"), column(burn, 0));
        assertEquals("1.5", column(burn, 5).get(3));
        assertEquals("0.8", column(burn, 3).get(3), "the demo's period burn rate is 0.8x");
        Element hist = section(doc, "lead-time-histogram");
        assertEquals(List.of("< 1h", "1h-4h", "4h-1d", "1d-7d", "7d-30d", ">= 30d"), column(hist, 0));
        assertEquals(List.of("0", "3600", "14400", "86400", "604800", "2592000"), column(hist, 1));
        assertEquals("", column(hist, 2).get(5), "the last bucket is open-ended");
        Element lead = section(doc, "lead-time");
        List<String> changes = column(lead, 1);
        assertEquals(Long.parseLong(changes.get(changes.size() - 1)),
                column(hist, 3).stream().mapToLong(Long::parseLong).sum(), "the buckets hold every change of the window");
        assertTrue(Long.parseLong(changes.get(changes.size() - 1)) > 0, "the demo measures lead times");
        Element canary = section(doc, "canary");
        assertEquals(List.of("error-rate (%)", "latency (ms)"), column(canary, 1));
        assertEquals(List.of("1", "500"), column(canary, 4), "the gates: 1 % errors, 500 ms");
        assertEquals(List.of("PASS", "PASS"), column(canary, 5));
        Element maturity = section(doc, "maturity");
        assertEquals(List.of("CI/CD Pipeline", "Merge & Deploy", "Metrics", "Governance & Compliance"),
                column(maturity, 0));
        assertTrue(column(maturity, 3).get(0).startsWith("MET"), column(maturity, 3).toString());
        Element incidents = section(doc, "incidents");
        assertTrue(incidents.select("tbody tr").stream().anyMatch(tr -> tr.text().contains("INC-2024-0125")
                && tr.text().contains("response deadline") && tr.text().contains("BREACHED")), incidents.text());
        assertEquals(10, doc.select("body > table tbody tr").size(), "the ten workflow steps");
    }

    private static void assertSvgText(Document doc, String id, String... texts) {
        String svg = section(doc, id).selectFirst("svg").outerHtml();
        Document xml = Jsoup.parse(svg, "", Parser.xmlParser());
        String drawn = xml.select("text").stream().map(Element::text).collect(Collectors.joining("\n"));
        for (String t : texts) {
            assertTrue(drawn.contains(t), id + " draws '" + t + "' in:\n" + drawn);
        }
    }

    @Test
    void demoHtml_isSelfContained() throws IOException {
        Document doc = Jsoup.parse(demoHtml(tmp).toFile(), "UTF-8");
        assertTrue(doc.select("script").isEmpty(), "no scripts");
        assertTrue(doc.select("link[rel=stylesheet], img, iframe, object, embed").isEmpty());
        for (Element e : doc.select("[src], [href]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertTrue(url.startsWith("data:"), "only data: URLs, found " + e);
        }
        String csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.startsWith("default-src 'none'"), csp);
        assertFalse(doc.html().contains("@import") || doc.html().contains("@font-face"), "no fonts or style imports");
        assertFalse(Pattern.compile("url\\((?!#)").matcher(doc.html()).find(), "url() only refers to the page's own ids");
    }

    @Test
    void demoHtml_isDeterministic() throws IOException {
        byte[] a = Files.readAllBytes(demoHtml(tmp.resolve("a")));
        byte[] b = Files.readAllBytes(demoHtml(tmp.resolve("b")));
        assertEquals(new String(a, StandardCharsets.UTF_8), new String(b, StandardCharsets.UTF_8));
        CliTestSupport.Result stdout = CliTestSupport.run("demo", "--format", "html");
        assertEquals(0, stdout.code(), stdout.err());
        assertEquals(new String(a, StandardCharsets.UTF_8), stdout.out(), "--format html prints the same page");
    }

    @Test
    void report_drawsADirectoryOfInputs() throws IOException {
        Path dir = Path.of(CliTestSupport.example("release.json")).getParent();
        Path file = tmp.resolve("out/report.html");
        CliTestSupport.Result r = CliTestSupport.run("report", "--dir", dir.toString(), "--html", file.toString(),
                "--as-of", CliTestSupport.AS_OF);
        assertEquals(0, r.code(), r.err());
        assertEquals("delivery report: wrote " + file + "\n", r.out());
        Document doc = Jsoup.parse(file.toFile(), "UTF-8");
        assertEquals("delivery report: examples", doc.title());
        assertEquals(SECTIONS, doc.select("body > section").stream().map(Element::id).collect(Collectors.toList()));
        // the same inputs as the demo draw the same charts
        Document demo = Jsoup.parse(demoHtml(tmp).toFile(), "UTF-8");
        for (String id : SECTIONS) {
            assertEquals(demo.getElementById(id).outerHtml(), doc.getElementById(id).outerHtml(), id);
        }
    }

    @Test
    void report_rejectsMissingInputsAndMissingOutput() {
        CliTestSupport.Result none = CliTestSupport.run("report", "--dir", tmp.toString());
        assertEquals(ExitCode.INVALID_INPUT, none.code());
        assertEquals("delivery: invalid input: report: give --html FILE or --format html\n", none.err());
        CliTestSupport.Result empty = CliTestSupport.run("report", "--dir", tmp.toString(), "--html",
                tmp.resolve("x.html").toString());
        assertEquals(ExitCode.INVALID_INPUT, empty.code());
        assertTrue(empty.err().startsWith("delivery: invalid input: --dir: " + tmp + " lacks release.json, plan.json"),
                empty.err());
        assertFalse(Files.exists(tmp.resolve("x.html")));
    }

    private static List<String> sections(String html) {
        return Jsoup.parse(html).select("body > section").stream().map(Element::id).collect(Collectors.toList());
    }

    @Test
    void formatHtml_onTheCommandsThatDrawAPicture() {
        CliTestSupport.Result sla = CliTestSupport.run("sla", "--service", "portal", "--slo",
                CliTestSupport.example("slo.json"), "--incidents", CliTestSupport.example("incidents.json"), "--as-of",
                CliTestSupport.AS_OF, "--format", "html");
        assertEquals(0, sla.code(), sla.err());
        assertEquals(List.of("budget", "burn-rate"), sections(sla.out()));
        assertEquals("delivery sla: portal", Jsoup.parse(sla.out()).title());
        CliTestSupport.Result assess = CliTestSupport.run("assess", "--answers", CliTestSupport.example("answers.json"),
                "--as-of", CliTestSupport.AS_OF, "--format", "html");
        assertEquals(0, assess.code(), assess.err());
        assertEquals(List.of("maturity"), sections(assess.out()));
        CliTestSupport.Result incident = CliTestSupport.run("incident-report", "--id", "INC-2024-0125", "--incidents",
                CliTestSupport.example("incidents.json"), "--as-of", CliTestSupport.AS_OF, "--format", "html");
        assertEquals(1, incident.code(), "the SEV-2's response was late: " + incident.err());
        assertEquals(List.of("incidents"), sections(incident.out()));
        assertTrue(Jsoup.parse(incident.out()).select("#incidents tbody tr").text().contains("BREACHED"));
        CliTestSupport.Result deploy = CliTestSupport.run("deploy", "--env", "production", "--strategy", "canary",
                "--plan", CliTestSupport.example("plan.json"), "--observations", CliTestSupport.example("observations.json"),
                "--as-of", CliTestSupport.AS_OF, "--format", "html");
        assertEquals(0, deploy.code(), deploy.err());
        assertEquals(List.of("canary"), sections(deploy.out()));
        assertEquals(List.of("error-rate (%)", "latency (ms)"), column(Jsoup.parse(deploy.out()).getElementById("canary"), 1));
        // the same budget in the demo and in sla draws the same chart
        Document demo = Jsoup.parse(CliTestSupport.run("demo", "--format", "html").out());
        assertEquals(demo.getElementById("budget").outerHtml(), Jsoup.parse(sla.out()).getElementById("budget").outerHtml());
    }

    @Test
    void formatHtml_isRejectedWhereThereIsNoPicture() {
        CliTestSupport.Result r = CliTestSupport.run("strategy", "--format", "html");
        assertEquals(ExitCode.INVALID_INPUT, r.code());
        assertEquals("delivery: invalid input: --format html is available on demo, report, sla, assess, "
                + "incident-report and deploy, not on strategy\n", r.err());
        CliTestSupport.Result bad = CliTestSupport.run("demo", "--format", "svg");
        assertEquals(ExitCode.INVALID_INPUT, bad.code());
        assertTrue(bad.err().contains("--format must be text, markdown or json (or html on demo, report, sla, assess, incident-report, deploy), but was 'svg'"), bad.err());
    }
}
