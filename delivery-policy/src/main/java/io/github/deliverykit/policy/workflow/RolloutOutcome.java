package io.github.deliverykit.policy.workflow;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.incident.SeverityClassification;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a finished (or still running) rollout yields for the rest of the workflow: the core
 * {@link Deployment} with its outcome (for DORA and the change log) and, when the canary rolled
 * back, an incident candidate with a classified severity (for the incident step and the error
 * budget).
 *
 * @param deployment the deployment event
 * @param incident the incident candidate of a rollback, or null
 * @param findings what the step found, in order
 */
public record RolloutOutcome(Deployment deployment, @Nullable IncidentCandidate incident, Findings findings)
        implements Decided<DeploymentOutcome> {

    /**
     * Validates the outcome.
     *
     * @throws IllegalArgumentException if a required field is null, or an incident candidate is given
     *     for a deployment that did not roll back
     */
    public RolloutOutcome {
        Checks.notNull(deployment, "deployment");
        Checks.notNull(findings, "findings");
        if (incident != null && deployment.outcome() != DeploymentOutcome.ROLLED_BACK) {
            throw Checks.invalid("incident", "may only be given for a ROLLED_BACK deployment (outcome "
                    + deployment.outcome() + ")", incident.incident().id());
        }
    }

    /**
     * The deployment's outcome.
     *
     * @return the outcome
     */
    @Override
    public DeploymentOutcome verdict() {
        return deployment.outcome();
    }

    /**
     * The incident candidate of a rollback.
     *
     * @return the candidate, empty unless the canary rolled back on a breach with traffic exposed
     */
    public Optional<IncidentCandidate> incidentCandidate() {
        return Optional.ofNullable(incident);
    }

    /**
     * Which deployment a rollout was: the identity its {@link Deployment} event carries.
     *
     * @param deploymentId the deployment id
     * @param service the service
     * @param environment the environment, e.g. {@code production}
     * @param version the version rolled out
     * @param commits the commits it carries, oldest first
     */
    public record Target(String deploymentId, String service, String environment, String version,
            List<String> commits) {

        /**
         * Validates the target.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public Target {
            Checks.notBlank(deploymentId, "deploymentId");
            Checks.notBlank(service, "service");
            Checks.notBlank(environment, "environment");
            Checks.notBlank(version, "version");
            commits = Checks.listOf(commits, "commits");
        }
    }

    /**
     * An incident opened from a canary rollback: the core incident (impact from the rollout's start to
     * the rollback, the exposed traffic share as partial impact, the deployment as its cause), the
     * severity classification that chose its severity, and the rollback it came from.
     *
     * @param incident the incident
     * @param classification the severity classification
     * @param rollback the rollback report
     */
    public record IncidentCandidate(Incident incident, SeverityClassification.Result classification,
            Rollout.RollbackReport rollback) {

        /**
         * Validates the candidate.
         *
         * @throws IllegalArgumentException if a field is null or the severities disagree
         */
        public IncidentCandidate {
            Checks.notNull(incident, "incident");
            Checks.notNull(classification, "classification");
            Checks.notNull(rollback, "rollback");
            if (incident.severity() != classification.severity()) {
                throw Checks.invalid("incident.severity", "must be the classified " + classification.severity(),
                        incident.severity());
            }
        }
    }
}
