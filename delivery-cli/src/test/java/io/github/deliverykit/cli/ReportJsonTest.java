package io.github.deliverykit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON output, written by the streaming generator, is what the ObjectMapper it replaced wrote. */
final class ReportJsonTest {

    /** The mapper Report used to write with: indented, decimals plain and exact. */
    private static final ObjectMapper BEFORE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void everyKindOfValue_isWrittenAsTheObjectMapperWroteIt() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", List.of());
        nested.put("m", Map.of());
        nested.put("null", null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", "quote \" backslash \\ tab \t newline \n control \u0001 non-ASCII é 😀 </script>");
        data.put("int", 7);
        data.put("long", Long.MIN_VALUE);
        data.put("big", new BigInteger("123456789012345678901234567890"));
        data.put("decimal", new BigDecimal("1.50"));
        data.put("tiny", new BigDecimal("1E-12"));
        data.put("huge", new BigDecimal("1E+30"));
        data.put("double", 0.1 + 0.2);
        data.put("nan", Double.NaN);
        data.put("infinity", Double.NEGATIVE_INFINITY);
        data.put("yes", true);
        data.put("none", null);
        data.put("instant", Instant.parse("2026-12-04T10:15:30Z"));
        data.put("duration", Duration.ofMinutes(43).plusSeconds(48));
        data.put("list", List.of(1, "two", List.of(3.5), new ArrayList<>()));
        data.put("nested", nested);
        data.put("empty", "");
        Findings findings = Findings.of(
                Finding.pass("a.pass", "passed", Facts.of("ratio", 0.54, "count", 3)),
                Finding.warn("a.warn", "warned", Facts.of("at", Instant.EPOCH)),
                Finding.fail("a.fail", "failed", Facts.of()));
        Report report = new Report("title", "CONDITIONAL_GO", findings, "text", "markdown", data, 1);
        String written = report.render(Format.JSON);
        assertEquals(BEFORE.writeValueAsString(report.toJson()) + "\n", written);
        assertTrue(written.contains("\n  \"data\" : {\n    \"text\""), written); // indented, as before
        assertTrue(written.contains("\"tiny\" : 0.000000000001,"), written); // decimals plain
    }

    @Test
    void noFindingsAndNoData_isWrittenAsTheObjectMapperWroteIt() throws Exception {
        Report report = new Report("", "GO", Findings.none(), "", "", Map.of(), 0);
        assertEquals(BEFORE.writeValueAsString(report.toJson()) + "\n", report.render(Format.JSON));
    }
}
