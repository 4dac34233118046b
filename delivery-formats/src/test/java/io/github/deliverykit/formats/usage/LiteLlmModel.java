package io.github.deliverykit.formats.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

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
record LiteLlmModel(@JsonProperty("input_cost_per_token") @Nullable BigDecimal input,
        @JsonProperty("output_cost_per_token") @Nullable BigDecimal output,
        @JsonProperty("cache_creation_input_token_cost") @Nullable BigDecimal cacheWrite,
        @JsonProperty("cache_read_input_token_cost") @Nullable BigDecimal cacheRead,
        @JsonProperty("input_cost_per_token_above_200k_tokens") @Nullable BigDecimal inputAbove,
        @JsonProperty("output_cost_per_token_above_200k_tokens") @Nullable BigDecimal outputAbove,
        @JsonProperty("cache_creation_input_token_cost_above_200k_tokens") @Nullable BigDecimal cacheWriteAbove,
        @JsonProperty("cache_read_input_token_cost_above_200k_tokens") @Nullable BigDecimal cacheReadAbove,
        @JsonProperty("litellm_provider") @Nullable String provider) {}
