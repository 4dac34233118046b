package io.github.deliverykit.policy.release;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The thresholds of release readiness (seed defaults: P99 below 500 ms, 0 critical and 0 high
 * vulnerabilities, load test at 2x peak, 24 hours of monitoring), the delay a NO-GO recommends, and
 * the exit criteria explicitly disabled. Immutable; build with {@link #ofDefaults()} or {@link #custom()}.
 */
public final class ReleaseReadinessConfig {

    /** The P99 latency target. */
    public static final Duration DEFAULT_P99_TARGET = Duration.ofMillis(500);
    /** Critical vulnerabilities allowed. */
    public static final int DEFAULT_MAX_CRITICAL = 0;
    /** High vulnerabilities allowed. */
    public static final int DEFAULT_MAX_HIGH = 0;
    /** The load a release must sustain, as a multiple of peak traffic. */
    public static final double DEFAULT_LOAD_MULTIPLE = 2.0;
    /** How long to watch a release after deploying it. */
    public static final Duration DEFAULT_MONITORING_PERIOD = Duration.ofHours(24);
    /** How far a NO-GO recommends moving the target date (one weekly release train). */
    public static final int DEFAULT_NO_GO_DELAY_DAYS = 7;
    /**
     * The infrastructure a release's strategy is chosen for when no recommendation is given: the
     * seed's platform, which runs blue-green, so a second full environment (2x capacity) is there;
     * mixed versions tolerated, medium traffic, no maintenance window, no schema change.
     */
    public static final DeploymentConstraints DEFAULT_CONSTRAINTS = DeploymentConstraints.builder()
            .spareCapacityFor2x(true).build();

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final Duration p99Target;
    private final int maxCritical;
    private final int maxHigh;
    private final double loadMultiple;
    private final Duration monitoringPeriod;
    private final int noGoDelayDays;
    private final Map<String, String> disabled;
    private final DeploymentConstraints constraints;
    private final Map<String, java.time.Instant> effectiveDates;

    private ReleaseReadinessConfig(Builder b) {
        this.p99Target = b.p99Target;
        this.maxCritical = b.maxCritical;
        this.maxHigh = b.maxHigh;
        this.loadMultiple = b.loadMultiple;
        this.monitoringPeriod = b.monitoringPeriod;
        this.noGoDelayDays = b.noGoDelayDays;
        this.disabled = Collections.unmodifiableMap(new TreeMap<>(b.disabled));
        this.constraints = b.constraints;
        this.effectiveDates = Collections.unmodifiableMap(new TreeMap<>(b.effectiveDates));
    }

    /**
     * The seed's defaults.
     *
     * @return the policy
     */
    public static ReleaseReadinessConfig ofDefaults() {
        return custom().build();
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
     * A builder starting from another configuration.
     *
     * @param base the configuration to copy
     * @return a builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(ReleaseReadinessConfig base) {
        Checks.notNull(base, "base");
        Builder b = new Builder();
        b.p99Target = base.p99Target;
        b.maxCritical = base.maxCritical;
        b.maxHigh = base.maxHigh;
        b.loadMultiple = base.loadMultiple;
        b.monitoringPeriod = base.monitoringPeriod;
        b.noGoDelayDays = base.noGoDelayDays;
        b.disabled.putAll(base.disabled);
        b.constraints = base.constraints;
        b.effectiveDates.putAll(base.effectiveDates);
        return b;
    }

    /**
     * The infrastructure constraints a strategy is chosen for when readiness computes the
     * recommendation itself.
     *
     * @return the constraints
     */
    public DeploymentConstraints constraints() {
        return constraints;
    }

    /**
     * The P99 latency target; the measured P99 must be strictly below it.
     *
     * @return the target
     */
    public Duration p99Target() {
        return p99Target;
    }

    /**
     * Critical vulnerabilities allowed.
     *
     * @return the maximum
     */
    public int maxCritical() {
        return maxCritical;
    }

    /**
     * High vulnerabilities allowed.
     *
     * @return the maximum
     */
    public int maxHigh() {
        return maxHigh;
    }

    /**
     * The load to sustain, as a multiple of peak.
     *
     * @return the multiple
     */
    public double loadMultiple() {
        return loadMultiple;
    }

    /**
     * How long to monitor after deploying.
     *
     * @return the period
     */
    public Duration monitoringPeriod() {
        return monitoringPeriod;
    }

    /**
     * Days a NO-GO recommends delaying the target date by.
     *
     * @return the days
     */
    public int noGoDelayDays() {
        return noGoDelayDays;
    }

    /**
     * The criteria disabled, id to reason, sorted by id.
     *
     * @return the disabled criteria
     */
    public Map<String, String> disabledCriteria() {
        return disabled;
    }

    /**
     * The effective dates of exit criteria, id to date, sorted by id: strictly before its date a
     * criterion runs in shadow ({@link io.github.deliverykit.core.spi.Shadow}).
     *
     * @return the effective dates
     */
    public Map<String, java.time.Instant> effectiveDates() {
        return effectiveDates;
    }

    /** A reusable builder. */
    public static final class Builder {
        private Duration p99Target = DEFAULT_P99_TARGET;
        private int maxCritical = DEFAULT_MAX_CRITICAL;
        private int maxHigh = DEFAULT_MAX_HIGH;
        private double loadMultiple = DEFAULT_LOAD_MULTIPLE;
        private Duration monitoringPeriod = DEFAULT_MONITORING_PERIOD;
        private int noGoDelayDays = DEFAULT_NO_GO_DELAY_DAYS;
        private final Map<String, String> disabled = new TreeMap<>();
        private DeploymentConstraints constraints = DEFAULT_CONSTRAINTS;
        private final Map<String, java.time.Instant> effectiveDates = new TreeMap<>();

        private Builder() {}

        /**
         * Sets the infrastructure constraints used when no strategy recommendation is given.
         *
         * @param value the constraints
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder constraints(DeploymentConstraints value) {
            this.constraints = Checks.notNull(value, "constraints");
            return this;
        }

        /**
         * Sets the P99 latency target.
         *
         * @param target a positive duration
         * @return this builder
         * @throws IllegalArgumentException if null, zero or negative
         */
        public Builder p99Target(Duration target) {
            p99Target = Checks.positive(target, "p99Target");
            return this;
        }

        /**
         * Sets the vulnerabilities allowed.
         *
         * @param critical critical findings allowed, zero or more
         * @param high high findings allowed, zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxVulnerabilities(int critical, int high) {
            maxCritical = (int) Checks.nonNegative(critical, "maxCritical");
            maxHigh = (int) Checks.nonNegative(high, "maxHigh");
            return this;
        }

        /**
         * Sets the load to sustain.
         *
         * @param multiple a multiple of peak, greater than 0 and at most 1000
         * @return this builder
         * @throws IllegalArgumentException if not in (0, 1000]
         */
        public Builder loadMultiple(double multiple) {
            Checks.inRange(multiple, 0, 1000, "loadMultiple");
            if (multiple == 0) {
                throw Checks.invalid("loadMultiple", "must be greater than 0", multiple);
            }
            loadMultiple = multiple;
            return this;
        }

        /**
         * Sets the monitoring period after deploying.
         *
         * @param period a positive duration
         * @return this builder
         * @throws IllegalArgumentException if null, zero or negative
         */
        public Builder monitoringPeriod(Duration period) {
            monitoringPeriod = Checks.positive(period, "monitoringPeriod");
            return this;
        }

        /**
         * Sets how many days a NO-GO recommends delaying.
         *
         * @param days between 1 and 366
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder noGoDelayDays(int days) {
            noGoDelayDays = (int) Checks.inRange(days, 1, 366, "noGoDelayDays");
            return this;
        }

        /**
         * Disables an exit criterion, visibly: every readiness report carries a
         * {@code criterion.disabled} warning with the reason.
         *
         * @param criterionId the id, e.g. {@link ReleaseReadiness#RUNBOOK}
         * @param reason why, not blank
         * @return this builder
         * @throws IllegalArgumentException if the id is malformed or the reason blank
         */
        public Builder disable(String criterionId, String reason) {
            Checks.notNull(criterionId, "criterionId");
            if (!ID.matcher(criterionId).matches()) {
                throw Checks.invalid("criterionId", "must be a lower-case criterion id", criterionId);
            }
            disabled.put(criterionId, Checks.notBlank(reason, "reason"));
            return this;
        }

        /**
         * Gives an exit criterion an effective date (Enterprise Contract's {@code effective_on}):
         * strictly before it the criterion runs in shadow: what it would have decided is reported (a
         * would-be FAIL as a WARN, which makes a conditional go), after a {@code release.rule.shadow}
         * finding; from that instant on it is enforced.
         *
         * @param criterionId the criterion id, e.g. {@link ReleaseReadiness#RUNBOOK}
         * @param effectiveOn the first instant at which it is enforced
         * @return this builder
         * @throws IllegalArgumentException if the id is malformed or the date null
         */
        public Builder effectiveOn(String criterionId, java.time.Instant effectiveOn) {
            Checks.notNull(criterionId, "criterionId");
            if (!ID.matcher(criterionId).matches()) {
                throw Checks.invalid("criterionId", "must be a lower-case criterion id", criterionId);
            }
            effectiveDates.put(criterionId, Checks.notNull(effectiveOn, "effectiveOn"));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public ReleaseReadinessConfig build() {
            return new ReleaseReadinessConfig(this);
        }
    }
}
