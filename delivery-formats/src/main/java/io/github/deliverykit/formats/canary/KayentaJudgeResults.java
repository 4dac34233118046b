package io.github.deliverykit.formats.canary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.formats.internal.KayentaShapes.AnalysisResult;
import io.github.deliverykit.formats.internal.KayentaShapes.GroupScore;
import io.github.deliverykit.formats.internal.KayentaShapes.JudgeResult;
import io.github.deliverykit.formats.internal.KayentaShapes.Score;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.CanaryDecision;
import io.github.deliverykit.policy.canary.CanaryDecision.Judgement;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes a canary stage decision in Kayenta's judge result shape (Spinnaker Kayenta's
 * {@code CanaryJudgeResult}, field names and order as in {@code com.netflix.kayenta.canary.results}),
 * with Jackson: a JSON array with one {@code CanaryJudgeResult} per judge of the decision, in judge order,
 * so that dashboards and scripts built for Kayenta's judge output read deliverykit's.
 *
 * <p>Per judge, {@code results} holds one {@code CanaryAnalysisResult} per metric the judge reported
 * (its per-metric results, and the metrics its findings name in a {@code metric} fact), in first-seen
 * order. A finding belongs to a metric when its code is {@code <judge>.<metric>[.<detail>]} or its
 * {@code metric} fact names it. {@code classification}: a finding code ending {@code .high} or
 * {@code .low} gives {@code High} / {@code Low}; {@code .no-data} and {@code .insufficient} give
 * {@code Nodata}; {@code .query-error} gives {@code Error}; otherwise the metric result's outcome does
 * (PASS {@code Pass}; FAIL {@code High}, as every built-in threshold is an upper bound; NO_DATA,
 * IGNORED and INCONCLUSIVE {@code Nodata}; ERROR {@code Error}), and a metric known from findings only is
 * {@code Pass} unless one of its findings is a FAIL ({@code High}). {@code classificationReason} joins
 * the metric's finding messages. Facts named {@code canaryX} go to {@code experimentMetadata.stats.x},
 * {@code baselineX} to {@code controlMetadata.stats.x} ({@code Samples} and {@code Events} as
 * {@code count}), the other facts to {@code resultMetadata} (numbers exact, non-finite ones and everything else as text). {@code criticality} is
 * {@code report-only} for a dry run, {@code critical} for a critical metric, else {@code normal};
 * {@code groups} come from the configuration's metric specs when it is given; {@code id} is
 * {@code <judge>/<metric>}, stable across runs.
 *
 * <p>{@code score}: a judge that reports a {@code score} result (the Mann-Whitney judge) gives its value
 * and outcome (PASS {@code Pass}, INCONCLUSIVE {@code Marginal}, FAIL {@code Fail}); any other judge
 * scores 100 times its passing share of the {@code Pass}/{@code High}/{@code Low} metrics that are not
 * report-only, classified {@code Error} when a metric errored, {@code Fail} when one failed,
 * {@code Nodata} when none was scored, else {@code Pass}. {@code groupScores} are 100 times each group's
 * passing share, with the empty classification Kayenta writes. Output is deterministic. Stateless and
 * thread safe.
 */
public final class KayentaJudgeResults {

    /** The score classifications Kayenta uses ({@code ScoreClassificationLabel}). */
    public static final List<String> SCORE_CLASSIFICATIONS = List.of("Pass", "Marginal", "Fail", "Nodata", "Error");
    /** The metric classifications written (Kayenta's {@code MetricClassificationLabel}s). */
    public static final List<String> METRIC_CLASSIFICATIONS = List.of("Pass", "High", "Low", "Nodata", "Error");

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    private static final String SCORE = "score";

    private KayentaJudgeResults() {}

    /**
     * Writes a decision.
     *
     * @param decision the canary stage decision
     * @param config the configuration it was evaluated with (for metric groups), or null
     * @param out where to write (not closed)
     * @throws IllegalArgumentException if the decision or out is null
     * @throws UncheckedIOException if writing fails
     */
    public static void write(CanaryDecision decision, @Nullable CanaryAnalysisConfig config, Writer out) {
        Checks.notNull(out, "out");
        List<JudgeResult> results = results(decision, config);
        try {
            JSON.writeValue(out, results);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kayenta judge result", e);
        }
    }

