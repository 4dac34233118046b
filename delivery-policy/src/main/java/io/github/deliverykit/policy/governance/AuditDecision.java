package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an {@link AuditTrail} decided about audit records: COMPLIANT or NON_COMPLIANT, one finding
 * per record in order ({@code audit.complete} or {@code audit.field_missing}), and the missing
 * fields of each record as a typed result.
 *
 * @param verdict whether every record is complete
 * @param level the level the records were held to
 * @param missing the missing fields by change id, in record order; only incomplete records appear
 * @param findings the findings, one per record
 */
public record AuditDecision(Verdict verdict, AuditTrailConfig.AuditLevel level,
        Map<String, List<AuditRecord.Field>> missing, Findings findings) implements Decided<AuditDecision.Verdict> {

    /** Whether audit-trail records meet the configured level. */
    public enum Verdict {
        /** Every required field is present. */
        COMPLIANT,
        /** A required field is missing: the build fails. */
        NON_COMPLIANT
    }

    /**
     * Validates and copies the decision.
     *
     * @throws IllegalArgumentException if a field is null
     */
    public AuditDecision {
        Checks.notNull(verdict, "verdict");
        Checks.notNull(level, "level");
        Checks.notNull(missing, "missing");
        Map<String, List<AuditRecord.Field>> copy = new LinkedHashMap<>();
        missing.forEach((k, v) -> copy.put(Checks.notBlank(k, "missing key"), Checks.listOf(v, "missing[" + k + "]")));
        missing = Collections.unmodifiableMap(copy);
        Checks.notNull(findings, "findings");
    }

    /**
     * Whether every record is complete.
     *
     * @return true when COMPLIANT
     */
    public boolean compliant() {
        return verdict == Verdict.COMPLIANT;
    }
}
