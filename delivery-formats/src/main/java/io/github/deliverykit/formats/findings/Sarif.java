package io.github.deliverykit.formats.findings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a decision as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), with
 * Jackson: one run whose tool driver is {@value #TOOL_NAME}, one rule per distinct finding code (in
 * first-seen order) and one result per finding, in the decision's order.
 *
 * <p>A result's {@code ruleId} is the finding code, {@code message.text} the finding message and
 * {@code properties} the finding level ({@code findingLevel}) and its {@code facts} (numbers as JSON numbers, booleans as booleans, everything else as
 * rendered by {@link Facts#format}). Levels: FAIL is {@code error}, WARN {@code warning}, INFO
 * {@code note} (all {@code kind: fail}, the SARIF default), and PASS is {@code kind: pass} with
 * {@code level: none} as SARIF requires for a result that is not a problem (kept so that the log
 * lists every finding). The run's {@code properties} carry the decision name and verdict. Output is
 * deterministic. Stateless and thread safe.
 */
public final class Sarif {

    /** The SARIF version written. */
    public static final String VERSION = "2.1.0";
    /** The schema URI written as {@code $schema}. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The tool driver name. */
    public static final String TOOL_NAME = "deliverykit";
    /** The tool's information URI. */
    public static final String TOOL_URI = "https://github.com/deliverykit/deliverykit";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private Sarif() {}

    /**
     * Writes a decision.
     *
     * @param name the decision's name, e.g. {@code delivery release-check 2.4.0}
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
     * @param name the decision's name
     * @param verdict the verdict
     * @param findings the findings
     * @param out where to write (not closed)
     * @throws IllegalArgumentException if an argument is null or the name or verdict blank
     * @throws UncheckedIOException if writing fails
     */
    public static void write(String name, String verdict, Findings findings, Writer out) {
        Checks.notNull(out, "out");
        ObjectNode log = log(name, verdict, findings);
        try {
            JSON.writeValue(out, log);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SARIF", e);
        }
    }

    /**
     * Writes a decision to a string.
     *
     * @param name the decision's name
     * @param decision the decision
     * @return the SARIF log
     * @throws IllegalArgumentException if an argument is null or the name blank
     */
    public static String toJson(String name, Decided<?> decision) {
        StringWriter w = new StringWriter();
        write(name, decision, w);
        return w.toString();
    }

    /**
     * The SARIF level of a finding level.
     *
     * @param level the finding level
     * @return {@code error}, {@code warning}, {@code note} or {@code none}
     */
    public static String level(Level level) {
        return switch (Checks.notNull(level, "level")) {
            case FAIL -> "error";
            case WARN -> "warning";
            case INFO -> "note";
            case PASS -> "none";
        };
    }

    private static ObjectNode log(String name, String verdict, Findings findings) {
        Checks.notBlank(name, "name");
        Checks.notBlank(verdict, "verdict");
        Checks.notNull(findings, "findings");
        JsonNodeFactory n = JSON.getNodeFactory();
        ObjectNode log = n.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL_NAME);
        driver.put("informationUri", TOOL_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (Finding f : findings) {
            ruleIndex.computeIfAbsent(f.code(), code -> {
                ObjectNode rule = rules.addObject();
                rule.put("id", code);
                rule.putObject("shortDescription").put("text", code);
                return rules.size() - 1;
            });
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.code());
            r.put("ruleIndex", ruleIndex.get(f.code()));
            r.put("kind", f.level() == Level.PASS ? "pass" : "fail");
            r.put("level", level(f.level()));
            r.putObject("message").put("text", f.message());
            ObjectNode props = r.putObject("properties");
            props.put("findingLevel", f.level().name());
            ObjectNode facts = props.putObject("facts");
            for (Map.Entry<String, Object> e : f.facts().values().entrySet()) {
                put(facts, e.getKey(), e.getValue());
            }
        }
        ObjectNode props = run.putObject("properties");
        props.put("name", name);
        props.put("verdict", verdict);
        return log;
    }

    private static void put(ObjectNode props, String key, Object v) {
        if (v instanceof Boolean b) {
            props.put(key, b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            props.put(key, ((Number) v).longValue());
        } else if (v instanceof BigInteger i) {
            props.put(key, i);
        } else if (v instanceof BigDecimal || v instanceof Double || v instanceof Float) {
            String s = Facts.format(v);
            if (v instanceof BigDecimal d && !Checks.bounded(d)
                    || !isFinite(v)) {
                props.put(key, s); // beyond plain rendering, or NaN / infinity: JSON has no number for it
            } else {
                props.put(key, new BigDecimal(s));
            }
        } else {
            props.put(key, Facts.format(v));
        }
    }

    private static boolean isFinite(Object v) {
        return !(v instanceof Double || v instanceof Float) || Double.isFinite(((Number) v).doubleValue());
    }
}
