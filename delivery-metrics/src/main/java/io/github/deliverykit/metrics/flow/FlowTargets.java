package io.github.deliverykit.metrics.flow;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.money.Money;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The targets the AI-delivery metrics are judged against, each defaulting to the maturity matrix's
 * value ({@code DEFAULT_*}). Immutable; build with {@link #ofDefaults()} or {@link #custom()}.
 */
public final class FlowTargets {

    /** Iterations to success, lowest value of the target range (Metrics L3: 1-3). */
    public static final double DEFAULT_ITS_MIN = 1;
    /** Iterations to success, highest value of the target range (Metrics L3: 1-3). */
    public static final double DEFAULT_ITS_MAX = 3;
    /** Cost per iteration must stay below this (Metrics L3: CPI under $0.50). */
    public static final Money DEFAULT_COST_PER_ITERATION_MAX = Money.of("0.50", "USD");
    /** Median CI duration must stay below this (CI/CD L3: under 5 minutes). */
    public static final Duration DEFAULT_CI_MEDIAN_MAX = Duration.ofMinutes(5);
    /** P95 CI duration must stay below this (CI/CD L3: under 8 minutes). */
    public static final Duration DEFAULT_CI_P95_MAX = Duration.ofMinutes(8);
    /** Cache hit rate must exceed this (CI/CD L2: above 70 %). */
    public static final double DEFAULT_CACHE_HIT_RATE_MIN = 0.70;
    /** Runner utilisation must stay at or above this (CI/CD L5: 50-80 %). */
    public static final double DEFAULT_RUNNER_UTILISATION_MIN = 0.50;
    /** Runner utilisation must stay at or below this (CI/CD L5: 50-80 %). */
    public static final double DEFAULT_RUNNER_UTILISATION_MAX = 0.80;
    /** Pull requests with more CI rounds than this are flagged (Merge and Deploy L3: max 2). */
    public static final int DEFAULT_MAX_CI_ROUNDS = 2;
    /** Auto-approve rate must exceed this (Metrics L3: above 60 %). */
    public static final double DEFAULT_AUTO_APPROVE_RATE_MIN = 0.60;
    /** Median merge-queue wait must stay below this (Merge and Deploy L4, Metrics L3: under 10 minutes). */
    public static final Duration DEFAULT_MERGE_QUEUE_WAIT_MAX = Duration.ofMinutes(10);
    /** Mean time to rollback must stay below this (Merge and Deploy L5: under 5 minutes). */
    public static final Duration DEFAULT_ROLLBACK_TIME_MAX = Duration.ofMinutes(5);
    /** Share of rollbacks that succeed without a person, at least (Merge and Deploy L5: 95 %). */
    public static final double DEFAULT_ROLLBACK_SUCCESS_MIN = 0.95;
    /** Activity growth from the previous period that counts as "activity up" for vanity detection. */
    public static final double DEFAULT_VANITY_ACTIVITY_GROWTH = 0.10;
    /** The zone in which calendar quarters are counted. */
    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;

    private static final FlowTargets DEFAULTS = custom().build();

    private final double itsMin;
    private final double itsMax;
    private final Money costPerIterationMax;
    private final Duration ciMedianMax;
    private final Duration ciP95Max;
    private final double cacheHitRateMin;
    private final double runnerUtilisationMin;
    private final double runnerUtilisationMax;
    private final int maxCiRounds;
    private final double autoApproveRateMin;
    private final Duration mergeQueueWaitMax;
    private final Duration rollbackTimeMax;
    private final double rollbackSuccessMin;
    private final double vanityActivityGrowth;
    private final ZoneId zone;

    private FlowTargets(Builder b) {
        itsMin = b.itsMin;
        itsMax = b.itsMax;
        costPerIterationMax = b.costPerIterationMax;
        ciMedianMax = b.ciMedianMax;
        ciP95Max = b.ciP95Max;
        cacheHitRateMin = b.cacheHitRateMin;
        runnerUtilisationMin = b.runnerUtilisationMin;
        runnerUtilisationMax = b.runnerUtilisationMax;
        maxCiRounds = b.maxCiRounds;
        autoApproveRateMin = b.autoApproveRateMin;
        mergeQueueWaitMax = b.mergeQueueWaitMax;
        rollbackTimeMax = b.rollbackTimeMax;
        rollbackSuccessMin = b.rollbackSuccessMin;
        vanityActivityGrowth = b.vanityActivityGrowth;
        zone = b.zone;
    }

    /**
     * The seed's targets.
     *
     * @return the defaults
     */
    public static FlowTargets ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A builder holding a copy of these targets.
     *
     * @param base the targets to copy
     * @return the builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(FlowTargets base) {
        return Checks.notNull(base, "base").toBuilder();
    }

    /**
     * A builder starting from these targets.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.itsRange(itsMin, itsMax).costPerIterationMax(costPerIterationMax).ciMedianMax(ciMedianMax).ciP95Max(ciP95Max)
                .cacheHitRateMin(cacheHitRateMin).runnerUtilisation(runnerUtilisationMin, runnerUtilisationMax)
                .maxCiRounds(maxCiRounds).autoApproveRateMin(autoApproveRateMin).mergeQueueWaitMax(mergeQueueWaitMax)
                .rollbackTimeMax(rollbackTimeMax).rollbackSuccessMin(rollbackSuccessMin)
                .vanityActivityGrowth(vanityActivityGrowth).zone(zone);
        return b;
    }

    /** @return the lowest acceptable median iterations to success */
    public double itsMin() {
        return itsMin;
    }

    /** @return the highest acceptable median iterations to success */
    public double itsMax() {
        return itsMax;
    }

    /** @return the cost per iteration to stay below */
    public Money costPerIterationMax() {
        return costPerIterationMax;
    }

    /** @return the median CI duration to stay below */
    public Duration ciMedianMax() {
        return ciMedianMax;
    }

    /** @return the P95 CI duration to stay below */
    public Duration ciP95Max() {
        return ciP95Max;
    }

    /** @return the cache hit rate to exceed */
    public double cacheHitRateMin() {
        return cacheHitRateMin;
    }

    /** @return the lowest acceptable runner utilisation */
    public double runnerUtilisationMin() {
        return runnerUtilisationMin;
    }

    /** @return the highest acceptable runner utilisation */
    public double runnerUtilisationMax() {
        return runnerUtilisationMax;
    }

    /** @return the CI rounds above which a pull request is flagged */
    public int maxCiRounds() {
        return maxCiRounds;
    }

    /** @return the auto-approve rate to exceed */
    public double autoApproveRateMin() {
        return autoApproveRateMin;
    }

    /** @return the median merge-queue wait to stay below */
    public Duration mergeQueueWaitMax() {
        return mergeQueueWaitMax;
    }

    /** @return the mean time to rollback to stay below */
    public Duration rollbackTimeMax() {
        return rollbackTimeMax;
    }

    /** @return the rollback success rate to reach */
    public double rollbackSuccessMin() {
        return rollbackSuccessMin;
    }

    /** @return the activity growth that counts as activity up */
    public double vanityActivityGrowth() {
        return vanityActivityGrowth;
    }

    /** @return the zone of calendar quarters */
    public ZoneId zone() {
        return zone;
    }

    /** Builds {@link FlowTargets}; every setter rejects a bad value at once. */
    public static final class Builder {
        private double itsMin = DEFAULT_ITS_MIN;
        private double itsMax = DEFAULT_ITS_MAX;
        private Money costPerIterationMax = DEFAULT_COST_PER_ITERATION_MAX;
        private Duration ciMedianMax = DEFAULT_CI_MEDIAN_MAX;
        private Duration ciP95Max = DEFAULT_CI_P95_MAX;
        private double cacheHitRateMin = DEFAULT_CACHE_HIT_RATE_MIN;
        private double runnerUtilisationMin = DEFAULT_RUNNER_UTILISATION_MIN;
        private double runnerUtilisationMax = DEFAULT_RUNNER_UTILISATION_MAX;
        private int maxCiRounds = DEFAULT_MAX_CI_ROUNDS;
        private double autoApproveRateMin = DEFAULT_AUTO_APPROVE_RATE_MIN;
        private Duration mergeQueueWaitMax = DEFAULT_MERGE_QUEUE_WAIT_MAX;
        private Duration rollbackTimeMax = DEFAULT_ROLLBACK_TIME_MAX;
        private double rollbackSuccessMin = DEFAULT_ROLLBACK_SUCCESS_MIN;
        private double vanityActivityGrowth = DEFAULT_VANITY_ACTIVITY_GROWTH;
        private ZoneId zone = DEFAULT_ZONE;

        private Builder() {}

        /**
         * Sets the iterations-to-success range.
         *
         * @param min the lowest acceptable median, at least 1
         * @param max the highest acceptable median, at least min
         * @return this builder
         */
        public Builder itsRange(double min, double max) {
            Checks.inRange(min, 1, 1e9, "itsMin");
            Checks.inRange(max, min, 1e9, "itsMax");
            this.itsMin = min;
            this.itsMax = max;
            return this;
        }

        /**
         * Sets the cost per iteration to stay below.
         *
         * @param max a positive amount
         * @return this builder
         */
        public Builder costPerIterationMax(Money max) {
            Checks.notNull(max, "costPerIterationMax");
            if (max.signum() <= 0) {
                throw Checks.invalid("costPerIterationMax", "must be greater than 0", max);
            }
            this.costPerIterationMax = max;
            return this;
        }

        /**
         * Sets the median CI duration to stay below.
         *
         * @param max a positive duration
         * @return this builder
         */
        public Builder ciMedianMax(Duration max) {
            this.ciMedianMax = Checks.positive(max, "ciMedianMax");
            return this;
        }

        /**
         * Sets the P95 CI duration to stay below.
         *
         * @param max a positive duration
         * @return this builder
         */
        public Builder ciP95Max(Duration max) {
            this.ciP95Max = Checks.positive(max, "ciP95Max");
            return this;
        }

        /**
         * Sets the cache hit rate to exceed.
         *
         * @param min a ratio in [0, 1)
         * @return this builder
         */
        public Builder cacheHitRateMin(double min) {
            Checks.inRange(min, 0, Math.nextDown(1.0), "cacheHitRateMin");
            this.cacheHitRateMin = min;
            return this;
        }

        /**
         * Sets the acceptable runner utilisation.
         *
         * @param min the lowest acceptable ratio in [0, 1]
         * @param max the highest acceptable ratio in [min, 1]
         * @return this builder
         */
        public Builder runnerUtilisation(double min, double max) {
            Checks.inRange(min, 0, 1, "runnerUtilisationMin");
            Checks.inRange(max, min, 1, "runnerUtilisationMax");
            this.runnerUtilisationMin = min;
            this.runnerUtilisationMax = max;
            return this;
        }

        /**
         * Sets the CI rounds above which a pull request is flagged.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxCiRounds(int max) {
            Checks.inRange(max, 1, Integer.MAX_VALUE, "maxCiRounds");
            this.maxCiRounds = max;
            return this;
        }

        /**
         * Sets the auto-approve rate to exceed.
         *
         * @param min a ratio in [0, 1)
         * @return this builder
         */
        public Builder autoApproveRateMin(double min) {
            Checks.inRange(min, 0, Math.nextDown(1.0), "autoApproveRateMin");
            this.autoApproveRateMin = min;
            return this;
        }

        /**
         * Sets the median merge-queue wait to stay below.
         *
         * @param max a positive duration
         * @return this builder
         */
        public Builder mergeQueueWaitMax(Duration max) {
            this.mergeQueueWaitMax = Checks.positive(max, "mergeQueueWaitMax");
            return this;
        }

        /**
         * Sets the mean time to rollback to stay below.
         *
         * @param max a positive duration
         * @return this builder
         */
        public Builder rollbackTimeMax(Duration max) {
            this.rollbackTimeMax = Checks.positive(max, "rollbackTimeMax");
            return this;
        }

        /**
         * Sets the rollback success rate to reach.
         *
         * @param min a ratio in [0, 1]
         * @return this builder
         */
        public Builder rollbackSuccessMin(double min) {
            Checks.inRange(min, 0, 1, "rollbackSuccessMin");
            this.rollbackSuccessMin = min;
            return this;
        }

        /**
         * Sets the activity growth that counts as "activity up" for vanity detection.
         *
         * @param growth a ratio of at least 0 (0.10 = at least 10 % more than the previous period)
         * @return this builder
         */
        public Builder vanityActivityGrowth(double growth) {
            Checks.inRange(growth, 0, 1e6, "vanityActivityGrowth");
            this.vanityActivityGrowth = growth;
            return this;
        }

        /**
         * Sets the zone of calendar quarters.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Checks.notNull(zone, "zone");
            return this;
        }

        /**
         * Builds the targets.
         *
         * @return the targets
         */
        public FlowTargets build() {
            return new FlowTargets(this);
        }
    }
}
