package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DefinitionComparison.FailureRate;
import io.github.deliverykit.metrics.dora.DefinitionComparison.Figures;
import io.github.deliverykit.metrics.dora.DefinitionComparison.Recovery;
import io.github.deliverykit.metrics.dora.DoraConfig.DeploymentLookup;
import io.github.deliverykit.metrics.dora.internal.BuiltInDefinitions;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.DeploymentScope;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.Duplicates;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.FailureCount;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.RecoveryWindow;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.Rules;
import io.github.deliverykit.metrics.stats.Quantiles;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes one history under several DORA definitions ({@link DoraDefinition}) and explains the
 * differences. Each definition's deployments, change failure rate and recovery time are computed from
 * the {@link DoraEvents} by its own {@link Rules}; its lead time comes from a {@link DoraDataset} built
 * with the definition's lead-time start and median (the measured query kernels, unchanged). Incident
 * attribution is the {@link DoraConfig}'s for every definition. Everything is of the production
 * environments of the config, all services. A comparison is O((D + I) log D) per definition for D
 * deployments and I incidents. Immutable and thread safe when the definitions are.
 */
public final class DoraDefinitions {

    private static final Logger LOG = LoggerFactory.getLogger(DoraDefinitions.class);
    private static final double MILLIS_PER_DAY = 86_400_000.0;
    private static final long MAX_MILLIS = DoraDataset.MAX_EPOCH_MILLIS;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final List<DoraDefinition> definitions;
    private final List<Rules> rules;

    private DoraDefinitions(List<DoraDefinition> definitions, List<Rules> rules) {
        this.definitions = definitions;
        this.rules = rules;
    }

