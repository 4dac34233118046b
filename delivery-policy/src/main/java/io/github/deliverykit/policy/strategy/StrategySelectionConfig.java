package io.github.deliverykit.policy.strategy;

import io.github.deliverykit.core.check.Checks;
import java.util.List;

/**
 * The knobs of {@link StrategySelection}: the base score of each seed risk level and the size from
 * which a release counts as large. Immutable and thread safe; build with {@link #ofDefaults()},
 * {@link #custom()} or {@link #from(StrategySelectionConfig)}.
 */
public final class StrategySelectionConfig {

    /** The base score of each strategy's seed risk level: LOW, LOW_MEDIUM, MEDIUM, HIGH. */
    public static final List<Integer> DEFAULT_BASE_SCORES = List.of(40, 35, 25, 10);
    /** The number of changes (features, bug fixes, dependencies) from which a release is large. */
    public static final int DEFAULT_LARGE_RELEASE_SIZE = 10;

    private static final StrategySelectionConfig DEFAULTS = custom().build();

    private final List<Integer> baseScores;
    private final int largeReleaseSize;

    private StrategySelectionConfig(Builder b) {
        this.baseScores = b.baseScores;
        this.largeReleaseSize = b.largeReleaseSize;
    }

    /**
     * The seed's defaults.
     *
     * @return the configuration
     */
    public static StrategySelectionConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A builder starting from another configuration.
     *
     * @param base the configuration to copy
     * @return the builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(StrategySelectionConfig base) {
        Checks.notNull(base, "base");
        Builder b = new Builder();
        b.baseScores = base.baseScores;
        b.largeReleaseSize = base.largeReleaseSize;
        return b;
    }

    /**
     * The base scores by risk level (LOW, LOW_MEDIUM, MEDIUM, HIGH).
     *
     * @return four scores
     */
    public List<Integer> baseScores() {
        return baseScores;
    }

    /**
     * The size from which a release counts as large.
     *
     * @return the size, at least 1
     */
    public int largeReleaseSize() {
        return largeReleaseSize;
    }

    /** A reusable builder. */
    public static final class Builder {
        private List<Integer> baseScores = DEFAULT_BASE_SCORES;
        private int largeReleaseSize = DEFAULT_LARGE_RELEASE_SIZE;

        private Builder() {}

        /**
         * Sets the base scores.
         *
         * @param scores four scores between -1000 and 1000, for LOW, LOW_MEDIUM, MEDIUM and HIGH risk
         * @return this builder
         * @throws IllegalArgumentException if not four scores in range
         */
        public Builder baseScores(List<Integer> scores) {
            List<Integer> list = Checks.listOf(scores, "baseScores");
            if (list.size() != DeploymentStrategy.RiskLevel.values().length) {
                throw Checks.invalid("baseScores", "must hold 4 scores (LOW, LOW_MEDIUM, MEDIUM, HIGH)", list);
            }
            for (int i = 0; i < list.size(); i++) {
                Checks.inRange(list.get(i), -1000, 1000, "baseScores[" + i + "]");
            }
            this.baseScores = list;
            return this;
        }

        /**
         * Sets the size from which a release counts as large.
         *
         * @param size between 1 and 1,000,000
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder largeReleaseSize(int size) {
            this.largeReleaseSize = (int) Checks.inRange(size, 1, 1_000_000, "largeReleaseSize");
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public StrategySelectionConfig build() {
            return new StrategySelectionConfig(this);
        }
    }
}
