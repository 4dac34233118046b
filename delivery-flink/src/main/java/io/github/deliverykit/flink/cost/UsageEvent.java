package io.github.deliverykit.flink.cost;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.metrics.cost.UsageRecord;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A {@link UsageRecord} in a flat form Flink serializes with its record serializer (no Kryo): the
 * instant as epoch milliseconds and an explicit cost as nano units and a currency code.
 *
 * @param id the unique record id
 * @param timestampMillis when, epoch milliseconds
 * @param model the model
 * @param inputTokens input tokens
 * @param outputTokens output tokens
 * @param cacheWriteTokens cache-write tokens
 * @param cacheReadTokens cache-read tokens
 * @param costNanos an explicit cost in nano units, or -1 for none
 * @param costCurrency the explicit cost's currency code, or null for none
 * @param sessionId the session, or null
 * @param iterationId the iteration, or null
 * @param pullRequestId the pull request, or null
 * @param featureId the feature, or null
 */
public record UsageEvent(String id, long timestampMillis, String model, long inputTokens, long outputTokens,
        long cacheWriteTokens, long cacheReadTokens, long costNanos, @Nullable String costCurrency,
        @Nullable String sessionId, @Nullable String iterationId, @Nullable String pullRequestId,
        @Nullable String featureId) {

    /**
     * The flat form of a record.
     *
     * @param r the record
     * @return the event
     * @throws IllegalArgumentException if the record is null
     */
    public static UsageEvent of(UsageRecord r) {
        Checks.notNull(r, "record");
        Money c = r.cost();
        return new UsageEvent(r.id(), r.timestamp().toEpochMilli(), r.model(), r.inputTokens(), r.outputTokens(),
                r.cacheWriteTokens(), r.cacheReadTokens(), c == null ? -1 : c.nanos(),
                c == null ? null : c.currency().getCurrencyCode(), r.sessionId(), r.iterationId(), r.pullRequestId(),
                r.featureId());
    }

    /**
     * The library record (validated).
     *
     * @return the record
     * @throws IllegalArgumentException if a field is invalid
     */
    public UsageRecord toRecord() {
        Money c = costNanos < 0 ? null : Money.ofNanos(costNanos, costCurrency);
        return new UsageRecord(id, Instant.ofEpochMilli(timestampMillis), model, inputTokens, outputTokens,
                cacheWriteTokens, cacheReadTokens, c, sessionId, iterationId, pullRequestId, featureId);
    }
}
