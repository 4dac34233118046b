package io.github.deliverykit.policy.canary;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.evidence.MinimumEvidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * How canary stages are judged. Defaults come from the seed (error rate below 1 %, P99 latency
 * below a threshold, health checks; any breach rolls back), Kayenta (0.98 confidence, scores 0-100
 * with pass 75 and marginal 50) and Argo Rollouts (failure limit 0, consecutive-error limit 4,
 * inconclusive limit 0). Immutable and thread safe; build with {@link #custom()}, start from
 * {@link #ofDefaults()} or copy with {@link #from(CanaryAnalysisConfig)}.
 */
public final class CanaryAnalysisConfig {

    /** The judges run by default, in this order. */
    public static final List<String> DEFAULT_JUDGES = List.of("threshold", "mann-whitney");
    /** The count metric holding canary errors among requests. */
    public static final String DEFAULT_REQUEST_METRIC = "requests";
    /** The seed's error-rate gate: an error rate of 1 % or more fails. */
    public static final double DEFAULT_MAX_ERROR_RATE = 0.01;
    /** The sampled latency metric. */
    public static final String DEFAULT_LATENCY_METRIC = "latency";
    /** The P99 latency threshold in milliseconds (the seed's release check: P99 below 500 ms). */
    public static final double DEFAULT_LATENCY_THRESHOLD = 500;
    /** The latency quantile gated: P99. */
    public static final double DEFAULT_LATENCY_QUANTILE = 0.99;
    /** The least latency samples before the P99 gate can pass. */
    public static final long DEFAULT_MIN_LATENCY_SAMPLES = 100;
    /** Kayenta's confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.98;
    /** Kayenta's pass score. */
    public static final double DEFAULT_PASS_SCORE = 75;
    /** Kayenta's marginal score. */
    public static final double DEFAULT_MARGINAL_SCORE = 50;
    /** Argo's failure limit: the first failure fails the analysis. */
    public static final int DEFAULT_FAILURE_LIMIT = 0;
    /** Argo's consecutive-error limit. */
    public static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
    /** Argo's inconclusive limit. */
    public static final int DEFAULT_INCONCLUSIVE_LIMIT = 0;

    /**
     * The minimum-evidence rule set of the error-rate gate: {@link MinimumEvidence#ofDefaults()}, the
     * same as the SLO alerts' (100 requests, 1 expected error at the gate, hold unless the breach is
     * certain), which keeps the seed's answers.
     */
    public static final MinimumEvidence DEFAULT_EVIDENCE = MinimumEvidence.ofDefaults();

    /**
     * What the {@code threshold} judge's absolute gates do when the canary breaches them:
     * {@link BaselineBreach#HOLD_UNLESS_WORSE}, since rolling back to a baseline that does as badly
     * against the same gate does not help.
     */
    public static final BaselineBreach DEFAULT_BASELINE_BREACH = BaselineBreach.HOLD_UNLESS_WORSE;

    private static final CanaryAnalysisConfig DEFAULTS = custom().build();

    private final List<String> judges;
    private final String requestMetric;
    private final double maxErrorRate;
    private final String latencyMetric;
    private final double latencyThreshold;
    private final boolean latencyGate;
    private final double latencyQuantile;
    private final long minLatencySamples;
    private final boolean healthGate;
    private final boolean thresholdsCritical;
    private final NoDataStrategy thresholdNoData;
    private final List<MetricSpec> metrics;
    private final Map<String, Double> groupWeights;
    private final double passScore;
    private final double marginalScore;
    private final int failureLimit;
    private final int consecutiveErrorLimit;
    private final int inconclusiveLimit;
    private final OptionalDouble maxBudgetBurn;
    private final MinimumEvidence evidence;
    private final BaselineBreach baselineBreach;

    private CanaryAnalysisConfig(Builder b) {
        this.judges = List.copyOf(b.judges);
        this.requestMetric = b.requestMetric;
        this.maxErrorRate = b.maxErrorRate;
        this.latencyMetric = b.latencyMetric;
        this.latencyThreshold = b.latencyThreshold;
        this.latencyGate = b.latencyGate;
        this.latencyQuantile = b.latencyQuantile;
        this.minLatencySamples = b.minLatencySamples;
        this.healthGate = b.healthGate;
        this.thresholdsCritical = b.thresholdsCritical;
        this.thresholdNoData = b.thresholdNoData;
        this.metrics = List.copyOf(b.metrics);
        this.groupWeights = Collections.unmodifiableMap(new TreeMap<>(b.groupWeights));
        this.passScore = b.passScore;
        this.marginalScore = b.marginalScore;
        this.failureLimit = b.failureLimit;
        this.consecutiveErrorLimit = b.consecutiveErrorLimit;
        this.inconclusiveLimit = b.inconclusiveLimit;
        this.maxBudgetBurn = b.maxBudgetBurn;
        this.evidence = b.evidence;
        this.baselineBreach = b.baselineBreach;
    }

    /**
     * The defaults.
     *
     * @return the default configuration
     */
    public static CanaryAnalysisConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder with the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A builder starting from a configuration.
     *
     * @param base the configuration to copy
     * @return the builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(CanaryAnalysisConfig base) {
        Checks.notNull(base, "base");
        Builder b = new Builder();
        b.judges = new ArrayList<>(base.judges);
        b.requestMetric = base.requestMetric;
        b.maxErrorRate = base.maxErrorRate;
        b.latencyMetric = base.latencyMetric;
        b.latencyThreshold = base.latencyThreshold;
        b.latencyGate = base.latencyGate;
        b.latencyQuantile = base.latencyQuantile;
        b.minLatencySamples = base.minLatencySamples;
        b.healthGate = base.healthGate;
        b.thresholdsCritical = base.thresholdsCritical;
        b.thresholdNoData = base.thresholdNoData;
        b.metrics = new ArrayList<>(base.metrics);
        b.groupWeights = new TreeMap<>(base.groupWeights);
        b.passScore = base.passScore;
        b.marginalScore = base.marginalScore;
        b.failureLimit = base.failureLimit;
        b.consecutiveErrorLimit = base.consecutiveErrorLimit;
        b.inconclusiveLimit = base.inconclusiveLimit;
        b.maxBudgetBurn = base.maxBudgetBurn;
        b.evidence = base.evidence;
        b.baselineBreach = base.baselineBreach;
        return b;
    }

    /** @return the judge ids, run in this order */
    public List<String> judges() {
        return judges;
    }

    /** @return the count metric of canary errors among requests (also the stage's evidence) */
    public String requestMetric() {
        return requestMetric;
    }

    /** @return the error rate at or above which the error-rate gate fails */
    public double maxErrorRate() {
        return maxErrorRate;
    }

    /** @return the sampled latency metric */
    public String latencyMetric() {
        return latencyMetric;
    }

    /** @return the latency at or above which the quantile gate fails (milliseconds) */
    public double latencyThreshold() {
        return latencyThreshold;
    }

    /** @return whether the latency gate is on */
    public boolean latencyGate() {
        return latencyGate;
    }

    /** @return the gated latency quantile, e.g. 0.99 */
    public double latencyQuantile() {
        return latencyQuantile;
    }

    /** @return the least canary latency samples before the latency gate can pass */
    public long minLatencySamples() {
        return minLatencySamples;
    }

    /** @return whether failed canary health checks fail the stage */
    public boolean healthGate() {
        return healthGate;
    }

    /** @return whether a threshold breach rolls back at once, whatever the failure limit (the seed's rule) */
    public boolean thresholdsCritical() {
        return thresholdsCritical;
    }

    /** @return what missing threshold data means */
    public NoDataStrategy thresholdNoData() {
        return thresholdNoData;
    }

    /** @return the statistically compared metrics */
    public List<MetricSpec> metrics() {
        return metrics;
    }

    /** @return group weights by group (groups not listed weigh 1) */
    public Map<String, Double> groupWeights() {
        return groupWeights;
    }

    /**
     * The weight of a group.
     *
     * @param group the group
     * @return its weight, 1 when not configured
     */
    public double groupWeight(String group) {
        Checks.notNull(group, "group");
        Double w = groupWeights.get(group);
        return w == null ? 1.0 : w;
    }

    /** @return the score at or above which the statistical comparison passes */
    public double passScore() {
        return passScore;
    }

    /** @return the score at or above which a non-passing comparison is inconclusive rather than failed */
    public double marginalScore() {
        return marginalScore;
    }

    /** @return failures of one measurement tolerated within a stage (Argo failureLimit) */
    public int failureLimit() {
        return failureLimit;
    }

    /** @return consecutive errors of one measurement tolerated (Argo consecutiveErrorLimit) */
    public int consecutiveErrorLimit() {
        return consecutiveErrorLimit;
    }

    /** @return inconclusive results of one measurement tolerated before pausing (Argo inconclusiveLimit) */
    public int inconclusiveLimit() {
        return inconclusiveLimit;
    }

    /**
     * The error-budget gate: the share of the remaining error budget the rest of the rollout may burn
     * (e.g. 0.1 = a tenth of what is left), or empty when the gate is off (the default).
     *
     * @return the allowed share in (0, 1], or empty
     */
    public OptionalDouble maxBudgetBurn() {
        return maxBudgetBurn;
    }

    /**
     * The minimum-evidence rule set of the error-rate gate. A stage needs the larger of its own
     * {@code minSamples} and {@link MinimumEvidence#requiredEvents(double)} at {@link #maxErrorRate()}
     * before the gate may pass; below that it holds unless the errors already prove the breach
     * (certainly, or with {@link MinimumEvidence.BelowMinimum#EXACT_TEST} significantly by the exact
     * binomial test).
     *
     * @return the rule set
     */
    public MinimumEvidence evidence() {
        return evidence;
    }

    /**
     * What the {@code threshold} judge's absolute gates (error rate, latency quantile) do when the
     * canary breaches a gate that the baseline, observed in the same stage, breaches as well.
     *
     * @return the strategy, {@link #DEFAULT_BASELINE_BREACH} unless set
     */
    public BaselineBreach baselineBreach() {
        return baselineBreach;
    }

    @Override
    public String toString() {
        return "CanaryAnalysisConfig{judges=" + judges + ", maxErrorRate=" + maxErrorRate + ", latency="
                + (latencyGate ? "P" + latencyQuantile * 100 + "<" + latencyThreshold : "off") + ", metrics="
                + metrics.size() + ", limits=" + failureLimit + "/" + consecutiveErrorLimit + "/" + inconclusiveLimit + "}";
    }

    /** Builds a {@link CanaryAnalysisConfig}; every setter rejects a bad value naming it. */
    public static final class Builder {
        private List<String> judges = new ArrayList<>(DEFAULT_JUDGES);
        private String requestMetric = DEFAULT_REQUEST_METRIC;
        private double maxErrorRate = DEFAULT_MAX_ERROR_RATE;
        private String latencyMetric = DEFAULT_LATENCY_METRIC;
        private double latencyThreshold = DEFAULT_LATENCY_THRESHOLD;
        private boolean latencyGate = true;
        private double latencyQuantile = DEFAULT_LATENCY_QUANTILE;
        private long minLatencySamples = DEFAULT_MIN_LATENCY_SAMPLES;
        private boolean healthGate = true;
        private boolean thresholdsCritical = true;
        private NoDataStrategy thresholdNoData = NoDataStrategy.HOLD;
        private List<MetricSpec> metrics = new ArrayList<>();
        private Map<String, Double> groupWeights = new TreeMap<>();
        private double passScore = DEFAULT_PASS_SCORE;
        private double marginalScore = DEFAULT_MARGINAL_SCORE;
        private int failureLimit = DEFAULT_FAILURE_LIMIT;
        private int consecutiveErrorLimit = DEFAULT_CONSECUTIVE_ERROR_LIMIT;
        private int inconclusiveLimit = DEFAULT_INCONCLUSIVE_LIMIT;
        private OptionalDouble maxBudgetBurn = OptionalDouble.empty();
        private MinimumEvidence evidence = DEFAULT_EVIDENCE;
        private BaselineBreach baselineBreach = DEFAULT_BASELINE_BREACH;

        /**
         * Sets what the {@code threshold} judge's absolute gates do when the baseline breaches them too.
         *
         * @param value {@link BaselineBreach#HOLD_UNLESS_WORSE} (the default), {@link BaselineBreach#HOLD_IF_BASELINE_BREACHES}
         *     or {@link BaselineBreach#FAIL}
         * @return this builder
         * @throws IllegalArgumentException if value is null
         */
        public Builder baselineBreach(BaselineBreach value) {
            this.baselineBreach = Checks.notNull(value, "baselineBreach");
            return this;
        }

        private Builder() {}

        /**
         * Sets the minimum-evidence rule set of the error-rate gate (pass the SLO alerts' rule set to
         * decide both on the same evidence).
         *
         * @param value the rule set
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder evidence(MinimumEvidence value) {
            this.evidence = Checks.notNull(value, "evidence");
            return this;
        }

        /**
         * Turns the error-budget gate on: a stage given the service's budget status rolls back when
         * the rest of the rollout, at the canary's error rate and traffic shares, would burn more
         * than this share of the remaining error budget.
         *
         * @param share the allowed share of the remaining budget, in (0, 1]
         * @return this builder
         * @throws IllegalArgumentException if not in (0, 1]
         */
        public Builder maxBudgetBurn(double share) {
            if (!(share > 0 && share <= 1)) {
                throw Checks.invalid("maxBudgetBurn", "must be in (0, 1]", share);
            }
            this.maxBudgetBurn = OptionalDouble.of(share);
            return this;
        }

        /**
         * Turns the error-budget gate off (the default).
         *
         * @return this builder
         */
        public Builder noBudgetGate() {
            this.maxBudgetBurn = OptionalDouble.empty();
            return this;
        }

        /**
         * Sets the judges to run, by id, in order.
         *
         * @param ids the judge ids, non-empty and distinct
         * @return this builder
         */
        public Builder judges(List<String> ids) {
            List<String> list = Checks.listOf(ids, "judges");
            if (list.isEmpty()) {
                throw Checks.invalid("judges", "must not be empty", list);
            }
            Set<String> seen = new HashSet<>();
            for (String id : list) {
                Checks.notBlank(id, "judge id");
                if (!seen.add(id)) {
                    throw Checks.invalid("judges", "must not repeat an id", id);
                }
            }
            this.judges = new ArrayList<>(list);
            return this;
        }

        /**
         * Sets the request (error count) metric.
         *
         * @param name the metric name
         * @return this builder
         */
        public Builder requestMetric(String name) {
            this.requestMetric = Checks.notBlank(name, "requestMetric");
            return this;
        }

        /**
         * Sets the error-rate gate.
         *
         * @param rate in (0, 1]
         * @return this builder
         */
        public Builder maxErrorRate(double rate) {
            if (!(rate > 0 && rate <= 1)) {
                throw Checks.invalid("maxErrorRate", "must be in (0, 1]", rate);
            }
            this.maxErrorRate = rate;
            return this;
        }

        /**
         * Sets the latency metric.
         *
         * @param name the metric name
         * @return this builder
         */
        public Builder latencyMetric(String name) {
            this.latencyMetric = Checks.notBlank(name, "latencyMetric");
            return this;
        }

        /**
         * Sets the latency gate: the quantile must stay below the threshold.
         *
         * @param quantile in (0, 1]
         * @param threshold positive, in the unit of the samples (milliseconds)
         * @return this builder
         */
        public Builder latencyGate(double quantile, double threshold) {
            if (!(quantile > 0 && quantile <= 1)) {
                throw Checks.invalid("latencyQuantile", "must be in (0, 1]", quantile);
            }
            if (!(threshold > 0) || Double.isInfinite(threshold)) {
                throw Checks.invalid("latencyThreshold", "must be a finite number greater than 0", threshold);
            }
            this.latencyQuantile = quantile;
            this.latencyThreshold = threshold;
            this.latencyGate = true;
            return this;
        }

        /**
         * Turns the latency gate off.
         *
         * @return this builder
         */
        public Builder noLatencyGate() {
            this.latencyGate = false;
            return this;
        }

        /**
         * Sets the least latency samples before the latency gate can pass.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder minLatencySamples(long value) {
            this.minLatencySamples = Checks.positive(value, "minLatencySamples");
            return this;
        }

        /**
         * Turns the health-check gate on or off.
         *
         * @param on whether failed health checks fail the stage
         * @return this builder
         */
        public Builder healthGate(boolean on) {
            this.healthGate = on;
            return this;
        }

        /**
         * Whether threshold breaches roll back at once (true, the seed) or count against the failure limit.
         *
         * @param critical the choice
         * @return this builder
         */
        public Builder thresholdsCritical(boolean critical) {
            this.thresholdsCritical = critical;
            return this;
        }

        /**
         * Sets what missing threshold data means (default HOLD).
         *
         * @param strategy the strategy
         * @return this builder
         */
        public Builder thresholdNoData(NoDataStrategy strategy) {
            this.thresholdNoData = Checks.notNull(strategy, "thresholdNoData");
            return this;
        }

        /**
         * Adds a statistically compared metric.
         *
         * @param spec the metric, with a name not used before
         * @return this builder
         */
        public Builder metric(MetricSpec spec) {
            Checks.notNull(spec, "metric");
            for (MetricSpec m : metrics) {
                if (m.name().equals(spec.name())) {
                    throw Checks.invalid("metric name", "must be unique", spec.name());
                }
            }
            metrics.add(spec);
            return this;
        }

        /**
         * Sets a group weight.
         *
         * @param group the group
         * @param weight finite, 0 or more
         * @return this builder
         */
        public Builder groupWeight(String group, double weight) {
            Checks.notBlank(group, "group");
            Checks.nonNegative(weight, "weight of group '" + group + "'");
            groupWeights.put(group, weight);
            return this;
        }

        /**
         * Sets the pass and marginal scores.
         *
         * @param pass in [0, 100]
         * @param marginal in [0, pass]
         * @return this builder
         */
        public Builder scores(double pass, double marginal) {
            Checks.inRange(pass, 0, 100, "passScore");
            Checks.inRange(marginal, 0, pass, "marginalScore");
            this.passScore = pass;
            this.marginalScore = marginal;
            return this;
        }

        /**
         * Sets Argo's limits.
         *
         * @param failures failures tolerated per measurement and stage
         * @param consecutiveErrors consecutive errors tolerated
         * @param inconclusive inconclusive results tolerated before pausing
         * @return this builder
         */
        public Builder limits(int failures, int consecutiveErrors, int inconclusive) {
            Checks.nonNegative(failures, "failureLimit");
            Checks.nonNegative(consecutiveErrors, "consecutiveErrorLimit");
            Checks.nonNegative(inconclusive, "inconclusiveLimit");
            this.failureLimit = failures;
            this.consecutiveErrorLimit = consecutiveErrors;
            this.inconclusiveLimit = inconclusive;
            return this;
        }

        /**
         * Builds the configuration (the builder stays reusable).
         *
         * @return the configuration
         */
        public CanaryAnalysisConfig build() {
            return new CanaryAnalysisConfig(this);
        }
    }

    /**
     * One metric compared between canary and baseline by the {@code mann-whitney} judge, with
     * Kayenta's knobs: direction, effect-size limits (allowed and critical, as ratios of canary to
     * baseline), criticality, group, NaN and no-data handling, dry run.
     *
     * @param name the metric name as observations carry it
     * @param kind samples (rank test) or counts (proportion test)
     * @param direction which change counts against the canary
     * @param group the metric group used for the weighted score
     * @param critical whether a critical breach rolls back at once
     * @param dryRun whether the metric is reported but never decides or scores
     * @param noData what missing or too few data means
     * @param nanStrategy what NaN samples mean (samples only)
     * @param minSamples the least samples (or events, for counts) per variant before the metric is judged
     * @param confidence the confidence of the interval / test, in (0, 1)
     * @param allowedIncrease the largest canary/baseline ratio tolerated when significantly higher (at least 1)
     * @param allowedDecrease the smallest ratio tolerated when significantly lower, in (0, 1]
     * @param criticalIncrease the ratio above which a critical metric fails at once (at least allowedIncrease)
     * @param criticalDecrease the ratio below which a critical metric fails at once (at most allowedDecrease)
     * @param harmfulIncrease the smallest harmful change the comparison must be able to see before it
     *     passes: for counts an absolute change of the bad share (0.01: one percentage point), for samples a
     *     change of the location relative to the baseline median (0.5: 50 %); 0 turns the check off. A
     *     comparison that finds no significant change passes only when its confidence bound excludes a
     *     change this large in the failing direction; otherwise the stage holds with a
     *     {@code <judge>.metric.underpowered} finding (samples per variant, the detectable and the
     *     configured change), never a silent pass
     */
    public record MetricSpec(String name, Kind kind, Direction direction, String group, boolean critical, boolean dryRun,
            NoDataStrategy noData, NanStrategy nanStrategy, long minSamples, double confidence, double allowedIncrease,
            double allowedDecrease, double criticalIncrease, double criticalDecrease, double harmfulIncrease) {

        /** The smallest harmful change of a counted metric's bad share: one percentage point (the seed's error gate). */
        public static final double DEFAULT_HARMFUL_RATE_INCREASE = 0.01;
        /** The smallest harmful change of a sampled metric's location: 50 % of the baseline median. */
        public static final double DEFAULT_HARMFUL_SHIFT = 0.5;

        /** Default least samples per variant: 20. */
        public static final long DEFAULT_MIN_SAMPLES = 20;
        /** Default group. */
        public static final String DEFAULT_GROUP = "default";

        /** What a metric's observations are. */
        public enum Kind {
            /** {@link Observation.Sample}s compared with the Mann-Whitney test and Hodges-Lehmann interval. */
            SAMPLES,
            /** {@link Observation.Count}s compared with Fisher's exact or the two-proportion z test. */
            PROPORTION
        }

        /** Kayenta's NaN strategies. */
        public enum NanStrategy {
            /** Drop NaN samples. */
            REMOVE,
            /** Count NaN samples as 0. */
            REPLACE_WITH_ZERO
        }

        /**
         * Validates the spec.
         *
         * @throws IllegalArgumentException if a field is null or blank or a limit out of range
         */
        public MetricSpec {
            Checks.notBlank(name, "name");
            Checks.notNull(kind, "kind");
            Checks.notNull(direction, "direction");
            Checks.notBlank(group, "group");
            Checks.notNull(noData, "noData");
            Checks.notNull(nanStrategy, "nanStrategy");
            Checks.positive(minSamples, "minSamples");
            if (!(confidence > 0 && confidence < 1)) {
                throw Checks.invalid("confidence", "must be between 0 and 1 (exclusive)", confidence);
            }
            Checks.inRange(allowedIncrease, 1, Double.MAX_VALUE, "allowedIncrease");
            Checks.inRange(criticalIncrease, allowedIncrease, Double.MAX_VALUE, "criticalIncrease");
            if (!(allowedDecrease > 0 && allowedDecrease <= 1)) {
                throw Checks.invalid("allowedDecrease", "must be in (0, 1]", allowedDecrease);
            }
            if (!(criticalDecrease > 0 && criticalDecrease <= allowedDecrease)) {
                throw Checks.invalid("criticalDecrease", "must be in (0, allowedDecrease = " + allowedDecrease + "]",
                        criticalDecrease);
            }
            if (!(harmfulIncrease >= 0 && harmfulIncrease <= Double.MAX_VALUE)) {
                throw Checks.invalid("harmfulIncrease", "must be a finite number, 0 or more", harmfulIncrease);
            }
            if (kind == Kind.PROPORTION && harmfulIncrease > 1) {
                throw Checks.invalid("harmfulIncrease", "must be at most 1 for a counted metric (a share)", harmfulIncrease);
            }
        }

        /**
         * A builder for a sampled metric (latency-like), failing on increase.
         *
         * @param name the metric name
         * @return the builder
         */
        public static Builder samples(String name) {
            return new Builder(name, Kind.SAMPLES);
        }

        /**
         * A builder for a counted metric (error-like), failing on increase of the bad share.
         *
         * @param name the metric name
         * @return the builder
         */
        public static Builder proportion(String name) {
            return new Builder(name, Kind.PROPORTION);
        }

        /** Builds a {@link MetricSpec}; defaults are Kayenta's (ratios 1.0, confidence 0.98). */
        public static final class Builder {
            private final String name;
            private final Kind kind;
            private Direction direction = Direction.INCREASE;
            private String group = DEFAULT_GROUP;
            private boolean critical;
            private boolean dryRun;
            private NoDataStrategy noData = NoDataStrategy.HOLD;
            private NanStrategy nanStrategy = NanStrategy.REMOVE;
            private long minSamples = DEFAULT_MIN_SAMPLES;
            private double confidence = CanaryAnalysisConfig.DEFAULT_CONFIDENCE;
            private double allowedIncrease = 1.0;
            private double allowedDecrease = 1.0;
            private double criticalIncrease = Double.NaN;
            private double criticalDecrease = Double.NaN;
            private double harmfulIncrease;

            private Builder(String name, Kind kind) {
                this.name = name;
                this.kind = kind;
                this.harmfulIncrease = kind == Kind.PROPORTION ? DEFAULT_HARMFUL_RATE_INCREASE : DEFAULT_HARMFUL_SHIFT;
            }

            /**
             * Sets the smallest harmful change the comparison must be able to see before it passes (see
             * {@link MetricSpec#harmfulIncrease()}).
             *
             * @param value 0 (off) or more; at most 1 for a counted metric
             * @return this builder
             */
            public Builder harmfulIncrease(double value) {
                this.harmfulIncrease = value;
                return this;
            }

            /**
             * Sets the direction.
             *
             * @param value the direction
             * @return this builder
             */
            public Builder direction(Direction value) {
                this.direction = Checks.notNull(value, "direction");
                return this;
            }

            /**
             * Sets the group.
             *
             * @param value the group
             * @return this builder
             */
            public Builder group(String value) {
                this.group = Checks.notBlank(value, "group");
                return this;
            }

            /**
             * Marks the metric critical.
             *
             * @return this builder
             */
            public Builder critical() {
                this.critical = true;
                return this;
            }

            /**
             * Marks the metric dry-run.
             *
             * @return this builder
             */
            public Builder dryRun() {
                this.dryRun = true;
                return this;
            }

            /**
             * Sets the no-data strategy.
             *
             * @param value the strategy
             * @return this builder
             */
            public Builder noData(NoDataStrategy value) {
                this.noData = Checks.notNull(value, "noData");
                return this;
            }

            /**
             * Sets the NaN strategy.
             *
             * @param value the strategy
             * @return this builder
             */
            public Builder nanStrategy(NanStrategy value) {
                this.nanStrategy = Checks.notNull(value, "nanStrategy");
                return this;
            }

            /**
             * Sets the least samples per variant.
             *
             * @param value the minimum
             * @return this builder
             */
            public Builder minSamples(long value) {
                this.minSamples = Checks.positive(value, "minSamples");
                return this;
            }

            /**
             * Sets the confidence.
             *
             * @param value in (0, 1)
             * @return this builder
             */
            public Builder confidence(double value) {
                this.confidence = value;
                return this;
            }

            /**
             * Sets the allowed increase and decrease ratios.
             *
             * @param increase at least 1
             * @param decrease in (0, 1]
             * @return this builder
             */
            public Builder allowed(double increase, double decrease) {
                this.allowedIncrease = increase;
                this.allowedDecrease = decrease;
                return this;
            }

            /**
             * Sets the critical increase and decrease ratios (default: the allowed ones).
             *
             * @param increase at least the allowed increase
             * @param decrease at most the allowed decrease
             * @return this builder
             */
            public Builder criticalLimits(double increase, double decrease) {
                this.criticalIncrease = increase;
                this.criticalDecrease = decrease;
                return this;
            }

            /**
             * Builds the spec.
             *
             * @return the spec
             * @throws IllegalArgumentException if a value is out of range
             */
            public MetricSpec build() {
                double ci = Double.isNaN(criticalIncrease) ? allowedIncrease : criticalIncrease;
                double cd = Double.isNaN(criticalDecrease) ? allowedDecrease : criticalDecrease;
                return new MetricSpec(name, kind, direction, group, critical, dryRun, noData, nanStrategy, minSamples,
                        confidence, allowedIncrease, allowedDecrease, ci, cd, harmfulIncrease);
            }
        }
    }

    /** Which change of a metric counts against the canary. */
    public enum Direction {
        /** Only an increase fails (latency, error rate). */
        INCREASE,
        /** Only a decrease fails (throughput, success rate). */
        DECREASE,
        /** A change either way fails. */
        EITHER
    }

    /**
     * What an absolute gate of the {@code threshold} judge (error rate, latency quantile) does when the
     * canary breaches it and a baseline was observed in the same stage (with at least the requests or
     * samples the gate needs). "Significantly worse" is the one-sided Fisher exact test at the default
     * confidence (0.98) on the requests in error, or on the latency samples at or beyond the threshold.
     * Without a baseline the gate fails on the canary alone, whatever the strategy.
     */
    public enum BaselineBreach {
        /** Fail on the canary alone, whatever the baseline does (the gates before baselines were compared). */
        FAIL,
        /**
         * Hold (finding {@code threshold.<gate>.baseline-breach}) when the baseline breaches the gate too
         * and the canary is not significantly worse; a canary that breaches while the baseline meets the
         * gate fails.
         */
        HOLD_IF_BASELINE_BREACHES,
        /**
         * Fail only when the canary is significantly worse than the baseline against the gate; otherwise
         * hold, with {@code threshold.<gate>.baseline-breach} when the baseline breaches too and
         * {@code threshold.<gate>.not-worse} when its own estimate meets the gate (a quantile of a
         * hundred samples moves across a gate from one stage to the next, so a breach the baseline
         * matches is not yet the canary's). The default.
         */
        HOLD_UNLESS_WORSE
    }

    /** What a metric without (enough) data means for the stage. */
    public enum NoDataStrategy {
        /** Treat missing data as a failure (only when asked: a rollout never rolls back for lack of data by default). */
        FAIL,
        /** Leave the metric out: it neither holds nor fails the stage, and is not scored. */
        IGNORE,
        /** Hold the stage until the data arrives (the default). */
        HOLD
    }
}
