package io.github.deliverykit.core.event;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An incident and its timeline: impact {@code started}, {@code detected}, {@code acknowledged},
 * {@code mitigated} (impact ended) and {@code resolved}; the later stages are null until they
 * happen. Used by error budgets (impact window), DORA (time to restore, cause deployment) and the
 * incident SLA policy (response and resolution clocks).
 *
 * <p>Order rules: {@code started <= detected <= acknowledged}, {@code started <= mitigated},
 * {@code detected <= resolved} and {@code mitigated <= resolved} where present. A resolved
 * incident without an explicit mitigation instant is taken as mitigated when resolved.
 *
 * @param id the incident id, e.g. {@code INC-2024-0125}
 * @param service the affected service
 * @param environment the affected environment
 * @param severity the severity
 * @param started when impact began
 * @param detected when it was detected
 * @param acknowledged when a responder acknowledged it, or null
 * @param mitigated when impact ended, or null
 * @param resolved when it was resolved, or null
 * @param causeDeploymentId the deployment that caused it, when known, or null
 * @param impact the share of the service degraded, in (0, 1]; 1 is a full outage
 */
public record Incident(
        String id,
        String service,
        String environment,
        Severity severity,
        Instant started,
        Instant detected,
        @Nullable Instant acknowledged,
        @Nullable Instant mitigated,
        @Nullable Instant resolved,
        @Nullable String causeDeploymentId,
        BigDecimal impact) {

    /**
     * Validates the incident.
     *
     * @throws IllegalArgumentException if a required field is missing, the timeline is out of
     *     order, or impact is outside (0, 1]
     */
    public Incident {
        Checks.notBlank(id, "id");
        Checks.notBlank(service, "service");
        Checks.notBlank(environment, "environment");
        Checks.notNull(severity, "severity");
        Checks.notBefore(started, "started", detected, "detected");
        if (acknowledged != null) {
            Checks.notBefore(detected, "detected", acknowledged, "acknowledged");
        }
        if (mitigated != null) {
            Checks.notBefore(started, "started", mitigated, "mitigated");
        }
        if (resolved != null) {
            Checks.notBefore(detected, "detected", resolved, "resolved");
            if (mitigated != null) {
                Checks.notBefore(mitigated, "mitigated", resolved, "resolved");
            }
        }
        if (causeDeploymentId != null) {
            Checks.notBlank(causeDeploymentId, "causeDeploymentId");
        }
        Checks.decimal(impact, "impact");
        if (impact.signum() <= 0 || impact.compareTo(BigDecimal.ONE) > 0) {
            throw Checks.invalid("impact", "must be in (0, 1]", impact);
        }
    }

    /**
     * Starts a builder.
     *
     * @param id the incident id
     * @param service the service
     * @param severity the severity
     * @return a builder with environment {@code production} and full impact
     */
    public static Builder builder(String id, String service, Severity severity) {
        return new Builder(id, service, severity);
    }

    /**
     * When impact ended: the mitigation instant, else the resolution instant.
     *
     * @return the end of impact, if known
     */
    public Optional<Instant> impactEnded() {
        return Optional.ofNullable(mitigated != null ? mitigated : resolved);
    }

    /**
     * The impact window {@code [started, impact ended)}; an incident still ongoing is taken to
     * last until {@code now}.
     *
     * @param now the evaluation instant, for ongoing incidents
     * @return the impact interval
     * @throws IllegalArgumentException if now is before the start of an ongoing incident
     */
    public Interval impactInterval(Instant now) {
        Checks.notNull(now, "now");
        Instant end = impactEnded().orElse(now);
        return Interval.of(started, end);
    }

    /**
     * Time to restore service: impact start to impact end.
     *
     * @return the duration, if impact has ended
     */
    public Optional<Duration> timeToRestore() {
        return impactEnded().map(end -> Duration.between(started, end));
    }

    /**
     * Whether the incident is resolved.
     *
     * @return true when resolved
     */
    public boolean isResolved() {
        return resolved != null;
    }

    /** Builds an {@link Incident}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final String id;
        private final String service;
        private final Severity severity;
        private String environment = "production";
        private @Nullable Instant started;
        private @Nullable Instant detected;
        private @Nullable Instant acknowledged;
        private @Nullable Instant mitigated;
        private @Nullable Instant resolved;
        private @Nullable String causeDeploymentId;
        private BigDecimal impact = BigDecimal.ONE;

        private Builder(String id, String service, Severity severity) {
            this.id = id;
            this.service = service;
            this.severity = severity;
        }

        /**
         * Sets the environment.
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        /**
         * Sets when impact started; detection defaults to the same instant.
         *
         * @param started the start
         * @return this builder
         */
        public Builder started(Instant started) {
            this.started = started;
            return this;
        }

        /**
         * Sets when the incident was detected.
         *
         * @param detected the detection instant
         * @return this builder
         */
        public Builder detected(Instant detected) {
            this.detected = detected;
            return this;
        }

        /**
         * Sets when it was acknowledged.
         *
         * @param acknowledged the instant
         * @return this builder
         */
        public Builder acknowledged(@Nullable Instant acknowledged) {
            this.acknowledged = acknowledged;
            return this;
        }

        /**
         * Sets when impact ended.
         *
         * @param mitigated the instant
         * @return this builder
         */
        public Builder mitigated(@Nullable Instant mitigated) {
            this.mitigated = mitigated;
            return this;
        }

        /**
         * Sets when it was resolved.
         *
         * @param resolved the instant
         * @return this builder
         */
        public Builder resolved(@Nullable Instant resolved) {
            this.resolved = resolved;
            return this;
        }

        /**
         * Sets the deployment that caused it.
         *
         * @param causeDeploymentId the deployment id
         * @return this builder
         */
        public Builder causedBy(@Nullable String causeDeploymentId) {
            this.causeDeploymentId = causeDeploymentId;
            return this;
        }

        /**
         * Sets the degraded share, in (0, 1].
         *
         * @param impact the share
         * @return this builder
         */
        public Builder impact(BigDecimal impact) {
            this.impact = impact;
            return this;
        }

        /**
         * Builds the incident.
         *
         * @return the incident
         * @throws IllegalArgumentException if a field is invalid
         */
        public Incident build() {
            Instant s = Checks.notNull(started, "started");
            return new Incident(id, service, environment, severity, s, detected != null ? detected : s,
                    acknowledged, mitigated, resolved, causeDeploymentId, impact);
        }
    }
}
