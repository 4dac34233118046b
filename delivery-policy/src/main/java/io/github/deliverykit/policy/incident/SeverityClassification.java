package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.metric.Unit;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies an incident's severity from its impact, per the seed: complete outage or data loss is
 * SEV-1; a major feature unavailable SEV-2; minor impact with a workaround SEV-3; cosmetic with no
 * customer impact SEV-4. The metric rules of the config ({@link IncidentSlaConfig#severityRules()},
 * built on core {@link Threshold}s over {@link #USERS_AFFECTED}, {@link #REVENUE_AFFECTED} or custom
 * keys) add metric-driven criteria. Every matching criterion is a candidate and the most severe
 * candidate wins.
 *
 * <p>The public entry point for classifying any impact, e.g. a canary rollback's incident
 * candidate: {@code SeverityClassification.of(config).evaluate(impact, clock).severity()}.
 *
 * <p>Ambiguity picks the more severe level and says so in an {@code incident.severity.ambiguous}
 * WARN finding: minor impact without a known workaround (SEV-2 or SEV-3: SEV-2), cosmetic impact
 * that affects customers or with customer impact unknown (SEV-3 or SEV-4: SEV-3), cosmetic flagged
 * together with a functional impact (the functional level), and no usable fact at all (the most
 * severe level, SEV-1, until triage says otherwise). Finding codes: {@code incident.severity.*}.
 * Immutable and thread safe.
 */
public final class SeverityClassification {

    /** The share of users affected, a ratio 0..1 (a key of this package; custom keys are allowed too). */
    public static final String USERS_AFFECTED = "incident.users_affected";
    /** The share of revenue affected, a ratio 0..1. */
    public static final String REVENUE_AFFECTED = "incident.revenue_affected";

    private static final Logger LOG = LoggerFactory.getLogger(SeverityClassification.class);

    private final IncidentSlaConfig config;

    private SeverityClassification(IncidentSlaConfig config) {
        this.config = config;
    }

    /** Whether the facts decided one level or the more severe of two was picked. */
    public enum Certainty {
        /** The facts match criteria without ambiguity. */
        CLEAR,
        /** The facts were ambiguous: the more severe level was picked. */
        AMBIGUOUS
    }

    /**
     * A classification with the severity rules of a config.
     *
     * @param config the config
     * @return the classification
     * @throws IllegalArgumentException if config is null
     */
    public static SeverityClassification of(IncidentSlaConfig config) {
        return new SeverityClassification(Checks.notNull(config, "config"));
    }

    /**
     * Two classifications are equal when they apply the same severity rules.
     *
     * @param o the other object
     * @return true when equal
     */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SeverityClassification
                && ((SeverityClassification) o).config.severityRules().equals(config.severityRules());
    }

    @Override
    public int hashCode() {
        return config.severityRules().hashCode();
    }

    @Override
    public String toString() {
        return "SeverityClassification[rules=" + config.severityRules() + "]";
    }

    /**
     * The config whose severity rules apply.
     *
     * @return the config
     */
    public IncidentSlaConfig config() {
        return config;
    }

    /**
     * Classifies an impact.
     *
     * @param facts the impact facts
     * @param clock the clock (the impact is judged as given; taken for the uniform shape)
     * @return the severity, whether it was ambiguous, and the findings explaining it
     * @throws IllegalArgumentException if an argument is null
     */
    public Result evaluate(Impact facts, Clock clock) {
        Checks.notNull(facts, "facts");
        Checks.notNull(clock, "clock");
        List<Finding> out = new ArrayList<>();
        Severity best = null;
        boolean ambiguous = false;
        boolean functional = false;
        if (facts.completeOutage()) {
            best = pick(best, Severity.SEV1);
            functional = true;
            out.add(criterion("incident.severity.outage", "complete outage", Severity.SEV1));
        }
        if (facts.dataLoss()) {
            best = pick(best, Severity.SEV1);
            functional = true;
            out.add(criterion("incident.severity.data-loss", "data loss", Severity.SEV1));
        }
        if (facts.majorFeatureUnavailable()) {
            best = pick(best, Severity.SEV2);
            functional = true;
            out.add(criterion("incident.severity.major-feature", "major feature unavailable", Severity.SEV2));
        }
        if (facts.minorFeatureImpact()) {
            functional = true;
            if (Boolean.TRUE.equals(facts.workaroundAvailable())) {
                best = pick(best, Severity.SEV3);
                out.add(criterion("incident.severity.minor-with-workaround",
                        "minor feature impact, workaround available", Severity.SEV3));
            } else {
                best = pick(best, Severity.SEV2);
                ambiguous = true;
                out.add(Finding.warn("incident.severity.ambiguous",
                        "minor feature impact without a known workaround fits SEV-2 or SEV-3; picked the more severe SEV-2",
                        Facts.of("candidates", "SEV-2, SEV-3", "workaroundAvailable",
                                String.valueOf(facts.workaroundAvailable()), "severity", Severity.SEV2)));
            }
        }
        if (facts.cosmetic()) {
            if (functional) {
                ambiguous = true;
                out.add(Finding.warn("incident.severity.ambiguous",
                        "cosmetic impact reported together with functional impact; the functional impact decides",
                        Facts.of("candidates", best + ", SEV-4", "severity", best)));
            } else if (Boolean.FALSE.equals(facts.customerImpact())) {
                best = pick(best, Severity.SEV4);
                out.add(criterion("incident.severity.cosmetic", "cosmetic, no customer impact", Severity.SEV4));
            } else {
                best = pick(best, Severity.SEV3);
                ambiguous = true;
                out.add(Finding.warn("incident.severity.ambiguous",
                        "cosmetic impact with customer impact " + (facts.customerImpact() == null ? "unknown" : "reported")
                                + " fits SEV-3 or SEV-4; picked the more severe SEV-3",
                        Facts.of("candidates", "SEV-3, SEV-4", "customerImpact",
                                String.valueOf(facts.customerImpact()), "severity", Severity.SEV3)));
            }
        }
        List<Measurement> measured = facts.measured();
        for (IncidentSlaConfig.SeverityRule rule : config.severityRules()) {
            Threshold when = rule.when();
            for (Measurement m : measured) {
                if (m.key().equals(when.key()) && m.unit().equals(when.unit()) && when.test(m.value())) {
                    best = pick(best, rule.severity());
                    out.add(Finding.info("incident.severity.metric",
                            Checks.message("%s %s reached %s: at least %s", m.key(), m.rendered(),
                                    when.describe(), rule.severity()),
                            Facts.of("metric", m.key(), "value", m.value(), "threshold", when.describe(),
                                    "severity", rule.severity())));
                    break;
                }
            }
        }
        if (best == null) {
            if (Boolean.FALSE.equals(facts.customerImpact())) {
                best = Severity.SEV4;
                out.add(criterion("incident.severity.no-customer-impact", "no customer impact", Severity.SEV4));
            } else {
                best = Severity.SEV1;
                ambiguous = true;
                out.add(Finding.warn("incident.severity.ambiguous",
                        "no impact fact matches a criterion; treated as the most severe SEV-1 until triaged",
                        Facts.of("candidates", "SEV-1 .. SEV-4", "severity", Severity.SEV1)));
            }
        }
        out.add(Finding.info("incident.severity.classified",
                "classified as " + best + (ambiguous ? " (ambiguous facts: the more severe level)" : ""),
                Facts.of("severity", best, "ambiguous", ambiguous)));
        LOG.debug("classified {} as {} (ambiguous: {})", facts, best, ambiguous);
        return new Result(best, ambiguous, Findings.of(out));
    }

    private static Severity pick(@Nullable Severity current, Severity candidate) {
        return current == null ? candidate : current.mostSevere(candidate);
    }

    private static Finding criterion(String code, String what, Severity severity) {
        return Finding.info(code, what + ": " + severity, Facts.of("severity", severity));
    }

    /**
     * What is known about an incident's impact, the input of {@link SeverityClassification}. Unknown facts
     * are null (for the yes/no questions whose absence matters) or false.
     *
     * @param completeOutage the service is completely down
     * @param dataLoss data was lost or corrupted
     * @param majorFeatureUnavailable a major feature is unavailable
     * @param minorFeatureImpact a minor feature is impaired
     * @param workaroundAvailable whether a workaround exists, or null when unknown
     * @param cosmetic the impact is cosmetic only
     * @param customerImpact whether customers are affected, or null when unknown
     * @param usersAffected the share of users affected in [0, 1], or null when not measured
     * @param revenueAffected the share of revenue affected in [0, 1], or null when not measured
     * @param measurements further measured values for custom severity rules (custom keys), possibly empty
     */
    public record Impact(
            boolean completeOutage,
            boolean dataLoss,
            boolean majorFeatureUnavailable,
            boolean minorFeatureImpact,
            @Nullable Boolean workaroundAvailable,
            boolean cosmetic,
            @Nullable Boolean customerImpact,
            @Nullable Double usersAffected,
            @Nullable Double revenueAffected,
            List<Measurement> measurements) {

        /**
         * Validates the shares.
         *
         * @throws IllegalArgumentException if a share is NaN or outside [0, 1]
         */
        public Impact {
            if (usersAffected != null) {
                Checks.inRange(usersAffected, 0, 1, "usersAffected");
            }
            if (revenueAffected != null) {
                Checks.inRange(revenueAffected, 0, 1, "revenueAffected");
            }
            measurements = Checks.listOf(measurements, "measurements");
            for (Measurement m : measurements) {
                if (m.key().equals(USERS_AFFECTED) || m.key().equals(REVENUE_AFFECTED)) {
                    throw Checks.invalid("measurements", "must not repeat " + m.key() + " (use its own field)", m.key());
                }
            }
        }

        /**
         * Impact facts without further measurements.
         *
         * @param completeOutage the service is completely down
         * @param dataLoss data was lost or corrupted
         * @param majorFeatureUnavailable a major feature is unavailable
         * @param minorFeatureImpact a minor feature is impaired
         * @param workaroundAvailable whether a workaround exists, or null when unknown
         * @param cosmetic the impact is cosmetic only
         * @param customerImpact whether customers are affected, or null when unknown
         * @param usersAffected the share of users affected in [0, 1], or null
         * @param revenueAffected the share of revenue affected in [0, 1], or null
         * @throws IllegalArgumentException if a share is NaN or outside [0, 1]
         */
        public Impact(boolean completeOutage, boolean dataLoss, boolean majorFeatureUnavailable,
                boolean minorFeatureImpact, @Nullable Boolean workaroundAvailable, boolean cosmetic,
                @Nullable Boolean customerImpact, @Nullable Double usersAffected, @Nullable Double revenueAffected) {
            this(completeOutage, dataLoss, majorFeatureUnavailable, minorFeatureImpact, workaroundAvailable, cosmetic,
                    customerImpact, usersAffected, revenueAffected, List.of());
        }

        /**
         * Every measured value: the two shares under their well-known keys, then the others.
         *
         * @return the measurements
         */
        public List<Measurement> measured() {
            List<Measurement> out = new ArrayList<>();
            if (usersAffected != null) {
                out.add(new Measurement(USERS_AFFECTED, BigDecimal.valueOf(usersAffected), Unit.RATIO));
            }
            if (revenueAffected != null) {
                out.add(new Measurement(REVENUE_AFFECTED, BigDecimal.valueOf(revenueAffected), Unit.RATIO));
            }
            out.addAll(measurements);
            return out;
        }

        /**
         * Starts a builder with nothing known.
         *
         * @return a builder
         */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds an {@link Impact}; every setter returns this builder. */
        public static final class Builder {
            private boolean completeOutage;
            private boolean dataLoss;
            private boolean majorFeatureUnavailable;
            private boolean minorFeatureImpact;
            private @Nullable Boolean workaroundAvailable;
            private boolean cosmetic;
            private @Nullable Boolean customerImpact;
            private @Nullable Double usersAffected;
            private @Nullable Double revenueAffected;
            private final List<Measurement> measurements = new ArrayList<>();

            private Builder() {}

            /**
             * Marks a complete outage.
             *
             * @return this builder
             */
            public Builder completeOutage() {
                completeOutage = true;
                return this;
            }

            /**
             * Marks data loss.
             *
             * @return this builder
             */
            public Builder dataLoss() {
                dataLoss = true;
                return this;
            }

            /**
             * Marks a major feature as unavailable.
             *
             * @return this builder
             */
            public Builder majorFeatureUnavailable() {
                majorFeatureUnavailable = true;
                return this;
            }

            /**
             * Marks a minor feature as impaired.
             *
             * @return this builder
             */
            public Builder minorFeatureImpact() {
                minorFeatureImpact = true;
                return this;
            }

            /**
             * Sets whether a workaround exists.
             *
             * @param available true if it does
             * @return this builder
             */
            public Builder workaroundAvailable(boolean available) {
                workaroundAvailable = available;
                return this;
            }

            /**
             * Marks the impact as cosmetic.
             *
             * @return this builder
             */
            public Builder cosmetic() {
                cosmetic = true;
                return this;
            }

            /**
             * Sets whether customers are affected.
             *
             * @param affected true if they are
             * @return this builder
             */
            public Builder customerImpact(boolean affected) {
                customerImpact = affected;
                return this;
            }

            /**
             * Sets the share of users affected.
             *
             * @param share in [0, 1]
             * @return this builder
             * @throws IllegalArgumentException if NaN or outside [0, 1]
             */
            public Builder usersAffected(double share) {
                usersAffected = Checks.inRange(share, 0, 1, "usersAffected");
                return this;
            }

            /**
             * Sets the share of revenue affected.
             *
             * @param share in [0, 1]
             * @return this builder
             * @throws IllegalArgumentException if NaN or outside [0, 1]
             */
            public Builder revenueAffected(double share) {
                revenueAffected = Checks.inRange(share, 0, 1, "revenueAffected");
                return this;
            }

            /**
             * Adds a further measured value for custom severity rules.
             *
             * @param measurement the measurement (a custom key)
             * @return this builder
             * @throws IllegalArgumentException if null
             */
            public Builder measurement(Measurement measurement) {
                measurements.add(Checks.notNull(measurement, "measurement"));
                return this;
            }

            /**
             * Builds the facts.
             *
             * @return the facts
             * @throws IllegalArgumentException if a measurement repeats a well-known share
             */
            public Impact build() {
                return new Impact(completeOutage, dataLoss, majorFeatureUnavailable, minorFeatureImpact,
                        workaroundAvailable, cosmetic, customerImpact, usersAffected, revenueAffected, measurements);
            }
        }
    }

    /**
     * The severity an incident's impact calls for, and why.
     *
     * @param severity the chosen severity
     * @param ambiguous whether the facts were ambiguous and the more severe level was picked
     * @param findings the criteria matched and any ambiguity, in order
     */
    public record Result(Severity severity, boolean ambiguous, Findings findings) implements Decided<Certainty> {

        /**
         * Validates the result.
         *
         * @throws IllegalArgumentException if a field is null
         */
        public Result {
            Checks.notNull(severity, "severity");
            Checks.notNull(findings, "findings");
        }

        /**
         * CLEAR or AMBIGUOUS.
         *
         * @return the verdict
         */
        @Override
        public Certainty verdict() {
            return ambiguous ? Certainty.AMBIGUOUS : Certainty.CLEAR;
        }
    }
}
