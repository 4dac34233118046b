package io.github.deliverykit.formats.slo;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.Slo;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One SLO objective read from (or to be written as) SLO-as-code: its name, the {@link Slo} the
 * budget engine takes, the indicator it measures and its burn-rate alert table, if any.
 *
 * @param name the SLO's name (OpenSLO {@code metadata.name})
 * @param objective the objective's name ({@code displayName}, or {@code objective-N} when absent)
 * @param slo the service, target, window and budgeting method
 * @param indicator the SLI's name, or null when the SLI has none
 * @param alerts the burn-rate rules of the SLO's alert policies, or null when it has none
 */
public record SloDefinition(String name, String objective, Slo slo, @Nullable String indicator,
        @Nullable AlertTable alerts) {

    /**
     * Validates the definition.
     *
     * @throws IllegalArgumentException if the name or objective is blank or the SLO is null
     */
    public SloDefinition {
        Checks.notBlank(name, "name");
        Checks.notBlank(objective, "objective");
        Checks.notNull(slo, "slo");
    }

    /**
     * The alert table, if the SLO has alert policies with burn-rate conditions.
     *
     * @return the table
     */
    public Optional<AlertTable> alertTable() {
        return Optional.ofNullable(alerts);
    }
}
