package io.github.deliverykit.metrics.cost;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.money.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One usage record: the tokens of one model request (as agent logs, {@code /usage} exports and
 * ccusage report them) or a cost known in money (CI compute, runners), with what it is attributed
 * to. Records with the same {@code id} are the same usage reported twice and count once.
 *
 * @param id the unique record id (e.g. message id plus request id)
 * @param timestamp when the usage happened
 * @param model the model name, or a label such as {@code ci-runner} for a record with a cost
 * @param inputTokens input tokens, not negative
 * @param outputTokens output tokens, not negative
 * @param cacheWriteTokens tokens written to the prompt cache, not negative
 * @param cacheReadTokens tokens read from the prompt cache, not negative
 * @param cost the cost when known in money (it then takes precedence over the price table), or null
 * @param sessionId the agent session, or null
 * @param iterationId the agent iteration (one CI attempt), or null
 * @param pullRequestId the pull request, or null
 * @param featureId the feature, or null
 */
public record UsageRecord(
        String id,
        Instant timestamp,
        String model,
        long inputTokens,
        long outputTokens,
        long cacheWriteTokens,
        long cacheReadTokens,
        @Nullable Money cost,
        @Nullable String sessionId,
        @Nullable String iterationId,
        @Nullable String pullRequestId,
        @Nullable String featureId) {

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException if a required field is null or blank, a count or the cost is
     *     negative, or an optional id is blank
     */
    public UsageRecord {
        Checks.notBlank(id, "id");
        Checks.notNull(timestamp, "timestamp");
        Checks.notBlank(model, "model");
        Checks.nonNegative(inputTokens, "inputTokens");
        Checks.nonNegative(outputTokens, "outputTokens");
        Checks.nonNegative(cacheWriteTokens, "cacheWriteTokens");
        Checks.nonNegative(cacheReadTokens, "cacheReadTokens");
        if (cost != null && cost.signum() < 0) {
            throw Checks.invalid("cost", "must not be negative", cost);
        }
        optional(sessionId, "sessionId");
        optional(iterationId, "iterationId");
        optional(pullRequestId, "pullRequestId");
        optional(featureId, "featureId");
    }

    private static void optional(@Nullable String value, String field) {
        if (value != null) {
            Checks.notBlank(value, field);
        }
    }

    /**
     * Starts a builder.
     *
     * @param id the record id
     * @param timestamp when the usage happened
     * @param model the model name
     * @return a builder with no tokens, no cost and no attribution
     */
    public static Builder builder(String id, Instant timestamp, String model) {
        return new Builder(id, timestamp, model);
    }

    /**
     * All tokens of the record, saturating at {@link Long#MAX_VALUE}.
     *
     * @return the sum of the four counts
     */
    public long totalTokens() {
        return saturated(saturated(inputTokens, outputTokens), saturated(cacheWriteTokens, cacheReadTokens));
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} when that overflows (both are counts, not negative). */
    private static long saturated(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    /** Builds a {@link UsageRecord}; reusable. */
    public static final class Builder {
        private final String id;
        private final Instant timestamp;
        private final String model;
        private long input;
        private long output;
        private long cacheWrite;
        private long cacheRead;
        private @Nullable Money cost;
        private @Nullable String session;
        private @Nullable String iteration;
        private @Nullable String pullRequest;
        private @Nullable String feature;

        private Builder(String id, Instant timestamp, String model) {
            this.id = id;
            this.timestamp = timestamp;
            this.model = model;
        }

        /**
         * Sets the token counts.
         *
         * @param inputTokens input tokens
         * @param outputTokens output tokens
         * @param cacheWriteTokens cache-write tokens
         * @param cacheReadTokens cache-read tokens
         * @return this builder
         */
        public Builder tokens(long inputTokens, long outputTokens, long cacheWriteTokens, long cacheReadTokens) {
            this.input = inputTokens;
            this.output = outputTokens;
            this.cacheWrite = cacheWriteTokens;
            this.cacheRead = cacheReadTokens;
            return this;
        }

        /**
         * Sets a cost known in money.
         *
         * @param cost the cost
         * @return this builder
         */
        public Builder cost(@Nullable Money cost) {
            this.cost = cost;
            return this;
        }

        /**
         * Sets the agent session.
         *
         * @param sessionId the session id
         * @return this builder
         */
        public Builder session(@Nullable String sessionId) {
            this.session = sessionId;
            return this;
        }

        /**
         * Sets the agent iteration.
         *
         * @param iterationId the iteration id
         * @return this builder
         */
        public Builder iteration(@Nullable String iterationId) {
            this.iteration = iterationId;
            return this;
        }

        /**
         * Sets the pull request.
         *
         * @param pullRequestId the pull request id
         * @return this builder
         */
        public Builder pullRequest(@Nullable String pullRequestId) {
            this.pullRequest = pullRequestId;
            return this;
        }

        /**
         * Sets the feature.
         *
         * @param featureId the feature id
         * @return this builder
         */
        public Builder feature(@Nullable String featureId) {
            this.feature = featureId;
            return this;
        }

        /**
         * Builds the record.
         *
         * @return the record
         * @throws IllegalArgumentException if a field is invalid
         */
        public UsageRecord build() {
            return new UsageRecord(id, timestamp, model, input, output, cacheWrite, cacheRead, cost,
                    session, iteration, pullRequest, feature);
        }
    }
}
