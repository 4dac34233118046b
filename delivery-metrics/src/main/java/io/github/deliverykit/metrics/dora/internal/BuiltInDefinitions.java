package io.github.deliverykit.metrics.dora.internal;

import io.github.deliverykit.metrics.dora.DoraConfig.LeadTimeStart;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.DeploymentScope;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.Duplicates;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.FailureCount;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.RecoveryEnd;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.RecoveryStart;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.RecoveryWindow;
import io.github.deliverykit.metrics.dora.spi.DoraDefinition.Rules;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;

/**
 * The built-in DORA definitions, each as its tool computes it (the queries and documents linked in
 * each class). Immutable and thread safe.
 */
public final class BuiltInDefinitions {

    private BuiltInDefinitions() {}

    /** A built-in definition: its id, title, source and rules. */
    private abstract static class BuiltIn implements DoraDefinition {
        private final String id;
        private final String title;
        private final String source;
        private final Rules rules;

        BuiltIn(String id, String title, String source, Rules rules) {
            this.id = id;
            this.title = title;
            this.source = source;
            this.rules = rules;
        }

        @Override
        public final String id() {
            return id;
        }

        @Override
        public final String title() {
            return title;
        }

        @Override
        public final String source() {
            return source;
        }

        @Override
        public final Rules rules() {
            return rules;
        }

        @Override
        public final String toString() {
            return id;
        }
    }

    /**
     * Four Keys (dora-team/fourkeys), id {@code four-keys}. Deployments are successful deployment events
     * ({@code deployments.sql} keeps only {@code success} statuses), each counted. A failed deployment is
     * a deployment linked to an incident, once per deployment ({@code change_failure_rate.sql} counts
     * {@code DISTINCT deploy_id}; before fourkeys#351 both sides counted changes). Time to restore runs
     * from an incident's {@code time_created}, the earlier of the root-cause deployment and the issue's
     * creation ({@code incidents.sql}), to its {@code time_resolved} (closing), for incidents created in
     * the window; medians are BigQuery's {@code PERCENTILE_CONT} (linear); lead time starts at the
     * change's commit time.
     *
     * @see <a href="https://github.com/dora-team/fourkeys/blob/main/METRICS.md">Four Keys METRICS.md</a>
     * @see <a href="https://github.com/dora-team/fourkeys/issues/351">fourkeys#351</a>
     */
    public static final class FourKeys extends BuiltIn {
        /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
        public FourKeys() {
            super("four-keys", "Four Keys (dora-team/fourkeys)",
                    "https://github.com/dora-team/fourkeys/blob/main/METRICS.md (queries/*.sql; CFR per deployment since fourkeys#351)",
                    new Rules(DeploymentScope.SUCCESSFUL, Duplicates.KEEP, FailureCount.FAILED_DEPLOYMENTS,
                            RecoveryStart.CAUSE_DEPLOYMENT_OR_CREATED, RecoveryEnd.RESOLVED, RecoveryWindow.START,
                            LeadTimeStart.COMMITTED, QuantileDefinition.LINEAR));
        }
    }

    /**
     * Apache DevLake, id {@code devlake}. Deployments are successful production deployments, and several
     * deployments of one pipeline are one deployment finished at the last finish (approximated here by
     * version and day). Change failure rate is deployments affected by incidents over deployments, once
     * per deployment (devlake#8890 fixed the dashboard, which summed incidents: 6 incidents on 4 of 23
     * deployments gave 26.1 % instead of 17.4 %). Failed deployment recovery time (the 2023 report's
     * metric, DevLake's default) runs from the causing deployment's finish to the incident's resolution,
     * for incidents resolved in the window; medians are {@code percent_rank() <= 0.5} (the lower median);
     * lead time starts at the first commit (author time).
     *
     * @see <a href="https://devlake.apache.org/docs/Metrics/CFR">DevLake change failure rate</a>
     * @see <a href="https://devlake.apache.org/docs/Metrics/FailedDeploymentRecoveryTime">DevLake failed deployment recovery time</a>
     * @see <a href="https://github.com/apache/devlake/pull/8890">devlake#8890</a>
     */
    public static final class DevLake extends BuiltIn {
        /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
        public DevLake() {
            super("devlake", "Apache DevLake",
                    "https://devlake.apache.org/docs/Metrics/CFR and /FailedDeploymentRecoveryTime (CFR per deployment since devlake#8890)",
                    new Rules(DeploymentScope.SUCCESSFUL, Duplicates.ONE_PER_VERSION_AND_DAY,
                            FailureCount.FAILED_DEPLOYMENTS, RecoveryStart.CAUSE_DEPLOYMENT_FINISHED, RecoveryEnd.RESOLVED,
                            RecoveryWindow.END, LeadTimeStart.AUTHORED, QuantileDefinition.LOWER));
        }
    }

    /**
     * GitLab, id {@code gitlab}. Deployments are successful, finished deployments to production, each
     * counted (per day on average: gitlab#338739 made the API report a frequency, not a volume). Change
     * failure rate is "the number of incidents divided by the number of deployments": incidents created
     * in the window, attributed or not (gitlab#444295), so it can exceed 100 % (gitlab#480920). Time to
     * restore is the median time an incident was open, creation to closing, for incidents closed in the
     * window ({@code PERCENTILE_CONT}, linear); lead time starts at the merge (commit time).
     *
     * @see <a href="https://docs.gitlab.com/ee/user/analytics/dora_metrics.html">GitLab DORA metrics</a>
     * @see <a href="https://gitlab.com/gitlab-org/gitlab/-/issues/338739">gitlab#338739</a>
     */
    public static final class GitLab extends BuiltIn {
        /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
        public GitLab() {
            super("gitlab", "GitLab",
                    "https://docs.gitlab.com/ee/user/analytics/dora_metrics.html (frequency, not volume, since gitlab#338739)",
                    new Rules(DeploymentScope.SUCCESSFUL, Duplicates.KEEP, FailureCount.INCIDENTS_IN_WINDOW,
                            RecoveryStart.INCIDENT_CREATED, RecoveryEnd.RESOLVED, RecoveryWindow.END,
                            LeadTimeStart.COMMITTED, QuantileDefinition.LINEAR));
        }
    }

    /**
     * The DORA 2024 report, id {@code dora-2024}. Every finished production deployment is a deployment;
     * change fail rate is the share of deployments that failed (failed or rolled back, or with an
     * attributed incident), once per deployment; failed deployment recovery time runs from a failed
     * deployment's finish to the next successful deployment of the same service and environment, for
     * failed deployments finished in the window; medians linear; lead time from the author time.
     *
     * @see <a href="https://dora.dev/guides/dora-metrics-four-keys/">DORA's software delivery metrics</a>
     */
    public static final class Dora2024 extends BuiltIn {
        /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
        public Dora2024() {
            super("dora-2024", "DORA 2024 report",
                    "https://dora.dev/guides/dora-metrics-four-keys/ (Accelerate State of DevOps 2024)",
                    new Rules(DeploymentScope.ALL_FINISHED, Duplicates.KEEP, FailureCount.FAILED_DEPLOYMENTS,
                            RecoveryStart.FAILED_DEPLOYMENT_FINISHED, RecoveryEnd.NEXT_SUCCESSFUL_DEPLOYMENT,
                            RecoveryWindow.START, LeadTimeStart.AUTHORED, QuantileDefinition.LINEAR));
        }
    }
}
