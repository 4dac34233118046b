/**
 * AI usage: Claude Code session logs streamed into {@link io.github.deliverykit.metrics.cost.UsageRecord}s,
 * LiteLLM's model price file read into a {@link io.github.deliverykit.metrics.cost.spi.PriceTable}, and
 * streaming cost totals per day, session, branch, pull request and model.
 */
@NullMarked
package io.github.deliverykit.formats.usage;

import org.jspecify.annotations.NullMarked;
