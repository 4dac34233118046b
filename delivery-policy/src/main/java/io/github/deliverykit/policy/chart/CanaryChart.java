package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The canary against its baseline, per gated metric and evaluated stage, with the gate.
 *
 * @param bars one entry per evaluation and metric, in evaluation order then metric order
 */
public record CanaryChart(List<Bar> bars) {

    /**
     * Validates the chart.
     *
     * @throws IllegalArgumentException if the list or an element is null
     */
    public CanaryChart {
        bars = Checks.listOf(bars, "bars");
    }

    /**
     * One metric of one stage evaluation.
     *
     * @param stage the stage number, from 1
     * @param weightPercent the canary's traffic share in the stage, percent
     * @param at when the stage was evaluated
     * @param metric the gated metric, e.g. {@code error-rate} or {@code latency}
     * @param baseline the baseline's figure, or null without baseline data
     * @param canary the canary's figure, or null without canary data
     * @param gate the gate: the canary's figure must stay below it
     * @param outcome the threshold judge's outcome for the metric, or null when it did not report it
     * @param verdict the stage verdict
     */
    public record Bar(int stage, double weightPercent, Instant at, String metric, @Nullable Quantity baseline,
            @Nullable Quantity canary, Quantity gate, @Nullable Outcome outcome, StageVerdict verdict) {

        /**
         * Validates the bar.
         *
         * @throws IllegalArgumentException if a required field is null, the stage below 1 or the
         *     weight outside [0, 100]
         */
        public Bar {
            Checks.inRange(stage, 1, Integer.MAX_VALUE, "stage");
            Checks.inRange(weightPercent, 0, 100, "weightPercent");
            Checks.notNull(at, "at");
            Checks.notBlank(metric, "metric");
            Checks.notNull(gate, "gate");
            Checks.notNull(verdict, "verdict");
        }
    }
}
