package io.github.deliverykit.formats.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class FindingWritersPropertyTest {

    /** Any findings (XML's special characters and non-ASCII included) come back from both writers as written. */
    @Property(tries = 200)
    void anyFindings_roundTripThroughJUnitXmlAndSarif(@ForAll("findings") List<Finding> list) throws Exception {
        Findings findings = Findings.of(list);
        StringWriter xml = new StringWriter();
        JUnitXml.write("suite <&>", "VERDICT", findings, xml);
        List<JUnitXmlTest.Case> cases = JUnitXmlTest.cases(JUnitXmlTest.parse(xml.toString()));
        StringWriter sarif = new StringWriter();
        Sarif.write("suite <&>", "VERDICT", findings, sarif);
        JsonNode log = SarifTest.JSON.readTree(sarif.toString());
        SarifTest.validate(log);
        StringWriter located = new StringWriter();
        Sarif.write("suite <&>", "VERDICT", findings, "decision.json", located);
        SarifTest.validateForGitHub(SarifTest.JSON.readTree(located.toString()));
        JsonNode results = log.path("runs").get(0).path("results");
        assertEquals(list.size(), cases.size());
        assertEquals(list.size(), results.size());
        for (int i = 0; i < list.size(); i++) {
            Finding f = list.get(i);
            assertEquals(f.code(), cases.get(i).name());
            assertEquals(f.level().name(), cases.get(i).properties().get("level"));
            assertEquals(f.message(), cases.get(i).properties().get("message"));
            assertEquals(f.level() == Level.FAIL, cases.get(i).failureMessage() != null);
            assertEquals(f.code(), results.get(i).path("ruleId").asText());
            assertEquals(f.message(), results.get(i).path("message").path("text").asText());
            assertEquals(Sarif.level(f.level()), results.get(i).path("level").asText());
            for (var e : f.facts().values().entrySet()) {
                assertEquals(Facts.format(e.getValue()), cases.get(i).properties().get("fact." + e.getKey()));
                assertEquals(Facts.format(e.getValue()),
                        results.get(i).path("properties").path("facts").path(e.getKey()).asText());
            }
        }
    }

    @Provide
    Arbitrary<List<Finding>> findings() {
        // single-line text: attribute values are single-line by design (see JUnitXml)
        Arbitrary<String> text = Arbitraries.strings().withChars("ab <>&\"']]=é€\uD83D").withCharRange('a', 'z')
                .ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank() && !s.contains("\uD83D"));
        Arbitrary<String> code = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6).list()
                .ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<Facts> facts = Combinators.combine(text, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
                .ofMaxLength(5), text).as((v, k, v2) -> Facts.of(k, v, k + "_n", v2));
        return Combinators.combine(code, Arbitraries.of(Level.class), text, facts)
                .as(Finding::new).list().ofMaxSize(6);
    }
}
