package io.github.deliverykit.formats.findings;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a decision as a JUnit XML report (the {@code testsuites} / {@code testsuite} /
 * {@code testcase} dialect CI servers read), with the JDK's {@link XMLStreamWriter}.
 *
 * <p>One {@code testsuite} named after the decision holds one {@code testcase} per finding, in the
 * decision's order: {@code name} = the finding code, {@code classname} = the suite name. A FAIL
 * finding is a {@code failure} ({@code type="FAIL"}, {@code message} = the finding message, body =
 * the message and the facts as {@code name=value} lines). A WARN finding is a <em>passing</em> test
 * case, because a warning does not stop the delivery (it makes a release CONDITIONAL GO, a change
 * NEEDS_APPROVAL): its message and facts go to the test case's {@code system-out} prefixed with
 * {@code [WARN]}, where CI servers show them. PASS and INFO findings are passing test cases as well.
 * Every test case carries {@code properties}: {@code level}, {@code message} and one
 * {@code fact.<name>} per fact (rendered by {@link Facts#format}); the suite's properties carry the
 * verdict. Output is deterministic (no timestamps, no host names).
 *
 * <p>XML 1.0 cannot carry every character: control characters other than tab, line feed and
 * carriage return, and unpaired surrogates, are written as U+FFFD. Attribute values are single-line
 * (an XML parser turns line ends in attributes into spaces), so the {@code message} attribute and
 * property keep line ends only where the text bodies do. Stateless and thread safe.
 */
public final class JUnitXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private JUnitXml() {}

    /**
     * Writes a decision.
     *
     * @param name the suite name, e.g. {@code delivery change CHG-42}
     * @param decision the decision
     * @param out where to write (not closed)
     * @throws IllegalArgumentException if an argument is null or the name blank
     * @throws UncheckedIOException if writing fails
     */
    public static void write(String name, Decided<?> decision, Writer out) {
        Checks.notNull(decision, "decision");
        write(name, decision.verdict().name(), decision.findings(), out);
    }

    /**
     * Writes a verdict and its findings.
     *
     * @param name the suite name
     * @param verdict the verdict, e.g. {@code NO_GO}
     * @param findings the findings
     * @param out where to write (not closed)
     * @throws IllegalArgumentException if an argument is null or the name or verdict blank
     * @throws UncheckedIOException if writing fails
     */
    public static void write(String name, String verdict, Findings findings, Writer out) {
        Checks.notBlank(name, "name");
        Checks.notBlank(verdict, "verdict");
        Checks.notNull(findings, "findings");
        Checks.notNull(out, "out");
        int failures = findings.withLevel(Level.FAIL).size();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            counts(x, name, findings.size(), failures);
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            counts(x, name, findings.size(), failures);
            x.writeCharacters("\n    ");
            x.writeStartElement("properties");
            property(x, "verdict", verdict, "\n      ");
            x.writeCharacters("\n    ");
            x.writeEndElement();
            for (Finding f : findings) {
                testcase(x, name, f);
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw new UncheckedIOException("cannot write JUnit XML", io);
            }
            throw new UncheckedIOException("cannot write JUnit XML", new java.io.IOException(e));
        }
    }

    /**
     * Writes a decision to a string.
     *
     * @param name the suite name
     * @param decision the decision
     * @return the XML document
     * @throws IllegalArgumentException if an argument is null or the name blank
     */
    public static String toXml(String name, Decided<?> decision) {
        StringWriter w = new StringWriter();
        write(name, decision, w);
        return w.toString();
    }

    private static void counts(XMLStreamWriter x, String name, int tests, int failures) throws XMLStreamException {
        x.writeAttribute("name", attr(name));
        x.writeAttribute("tests", Integer.toString(tests));
        x.writeAttribute("failures", Integer.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", "0");
    }

    private static void testcase(XMLStreamWriter x, String suite, Finding f) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("name", f.code());
        x.writeAttribute("classname", attr(suite));
        x.writeCharacters("\n      ");
        x.writeStartElement("properties");
        String indent = "\n        ";
        property(x, "level", f.level().name(), indent);
        property(x, "message", f.message(), indent);
        for (Map.Entry<String, Object> e : f.facts().values().entrySet()) {
            property(x, "fact." + e.getKey(), Facts.format(e.getValue()), indent);
        }
        x.writeCharacters("\n      ");
        x.writeEndElement();
        String body = body(f);
        if (f.level() == Level.FAIL) {
            x.writeCharacters("\n      ");
            x.writeStartElement("failure");
            x.writeAttribute("type", "FAIL");
            x.writeAttribute("message", attr(f.message()));
            x.writeCharacters(text(body));
            x.writeEndElement();
        } else if (f.level() == Level.WARN) {
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(text("[WARN] " + body));
            x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    private static void property(XMLStreamWriter x, String name, String value, String indent) throws XMLStreamException {
        x.writeCharacters(indent);
        x.writeEmptyElement("property");
        x.writeAttribute("name", attr(name));
        x.writeAttribute("value", attr(value));
    }

    private static String body(Finding f) {
        StringBuilder b = new StringBuilder(f.message());
        for (String fact : f.facts().rendered()) {
            b.append('\n').append(fact);
        }
        return b.toString();
    }

    /** Text content: characters XML 1.0 cannot carry become U+FFFD; CR LF and CR become LF (as a parser reads them). */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                b.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                b.append(c);
            } else {
                b.append('\uFFFD');
            }
        }
        return b.toString();
    }

    /** An attribute value: as {@link #text}, with tabs and line ends as spaces (as a parser reads them). */
    static String attr(String s) {
        return text(s).replace('\n', ' ').replace('\t', ' ');
    }
}
