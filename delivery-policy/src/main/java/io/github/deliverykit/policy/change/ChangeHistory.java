package io.github.deliverykit.policy.change;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DoraConfig;
import io.github.deliverykit.metrics.dora.DoraConfig.DeploymentLookup;
import io.github.deliverykit.metrics.dora.DoraEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The change history the {@code success-score} rule judges a service by: the DORA events
 * (deployments with their outcomes, incidents), attributed to changes the way DORA attributes them
 * ({@link DoraConfig#incidentAttribution()}, production environments from
 * {@link DoraConfig#productionEnvironments()}), and the span the events are known to be complete for.
 *
 * <p>Attribution runs once, when the history is built (O((D + I) log D) for D deployments and I
 * incidents); {@link #score} is then a scan of the service's own production deployments and of the
 * production incidents, O(D + I). Boundary rules are DORA's: a deployment belongs to a window when it
 * finished in it (half-open), an incident when it started in it; in-progress deployments are counted
 * apart and not scored. Results do not depend on the order of the input lists. Immutable and thread
 * safe.
 */
public final class ChangeHistory {

    private final Interval coverage;
    private final Set<String> production;
    /** Finished production deployments per service, by finish then id. */
    private final Map<String, List<Deployment>> finishedByService;
    /** In-progress production deployments per service. */
    private final Map<String, List<Deployment>> inProgressByService;
    /** Production incidents with their attributed cause (or null), by start then id. */
    private final List<Attributed> incidents;
    /** Deployment id to the starts of the incidents attributed to it. */
    private final Map<String, List<Instant>> causedStarts;

    private record Attributed(Incident incident, @Nullable Deployment cause) {}

    private ChangeHistory(DoraEvents events, DoraConfig config, Interval coverage) {
        this.coverage = coverage;
        this.production = Set.copyOf(config.productionEnvironments());
        Map<String, Deployment> byId = new HashMap<>();
        Map<String, List<Deployment>> byStream = new HashMap<>();
        Map<String, List<Deployment>> finished = new TreeMap<>();
        Map<String, List<Deployment>> running = new TreeMap<>();
        Comparator<Deployment> byFinish = Comparator.comparing((Deployment d) -> d.finished())
                .thenComparing(Deployment::id);
        for (Deployment d : events.deployments()) {
            if (byId.put(d.id(), d) != null) {
                throw Checks.invalid("deployments", "must have unique ids", d.id());
            }
            boolean prod = production.contains(d.environment());
            if (d.outcome() == DeploymentOutcome.IN_PROGRESS) {
                if (prod) {
                    running.computeIfAbsent(d.service(), k -> new ArrayList<>()).add(d);
                }
                continue;
            }
            byStream.computeIfAbsent(d.service() + '\u0000' + d.environment(), k -> new ArrayList<>()).add(d);
            if (prod) {
                finished.computeIfAbsent(d.service(), k -> new ArrayList<>()).add(d);
            }
        }
        byStream.values().forEach(l -> l.sort(byFinish));
        finished.values().forEach(l -> l.sort(byFinish));
        running.values().forEach(l -> l.sort(Comparator.comparing(Deployment::id)));
        this.finishedByService = freeze(finished);
        this.inProgressByService = freeze(running);
        DeploymentLookup lookup = new Lookup(byId, byStream);
        DoraConfig.IncidentAttribution attribution = config.incidentAttribution();
        List<Attributed> attributed = new ArrayList<>();
        Map<String, List<Instant>> caused = new HashMap<>();
        for (Incident inc : events.incidents()) {
            if (!production.contains(inc.environment())) {
                continue;
            }
            Optional<Deployment> cause;
            try {
                cause = attribution.causeOf(inc, lookup);
            } catch (RuntimeException e) {
                throw Checks.invalid("incidentAttribution", "failed on incident " + inc.id() + ": " + e,
                        attribution.getClass().getName());
            }
            if (cause == null) {
                throw Checks.invalid("incidentAttribution", "must not return null", attribution.getClass().getName());
            }
            Deployment d = cause.orElse(null);
            if (d != null && (d.outcome() == DeploymentOutcome.IN_PROGRESS || !production.contains(d.environment())
                    || byId.get(d.id()) != d)) {
                d = null; // only a finished production deployment of this history is a change that caused it
            }
            attributed.add(new Attributed(inc, d));
            if (d != null) {
                caused.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(inc.started());
            }
        }
        attributed.sort(Comparator.comparing((Attributed a) -> a.incident().started())
                .thenComparing(a -> a.incident().id()));
        this.incidents = List.copyOf(attributed);
        Map<String, List<Instant>> causedCopy = new HashMap<>();
        caused.forEach((k, v) -> causedCopy.put(k, List.copyOf(v)));
        this.causedStarts = Map.copyOf(causedCopy);
    }

    private static Map<String, List<Deployment>> freeze(Map<String, List<Deployment>> map) {
        Map<String, List<Deployment>> out = new HashMap<>();
        map.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }

    /**
     * A history attributed with a DORA config.
     *
     * @param events the deployments and incidents (commits and histories are not used)
     * @param config the DORA config: production environments and incident attribution
     * @param coverage the span the events are complete for (a window reaching outside it is partial
     *     evidence, said so in the decision)
     * @return the history
     * @throws IllegalArgumentException if an argument is null, the coverage empty, a deployment id
     *     repeats, or the attribution throws or returns null
     */
    public static ChangeHistory of(DoraEvents events, DoraConfig config, Interval coverage) {
        Checks.notNull(events, "events");
        Checks.notNull(config, "config");
        Checks.notNull(coverage, "coverage");
        if (coverage.isEmpty()) {
            throw Checks.invalid("coverage", "must not be empty", coverage);
        }
        return new ChangeHistory(events, config, coverage);
    }

    /**
     * A history attributed with the default DORA config (production environment {@code production},
     * an incident's own cause, else the latest production deployment within 24 hours before it).
     *
     * @param events the deployments and incidents
     * @param coverage the span the events are complete for
     * @return the history
     * @throws IllegalArgumentException on bad input (see {@link #of(DoraEvents, DoraConfig, Interval)})
     */
    public static ChangeHistory of(DoraEvents events, Interval coverage) {
        return of(events, DoraConfig.ofDefaults(), coverage);
    }

    /**
     * The span the events are complete for.
     *
     * @return the coverage
     */
    public Interval coverage() {
        return coverage;
    }

    /**
     * The change-success score of one service over a window.
     *
     * @param service the service
     * @param window the window, half-open
     * @param scoring the weights
     * @return the counts and the score
     * @throws IllegalArgumentException if an argument is null or the service blank
     */
    public SuccessScore score(String service, Interval window, SuccessScoring scoring) {
        Checks.notBlank(service, "service");
        Checks.notNull(window, "window");
        Checks.notNull(scoring, "scoring");
        int successful = 0;
        int withIssues = 0;
        int failed = 0;
        for (Deployment d : finishedByService.getOrDefault(service, List.of())) {
            Instant finished = d.finished();
            if (finished == null || !window.contains(finished)) {
                continue;
            }
            if (d.isFailure()) {
                failed++;
            } else if (causedBefore(d.id(), window.end())) {
                withIssues++;
            } else {
                successful++;
            }
        }
        int inProgress = 0;
        for (Deployment d : inProgressByService.getOrDefault(service, List.of())) {
            if (window.contains(d.started())) {
                inProgress++;
            }
        }
        TreeMap<Severity, Integer> caused = new TreeMap<>();
        int unattributed = 0;
        for (Attributed a : incidents) {
            if (!window.contains(a.incident().started())) {
                continue;
            }
            Deployment cause = a.cause();
            if (cause != null && cause.service().equals(service)) {
                caused.merge(a.incident().severity(), 1, Integer::sum);
            } else if (cause == null && a.incident().service().equals(service)) {
                unattributed++;
            }
        }
        // counts < 2^31 and weights within 10^6: every product and the sum fit a long exactly
        long score = (long) successful * scoring.successful() + (long) withIssues * scoring.withIssues()
                + (long) failed * scoring.failed();
        for (Map.Entry<Severity, Integer> e : caused.entrySet()) {
            score += (long) e.getValue() * scoring.incidentWeight(e.getKey());
        }
        return new SuccessScore(service, window, window.intersection(coverage).orElse(null), successful, withIssues,
                failed, inProgress, caused, unattributed, score);
    }

    private boolean causedBefore(String deploymentId, Instant end) {
        for (Instant start : causedStarts.getOrDefault(deploymentId, List.of())) {
            if (start.isBefore(end)) {
                return true;
            }
        }
        return false;
    }

    /** The lookup an incident attribution asks, over this history's finished deployments. */
    private static final class Lookup implements DeploymentLookup {
        private final Map<String, Deployment> byId;
        private final Map<String, List<Deployment>> byStream;

        Lookup(Map<String, Deployment> byId, Map<String, List<Deployment>> byStream) {
            this.byId = byId;
            this.byStream = byStream;
        }

        @Override
        public Optional<Deployment> byId(String deploymentId) {
            if (deploymentId == null) {
                return Optional.empty();
            }
            Deployment d = byId.get(deploymentId);
            return d == null || d.outcome() == DeploymentOutcome.IN_PROGRESS ? Optional.empty() : Optional.of(d);
        }

        @Override
        public Optional<Deployment> latestSuccessful(String service, String environment, Instant atOrBefore) {
            if (service == null || environment == null || atOrBefore == null) {
                return Optional.empty();
            }
            List<Deployment> stream = byStream.getOrDefault(service + '\u0000' + environment, List.of());
            for (int k = stream.size() - 1; k >= 0; k--) {
                Deployment d = stream.get(k);
                Instant finished = d.finished();
                if (finished != null && !finished.isAfter(atOrBefore) && !d.isFailure()) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }
}