    /**
     * Writes a decision to a string.
     *
     * @param decision the canary stage decision
     * @param config the configuration (for metric groups), or null
     * @return the JSON array of judge results
     * @throws IllegalArgumentException if the decision is null
     */
    public static String toJson(CanaryDecision decision, @Nullable CanaryAnalysisConfig config) {
        StringWriter w = new StringWriter();
        write(decision, config, w);
        return w.toString();
    }

    /** The judge results of a decision, one per judgement. */
    static List<JudgeResult> results(CanaryDecision decision, @Nullable CanaryAnalysisConfig config) {
        Checks.notNull(decision, "decision");
        Map<String, MetricSpec> specs = new LinkedHashMap<>();
        if (config != null) {
            for (MetricSpec s : config.metrics()) {
                specs.put(s.name(), s);
            }
        }
        List<JudgeResult> out = new ArrayList<>();
        for (Judgement j : decision.judgements()) {
            out.add(judge(j, specs));
        }
        return out;
    }

    /** One metric while its findings are gathered. */
    private static final class Metric {
        final String name;
        @Nullable MetricResult result;
        final List<Finding> findings = new ArrayList<>();

        Metric(String name) {
            this.name = name;
        }
    }

    private static JudgeResult judge(Judgement j, Map<String, MetricSpec> specs) {
        String prefix = j.judge() + ".";
        Map<String, Metric> metrics = new LinkedHashMap<>();
        MetricResult score = null;
        for (MetricResult m : j.metrics()) {
            if (SCORE.equals(m.name())) {
                score = m;
            } else {
                metrics.computeIfAbsent(m.name(), Metric::new).result = m;
            }
        }
        List<Finding> scoreFindings = new ArrayList<>();
        for (Finding f : j.findings()) {
            String segment = segment(f.code(), prefix);
            Metric m = segment == null ? null : metrics.get(segment);
            if (m == null && f.facts().get("metric") instanceof String named && !named.isBlank()) {
                m = metrics.computeIfAbsent(named, Metric::new);
            }
            if (m != null) {
                m.findings.add(f);
            } else if (SCORE.equals(segment)) {
                scoreFindings.add(f);
            }
        }
        List<AnalysisResult> results = new ArrayList<>();
        Map<String, long[]> groups = new TreeMap<>();
        for (Metric m : metrics.values()) {
            AnalysisResult r = result(j.judge(), m, specs.get(m.name));
            results.add(r);
            if (!"report-only".equals(r.criticality()) && scored(r.classification())) {
                for (String g : r.groups()) {
                    long[] t = groups.computeIfAbsent(g, k -> new long[2]);
                    t[1]++;
                    if ("Pass".equals(r.classification())) {
                        t[0]++;
                    }
                }
            }
        }
        List<GroupScore> groupScores = new ArrayList<>();
        groups.forEach((g, t) -> groupScores.add(new GroupScore(g, 100.0 * t[0] / t[1], "", "")));
        return new JudgeResult(j.judge(), results, groupScores, score(score, scoreFindings, results));
    }

