package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The audit-trail record of one AI-assisted change. The minimum viable audit trail is the model
 * identifier, the timestamp, a context description and the human approver; full provenance adds
 * the model version, the prompt context, the agent session id and the iteration count. Any of these
 * may be absent (null or blank): a missing field is what {@link AuditTrail} reports, not
 * bad input.
 *
 * @param changeId the change (commit, PR or change request) the record is about, not blank
 * @param modelId the model identifier, or null
 * @param timestamp when the change was produced, or null
 * @param context what the change is about, or null
 * @param approver the human who approved it, or null
 * @param modelVersion the exact model version, or null
 * @param promptContext the prompt or task context given to the agent, or null
 * @param agentSessionId the agent session, or null
 * @param iterationCount the number of agent iterations (CI rounds), or null; 1 or more when present
 */
public record AuditRecord(
        String changeId,
        @Nullable String modelId,
        @Nullable Instant timestamp,
        @Nullable String context,
        @Nullable String approver,
        @Nullable String modelVersion,
        @Nullable String promptContext,
        @Nullable String agentSessionId,
        @Nullable Integer iterationCount) {

    /** The fields of a record that an audit level can require. */
    public enum Field {
        /** The model identifier. */
        MODEL_ID("model_id"),
        /** The timestamp. */
        TIMESTAMP("timestamp"),
        /** The context description. */
        CONTEXT("context"),
        /** The human approver. */
        APPROVER("approver"),
        /** The model version. */
        MODEL_VERSION("model_version"),
        /** The prompt context. */
        PROMPT_CONTEXT("prompt_context"),
        /** The agent session id. */
        AGENT_SESSION_ID("agent_session_id"),
        /** The iteration count. */
        ITERATION_COUNT("iteration_count");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /**
         * The stable name used in findings.
         *
         * @return e.g. {@code model_id}
         */
        public String key() {
            return key;
        }

        /**
         * Whether a record has this field (a non-blank text, a timestamp, an iteration count).
         *
         * @param record the record
         * @return true when present
         * @throws IllegalArgumentException if the record is null
         */
        public boolean isPresent(AuditRecord record) {
            Checks.notNull(record, "record");
            return switch (this) {
                case MODEL_ID -> text(record.modelId());
                case TIMESTAMP -> record.timestamp() != null;
                case CONTEXT -> text(record.context());
                case APPROVER -> text(record.approver());
                case MODEL_VERSION -> text(record.modelVersion());
                case PROMPT_CONTEXT -> text(record.promptContext());
                case AGENT_SESSION_ID -> text(record.agentSessionId());
                case ITERATION_COUNT -> record.iterationCount() != null;
            };
        }

        private static boolean text(@Nullable String s) {
            return s != null && !s.isBlank();
        }
    }

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException if the change id is blank or the iteration count is less than 1
     */
    public AuditRecord {
        Checks.notBlank(changeId, "changeId");
        if (iterationCount != null) {
            Checks.positive(iterationCount, "iterationCount");
        }
    }

    /**
     * A minimum record (no provenance).
     *
     * @param changeId the change
     * @param modelId the model
     * @param timestamp when
     * @param context what
     * @param approver who approved
     * @return the record
     */
    public static AuditRecord minimum(String changeId, @Nullable String modelId, @Nullable Instant timestamp,
            @Nullable String context, @Nullable String approver) {
        return new AuditRecord(changeId, modelId, timestamp, context, approver, null, null, null, null);
    }

    /**
     * This record with full provenance.
     *
     * @param modelVersion the model version
     * @param promptContext the prompt context
     * @param agentSessionId the agent session
     * @param iterationCount the iteration count
     * @return a new record
     */
    public AuditRecord withProvenance(@Nullable String modelVersion, @Nullable String promptContext,
            @Nullable String agentSessionId, @Nullable Integer iterationCount) {
        return new AuditRecord(changeId, modelId, timestamp, context, approver, modelVersion, promptContext,
                agentSessionId, iterationCount);
    }
}
