package io.github.deliverykit.policy.canary;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The decision of {@link CanaryAnalysis} on one stage evaluation: the verdict, the ordered findings
 * with every number used, the judges' per-metric results, the error-budget gate's numbers when it
 * ran, what breached on a rollback, and the state the rollout moves to.
 *
 * @param at the evaluation time
 * @param stageIndex the evaluated stage
 * @param weightPercent the traffic share of the stage, in percent
 * @param verdict the verdict
 * @param findings the findings (stage, judges, budget, limits, then the verdict's reasons)
 * @param judgements the judgements, in judge order
 * @param budget the error-budget gate's numbers, or null when no budget was given or no gate configured
 * @param breaches what made the verdict ROLLBACK ({@code judge/metric} keys, {@code budget}), empty otherwise
 * @param next the state after applying the verdict
 */
public record CanaryDecision(Instant at, int stageIndex, double weightPercent, StageVerdict verdict, Findings findings,
        List<Judgement> judgements, @Nullable BudgetGate budget, List<String> breaches, Rollout.State next)
        implements Decided<CanaryDecision.StageVerdict> {

    /**
     * Validates the decision.
     *
     * @throws IllegalArgumentException if a required field is null or a number out of range
     */
    public CanaryDecision {
        Checks.notNull(at, "at");
        Checks.nonNegative(stageIndex, "stageIndex");
        Checks.inRange(weightPercent, 0, 100, "weightPercent");
        Checks.notNull(verdict, "verdict");
        Checks.notNull(findings, "findings");
        judgements = Checks.listOf(judgements, "judgements");
        breaches = Checks.listOf(breaches, "breaches");
        Checks.notNull(next, "next");
    }

    /**
     * The error-budget gate's numbers, when it ran.
     *
     * @return the gate, or empty
     */
    public Optional<BudgetGate> budgetGate() {
        return Optional.ofNullable(budget);
    }

    /**
     * One judge's result for one metric.
     *
     * @param judge the judge id, e.g. {@code threshold}
     * @param name the metric name, e.g. {@code error-rate}
     * @return the result, or empty when that judge did not report that metric
     */
    public Optional<MetricResult> metric(String judge, String name) {
        for (Judgement j : judgements) {
            if (j.judge().equals(judge)) {
                for (MetricResult m : j.metrics()) {
                    if (m.name().equals(name)) {
                        return Optional.of(m);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Plain text of the decision, e.g. for a chat-ops message.
     *
     * @return the rendered text
     */
    public String toText() {
        return toDecision().toText("Canary stage " + (stageIndex + 1) + " at " + at);
    }

    /**
     * The numbers of the error-budget gate: how much of the remaining error budget the rest of the
     * rollout would burn at the canary's observed error rate and its traffic shares, against the
     * allowance {@link CanaryAnalysisConfig#maxBudgetBurn()}.
     *
     * @param errorRate the canary error rate used, in [0, 1]
     * @param exposureSeconds the traffic-weighted seconds still to run: the sum over the rest of the plan of
     *     stage share times its remaining bake time
     * @param projectedBurn the projected burn as a share of the whole budget of the period
     * @param remainingShare the share of the budget still left (remaining / allowed), at most 1
     * @param maxBudgetBurn the allowed share of the remaining budget
     * @param breached whether the projected burn exceeds the allowance (always when the budget is exhausted)
     */
    public record BudgetGate(double errorRate, double exposureSeconds, double projectedBurn, double remainingShare,
            double maxBudgetBurn, boolean breached) {

        /**
         * Validates the numbers.
         *
         * @throws IllegalArgumentException if a number is NaN or out of range
         */
        public BudgetGate {
            Checks.inRange(errorRate, 0, 1, "errorRate");
            Checks.nonNegative(exposureSeconds, "exposureSeconds");
            Checks.nonNegative(projectedBurn, "projectedBurn");
            Checks.finite(remainingShare, "remainingShare");
            Checks.inRange(maxBudgetBurn, 0, 1, "maxBudgetBurn");
        }

        /**
         * The projected burn as a share of the remaining budget.
         *
         * @return projectedBurn / remainingShare, or 1 when nothing remains
         */
        public double burnOfRemaining() {
            return remainingShare <= 0 ? 1 : projectedBurn / remainingShare;
        }
    }

    /** What a rollout should do after one stage evaluation. */
    public enum StageVerdict {
        /** Move to the next stage now. */
        ADVANCE,
        /** Stay: bake time not elapsed, not enough evidence, or a measurement not yet conclusive. */
        HOLD,
        /** Wait for a person: a manual gate, or too many inconclusive results. */
        PAUSE,
        /** Undo the rollout now. */
        ROLLBACK,
        /** The last stage passed: the new version is the stable one. */
        PROMOTE
    }

    /**
     * What one {@link CanaryJudge} concluded in one evaluation: its measurements (which decide) and its
     * findings (which explain, with every number used).
     *
     * @param judge the judge id
     * @param metrics the per-metric results, in a stable order
     * @param findings the findings, in a stable order
     */
    public record Judgement(String judge, List<MetricResult> metrics, Findings findings) {

        /**
         * Validates the judgement.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public Judgement {
            Checks.notBlank(judge, "judge");
            metrics = Checks.listOf(metrics, "metrics");
            Checks.notNull(findings, "findings");
        }
    }
}
