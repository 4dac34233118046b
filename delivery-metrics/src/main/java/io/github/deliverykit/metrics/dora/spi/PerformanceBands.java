package io.github.deliverykit.metrics.dora.spi;

import io.github.deliverykit.core.spi.Provider;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.metric.Comparison;
import org.jspecify.annotations.Nullable;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.deliverykit.metrics.dora.DoraAssessment;
import io.github.deliverykit.metrics.dora.DoraReport;
import io.github.deliverykit.metrics.dora.DoraReport.ChangeFailureRate;
import io.github.deliverykit.metrics.dora.DoraAssessment.DoraMetric;
import io.github.deliverykit.metrics.dora.DoraAssessment.MetricAssessment;

/**
 * The plug point for DORA performance bands: a provider supplies one {@link BandTable}, its id
 * equal to {@link #id()}. Built-ins: {@code dora-2021}, {@code dora-2023}, {@code dora-2024} and
 * {@code seed-elite}. Register more through {@code META-INF/services} or {@code module-info}
 * {@code provides}, and load them with {@link #load()}.
 */
public interface PerformanceBands extends Provider {

    /**
     * The table.
     *
     * @return the band table, whose id equals {@link #id()}
     */
    BandTable table();

    /**
     * Loads every provider visible to this interface's class loader.
     *
     * @return the registry, ordered by priority then id
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken or ids repeat
     */
    static ProviderRegistry<PerformanceBands> load() {
        return Providers.load(PerformanceBands.class);
    }

    /**
     * Performance bands as data: an ordered list of band ids (best first) and, per metric, ordered
     * {@link BandRule rules}. Classification of a metric: read each rule's measure off the report and
     * take the first rule that holds; a metric whose measures have no data is unclassified; a metric
     * with rules where none holds is in the worst band. The whole is the worst band among the classified
     * metrics (a chain is as fast as its slowest link); it is partial when some metric had no data.
     *
     * @param id the table id, e.g. {@code dora-2023}
     * @param title a human title
     * @param source where the thresholds come from
     * @param bands band ids, best first, at least two
     * @param rules the rules, grouped by metric in the order given
     */
    public record BandTable(String id, String title, String source, List<String> bands, List<BandRule> rules) {

        private static final Logger LOG = LoggerFactory.getLogger(BandTable.class);

        /**
         * Validates the table.
         *
         * @throws IllegalArgumentException if a field is null or blank, there are fewer than two bands,
         *     a band repeats, or a rule names an unknown band
         */
        public BandTable {
            Checks.notBlank(id, "id");
            Checks.notBlank(title, "title");
            Checks.notBlank(source, "source");
            bands = Checks.listOf(bands, "bands");
            if (bands.size() < 2) {
                throw Checks.invalid("bands", "must hold at least two bands", bands);
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < bands.size(); i++) {
                Checks.notBlank(bands.get(i), "bands[" + i + "]");
                if (!seen.add(bands.get(i))) {
                    throw Checks.invalid("bands[" + i + "]", "must be unique", bands.get(i));
                }
            }
            rules = Checks.listOf(rules, "rules");
            for (int i = 0; i < rules.size(); i++) {
                if (!seen.contains(rules.get(i).band())) {
                    throw Checks.invalid("rules[" + i + "].band", "must be one of " + bands, rules.get(i).band());
                }
            }
        }

        /**
         * The metrics this table classifies, in enum order.
         *
         * @return the metrics
         */
        public List<DoraMetric> metrics() {
            List<DoraMetric> out = new ArrayList<>();
            for (DoraMetric m : DoraMetric.values()) {
                if (!rulesOf(m).isEmpty()) {
                    out.add(m);
                }
            }
            return out;
        }

        /**
         * The rules of one metric, in order.
         *
         * @param metric the metric
         * @return the rules
         */
        public List<BandRule> rulesOf(DoraMetric metric) {
            List<BandRule> out = new ArrayList<>();
            for (BandRule r : rules) {
                if (r.measure().metric() == metric) {
                    out.add(r);
                }
            }
            return out;
        }

