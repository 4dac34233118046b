package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.AS_OF;
import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.json;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code --format junit|sarif} on the decision commands: the same findings and exit code as the JSON report. */
final class FindingFormatsCommandTest {

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void sameFindingsAsJson(String... args) throws Exception {
        String[] withJson = append(args, "json");
        CliTestSupport.Result j = run(withJson);
        JsonNode findings = json(j.out()).path("findings");
        CliTestSupport.Result junit = run(append(args, "junit"));
        assertEquals(j.code(), junit.code(), junit.err());
        NodeList cases = xml(junit.out()).getElementsByTagName("testcase");
        assertEquals(findings.size(), cases.getLength(), junit.out());
        int failures = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertEquals(findings.get(i).path("code").asText(), c.getAttribute("name"));
            boolean fail = findings.get(i).path("level").asText().equals("FAIL");
            assertEquals(fail, c.getElementsByTagName("failure").getLength() == 1, c.getAttribute("name"));
            failures += fail ? 1 : 0;
        }
        assertEquals(Integer.toString(failures), xml(junit.out()).getDocumentElement().getAttribute("failures"));
        CliTestSupport.Result sarif = run(append(args, "sarif"));
        assertEquals(j.code(), sarif.code(), sarif.err());
        JsonNode log = json(sarif.out());
        assertEquals("2.1.0", log.path("version").asText());
        assertEquals(json(j.out()).path("verdict").asText(), log.path("runs").get(0).path("properties").path("verdict").asText());
        JsonNode results = log.path("runs").get(0).path("results");
        assertEquals(findings.size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(findings.get(i).path("code").asText(), results.get(i).path("ruleId").asText());
            assertEquals(findings.get(i).path("message").asText(), results.get(i).path("message").path("text").asText());
            // GitHub code scanning: a physical location on every result, here the decision's input file
            JsonNode physical = results.get(i).path("locations").get(0).path("physicalLocation");
            assertTrue(physical.path("artifactLocation").path("uri").asText().startsWith("file:"), results.get(i).toString());
            assertTrue(physical.path("region").path("startLine").asInt() >= 1, results.get(i).toString());
        }
    }

    private static String[] append(String[] args, String format) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 2);
        out[args.length] = "--format";
        out[args.length + 1] = format;
        return out;
    }

    @Test
    void releaseCheck_junitAndSarif() throws Exception {
        sameFindingsAsJson("release-check", "--version", "v2.5.0", "--release", example("release.json"), "--as-of", AS_OF);
    }

    @Test
    void change_junitAndSarif() throws Exception {
        sameFindingsAsJson("change", "--request", example("change.json"), "--as-of", AS_OF);
    }

    @Test
    void otherCommands_refuseTheFindingFormats() {
        CliTestSupport.Result r = run("sla", "--slo", example("slo.json"), "--incidents", example("incidents.json"),
                "--as-of", AS_OF, "--format", "sarif");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--format sarif is available on change and release-check, not on sla"), r.err());
        CliTestSupport.Result d = run("demo", "--format", "junit");
        assertTrue(d.code() != 0 && d.err().contains("not on demo"), d.err());
    }
}
