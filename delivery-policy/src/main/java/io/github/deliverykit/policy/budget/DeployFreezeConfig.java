package io.github.deliverykit.policy.budget;

import io.github.deliverykit.core.check.Checks;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import org.jspecify.annotations.Nullable;

/**
 * The knobs of a {@link DeployFreeze}. Immutable and thread safe; build with {@link #custom()},
 * copy with {@link #from(DeployFreezeConfig)} or start from {@link #ofDefaults()} (the seed: freeze
 * non-critical deployments while the burn rate exceeds 1.5x; an exhausted budget freezes too;
 * rollbacks, security fixes and critical changes stay allowed).
 *
 * <p>{@link #allowedWhileFrozen()} is the one setting of what stays allowed while frozen: change
 * approval reads it through {@link FreezeDecision#allows(ChangeKind)} and never keeps its own list.
 */
public final class DeployFreezeConfig {

    /** The seed's threshold: a burn rate above 1.5x freezes. */
    public static final BigDecimal DEFAULT_BURN_RATE_THRESHOLD = new BigDecimal("1.5");
    /**
     * No lookback by default: the burn rate is the seed's, budget consumed fraction / elapsed
     * fraction of the budget period.
     */
    public static final @Nullable Duration DEFAULT_LOOKBACK = null;
    /** An exhausted budget freezes by default. */
    public static final boolean DEFAULT_FREEZE_WHEN_EXHAUSTED = true;
    /** What stays allowed while frozen: rollbacks, security fixes and critical changes. */
    public static final Set<ChangeKind> DEFAULT_ALLOWED_WHILE_FROZEN =
            Collections.unmodifiableSet(EnumSet.of(ChangeKind.ROLLBACK, ChangeKind.SECURITY_FIX, ChangeKind.CRITICAL));
    /** The id of the built-in policy, {@code burn-rate}. */
    public static final String DEFAULT_POLICY = "burn-rate";

    private static final BigDecimal MAX_THRESHOLD = BigDecimal.valueOf(1_000_000);
    private static final DeployFreezeConfig DEFAULTS = new Builder().build();

    private final BigDecimal burnRateThreshold;
    private final @Nullable Duration lookback;
    private final boolean freezeWhenExhausted;
    private final Set<ChangeKind> allowedWhileFrozen;
    private final String policy;

    private DeployFreezeConfig(Builder b) {
        this.burnRateThreshold = b.burnRateThreshold;
        this.lookback = b.lookback;
        this.freezeWhenExhausted = b.freezeWhenExhausted;
        this.allowedWhileFrozen = Collections.unmodifiableSet(EnumSet.copyOf(b.allowedWhileFrozen));
        this.policy = b.policy;
    }

    /**
     * The seed's defaults.
     *
     * @return the default config
     */
    public static DeployFreezeConfig ofDefaults() {
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
     * A builder starting from another config.
     *
     * @param base the config to copy
     * @return a builder
     */
    public static Builder from(DeployFreezeConfig base) {
        Checks.notNull(base, "base");
        Builder b = new Builder();
        b.burnRateThreshold = base.burnRateThreshold;
        b.lookback = base.lookback;
        b.freezeWhenExhausted = base.freezeWhenExhausted;
        b.allowedWhileFrozen = EnumSet.copyOf(base.allowedWhileFrozen);
        b.policy = base.policy;
        return b;
    }

    /**
     * The burn rate above which non-critical deployments freeze.
     *
     * @return the threshold
     */
    public BigDecimal burnRateThreshold() {
        return burnRateThreshold;
    }

    /**
     * The lookback of the Workbook-style burn rate (error ratio over the lookback / (1 - target)).
     *
     * @return the lookback, or empty for the budget-period burn rate
     */
    public Optional<Duration> lookback() {
        return Optional.ofNullable(lookback);
    }

    /**
     * Whether an exhausted budget freezes.
     *
     * @return true to freeze
     */
    public boolean freezeWhenExhausted() {
        return freezeWhenExhausted;
    }

    /**
     * The kinds of change allowed while frozen.
     *
     * @return an unmodifiable set
     */
    public Set<ChangeKind> allowedWhileFrozen() {
        return allowedWhileFrozen;
    }

    /**
     * The id of the {@link io.github.deliverykit.policy.budget.spi.FreezePolicy} to use.
     *
     * @return the policy id
     */
    public String policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "DeployFreezeConfig[threshold=" + burnRateThreshold.toPlainString() + "x, lookback="
                + (lookback == null ? "budget period" : lookback.toString()) + ", freezeWhenExhausted="
                + freezeWhenExhausted + ", allowedWhileFrozen=" + allowedWhileFrozen + ", policy=" + policy + "]";
    }