    /**
     * The given definitions, in this order (no {@code ServiceLoader}).
     *
     * @param definitions at least one, ids unique
     * @return the engine
     * @throws IllegalArgumentException if the list is null or empty, holds null, an id repeats, or a
     *     definition's id, title or source is blank or its rules null (named by class)
     */
    public static DoraDefinitions of(List<? extends DoraDefinition> definitions) {
        List<DoraDefinition> list = Checks.listOf(definitions, "definitions");
        if (list.isEmpty()) {
            throw Checks.invalid("definitions", "must hold at least one definition", "[]");
        }
        Set<String> ids = new HashSet<>();
        List<Rules> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            DoraDefinition d = list.get(i);
            String field = "definitions[" + i + "] (" + d.getClass().getName() + ")";
            String id = Checks.notBlank(d.id(), field + ".id");
            if (!ID.matcher(id).matches()) {
                throw Checks.invalid(field + ".id", "must be lower-case letters, digits, '-' or '_' (a finding code segment)", id);
            }
            Checks.notBlank(d.title(), field + ".title");
            Checks.notBlank(d.source(), field + ".source");
            rules.add(Checks.notNull(d.rules(), field + ".rules"));
            if (!ids.add(id)) {
                throw Checks.invalid(field + ".id", "must be unique", id);
            }
        }
        return new DoraDefinitions(List.copyOf(list), List.copyOf(rules));
    }

    /**
     * The built-in definitions {@code four-keys}, {@code devlake}, {@code gitlab} and {@code dora-2024},
     * built by hand (no {@code ServiceLoader}).
     *
     * @return the engine
     */
    public static DoraDefinitions builtIns() {
        return of(List.of(new BuiltInDefinitions.FourKeys(), new BuiltInDefinitions.DevLake(),
                new BuiltInDefinitions.GitLab(), new BuiltInDefinitions.Dora2024()));
    }

    /**
     * Every definition registered through {@code ServiceLoader}, in registry order (priority, then id).
     *
     * @return the engine
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken or ids repeat
     */
    public static DoraDefinitions load() {
        ProviderRegistry<DoraDefinition> registry = DoraDefinition.load();
        return of(registry.all());
    }

    /**
     * The ids of the definitions, in order.
     *
     * @return the ids
     */
    public List<String> ids() {
        List<String> out = new ArrayList<>();
        for (DoraDefinition d : definitions) {
            out.add(d.id());
        }
        return out;
    }

    /**
     * Some of the definitions, in the order asked.
     *
     * @param ids the ids, at least one, each known and given once
     * @return the engine with those definitions
     * @throws IllegalArgumentException if the list is null or empty, holds null, or an id is unknown or repeated
     */
    public DoraDefinitions select(List<String> ids) {
        List<String> asked = Checks.listOf(ids, "ids");
        if (asked.isEmpty()) {
            throw Checks.invalid("ids", "must name at least one definition of " + ids(), "[]");
        }
        List<DoraDefinition> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            String id = asked.get(i);
            if (!seen.add(id)) {
                throw Checks.invalid("ids[" + i + "]", "must not repeat", id);
            }
            DoraDefinition found = null;
            for (DoraDefinition d : definitions) {
                if (d.id().equals(id)) {
                    found = d;
                }
            }
            if (found == null) {
                throw Checks.invalid("ids[" + i + "]", "must be one of " + ids(), id);
            }
            out.add(found);
        }
        return of(out);
    }

    /**
     * Computes the events of a window under every definition and explains why the figures differ.
     *
     * @param events the history
     * @param config production environments, incident attribution and calendar zone (its lead-time start
     *     and quantiles are replaced by each definition's)
     * @param window the window, not empty
     * @return the comparison
     * @throws IllegalArgumentException on bad input: what {@link DoraDataset#of(DoraEvents, DoraConfig)}
     *     rejects, a bad window, or an incident instant out of range
     */
    public DefinitionComparison compare(DoraEvents events, DoraConfig config, Interval window) {
        Checks.notNull(events, "events");
        Checks.notNull(config, "config");
        Checks.notNull(window, "window");
        if (window.isEmpty()) {
            throw Checks.invalid("window", "must not be empty", window);
        }
        long ws = millis(window.start(), "window.start");
        long we = millis(window.end(), "window.end");
        Map<String, DoraDataset> datasets = new HashMap<>();
        // the first dataset validates the events (ids, instants, attribution) before anything else
        Function<Rules, DoraDataset> dataset = r -> datasets.computeIfAbsent(r.leadTimeStart() + "/" + r.quantiles(),
                k -> DoraDataset.of(events, DoraConfig.from(config).leadTimeStart(r.leadTimeStart())
                        .quantileDefinition(r.quantiles()).build()));
        dataset.apply(rules.get(0));
        History history = new History(events, config);
        List<Figures> figures = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            DoraDefinition d = definitions.get(i);
            Rules r = rules.get(i);
            DoraDataset ds = dataset.apply(r);
            Figures f = history.figures(d, r, ds, window, ws, we);
            figures.add(f);
            findings.addAll(ownFindings(f));
        }
        findings.addAll(differences(figures));
        DefinitionComparison out = new DefinitionComparison(window, figures, Findings.of(findings));
        LOG.debug("DORA definitions {} over {}: {} findings", ids(), window, findings.size());
        return out;
    }

    // ---- findings

    private static List<Finding> ownFindings(Figures f) {
        String id = f.definition();
        List<Finding> out = new ArrayList<>();
        StringBuilder m = new StringBuilder(id).append(": ").append(f.deployments()).append(" deployment(s) on ")
                .append(f.deploymentDays()).append(" day(s), ").append(String.format(Locale.ROOT, "%.2f", f.perDay()))
                .append("/day");
        if (f.failedExcluded() > 0) {
            m.append("; ").append(f.failedExcluded()).append(" failed deployment(s) not counted as deployments");
        }
        if (f.mergedDuplicates() > 0) {
            m.append("; ").append(f.mergedDuplicates()).append(" repeated deployment(s) of one version and day merged");
        }
        out.add(Finding.info(id + ".deployments", m.toString(), Facts.of("definition", id, "deployments",
                f.deployments(), "failedExcluded", f.failedExcluded(), "mergedDuplicates", f.mergedDuplicates(),
                "deploymentDays", f.deploymentDays(), "perDay", f.perDay(), "scope", f.rules().deployments().name(),
                "duplicates", f.rules().duplicates().name())));
        FailureRate cfr = f.changeFailureRate();
        OptionalDouble v = cfr.value();
        Facts cfrFacts = Facts.of("definition", id, "failures", cfr.failures(), "deployments", cfr.deployments(),
                "counted", cfr.counted().name(), "rate", v.isPresent() ? (Object) v.getAsDouble() : "no data");
        if (v.isEmpty()) {
            out.add(Finding.info(id + ".change-failure-rate", id + ": change failure rate has no data ("
                    + (cfr.incidentData() ? "no deployment in the window" : "the history holds no incident") + ")",
                    cfrFacts));
        } else if (v.getAsDouble() > 1) {
            out.add(Finding.warn(id + ".change-failure-rate", id + ": " + cfrText(cfr)
                    + ", above 100 %: it counts incidents, not failed deployments", cfrFacts));
        } else {
            out.add(Finding.info(id + ".change-failure-rate", id + ": " + cfrText(cfr), cfrFacts));
        }
        Recovery rec = f.recovery();
        DurationSummary s = rec.summary();
        String what = f.rules().recoveryStart() + " -> " + f.rules().recoveryEnd() + " (placed by its "
                + f.rules().recoveryWindow().name().toLowerCase(Locale.ROOT) + ")";
        String median = s.median().map(Object::toString).orElse("no data");
        out.add(Finding.info(id + ".recovery", id + ": recovery " + what + ", " + f.rules().quantiles().name()
                .toLowerCase(Locale.ROOT) + " median " + median + " over " + s.sampleSize()
                + (rec.open() > 0 ? ", " + rec.open() + " open" : "")
                + (rec.unlinked() > 0 ? ", " + rec.unlinked() + " incident(s) without a counted deployment" : "")
                + (rec.negative() > 0 ? ", " + rec.negative() + " ending before they start dropped" : ""),
                Facts.of("definition", id, "start", f.rules().recoveryStart().name(), "end", f.rules().recoveryEnd().name(),
                        "window", f.rules().recoveryWindow().name(), "measured", s.sampleSize(), "open", rec.open(),
                        "unlinked", rec.unlinked(), "negative", rec.negative(),
                        "medianMillis", s.medianMillis().isPresent() ? (Object) s.medianMillis().getAsDouble() : "no data")));
        return out;
    }

    private static String cfrText(FailureRate cfr) {
        String unit = cfr.counted() == FailureCount.FAILED_DEPLOYMENTS ? "failed deployment(s)"
                : cfr.counted() == FailureCount.ATTRIBUTED_INCIDENTS ? "incident(s) attributed to deployments"
                : "incident(s) created in the window";
        OptionalDouble v = cfr.value();
        return "counts " + cfr.failures() + " " + unit + " over " + cfr.deployments() + " deployment(s)"
                + (v.isPresent() ? ": " + percent(v.getAsDouble()) : "");
    }

    private List<Finding> differences(List<Figures> figures) {
        List<Finding> out = new ArrayList<>();
        if (figures.size() < 2) {
            return out;
        }
        // deployments
        Set<Long> counts = new LinkedHashSet<>();
        Facts.Builder df = Facts.builder();
        StringBuilder dm = new StringBuilder();
        for (Figures f : figures) {
            counts.add(f.deployments());
            df.put(f.definition() + ".deployments", f.deployments());
            append(dm, f.definition() + " counts " + f.deployments() + " deployment(s)");
        }
        List<String> dr = reasons(figures, Reason.SCOPE, Reason.DUPLICATES);
        out.add(difference("deployments", counts.size() > 1, dm.toString(), dr, df));
        // change failure rate
        Set<String> rates = new LinkedHashSet<>();
        Facts.Builder cf = Facts.builder();
        StringBuilder cm = new StringBuilder();
        for (Figures f : figures) {
            FailureRate r = f.changeFailureRate();
            OptionalDouble v = r.value();
            rates.add(v.isPresent() ? percent(v.getAsDouble()) : "no data");
            cf.put(f.definition() + ".failures", r.failures()).put(f.definition() + ".deployments", r.deployments())
                    .put(f.definition() + ".counted", r.counted().name());
            if (v.isPresent()) {
                cf.put(f.definition() + ".rate", v.getAsDouble());
            }
            append(cm, f.definition() + " " + cfrText(r));
        }
        out.add(difference("change-failure-rate", rates.size() > 1, cm.toString(),
                reasons(figures, Reason.FAILURES, Reason.SCOPE, Reason.DUPLICATES), cf));
        // recovery
        Set<String> medians = new LinkedHashSet<>();
        Facts.Builder rf = Facts.builder();
        StringBuilder rm = new StringBuilder();
        for (Figures f : figures) {
            DurationSummary s = f.recovery().summary();
            String median = s.median().map(Object::toString).orElse("no data");
            medians.add(median + "/" + s.sampleSize());
            rf.put(f.definition() + ".measured", s.sampleSize());
            if (s.medianMillis().isPresent()) {
                rf.put(f.definition() + ".medianMillis", s.medianMillis().getAsDouble());
            }
            append(rm, f.definition() + " measures " + f.rules().recoveryStart() + " -> " + f.rules().recoveryEnd()
                    + ": median " + median + " over " + s.sampleSize());
        }
        out.add(difference("recovery", medians.size() > 1, rm.toString(),
                reasons(figures, Reason.RECOVERY, Reason.RECOVERY_WINDOW, Reason.QUANTILES), rf));
        // lead time
        Set<String> leads = new LinkedHashSet<>();
        Facts.Builder lf = Facts.builder();
        StringBuilder lm = new StringBuilder();
        for (Figures f : figures) {
            DurationSummary s = f.leadTime();
            String median = s.median().map(Object::toString).orElse("no data");
            leads.add(median + "/" + s.sampleSize());
            lf.put(f.definition() + ".measured", s.sampleSize());
            if (s.medianMillis().isPresent()) {
                lf.put(f.definition() + ".medianMillis", s.medianMillis().getAsDouble());
            }
            append(lm, f.definition() + " from " + f.rules().leadTimeStart().name().toLowerCase(Locale.ROOT)
                    + " time: median " + median + " over " + s.sampleSize());
        }
        out.add(difference("lead-time", leads.size() > 1, lm.toString(),
                reasons(figures, Reason.LEAD_TIME_START, Reason.QUANTILES), lf));
        return out;
    }

    private static void append(StringBuilder b, String part) {
        if (b.length() > 0) {
            b.append("; ");
        }
        b.append(part);
    }

    private static Finding difference(String metric, boolean differs, String message, List<String> reasons,
            Facts.Builder facts) {
        facts.put("reasons", reasons.isEmpty() ? "none" : String.join("; ", reasons));
        if (!differs) {
            return Finding.info("definitions." + metric + ".agrees", metric + " is the same under every definition: "
                    + message, facts.build());
        }
        return Finding.info("definitions." + metric + ".differs", metric + " differs: " + message
                + (reasons.isEmpty() ? "" : " (because " + String.join("; ", reasons) + ")"), facts.build());
    }

    /** A rule on which definitions can differ, with how to say it. */
    private enum Reason {
        SCOPE(r -> r.deployments().name(), "failed deployments count as deployments or not"),
        DUPLICATES(r -> r.duplicates().name(), "repeated deployments of a version and day are merged or not"),
        FAILURES(r -> r.failures().name(), "failures are counted per deployment or per incident"),
        RECOVERY(r -> r.recoveryStart() + "->" + r.recoveryEnd(), "recovery starts and ends at other instants"),
        RECOVERY_WINDOW(r -> r.recoveryWindow().name(), "a recovery is placed in the window by its start or its end"),
        LEAD_TIME_START(r -> r.leadTimeStart().name(), "lead time starts at the author or the commit time"),
        QUANTILES(r -> r.quantiles().name(), "the median interpolates or takes the lower value");

        private final Function<Rules, String> key;
        private final String text;

        Reason(Function<Rules, String> key, String text) {
            this.key = key;
            this.text = text;
        }
    }

    private static List<String> reasons(List<Figures> figures, Reason... asked) {
        List<String> out = new ArrayList<>();
        boolean excluded = false;
        boolean merged = false;
        for (Figures f : figures) {
            excluded |= f.failedExcluded() > 0;
            merged |= f.mergedDuplicates() > 0;
        }
        for (Reason reason : asked) {
            // a rule that changed nothing in this window is no reason
            if ((reason == Reason.SCOPE && !excluded) || (reason == Reason.DUPLICATES && !merged)) {
                continue;
            }
            Map<String, List<String>> byValue = new TreeMap<>();
            for (Figures f : figures) {
                byValue.computeIfAbsent(reason.key.apply(f.rules()), k -> new ArrayList<>()).add(f.definition());
            }
            if (byValue.size() > 1) {
                StringBuilder b = new StringBuilder(reason.text).append(" (");
                boolean first = true;
                for (Map.Entry<String, List<String>> e : byValue.entrySet()) {
                    b.append(first ? "" : ", ").append(e.getKey()).append(": ").append(String.join(", ", e.getValue()));
                    first = false;
                }
                out.add(b.append(')').toString());
            }
        }
        return out;
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    private static long millis(@Nullable Instant instant, String field) {
        Checks.notNull(instant, field);
        long seconds = instant.getEpochSecond();
        if (seconds > MAX_MILLIS / 1000 || seconds < -MAX_MILLIS / 1000) {
            throw Checks.invalid(field, "must lie within 2^53 milliseconds of the epoch", instant);
        }
        return instant.toEpochMilli();
    }

    /** The production deployments and incidents of one history, with each incident's attributed deployment. */
    private static final class History {
        final ZoneId zone;
        final List<Deployment> production = new ArrayList<>(); // finished, production, by finish then id
        final long[] finish;
        final List<Incident> incidents = new ArrayList<>(); // production incidents
        final List<@Nullable Deployment> cause = new ArrayList<>(); // per incident, production and finished, or null
        final boolean incidentData;

        History(DoraEvents events, DoraConfig config) {
            this.zone = config.zone();
            Set<String> prod = config.productionEnvironments();
            Map<String, Deployment> byId = new HashMap<>();
            Map<String, List<Deployment>> successesByStream = new HashMap<>();
            for (Deployment d : events.deployments()) {
                if (d.finished() == null) {
                    continue;
                }
                byId.put(d.id(), d);
                if (prod.contains(d.environment())) {
                    production.add(d);
                }
                if (!d.isFailure()) {
                    successesByStream.computeIfAbsent(d.service() + '\u0000' + d.environment(), k -> new ArrayList<>()).add(d);
                }
            }
            Comparator<Deployment> byFinish = Comparator.comparing(Deployment::finished).thenComparing(Deployment::id);
            production.sort(byFinish);
            for (List<Deployment> l : successesByStream.values()) {
                l.sort(byFinish);
            }
            finish = new long[production.size()];
            for (int k = 0; k < finish.length; k++) {
                finish[k] = production.get(k).finished().toEpochMilli();
            }
            DeploymentLookup lookup = new DeploymentLookup() {
                @Override
                public Optional<Deployment> byId(String deploymentId) {
                    return deploymentId == null ? Optional.empty() : Optional.ofNullable(byId.get(deploymentId));
                }

                @Override
                public Optional<Deployment> latestSuccessful(String service, String environment, Instant atOrBefore) {
                    if (service == null || environment == null || atOrBefore == null) {
                        return Optional.empty();
                    }
                    List<Deployment> l = successesByStream.get(service + '\u0000' + environment);
                    Deployment best = null;
                    if (l != null) {
                        for (Deployment d : l) {
                            if (d.finished().isAfter(atOrBefore)) {
                                break;
                            }
                            best = d;
                        }
                    }
                    return Optional.ofNullable(best);
                }
            };
            Set<Deployment> productionSet = new HashSet<>(production);
            for (Incident inc : events.incidents()) {
                if (!prod.contains(inc.environment())) {
                    continue;
                }
                incidents.add(inc);
                Optional<Deployment> c = config.incidentAttribution().causeOf(inc, lookup);
                Deployment d = c == null ? null : c.orElse(null);
                cause.add(d != null && productionSet.contains(d) ? d : null);
            }
            this.incidentData = !events.incidents().isEmpty();
        }

        Figures figures(DoraDefinition def, Rules r, DoraDataset ds, Interval window, long ws, long we) {
            boolean successfulOnly = r.deployments() == DeploymentScope.SUCCESSFUL;
            // counted deployments, and each one's representative after merging duplicates (the last finish)
            Map<Deployment, String> keyOf = new HashMap<>();
            Map<String, Deployment> lastOfKey = new LinkedHashMap<>();
            Map<String, Integer> groupSize = new HashMap<>();
            long failedExcluded = 0;
            for (int k = 0; k < production.size(); k++) {
                Deployment d = production.get(k);
                if (successfulOnly && d.isFailure()) {
                    failedExcluded += finish[k] >= ws && finish[k] < we ? 1 : 0;
                    continue;
                }
                String key = key(r, d);
                keyOf.put(d, key);
                lastOfKey.put(key, d); // in finish order, so the last one wins
                groupSize.merge(key, 1, Integer::sum);
            }
            // the counted deployments in the window: representatives finished in it
            Set<Deployment> counted = new LinkedHashSet<>();
            long merged = 0;
            Set<LocalDate> days = new HashSet<>();
            for (Map.Entry<String, Deployment> e : lastOfKey.entrySet()) {
                Deployment rep = e.getValue();
                long f = rep.finished().toEpochMilli();
                if (f >= ws && f < we) {
                    counted.add(rep);
                    days.add(LocalDate.ofInstant(rep.finished(), zone));
                    merged += groupSize.get(e.getKey()) - 1;
                }
            }
            // incidents per counted deployment
            Map<Deployment, Integer> incidentsOf = new HashMap<>();
            List<@Nullable Deployment> linked = new ArrayList<>();
            long createdInWindow = 0;
            for (int i = 0; i < incidents.size(); i++) {
                Deployment c = cause.get(i);
                String key = c == null ? null : keyOf.get(c);
                Deployment rep = key == null ? null : lastOfKey.get(key);
                linked.add(rep);
                if (rep != null && counted.contains(rep)) {
                    incidentsOf.merge(rep, 1, Integer::sum);
                }
                long created = millis(incidents.get(i).detected(), "incidents['" + incidents.get(i).id() + "'].detected");
                if (created >= ws && created < we) {
                    createdInWindow++;
                }
            }
            long failures;
            switch (r.failures()) {
                case FAILED_DEPLOYMENTS: {
                    long n = 0;
                    for (Deployment d : counted) {
                        if (incidentsOf.containsKey(d) || (!successfulOnly && d.isFailure())) {
                            n++;
                        }
                    }
                    failures = n;
                    break;
                }
                case ATTRIBUTED_INCIDENTS: {
                    long n = 0;
                    for (int c : incidentsOf.values()) {
                        n += c;
                    }
                    failures = n;
                    break;
                }
                default:
                    failures = createdInWindow;
            }
            FailureRate cfr = new FailureRate(failures, counted.size(), r.failures(), incidentData);
            Recovery recovery = r.recoveryPerIncident() ? incidentRecovery(r, linked, ws, we) : deploymentRecovery(ds, window);
            double perDay = counted.size() / ((we - ws) / MILLIS_PER_DAY);
            return new Figures(def.id(), def.title(), def.source(), r, counted.size(), failedExcluded, merged,
                    days.size(), perDay, cfr, recovery, ds.leadTime(window).summary());
        }

        private String key(Rules r, Deployment d) {
            return r.duplicates() == Duplicates.KEEP ? d.id()
                    : d.service() + '\u0000' + d.environment() + '\u0000' + d.version() + '\u0000' + d.isFailure()
                            + '\u0000' + LocalDate.ofInstant(d.finished(), zone);
        }

        private Recovery incidentRecovery(Rules r, List<@Nullable Deployment> linked, long ws, long we) {
            double[] sample = new double[incidents.size()];
            int n = 0;
            long open = 0;
            long unlinked = 0;
            long negative = 0;
            for (int i = 0; i < incidents.size(); i++) {
                Incident inc = incidents.get(i);
                String field = "incidents['" + inc.id() + "']";
                Deployment rep = linked.get(i);
                long created = millis(inc.detected(), field + ".detected");
                Long start;
                switch (r.recoveryStart()) {
                    case IMPACT_STARTED:
                        start = millis(inc.started(), field + ".started");
                        break;
                    case INCIDENT_CREATED:
                        start = created;
                        break;
                    case CAUSE_DEPLOYMENT_FINISHED:
                        start = rep == null ? null : rep.finished().toEpochMilli();
                        break;
                    default: // CAUSE_DEPLOYMENT_OR_CREATED
                        start = rep == null ? created : Math.min(created, rep.finished().toEpochMilli());
                }
                Instant endAt = r.recoveryEnd() == DoraDefinition.RecoveryEnd.RESOLVED ? inc.resolved()
                        : inc.impactEnded().orElse(null);
                Long end = endAt == null ? null : millis(endAt, field + ".resolved");
                // the instant that places the incident in the window; without a start, its creation or end
                // (if/else, not a conditional expression: mixing long and Long there would unbox a null end)
                Long anchor = end;
                if (r.recoveryWindow() == RecoveryWindow.START) {
                    anchor = start == null ? Long.valueOf(created) : start;
                }
                if (anchor == null || anchor < ws || anchor >= we) {
                    continue;
                }
                if (start == null) {
                    unlinked++;
                } else if (end == null) {
                    open++;
                } else if (end < start) {
                    negative++;
                } else {
                    sample[n++] = end - start;
                }
            }
            return new Recovery(summary(Arrays.copyOf(sample, n), r.quantiles()), open, unlinked, negative);
        }

        private static Recovery deploymentRecovery(DoraDataset ds, Interval window) {
            DoraReport.RecoveryTime rt = ds.recoveryTime(window);
            return new Recovery(rt.summary(), rt.unrecovered(), 0, 0);
        }

        private static DurationSummary summary(double[] values, QuantileDefinition def) {
            if (values.length == 0) {
                return DurationSummary.empty();
            }
            Arrays.sort(values); // the mean's rounding does not depend on the input order
            double[] q = Quantiles.quantiles(values, def, 0.5, 0.9, 0.95);
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return new DurationSummary(values.length, OptionalDouble.of(q[0]), OptionalDouble.of(q[1]),
                    OptionalDouble.of(q[2]), OptionalDouble.of(sum / values.length));
        }
    }

    @Override
    public String toString() {
        return "DoraDefinitions" + ids();
    }
}
