package io.github.deliverykit.formats.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The fields of a Claude Code log line and of a LiteLLM price entry that the readers use. */
public final class UsageShapes {

    private UsageShapes() {}

    /**
     * One line of a Claude Code session log ({@code ~/.claude/projects/<project>/<session>.jsonl}).
     *
     * @param type {@code assistant}, {@code user}, {@code summary}...
     * @param timestamp when the line was written
     * @param sessionId the session
     * @param gitBranch the branch checked out
     * @param requestId the API request
     * @param message the model message
     */
    public record ClaudeLine(@Nullable String type, @Nullable Instant timestamp, @Nullable String sessionId,
            @Nullable String gitBranch, @Nullable String requestId, @Nullable ClaudeMessage message) {}

    /**
     * The message of a line.
     *
     * @param id the message id
     * @param model the model
     * @param usage the token counts
     */
    public record ClaudeMessage(@Nullable String id, @Nullable String model, @Nullable ClaudeTokens usage) {}

    /**
     * Token counts of a message.
     *
     * @param input input tokens
     * @param output output tokens
     * @param cacheWrite cache-creation tokens
     * @param cacheRead cache-read tokens
     */
    public record ClaudeTokens(@JsonProperty("input_tokens") @Nullable Long input,
            @JsonProperty("output_tokens") @Nullable Long output,
            @JsonProperty("cache_creation_input_tokens") @Nullable Long cacheWrite,
            @JsonProperty("cache_read_input_tokens") @Nullable Long cacheRead) {}

    /**
     * One model of LiteLLM's {@code model_prices_and_context_window.json}: prices per token in USD.
     *
     * @param input input price per token
     * @param output output price per token
     * @param cacheWrite cache-creation price per token
     * @param cacheRead cache-read price per token
     * @param inputAbove input price per token above 200k tokens
     * @param outputAbove output price above 200k
     * @param cacheWriteAbove cache-creation price above 200k
     * @param cacheReadAbove cache-read price above 200k
     * @param provider the LiteLLM provider
     */
    public record LiteLlmModel(@JsonProperty("input_cost_per_token") @Nullable BigDecimal input,
            @JsonProperty("output_cost_per_token") @Nullable BigDecimal output,
            @JsonProperty("cache_creation_input_token_cost") @Nullable BigDecimal cacheWrite,
            @JsonProperty("cache_read_input_token_cost") @Nullable BigDecimal cacheRead,
            @JsonProperty("input_cost_per_token_above_200k_tokens") @Nullable BigDecimal inputAbove,
            @JsonProperty("output_cost_per_token_above_200k_tokens") @Nullable BigDecimal outputAbove,
            @JsonProperty("cache_creation_input_token_cost_above_200k_tokens") @Nullable BigDecimal cacheWriteAbove,
            @JsonProperty("cache_read_input_token_cost_above_200k_tokens") @Nullable BigDecimal cacheReadAbove,
            @JsonProperty("litellm_provider") @Nullable String provider) {}
}