    /** Builds a {@link DeployFreezeConfig}; each setter rejects a bad value at once. */
    public static final class Builder {
        private BigDecimal burnRateThreshold = DEFAULT_BURN_RATE_THRESHOLD;
        private @Nullable Duration lookback = DEFAULT_LOOKBACK;
        private boolean freezeWhenExhausted = DEFAULT_FREEZE_WHEN_EXHAUSTED;
        private Set<ChangeKind> allowedWhileFrozen = EnumSet.copyOf(DEFAULT_ALLOWED_WHILE_FROZEN);
        private String policy = DEFAULT_POLICY;

        private Builder() {}

        /**
         * Sets the freeze threshold.
         *
         * @param threshold the burn rate above which deployments freeze, greater than 0
         * @return this builder
         * @throws IllegalArgumentException if null, not positive, above 10^6 or with more than 30 decimals
         */
        public Builder burnRateThreshold(BigDecimal threshold) {
            Checks.notNull(threshold, "burnRateThreshold");
            if (threshold.signum() <= 0 || threshold.compareTo(MAX_THRESHOLD) > 0 || threshold.stripTrailingZeros().scale() > 30) {
                throw Checks.invalid("burnRateThreshold", "must be greater than 0 and at most 1000000 with at most 30 decimals",
                        threshold.toString());
            }
            this.burnRateThreshold = threshold;
            return this;
        }

        /**
         * Sets the freeze threshold from text, e.g. {@code "2"}.
         *
         * @param threshold the threshold
         * @return this builder
         * @throws IllegalArgumentException if not a positive decimal
         */
        public Builder burnRateThreshold(String threshold) {
            Checks.notBlank(threshold, "burnRateThreshold");
            try {
                return burnRateThreshold(new BigDecimal(threshold.trim()));
            } catch (NumberFormatException e) {
                throw Checks.invalid("burnRateThreshold", "must be a decimal like 1.5", threshold);
            }
        }

        /**
         * Uses the Workbook burn rate over a lookback instead of the budget-period burn rate.
         *
         * @param lookback the lookback, positive; null for the budget period
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder lookback(@Nullable Duration lookback) {
            this.lookback = lookback == null ? null : Checks.positive(lookback, "lookback");
            return this;
        }

        /**
         * Sets whether an exhausted budget freezes.
         *
         * @param freeze true to freeze
         * @return this builder
         */
        public Builder freezeWhenExhausted(boolean freeze) {
            this.freezeWhenExhausted = freeze;
            return this;
        }

        /**
         * Sets the kinds allowed while frozen ({@link ChangeKind#ROUTINE} may not be one of them).
         *
         * @param kinds the kinds, possibly empty
         * @return this builder
         * @throws IllegalArgumentException if null, holding null, or holding ROUTINE
         */
        public Builder allowedWhileFrozen(Set<ChangeKind> kinds) {
            Checks.notNull(kinds, "allowedWhileFrozen");
            EnumSet<ChangeKind> copy = EnumSet.noneOf(ChangeKind.class);
            for (ChangeKind k : kinds) {
                copy.add(Checks.notNull(k, "allowedWhileFrozen[]"));
            }
            if (copy.contains(ChangeKind.ROUTINE)) {
                throw Checks.invalid("allowedWhileFrozen", "must not contain ROUTINE (that would disable the freeze)",
                        copy);
            }
            this.allowedWhileFrozen = copy;
            return this;
        }

        /**
         * Selects the policy by id.
         *
         * @param policy the {@link io.github.deliverykit.policy.budget.spi.FreezePolicy} id
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder policy(String policy) {
            this.policy = Checks.notBlank(policy, "policy");
            return this;
        }

        /**
         * Builds the config; the builder stays reusable.
         *
         * @return the config
         */
        public DeployFreezeConfig build() {
            return new DeployFreezeConfig(this);
        }
    }
}
