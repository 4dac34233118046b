package io.github.deliverykit.metrics.dora.spi;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.spi.Provider;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.metrics.dora.DoraConfig.LeadTimeStart;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;

/**
 * The plug point for definitions of the DORA metrics: which deployments count, what a failure is
 * (per deployment or per incident) and where a recovery starts and ends. Tools disagree on each
 * point, so the same history gives different figures under Four Keys, Apache DevLake, GitLab and
 * the DORA 2024 report; a definition names its choices as data ({@link Rules}) and where they come
 * from ({@link #source()}). Built-ins: {@code four-keys}, {@code devlake}, {@code gitlab} and
 * {@code dora-2024}. Register more through {@code META-INF/services} or {@code module-info}
 * {@code provides}, and load them with {@link #load()}; incident attribution (which deployment
 * caused an incident) stays the {@link io.github.deliverykit.metrics.dora.DoraConfig}'s, shared by
 * every definition, so that figures differ only by the definitions' own choices.
 */
public interface DoraDefinition extends Provider {

    /**
     * A human title, e.g. {@code Four Keys (dora-team/fourkeys)}.
     *
     * @return the title
     */
    String title();

    /**
     * Where the definition comes from: a link to the tool's documentation or query.
     *
     * @return the source
     */
    String source();

    /**
     * The definition's choices.
     *
     * @return the rules
     */
    Rules rules();

    /**
     * Loads every provider visible to this interface's class loader.
     *
     * @return the registry, ordered by priority then id
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken or ids repeat
     */
    static ProviderRegistry<DoraDefinition> load() {
        return Providers.load(DoraDefinition.class);
    }

    /**
     * The choices of a definition, as data.
     *
     * @param deployments which finished production deployments count
     * @param duplicates whether repeated deployments of one version are merged
     * @param failures what the change failure rate counts over the counted deployments
     * @param recoveryStart where a recovery time starts
     * @param recoveryEnd where it ends
     * @param recoveryWindow which instant places a recovery in a window
     * @param leadTimeStart which commit instant starts a lead time
     * @param quantiles the median's definition
     */
    record Rules(
            DeploymentScope deployments,
            Duplicates duplicates,
            FailureCount failures,
            RecoveryStart recoveryStart,
            RecoveryEnd recoveryEnd,
            RecoveryWindow recoveryWindow,
            LeadTimeStart leadTimeStart,
            QuantileDefinition quantiles) {

        /**
         * Validates the rules.
         *
         * @throws IllegalArgumentException if a field is null, or a recovery measured between deployments
         *     is mixed with an incident's start or end
         */
        public Rules {
            Checks.notNull(deployments, "deployments");
            Checks.notNull(duplicates, "duplicates");
            Checks.notNull(failures, "failures");
            Checks.notNull(recoveryStart, "recoveryStart");
            Checks.notNull(recoveryEnd, "recoveryEnd");
            Checks.notNull(recoveryWindow, "recoveryWindow");
            Checks.notNull(leadTimeStart, "leadTimeStart");
            Checks.notNull(quantiles, "quantiles");
            boolean startsAtDeployment = recoveryStart == RecoveryStart.FAILED_DEPLOYMENT_FINISHED;
            boolean endsAtDeployment = recoveryEnd == RecoveryEnd.NEXT_SUCCESSFUL_DEPLOYMENT;
            if (startsAtDeployment != endsAtDeployment) {
                throw Checks.invalid("recoveryEnd", "must be NEXT_SUCCESSFUL_DEPLOYMENT exactly when recoveryStart is "
                        + "FAILED_DEPLOYMENT_FINISHED (recoveryStart " + recoveryStart + ")", recoveryEnd);
            }
        }

        /**
         * Whether recovery is measured per incident (else per failed deployment).
         *
         * @return true for incident-based recovery
         */
        public boolean recoveryPerIncident() {
            return recoveryEnd != RecoveryEnd.NEXT_SUCCESSFUL_DEPLOYMENT;
        }
    }

    /** Which finished production deployments count (as deployments and as the failure rate's denominator). */
    enum DeploymentScope {
        /** Successful ones only: a failed or rolled-back deployment is not a deployment (Four Keys, DevLake, GitLab). */
        SUCCESSFUL,
        /** Every finished one: a failed or rolled-back deployment is a deployment that failed (DORA 2024). */
        ALL_FINISHED
    }

    /** Whether repeated deployments are merged before they are counted. */
    enum Duplicates {
        /** Every deployment counts. */
        KEEP,
        /**
         * Deployments of one service, environment and version that finish on the same calendar day (in the
         * config's zone) count as one, finished at the last finish: DevLake's "several deployments of one
         * pipeline are ONE deployment" without a pipeline id (core's {@code Deployment} has none).
         */
        ONE_PER_VERSION_AND_DAY
    }

    /** What the change failure rate counts over the counted deployments in the window. */
    enum FailureCount {
        /**
         * Failed deployments: a counted deployment with an attributed incident (or, when failed ones count,
         * a failed outcome) is one failure however many incidents it caused (DORA; Four Keys after #351;
         * DevLake after #8890).
         */
        FAILED_DEPLOYMENTS,
        /**
         * Incidents attributed to counted deployments: a deployment with three incidents is three failures,
         * so the rate can exceed 100 % (DevLake's dashboard before #8890).
         */
        ATTRIBUTED_INCIDENTS,
        /**
         * Production incidents created in the window, attributed or not, over the deployments in the window
         * (GitLab: "the number of incidents divided by the number of deployments"); can exceed 100 %.
         */
        INCIDENTS_IN_WINDOW
    }

    /** Where a recovery time starts. */
    enum RecoveryStart {
        /** The incident's impact start ({@code Incident.started}). */
        IMPACT_STARTED,
        /** The incident's creation in the tracker ({@code Incident.detected}; GitLab, DevLake's 2021 MTTR). */
        INCIDENT_CREATED,
        /** The finish of the deployment the incident is attributed to (DevLake's failed deployment recovery time). */
        CAUSE_DEPLOYMENT_FINISHED,
        /**
         * The earlier of the attributed deployment's finish and the incident's creation (Four Keys'
         * {@code time_created} of an incident; the creation alone when nothing is attributed).
         */
        CAUSE_DEPLOYMENT_OR_CREATED,
        /** The finish of a failed deployment (DORA 2024's failed deployment recovery time). */
        FAILED_DEPLOYMENT_FINISHED
    }

    /** Where a recovery time ends. */
    enum RecoveryEnd {
        /** The incident's impact end: mitigation, else resolution. */
        IMPACT_ENDED,
        /** The incident's resolution (closing the issue; Four Keys, DevLake, GitLab). */
        RESOLVED,
        /** The finish of the next successful deployment of the same service and environment (DORA 2024). */
        NEXT_SUCCESSFUL_DEPLOYMENT
    }

    /** Which instant of a recovery places it in a window (half-open). */
    enum RecoveryWindow {
        /** Its start (Four Keys: incidents created in the window; DORA 2024: failed deployments finished in it). */
        START,
        /** Its end (DevLake: incidents resolved in the window; GitLab: incidents closed in it). */
        END
    }
}
