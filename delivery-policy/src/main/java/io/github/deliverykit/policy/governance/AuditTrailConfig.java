package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The configuration of an {@link AuditTrail}: how much each audit record must hold. Immutable and
 * thread safe; build with {@link #custom()} or copy with {@link #from(AuditTrailConfig)}.
 */
public final class AuditTrailConfig {

    /** The level required by default: the minimum viable audit trail. */
    public static final AuditLevel DEFAULT_LEVEL = AuditLevel.MINIMUM;

    private static final AuditTrailConfig DEFAULTS = custom().build();

    private final AuditLevel level;

    private AuditTrailConfig(Builder b) {
        this.level = b.level;
    }

    /**
     * How much an audit trail must record (the governance matrix): the minimum viable audit trail
     * at L3, full provenance at L4.
     */
    public enum AuditLevel {
        /** Model identifier, timestamp, context and approver. */
        MINIMUM(EnumSet.of(AuditRecord.Field.MODEL_ID, AuditRecord.Field.TIMESTAMP, AuditRecord.Field.CONTEXT,
                AuditRecord.Field.APPROVER)),
        /** The minimum plus model version, prompt context, agent session id and iteration count. */
        FULL_PROVENANCE(EnumSet.allOf(AuditRecord.Field.class));

        private final Set<AuditRecord.Field> required;

        AuditLevel(EnumSet<AuditRecord.Field> required) {
            this.required = Collections.unmodifiableSet(required);
        }

        /**
         * The fields this level requires.
         *
         * @return the fields in declaration order
         */
        public Set<AuditRecord.Field> required() {
            return required;
        }
    }

    /**
     * The defaults: {@link #DEFAULT_LEVEL}.
     *
     * @return the default config
     */
    public static AuditTrailConfig ofDefaults() {
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
    public static Builder from(AuditTrailConfig base) {
        Checks.notNull(base, "base");
        return new Builder().level(base.level);
    }

    /**
     * The level every record must meet.
     *
     * @return the level
     */
    public AuditLevel level() {
        return level;
    }

    @Override
    public String toString() {
        return "AuditTrailConfig[level=" + level + "]";
    }

    /** A reusable builder; each {@link #build()} copies the settings. */
    public static final class Builder {
        private AuditLevel level = DEFAULT_LEVEL;

        private Builder() {}

        /**
         * Sets the level every record must meet.
         *
         * @param level the level
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder level(AuditLevel level) {
            this.level = Checks.notNull(level, "level");
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         */
        public AuditTrailConfig build() {
            return new AuditTrailConfig(this);
        }
    }
}
