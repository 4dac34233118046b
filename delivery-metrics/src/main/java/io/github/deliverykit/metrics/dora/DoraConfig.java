package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import io.github.deliverykit.metrics.dora.DoraReport.LeadTime;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How DORA metrics are computed: what production is, how incidents and changes are attributed to
 * deployments, which commit instant starts a lead time, the calendar used for deployment days and
 * the quantile definition. Immutable; build with {@link #custom()} or take {@link #ofDefaults()}.
 */
public final class DoraConfig {

    /** Default production environments: {@code production}. */
    public static final Set<String> DEFAULT_PRODUCTION_ENVIRONMENTS = Set.of("production");
    /** Default commit scope: listed shas, else the range since the previous deployment. */
    public static final CommitScope DEFAULT_COMMIT_SCOPE = CommitScope.LISTED_OR_RANGE;
    /** Default lead-time start: the author time. */
    public static final LeadTimeStart DEFAULT_LEAD_TIME_START = LeadTimeStart.AUTHORED;
    /** Default calendar zone: UTC. */
    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;
    /** Default first day of a calendar week: Monday (ISO; DevLake). Four Keys' BigQuery weeks start on Sunday. */
    public static final DayOfWeek DEFAULT_FIRST_DAY_OF_WEEK = DayOfWeek.MONDAY;
    /** Default quantile definition: linear interpolation (BigQuery's PERCENTILE_CONT). */
    public static final QuantileDefinition DEFAULT_QUANTILE_DEFINITION = QuantileDefinition.LINEAR;
    /** The team of a service missing from {@link #teams()}. */
    public static final String DEFAULT_UNASSIGNED_TEAM = "unassigned";

    private static final DoraConfig DEFAULTS = custom().build();

    private final Set<String> productionEnvironments;
    private final IncidentAttribution incidentAttribution;
    private final CommitScope commitScope;
    private final LeadTimeStart leadTimeStart;
    private final ZoneId zone;
    private final DayOfWeek firstDayOfWeek;
    private final QuantileDefinition quantileDefinition;
    private final Map<String, String> teams;
    private final String unassignedTeam;

    private DoraConfig(Builder b) {
        this.productionEnvironments = Set.copyOf(b.productionEnvironments);
        this.incidentAttribution = b.incidentAttribution;
        this.commitScope = b.commitScope;
        this.leadTimeStart = b.leadTimeStart;
        this.zone = b.zone;
        this.firstDayOfWeek = b.firstDayOfWeek;
        this.quantileDefinition = b.quantileDefinition;
        this.teams = Map.copyOf(b.teams);
        this.unassignedTeam = b.unassignedTeam;
    }

    /**
     * The defaults: production is {@code production}, incidents attributed to their cause or the
     * latest successful deployment within 24 hours, listed-or-range commits, author time, UTC,
     * Monday weeks, linear quantiles, no teams.
     *
     * @return the default config
     */
    public static DoraConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A builder starting from a config.
     *
     * @param base the config to copy
     * @return the builder
     * @throws IllegalArgumentException if base is null
     */
    public static Builder from(DoraConfig base) {
        Checks.notNull(base, "base");
        Builder b = new Builder();
        b.productionEnvironments = new TreeSet<>(base.productionEnvironments);
        b.incidentAttribution = base.incidentAttribution;
        b.commitScope = base.commitScope;
        b.leadTimeStart = base.leadTimeStart;
        b.zone = base.zone;
        b.firstDayOfWeek = base.firstDayOfWeek;
        b.quantileDefinition = base.quantileDefinition;
        b.teams = new LinkedHashMap<>(base.teams);
        b.unassignedTeam = base.unassignedTeam;
        return b;
    }

    /**
     * The environments that count as production (exact match).
     *
     * @return the environments
     */
    public Set<String> productionEnvironments() {
        return productionEnvironments;
    }

    /**
     * The incident attribution.
     *
     * @return the attribution
     */
    public IncidentAttribution incidentAttribution() {
        return incidentAttribution;
    }

    /**
     * Which changes a deployment shipped.
     *
     * @return the scope
     */
    public CommitScope commitScope() {
        return commitScope;
    }

    /**
     * Which commit instant starts a lead time.
     *
     * @return the start
     */
    public LeadTimeStart leadTimeStart() {
        return leadTimeStart;
    }

    /**
     * The zone of calendar days, weeks and months.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The first day of a calendar week.
     *
     * @return the day
     */
    public DayOfWeek firstDayOfWeek() {
        return firstDayOfWeek;
    }

    /**
     * The definition of medians and percentiles.
     *
     * @return the definition
     */
    public QuantileDefinition quantileDefinition() {
        return quantileDefinition;
    }

    /**
     * Service to team.
     *
     * @return an immutable map
     */
    public Map<String, String> teams() {
        return teams;
    }

    /**
     * The team of services missing from {@link #teams()}.
     *
     * @return the team
     */
    public String unassignedTeam() {
        return unassignedTeam;
    }

    /**
     * The team owning a service.
     *
     * @param service the service
     * @return its team or the unassigned team
     * @throws IllegalArgumentException if the service is null
     */
    public String teamOf(String service) {
        Checks.notNull(service, "service");
        return teams.getOrDefault(service, unassignedTeam);
    }

    @Override
    public String toString() {
        return "DoraConfig[production=" + new TreeSet<>(productionEnvironments) + ", commitScope=" + commitScope
                + ", leadTimeStart=" + leadTimeStart + ", zone=" + zone + ", firstDayOfWeek=" + firstDayOfWeek
                + ", quantiles=" + quantileDefinition + ", teams=" + teams.size() + "]";
    }

    /** Builds a {@link DoraConfig}; every setter validates its argument. Reusable. */
    public static final class Builder {
        private Set<String> productionEnvironments = new TreeSet<>(DEFAULT_PRODUCTION_ENVIRONMENTS);
        private IncidentAttribution incidentAttribution =
                IncidentAttribution.causeOrLatestWithin(IncidentAttribution.DEFAULT_BOUND);
        private CommitScope commitScope = DEFAULT_COMMIT_SCOPE;
        private LeadTimeStart leadTimeStart = DEFAULT_LEAD_TIME_START;
        private ZoneId zone = DEFAULT_ZONE;
        private DayOfWeek firstDayOfWeek = DEFAULT_FIRST_DAY_OF_WEEK;
        private QuantileDefinition quantileDefinition = DEFAULT_QUANTILE_DEFINITION;
        private Map<String, String> teams = new LinkedHashMap<>();
        private String unassignedTeam = DEFAULT_UNASSIGNED_TEAM;

        private Builder() {}

        /**
         * Sets the production environments.
         *
         * @param environments at least one, none blank
         * @return this builder
         * @throws IllegalArgumentException if empty, null or blank
         */
        public Builder productionEnvironments(Collection<String> environments) {
            var list = Checks.listOf(environments, "productionEnvironments");
            if (list.isEmpty()) {
                throw Checks.invalid("productionEnvironments", "must not be empty", "[]");
            }
            for (int i = 0; i < list.size(); i++) {
                Checks.notBlank(list.get(i), "productionEnvironments[" + i + "]");
            }
            this.productionEnvironments = new TreeSet<>(list);
            return this;
        }

        /**
         * Sets the incident attribution.
         *
         * @param attribution the attribution
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder incidentAttribution(IncidentAttribution attribution) {
            this.incidentAttribution = Checks.notNull(attribution, "incidentAttribution");
            return this;
        }

        /**
         * Attributes incidents to their cause or the latest successful deployment within a bound.
         *
         * @param bound the bound, positive
         * @return this builder
         * @throws IllegalArgumentException if the bound is null or not positive
         */
        public Builder attributionBound(java.time.Duration bound) {
            this.incidentAttribution = IncidentAttribution.causeOrLatestWithin(bound);
            return this;
        }

        /**
         * Sets the commit scope.
         *
         * @param scope the scope
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder commitScope(CommitScope scope) {
            this.commitScope = Checks.notNull(scope, "commitScope");
            return this;
        }

        /**
         * Sets the lead-time start.
         *
         * @param start the start
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder leadTimeStart(LeadTimeStart start) {
            this.leadTimeStart = Checks.notNull(start, "leadTimeStart");
            return this;
        }

        /**
         * Sets the calendar zone.
         *
         * @param zone the zone
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder zone(ZoneId zone) {
            this.zone = Checks.notNull(zone, "zone");
            return this;
        }

        /**
         * Sets the first day of a week.
         *
         * @param day the day
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder firstDayOfWeek(DayOfWeek day) {
            this.firstDayOfWeek = Checks.notNull(day, "firstDayOfWeek");
            return this;
        }

        /**
         * Sets the quantile definition.
         *
         * @param definition the definition
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder quantileDefinition(QuantileDefinition definition) {
            this.quantileDefinition = Checks.notNull(definition, "quantileDefinition");
            return this;
        }

        /**
         * Sets the owning team of each service.
         *
         * @param teams service to team, no blank key or value
         * @return this builder
         * @throws IllegalArgumentException if null or a key or value is blank
         */
        public Builder teams(Map<String, String> teams) {
            Checks.notNull(teams, "teams");
            Map<String, String> copy = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : teams.entrySet()) {
                Checks.notBlank(e.getKey(), "teams key");
                copy.put(e.getKey(), Checks.notBlank(e.getValue(), "teams['" + e.getKey() + "']"));
            }
            this.teams = copy;
            return this;
        }

        /**
         * Sets the team of services without one.
         *
         * @param team the team
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder unassignedTeam(String team) {
            this.unassignedTeam = Checks.notBlank(team, "unassignedTeam");
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         */
        public DoraConfig build() {
            return new DoraConfig(this);
        }
    }

    /**
     * Which changes a successful deployment shipped, for lead time.
     *
     * <p>A range is the service's mainline history ({@link DoraEvents#histories()}) with commit time in
     * {@code (previous, this]}: after the finish of the previous successful deployment of the same
     * service and environment (or of the deployment named by {@code previousDeploymentId}) and up to
     * this deployment's finish. A commit exactly at the previous finish belongs to the previous
     * deployment. A first deployment with no previous one has no range: its changes are not measured
     * (counted in {@link LeadTime#deploymentsWithoutChanges()}). Squash commits are ordinary mainline
     * commits here, so a squash-merged change is measured from its squash commit.
     */
    public enum CommitScope {
        /** Only the listed shas. */
        LISTED,
        /** Only the range since the previous successful deployment. */
        RANGE,
        /** The listed shas when there are any, else the range (the default). */
        LISTED_OR_RANGE
    }

    /**
     * Which commit instant a lead time starts from. Squash and rebase merges rewrite the commit time to
     * the merge; the author time keeps when the change was written.
     */
    public enum LeadTimeStart {
        /** The author time (the default; survives squash merges and rebases). */
        AUTHORED,
        /** The commit time (Four Keys' {@code time_created} of the change). */
        COMMITTED
    }

    /**
     * Which deployment caused an incident: the plug point behind change failure rate (an attributed
     * incident makes its deployment a failure) and rework. Implementations must be deterministic and
     * thread safe.
     */
    @FunctionalInterface
    public interface IncidentAttribution {

        /** Default bound of {@link #causeOrLatestWithin(Duration)}: 24 hours. */
        Duration DEFAULT_BOUND = Duration.ofHours(24);

        /**
         * The deployment that caused an incident.
         *
         * @param incident the incident
         * @param deployments the dataset's deployments
         * @return the cause, or empty when none is attributed
         */
        Optional<Deployment> causeOf(Incident incident, DeploymentLookup deployments);

        /**
         * Only the incident's own {@code causeDeploymentId}; an unknown id attributes nothing.
         *
         * @return the attribution
         */
        static IncidentAttribution causeOnly() {
            return (incident, deployments) -> {
                Checks.notNull(incident, "incident");
                Checks.notNull(deployments, "deployments");
                return incident.causeDeploymentId() == null ? Optional.empty() : deployments.byId(incident.causeDeploymentId());
            };
        }

        /**
         * The incident's own cause when given (an unknown id attributes nothing, it is not guessed),
         * otherwise the latest successful deployment of the same service and environment that finished
         * at or before the incident started and at most {@code bound} before it (bound inclusive). No
         * unbounded linking: an incident long after the last deployment is attributed to none.
         *
         * @param bound the largest gap between deployment finish and incident start
         * @return the attribution
         * @throws IllegalArgumentException if the bound is null or not positive
         */
        static IncidentAttribution causeOrLatestWithin(Duration bound) {
            Checks.positive(bound, "bound");
            return (incident, deployments) -> {
                Checks.notNull(incident, "incident");
                Checks.notNull(deployments, "deployments");
                if (incident.causeDeploymentId() != null) {
                    return deployments.byId(incident.causeDeploymentId());
                }
                Instant start = incident.started();
                Optional<Deployment> latest = deployments.latestSuccessful(incident.service(), incident.environment(), start);
                return latest.filter(d -> {
                    Instant finished = d.finished();
                    return finished != null && Duration.between(finished, start).compareTo(bound) <= 0;
                });
            };
        }
    }

    /** What an {@link IncidentAttribution} can ask about the deployments of a dataset. */
    public interface DeploymentLookup {

        /**
         * A deployment by id.
         *
         * @param deploymentId the id
         * @return the deployment, if known
         */
        Optional<io.github.deliverykit.core.event.Deployment> byId(String deploymentId);

        /**
         * The latest successful deployment of a service and environment that finished at or before an
         * instant.
         *
         * @param service the service
         * @param environment the environment
         * @param atOrBefore the instant
         * @return the deployment, if any
         */
        Optional<io.github.deliverykit.core.event.Deployment> latestSuccessful(String service, String environment, Instant atOrBefore);
    }
}
