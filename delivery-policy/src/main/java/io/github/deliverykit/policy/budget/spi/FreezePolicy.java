package io.github.deliverykit.policy.budget.spi;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.spi.Provider;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.budget.DeployFreezeConfig;
import io.github.deliverykit.policy.budget.FreezeInput;
import java.math.BigDecimal;

/**
 * The plug point of the deploy freeze: decides from the error budget whether a service is frozen.
 * The built-in has the id {@code burn-rate}; others are registered through
 * {@link java.util.ServiceLoader} ({@code META-INF/services} and {@code module-info}
 * {@code provides}) and selected by {@link DeployFreezeConfig#policy()}.
 *
 * <p>A policy only says whether the service is frozen and which burn rate it used; which kinds of
 * change still go ahead is decided once, by the engine, from
 * {@link DeployFreezeConfig#allowedWhileFrozen()}. Its finding codes must lie in its namespace (its
 * id, or the id followed by {@code .}); the engine calls it through
 * {@link io.github.deliverykit.core.spi.Plugins#call} and treats a broken or foreign-coded result as
 * frozen (fail closed). Implementations must be stateless, thread safe and deterministic.
 */
public interface FreezePolicy extends Provider {

    /**
     * Decides whether the service of one deployment is frozen.
     *
     * @param input the request and the budget figures
     * @param config the freeze config
     * @return the findings that explain it and the typed outcome
     */
    RuleResult<Outcome> evaluate(FreezeInput input, DeployFreezeConfig config);

    /**
     * What a freeze policy decided, besides its findings.
     *
     * @param frozen whether non-exempt deployments of the service are frozen
     * @param burnRate the burn rate the policy compared with its threshold, zero or more
     */
    record Outcome(boolean frozen, BigDecimal burnRate) {

        /**
         * Validates the outcome.
         *
         * @throws IllegalArgumentException if the burn rate is null or negative
         */
        public Outcome {
            Checks.notNull(burnRate, "burnRate");
            if (burnRate.signum() < 0) {
                throw Checks.invalid("burnRate", "must be zero or more", burnRate);
            }
        }
    }
}
