package io.github.deliverykit.policy.strategy;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints.SchemaChange;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints.TrafficVolume;
import io.github.deliverykit.policy.strategy.StrategyInput.ReleaseType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a deployment strategy for a release, after the seed's table: blue-green (instant
 * rollback, needs 2x infrastructure, low risk), canary (fast rollback, validates on a subset,
 * low-medium), rolling (moderate rollback, cost-constrained, tolerates mixed versions, medium), big
 * bang (slow rollback, small app, low traffic, maintenance window, high).
 *
 * <p>Each strategy starts from the configured score of its seed risk (40, 35, 25, 10); hard
 * constraints rule a strategy out (blue-green without 2x capacity, canary and rolling without
 * mixed-version tolerance or with a breaking schema change, big bang without a maintenance window)
 * and the other constraints, the release type and the release size add or remove points, each
 * with a reason. Feasible strategies rank first, by score, then in the seed's order. Immutable
 * and thread safe; the same input gives the same recommendation.
 */
public final class StrategySelection {

    private static final Logger LOG = LoggerFactory.getLogger(StrategySelection.class);
    private static final StrategySelection DEFAULTS = new StrategySelection(StrategySelectionConfig.ofDefaults());

    private final StrategySelectionConfig config;

    private StrategySelection(StrategySelectionConfig config) {
        this.config = config;
    }

    /**
     * The engine with the seed's defaults.
     *
     * @return the engine
     */
    public static StrategySelection ofDefaults() {
        return DEFAULTS;
    }

    /**
     * The engine with a configuration.
     *
     * @param config the configuration
     * @return the engine
     * @throws IllegalArgumentException if config is null
     */
    public static StrategySelection of(StrategySelectionConfig config) {
        return new StrategySelection(Checks.notNull(config, "config"));
    }

    /**
     * The configuration.
     *
     * @return the configuration
     */
    public StrategySelectionConfig config() {
        return config;
    }

