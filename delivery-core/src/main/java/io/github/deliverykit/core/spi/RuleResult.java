package io.github.deliverykit.core.spi;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import java.util.List;

/**
 * The one shape every plug-in returns (change rule, exit criterion, canary judge, maturity
 * criterion, freeze policy): the findings it contributes plus the typed extras its SPI defines
 * (the approvers a change rule requires, the condition an exit criterion attaches, the metric
 * results of a canary judge...). Engines read the extras, never a finding by code.
 *
 * <p>A plug-in's finding codes must lie in its namespace (its provider id, or that id followed by
 * {@code .}); {@link Plugins#call} enforces this so that a custom rule cannot speak for a built-in.
 *
 * @param <E> the SPI's extras type
 * @param findings the findings, in order
 * @param extras the typed extras
 */
public record RuleResult<E>(Findings findings, E extras) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public RuleResult {
        Checks.notNull(findings, "findings");
        Checks.notNull(extras, "extras");
    }

    /**
     * A result.
     *
     * @param <E> the extras type
     * @param extras the extras
     * @param findings the findings
     * @return the result
     * @throws IllegalArgumentException if an argument is null
     */
    public static <E> RuleResult<E> of(E extras, Finding... findings) {
        return new RuleResult<>(Findings.of(findings), extras);
    }

    /**
     * A result.
     *
     * @param <E> the extras type
     * @param extras the extras
     * @param findings the findings
     * @return the result
     * @throws IllegalArgumentException if an argument is null
     */
    public static <E> RuleResult<E> of(E extras, List<Finding> findings) {
        return new RuleResult<>(Findings.of(findings), extras);
    }

    /**
     * Whether every finding code lies in a provider's namespace.
     *
     * @param providerId the provider id
     * @return true when each code equals the id or starts with the id and a dot
     */
    public boolean inNamespace(String providerId) {
        Checks.notBlank(providerId, "providerId");
        for (Finding f : findings) {
            if (!Plugins.inNamespace(f.code(), providerId)) {
                return false;
            }
        }
        return true;
    }
}
