package io.github.deliverykit.policy.change;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.spi.Shadow;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The decision of {@link ChangeApproval} on one change request: the verdict, the ordered findings
 * of every rule, and the typed results the built-in rules return as their extras (never read back
 * from a finding): the approvers required and still missing, the lead time that applied, the
 * assessed risk and when a retrospective review is due. Immutable.
 *
 * @param requestId the request id
 * @param type the change type
 * @param kind the change kind
 * @param verdict APPROVED, NEEDS_APPROVAL or REJECTED
 * @param findings the findings: disabled rules, then each rule in order, then the approval finding
 * @param requiredApprovers every role that must approve
 * @param missingApprovers the roles that have not approved yet (or only the author has)
 * @param requiredLeadTime the lead time of the type
 * @param risk the assessed risk, or null when the risk rule assessed none (no risk condition and
 *     no error budget known)
 * @param retrospectiveDue when the retrospective review is due, or null when none is required
 * @param shadowed the rules that ran in shadow (before their effective date), with what they would
 *     have decided, in run order
 */
public record ChangeDecision(
        String requestId,
        Type type,
        ChangeKind kind,
        Verdict verdict,
        Findings findings,
        List<Role> requiredApprovers,
        List<Role> missingApprovers,
        Duration requiredLeadTime,
        @Nullable Risk risk,
        @Nullable Instant retrospectiveDue,
        List<Shadow> shadowed) implements Decided<ChangeDecision.Verdict> {

    /**
     * Validates the decision.
     *
     * @throws IllegalArgumentException if a required field is null
     */
    public ChangeDecision {
        Checks.notBlank(requestId, "requestId");
        Checks.notNull(type, "type");
        Checks.notNull(kind, "kind");
        Checks.notNull(verdict, "verdict");
        Checks.notNull(findings, "findings");
        requiredApprovers = Checks.listOf(requiredApprovers, "requiredApprovers");
        missingApprovers = Checks.listOf(missingApprovers, "missingApprovers");
        Checks.nonNegative(requiredLeadTime, "requiredLeadTime");
        shadowed = Checks.listOf(shadowed, "shadowed");
    }

    /**
     * A decision in which no rule ran in shadow.
     *
     * @param requestId the request id
     * @param type the change type
     * @param kind the change kind
     * @param verdict the verdict
     * @param findings the findings
     * @param requiredApprovers every role that must approve
     * @param missingApprovers the roles that have not approved yet
     * @param requiredLeadTime the lead time of the type
     * @param risk the assessed risk, or null
     * @param retrospectiveDue when the retrospective is due, or null
     * @throws IllegalArgumentException if a required field is null
     */
    public ChangeDecision(String requestId, Type type, ChangeKind kind, Verdict verdict, Findings findings,
            List<Role> requiredApprovers, List<Role> missingApprovers, Duration requiredLeadTime, @Nullable Risk risk,
            @Nullable Instant retrospectiveDue) {
        this(requestId, type, kind, verdict, findings, requiredApprovers, missingApprovers, requiredLeadTime, risk,
                retrospectiveDue, List.of());
    }

    /**
     * The shadow record of a rule, if it ran in shadow.
     *
     * @param ruleId the rule id
     * @return what it would have decided, empty when it was enforced (or did not run)
     */
    public Optional<Shadow> shadow(@Nullable String ruleId) {
        for (Shadow s : shadowed) {
            if (s.rule().equals(ruleId)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a retrospective review is required after the change.
     *
     * @return true for emergency changes by default
     */
    public boolean retrospectiveRequired() {
        return retrospectiveDue != null;
    }

    /**
     * The assessed risk.
     *
     * @return the risk, empty when none was assessed
     */
    public Optional<Risk> assessedRisk() {
        return Optional.ofNullable(risk);
    }

    /**
     * Plain text: a title line, the verdict and one line per finding.
     *
     * @return the text
     */
    public String toText() {
        return toDecision().toText("Change " + requestId + " (" + type + ")");
    }

    /**
     * Markdown: a heading, the verdict and the findings table.
     *
     * @return the Markdown
     */
    public String toMarkdown() {
        return toDecision().toMarkdown("Change " + requestId + " (" + type + ")");
    }

    /** The verdict on a change request. */
    public enum Verdict {
        /** Every rule passed and every required approver approved. */
        APPROVED,
        /** No rule failed, but approvers are still missing (listed in the decision). */
        NEEDS_APPROVAL,
        /** At least one rule failed. */
        REJECTED
    }

    /** The risk of a change, in increasing order (ServiceNow's risk values). */
    public enum Risk {
        /** Low risk. */
        LOW,
        /** Moderate risk. */
        MODERATE,
        /** High risk. */
        HIGH,
        /** Very high risk. */
        VERY_HIGH
    }
}
