package io.github.deliverykit.policy.workflow;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.policy.budget.DeployFreezeConfig;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.change.ChangeApprovalConfig;
import io.github.deliverykit.policy.incident.IncidentSlaConfig;
import io.github.deliverykit.policy.maturity.MaturityAssessmentConfig;
import io.github.deliverykit.policy.release.ReleaseReadinessConfig;
import io.github.deliverykit.policy.strategy.StrategySelectionConfig;
import java.util.Objects;

/**
 * The configuration of a {@link DeliveryManager}: one config per capability of the workflow, each
 * with the seed defaults unless set. Immutable and thread-safe; {@link #custom()} and
 * {@link #from(DeliveryManagerConfig)} give reusable builders.
 *
 * <pre>{@code
 * DeliveryManagerConfig config = DeliveryManagerConfig.custom()
 *         .canary(CanaryAnalysisConfig.custom().maxBudgetBurn(0.02).build())
 *         .build();
 * }</pre>
 */
public final class DeliveryManagerConfig {

    /** The maturity assessment's config when none is set: the seed models and defaults. */
    public static final MaturityAssessmentConfig DEFAULT_MATURITY = MaturityAssessmentConfig.ofDefaults();
    /** The strategy selection's config when none is set: the seed's strategy table. */
    public static final StrategySelectionConfig DEFAULT_STRATEGY = StrategySelectionConfig.ofDefaults();
    /** The release readiness config when none is set: the seed's exit criteria. */
    public static final ReleaseReadinessConfig DEFAULT_READINESS = ReleaseReadinessConfig.ofDefaults();
    /** The canary analysis config when none is set: the seed's gates, no budget gate. */
    public static final CanaryAnalysisConfig DEFAULT_CANARY = CanaryAnalysisConfig.ofDefaults();
    /** The incident SLA config when none is set: the seed's severity table. */
    public static final IncidentSlaConfig DEFAULT_INCIDENTS = IncidentSlaConfig.ofDefaults();
    /** The deploy freeze config when none is set: burn rate above 1.5x freezes non-critical deploys. */
    public static final DeployFreezeConfig DEFAULT_FREEZE = DeployFreezeConfig.ofDefaults();
    /** The change approval config when none is set: the seed's change types and approvals. */
    public static final ChangeApprovalConfig DEFAULT_CHANGES = ChangeApprovalConfig.ofDefaults();

    private static final DeliveryManagerConfig DEFAULTS = new Builder().build();

    private final MaturityAssessmentConfig maturity;
    private final StrategySelectionConfig strategy;
    private final ReleaseReadinessConfig readiness;
    private final CanaryAnalysisConfig canary;
    private final IncidentSlaConfig incidents;
    private final DeployFreezeConfig freeze;
    private final ChangeApprovalConfig changes;

    private DeliveryManagerConfig(Builder b) {
        this.maturity = b.maturity;
        this.strategy = b.strategy;
        this.readiness = b.readiness;
        this.canary = b.canary;
        this.incidents = b.incidents;
        this.freeze = b.freeze;
        this.changes = b.changes;
    }

    /**
     * The seed defaults for every step.
     *
     * @return the default config
     */
    public static DeliveryManagerConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A builder starting from another config.
     *
     * @param base the config to copy
     * @return a new builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(DeliveryManagerConfig base) {
        Checks.notNull(base, "base");
        return new Builder().maturity(base.maturity).strategy(base.strategy).readiness(base.readiness)
                .canary(base.canary).incidents(base.incidents).freeze(base.freeze).changes(base.changes);
    }

    /**
     * The maturity assessment's config.
     *
     * @return the config
     */
    public MaturityAssessmentConfig maturity() {
        return maturity;
    }

    /**
     * The strategy selection's config.
     *
     * @return the config
     */
    public StrategySelectionConfig strategy() {
        return strategy;
    }

    /**
     * The release readiness config.
     *
     * @return the config
     */
    public ReleaseReadinessConfig readiness() {
        return readiness;
    }

