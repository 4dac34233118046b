package io.github.deliverykit.flink;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.budget.AlertEvaluator;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.policy.budget.DeployFreeze;
import io.github.deliverykit.policy.budget.DeployFreezeConfig;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * What a streaming burn-rate alert evaluates, in a form Flink ships to its tasks: the SLO target
 * and period, the alert table (by id: {@code workbook}, {@code sloth} or {@code pyrra}), the
 * bucket range, the allowed lateness, and the burn-rate threshold of the derived deploy freeze.
 * The library's engines are built from it on each task.
 *
 * @param targetPercent the SLO target, e.g. {@code 99.9}
 * @param period the SLO period, e.g. 30 days
 * @param table the alert table id
 * @param geometry the bucket range of each service's accumulator
 * @param allowedLateness how long after a bucket ends its events are still counted
 * @param freezeBurnRate the burn rate above which non-critical deploys freeze, e.g. {@code 1.5}
 */
public record AlertSpec(String targetPercent, Duration period, String table, SliGeometry geometry,
        Duration allowedLateness, String freezeBurnRate) implements Serializable {

    /**
     * Validates the spec by building the engines once.
     *
     * @throws IllegalArgumentException if a field is null or invalid
     */
    public AlertSpec {
        Checks.notNull(geometry, "geometry");
        Checks.notNull(allowedLateness, "allowedLateness");
        if (allowedLateness.isNegative()) {
            throw Checks.invalid("allowedLateness", "must not be negative", allowedLateness);
        }
        evaluator(targetPercent, period, table, geometry);
        DeployFreezeConfig.custom().burnRateThreshold(freezeBurnRate).build();
    }

    /**
     * The Workbook table at a target over a period, with the seed's 1.5x freeze threshold.
     *
     * @param targetPercent the target
     * @param period the period
     * @param geometry the bucket range
     * @param allowedLateness the allowed lateness
     * @return the spec
     */
    public static AlertSpec workbook(String targetPercent, Duration period, SliGeometry geometry,
            Duration allowedLateness) {
        return new AlertSpec(targetPercent, period, "workbook", geometry, allowedLateness,
                DeployFreezeConfig.DEFAULT_BURN_RATE_THRESHOLD.toPlainString());
    }

    private static AlertEvaluator evaluator(String targetPercent, Duration period, String table, SliGeometry g) {
        Checks.notNull(table, "table");
        AlertTable t = switch (table) {
            case "workbook" -> AlertTable.workbook(period);
            case "sloth" -> AlertTable.sloth(period);
            case "pyrra" -> AlertTable.pyrra(period);
            default -> throw Checks.invalid("table", "must be workbook, sloth or pyrra", table);
        };
        return AlertEvaluator.of(SloTarget.parse(targetPercent), t, period, g.bucket());
    }

    /**
     * The compiled alert table.
     *
     * @return the evaluator
     */
    public AlertEvaluator evaluator() {
        return evaluator(targetPercent, period, table, geometry);
    }

    /**
     * The event-based SLO of a service over a rolling period.
     *
     * @param service the service
     * @return the SLO
     */
    public Slo slo(String service) {
        return Slo.occurrences(service, targetPercent, Window.rolling(period));
    }

    /**
     * The deploy-freeze engine, with this spec's threshold.
     *
     * @return the engine
     */
    public DeployFreeze freeze() {
        return DeployFreeze.of(DeployFreezeConfig.custom().burnRateThreshold(new BigDecimal(freezeBurnRate)).build());
    }
}
