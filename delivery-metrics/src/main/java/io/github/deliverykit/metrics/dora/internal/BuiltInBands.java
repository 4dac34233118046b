package io.github.deliverykit.metrics.dora.internal;

import static io.github.deliverykit.core.metric.Comparison.AT_LEAST;
import static io.github.deliverykit.core.metric.Comparison.AT_MOST;
import static io.github.deliverykit.core.metric.Comparison.GREATER_THAN;
import static io.github.deliverykit.core.metric.Comparison.LESS_THAN;

import java.util.List;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.BandTable;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.BandRule;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.Measure;
import io.github.deliverykit.core.metric.Comparison;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands;

/**
 * The built-in band tables. Durations in hours, rates as fractions. Boundaries follow DevLake's DORA
 * dashboards: a duration band is "less than" its upper bound (exactly 1 h is not elite), a change
 * failure rate band is "at most" its bound (exactly 5 % is elite), a deployment-days band is "at
 * least" its bound.
 */
public final class BuiltInBands {

    static final List<String> DORA = List.of("elite", "high", "medium", "low");
    static final double DAY = 24;
    static final double WEEK = 7 * DAY;
    static final double MONTH = 30 * DAY;
    static final double SIX_MONTHS = 180 * DAY;

    private BuiltInBands() {}

    private static BandRule rule(String band, Measure m, Comparison c, double t) {
        return new BandRule(band, m, c, t);
    }

    /** DORA 2021 (Accelerate State of DevOps 2021) as DevLake's dashboards compute it. */
    static final BandTable DORA_2021 = new BandTable("dora-2021", "DORA 2021",
            "Accelerate State of DevOps 2021; thresholds as in Apache DevLake's DORA dashboard", DORA, List.of(
            rule("elite", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_WEEK, AT_LEAST, 7),
            rule("high", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_MONTH, AT_LEAST, 1),
            rule("medium", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_SIX_MONTHS, AT_LEAST, 1),
            BandRule.otherwise("low", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_SIX_MONTHS),
            rule("elite", Measure.LEAD_TIME_MEDIAN_HOURS, LESS_THAN, 1),
            rule("high", Measure.LEAD_TIME_MEDIAN_HOURS, LESS_THAN, WEEK),
            rule("medium", Measure.LEAD_TIME_MEDIAN_HOURS, LESS_THAN, SIX_MONTHS),
            BandRule.otherwise("low", Measure.LEAD_TIME_MEDIAN_HOURS),
            rule("elite", Measure.CHANGE_FAILURE_RATE, AT_MOST, 0.15),
            rule("high", Measure.CHANGE_FAILURE_RATE, AT_MOST, 0.20),
            rule("medium", Measure.CHANGE_FAILURE_RATE, AT_MOST, 0.30),
            BandRule.otherwise("low", Measure.CHANGE_FAILURE_RATE),
            rule("elite", Measure.TIME_TO_RESTORE_MEDIAN_HOURS, LESS_THAN, 1),
            rule("high", Measure.TIME_TO_RESTORE_MEDIAN_HOURS, LESS_THAN, DAY),
            rule("medium", Measure.TIME_TO_RESTORE_MEDIAN_HOURS, LESS_THAN, WEEK),
            BandRule.otherwise("low", Measure.TIME_TO_RESTORE_MEDIAN_HOURS)));

    /** DORA 2023 (Accelerate State of DevOps 2023) as DevLake's dashboards compute it. */
    static final BandTable DORA_2023 = new BandTable("dora-2023", "DORA 2023",
            "Accelerate State of DevOps 2023; thresholds as in Apache DevLake's DORA dashboard", DORA, List.of(
            rule("elite", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_WEEK, AT_LEAST, 7),
            rule("high", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_WEEK, AT_LEAST, 1),
            rule("medium", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_MONTH, AT_LEAST, 1),
            BandRule.otherwise("low", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_MONTH),
            rule("elite", Measure.LEAD_TIME_MEDIAN_HOURS, LESS_THAN, DAY),
            rule("high", Measure.LEAD_TIME_MEDIAN_HOURS, LESS_THAN, WEEK),
            rule("medium", Measure.LEAD_TIME_MEDIAN_HOURS, LESS_THAN, MONTH),
            BandRule.otherwise("low", Measure.LEAD_TIME_MEDIAN_HOURS),
            rule("elite", Measure.CHANGE_FAILURE_RATE, AT_MOST, 0.05),
            rule("high", Measure.CHANGE_FAILURE_RATE, AT_MOST, 0.10),
            rule("medium", Measure.CHANGE_FAILURE_RATE, AT_MOST, 0.15),
            BandRule.otherwise("low", Measure.CHANGE_FAILURE_RATE),
            rule("elite", Measure.TIME_TO_RESTORE_MEDIAN_HOURS, LESS_THAN, 1),
            rule("high", Measure.TIME_TO_RESTORE_MEDIAN_HOURS, LESS_THAN, DAY),
            rule("medium", Measure.TIME_TO_RESTORE_MEDIAN_HOURS, LESS_THAN, WEEK),
            BandRule.otherwise("low", Measure.TIME_TO_RESTORE_MEDIAN_HOURS)));

