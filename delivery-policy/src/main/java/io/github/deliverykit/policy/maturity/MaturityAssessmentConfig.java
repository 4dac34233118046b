package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.core.check.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How assessments are scored and plans are laid out: a weight per dimension (how much it matters:
 * it weighs the overall score and orders the plan), the plan horizon and its number of phases.
 * Immutable; built with {@link #custom()} or {@link #ofDefaults()}.
 *
 * <pre>{@code
 * MaturityAssessmentConfig config = MaturityAssessmentConfig.custom().weight("cicd", 3).weight("governance", 0.5).build();
 * }</pre>
 */
public final class MaturityAssessmentConfig {

    /** The weight of a dimension without an explicit weight. */
    public static final double DEFAULT_WEIGHT = 1.0;
    /** The plan horizon in days. */
    public static final int DEFAULT_HORIZON_DAYS = 90;
    /** The number of plan phases (three 30-day phases by default). */
    public static final int DEFAULT_PHASES = 3;
    /** The largest horizon accepted, ten years. */
    public static final int MAX_HORIZON_DAYS = 3_650;

    private static final MaturityAssessmentConfig DEFAULTS = custom().build();

    private final Map<String, Double> weights;
    private final int horizonDays;
    private final int phases;

    private MaturityAssessmentConfig(Builder b) {
        this.weights = Collections.unmodifiableMap(new TreeMap<>(b.weights));
        this.horizonDays = b.horizonDays;
        this.phases = b.phases;
    }

    /**
     * Equal weights, 90 days in three phases.
     *
     * @return the default config
     */
    public static MaturityAssessmentConfig ofDefaults() {
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
     * A builder starting from a config.
     *
     * @param base the config to copy
     * @return a new builder
     */
    public static Builder from(MaturityAssessmentConfig base) {
        Checks.notNull(base, "base");
        Builder b = new Builder();
        b.weights.putAll(base.weights);
        b.horizonDays = base.horizonDays;
        b.phases = base.phases;
        return b;
    }

    /**
     * The explicit weights by dimension id.
     *
     * @return the weights, sorted by id
     */
    public Map<String, Double> weights() {
        return weights;
    }

    /**
     * The weight of a dimension.
     *
     * @param dimensionId the dimension id
     * @return its explicit weight or {@link #DEFAULT_WEIGHT}
     */
    public double weight(@Nullable String dimensionId) {
        Double w = dimensionId == null ? null : weights.get(dimensionId);
        return w == null ? DEFAULT_WEIGHT : w;
    }

    /**
     * The plan horizon.
     *
     * @return days
     */
    public int horizonDays() {
        return horizonDays;
    }

    /**
     * The number of plan phases.
     *
     * @return phases
     */
    public int phases() {
        return phases;
    }

    @Override
    public String toString() {
        return "MaturityAssessmentConfig[weights=" + weights + ", horizonDays=" + horizonDays + ", phases=" + phases + "]";
    }

    /** Builds a {@link MaturityAssessmentConfig}; reusable, each {@link #build()} copies. */
    public static final class Builder {
        private final TreeMap<String, Double> weights = new TreeMap<>();
        private int horizonDays = DEFAULT_HORIZON_DAYS;
        private int phases = DEFAULT_PHASES;

        private Builder() {}

        /**
         * Sets how much a dimension matters: 0 leaves it out of the score, larger weights come first
         * in the plan.
         *
         * @param dimensionId the dimension id
         * @param weight a finite weight of 0 or more
         * @return this builder
         * @throws IllegalArgumentException if the id is malformed or the weight negative, NaN or infinite
         */
        public Builder weight(String dimensionId, double weight) {
            Ids.check(dimensionId, "dimension id");
            Checks.nonNegative(weight, "weight of " + dimensionId);
            weights.put(dimensionId, weight);
            return this;
        }

        /**
         * Sets the plan horizon.
         *
         * @param days 1 to {@link #MAX_HORIZON_DAYS}
         * @return this builder
         */
        public Builder horizonDays(int days) {
            Checks.inRange(days, 1, MAX_HORIZON_DAYS, "horizonDays");
            this.horizonDays = days;
            return this;
        }

        /**
         * Sets the number of plan phases.
         *
         * @param count 1 or more, at most the horizon in days
         * @return this builder
         */
        public Builder phases(int count) {
            Checks.inRange(count, 1, MAX_HORIZON_DAYS, "phases");
            this.phases = count;
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         * @throws IllegalArgumentException if there are more phases than days
         */
        public MaturityAssessmentConfig build() {
            if (phases > horizonDays) {
                throw Checks.invalid("phases", "must not exceed horizonDays " + horizonDays, phases);
            }
            return new MaturityAssessmentConfig(this);
        }
    }
}
