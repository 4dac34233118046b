package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.money.Money;

/**
 * Spend caps for AI agents (after "$3,800 overnight" runaway-loop incidents): a cap per agent
 * session and a cap per day, in one currency, and the share of a cap at which to warn. Reaching a
 * cap kills the session. Immutable and thread safe.
 */
public final class SpendGuardConfig {

    /** Warn at 80 % of a cap. */
    public static final int DEFAULT_WARN_PERCENT = 80;
    /** The default cap of one agent session: 50 USD (a project default, not a seed number). */
    public static final Money DEFAULT_PER_SESSION = Money.of("50", "USD");
    /** The default cap of all sessions in one day: 500 USD (a project default, not a seed number). */
    public static final Money DEFAULT_PER_DAY = Money.of("500", "USD");

    private static final SpendGuardConfig DEFAULTS = custom().build();

    private final Money perSession;
    private final Money perDay;
    private final int warnPercent;

    private SpendGuardConfig(Builder b) {
        this.perSession = b.perSession;
        this.perDay = b.perDay;
        this.warnPercent = b.warnPercent;
    }

    /**
     * The defaults: {@link #DEFAULT_PER_SESSION}, {@link #DEFAULT_PER_DAY}, {@link #DEFAULT_WARN_PERCENT}.
     *
     * @return the default config
     */
    public static SpendGuardConfig ofDefaults() {
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
     * A builder starting from a config.
     *
     * @param base the config to copy
     * @return a builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(SpendGuardConfig base) {
        Checks.notNull(base, "base");
        Builder b = new Builder();
        b.perSession = base.perSession;
        b.perDay = base.perDay;
        b.warnPercent = base.warnPercent;
        return b;
    }

    /**
     * Caps warning at {@link #DEFAULT_WARN_PERCENT}.
     *
     * @param perSession the session cap, positive
     * @param perDay the daily cap, positive, same currency
     * @return the config
     * @throws IllegalArgumentException if a cap is null or not positive, or the currencies differ
     */
    public static SpendGuardConfig of(Money perSession, Money perDay) {
        return custom().caps(perSession, perDay).build();
    }

    /**
     * The cap of one agent session.
     *
     * @return the cap
     */
    public Money perSession() {
        return perSession;
    }

    /**
     * The cap of all sessions in one day.
     *
     * @return the cap
     */
    public Money perDay() {
        return perDay;
    }

    /**
     * The share of a cap at which to warn.
     *
     * @return 1 to 100
     */
    public int warnPercent() {
        return warnPercent;
    }

    @Override
    public String toString() {
        return "SpendGuardConfig[perSession=" + perSession + ", perDay=" + perDay + ", warnPercent=" + warnPercent + "]";
    }

    /** A reusable builder; each {@link #build()} copies the settings. */
    public static final class Builder {
        private Money perSession = DEFAULT_PER_SESSION;
        private Money perDay = DEFAULT_PER_DAY;
        private int warnPercent = DEFAULT_WARN_PERCENT;

        private Builder() {}

        /**
         * Sets both caps (one currency).
         *
         * @param perSession the session cap, positive
         * @param perDay the daily cap, positive, in the session cap's currency
         * @return this builder
         * @throws IllegalArgumentException if a cap is null or not positive, or the currencies differ
         */
        public Builder caps(Money perSession, Money perDay) {
            Checks.notNull(perSession, "perSession");
            Checks.notNull(perDay, "perDay");
            if (perSession.signum() <= 0) {
                throw Checks.invalid("perSession", "must be positive", perSession);
            }
            if (perDay.signum() <= 0) {
                throw Checks.invalid("perDay", "must be positive", perDay);
            }
            if (!perSession.currency().equals(perDay.currency())) {
                throw Checks.invalid("perDay", "must be in " + perSession.currency().getCurrencyCode(), perDay);
            }
            this.perSession = perSession;
            this.perDay = perDay;
            return this;
        }

        /**
         * Sets the share of a cap at which to warn.
         *
         * @param percent 1 to 100
         * @return this builder
         * @throws IllegalArgumentException if outside 1..100
         */
        public Builder warnPercent(int percent) {
            this.warnPercent = (int) Checks.inRange(percent, 1, 100, "warnPercent");
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         */
        public SpendGuardConfig build() {
            return new SpendGuardConfig(this);
        }
    }
}
