package io.github.deliverykit.policy.strategy;

import io.github.deliverykit.core.check.Checks;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the strategy choice is made from: the release's type (from its version), its size (features,
 * bug fixes and dependencies it carries) and the infrastructure constraints. Release readiness
 * builds one from its {@code Release}; a caller without a release uses {@link #of(DeploymentConstraints)}.
 *
 * @param releaseType the release type, or null when the choice is made from the constraints alone
 * @param size the number of changes the release carries (features, bug fixes, dependencies), zero or more
 * @param constraints the infrastructure constraints
 */
public record StrategyInput(@Nullable ReleaseType releaseType, int size, DeploymentConstraints constraints) {

    /**
     * Validates the input.
     *
     * @throws IllegalArgumentException if the constraints are null or the size negative
     */
    public StrategyInput {
        Checks.nonNegative(size, "size");
        Checks.notNull(constraints, "constraints");
    }

    /**
     * An input from the constraints alone (no release type, size 0).
     *
     * @param constraints the constraints
     * @return the input
     * @throws IllegalArgumentException if constraints is null
     */
    public static StrategyInput of(DeploymentConstraints constraints) {
        return new StrategyInput(null, 0, constraints);
    }

    /**
     * An input for a release.
     *
     * @param releaseType the release type
     * @param size the number of changes, zero or more
     * @param constraints the constraints
     * @return the input
     * @throws IllegalArgumentException if an argument is null or the size negative
     */
    public static StrategyInput of(ReleaseType releaseType, int size, DeploymentConstraints constraints) {
        return new StrategyInput(Checks.notNull(releaseType, "releaseType"), size, constraints);
    }

    /** The type of a release by semantic versioning, with the label release reports use. */
    public enum ReleaseType {
        /** A new major version. */
        MAJOR("Major Release (breaking changes)"),
        /** A new minor version. */
        MINOR("Minor Release (new features)"),
        /** A new patch version. */
        PATCH("Patch Release (bug fixes)"),
        /** A patch version whose build metadata says {@code hotfix}: an urgent fix. */
        HOTFIX("Hotfix (urgent bug fix)"),
        /** A version with a pre-release tag. */
        PRE_RELEASE("Pre-release (not for general availability)");

        private final String label;

        ReleaseType(String label) {
            this.label = label;
        }

        /**
         * The label used in reports.
         *
         * @return e.g. {@code Minor Release (new features)}
         */
        public String label() {
            return label;
        }

        /**
         * The lower-case id, e.g. {@code pre-release}.
         *
         * @return the id
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What a release needs and what the platform offers.
     *
     * @param needsInstantRollback whether a rollback must be instant (a traffic switch)
     * @param spareCapacityFor2x whether a second full environment can run alongside the first
     * @param toleratesMixedVersions whether old and new versions may serve traffic at the same time
     * @param traffic the traffic volume
     * @param maintenanceWindow whether downtime in a maintenance window is acceptable
     * @param schemaChange the database schema change the release carries
     */
    public record DeploymentConstraints(boolean needsInstantRollback, boolean spareCapacityFor2x,
            boolean toleratesMixedVersions, TrafficVolume traffic, boolean maintenanceWindow, SchemaChange schemaChange) {

        /** Traffic volume, which decides whether a canary can gather evidence. */
        public enum TrafficVolume {
            /** Too little traffic for statistically meaningful comparison on a subset. */
            LOW,
            /** Enough traffic for a canary over its bake times. */
            MEDIUM,
            /** A lot of traffic: a failure hits many users, a canary gathers evidence quickly. */
            HIGH
        }

        /** The schema change a release carries. */
        public enum SchemaChange {
            /** No schema change. */
            NONE,
            /** Expand/contract: old and new versions both work with the new schema. */
            BACKWARD_COMPATIBLE,
            /** The old version cannot run against the new schema. */
            BREAKING
        }

        /**
         * Validates the constraints.
         *
         * @throws IllegalArgumentException if a field is null
         */
        public DeploymentConstraints {
            Checks.notNull(traffic, "traffic");
            Checks.notNull(schemaChange, "schemaChange");
        }

        /**
         * These constraints with another schema change.
         *
         * @param value the schema change
         * @return the copy
         * @throws IllegalArgumentException if value is null
         */
        public DeploymentConstraints withSchemaChange(SchemaChange value) {
            return new DeploymentConstraints(needsInstantRollback, spareCapacityFor2x, toleratesMixedVersions, traffic,
                    maintenanceWindow, Checks.notNull(value, "schemaChange"));
        }

        /**
         * A builder; defaults: no instant rollback needed, no spare capacity, mixed versions tolerated,
         * medium traffic, no maintenance window, no schema change.
         *
         * @return the builder
         */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link DeploymentConstraints}. */
        public static final class Builder {
            private boolean needsInstantRollback;
            private boolean spareCapacityFor2x;
            private boolean toleratesMixedVersions = true;
            private TrafficVolume traffic = TrafficVolume.MEDIUM;
            private boolean maintenanceWindow;
            private SchemaChange schemaChange = SchemaChange.NONE;

            private Builder() {}

            /**
             * Sets whether a rollback must be instant.
             *
             * @param value the value
             * @return this builder
             */
            public Builder needsInstantRollback(boolean value) {
                this.needsInstantRollback = value;
                return this;
            }

            /**
             * Sets whether 2x infrastructure is available.
             *
             * @param value the value
             * @return this builder
             */
            public Builder spareCapacityFor2x(boolean value) {
                this.spareCapacityFor2x = value;
                return this;
            }

            /**
             * Sets whether mixed versions are tolerated.
             *
             * @param value the value
             * @return this builder
             */
            public Builder toleratesMixedVersions(boolean value) {
                this.toleratesMixedVersions = value;
                return this;
            }

            /**
             * Sets the traffic volume.
             *
             * @param value the volume
             * @return this builder
             */
            public Builder traffic(TrafficVolume value) {
                this.traffic = Checks.notNull(value, "traffic");
                return this;
            }

            /**
             * Sets whether a maintenance window is available.
             *
             * @param value the value
             * @return this builder
             */
            public Builder maintenanceWindow(boolean value) {
                this.maintenanceWindow = value;
                return this;
            }

            /**
             * Sets the schema change.
             *
             * @param value the change
             * @return this builder
             */
            public Builder schemaChange(SchemaChange value) {
                this.schemaChange = Checks.notNull(value, "schemaChange");
                return this;
            }

            /**
             * Builds the constraints.
             *
             * @return the constraints
             */
            public DeploymentConstraints build() {
                return new DeploymentConstraints(needsInstantRollback, spareCapacityFor2x, toleratesMixedVersions, traffic,
                        maintenanceWindow, schemaChange);
            }
        }
    }
}
