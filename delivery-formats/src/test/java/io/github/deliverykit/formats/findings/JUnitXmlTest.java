package io.github.deliverykit.formats.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

final class JUnitXmlTest {

    /** A test case read back with the JDK's DOM parser. */
    record Case(String name, String classname, Map<String, String> properties, String failureMessage, String failureBody,
            String systemOut) {}

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Case> cases(Document doc) {
        List<Case> out = new ArrayList<>();
        NodeList tcs = doc.getElementsByTagName("testcase");
        for (int i = 0; i < tcs.getLength(); i++) {
            Element tc = (Element) tcs.item(i);
            Map<String, String> props = new LinkedHashMap<>();
            NodeList ps = tc.getElementsByTagName("property");
            for (int j = 0; j < ps.getLength(); j++) {
                Element p = (Element) ps.item(j);
                props.put(p.getAttribute("name"), p.getAttribute("value"));
            }
            NodeList fails = tc.getElementsByTagName("failure");
            NodeList outs = tc.getElementsByTagName("system-out");
            Element fail = fails.getLength() == 0 ? null : (Element) fails.item(0);
            out.add(new Case(tc.getAttribute("name"), tc.getAttribute("classname"), props,
                    fail == null ? null : fail.getAttribute("message"), fail == null ? null : fail.getTextContent(),
                    outs.getLength() == 0 ? null : outs.item(0).getTextContent()));
        }
        return out;
    }

    static Stream<Decided<?>> decisions() {
        return Stream.of(Decisions.change(), Decisions.release(), Decisions.merge());
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void roundTrip_reproducesEveryFinding(Decided<?> d) throws Exception {
        String xml = JUnitXml.toXml("delivery decision", d);
        Document doc = parse(xml);
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals(Integer.toString(d.findings().size()), suite.getAttribute("tests"));
        assertEquals(Integer.toString(d.findings().withLevel(Level.FAIL).size()), suite.getAttribute("failures"));
        Element verdict = (Element) suite.getElementsByTagName("properties").item(0).getFirstChild().getNextSibling();
        assertEquals("verdict", verdict.getAttribute("name"));
        assertEquals(d.verdict().name(), verdict.getAttribute("value"));
        List<Case> cases = cases(doc);
        assertEquals(d.findings().size(), cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Finding f = d.findings().list().get(i);
            Case c = cases.get(i);
            assertEquals(f.code(), c.name());
            assertEquals("delivery decision", c.classname());
            assertEquals(f.level().name(), c.properties().get("level"));
            assertEquals(f.message(), c.properties().get("message"));
            Map<String, String> facts = new LinkedHashMap<>();
            c.properties().forEach((k, v) -> {
                if (k.startsWith("fact.")) {
                    facts.put(k.substring(5), v);
                }
            });
            List<String> rendered = new ArrayList<>();
            facts.forEach((k, v) -> rendered.add(k + "=" + v));
            assertEquals(f.facts().rendered(), rendered);
            String body = String.join("\n", Stream.concat(Stream.of(f.message()), f.facts().rendered().stream()).toList());
            if (f.level() == Level.FAIL) {
                assertEquals(f.message(), c.failureMessage());
                assertEquals(body, c.failureBody());
                assertEquals(null, c.systemOut());
            } else if (f.level() == Level.WARN) {
                assertEquals(null, c.failureMessage());
                assertEquals("[WARN] " + body, c.systemOut());
            } else {
                assertEquals(null, c.failureMessage());
                assertEquals(null, c.systemOut());
            }
        }
    }

    @Test
    void change_rejected_isAFailure() throws Exception {
        List<Case> cases = cases(parse(JUnitXml.toXml("change CHG-1", Decisions.change())));
        assertTrue(cases.stream().anyMatch(c -> c.name().equals("change.rule.required_missing") && c.failureMessage() != null),
                cases.toString());
    }

    @Test
    void release_warning_passesWithSystemOut() throws Exception {
        List<Case> cases = cases(parse(JUnitXml.toXml("release v2.5.0", Decisions.release())));
        List<Case> warns = cases.stream().filter(c -> "WARN".equals(c.properties().get("level"))).toList();
        assertFalse(warns.isEmpty(), cases.toString());
        for (Case w : warns) {
            assertEquals(null, w.failureMessage());
            assertTrue(w.systemOut().startsWith("[WARN] "), w.systemOut());
        }
    }

    @Test
    void hostileText_staysWellFormed() throws Exception {
        String nasty = "a <b> & \"c\" 'd' ]]> \u0000\u0001\u001f \uD800 tab\there\r\nline\rend \uD83D\uDE80";
        Findings findings = Findings.of(Finding.fail("x.y", nasty, Facts.of("k<>", nasty, "n", 3)));
        StringWriter w = new StringWriter();
        JUnitXml.write("suite " + nasty, "NO_GO", findings, w);
        List<Case> cases = cases(parse(w.toString()));
        assertEquals(1, cases.size());
        String text = "a <b> & \"c\" 'd' ]]> \uFFFD\uFFFD\uFFFD \uFFFD tab\there\nline\nend \uD83D\uDE80";
        assertEquals(text + "\nk<>=" + text + "\nn=3", cases.get(0).failureBody());
        assertEquals(text.replace('\n', ' ').replace('\t', ' '), cases.get(0).failureMessage());
        assertEquals(text.replace('\n', ' ').replace('\t', ' '), cases.get(0).properties().get("fact.k<>"));
    }

    @Test
    void noFindings_isAnEmptySuite() throws Exception {
        StringWriter w = new StringWriter();
        JUnitXml.write("empty", "GO", Findings.none(), w);
        Document doc = parse(w.toString());
        assertEquals("0", doc.getDocumentElement().getAttribute("tests"));
        assertEquals(0, cases(doc).size());
    }

    @Test
    void badArguments_areNamed() {
        StringWriter w = new StringWriter();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JUnitXml.write(" ", "GO", Findings.none(), w))
                .getMessage().contains("name"));
        assertThrows(IllegalArgumentException.class, () -> JUnitXml.write("n", (Decided<?>) null, w));
        assertThrows(IllegalArgumentException.class, () -> JUnitXml.write("n", "GO", Findings.none(), null));
    }

    @Test
    void sameInput_sameBytes() {
        assertEquals(JUnitXml.toXml("r", Decisions.release()), JUnitXml.toXml("r", Decisions.release()));
    }
}
