package io.github.deliverykit.policy.chart;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The burn rate over each alert rule's windows against the rule's threshold, and the deploy-freeze
 * line.
 *
 * @param service the service
 * @param at the end of every window
 * @param periodBurnRate the burn rate over the observed part of the budget period
 * @param freezeLine the burn rate above which non-critical deploys freeze (the seed's 1.5x)
 * @param windows one entry per alert rule, in table order
 */
public record BurnRateChart(String service, Instant at, Quantity periodBurnRate, Quantity freezeLine,
        List<Window> windows) {

    /**
     * Validates the chart.
     *
     * @throws IllegalArgumentException if a field is null or blank
     */
    public BurnRateChart {
        Checks.notBlank(service, "service");
        Checks.notNull(at, "at");
        Checks.notNull(periodBurnRate, "periodBurnRate");
        Checks.notNull(freezeLine, "freezeLine");
        windows = Checks.listOf(windows, "windows");
    }

    /**
     * One multiwindow rule at {@code at}.
     *
     * @param rule the rule name
     * @param severity page or ticket
     * @param longWindow the long window
     * @param shortWindow the short window
     * @param longBurnRate the burn rate over the long window
     * @param shortBurnRate the burn rate over the short window
     * @param threshold the rule's burn-rate factor
     * @param firing whether both burn rates exceed the threshold
     */
    public record Window(String rule, AlertSeverity severity, Duration longWindow, Duration shortWindow,
            Quantity longBurnRate, Quantity shortBurnRate, Quantity threshold, boolean firing) {

        /**
         * Validates the entry.
         *
         * @throws IllegalArgumentException if a field is null or a window not positive
         */
        public Window {
            Checks.notBlank(rule, "rule");
            Checks.notNull(severity, "severity");
            Checks.positive(longWindow, "longWindow");
            Checks.positive(shortWindow, "shortWindow");
            Checks.notNull(longBurnRate, "longBurnRate");
            Checks.notNull(shortBurnRate, "shortBurnRate");
            Checks.notNull(threshold, "threshold");
        }
    }
}