        /**
         * Classifies one metric.
         *
         * @param metric the metric
         * @param report the report
         * @return the assessment
         * @throws IllegalArgumentException if an argument is null or the table has no rule for the metric
         */
        public MetricAssessment classify(DoraMetric metric, DoraReport report) {
            Checks.notNull(metric, "metric");
            Checks.notNull(report, "report");
            List<BandRule> own = rulesOf(metric);
            if (own.isEmpty()) {
                throw Checks.invalid("metric", "must be one of " + metrics() + " for bands " + id, metric);
            }
            boolean anyData = false;
            for (BandRule r : own) {
                OptionalDouble v = r.measure().of(report);
                if (v.isEmpty()) {
                    continue;
                }
                anyData = true;
                if (r.test(v.getAsDouble())) {
                    return new MetricAssessment(metric, Optional.of(r.band()), bands.indexOf(r.band()), v, r.describe());
                }
            }
            if (!anyData) {
                return new MetricAssessment(metric, Optional.empty(), -1, OptionalDouble.empty(), "no data");
            }
            String worst = bands.get(bands.size() - 1);
            OptionalDouble first = own.get(0).measure().of(report);
            return new MetricAssessment(metric, Optional.of(worst), bands.size() - 1, first, "no rule held");
        }

        /**
         * Classifies every metric of the table and the whole.
         *
         * @param report the report
         * @return the assessment with findings {@code dora.<metric>.band} or {@code dora.<metric>.no-data}
         *     per metric and {@code dora.overall.band}, {@code dora.overall.partial} or
         *     {@code dora.overall.no-data}
         * @throws IllegalArgumentException if the report is null
         */
        public DoraAssessment assess(DoraReport report) {
            Checks.notNull(report, "report");
            Map<DoraMetric, MetricAssessment> byMetric = new EnumMap<>(DoraMetric.class);
            List<Finding> findings = new ArrayList<>();
            int worst = -1;
            List<String> missing = new ArrayList<>();
            for (DoraMetric m : metrics()) {
                MetricAssessment a = classify(m, report);
                byMetric.put(m, a);
                if (a.band().isEmpty()) {
                    missing.add(m.code());
                    ChangeFailureRate cfr = report.changeFailureRate();
                    if (m == DoraMetric.CHANGE_FAILURE_RATE && !cfr.incidentData() && cfr.deployments() > 0) {
                        findings.add(Finding.info("dora." + m.code() + ".no-data", m.code()
                                + ": no incident data, so a rate of 0 cannot be told from unrecorded failures; not classified",
                                Facts.of("bands", id, "slice", report.slice().toString(), "deployments", cfr.deployments(),
                                        "failedByOutcome", cfr.failedByOutcome(), "incidents", 0)));
                    } else {
                        findings.add(Finding.info("dora." + m.code() + ".no-data",
                                m.code() + ": no data in " + report.slice() + ", not classified",
                                Facts.of("bands", id, "slice", report.slice().toString())));
                    }
                    continue;
                }
                worst = Math.max(worst, a.rank());
                findings.add(Finding.of("dora." + m.code() + ".band", level(a.rank()),
                        m.code() + " is " + a.band().get() + " (" + a.rule() + ")",
                        Facts.of("bands", id, "band", a.band().get(), "value", a.value().getAsDouble(),
                                "rule", a.rule(), "slice", report.slice().toString())));
            }
            Optional<String> overall = worst < 0 ? Optional.empty() : Optional.of(bands.get(worst));
            if (overall.isEmpty()) {
                findings.add(Finding.info("dora.overall.no-data", "no metric has data; overall not classified",
                        Facts.of("bands", id, "slice", report.slice().toString())));
            } else {
                findings.add(Finding.of("dora.overall.band", level(worst),
                        "overall " + overall.get() + " (the worst classified metric)",
                        Facts.of("bands", id, "band", overall.get(), "slice", report.slice().toString())));
                if (!missing.isEmpty()) {
                    findings.add(Finding.warn("dora.overall.partial", "overall leaves out metrics without data: "
                            + missing, Facts.of("bands", id, "missing", String.join(", ", missing))));
                }
            }
            DoraAssessment assessment = new DoraAssessment(id, byMetric, overall, !missing.isEmpty() && overall.isPresent(),
                    io.github.deliverykit.core.finding.Findings.of(findings));
            LOG.debug("DORA assessment {} {}: {}", id, report.slice(), overall.orElse("no data"));
            return assessment;
        }

