package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.check.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One criterion of a maturity model: a stable id such as {@code cicd.L2.03}, the dimension and
 * level it belongs to, its text, and for measurable criteria the {@link Threshold} that decides it
 * from measured evidence.
 *
 * @param id the stable id, unique within the model
 * @param dimension the dimension id
 * @param level the level rank, 1 or more
 * @param text the criterion as worded in the model
 * @param rule how measured evidence decides it, or null when it can only be answered
 */
public record Criterion(String id, String dimension, int level, String text, @Nullable Threshold rule) {

    /**
     * Validates the criterion.
     *
     * @throws IllegalArgumentException if an id is malformed, the level below 1 or the text blank
     */
    public Criterion {
        Ids.check(id, "criterion id");
        Ids.check(dimension, "dimension of " + id);
        Checks.inRange(level, 1, Integer.MAX_VALUE, "level of " + id);
        Checks.notBlank(text, "text of " + id);
    }

    /**
     * An answer-only criterion.
     *
     * @param id the id
     * @param dimension the dimension id
     * @param level the level rank
     * @param text the text
     * @return the criterion
     */
    public static Criterion of(String id, String dimension, int level, String text) {
        return new Criterion(id, dimension, level, text, null);
    }

    /**
     * Whether measured evidence can decide this criterion.
     *
     * @return true when it has a rule
     */
    public boolean measurable() {
        return rule != null;
    }
}
