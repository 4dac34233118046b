package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import java.util.OptionalDouble;
import io.github.deliverykit.metrics.dora.DoraConfig.LeadTimeStart;
import io.github.deliverykit.metrics.dora.DoraAssessment.FourKeysBucket;
import io.github.deliverykit.metrics.dora.DoraDataset.Slice;
import io.github.deliverykit.metrics.dora.DoraDataset.DoraCounts;

/**
 * The DORA figures of one slice over one window. Every figure carries its sample size; a figure
 * with no data is empty, never 0.
 *
 * @param window the window, half-open
 * @param slice the slice
 * @param deploymentFrequency deployment frequency
 * @param leadTime lead time for changes
 * @param changeFailureRate change failure rate
 * @param timeToRestore time to restore service
 * @param recoveryTime failed-deployment recovery time
 * @param reworkRate deployment rework rate: rework deployments over finished production deployments
 * @param counts the additive counts
 */
public record DoraReport(
        Interval window,
        Slice slice,
        DeploymentFrequency deploymentFrequency,
        LeadTime leadTime,
        ChangeFailureRate changeFailureRate,
        TimeToRestore timeToRestore,
        RecoveryTime recoveryTime,
        Rate reworkRate,
        DoraCounts counts) {

    /**
     * Validates the report.
     *
     * @throws IllegalArgumentException if a part is null
     */
    public DoraReport {
        Checks.notNull(window, "window");
        Checks.notNull(slice, "slice");
        Checks.notNull(deploymentFrequency, "deploymentFrequency");
        Checks.notNull(leadTime, "leadTime");
        Checks.notNull(changeFailureRate, "changeFailureRate");
        Checks.notNull(timeToRestore, "timeToRestore");
        Checks.notNull(recoveryTime, "recoveryTime");
        Checks.notNull(reworkRate, "reworkRate");
        Checks.notNull(counts, "counts");
    }

    /**
     * The maturity evidence of this report: one core {@link Measurement} per DORA figure that has
     * data, under its {@link MetricKeys} key and in that key's unit, in this order:
     * {@code dora.deployment_frequency.per_day} and {@code deploy.frequency.per_week} (when the
     * window is not empty; zero deployments is a measured 0), {@code dora.lead_time.median},
     * {@code dora.change_failure_rate}, {@code dora.time_to_restore.median},
     * {@code dora.time_to_restore.mean}, {@code dora.recovery_time.median} and
     * {@code dora.rework_rate}. Durations are in seconds, rates are ratios. A figure without data
     * (no lead times, no deployments, no restored incident) gives no measurement.
     *
     * @return the measurements, immutable
     */
    public List<Measurement> measurements() {
        List<Measurement> out = new ArrayList<>();
        if (deploymentFrequency.windowDays() > 0) {
            out.add(new Measurement(MetricKeys.DORA_DEPLOYMENT_FREQUENCY_PER_DAY,
                    BigDecimal.valueOf(deploymentFrequency.perDay()), Unit.PER_DAY));
            out.add(new Measurement(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK,
                    BigDecimal.valueOf(deploymentFrequency.perWeek()), Unit.PER_WEEK));
        }
        seconds(out, MetricKeys.DORA_LEAD_TIME_MEDIAN, leadTime.summary().medianMillis());
        ratio(out, MetricKeys.DORA_CHANGE_FAILURE_RATE, changeFailureRate.value());
        seconds(out, MetricKeys.DORA_TIME_TO_RESTORE_MEDIAN, timeToRestore.summary().medianMillis());
        seconds(out, MetricKeys.DORA_TIME_TO_RESTORE_MEAN, timeToRestore.summary().meanMillis());
        seconds(out, MetricKeys.DORA_RECOVERY_TIME_MEDIAN, recoveryTime.summary().medianMillis());
        ratio(out, MetricKeys.DORA_REWORK_RATE, reworkRate.value());
        return Collections.unmodifiableList(out);
    }

    /**
     * The measurement of one key.
     *
     * @param key the metric key
     * @return the measurement, empty when the report has no data for it or does not measure it
     */
    public Optional<Measurement> measurement(String key) {
        return measurements().stream().filter(m -> m.key().equals(key)).findFirst();
    }

    private static void seconds(List<Measurement> out, String key, OptionalDouble millis) {
        if (millis.isPresent()) {
            out.add(new Measurement(key, BigDecimal.valueOf(millis.getAsDouble()).movePointLeft(3), Unit.SECONDS));
        }
    }

    private static void ratio(List<Measurement> out, String key, OptionalDouble value) {
        if (value.isPresent()) {
            out.add(new Measurement(key, BigDecimal.valueOf(value.getAsDouble()), Unit.RATIO));
        }
    }

    /**
     * Change failure rate: failed production deployments over finished production deployments in
     * the window, counted per deployment (a deployment with three incidents is one failure). A
     * deployment failed when its outcome is a failure or an incident is attributed to it.
     *
     * <p>Without incident data (the dataset was given no incident at all) a rate of 0 cannot be told
     * from a history whose failures were never recorded, so the rate then has no value ("no data",
     * never 0.00 % graded elite); the counts stay available.
     *
     * @param deployments finished production deployments (the sample size)
     * @param failed of those, the failed ones
     * @param failedByOutcome failed by their own outcome (FAILED, ROLLED_BACK)
     * @param failedByIncidentOnly successful by outcome, failed because an incident is attributed to them
     * @param incidentData whether the dataset holds any incident (else {@link #value()} is empty)
     */
    public record ChangeFailureRate(long deployments, long failed, long failedByOutcome, long failedByIncidentOnly,
            boolean incidentData) {

        /**
         * Validates the counts.
         *
         * @throws IllegalArgumentException if a count is negative or they do not add up
         */
        public ChangeFailureRate {
            Checks.nonNegative(deployments, "deployments");
            Checks.inRange(failed, 0, deployments, "failed");
            Checks.nonNegative(failedByOutcome, "failedByOutcome");
            Checks.nonNegative(failedByIncidentOnly, "failedByIncidentOnly");
            if (failedByOutcome + failedByIncidentOnly != failed) {
                throw Checks.invalid("failed", "must equal failedByOutcome + failedByIncidentOnly ("
                        + failedByOutcome + " + " + failedByIncidentOnly + ")", failed);
            }
        }

        /**
         * Counts with incident data.
         *
         * @param deployments finished production deployments
         * @param failed of those, the failed ones
         * @param failedByOutcome failed by their own outcome
         * @param failedByIncidentOnly failed because an incident is attributed to them
         * @throws IllegalArgumentException if a count is negative or they do not add up
         */
        public ChangeFailureRate(long deployments, long failed, long failedByOutcome, long failedByIncidentOnly) {
            this(deployments, failed, failedByOutcome, failedByIncidentOnly, true);
        }

        /**
         * The rate in [0, 1].
         *
         * @return the rate, or empty when there were no deployments or no incident data
         */
        public OptionalDouble value() {
            return incidentData ? new Rate(failed, deployments).value() : OptionalDouble.empty();
        }
    }

    /**
     * Deployment frequency over a window: successful production deployments per day and per week of
     * the window's length, deployment days (calendar days, in the configured zone, with at least one),
     * the medians of deployment days per calendar week, month and six months (the periods the window
     * touches, partial ones included), and Four Keys' bucket.
     *
     * @param deployments successful production deployments that finished in the window
     * @param windowDays the window's length in days (fractional)
     * @param perDay deployments per day
     * @param perWeek deployments per week
     * @param calendarDays calendar days the window touches
     * @param deploymentDays of those, the days with a deployment
     * @param medianDeploymentDaysPerWeek the median over calendar weeks
     * @param medianDeploymentDaysPerMonth the median over calendar months
     * @param medianDeploymentDaysPerSixMonths the median over consecutive six-month blocks from the
     *     window's first month
     * @param fourKeysBucket the Four Keys bucket
     */
    public record DeploymentFrequency(
            long deployments,
            double windowDays,
            double perDay,
            double perWeek,
            long calendarDays,
            long deploymentDays,
            double medianDeploymentDaysPerWeek,
            double medianDeploymentDaysPerMonth,
            double medianDeploymentDaysPerSixMonths,
            FourKeysBucket fourKeysBucket) {

        /**
         * Validates the figures.
         *
         * @throws IllegalArgumentException if a figure is negative or not finite, or the bucket is null
         */
        public DeploymentFrequency {
            Checks.nonNegative(deployments, "deployments");
            Checks.nonNegative(windowDays, "windowDays");
            Checks.nonNegative(perDay, "perDay");
            Checks.nonNegative(perWeek, "perWeek");
            Checks.nonNegative(calendarDays, "calendarDays");
            Checks.inRange(deploymentDays, 0, calendarDays, "deploymentDays");
            Checks.nonNegative(medianDeploymentDaysPerWeek, "medianDeploymentDaysPerWeek");
            Checks.nonNegative(medianDeploymentDaysPerMonth, "medianDeploymentDaysPerMonth");
            Checks.nonNegative(medianDeploymentDaysPerSixMonths, "medianDeploymentDaysPerSixMonths");
            Checks.notNull(fourKeysBucket, "fourKeysBucket");
        }
    }

    /**
     * Lead time for changes: for every change shipped by a successful production deployment that
     * finished in the window, the time from the change (its authored or committed instant, see
     * {@link LeadTimeStart}) to that deployment's finish. A change is measured once per service and
     * environment, at the first successful deployment containing it.
     *
     * @param summary median, p90, p95 and mean of the positive lead times, with their count
     * @param nonPositiveDropped lead times of zero or less (clock skew, automated pushes), dropped and counted
     * @param unknownCommits listed shas with no {@link io.github.deliverykit.core.event.Commit} to time them
     * @param deployments the successful production deployments in the window
     * @param deploymentsWithoutChanges of those, the ones with no change to measure (nothing listed,
     *     no history, or a first deployment with no previous one to bound its range)
     */
    public record LeadTime(
            DurationSummary summary,
            long nonPositiveDropped,
            long unknownCommits,
            long deployments,
            long deploymentsWithoutChanges) {

        /**
         * Validates the figures.
         *
         * @throws IllegalArgumentException if a count is negative or the summary is null
         */
        public LeadTime {
            Checks.notNull(summary, "summary");
            Checks.nonNegative(nonPositiveDropped, "nonPositiveDropped");
            Checks.nonNegative(unknownCommits, "unknownCommits");
            Checks.nonNegative(deployments, "deployments");
            Checks.inRange(deploymentsWithoutChanges, 0, deployments, "deploymentsWithoutChanges");
        }
    }

    /**
     * Time to restore service: for production incidents that started in the window, impact start to
     * impact end (mitigation, else resolution). Incidents still open are counted, not measured.
     *
     * @param summary median, p90, p95 and mean of the restored ones, with their count
     * @param incidents incidents that started in the window
     * @param open of those, the ones whose impact has not ended
     */
    public record TimeToRestore(DurationSummary summary, long incidents, long open) {

        /**
         * Validates the figures.
         *
         * @throws IllegalArgumentException if the counts do not add up
         */
        public TimeToRestore {
            Checks.notNull(summary, "summary");
            Checks.nonNegative(incidents, "incidents");
            Checks.inRange(open, 0, incidents, "open");
            if (summary.sampleSize() + open != incidents) {
                throw Checks.invalid("incidents", "must equal restored + open (" + summary.sampleSize()
                        + " + " + open + ")", incidents);
            }
        }
    }

    /**
     * Failed-deployment recovery time (DORA 2023 onwards): for failed production deployments that
     * finished in the window, the time to the finish of the next successful deployment of the same
     * service and environment. Failures not yet followed by a success are counted, not measured.
     *
     * @param summary median, p90, p95 and mean of the recovered ones, with their count
     * @param failedDeployments failed deployments in the window
     * @param unrecovered of those, the ones with no later successful deployment
     */
    public record RecoveryTime(DurationSummary summary, long failedDeployments, long unrecovered) {

        /**
         * Validates the figures.
         *
         * @throws IllegalArgumentException if the counts do not add up
         */
        public RecoveryTime {
            Checks.notNull(summary, "summary");
            Checks.nonNegative(failedDeployments, "failedDeployments");
            Checks.inRange(unrecovered, 0, failedDeployments, "unrecovered");
            if (summary.sampleSize() + unrecovered != failedDeployments) {
                throw Checks.invalid("failedDeployments", "must equal recovered + unrecovered ("
                        + summary.sampleSize() + " + " + unrecovered + ")", failedDeployments);
            }
        }
    }
}