        private Level level(int rank) {
            if (rank == 0) {
                return Level.PASS;
            }
            return rank == bands.size() - 1 ? Level.FAIL : Level.WARN;
        }
    }

    /**
     * One row of a band table: a metric is in {@code band} when {@code measure comparison threshold}
     * holds. A metric's rules are tried in order and the first that holds wins, so mixed criteria
     * (DevLake's "deployment days per week, else per month") are expressible. A rule without a
     * comparison ({@link #otherwise(String, Measure)}) is the catch-all last rule of a metric: it
     * always holds and has no threshold.
     *
     * @param band the band id, one of the table's bands
     * @param measure what is compared
     * @param comparison how, one of {@code LESS_THAN}, {@code AT_MOST}, {@code AT_LEAST},
     *     {@code GREATER_THAN}; null for the catch-all rule
     * @param threshold the threshold (0 and ignored for the catch-all rule)
     */
    public record BandRule(String band, Measure measure, @Nullable Comparison comparison, double threshold) {

        /**
         * Validates the rule.
         *
         * @throws IllegalArgumentException if the band is blank, the measure null, the comparison
         *     {@code BETWEEN} (a band rule has one threshold), the threshold not finite, or a
         *     catch-all rule (no comparison) has a threshold other than 0
         */
        public BandRule {
            Checks.notBlank(band, "band");
            Checks.notNull(measure, "measure");
            if (comparison == Comparison.BETWEEN) {
                throw Checks.invalid("comparison", "must have one threshold (not BETWEEN)", comparison);
            }
            Checks.finite(threshold, "threshold");
            if (comparison == null && threshold != 0) {
                throw Checks.invalid("threshold", "must be 0 for a catch-all rule (no comparison)", threshold);
            }
        }

        /**
         * A rule that always holds: the catch-all last rule of a metric.
         *
         * @param band the band
         * @param measure the measure (names the metric)
         * @return the rule
         */
        public static BandRule otherwise(String band, Measure measure) {
            return new BandRule(band, measure, null, 0);
        }

        /**
         * Whether this is the catch-all rule (no comparison, no threshold).
         *
         * @return true for {@link #otherwise(String, Measure)}
         */
        public boolean isCatchAll() {
            return comparison == null;
        }

        /**
         * Whether a value satisfies the rule.
         *
         * @param value the value
         * @return true when it holds (always for the catch-all rule)
         */
        public boolean test(double value) {
            if (comparison == null) {
                return true;
            }
            switch (comparison) {
                case LESS_THAN:
                    return value < threshold;
                case AT_MOST:
                    return value <= threshold;
                case AT_LEAST:
                    return value >= threshold;
                default:
                    return value > threshold;
            }
        }

        /**
         * The rule as text, e.g. {@code CHANGE_FAILURE_RATE <= 0.05}.
         *
         * @return the text
         */
        public String describe() {
            return comparison == null ? "otherwise" : measure + " " + comparison.symbol() + " " + threshold;
        }
    }

