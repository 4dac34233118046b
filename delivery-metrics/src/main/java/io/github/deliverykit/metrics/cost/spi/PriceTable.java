package io.github.deliverykit.metrics.cost.spi;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.spi.Provider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import io.github.deliverykit.metrics.cost.internal.ExamplePriceTable;
import org.jspecify.annotations.Nullable;
import io.github.deliverykit.core.money.Money;

/**
 * A plug point: the prices of models, in one currency. Register implementations through
 * {@link java.util.ServiceLoader} ({@code META-INF/services} and {@code module-info} {@code provides})
 * and load them with {@link io.github.deliverykit.core.spi.Providers}, or build one by hand with
 * {@link #of(String, Currency, Collection)}. deliverykit ships only {@link ExamplePriceTable}, whose
 * numbers are illustrative: prices change, so real tables belong to the application.
 */
public interface PriceTable extends Provider {

    /**
     * The currency of every price in the table.
     *
     * @return the currency
     */
    Currency currency();

    /**
     * The model prices, each model at most once, all in {@link #currency()}.
     *
     * @return the prices
     */
    List<ModelPrice> prices();

    /**
     * The price of one model.
     *
     * @param model the model name, compared exactly
     * @return the price, or empty when the table does not know the model
     */
    default Optional<ModelPrice> price(String model) {
        for (ModelPrice p : prices()) {
            if (p.model().equals(model)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * A table built by hand.
     *
     * @param id the table id
     * @param currency the currency of every price
     * @param prices the model prices, each model at most once
     * @return the table
     * @throws IllegalArgumentException if the id is blank, a price is null or in another currency,
     *     or a model repeats
     */
    static PriceTable of(String id, Currency currency, Collection<ModelPrice> prices) {
        Checks.notBlank(id, "id");
        Checks.notNull(currency, "currency");
        List<ModelPrice> list = Checks.listOf(prices, "prices");
        List<String> seen = new ArrayList<>();
        for (ModelPrice p : list) {
            if (p.currency() != currency) {
                throw Checks.invalid("prices[" + p.model() + "]", "must be in " + currency.getCurrencyCode(),
                        p.currency().getCurrencyCode());
            }
            if (seen.contains(p.model())) {
                throw Checks.invalid("prices", "must name each model once", p.model());
            }
            seen.add(p.model());
        }
        return new SimplePriceTable(id, currency, list);
    }

    /** The table {@link #of(String, Currency, Collection)} builds. */
    record SimplePriceTable(String id, Currency currency, List<ModelPrice> prices) implements PriceTable {}

    /**
     * The price of one model: base prices per million tokens and, optionally, tier prices for the
     * tokens above a threshold. As ccusage does, each token kind of one usage record is split on its
     * own: its first {@code tierThreshold} tokens are charged at the base price and the rest at the
     * tier price.
     *
     * @param model the model name as it appears in usage records, compared exactly
     * @param base the base prices
     * @param tierThreshold the token count above which the tier prices apply, or 0 for no tier
     * @param aboveThreshold the tier prices, present exactly when {@code tierThreshold > 0}
     */
    public record ModelPrice(String model, TokenPrices base, long tierThreshold, @Nullable TokenPrices aboveThreshold) {

        /**
         * Validates the price.
         *
         * @throws IllegalArgumentException if the model is blank, base is null, the threshold is negative,
         *     tier prices are missing for a threshold or given without one, or the currencies differ
         */
        public ModelPrice {
            Checks.notBlank(model, "model");
            Checks.notNull(base, "base");
            Checks.nonNegative(tierThreshold, "tierThreshold");
            if (tierThreshold == 0 && aboveThreshold != null) {
                throw Checks.invalid("aboveThreshold", "must be null when tierThreshold is 0", aboveThreshold);
            }
            if (tierThreshold > 0) {
                Checks.notNull(aboveThreshold, "aboveThreshold");
                if (aboveThreshold.currency() != base.currency()) {
                    throw Checks.invalid("aboveThreshold", "must be in " + base.currency().getCurrencyCode(), aboveThreshold);
                }
            }
        }

        /**
         * A flat price without tier.
         *
         * @param model the model name
         * @param base the prices per million tokens
         * @return the price
         */
        public static ModelPrice flat(String model, TokenPrices base) {
            return new ModelPrice(model, base, 0, null);
        }

        /**
         * A tiered price.
         *
         * @param model the model name
         * @param base the prices per million tokens up to the threshold
         * @param threshold the token count, per kind and record, above which {@code above} applies
         * @param above the prices per million tokens above the threshold
         * @return the price
         */
        public static ModelPrice tiered(String model, TokenPrices base, long threshold, TokenPrices above) {
            Checks.positive(threshold, "threshold");
            return new ModelPrice(model, base, threshold, above);
        }

        /**
         * The tier prices, if the model has a tier.
         *
         * @return the tier prices
         */
        public Optional<TokenPrices> tier() {
            return Optional.ofNullable(aboveThreshold);
        }

        /**
         * The currency.
         *
         * @return the currency
         */
        public Currency currency() {
            return base.currency();
        }
    }

    /**
     * The four prices of one model (or one tier of it), each per <em>million</em> tokens, so that any
     * published price is exact in {@link Money}'s nine decimals. All in one currency, none negative.
     *
     * @param input price of a million input (prompt) tokens
     * @param output price of a million output (completion) tokens
     * @param cacheWrite price of a million tokens written to the prompt cache
     * @param cacheRead price of a million tokens read from the prompt cache
     */
    public record TokenPrices(Money input, Money output, Money cacheWrite, Money cacheRead) {

        /**
         * Validates the prices.
         *
         * @throws IllegalArgumentException if a price is null or negative or the currencies differ
         */
        public TokenPrices {
            Checks.notNull(input, "input");
            check(input, input.currency(), "input");
            check(output, input.currency(), "output");
            check(cacheWrite, input.currency(), "cacheWrite");
            check(cacheRead, input.currency(), "cacheRead");
        }

        private static void check(Money price, Currency currency, String field) {
            Checks.notNull(price, field);
            if (price.signum() < 0) {
                throw Checks.invalid(field, "must not be negative", price);
            }
            if (price.currency() != currency) {
                throw Checks.invalid(field, "must be in " + currency.getCurrencyCode(), price);
            }
        }

        /**
         * Prices per million tokens from decimal strings, e.g. {@code perMillion("USD", "3", "15", "3.75", "0.30")}.
         *
         * @param currencyCode an ISO 4217 code
         * @param input input price per million tokens
         * @param output output price per million tokens
         * @param cacheWrite cache-write price per million tokens
         * @param cacheRead cache-read price per million tokens
         * @return the prices
         * @throws IllegalArgumentException if an amount is not a decimal with at most nine decimals, is
         *     negative, or the currency is unknown
         */
        public static TokenPrices perMillion(String currencyCode, String input, String output, String cacheWrite, String cacheRead) {
            return new TokenPrices(Money.of(input, currencyCode), Money.of(output, currencyCode),
                    Money.of(cacheWrite, currencyCode), Money.of(cacheRead, currencyCode));
        }

        /**
         * The currency of all four prices.
         *
         * @return the currency
         */
        public Currency currency() {
            return input.currency();
        }
    }
}
