package io.github.deliverykit.metrics.cost.internal;

import io.github.deliverykit.core.money.Money;
import java.util.Currency;
import java.util.List;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice;
import io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices;

/**
 * <strong>Example prices, not any vendor's.</strong> The built-in {@link PriceTable} with id
 * {@value #ID}: three made-up models so that examples and tests run without configuration. The
 * numbers are illustrative only and make no claim about what any provider charges today; load or
 * build your own table for real cost figures.
 *
 * <table>
 *   <caption>USD per million tokens</caption>
 *   <tr><th>model</th><th>input</th><th>output</th><th>cache write</th><th>cache read</th></tr>
 *   <tr><td>example-small</td><td>1</td><td>5</td><td>1.25</td><td>0.10</td></tr>
 *   <tr><td>example-large</td><td>3</td><td>15</td><td>3.75</td><td>0.30</td></tr>
 *   <tr><td>example-tiered</td><td>3 (6 above 200,000)</td><td>15 (22.50)</td><td>3.75 (7.50)</td>
 *       <td>0.30 (0.60)</td></tr>
 * </table>
 */
public final class ExamplePriceTable implements PriceTable {

    /** The id of this table. */
    public static final String ID = "example";
    /** The threshold of the tiered example model. */
    public static final long EXAMPLE_TIER_THRESHOLD = 200_000;

    private static final List<ModelPrice> PRICES = List.of(
            ModelPrice.flat("example-small", TokenPrices.perMillion("USD", "1", "5", "1.25", "0.10")),
            ModelPrice.flat("example-large", TokenPrices.perMillion("USD", "3", "15", "3.75", "0.30")),
            ModelPrice.tiered("example-tiered", TokenPrices.perMillion("USD", "3", "15", "3.75", "0.30"),
                    EXAMPLE_TIER_THRESHOLD, TokenPrices.perMillion("USD", "6", "22.50", "7.50", "0.60")));

    /** Creates the table (used by {@link java.util.ServiceLoader}). */
    public ExamplePriceTable() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Currency currency() {
        return Money.currency("USD");
    }

    @Override
    public List<ModelPrice> prices() {
        return PRICES;
    }
}