    /**
     * A number read off a {@link DoraReport} that a {@link BandRule} compares with its threshold.
     * Durations are in hours (exact for whole hours), rates are fractions in [0, 1].
     */
    public enum Measure {
        /** Successful production deployments per day of the window. */
        DEPLOYMENTS_PER_DAY(DoraMetric.DEPLOYMENT_FREQUENCY),
        /** Median number of days with a successful production deployment per calendar week. */
        MEDIAN_DEPLOYMENT_DAYS_PER_WEEK(DoraMetric.DEPLOYMENT_FREQUENCY),
        /** Median number of days with a successful production deployment per calendar month. */
        MEDIAN_DEPLOYMENT_DAYS_PER_MONTH(DoraMetric.DEPLOYMENT_FREQUENCY),
        /** Median number of days with a successful production deployment per six calendar months. */
        MEDIAN_DEPLOYMENT_DAYS_PER_SIX_MONTHS(DoraMetric.DEPLOYMENT_FREQUENCY),
        /** Median lead time for changes, hours. */
        LEAD_TIME_MEDIAN_HOURS(DoraMetric.LEAD_TIME_FOR_CHANGES),
        /** Change failure rate, a fraction. */
        CHANGE_FAILURE_RATE(DoraMetric.CHANGE_FAILURE_RATE),
        /** Median time to restore, hours. */
        TIME_TO_RESTORE_MEDIAN_HOURS(DoraMetric.TIME_TO_RESTORE),
        /** Mean time to restore (MTTR), hours. */
        TIME_TO_RESTORE_MEAN_HOURS(DoraMetric.TIME_TO_RESTORE),
        /** Median failed-deployment recovery time, hours. */
        RECOVERY_TIME_MEDIAN_HOURS(DoraMetric.FAILED_DEPLOYMENT_RECOVERY_TIME),
        /** Deployment rework rate, a fraction. */
        REWORK_RATE(DoraMetric.REWORK_RATE);

        private static final double MILLIS_PER_HOUR = 3_600_000.0;

        private final DoraMetric metric;

        Measure(DoraMetric metric) {
            this.metric = metric;
        }

        /**
         * The metric this measure belongs to.
         *
         * @return the metric
         */
        public DoraMetric metric() {
            return metric;
        }

        /**
         * Reads the measure off a report.
         *
         * @param report the report
         * @return the value, or empty when the report has no data for it
         * @throws IllegalArgumentException if the report is null
         */
        public OptionalDouble of(DoraReport report) {
            io.github.deliverykit.core.check.Checks.notNull(report, "report");
            switch (this) {
                case DEPLOYMENTS_PER_DAY:
                    return OptionalDouble.of(report.deploymentFrequency().perDay());
                case MEDIAN_DEPLOYMENT_DAYS_PER_WEEK:
                    return OptionalDouble.of(report.deploymentFrequency().medianDeploymentDaysPerWeek());
                case MEDIAN_DEPLOYMENT_DAYS_PER_MONTH:
                    return OptionalDouble.of(report.deploymentFrequency().medianDeploymentDaysPerMonth());
                case MEDIAN_DEPLOYMENT_DAYS_PER_SIX_MONTHS:
                    return OptionalDouble.of(report.deploymentFrequency().medianDeploymentDaysPerSixMonths());
                case LEAD_TIME_MEDIAN_HOURS:
                    return hours(report.leadTime().summary().medianMillis());
                case CHANGE_FAILURE_RATE:
                    return report.changeFailureRate().value();
                case TIME_TO_RESTORE_MEDIAN_HOURS:
                    return hours(report.timeToRestore().summary().medianMillis());
                case TIME_TO_RESTORE_MEAN_HOURS:
                    return hours(report.timeToRestore().summary().meanMillis());
                case RECOVERY_TIME_MEDIAN_HOURS:
                    return hours(report.recoveryTime().summary().medianMillis());
                default:
                    return report.reworkRate().value();
            }
        }

        private static OptionalDouble hours(OptionalDouble millis) {
            return millis.isPresent() ? OptionalDouble.of(millis.getAsDouble() / MILLIS_PER_HOUR) : millis;
        }
    }
}
