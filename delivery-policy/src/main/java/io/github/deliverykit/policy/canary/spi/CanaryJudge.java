package io.github.deliverykit.policy.canary.spi;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.spi.Provider;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.RolloutPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A plug point that judges one evaluation of a rollout stage. Built-ins: {@code threshold} (the
 * seed's gates) and {@code mann-whitney} (canary against baseline, Kayenta style). Further judges are
 * found with {@link java.util.ServiceLoader} through {@link io.github.deliverykit.core.spi.Providers}
 * and selected by id in {@link CanaryAnalysisConfig#judges()}.
 *
 * <p>A judge returns the one plug-in shape, {@link RuleResult}, whose extras are its per-metric
 * results (which decide) and whose findings explain them; every finding code must lie in the
 * judge's namespace (its id, or the id followed by {@code .}), else the analysis rejects the result.
 * Implementations must be pure (same context, same result), must not depend on the order of
 * observations, and should be thread safe. A judge that throws or returns null is recorded as an
 * {@link Outcome#ERROR} measurement rather than aborting the evaluation.
 */
public interface CanaryJudge extends Provider {

    /**
     * Judges one evaluation.
     *
     * @param context the stage, its data and the configuration
     * @return the per-metric results as extras, and the findings
     */
    RuleResult<List<MetricResult>> judge(StageContext context);

    /**
     * Everything a {@link CanaryJudge} may look at in one evaluation.
     *
     * @param plan the rollout plan
     * @param stageIndex the current stage
     * @param stageStartedAt when the stage started
     * @param now the evaluation time
     * @param config the canary configuration
     * @param data the stage's observations, aggregated
     */
    record StageContext(RolloutPlan plan, int stageIndex, Instant stageStartedAt, Instant now,
            CanaryAnalysisConfig config, StageData data) {

        /**
         * Validates the context.
         *
         * @throws IllegalArgumentException if a field is null, the index is outside the plan or now is
         *     before the stage start
         */
        public StageContext {
            Checks.notNull(plan, "plan");
            Checks.inRange(stageIndex, 0, plan.stages().size() - 1, "stageIndex");
            Checks.notBefore(stageStartedAt, "stageStartedAt", now, "now");
            Checks.notNull(config, "config");
            Checks.notNull(data, "data");
        }

        /**
         * The current stage.
         *
         * @return the stage
         */
        public RolloutPlan.Stage stage() {
            return plan.stages().get(stageIndex);
        }

        /**
         * Time spent in the stage so far.
         *
         * @return now - stage start
         */
        public Duration elapsed() {
            return Duration.between(stageStartedAt, now);
        }
    }

    /**
     * The observations of one stage evaluation, aggregated so that their order cannot matter: samples
     * sorted per metric and variant, counts summed, health results and query errors tallied by name in
     * sorted maps. Immutable; accessors return copies.
     */
    final class StageData {

        private final Map<String, EnumMap<Variant, double[]>> samples;
        private final Map<String, EnumMap<Variant, Integer>> nans;
        private final Map<String, EnumMap<Variant, Tally>> counts;
        private final SortedMap<String, Tally> health;
        private final SortedMap<String, SortedSet<String>> queryErrors;
        private final int used;
        private final int outside;

        /**
         * Bad events among all events.
         *
         * @param bad the bad events (errors, failed checks)
         * @param total all events (requests, checks)
         */
        public record Tally(long bad, long total) {
            /** No events. */
            public static final Tally EMPTY = new Tally(0, 0);

            /**
             * Validates the tally.
             *
             * @throws IllegalArgumentException if a count is negative or bad exceeds total
             */
            public Tally {
                Checks.nonNegative(total, "total");
                Checks.inRange(bad, 0, total, "bad");
            }

            /**
             * The bad share.
             *
             * @return bad / total, or 0 without events
             */
            public double rate() {
                return total == 0 ? 0 : (double) bad / total;
            }

            Tally plus(long b, long t) {
                try {
                    return new Tally(Math.addExact(bad, b), Math.addExact(total, t));
                } catch (ArithmeticException e) {
                    throw Checks.invalid("observations", "must not sum to more than Long.MAX_VALUE events", total);
                }
            }
        }

        private StageData(Map<String, EnumMap<Variant, double[]>> samples, Map<String, EnumMap<Variant, Integer>> nans,
                Map<String, EnumMap<Variant, Tally>> counts, SortedMap<String, Tally> health,
                SortedMap<String, SortedSet<String>> queryErrors, int used, int outside) {
            this.samples = samples;
            this.nans = nans;
            this.counts = counts;
            this.health = health;
            this.queryErrors = queryErrors;
            this.used = used;
            this.outside = outside;
        }

        /**
         * Aggregates the observations with {@code from <= at < to} (half-open, like
         * {@link io.github.deliverykit.core.time.Interval}, so that each observation belongs to exactly one
         * stage); query errors only count when {@code at >= errorsFrom} (errors since the previous
         * evaluation).
         *
         * @param observations the observations, in any order
         * @param from the stage start, inclusive
         * @param to now, exclusive
         * @param errorsFrom the previous evaluation, or null to count every error in the window
         * @return the aggregated data
         * @throws IllegalArgumentException if the collection or an element is null, or counts overflow
         */
        public static StageData collect(Collection<? extends Observation> observations, Instant from,
                Instant to, @Nullable Instant errorsFrom) {
            Checks.notNull(observations, "observations");
            Checks.notBefore(from, "from", to, "to");
            Map<String, EnumMap<Variant, DoubleList>> raw = new TreeMap<>();
            Map<String, EnumMap<Variant, Integer>> nans = new TreeMap<>();
            Map<String, EnumMap<Variant, Tally>> counts = new TreeMap<>();
            SortedMap<String, Tally> health = new TreeMap<>();
            SortedMap<String, SortedSet<String>> errors = new TreeMap<>();
            int used = 0;
            int outside = 0;
            int i = 0;
            for (Observation o : observations) {
                if (o == null) {
                    throw Checks.invalid("observations[" + i + "]", "must not be null", null);
                }
                i++;
                if (!o.at().isBefore(to)) {
                    // not yet observed at `to`: ignored without a trace, so that an evaluation is the
                    // same whether or not the log already holds later observations
                    continue;
                }
                if (o.at().isBefore(from)) {
                    outside++;
                    continue;
                }
                used++;
                if (o instanceof Observation.Sample s) {
                    if (Double.isNaN(s.value())) {
                        nans.computeIfAbsent(s.metric(), k -> new EnumMap<>(Variant.class)).merge(s.variant(), 1, Integer::sum);
                    } else {
                        raw.computeIfAbsent(s.metric(), k -> new EnumMap<>(Variant.class))
                                .computeIfAbsent(s.variant(), k -> new DoubleList()).add(s.value());
                    }
                } else if (o instanceof Observation.Count c) {
                    EnumMap<Variant, Tally> m = counts.computeIfAbsent(c.metric(), k -> new EnumMap<>(Variant.class));
                    m.put(c.variant(), m.getOrDefault(c.variant(), Tally.EMPTY).plus(c.bad(), c.total()));
                } else if (o instanceof Observation.Health h) {
                    health.put(h.metric(), health.getOrDefault(h.metric(), Tally.EMPTY).plus(h.healthy() ? 0 : 1, 1));
                } else if (o instanceof Observation.QueryError q) {
                    if (errorsFrom == null || !q.at().isBefore(errorsFrom)) {
                        errors.computeIfAbsent(q.metric(), k -> new TreeSet<>()).add(q.reason());
                    }
                }
            }
            Map<String, EnumMap<Variant, double[]>> sorted = new TreeMap<>();
            raw.forEach((metric, byVariant) -> {
                EnumMap<Variant, double[]> m = new EnumMap<>(Variant.class);
                byVariant.forEach((v, list) -> {
                    double[] a = list.toArray();
                    Arrays.sort(a);
                    m.put(v, a);
                });
                sorted.put(metric, m);
            });
            return new StageData(sorted, nans, counts, Collections.unmodifiableSortedMap(health),
                    Collections.unmodifiableSortedMap(errors), used, outside);
        }

        /**
         * The non-NaN samples of a metric, sorted ascending.
         *
         * @param metric the metric
         * @param variant the variant
         * @return a fresh sorted array, empty when there are none
         */
        public double[] samples(String metric, Variant variant) {
            Checks.notNull(metric, "metric");
            Checks.notNull(variant, "variant");
            EnumMap<Variant, double[]> m = samples.get(metric);
            double[] a = m == null ? null : m.get(variant);
            return a == null ? new double[0] : a.clone();
        }

        /**
         * How many NaN samples a metric had.
         *
         * @param metric the metric
         * @param variant the variant
         * @return the NaN count
         */
        public int nanCount(String metric, Variant variant) {
            Checks.notNull(metric, "metric");
            Checks.notNull(variant, "variant");
            EnumMap<Variant, Integer> m = nans.get(metric);
            Integer n = m == null ? null : m.get(variant);
            return n == null ? 0 : n;
        }

        /**
         * The summed counts of a metric.
         *
         * @param metric the metric
         * @param variant the variant
         * @return the tally, {@link Tally#EMPTY} when none
         */
        public Tally counts(String metric, Variant variant) {
            Checks.notNull(metric, "metric");
            Checks.notNull(variant, "variant");
            EnumMap<Variant, Tally> m = counts.get(metric);
            Tally t = m == null ? null : m.get(variant);
            return t == null ? Tally.EMPTY : t;
        }

        /**
         * Canary health checks by name: failed checks among all checks.
         *
         * @return an unmodifiable sorted map
         */
        public SortedMap<String, Tally> health() {
            return health;
        }

        /**
         * The distinct reasons of query errors of a metric since the previous evaluation.
         *
         * @param metric the metric
         * @return the sorted reasons, empty when none
         */
        public SortedSet<String> queryErrors(String metric) {
            Checks.notNull(metric, "metric");
            SortedSet<String> s = queryErrors.get(metric);
            return s == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(s);
        }

        /**
         * The metrics that had query errors since the previous evaluation.
         *
         * @return the sorted metric names
         */
        public SortedSet<String> metricsWithQueryErrors() {
            return Collections.unmodifiableSortedSet(new TreeSet<>(queryErrors.keySet()));
        }

        /**
         * Observations inside the window.
         *
         * @return the count
         */
        public int used() {
            return used;
        }

        /**
         * Observations before the window (earlier stages), left out. Observations at or after now are
         * ignored and not counted, so that replaying a complete log gives the same evaluations as
         * evaluating live.
         *
         * @return the count
         */
        public int outside() {
            return outside;
        }

        /** A growable primitive list, so that samples are never boxed. */
        private static final class DoubleList {
            private double[] values = new double[16];
            private int size;

            void add(double v) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                values[size++] = v;
            }

            double[] toArray() {
                return Arrays.copyOf(values, size);
            }
        }
    }

    /**
     * One measurement a judge took in one evaluation. The analyzer keeps Argo-style counters per
     * measurement name (cumulative failures, inconclusive results and consecutive errors within a
     * stage).
     *
     * @param name the stable name, e.g. {@code error-rate} or {@code score}
     * @param outcome the outcome
     * @param critical whether a failure rolls back at once, whatever the failure limit
     * @param dryRun whether the measurement is only reported and never decides
     * @param value the number measured (an error rate, a latency quantile, a score, a mean ratio), or
     *     NaN when the measurement has none
     */
    record MetricResult(String name, Outcome outcome, boolean critical, boolean dryRun, double value) {

        /**
         * Validates the measurement.
         *
         * @throws IllegalArgumentException if the name is blank, the outcome null or the value infinite
         */
        public MetricResult {
            Checks.notBlank(name, "name");
            Checks.notNull(outcome, "outcome");
            if (Double.isInfinite(value)) {
                throw Checks.invalid("value", "must be finite or NaN", value);
            }
        }

        /**
         * A measurement without a number.
         *
         * @param name the name
         * @param outcome the outcome
         * @param critical whether a failure rolls back at once
         * @param dryRun whether it is only reported
         */
        public MetricResult(String name, Outcome outcome, boolean critical, boolean dryRun) {
            this(name, outcome, critical, dryRun, Double.NaN);
        }

        /**
         * This measurement with its number.
         *
         * @param measured the number, finite or NaN
         * @return the copy
         * @throws IllegalArgumentException if the number is infinite
         */
        public MetricResult withValue(double measured) {
            return new MetricResult(name, outcome, critical, dryRun, measured);
        }

        /**
         * An ordinary (non-critical, deciding) measurement.
         *
         * @param name the name
         * @param outcome the outcome
         * @return the measurement
         */
        public static MetricResult of(String name, Outcome outcome) {
            return new MetricResult(name, outcome, false, false);
        }
    }

    /** The outcome of one measurement, with Argo Rollouts' meaning. */
    enum Outcome {
        /** The check was met. */
        PASS,
        /** The check was not met: counts against the failure limit. */
        FAIL,
        /** Neither clearly met nor failed (a marginal score): counts against the inconclusive limit. */
        INCONCLUSIVE,
        /** Not enough data yet: holds the stage. */
        NO_DATA,
        /** Not enough data, and the metric is configured to ignore that: neither holds nor fails. */
        IGNORED,
        /** The measurement could not be taken (query or judge error): counts against the consecutive-error limit. */
        ERROR
    }
}