    /**
     * Ranks the four strategies for a release.
     *
     * @param input the release type, size and constraints
     * @param clock the clock (the choice does not depend on time; taken for the one shape)
     * @return the recommendation with all four strategies ranked
     * @throws IllegalArgumentException if an argument is null
     */
    public StrategyRecommendation evaluate(StrategyInput input, Clock clock) {
        Checks.notNull(input, "input");
        Checks.notNull(clock, "clock");
        List<Scored> scored = new ArrayList<>();
        for (DeploymentStrategy s : DeploymentStrategy.values()) {
            scored.add(score(s, input));
        }
        scored.sort(Comparator.comparing((Scored x) -> !x.feasible).thenComparing(x -> -x.score)
                .thenComparing(x -> x.strategy.ordinal()));
        List<StrategyRecommendation.RankedStrategy> ranking = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            ranking.add(new StrategyRecommendation.RankedStrategy(s.strategy, i + 1, s.score, s.feasible,
                    Findings.of(s.reasons)));
        }
        StrategyRecommendation r = new StrategyRecommendation(input, ranking);
        LOG.debug("strategy for {}: {} (feasible {})", input, r.bestScored(), r.feasible());
        return r;
    }

    private static final class Scored {
        final DeploymentStrategy strategy;
        int score;
        boolean feasible = true;
        final List<Finding> reasons = new ArrayList<>();

        Scored(DeploymentStrategy strategy, int base) {
            this.strategy = strategy;
            this.score = base;
            reasons.add(Finding.info("strategy.base", Checks.message("Seed risk %s, rollback %s", strategy.risk(),
                    strategy.rollbackSpeed()), Facts.of("strategy", strategy.id(), "points", score)));
        }

        void plus(int points, String code, String message) {
            score += points;
            reasons.add(points >= 0 ? Finding.pass(code, message, Facts.of("strategy", strategy.id(), "points", points))
                    : Finding.warn(code, message, Facts.of("strategy", strategy.id(), "points", points)));
        }

        void ruleOut(String code, String message) {
            feasible = false;
            reasons.add(Finding.fail(code, message, Facts.of("strategy", strategy.id())));
        }
    }

    private Scored score(DeploymentStrategy s, StrategyInput input) {
        DeploymentConstraints c = input.constraints();
        Scored x = new Scored(s, config.baseScores().get(s.risk().ordinal()));
        switch (s) {
            case BLUE_GREEN -> {
                if (!c.spareCapacityFor2x()) {
                    x.ruleOut("strategy.capacity", "Blue-green needs 2x infrastructure, which is not available");
                } else {
                    x.plus(10, "strategy.capacity", "2x infrastructure is available for a second environment");
                }
                if (c.needsInstantRollback()) {
                    x.plus(30, "strategy.instant-rollback", "Only blue-green rolls back instantly (switch traffic)");
                }
                if (!c.toleratesMixedVersions()) {
                    x.plus(10, "strategy.mixed-versions", "Traffic switches at once: versions never serve side by side");
                }
                if (c.schemaChange() == SchemaChange.BREAKING) {
                    x.plus(-25, "strategy.schema", "A breaking schema change makes switching back to blue unsafe");
                }
            }
            case CANARY -> {
                if (!c.toleratesMixedVersions()) {
                    x.ruleOut("strategy.mixed-versions", "A canary serves both versions at once, which is not tolerated");
                }
                if (c.schemaChange() == SchemaChange.BREAKING) {
                    x.ruleOut("strategy.schema", "A breaking schema change cannot serve both versions at once");
                } else if (c.schemaChange() == SchemaChange.BACKWARD_COMPATIBLE) {
                    x.plus(-5, "strategy.schema", "Both versions run on the new schema: keep it expand/contract");
                }
                if (c.needsInstantRollback()) {
                    x.plus(-10, "strategy.instant-rollback", "Canary rollback is fast (stop the shift), not instant");
                }
                if (c.traffic() == TrafficVolume.LOW) {
                    x.plus(-20, "strategy.traffic", "Too little traffic for a meaningful canary comparison");
                } else if (c.traffic() == TrafficVolume.HIGH) {
                    x.plus(15, "strategy.traffic", "Enough traffic to validate on a subset of users first");
                }
            }
            case ROLLING -> {
                if (!c.toleratesMixedVersions()) {
                    x.ruleOut("strategy.mixed-versions", "Rolling serves mixed versions during the update, which is not tolerated");
                }
                if (c.schemaChange() == SchemaChange.BREAKING) {
                    x.ruleOut("strategy.schema", "A breaking schema change cannot serve mixed versions");
                } else if (c.schemaChange() == SchemaChange.BACKWARD_COMPATIBLE) {
                    x.plus(-5, "strategy.schema", "Both versions run on the new schema: keep it expand/contract");
                }
                if (!c.spareCapacityFor2x()) {
                    x.plus(15, "strategy.capacity", "Cost-constrained: rolling replaces instances in place");
                }
                if (c.needsInstantRollback()) {
                    x.plus(-15, "strategy.instant-rollback", "Rolling back means re-deploying the old version (moderate)");
                }
            }
            case BIG_BANG -> {
                if (!c.maintenanceWindow()) {
                    x.ruleOut("strategy.maintenance-window", "Big bang needs downtime, and there is no maintenance window");
                } else {
                    x.plus(10, "strategy.maintenance-window", "A maintenance window allows the downtime");
                }
                if (c.schemaChange() == SchemaChange.BREAKING) {
                    x.plus(20, "strategy.schema", "A breaking schema change is safest all at once, inside the window");
                }
                if (!c.toleratesMixedVersions()) {
                    x.plus(10, "strategy.mixed-versions", "All instances change together: versions never mix");
                }
                if (c.traffic() == TrafficVolume.LOW) {
                    x.plus(10, "strategy.traffic", "Low traffic: few users are affected by the switch");
                } else if (c.traffic() == TrafficVolume.HIGH) {
                    x.plus(-30, "strategy.traffic", "High traffic: a failed big bang hits every user at once");
                }
                if (c.needsInstantRollback()) {
                    x.plus(-30, "strategy.instant-rollback", "Big-bang rollback is a full redeploy (slow)");
                }
            }
        }
        release(x, input);
        return x;
    }

    private void release(Scored x, StrategyInput input) {
        ReleaseType type = input.releaseType();
        if (type != null) {
            String t = type.id();
            switch (x.strategy) {
                case BLUE_GREEN -> {
                    if (type == ReleaseType.MAJOR) {
                        x.plus(15, "strategy.release-type", "A major release (breaking changes) wants an instant switch back");
                    } else if (type == ReleaseType.HOTFIX) {
                        x.plus(10, "strategy.release-type", "A hotfix switches at once and can switch straight back");
                    }
                }
                case CANARY -> {
                    if (type == ReleaseType.MAJOR || type == ReleaseType.PRE_RELEASE) {
                        x.plus(10, "strategy.release-type", "A " + t + " release is best validated on a subset of users first");
                    } else if (type == ReleaseType.MINOR) {
                        x.plus(5, "strategy.release-type", "New features can be validated on a subset of users first");
                    } else if (type == ReleaseType.HOTFIX) {
                        x.plus(-15, "strategy.release-type", "A hotfix cannot wait through the canary's bake times");
                    }
                }
                case ROLLING -> {
                    if (type == ReleaseType.MAJOR) {
                        x.plus(-10, "strategy.release-type", "Mixed versions across a major release are risky");
                    } else if (type == ReleaseType.PATCH || type == ReleaseType.HOTFIX) {
                        x.plus(10, "strategy.release-type", "A bug-fix release can replace instances in place");
                    }
                }
                case BIG_BANG -> {
                    if (type == ReleaseType.MAJOR) {
                        x.plus(-10, "strategy.release-type", "A major release all at once has no way to contain a failure");
                    }
                }
            }
        }
        if (input.size() >= config.largeReleaseSize()) {
            String size = Checks.message("%d changes (large from %d)", input.size(), config.largeReleaseSize());
            switch (x.strategy) {
                case CANARY -> x.plus(10, "strategy.release-size", "A large release (" + size
                        + ") is best exposed step by step");
                case ROLLING -> x.plus(-5, "strategy.release-size", "A large release (" + size
                        + ") serves mixed versions for longer");
                case BIG_BANG -> x.plus(-15, "strategy.release-size", "A large release (" + size
                        + ") all at once risks every change together");
                case BLUE_GREEN -> {
                    // the switch is the same whatever the size
                }
            }
        }
    }
}
