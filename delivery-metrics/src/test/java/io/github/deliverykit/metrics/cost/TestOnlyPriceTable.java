package io.github.deliverykit.metrics.cost;

import io.github.deliverykit.core.money.Money;
import java.util.Currency;
import java.util.List;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice;
import io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices;

/** A provider registered only in the test class path, found through ServiceLoader. */
public final class TestOnlyPriceTable implements PriceTable {

    @Override
    public String id() {
        return "test-only";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Currency currency() {
        return Money.currency("EUR");
    }

    @Override
    public List<ModelPrice> prices() {
        return List.of(ModelPrice.flat("eur-model", TokenPrices.perMillion("EUR", "2", "8", "0", "0.2")));
    }
}
