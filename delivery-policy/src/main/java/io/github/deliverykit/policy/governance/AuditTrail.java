package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds audit-trail records to the configured {@link AuditTrailConfig.AuditLevel}, as a CI
 * compliance gate: a missing field is an {@code audit.field_missing} failure and the verdict is
 * NON_COMPLIANT. The tamper-evident storage of the records is {@link AuditLog}. Immutable and
 * thread safe; linear in the number of records.
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditTrailConfig config;

    private AuditTrail(AuditTrailConfig config) {
        this.config = config;
    }

    /**
     * An audit trail gate for a config.
     *
     * @param config the config
     * @return the gate
     * @throws IllegalArgumentException if the config is null
     */
    public static AuditTrail of(AuditTrailConfig config) {
        return new AuditTrail(Checks.notNull(config, "config"));
    }

    /**
     * The config.
     *
     * @return the config
     */
    public AuditTrailConfig config() {
        return config;
    }

    /**
     * Evaluates records, one finding per record in order.
     *
     * @param records the records
     * @param clock the clock (records are judged as given; the clock is taken for the uniform shape)
     * @return COMPLIANT when every record is complete, else NON_COMPLIANT
     * @throws IllegalArgumentException if the list, an element or the clock is null
     */
    public AuditDecision evaluate(List<AuditRecord> records, Clock clock) {
        List<AuditRecord> list = Checks.listOf(records, "records");
        Checks.notNull(clock, "clock");
        AuditTrailConfig.AuditLevel level = config.level();
        List<Finding> findings = new ArrayList<>(list.size());
        Map<String, List<AuditRecord.Field>> missingByChange = new LinkedHashMap<>();
        for (AuditRecord r : list) {
            List<AuditRecord.Field> missingFields = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (AuditRecord.Field f : level.required()) {
                if (!f.isPresent(r)) {
                    missingFields.add(f);
                    missing.add(f.key());
                }
            }
            Facts facts = Facts.of("change_id", r.changeId(), "level", level, "missing", missing);
            if (missing.isEmpty()) {
                findings.add(Finding.pass("audit.complete", "Audit trail of " + r.changeId() + " is complete", facts));
            } else {
                missingByChange.merge(r.changeId(), missingFields, (a, b) -> {
                    List<AuditRecord.Field> both = new ArrayList<>(a);
                    for (AuditRecord.Field f : b) {
                        if (!both.contains(f)) {
                            both.add(f);
                        }
                    }
                    return both;
                });
                findings.add(Finding.fail("audit.field_missing", "Audit trail of " + r.changeId() + " is missing "
                        + String.join(", ", missing), facts));
            }
        }
        Findings all = Findings.of(findings);
        AuditDecision.Verdict verdict = all.has(Level.FAIL) ? AuditDecision.Verdict.NON_COMPLIANT
                : AuditDecision.Verdict.COMPLIANT;
        LOG.debug("audit trail ({} records, {}): {}", list.size(), level, verdict);
        return new AuditDecision(verdict, level, missingByChange, all);
    }
}
