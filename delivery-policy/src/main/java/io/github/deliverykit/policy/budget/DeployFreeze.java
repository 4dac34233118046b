package io.github.deliverykit.policy.budget;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.spi.Plugins;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.metrics.budget.MaintenanceSchedule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.policy.budget.internal.BurnRateFreezePolicy;
import io.github.deliverykit.policy.budget.spi.FreezePolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deploy freeze from the error budget: a {@link DeployFreezeConfig} plus the
 * {@link FreezePolicy} it selects by id, built by hand ({@link #of(DeployFreezeConfig)},
 * {@link #of(DeployFreezeConfig, List)}) or loaded through {@link java.util.ServiceLoader}
 * ({@link #load(DeployFreezeConfig)} and its variants). One verb, {@link #evaluate(FreezeInput, Clock)},
 * returns a {@link FreezeDecision}.
 *
 * <p>The policy says whether the service is frozen; the engine alone decides which kinds of change
 * still go ahead, from {@link DeployFreezeConfig#allowedWhileFrozen()}, and adds
 * {@code freeze.exempt} (WARN) or {@code freeze.active} (FAIL) when frozen. A policy that throws,
 * returns null or emits a code outside its namespace counts as frozen, with a
 * {@code freeze.plugin.*} FAIL finding (fail closed). Immutable and thread safe when the policy is.
 */
public final class DeployFreeze {

    /** The namespace of the engine's own finding codes. */
    public static final String NAMESPACE = "freeze";

    private static final Logger LOG = LoggerFactory.getLogger(DeployFreeze.class);

    private final FreezePolicy policy;
    private final DeployFreezeConfig config;

    private DeployFreeze(FreezePolicy policy, DeployFreezeConfig config) {
        this.policy = policy;
        this.config = config;
    }

    /**
     * The seed's freeze: default config and the built-in {@code burn-rate} policy.
     *
     * @return the freeze
     */
    public static DeployFreeze ofDefaults() {
        return of(DeployFreezeConfig.ofDefaults());
    }

    /**
     * A freeze with a built-in policy, without {@link java.util.ServiceLoader}.
     *
     * @param config the config
     * @return the freeze
     * @throws IllegalArgumentException if the config is null or its policy id is not a built-in
     */
    public static DeployFreeze of(DeployFreezeConfig config) {
        return of(config, List.of());
    }

    /**
     * A freeze whose policy is picked by the config's policy id among policies built by hand, or
     * among the built-ins when none of them has that id.
     *
     * @param config the config
     * @param policies the candidate policies, in any order
     * @return the freeze
     * @throws IllegalArgumentException if an argument or element is null, a policy has no usable id,
     *     no policy has the config's id, or that id is the engine's namespace {@code freeze} (which
     *     would let a policy speak for the engine)
     */
    public static DeployFreeze of(DeployFreezeConfig config, List<? extends FreezePolicy> policies) {
        Checks.notNull(config, "config");
        List<FreezePolicy> given = Checks.listOf(policies, "policies");
        if (config.policy().equals(NAMESPACE)) {
            throw Checks.invalid("policy", "must not be the engine's namespace '" + NAMESPACE + "'", config.policy());
        }
        List<String> ids = new ArrayList<>();
        for (FreezePolicy p : given) {
            String id;
            try {
                id = Checks.notBlank(Checks.notNull(p, "policies[]").id(), "id() of " + p.getClass().getName());
            } catch (RuntimeException e) {
                throw Checks.invalid("policies", "must have a usable id (" + e + ")", p.getClass().getName());
            }
            if (config.policy().equals(id)) {
                return new DeployFreeze(p, config);
            }
            ids.add(id);
        }
        if (config.policy().equals(BurnRateFreezePolicy.ID)) {
            return new DeployFreeze(new BurnRateFreezePolicy(), config);
        }
        ids.add(BurnRateFreezePolicy.ID);
        throw Checks.invalid("policy", "must be one of " + ids + " (load() finds registered policies)",
                config.policy());
    }

    /**
     * A freeze whose policy is loaded by the config's policy id from the class loader of this library.
     *
     * @param config the config
     * @return the freeze
     * @throws IllegalArgumentException if the config is null or no provider has its policy id
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken or two claim one id
     */
    public static DeployFreeze load(DeployFreezeConfig config) {
        Checks.notNull(config, "config");
        return of(config, Providers.load(FreezePolicy.class).all());
    }

    /**
     * A freeze whose policy is loaded by id from a class loader.
     *
     * @param config the config
     * @param classLoader where to look for providers
     * @return the freeze
     * @throws IllegalArgumentException if an argument is null or no provider has the policy id
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken or two claim one id
     */
    public static DeployFreeze load(DeployFreezeConfig config, ClassLoader classLoader) {
        Checks.notNull(config, "config");
        return of(config, Providers.load(FreezePolicy.class, Checks.notNull(classLoader, "classLoader")).all());
    }

    /**
     * A freeze whose policy is loaded by id from a module layer.
     *
     * @param config the config
     * @param layer where to look for providers
     * @return the freeze
     * @throws IllegalArgumentException if an argument is null or no provider has the policy id
     * @throws io.github.deliverykit.core.spi.ProviderException if a provider is broken or two claim one id
     */
    public static DeployFreeze load(DeployFreezeConfig config, ModuleLayer layer) {
        Checks.notNull(config, "config");
        return of(config, Providers.load(FreezePolicy.class, Checks.notNull(layer, "layer")).all());
    }

    /**
     * Like {@link #load(DeployFreezeConfig)}, but skipping broken providers and duplicate ids
     * (reported in {@link ProviderRegistry#problems()} of the registry, see
     * {@link Providers.Loader#lenient()}).
     *
     * @param config the config
     * @return the freeze
     * @throws IllegalArgumentException if the config is null or no usable provider has its policy id
     */
    public static DeployFreeze loadLenient(DeployFreezeConfig config) {
        Checks.notNull(config, "config");
        return of(config, Providers.loader(FreezePolicy.class).lenient().load().all());
    }

    /**
     * Evaluates prepared input.
     *
     * @param input the deployment and its budget figures
     * @param clock the clock giving the evaluation instant ({@link FreezeDecision#evaluatedAt()}); the
     *     budget figures already carry the instant they were computed at
     * @return the decision
     * @throws IllegalArgumentException if an argument is null
     */
    public FreezeDecision evaluate(FreezeInput input, Clock clock) {
        Checks.notNull(input, "input");
        Checks.notNull(clock, "clock");
        RuleResult<FreezePolicy.Outcome> r = Plugins.call(NAMESPACE, policy, () -> policy.evaluate(input, config),
                new FreezePolicy.Outcome(true, input.burnRate()));
        boolean frozen = r.extras().frozen();
        FreezeInput.Request req = input.request();
        boolean allowed = config.allowedWhileFrozen().contains(req.kind());
        Findings findings = r.findings();
        Facts facts = Facts.of("kind", req.kind(), "allowedWhileFrozen", config.allowedWhileFrozen());
        if (frozen && allowed) {
            findings = findings.plus(Finding.warn(NAMESPACE + ".exempt", Checks.message(
                    "%s is frozen, but %s changes stay allowed: %s may deploy", req.service(), req.kind(),
                    req.changeId()), facts));
        } else if (frozen) {
            findings = findings.plus(Finding.fail(NAMESPACE + ".active", Checks.message(
                    "%s is frozen: %s change %s must wait (allowed while frozen: %s)", req.service(), req.kind(),
                    req.changeId(), config.allowedWhileFrozen()), facts));
        }
        FreezeDecision.Verdict verdict = frozen && !allowed ? FreezeDecision.Verdict.FREEZE
                : FreezeDecision.Verdict.ALLOW;
        LOG.debug("deploy freeze {} {}: {} (policy {}, frozen {}, burn {}x)", req.service(), req.changeId(), verdict,
                policy.id(), frozen, r.extras().burnRate());
        return new FreezeDecision(verdict, findings, req.service(), req.changeId(), req.kind(), frozen, input.budget(),
                r.extras().burnRate(), input.lookback(), config.allowedWhileFrozen(), policy.id(), clock.instant());
    }

    /**
     * Evaluates a deployment of a service with a time-based SLO, now: the budget and, when the
     * config has a lookback, the burn rate over it are computed from the incidents at the clock's
     * instant.
     *
     * @param request the deployment
     * @param slo the time-based SLO
     * @param incidents incidents of the service
     * @param maintenance scheduled maintenance
     * @param clock the clock giving now
     * @return the decision
     * @throws IllegalArgumentException if an argument is invalid
     */
    public FreezeDecision evaluate(FreezeInput.Request request, Slo slo, Collection<Incident> incidents,
            MaintenanceSchedule maintenance, Clock clock) {
        Checks.notNull(clock, "clock");
        return evaluate(FreezeInput.fromIncidents(request, slo, incidents, maintenance, clock.instant(), config), clock);
    }

    /**
     * The policy in use.
     *
     * @return the policy
     */
    public FreezePolicy policy() {
        return policy;
    }

    /**
     * The config in use.
     *
     * @return the config
     */
    public DeployFreezeConfig config() {
        return config;
    }

    /**
     * What a deployment changes, as far as a deploy freeze is concerned: the one vocabulary of what
     * stays allowed while frozen ({@link DeployFreezeConfig#allowedWhileFrozen()},
     * {@link FreezeDecision#allows(ChangeKind)}), used by change approval too.
     */
    public enum ChangeKind {
        /** An ordinary, non-critical change: frozen while the budget burns too fast. */
        ROUTINE,
        /** A rollback to a previous version. */
        ROLLBACK,
        /** A security fix. */
        SECURITY_FIX,
        /** A change explicitly marked critical (e.g. the fix for the incident that burns the budget). */
        CRITICAL
    }
}