    /**
     * The canary analysis config.
     *
     * @return the config
     */
    public CanaryAnalysisConfig canary() {
        return canary;
    }

    /**
     * The incident SLA config (also the severity classification of rollback incidents).
     *
     * @return the config
     */
    public IncidentSlaConfig incidents() {
        return incidents;
    }

    /**
     * The deploy freeze config (also what stays allowed while frozen).
     *
     * @return the config
     */
    public DeployFreezeConfig freeze() {
        return freeze;
    }

    /**
     * The change approval config.
     *
     * @return the config
     */
    public ChangeApprovalConfig changes() {
        return changes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeliveryManagerConfig c && maturity.equals(c.maturity) && strategy.equals(c.strategy)
                && readiness.equals(c.readiness) && canary.equals(c.canary) && incidents.equals(c.incidents)
                && freeze.equals(c.freeze) && changes.equals(c.changes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maturity, strategy, readiness, canary, incidents, freeze, changes);
    }

    @Override
    public String toString() {
        return "DeliveryManagerConfig[maturity=" + maturity + ", strategy=" + strategy + ", readiness=" + readiness
                + ", canary=" + canary + ", incidents=" + incidents + ", freeze=" + freeze + ", changes=" + changes
                + "]";
    }

    /** Builds a {@link DeliveryManagerConfig}; reusable, each {@link #build()} takes a snapshot. */
    public static final class Builder {
        private MaturityAssessmentConfig maturity = DEFAULT_MATURITY;
        private StrategySelectionConfig strategy = DEFAULT_STRATEGY;
        private ReleaseReadinessConfig readiness = DEFAULT_READINESS;
        private CanaryAnalysisConfig canary = DEFAULT_CANARY;
        private IncidentSlaConfig incidents = DEFAULT_INCIDENTS;
        private DeployFreezeConfig freeze = DEFAULT_FREEZE;
        private ChangeApprovalConfig changes = DEFAULT_CHANGES;

        private Builder() {}

        /**
         * Sets the maturity assessment's config.
         *
         * @param config the config
         * @return this builder
         * @throws IllegalArgumentException if config is null
         */
        public Builder maturity(MaturityAssessmentConfig config) {
            this.maturity = Checks.notNull(config, "maturity");
            return this;
        }

        /**
         * Sets the strategy selection's config.
         *
         * @param config the config
         * @return this builder
         * @throws IllegalArgumentException if config is null
         */
        public Builder strategy(StrategySelectionConfig config) {
            this.strategy = Checks.notNull(config, "strategy");
            return this;
        }

        /**
         * Sets the release readiness config.
         *
         * @param config the config
         * @return this builder
         * @throws IllegalArgumentException if config is null
         */
        public Builder readiness(ReleaseReadinessConfig config) {
            this.readiness = Checks.notNull(config, "readiness");
            return this;
        }

        /**
         * Sets the canary analysis config.
         *
         * @param config the config
         * @return this builder
         * @throws IllegalArgumentException if config is null
         */
        public Builder canary(CanaryAnalysisConfig config) {
            this.canary = Checks.notNull(config, "canary");
            return this;
        }

        /**
         * Sets the incident SLA config.
         *
         * @param config the config
         * @return this builder
         * @throws IllegalArgumentException if config is null
         */
        public Builder incidents(IncidentSlaConfig config) {
            this.incidents = Checks.notNull(config, "incidents");
            return this;
        }

        /**
         * Sets the deploy freeze config.
         *
         * @param config the config
         * @return this builder
         * @throws IllegalArgumentException if config is null
         */
        public Builder freeze(DeployFreezeConfig config) {
            this.freeze = Checks.notNull(config, "freeze");
            return this;
        }

        /**
         * Sets the change approval config.
         *
         * @param config the config
         * @return this builder
         * @throws IllegalArgumentException if config is null
         */
        public Builder changes(ChangeApprovalConfig config) {
            this.changes = Checks.notNull(config, "changes");
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         */
        public DeliveryManagerConfig build() {
            return new DeliveryManagerConfig(this);
        }
    }
}
