package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.Incident;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events DORA metrics are computed from: deployments, incidents, the commits that listed shas
 * refer to, and each service's mainline history (for range attribution). Immutable.
 *
 * @param deployments all deployments, any environment, any order
 * @param incidents all incidents, any order
 * @param commits commits that deployments list by sha, any order
 * @param histories per service, its mainline commits (squash commits included), any order
 */
public record DoraEvents(
        List<Deployment> deployments,
        List<Incident> incidents,
        List<Commit> commits,
        Map<String, List<Commit>> histories) {

    /**
     * Validates and copies the events.
     *
     * @throws IllegalArgumentException if a list, map, key or element is null or a key is blank
     */
    public DoraEvents {
        deployments = Checks.listOf(deployments, "deployments");
        incidents = Checks.listOf(incidents, "incidents");
        commits = Checks.listOf(commits, "commits");
        Checks.notNull(histories, "histories");
        Map<String, List<Commit>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Commit>> e : histories.entrySet()) {
            Checks.notBlank(e.getKey(), "histories key");
            copy.put(e.getKey(), Checks.listOf(e.getValue(), "histories['" + e.getKey() + "']"));
        }
        histories = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Starts a builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects events; {@link #build()} validates. */
    public static final class Builder {
        private final List<Deployment> deployments = new ArrayList<>();
        private final List<Incident> incidents = new ArrayList<>();
        private final List<Commit> commits = new ArrayList<>();
        private final Map<String, List<Commit>> histories = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds deployments.
         *
         * @param more the deployments
         * @return this builder
         * @throws IllegalArgumentException if null or containing null
         */
        public Builder deployments(List<Deployment> more) {
            deployments.addAll(Checks.listOf(more, "deployments"));
            return this;
        }

        /**
         * Adds deployments.
         *
         * @param more the deployments
         * @return this builder
         * @throws IllegalArgumentException if null or containing null (named by index)
         */
        public Builder deployments(Deployment... more) {
            return deployments(java.util.Arrays.asList(Checks.notNull(more, "deployments")));
        }

        /**
         * Adds incidents.
         *
         * @param more the incidents
         * @return this builder
         * @throws IllegalArgumentException if null or containing null
         */
        public Builder incidents(List<Incident> more) {
            incidents.addAll(Checks.listOf(more, "incidents"));
            return this;
        }

        /**
         * Adds incidents.
         *
         * @param more the incidents
         * @return this builder
         * @throws IllegalArgumentException if null or containing null (named by index)
         */
        public Builder incidents(Incident... more) {
            return incidents(java.util.Arrays.asList(Checks.notNull(more, "incidents")));
        }

        /**
         * Adds commits that listed shas refer to.
         *
         * @param more the commits
         * @return this builder
         * @throws IllegalArgumentException if null or containing null
         */
        public Builder commits(List<Commit> more) {
            commits.addAll(Checks.listOf(more, "commits"));
            return this;
        }

        /**
         * Adds commits that listed shas refer to.
         *
         * @param more the commits
         * @return this builder
         * @throws IllegalArgumentException if null or containing null (named by index)
         */
        public Builder commits(Commit... more) {
            return commits(java.util.Arrays.asList(Checks.notNull(more, "commits")));
        }

        /**
         * Adds mainline commits of a service.
         *
         * @param service the service
         * @param more its commits
         * @return this builder
         * @throws IllegalArgumentException if the service is blank or the list null or containing null
         */
        public Builder history(String service, List<Commit> more) {
            Checks.notBlank(service, "service");
            histories.computeIfAbsent(service, k -> new ArrayList<>()).addAll(Checks.listOf(more, "history"));
            return this;
        }

        /**
         * Builds the events.
         *
         * @return the events
         */
        public DoraEvents build() {
            return new DoraEvents(deployments, incidents, commits, histories);
        }
    }
}
