package io.github.deliverykit.policy.change.spi;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.spi.Provider;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.change.ChangeApproval;
import io.github.deliverykit.policy.change.ChangeApprovalConfig;
import io.github.deliverykit.policy.change.ChangeDecision.Risk;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plug point of change approval: one rule that inspects a request and its context, reports
 * findings, and may call for extra approvers. Rules are loaded with
 * {@link io.github.deliverykit.core.spi.Providers} (the built-ins are registered the same way as
 * third-party rules) and run in registry order: higher {@link #priority()} first, then id.
 *
 * <p>A rule can only tighten a decision: the verdict is computed from the findings of every rule,
 * so a {@link io.github.deliverykit.core.finding.Level#FAIL} from any rule rejects the change and no
 * rule can remove another rule's finding. The engine calls each rule through
 * {@link io.github.deliverykit.core.spi.Plugins#call}: a rule that throws, returns null or emits a
 * code outside its namespace (its id, or the id followed by {@code .}) is reported as a
 * {@code change.plugin.*} failure instead (fail closed), so a custom rule cannot speak for a
 * built-in. The decision's risk, lead time and retrospective come from the extras of the built-in
 * rules with those ids only; the approvers of every rule are added up, and the decision's risk is
 * the highest risk any rule returns (a rule can raise the risk, never lower it; the engine adds the
 * approvers that risk calls for and fails a change whose type may not carry it).
 *
 * <p>Implementations must be stateless or thread safe, and deterministic.
 */
public interface ChangeRule extends Provider {

    /**
     * Evaluates the rule.
     *
     * @param input the request, the error-budget freeze decision (if known), the calendar freeze
     *     windows and the other scheduled changes
     * @param now the instant of the evaluation
     * @param config the change approval config
     * @return the findings and the typed extras
     */
    RuleResult<Extras> evaluate(ChangeApproval.Input input, Instant now, ChangeApprovalConfig config);

    /**
     * The instant from which this rule is enforced (Enterprise Contract's {@code effective_on}).
     * Strictly before it the engine runs the rule in shadow: its findings are reported (a FAIL as a
     * WARN, after a {@code change.rule.shadow} finding with the date and the would-be result) and its
     * extras are not applied. A date in {@link ChangeApprovalConfig#effectiveDates()} overrides this
     * one. A rule whose method throws is enforced, and the failure reported ({@code change.plugin.error}).
     *
     * @return the effective date; empty (the default) for a rule enforced at once
     */
    default java.util.Optional<Instant> effectiveOn() {
        return java.util.Optional.empty();
    }

    /**
     * What a change rule returns besides its findings.
     *
     * @param requiredApprovers extra roles that must approve, in order
     * @param risk the assessed risk (the built-in {@code risk} rule), or null
     * @param requiredLeadTime the lead time that applies (the built-in {@code lead-time} rule), or null
     * @param retrospectiveDue when a retrospective review is due (the built-in {@code retrospective}
     *     rule), or null
     */
    record Extras(List<Role> requiredApprovers, @Nullable Risk risk, @Nullable Duration requiredLeadTime,
            @Nullable Instant retrospectiveDue) {

        private static final Extras NONE = new Extras(List.of(), null, null, null);

        /**
         * Validates the extras.
         *
         * @throws IllegalArgumentException if the list or an element is null, or the lead time negative
         */
        public Extras {
            requiredApprovers = Checks.listOf(requiredApprovers, "requiredApprovers");
            if (requiredLeadTime != null) {
                Checks.nonNegative(requiredLeadTime, "requiredLeadTime");
            }
        }

        /**
         * Nothing besides the findings.
         *
         * @return the empty extras
         */
        public static Extras none() {
            return NONE;
        }

        /**
         * Extra approvers only.
         *
         * @param roles the roles that must approve
         * @return the extras
         * @throws IllegalArgumentException if the list or an element is null
         */
        public static Extras requiring(List<Role> roles) {
            return new Extras(roles, null, null, null);
        }
    }
}
