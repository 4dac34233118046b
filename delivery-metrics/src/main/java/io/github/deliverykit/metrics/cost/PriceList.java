package io.github.deliverykit.metrics.cost;

import io.github.deliverykit.core.check.Checks;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice;
import io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices;

/**
 * A {@link PriceTable} compiled for hot loops: models are numbered 0..n-1 and their prices kept in
 * primitive arrays, so that {@link #costFemtos(int, long, long, long, long)} prices a usage record
 * with a few multiplications and no allocation.
 *
 * <p>Costs come out in <em>femto</em> units (10<sup>-15</sup> of the currency's major unit): a
 * price per million tokens in nano units times a token count, which is exact. Immutable and thread safe.
 */
public final class PriceList {

    /** What {@link #costFemtos} returns for a model the table does not price. */
    public static final long UNKNOWN = -1;
    /** Femto units per nano unit: prices are per million tokens. */
    public static final long FEMTOS_PER_NANO = 1_000_000L;

    private static final int KINDS = 4;

    private final PriceTable table;
    private final Currency currency;
    private final Map<String, Integer> index;
    private final String[] models;
    private final long[] base;
    private final long[] above;
    private final long[] threshold;

    private PriceList(PriceTable table) {
        this.table = table;
        this.currency = Checks.notNull(table.currency(), "table.currency()");
        List<ModelPrice> prices = Checks.listOf(table.prices(), "table.prices()");
        int n = prices.size();
        this.models = new String[n];
        this.base = new long[n * KINDS];
        this.above = new long[n * KINDS];
        this.threshold = new long[n];
        this.index = new HashMap<>();
        for (int m = 0; m < n; m++) {
            ModelPrice p = prices.get(m);
            if (p.currency() != currency) {
                throw Checks.invalid("prices[" + p.model() + "]", "must be in " + currency.getCurrencyCode(),
                        p.currency().getCurrencyCode());
            }
            if (index.putIfAbsent(p.model(), m) != null) {
                throw Checks.invalid("prices", "must name each model once", p.model());
            }
            models[m] = p.model();
            put(base, m, p.base());
            threshold[m] = p.tierThreshold();
            put(above, m, p.aboveThreshold() == null ? p.base() : p.aboveThreshold());
        }
    }

    private static void put(long[] a, int m, TokenPrices p) {
        a[m * KINDS] = p.input().nanos();
        a[m * KINDS + 1] = p.output().nanos();
        a[m * KINDS + 2] = p.cacheWrite().nanos();
        a[m * KINDS + 3] = p.cacheRead().nanos();
    }

    /**
     * Compiles a table.
     *
     * @param table the table
     * @return the compiled prices
     * @throws IllegalArgumentException if the table is null, lists a model twice or mixes currencies
     */
    public static PriceList of(PriceTable table) {
        return new PriceList(Checks.notNull(table, "table"));
    }

    /**
     * The table this list was compiled from.
     *
     * @return the table
     */
    public PriceTable table() {
        return table;
    }

    /**
     * The currency of all costs.
     *
     * @return the currency
     */
    public Currency currency() {
        return currency;
    }

    /**
     * The number of a model, for {@link #costFemtos}.
     *
     * @param model the model name
     * @return its number, or -1 when the table does not price it
     */
    public int indexOf(String model) {
        Integer i = model == null ? null : index.get(model);
        return i == null ? -1 : i;
    }

    /**
     * The number of models.
     *
     * @return the count
     */
    public int size() {
        return models.length;
    }

    /**
     * The name of a model.
     *
     * @param model its number
     * @return the name
     * @throws IllegalArgumentException if there is no such number
     */
    public String model(int model) {
        Checks.inRange(model, 0, models.length - 1, "model");
        return models[model];
    }

    /**
     * The exact cost of one usage record in femto units (10<sup>-15</sup> of the major unit);
     * allocation-free.
     *
     * @param model the model number, or -1 for a model the table does not price
     * @param input input tokens, not negative
     * @param output output tokens, not negative
     * @param cacheWrite cache-write tokens, not negative
     * @param cacheRead cache-read tokens, not negative
     * @return the cost, or {@link #UNKNOWN} when the model is -1
     * @throws IllegalArgumentException if the model number is out of range, a count is negative, or
     *     the cost of the one record exceeds {@link Long#MAX_VALUE} femto units (about 9,223 major units)
     */
    public long costFemtos(int model, long input, long output, long cacheWrite, long cacheRead) {
        if (model == -1) {
            return UNKNOWN;
        }
        if (model < 0 || model >= models.length) {
            throw Checks.invalid("model", "must be -1 or a model number below " + models.length, model);
        }
        if ((input | output | cacheWrite | cacheRead) < 0) {
            throw Checks.invalid("tokens", "must not be negative",
                    input + "/" + output + "/" + cacheWrite + "/" + cacheRead);
        }
        int o = model * KINDS;
        long t = threshold[model];
        long c = kind(input, base[o], above[o], t);
        c = add(c, kind(output, base[o + 1], above[o + 1], t));
        c = add(c, kind(cacheWrite, base[o + 2], above[o + 2], t));
        return add(c, kind(cacheRead, base[o + 3], above[o + 3], t));
    }

    private static long kind(long tokens, long basePrice, long abovePrice, long threshold) {
        if (threshold == 0 || tokens <= threshold) {
            return times(tokens, basePrice);
        }
        return add(times(threshold, basePrice), times(tokens - threshold, abovePrice));
    }

    private static long times(long tokens, long price) {
        long hi = Math.multiplyHigh(tokens, price);
        long lo = tokens * price;
        if (hi != 0 || lo < 0) {
            throw overflow();
        }
        return lo;
    }

    private static long add(long a, long b) {
        long r = a + b;
        if (r < 0) {
            throw overflow();
        }
        return r;
    }

    private static IllegalArgumentException overflow() {
        return new IllegalArgumentException("cost of one usage record must fit in 9,223 major units (2^63 femto units)");
    }
}