    /**
     * DORA 2024 (Accelerate State of DevOps 2024). The report gives clusters, not thresholds; its
     * medium cluster has a lower typical change failure rate (10 %) than its high cluster (20 %),
     * so a rate alone cannot tell them apart: up to 5 % is elite, up to 20 % high, above that low,
     * and no rate maps to medium. Recovery is the failed-deployment recovery time; high and medium
     * both recover within a day, low within one week to one month, so one day to one week is medium.
     */
    static final BandTable DORA_2024 = new BandTable("dora-2024", "DORA 2024",
            "Accelerate State of DevOps 2024 performance clusters, mapped to thresholds", DORA, List.of(
            rule("elite", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_WEEK, AT_LEAST, 7),
            rule("high", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_WEEK, AT_LEAST, 1),
            rule("medium", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_MONTH, AT_LEAST, 1),
            BandRule.otherwise("low", Measure.MEDIAN_DEPLOYMENT_DAYS_PER_MONTH),
            rule("elite", Measure.LEAD_TIME_MEDIAN_HOURS, LESS_THAN, DAY),
            rule("high", Measure.LEAD_TIME_MEDIAN_HOURS, LESS_THAN, WEEK),
            rule("medium", Measure.LEAD_TIME_MEDIAN_HOURS, LESS_THAN, MONTH),
            BandRule.otherwise("low", Measure.LEAD_TIME_MEDIAN_HOURS),
            rule("elite", Measure.CHANGE_FAILURE_RATE, AT_MOST, 0.05),
            rule("high", Measure.CHANGE_FAILURE_RATE, AT_MOST, 0.20),
            BandRule.otherwise("low", Measure.CHANGE_FAILURE_RATE),
            rule("elite", Measure.RECOVERY_TIME_MEDIAN_HOURS, LESS_THAN, 1),
            rule("high", Measure.RECOVERY_TIME_MEDIAN_HOURS, LESS_THAN, DAY),
            rule("medium", Measure.RECOVERY_TIME_MEDIAN_HOURS, LESS_THAN, WEEK),
            BandRule.otherwise("low", Measure.RECOVERY_TIME_MEDIAN_HOURS)));

    /**
     * The seed's elite targets: multiple deploys per day (more than one per day on average), lead
     * time under 1 h (median), change failure rate under 5 % (strictly), mean time to recovery
     * under 1 h (the mean of time to restore). Two bands: elite and below-elite.
     */
    static final BandTable SEED_ELITE = new BandTable("seed-elite", "Delivery Manager elite targets",
            "seed 003 'DORA Metrics' elite targets", List.of("elite", "below-elite"), List.of(
            rule("elite", Measure.DEPLOYMENTS_PER_DAY, GREATER_THAN, 1),
            BandRule.otherwise("below-elite", Measure.DEPLOYMENTS_PER_DAY),
            rule("elite", Measure.LEAD_TIME_MEDIAN_HOURS, LESS_THAN, 1),
            BandRule.otherwise("below-elite", Measure.LEAD_TIME_MEDIAN_HOURS),
            rule("elite", Measure.CHANGE_FAILURE_RATE, LESS_THAN, 0.05),
            BandRule.otherwise("below-elite", Measure.CHANGE_FAILURE_RATE),
            rule("elite", Measure.TIME_TO_RESTORE_MEAN_HOURS, LESS_THAN, 1),
            BandRule.otherwise("below-elite", Measure.TIME_TO_RESTORE_MEAN_HOURS)));

    /** A built-in provider: its id is its table's id. */
    private abstract static class BuiltIn implements PerformanceBands {
        private final BandTable table;

        BuiltIn(BandTable table) {
            this.table = table;
        }

        @Override
        public final String id() {
            return table.id();
        }

        @Override
        public final BandTable table() {
            return table;
        }
    }

    /** DORA 2021 bands (Accelerate State of DevOps 2021, DevLake thresholds). Id {@code dora-2021}. */
    public static final class Dora2021Bands extends BuiltIn {
        /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
        public Dora2021Bands() {
            super(DORA_2021);
        }
    }

    /** DORA 2023 bands (Accelerate State of DevOps 2023, DevLake thresholds). Id {@code dora-2023}. */
    public static final class Dora2023Bands extends BuiltIn {
        /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
        public Dora2023Bands() {
            super(DORA_2023);
        }
    }

    /** DORA 2024 bands (the 2024 report's clusters mapped to thresholds; see the table's source). Id {@code dora-2024}. */
    public static final class Dora2024Bands extends BuiltIn {
        /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
        public Dora2024Bands() {
            super(DORA_2024);
        }
    }

    /** The seed's elite targets: more than one deploy per day, lead time under 1 h, CFR under 5 %, MTTR under 1 h. Id {@code seed-elite}. */
    public static final class SeedEliteBands extends BuiltIn {
        /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
        public SeedEliteBands() {
            super(SEED_ELITE);
        }
    }
}
