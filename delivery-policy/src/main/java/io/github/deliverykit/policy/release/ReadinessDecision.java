package io.github.deliverykit.policy.release;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.policy.release.Release.SemanticVersion;
import io.github.deliverykit.policy.strategy.DeploymentStrategy;
import io.github.deliverykit.policy.strategy.StrategyInput.ReleaseType;
import io.github.deliverykit.policy.strategy.StrategyRecommendation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The decision of {@link ReleaseReadiness}: the release's type, the recommendation (the verdict),
 * the findings (the exit criteria's findings in order, then the strategy, scope, risk-assessment and
 * delay findings), the conditions of a conditional go, the rollout (the strategy recommendation it
 * consumed or computed, its rollback plan, the monitoring period), the communication plan and, for a
 * NO-GO, the recommended new date. {@link #toText()} renders the seed's release-checker report.
 *
 * @param release the release
 * @param type its type by semantic versioning
 * @param recommendation GO, CONDITIONAL GO or NO-GO
 * @param findings all findings in order
 * @param exitCriteria the exit criteria's findings, in criterion order (a part of {@code findings})
 * @param conditions what must happen before release (for a conditional go), in order
 * @param strategy the deployment-strategy recommendation the release goes out with
 * @param monitoringPeriod how long to watch after deploying
 * @param communicationPlan the T-7, T-1, T-0, T+1 dates
 * @param recommendedDate the date a NO-GO recommends delaying to, or null
 * @param shadowed the exit criteria that ran in shadow (before their effective date), with what they
 *     would have decided, in criterion order
 */
public record ReadinessDecision(
        Release release,
        ReleaseType type,
        Recommendation recommendation,
        Findings findings,
        Findings exitCriteria,
        List<String> conditions,
        StrategyRecommendation strategy,
        Duration monitoringPeriod,
        CommunicationPlan communicationPlan,
        @Nullable LocalDate recommendedDate,
        List<io.github.deliverykit.core.spi.Shadow> shadowed) implements Decided<ReadinessDecision.Recommendation> {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

    /**
     * Validates the decision.
     *
     * @throws IllegalArgumentException if a required field is null
     */
    public ReadinessDecision {
        Checks.notNull(release, "release");
        Checks.notNull(type, "type");
        Checks.notNull(recommendation, "recommendation");
        Checks.notNull(findings, "findings");
        Checks.notNull(exitCriteria, "exitCriteria");
        conditions = Checks.listOf(conditions, "conditions");
        Checks.notNull(strategy, "strategy");
        Checks.positive(monitoringPeriod, "monitoringPeriod");
        Checks.notNull(communicationPlan, "communicationPlan");
        shadowed = Checks.listOf(shadowed, "shadowed");
    }

    /**
     * A decision in which no exit criterion ran in shadow.
     *
     * @param release the release
     * @param type its type
     * @param recommendation the recommendation
     * @param findings all findings
     * @param exitCriteria the exit criteria's findings
     * @param conditions the conditions of a conditional go
     * @param strategy the strategy recommendation
     * @param monitoringPeriod how long to watch
     * @param communicationPlan the communication plan
     * @param recommendedDate the date a NO-GO recommends, or null
     * @throws IllegalArgumentException if a required field is null
     */
    public ReadinessDecision(Release release, ReleaseType type, Recommendation recommendation, Findings findings,
            Findings exitCriteria, List<String> conditions, StrategyRecommendation strategy, Duration monitoringPeriod,
            CommunicationPlan communicationPlan, @Nullable LocalDate recommendedDate) {
        this(release, type, recommendation, findings, exitCriteria, conditions, strategy, monitoringPeriod,
                communicationPlan, recommendedDate, List.of());
    }

    /**
     * The shadow record of an exit criterion, if it ran in shadow.
     *
     * @param criterionId the criterion id
     * @return what it would have decided, empty when it was enforced (or did not run)
     */
    public java.util.Optional<io.github.deliverykit.core.spi.Shadow> shadow(@Nullable String criterionId) {
        for (io.github.deliverykit.core.spi.Shadow s : shadowed) {
            if (s.rule().equals(criterionId)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The recommendation, as the verdict.
     *
     * @return GO, CONDITIONAL GO or NO-GO
     */
    @Override
    public Recommendation verdict() {
        return recommendation;
    }

    /**
     * The deployment strategy the release goes out with.
     *
     * @return the recommended strategy, empty when no strategy is feasible (the release is then NO-GO)
     */
    public Optional<DeploymentStrategy> deploymentStrategy() {
        return strategy.recommended();
    }

    /**
     * The rollback plan of the strategy, in the report's words.
     *
     * @return e.g. {@code Instant switch to blue environment}
     */
    public String rollbackPlan() {
        SemanticVersion previous = release.previousVersion();
        return strategy.recommended().map(s -> s.rollbackPlan(previous == null ? null : "v" + previous))
                .orElse("none (no feasible deployment strategy)");
    }

    /**
     * The seed's release-checker report: version, type, target date, one line per exit criterion,
     * the warnings and failures that explain the recommendation, the recommendation with its
     * conditions and rollout, and the communication plan. INFO findings are left out.
     *
     * @return the text, lines ending in {@code \n}
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Release Readiness: v").append(release.version()).append('\n');
        sb.append("Type: ").append(type.label()).append('\n');
        sb.append("Target Date: ").append(LONG_DATE.format(release.targetDate())).append('\n');
        sb.append("Exit Criteria:\n");
        for (Finding f : exitCriteria) {
            sb.append('[').append(f.level()).append("] ").append(f.message()).append('\n');
        }
        for (Finding f : findings) {
            if (f.level() != Level.INFO && !exitCriteria.list().contains(f)) {
                sb.append('[').append(f.level()).append("] ").append(f.message()).append('\n');
            }
        }
        sb.append("Recommendation: ").append(recommendation.label()).append('\n');
        for (String c : conditions) {
            sb.append("- ").append(c).append('\n');
        }
        if (recommendedDate != null) {
            sb.append("- Recommended new target date: ").append(LONG_DATE.format(recommendedDate)).append('\n');
        }
        String rationale = strategy.rationale();
        sb.append("- Deployment strategy: ").append(strategy.recommended().map(DeploymentStrategy::label)
                        .orElse("none feasible"))
                .append(rationale.isEmpty() ? "" : " (" + rationale + ")").append('\n');
        sb.append("- Rollback plan: ").append(rollbackPlan()).append('\n');
        sb.append("- Monitoring period: ").append(describe(monitoringPeriod)).append(" post-deploy\n");
        sb.append("Communication Plan:\n");
        for (Milestone m : communicationPlan.milestones()) {
            sb.append("- ").append(m.label()).append(" (").append(LONG_DATE.format(m.date())).append("): ")
                    .append(m.activity()).append('\n');
        }
        return sb.toString();
    }

    static String describe(Duration d) {
        if (d.toSecondsPart() == 0 && d.toNanosPart() == 0 && d.toMinutesPart() == 0) {
            long hours = d.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = d.toMinutes();
        if (d.toSecondsPart() == 0 && d.toNanosPart() == 0) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return d.toString();
    }

    /** The go/no-go recommendation for a release, from best to worst. */
    public enum Recommendation {
        /** Every exit criterion passed. */
        GO("GO"),
        /** Only warnings: go, once the listed conditions are met. */
        CONDITIONAL_GO("CONDITIONAL GO"),
        /** At least one criterion failed: assess the risk and delay. */
        NO_GO("NO-GO");

        private final String label;

        Recommendation(String label) {
            this.label = label;
        }

        /**
         * The label used in reports.
         *
         * @return e.g. {@code CONDITIONAL GO}
         */
        public String label() {
            return label;
        }
    }

    /**
     * The seed's communication plan around a target date: T-7 scope finalized, T-1 go/no-go, T-0
     * release notes, T+1 customer notification (calendar days).
     *
     * @param milestones the milestones in date order
     */
    public record CommunicationPlan(List<Milestone> milestones) {

        /**
         * Validates and copies the plan.
         *
         * @throws IllegalArgumentException if the list or an element is null
         */
        public CommunicationPlan {
            milestones = Checks.listOf(milestones, "milestones");
        }

        /**
         * The seed's plan for a target date.
         *
         * @param targetDate T-0, between {@link Release#MIN_TARGET_DATE} and {@link Release#MAX_TARGET_DATE}
         * @return the plan
         * @throws IllegalArgumentException if the date is null or out of range
         */
        public static CommunicationPlan forTarget(LocalDate targetDate) {
            Checks.notNull(targetDate, "targetDate");
            if (targetDate.isBefore(Release.MIN_TARGET_DATE) || targetDate.isAfter(Release.MAX_TARGET_DATE)) {
                throw Checks.invalid("targetDate", "must lie between " + Release.MIN_TARGET_DATE + " and "
                        + Release.MAX_TARGET_DATE, targetDate);
            }
            return new CommunicationPlan(List.of(
                    new Milestone("T-7", -7, targetDate.minusDays(7), "scope finalized"),
                    new Milestone("T-1", -1, targetDate.minusDays(1), "go/no-go"),
                    new Milestone("T-0", 0, targetDate, "release notes"),
                    new Milestone("T+1", 1, targetDate.plusDays(1), "customer notification")));
        }

        /**
         * The milestone with a label.
         *
         * @param label e.g. {@code T-1}
         * @return the milestone
         * @throws IllegalArgumentException if there is none
         */
        public Milestone get(String label) {
            for (Milestone m : milestones) {
                if (m.label().equals(label)) {
                    return m;
                }
            }
            throw Checks.invalid("label", "must be one of the plan's labels", label);
        }
    }

    /**
     * One date of the communication plan, e.g. {@code T-1} go/no-go.
     *
     * @param label the label relative to the target date, e.g. {@code T-7}
     * @param offsetDays days from the target date (negative before)
     * @param date the calendar date
     * @param activity what happens, e.g. {@code go/no-go}
     */
    public record Milestone(String label, int offsetDays, LocalDate date, String activity) {

        /**
         * Validates the milestone.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public Milestone {
            Checks.notBlank(label, "label");
            Checks.notNull(date, "date");
            Checks.notBlank(activity, "activity");
        }
    }
}
