package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Findings;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A report classified against one band table: each metric's band and the whole, with findings.
 *
 * @param bands the band table id
 * @param metrics the per-metric assessments, in metric order
 * @param overall the worst band among classified metrics, or empty when none had data
 * @param partial whether some metric had no data and was left out of the overall band
 * @param findings ordered findings with stable codes
 */
public record DoraAssessment(
        String bands,
        Map<DoraMetric, MetricAssessment> metrics,
        Optional<String> overall,
        boolean partial,
        Findings findings) {

    /**
     * Validates and copies the assessment.
     *
     * @throws IllegalArgumentException if a field is null, a metric key or assessment is null, or
     *     an assessment is filed under another metric
     */
    public DoraAssessment {
        Checks.notBlank(bands, "bands");
        Checks.notNull(metrics, "metrics");
        Checks.notNull(overall, "overall");
        Checks.notNull(findings, "findings");
        Map<DoraMetric, MetricAssessment> copy = new EnumMap<>(DoraMetric.class);
        for (Map.Entry<DoraMetric, MetricAssessment> e : metrics.entrySet()) {
            if (e.getKey() == null) {
                throw Checks.invalid("metrics", "must not hold a null metric", metrics);
            }
            if (e.getValue() == null) {
                throw Checks.invalid("metrics[" + e.getKey() + "]", "must not be null", null);
            }
            if (e.getValue().metric() != e.getKey()) {
                throw Checks.invalid("metrics[" + e.getKey() + "].metric", "must be " + e.getKey(), e.getValue().metric());
            }
            copy.put(e.getKey(), e.getValue());
        }
        metrics = Collections.unmodifiableMap(copy);
    }

    /**
     * The band of one metric.
     *
     * @param metric the metric
     * @return its band, if the table classifies it and it had data
     * @throws IllegalArgumentException if the metric is null
     */
    public Optional<String> bandOf(DoraMetric metric) {
        Checks.notNull(metric, "metric");
        MetricAssessment a = metrics.get(metric);
        return a == null ? Optional.empty() : a.band();
    }

    /** The delivery-performance metrics this package computes and band tables classify. */
    public enum DoraMetric {
        /** How often successful production deployments happen. */
        DEPLOYMENT_FREQUENCY("deployment-frequency"),
        /** Commit to the successful production deployment that first contains it. */
        LEAD_TIME_FOR_CHANGES("lead-time"),
        /** Failed production deployments over all finished production deployments. */
        CHANGE_FAILURE_RATE("change-failure-rate"),
        /** Production incident impact start to impact end. */
        TIME_TO_RESTORE("time-to-restore"),
        /** A failed production deployment to the next successful one of the same service and environment. */
        FAILED_DEPLOYMENT_RECOVERY_TIME("recovery-time"),
        /** Unplanned production deployments made to fix a production problem over all (DORA 2024). */
        REWORK_RATE("rework-rate");

        private final String code;

        DoraMetric(String code) {
            this.code = code;
        }

        /**
         * The stable code used in finding codes, e.g. {@code lead-time}.
         *
         * @return the code
         */
        public String code() {
            return code;
        }
    }

    /**
     * The band of one metric.
     *
     * @param metric the metric
     * @param band the band id, or empty when the metric had no data
     * @param rank the band's position in the table (0 is best), or -1 without data
     * @param value the measured value the deciding rule compared, or empty without data
     * @param rule the deciding rule as text
     */
    public record MetricAssessment(DoraMetric metric, Optional<String> band, int rank, OptionalDouble value, String rule) {

        /**
         * Validates the assessment.
         *
         * @throws IllegalArgumentException if a field is null or rank and band disagree
         */
        public MetricAssessment {
            Checks.notNull(metric, "metric");
            Checks.notNull(band, "band");
            Checks.notNull(value, "value");
            Checks.notNull(rule, "rule");
            if (band.isPresent() != (rank >= 0) || rank < -1) {
                throw Checks.invalid("rank", "must be -1 exactly when there is no band", rank);
            }
        }
    }

    /**
     * Four Keys' deployment-frequency bucket, computed over the calendar weeks of the window exactly as
     * its dashboard query does: DAILY when the median number of deployment days per week is at least
     * 3, WEEKLY when the median of "the week had a deployment" (0 or 1) is at least 1, MONTHLY when the
     * median, over the weeks, of the number of weeks with a deployment in the week's month is at least
     * 1, YEARLY otherwise. Medians interpolate (BigQuery {@code PERCENTILE_CONT}).
     */
    public enum FourKeysBucket {
        /** Deploys on most days of most weeks. */
        DAILY,
        /** Deploys in most weeks. */
        WEEKLY,
        /** Deploys in most months. */
        MONTHLY,
        /** Less often. */
        YEARLY
    }
}
