package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.FailureCount;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.Rules;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One history computed under several DORA definitions, side by side: per definition its figures,
 * and findings that say why they differ (codes {@code <definition>.deployments},
 * {@code <definition>.change-failure-rate}, {@code <definition>.recovery} and
 * {@code definitions.<metric>.differs} or {@code .agrees}, with the counts and the rules used).
 * Immutable.
 *
 * @param window the window, half-open
 * @param figures the figures, one per definition, in the order the definitions were given
 * @param findings ordered findings
 */
public record DefinitionComparison(Interval window, List<Figures> figures, Findings findings) {

    /**
     * Validates and copies the comparison.
     *
     * @throws IllegalArgumentException if a field is null, an element is null or a definition id repeats
     */
    public DefinitionComparison {
        Checks.notNull(window, "window");
        figures = Checks.listOf(figures, "figures");
        Checks.notNull(findings, "findings");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            if (!seen.add(figures.get(i).definition())) {
                throw Checks.invalid("figures[" + i + "].definition", "must be unique", figures.get(i).definition());
            }
        }
    }

    /**
     * The figures of one definition.
     *
     * @param definition the definition id, e.g. {@code devlake}
     * @return its figures, if it was compared
     * @throws IllegalArgumentException if the id is null
     */
    public Optional<Figures> figuresOf(String definition) {
        Checks.notNull(definition, "definition");
        return figures.stream().filter(f -> f.definition().equals(definition)).findFirst();
    }

    /**
     * The figures of the window under one definition.
     *
     * @param definition the definition id
     * @param title its title
     * @param source where it comes from
     * @param rules its rules
     * @param deployments the counted production deployments that finished in the window
     * @param failedExcluded failed or rolled-back production deployments in the window that the
     *     definition does not count as deployments
     * @param mergedDuplicates deployments in the window merged into another one (same version and day)
     * @param deploymentDays calendar days (config zone) with a counted deployment
     * @param perDay counted deployments per day of the window
     * @param changeFailureRate the change failure rate
     * @param recovery the recovery (or restore) time
     * @param leadTime lead time for changes, under the definition's start and median
     */
    public record Figures(
            String definition,
            String title,
            String source,
            Rules rules,
            long deployments,
            long failedExcluded,
            long mergedDuplicates,
            long deploymentDays,
            double perDay,
            FailureRate changeFailureRate,
            Recovery recovery,
            DurationSummary leadTime) {

        /**
         * Validates the figures.
         *
         * @throws IllegalArgumentException if a field is null or blank, a count is negative or the rate is not finite
         */
        public Figures {
            Checks.notBlank(definition, "definition");
            Checks.notBlank(title, "title");
            Checks.notBlank(source, "source");
            Checks.notNull(rules, "rules");
            Checks.nonNegative(deployments, "deployments");
            Checks.nonNegative(failedExcluded, "failedExcluded");
            Checks.nonNegative(mergedDuplicates, "mergedDuplicates");
            Checks.inRange(deploymentDays, 0, deployments, "deploymentDays");
            Checks.nonNegative(Checks.finite(perDay, "perDay"), "perDay");
            Checks.notNull(changeFailureRate, "changeFailureRate");
            Checks.notNull(recovery, "recovery");
            Checks.notNull(leadTime, "leadTime");
        }
    }

    /**
     * A change failure rate as a definition counts it: failures (failed deployments or incidents, see
     * {@link #counted()}) over counted deployments. Counting incidents, the rate can exceed 1.
     *
     * @param failures the counted failures
     * @param deployments the counted deployments (the denominator)
     * @param counted what a failure is
     * @param incidentData whether the history holds any incident (else {@link #value()} is empty:
     *     a rate of 0 cannot be told from unrecorded failures)
     */
    public record FailureRate(long failures, long deployments, FailureCount counted, boolean incidentData) {

        /**
         * Validates the rate.
         *
         * @throws IllegalArgumentException if a count is negative, failed deployments exceed deployments or
         *     the unit is null
         */
        public FailureRate {
            Checks.nonNegative(failures, "failures");
            Checks.nonNegative(deployments, "deployments");
            Checks.notNull(counted, "counted");
            if (counted == FailureCount.FAILED_DEPLOYMENTS && failures > deployments) {
                throw Checks.invalid("failures", "must not exceed the deployments " + deployments
                        + " when failed deployments are counted", failures);
            }
        }

        /**
         * The rate: failures over deployments.
         *
         * @return the rate (above 1 possible when incidents are counted), or empty without deployments or
         *     without incident data
         */
        public OptionalDouble value() {
            return deployments == 0 || !incidentData ? OptionalDouble.empty()
                    : OptionalDouble.of((double) failures / deployments);
        }
    }

    /**
     * A recovery (or restore) time as a definition measures it.
     *
     * @param summary the measured durations (median under the definition's quantiles)
     * @param open recoveries placed in the window that have not ended (open incidents, unrecovered
     *     failed deployments), counted, not measured
     * @param unlinked incidents the definition cannot measure because no counted deployment is attributed
     *     to them (a recovery that starts at the causing deployment)
     * @param negative recoveries that would end before they start (an attributed deployment finished
     *     after the incident was resolved), dropped and counted
     */
    public record Recovery(DurationSummary summary, long open, long unlinked, long negative) {

        /**
         * Validates the figures.
         *
         * @throws IllegalArgumentException if the summary is null or a count is negative
         */
        public Recovery {
            Checks.notNull(summary, "summary");
            Checks.nonNegative(open, "open");
            Checks.nonNegative(unlinked, "unlinked");
            Checks.nonNegative(negative, "negative");
        }
    }
}
