package io.github.deliverykit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.formats.usage.ClaudeUsage;
import io.github.deliverykit.formats.usage.LiteLlmPrices;
import io.github.deliverykit.formats.usage.PriceRead;
import io.github.deliverykit.formats.usage.UsageCosts;
import io.github.deliverykit.metrics.cost.UsageRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code delivery cost}'s sink: responses merged before the prices are read wait for them, in order. */
class CostPricingTest {

    private static final PriceRead PRICES = LiteLlmPrices.read(Path.of(CliTestSupport.example("formats/litellm/model_prices.json")));

    private static ClaudeUsage usage(int i) {
        UsageRecord r = new UsageRecord("msg_" + i + ":req_" + i, Instant.parse("2025-10-22T17:06:06Z").plusSeconds(3_600L * i),
                i % 3 == 0 ? "claude-3-5-haiku-20241022" : "claude-sonnet-4-20250514", 100 + i, 20 + i, i, 3L * i, null,
                "s-" + i % 5, null, null, null);
        return new ClaudeUsage(r, "feature/f" + i % 4, "p");
    }

    /** The same responses priced one by one with the prices at hand. */
    private static UsageCosts.Summary direct(int n) {
        UsageCosts c = UsageCosts.of(PRICES.table(), ZoneOffset.UTC, branch -> null);
        for (int i = 0; i < n; i++) {
            c.accept(usage(i));
        }
        return c.summary();
    }

    @Test
    void responsesBeforeThePrices_wait_thenArePricedWithTheRest() {
        CompletableFuture<PriceRead> read = new CompletableFuture<>();
        CostCommand.Pricing pricing = new CostCommand.Pricing(read, ZoneOffset.UTC, Map.of());
        for (int i = 0; i < 100; i++) {
            pricing.accept(usage(i)); // the prices are not read yet: this must not wait for them
        }
        assertFalse(read.isDone());
        read.complete(PRICES);
        for (int i = 100; i < 200; i++) {
            pricing.accept(usage(i));
        }
        assertEquals(direct(200), pricing.costs().summary());
    }

    @Test
    void atMostEarlyResponsesWait_theNextOneWaitsForThePrices() throws InterruptedException {
        CompletableFuture<PriceRead> read = new CompletableFuture<>();
        CostCommand.Pricing pricing = new CostCommand.Pricing(read, ZoneOffset.UTC, Map.of());
        for (int i = 0; i < CostCommand.Pricing.EARLY; i++) {
            pricing.accept(usage(i));
        }
        Thread reader = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            read.complete(PRICES);
        });
        reader.start();
        pricing.accept(usage(CostCommand.Pricing.EARLY)); // returns only once the prices are read
        assertTrue(read.isDone());
        reader.join();
        assertEquals(direct(CostCommand.Pricing.EARLY + 1), pricing.costs().summary());
    }

    @Test
    void pricesThatCannotBeRead_failTheFirstPricing_withTheirOwnError() {
        CompletableFuture<PriceRead> read = new CompletableFuture<>();
        CostCommand.Pricing pricing = new CostCommand.Pricing(read, ZoneOffset.UTC, Map.of());
        pricing.accept(usage(0));
        read.completeExceptionally(new IllegalArgumentException("prices.json: line 1, column 1: not JSON"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pricing.accept(usage(1)));
        assertEquals("prices.json: line 1, column 1: not JSON", e.getMessage());
        assertThrows(IllegalArgumentException.class, pricing::costs);
    }
}
