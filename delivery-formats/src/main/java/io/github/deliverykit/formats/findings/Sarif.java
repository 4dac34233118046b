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
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
 *
 * <p>Locations (SARIF 3.28). A result's {@code locations} hold what its facts name: a {@code file} or
 * {@code path} fact (text, with an optional whole-number {@code line} or {@code startLine} fact) and each
 * entry of a {@code paths} fact (the merge policy's protected paths), up to {@value #MAX_LOCATIONS}, as
 * {@code physicalLocation.artifactLocation.uri} (the path with {@code /} separators, percent-encoded as
 * a URI reference) and {@code region.startLine} (1 when no line is named); and a {@code service} fact as
 * a {@code logicalLocation} of kind {@code module}, a {@code rule} fact as one of kind {@code resource}.
 * GitHub code scanning rejects a result without a physical location, so a result whose facts name no
 * file gets the decision's own input file ({@code artifactUri}, e.g. the change request the decision was
 * made from), at line 1, when one is given.
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

    /** The most locations written per result (GitHub code scanning reads up to 10). */
    public static final int MAX_LOCATIONS = 10;

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
        write(name, decision.verdict().name(), decision.findings(), null, out);
    }

    /**
     * Writes a decision whose results without a file of their own point at the file it was made from.
     *
     * @param name the decision's name, e.g. {@code delivery change CHG-1}
     * @param decision the decision
     * @param artifactUri the repository-relative path (or URI) of the decision's input, or null
     * @param out where to write (not closed)
     * @throws IllegalArgumentException if an argument is null, the name blank or the artifact blank
     * @throws UncheckedIOException if writing fails
     */
    public static void write(String name, Decided<?> decision, @Nullable String artifactUri, Writer out) {
        Checks.notNull(decision, "decision");
        write(name, decision.verdict().name(), decision.findings(), artifactUri, out);
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
        write(name, verdict, findings, null, out);
    }

    /**
     * Writes a verdict and its findings; results whose facts name no file point at {@code artifactUri}.
     *
     * @param name the decision's name
     * @param verdict the verdict
     * @param findings the findings
     * @param artifactUri the repository-relative path (or URI) of the decision's input, or null
     * @param out where to write (not closed)
     * @throws IllegalArgumentException if an argument is null, the name or verdict blank or the artifact blank
     * @throws UncheckedIOException if writing fails
     */
    public static void write(String name, String verdict, Findings findings, @Nullable String artifactUri, Writer out) {
        Checks.notNull(out, "out");
        if (artifactUri != null) {
            Checks.notBlank(artifactUri, "artifactUri");
        }
        ObjectNode log = log(name, verdict, findings, artifactUri == null ? null : uri(artifactUri));
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

    private static ObjectNode log(String name, String verdict, Findings findings, @Nullable String artifactUri) {
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
            locations(r, f.facts(), artifactUri);
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

    private static void locations(ObjectNode result, Facts facts, @Nullable String artifactUri) {
        List<String> files = new ArrayList<>();
        Object file = facts.get("file") != null ? facts.get("file") : facts.get("path");
        boolean named = file instanceof String f && !f.isBlank();
        if (named) {
            files.add((String) file);
        }
        if (facts.get("paths") instanceof Collection<?> paths) {
            for (Object p : paths) {
                if (p instanceof String f && !f.isBlank() && !files.contains(f)) {
                    files.add(f);
                }
            }
        }
        long line = line(facts.get("line") != null ? facts.get("line") : facts.get("startLine"));
        List<String[]> logical = new ArrayList<>();
        if (facts.get("service") instanceof String service && !service.isBlank()) {
            logical.add(new String[] {service, "module"});
        }
        if (facts.get("rule") instanceof String rule && !rule.isBlank()) {
            logical.add(new String[] {rule, "resource"});
        }
        List<String> uris = new ArrayList<>();
        for (String f : files) {
            if (uris.size() < MAX_LOCATIONS) {
                uris.add(uri(f));
            }
        }
        if (uris.isEmpty() && artifactUri != null) {
            uris.add(artifactUri);
        }
        if (uris.isEmpty() && logical.isEmpty()) {
            return;
        }
        ArrayNode locations = result.putArray("locations");
        if (uris.isEmpty()) {
            logical(locations.addObject(), logical);
        }
        for (int i = 0; i < uris.size(); i++) {
            ObjectNode location = locations.addObject();
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uris.get(i));
            // a named line belongs to the one named file, not to the fallback or to a list of paths
            physical.putObject("region").put("startLine", i == 0 && named ? line : 1);
            if (i == 0 && !logical.isEmpty()) {
                logical(location, logical);
            }
        }
    }

    private static void logical(ObjectNode location, List<String[]> names) {
        ArrayNode out = location.putArray("logicalLocations");
        for (String[] n : names) {
            out.addObject().put("name", n[0]).put("kind", n[1]);
        }
    }

    /** A whole line number of at least 1, or 1. */
    private static long line(@Nullable Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return Math.max(1, ((Number) v).longValue());
        }
        return 1;
    }

    /**
     * A path as a SARIF artifact URI: a URI with a scheme is kept; a path gets {@code /} separators, loses
     * a leading {@code ./} and is percent-encoded as a relative URI reference.
     */
    static String uri(String path) {
        if (path.matches("[A-Za-z][A-Za-z0-9+.-]+:/.*")) {
            return path;
        }
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw Checks.invalid("path", "is not a usable file path", path);
        }
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
