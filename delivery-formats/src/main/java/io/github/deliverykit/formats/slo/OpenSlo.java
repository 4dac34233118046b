package io.github.deliverykit.formats.slo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.CalendarUnit;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.Json;
import io.github.deliverykit.formats.internal.Yaml;
import io.github.deliverykit.formats.internal.OpenSloShapes.Calendar;
import io.github.deliverykit.formats.internal.OpenSloShapes.Condition;
import io.github.deliverykit.formats.internal.OpenSloShapes.ConditionItem;
import io.github.deliverykit.formats.internal.OpenSloShapes.ConditionSpec;
import io.github.deliverykit.formats.internal.OpenSloShapes.Document;
import io.github.deliverykit.formats.internal.OpenSloShapes.Inline;
import io.github.deliverykit.formats.internal.OpenSloShapes.Metadata;
import io.github.deliverykit.formats.internal.OpenSloShapes.Objective;
import io.github.deliverykit.formats.internal.OpenSloShapes.PolicyItem;
import io.github.deliverykit.formats.internal.OpenSloShapes.PolicySpec;
import io.github.deliverykit.formats.internal.OpenSloShapes.SloSpec;
import io.github.deliverykit.formats.internal.OpenSloShapes.TimeWindow;
import io.github.deliverykit.formats.internal.Shorthand;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.metrics.budget.Slo.BudgetingMethod;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes OpenSLO v1 ({@code apiVersion: openslo/v1}): the kinds {@code SLO}, {@code SLI},
 * {@code AlertPolicy}, {@code AlertCondition} (kind {@code burnrate}) and {@code Service}, in one or
 * several YAML documents. Each SLO objective becomes a {@link SloDefinition}; its alert policies'
 * burn-rate conditions become its {@link AlertTable} (named after the policy when there is one,
 * after the SLO when there are several). Other kinds ({@code DataSource},
 * {@code AlertNotificationTarget}) are skipped and reported.
 *
 * <p>Mapping. {@code target} (a ratio) or {@code targetPercent} gives the target; a rolling
 * {@code timeWindow} needs a fixed length (s, m, h, d, w); a calendar one is one day, week, month,
 * quarter or year in {@code calendar.timeZone}. OpenSLO gives one lookback window per burn-rate
 * condition: the short window is the annotation {@value #SHORT_WINDOW_ANNOTATION} of the condition
 * when present, else a twelfth of the lookback window (the SRE Workbook's rule), which the report
 * notes. Stateless and thread safe.
 */
public final class OpenSlo {

    /** The only apiVersion read. */
    public static final String API_VERSION = "openslo/v1";
    /** The condition annotation that carries the short window of a burn-rate rule. */
    public static final String SHORT_WINDOW_ANNOTATION = "deliverykit.io/short-window";
    /** The start time the writer gives calendar windows (a Monday, 1 January). */
    public static final String CALENDAR_START = "2024-01-01 00:00:00";

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OpenSlo() {}

    /**
     * Reads an OpenSLO file.
     *
     * @param file the file
     * @return its SLOs, services and the report
     * @throws FormatException if the file is not OpenSLO v1 or an SLO in it is invalid
     * @throws UncheckedIOException if the file cannot be read
     */
    public static SloDocuments read(Path file) {
        Checks.notNull(file, "file");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads OpenSLO YAML.
     *
     * @param source the name used in errors and the report
     * @param yaml the YAML, one or several documents
     * @return its SLOs, services and the report
     * @throws FormatException if the input is not OpenSLO v1 or an SLO in it is invalid
     */
    public static SloDocuments read(String source, Reader yaml) {
        Checks.notBlank(source, "source");
        Checks.notNull(yaml, "yaml");
        List<Located> docs = documents(source, yaml);
        return new Mapping(source).map(docs);
    }

    private record Located(int index, int line, Document doc) {
        String at() {
            return "document " + index + " (line " + line + ")";
        }
    }

    private static List<Located> documents(String source, Reader yaml) {
        List<Located> docs = new ArrayList<>();
        try (JsonParser p = Yaml.MAPPER.createParser(yaml)) {
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                index++;
                int line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new FormatException(source, "document " + index + " (line " + line + ")",
                            "must be a mapping with apiVersion, kind, metadata and spec, but was " + t);
                }
                docs.add(new Located(index, line, Yaml.MAPPER.readValue(p, Document.class)));
            }
        } catch (JsonProcessingException e) {
            throw Json.error(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return docs;
    }

    /** One read: the documents by kind and name, and the report. */
    private static final class Mapping {
        private final String source;
        private final ReadReport.Builder report = new ReadReport.Builder();
        private final Map<String, Map<String, Located>> byKind = new LinkedHashMap<>();

        Mapping(String source) {
            this.source = source;
        }

        SloDocuments map(List<Located> docs) {
            List<Located> slos = new ArrayList<>();
            List<String> services = new ArrayList<>();
            for (Located d : docs) {
                report.read();
                Document doc = d.doc();
                if (!API_VERSION.equals(doc.apiVersion())) {
                    throw new FormatException(source, d.at() + ", $.apiVersion",
                            "must be " + API_VERSION + ", but was " + doc.apiVersion());
                }
                String kind = Json.require(doc.kind(), source, d.at() + ", $.kind");
                String name = name(doc.metadata(), d.at() + ", $.metadata.name");
                switch (kind) {
                    case "SLO" -> slos.add(d);
                    case "SLI", "AlertPolicy", "AlertCondition" -> {
                        if (byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>()).putIfAbsent(name, d) != null) {
                            throw new FormatException(source, d.at() + ", $.metadata.name",
                                    "names a second " + kind + " '" + name + "'");
                        }
                        report.accepted();
                    }
                    case "Service" -> {
                        services.add(name);
                        report.accepted();
                    }
                    default -> report.issue(IssueKind.SKIPPED, source, d.at(),
                            "kind " + kind + " does not map to an SLO, an SLI, an alert or a service");
                }
            }
            List<SloDefinition> out = new ArrayList<>();
            for (Located d : slos) {
                out.addAll(slo(d));
                report.accepted();
            }
            return new SloDocuments(out, services, report.build());
        }

        private String name(@Nullable Metadata m, String at) {
            String name = m == null ? null : m.name();
            if (name == null || name.isBlank()) {
                throw new FormatException(source, at, "is required");
            }
            return name;
        }

        private <T> T bind(@Nullable JsonNode spec, Class<T> type, String at) {
            if (spec == null || !spec.isObject()) {
                throw new FormatException(source, at + ", $.spec", "is required and must be a mapping");
            }
            try {
                return Yaml.MAPPER.treeToValue(spec, type);
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                throw new FormatException(source, at + ", " + Json.path(e).replaceFirst("^\\$", "\\$.spec"),
                        e.getOriginalMessage(), e);
            } catch (JsonProcessingException e) {
                throw Json.error(source, e);
            }
        }

        private List<SloDefinition> slo(Located d) {
            String at = d.at();
            String name = d.doc().metadata().name();
            SloSpec spec = bind(d.doc().spec(), SloSpec.class, at);
            String service = spec.service();
            if (service == null || service.isBlank()) {
                throw new FormatException(source, at + ", $.spec.service", "is required");
            }
            Window window = window(spec.timeWindow(), at);
            List<Objective> objectives = spec.objectives();
            if (objectives == null || objectives.isEmpty()) {
                throw new FormatException(source, at + ", $.spec.objectives", "must list at least one objective");
            }
            String sloIndicator = indicator(spec.indicator(), spec.indicatorRef(), at + ", $.spec");
            AlertTable alerts = alerts(name, spec.alertPolicies(), window, at);
            List<SloDefinition> out = new ArrayList<>();
            for (int i = 0; i < objectives.size(); i++) {
                Objective o = objectives.get(i);
                String oat = at + ", $.spec.objectives[" + i + "]";
                if (o == null) {
                    throw new FormatException(source, oat, "must be a mapping");
                }
                BudgetingMethod method = method(spec.budgetingMethod(), o, at, oat);
                SloTarget target = target(o, oat);
                String indicator = indicator(o.indicator(), o.indicatorRef(), oat);
                String objective = o.displayName() == null || o.displayName().isBlank() ? "objective-" + (i + 1)
                        : o.displayName();
                try {
                    out.add(new SloDefinition(name, objective, new Slo(service, target, window, method),
                            indicator != null ? indicator : sloIndicator, alerts));
                } catch (IllegalArgumentException e) {
                    throw new FormatException(source, oat, e.getMessage(), e);
                }
            }
            return out;
        }

        private @Nullable String indicator(@Nullable Inline inline, @Nullable String ref, String at) {
            if (inline != null && ref != null) {
                throw new FormatException(source, at, "has both indicator and indicatorRef");
            }
            if (ref != null) {
                if (!byKind.getOrDefault("SLI", Map.of()).containsKey(ref)) {
                    report.issue(IssueKind.NOTE, source, at + ".indicatorRef",
                            "SLI '" + ref + "' is not defined in this file");
                }
                return ref;
            }
            if (inline != null) {
                return name(inline.metadata(), at + ".indicator.metadata.name");
            }
            return null;
        }

        private Window window(@Nullable List<TimeWindow> windows, String at) {
            String wat = at + ", $.spec.timeWindow";
            if (windows == null || windows.size() != 1 || windows.get(0) == null) {
                throw new FormatException(source, wat, "must hold exactly one window");
            }
            TimeWindow w = windows.get(0);
            wat += "[0]";
            boolean rolling = Boolean.TRUE.equals(w.isRolling());
            if (w.isRolling() == null && w.calendar() == null) {
                report.issue(IssueKind.NOTE, source, wat, "neither isRolling nor calendar given: read as rolling");
                rolling = true;
            }
            if (rolling) {
                if (w.calendar() != null) {
                    throw new FormatException(source, wat + ".calendar", "must be absent for a rolling window");
                }
                return Window.rolling(Shorthand.fixed(w.duration(), source, wat + ".duration"));
            }
            Shorthand.Parsed p = Shorthand.parse(w.duration(), source, wat + ".duration");
            CalendarUnit unit = p.calendarUnit();
            if (unit == null) {
                throw new FormatException(source, wat + ".duration",
                        "must be one calendar unit (1d, 1w, 1M, 1Q or 1Y) for a calendar window, but was '" + w.duration() + "'");
            }
            Calendar c = w.calendar();
            ZoneId zone = ZoneId.of("UTC");
            if (c == null || c.timeZone() == null) {
                report.issue(IssueKind.NOTE, source, wat + ".calendar.timeZone", "absent: UTC used");
            } else {
                try {
                    zone = ZoneId.of(c.timeZone());
                } catch (DateTimeException e) {
                    throw new FormatException(source, wat + ".calendar.timeZone",
                            "must be an IANA time zone, but was '" + c.timeZone() + "'", e);
                }
            }
            if (c != null && c.startTime() != null) {
                checkStart(c.startTime(), unit, wat + ".calendar.startTime");
            }
            return Window.calendar(unit, zone);
        }

        private void checkStart(String startTime, CalendarUnit unit, String at) {
            LocalDateTime start;
            try {
                start = LocalDateTime.parse(startTime.trim(), START);
            } catch (DateTimeParseException e) {
                throw new FormatException(source, at, "must be 'yyyy-MM-dd HH:mm:ss', but was '" + startTime + "'", e);
            }
            boolean aligned = start.truncatedTo(ChronoUnit.DAYS).equals(start) && switch (unit) {
                case DAY -> true;
                case WEEK -> start.getDayOfWeek() == java.time.DayOfWeek.MONDAY;
                case MONTH -> start.getDayOfMonth() == 1;
                case QUARTER -> start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0;
                case YEAR -> start.getDayOfYear() == 1;
            };
            if (!aligned) {
                report.issue(IssueKind.NOTE, source, at, "'" + startTime + "' is not the start of a calendar "
                        + unit.name().toLowerCase(Locale.ROOT) + ": periods are aligned to calendar boundaries");
            }
        }

        private BudgetingMethod method(@Nullable String name, Objective o, String at, String oat) {
            if (name == null) {
                throw new FormatException(source, at + ", $.spec.budgetingMethod",
                        "is required (Occurrences, Timeslices or RatioTimeslices)");
            }
            try {
                return switch (name) {
                    case "Occurrences" -> BudgetingMethod.occurrences();
                    case "Timeslices" -> BudgetingMethod.timeslices(slice(o, oat),
                            Json.require(o.timeSliceTarget(), source, oat + ".timeSliceTarget").stripTrailingZeros());
                    case "RatioTimeslices" -> BudgetingMethod.ratioTimeslices(slice(o, oat));
                    default -> throw new FormatException(source, at + ", $.spec.budgetingMethod",
                            "must be Occurrences, Timeslices or RatioTimeslices, but was '" + name + "'");
                };
            } catch (FormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, oat, e.getMessage(), e);
            }
        }

        private Duration slice(Objective o, String oat) {
            String w = o.timeSliceWindow();
            if (w != null && w.trim().matches("[0-9]{1,9}")) {
                return Duration.ofSeconds(Long.parseLong(w.trim()));
            }
            return Shorthand.fixed(w, source, oat + ".timeSliceWindow");
        }

        private SloTarget target(Objective o, String oat) {
            if (o.target() != null && o.targetPercent() != null) {
                throw new FormatException(source, oat, "has both target and targetPercent");
            }
            BigDecimal percent;
            if (o.target() != null) {
                percent = o.target().movePointRight(2);
            } else if (o.targetPercent() != null) {
                percent = o.targetPercent();
            } else {
                throw new FormatException(source, oat + ".target", "is required (or targetPercent)");
            }
            percent = percent.stripTrailingZeros();
            if (percent.scale() < 0) {
                percent = percent.setScale(0);
            }
            try {
                return new SloTarget(percent);
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, oat + (o.target() != null ? ".target" : ".targetPercent"),
                        e.getMessage(), e);
            }
        }

        private @Nullable AlertTable alerts(String slo, @Nullable List<PolicyItem> items, Window window, String at) {
            if (items == null || items.isEmpty()) {
                return null;
            }
            List<BurnRateRule> rules = new ArrayList<>();
            List<String> policyNames = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                PolicyItem item = items.get(i);
                String pat = at + ", $.spec.alertPolicies[" + i + "]";
                if (item == null) {
                    throw new FormatException(source, pat, "must be a mapping");
                }
                PolicySpec policy;
                String pwhere;
                if (item.alertPolicyRef() != null) {
                    Located ref = byKind.getOrDefault("AlertPolicy", Map.of()).get(item.alertPolicyRef());
                    if (ref == null) {
                        report.issue(IssueKind.REJECTED, source, pat + ".alertPolicyRef",
                                "AlertPolicy '" + item.alertPolicyRef() + "' is not defined in this file: its conditions are missing");
                        continue;
                    }
                    pwhere = ref.at();
                    policy = bind(ref.doc().spec(), PolicySpec.class, pwhere);
                    policyNames.add(item.alertPolicyRef());
                } else {
                    pwhere = pat;
                    policy = bind(item.spec(), PolicySpec.class, pat);
                    policyNames.add(name(item.metadata(), pat + ".metadata.name"));
                }
                List<ConditionItem> conditions = policy.conditions();
                if (conditions == null || conditions.isEmpty()) {
                    throw new FormatException(source, pwhere + ", $.spec.conditions", "must list a condition");
                }
                for (int c = 0; c < conditions.size(); c++) {
                    BurnRateRule rule = rule(conditions.get(c), pwhere + ", $.spec.conditions[" + c + "]");
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            }
            // a single policy names the table; several make one table named after the SLO
            return rules.isEmpty() ? null : new AlertTable(policyNames.size() == 1 ? policyNames.get(0) : slo, rules);
        }

        private @Nullable BurnRateRule rule(@Nullable ConditionItem item, String cat) {
            if (item == null) {
                throw new FormatException(source, cat, "must be a mapping");
            }
            Metadata meta;
            ConditionSpec spec;
            String where;
            if (item.conditionRef() != null) {
                Located ref = byKind.getOrDefault("AlertCondition", Map.of()).get(item.conditionRef());
                if (ref == null) {
                    report.issue(IssueKind.REJECTED, source, cat + ".conditionRef",
                            "AlertCondition '" + item.conditionRef() + "' is not defined in this file");
                    return null;
                }
                where = ref.at();
                meta = ref.doc().metadata();
                spec = bind(ref.doc().spec(), ConditionSpec.class, where);
            } else {
                where = cat;
                meta = item.metadata();
                spec = bind(item.spec(), ConditionSpec.class, cat);
            }
            String name = name(meta, where + ", $.metadata.name");
            Condition c = Json.require(spec.condition(), source, where + ", $.spec.condition");
            String kind = c.kind();
            if (kind == null || !kind.equalsIgnoreCase("burnrate")) {
                report.issue(IssueKind.SKIPPED, source, where + ", $.spec.condition.kind",
                        "condition kind '" + kind + "' is not burnrate: not an alert-table rule");
                return null;
            }
            String op = c.op() == null ? "gte" : c.op();
            if (!op.equals("gt") && !op.equals("gte")) {
                throw new FormatException(source, where + ", $.spec.condition.op",
                        "must be gt or gte for a burn-rate alert, but was '" + op + "'");
            }
            BigDecimal threshold = Json.require(c.threshold(), source, where + ", $.spec.condition.threshold");
            Duration lookback = Shorthand.fixed(c.lookbackWindow(), source, where + ", $.spec.condition.lookbackWindow");
            Duration shortWindow;
            String annotated = annotation(meta);
            if (annotated != null) {
                shortWindow = Shorthand.fixed(annotated, source, where + ", $.metadata.annotations." + SHORT_WINDOW_ANNOTATION);
            } else {
                shortWindow = lookback.dividedBy(12);
                if (shortWindow.isZero()) {
                    shortWindow = lookback;
                }
                report.issue(IssueKind.NOTE, source, where, "no short window in OpenSLO: " + Shorthand.format(shortWindow)
                        + " (a twelfth of lookbackWindow " + c.lookbackWindow() + ") used");
            }
            if (c.alertAfter() != null) {
                report.issue(IssueKind.NOTE, source, where + ", $.spec.condition.alertAfter",
                        "alertAfter " + c.alertAfter() + " is not part of the burn-rate table: ignored");
            }
            AlertSeverity severity = severity(spec.severity(), where);
            try {
                return new BurnRateRule(name, severity, lookback, shortWindow, threshold);
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, where + ", $.spec.condition", e.getMessage(), e);
            }
        }

        private @Nullable String annotation(@Nullable Metadata meta) {
            if (meta == null || meta.annotations() == null) {
                return null;
            }
            Object v = meta.annotations().get(SHORT_WINDOW_ANNOTATION);
            return v == null ? null : v.toString();
        }

        private AlertSeverity severity(@Nullable String severity, String where) {
            String s = severity == null ? "" : severity.toLowerCase(Locale.ROOT);
            return switch (s) {
                case "page", "critical", "high" -> AlertSeverity.PAGE;
                case "ticket", "warning", "low", "medium", "info" -> AlertSeverity.TICKET;
                default -> {
                    report.issue(IssueKind.NOTE, source, where + ", $.spec.severity",
                            "severity '" + severity + "' is not page/critical/high or ticket/warning/medium/low/info: read as ticket");
                    yield AlertSeverity.TICKET;
                }
            };
        }
    }

    /**
     * Writes SLO definitions as OpenSLO v1 YAML: one {@code SLO} document per SLO name (objectives of
     * one name are written together and must share service, window and method) and one
     * {@code AlertPolicy} with inline conditions per alert table. Reading the output gives the same
     * definitions.
     *
     * @param definitions the definitions
     * @return the YAML
     * @throws IllegalArgumentException if a definition is time-based (OpenSLO has no such method), a
     *     window is not whole seconds, or objectives of one name disagree
     */
    public static String write(List<SloDefinition> definitions) {
        StringWriter w = new StringWriter();
        write(definitions, w);
        return w.toString();
    }

    /**
     * Writes SLO definitions as OpenSLO v1 YAML to a writer (see {@link #write(List)}).
     *
     * @param definitions the definitions
     * @param out where to write
     * @throws IllegalArgumentException if a definition cannot be written
     * @throws UncheckedIOException if writing fails
     */
    public static void write(List<SloDefinition> definitions, Writer out) {
        List<SloDefinition> defs = Checks.listOf(definitions, "definitions");
        Checks.notNull(out, "out");
        Map<String, List<SloDefinition>> byName = new LinkedHashMap<>();
        for (SloDefinition d : defs) {
            byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
        }
        try (SequenceWriter seq = Yaml.MAPPER.writer().writeValues(out)) {
            for (List<SloDefinition> group : byName.values()) {
                for (Document doc : OpenSloWriting.documents(group)) {
                    seq.write(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write OpenSLO", e);
        }
    }
}
