package io.github.deliverykit.core.finding;

/**
 * How a finding weighs on its decision, in increasing order of concern: {@code INFO} and
 * {@code PASS} never block, {@code WARN} calls for attention, {@code FAIL} blocks.
 */
public enum Level {
    /** A fact worth reporting that passes no judgement. */
    INFO,
    /** A check that was met. */
    PASS,
    /** A check that was met only in part, or a risk worth naming. */
    WARN,
    /** A check that was not met. */
    FAIL;

    /**
     * Returns the more severe of this level and {@code other}.
     *
     * @param other the other level
     * @return the level later in the order {@code INFO < PASS < WARN < FAIL}
     * @throws IllegalArgumentException if {@code other} is null
     */
    public Level worse(Level other) {
        io.github.deliverykit.core.check.Checks.notNull(other, "other");
        return other.compareTo(this) > 0 ? other : this;
    }
}
