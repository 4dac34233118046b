package io.github.deliverykit.policy.strategy;

/**
 * The four deployment strategies of the seed's table, with their rollback speed and risk.
 *
 * <table>
 * <caption>Seed table</caption>
 * <tr><th>strategy</th><th>when to use</th><th>rollback speed</th><th>risk</th></tr>
 * <tr><td>blue-green</td><td>need instant rollback, have 2x infrastructure</td><td>instant (switch traffic)</td><td>low</td></tr>
 * <tr><td>canary</td><td>validate with a subset of users first</td><td>fast (stop traffic shift)</td><td>low-medium</td></tr>
 * <tr><td>rolling</td><td>cost-constrained, can tolerate mixed versions</td><td>moderate (re-deploy old)</td><td>medium</td></tr>
 * <tr><td>big bang</td><td>small app, low traffic, maintenance window OK</td><td>slow (full redeploy)</td><td>high</td></tr>
 * </table>
 */
public enum DeploymentStrategy {
    /** Two full environments, traffic switched at once. */
    BLUE_GREEN("blue-green", "Blue-green", "Need instant rollback, have 2x infrastructure", RollbackSpeed.INSTANT,
            "switch traffic back to the previous environment", "Instant switch to blue environment", RiskLevel.LOW),
    /** Traffic shifted to the new version in steps while it is compared with the old. */
    CANARY("canary", "Canary", "Want to validate with a subset of users first", RollbackSpeed.FAST,
            "stop the traffic shift and route all traffic to the stable version",
            "Stop traffic shift and route back to %s", RiskLevel.LOW_MEDIUM),
    /** Instances replaced batch by batch. */
    ROLLING("rolling", "Rolling", "Cost-constrained, can tolerate mixed versions", RollbackSpeed.MODERATE,
            "re-deploy the old version batch by batch", "Re-deploy %s batch by batch", RiskLevel.MEDIUM),
    /** Everything replaced at once, usually in a maintenance window. */
    BIG_BANG("big-bang", "Big bang", "Small app, low traffic, maintenance window OK", RollbackSpeed.SLOW,
            "full redeploy of the previous version", "Full redeploy of %s inside the maintenance window",
            RiskLevel.HIGH);

    private final String id;
    private final String label;
    private final String whenToUse;
    private final RollbackSpeed rollbackSpeed;
    private final String rollbackAction;
    private final String rollbackPlan;
    private final RiskLevel risk;

    DeploymentStrategy(String id, String label, String whenToUse, RollbackSpeed rollbackSpeed, String rollbackAction,
            String rollbackPlan, RiskLevel risk) {
        this.id = id;
        this.label = label;
        this.rollbackPlan = rollbackPlan;
        this.whenToUse = whenToUse;
        this.rollbackSpeed = rollbackSpeed;
        this.rollbackAction = rollbackAction;
        this.risk = risk;
    }

    /**
     * The stable lower-case id, e.g. {@code blue-green}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The name used in release reports, e.g. {@code Blue-green}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The rollback plan a release report states, e.g. {@code Instant switch to blue environment}.
     *
     * @param previousVersion the version a rollback returns to, e.g. {@code v2.4.3}, or null when unknown
     * @return the plan
     */
    public String rollbackPlan(@org.jspecify.annotations.Nullable String previousVersion) {
        String to = previousVersion == null ? "the previous version" : previousVersion;
        return rollbackPlan.contains("%s") ? rollbackPlan.replace("%s", to) : rollbackPlan;
    }

    /**
     * When the seed recommends the strategy.
     *
     * @return the seed's "when to use" text
     */
    public String whenToUse() {
        return whenToUse;
    }

    /**
     * How fast a rollback is.
     *
     * @return the rollback speed
     */
    public RollbackSpeed rollbackSpeed() {
        return rollbackSpeed;
    }

    /**
     * What a rollback does.
     *
     * @return the rollback action
     */
    public String rollbackAction() {
        return rollbackAction;
    }

    /**
     * The seed's risk level.
     *
     * @return the risk
     */
    public RiskLevel risk() {
        return risk;
    }

    /** Rollback speed, fastest first. */
    public enum RollbackSpeed {
        /** Switch traffic. */
        INSTANT,
        /** Stop the traffic shift. */
        FAST,
        /** Re-deploy the old version. */
        MODERATE,
        /** Full redeploy. */
        SLOW
    }

    /** Risk level, lowest first. */
    public enum RiskLevel {
        /** Low. */
        LOW,
        /** Low to medium. */
        LOW_MEDIUM,
        /** Medium. */
        MEDIUM,
        /** High. */
        HIGH
    }
}