    /** The part of a code after the judge's prefix, up to the next dot; null outside the namespace. */
    static @Nullable String segment(String code, String prefix) {
        if (!code.startsWith(prefix)) {
            return null;
        }
        String rest = code.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean scored(String classification) {
        return "Pass".equals(classification) || "High".equals(classification) || "Low".equals(classification);
    }

    private static AnalysisResult result(String judge, Metric m, @Nullable MetricSpec spec) {
        MetricResult r = m.result;
        String classification = classification(m);
        List<String> messages = new ArrayList<>();
        Map<String, Object> experiment = new TreeMap<>();
        Map<String, Object> control = new TreeMap<>();
        Map<String, Object> other = new TreeMap<>();
        boolean critical = r != null && r.critical();
        for (Finding f : m.findings) {
            messages.add(f.message());
            for (Map.Entry<String, Object> e : f.facts().values().entrySet()) {
                Object v = value(e.getValue());
                String k = e.getKey();
                if (k.startsWith("canary") && k.length() > "canary".length()) {
                    experiment.put(stat(k.substring("canary".length())), v);
                } else if (k.startsWith("baseline") && k.length() > "baseline".length()) {
                    control.put(stat(k.substring("baseline".length())), v);
                } else if ("critical".equals(k)) {
                    critical |= Boolean.TRUE.equals(v);
                } else {
                    other.put(k, v);
                }
            }
        }
        if (r != null && !Double.isNaN(r.value())) {
            other.put("value", exact(r.value()));
        }
        boolean dryRun = r != null ? r.dryRun() : spec != null && spec.dryRun();
        if (spec != null) {
            critical |= spec.critical();
        }
        String criticality = dryRun ? "report-only" : critical ? "critical" : "normal";
        List<String> groups = spec == null ? List.of() : List.of(spec.group());
        String reason = messages.isEmpty() ? null : String.join("; ", messages);
        return new AnalysisResult(m.name, Map.of(), judge + "/" + m.name, classification, reason, groups,
                stats(experiment), stats(control), other, criticality);
    }

    private static Map<String, Object> stats(Map<String, Object> values) {
        return values.isEmpty() ? Map.of() : Map.of("stats", values);
    }

    private static String stat(String suffix) {
        if ("Samples".equals(suffix) || "Events".equals(suffix)) {
            return "count";
        }
        return Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
    }

    private static String classification(Metric m) {
        for (Finding f : m.findings) {
            String c = f.code();
            if (c.endsWith(".high")) {
                return "High";
            }
            if (c.endsWith(".low")) {
                return "Low";
            }
        }
        for (Finding f : m.findings) {
            String c = f.code();
            if (c.endsWith(".query-error")) {
                return "Error";
            }
            if (c.endsWith(".no-data") || c.endsWith(".insufficient")) {
                return "Nodata";
            }
        }
        MetricResult r = m.result;
        if (r != null) {
            return switch (r.outcome()) {
                case PASS -> "Pass";
                case FAIL -> "High";
                case NO_DATA, IGNORED, INCONCLUSIVE -> "Nodata";
                case ERROR -> "Error";
            };
        }
        for (Finding f : m.findings) {
            if (f.level() == Level.FAIL) {
                return "High";
            }
        }
        return "Pass";
    }

    private static Score score(@Nullable MetricResult score, List<Finding> findings, List<AnalysisResult> results) {
        String reason = findings.isEmpty() ? null
                : String.join("; ", findings.stream().map(Finding::message).toList());
        if (score != null) {
            String c = switch (score.outcome()) {
                case PASS -> "Pass";
                case INCONCLUSIVE -> "Marginal";
                case FAIL -> "Fail";
                case ERROR -> "Error";
                case NO_DATA, IGNORED -> "Nodata";
            };
            return new Score(Double.isNaN(score.value()) ? 0 : score.value(), c, reason);
        }
        long pass = 0;
        long scored = 0;
        boolean error = false;
        List<String> failed = new ArrayList<>();
        for (AnalysisResult r : results) {
            if ("report-only".equals(r.criticality())) {
                continue;
            }
            error |= "Error".equals(r.classification());
            if (scored(r.classification())) {
                scored++;
                if ("Pass".equals(r.classification())) {
                    pass++;
                } else {
                    failed.add(r.name());
                }
            }
        }
        double value = scored == 0 ? 0 : 100.0 * pass / scored;
        String c = error ? "Error" : !failed.isEmpty() ? "Fail" : scored == 0 ? "Nodata" : "Pass";
        String why = switch (c) {
            case "Error" -> "a metric could not be measured";
            case "Fail" -> "failed: " + String.join(", ", failed);
            case "Nodata" -> "no metric could be scored";
            default -> pass + " of " + scored + " metrics passed";
        };
        return new Score(value, c, reason == null ? why : reason);
    }

    /** A fact value as JSON keeps it exactly: whole numbers as longs, decimals as decimals, booleans, else its text. */
    private static Object value(Object v) {
        if (v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger i) {
            return i.bitLength() < 64 ? (Object) i.longValue() : new BigDecimal(i);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? exact(d) : Facts.format(v);
        }
        if (v instanceof BigDecimal d) {
            return Checks.bounded(d) ? normal(d) : Facts.format(d);
        }
        return Facts.format(v);
    }

    private static Object exact(double d) {
        return normal(new BigDecimal(Facts.format(d)));
    }

    private static Object normal(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0 && s.precision() - s.scale() < 19) {
            return s.longValueExact();
        }
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
