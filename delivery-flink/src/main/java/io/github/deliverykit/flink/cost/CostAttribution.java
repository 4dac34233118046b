package io.github.deliverykit.flink.cost;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.metrics.cost.PriceList;
import io.github.deliverykit.metrics.cost.UsageRecord;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Prices each distinct usage record with the library's {@link PriceList} and attributes it to every
 * key it carries (total, iteration, pull request, feature, session, day in a zone, model), as
 * {@link io.github.deliverykit.metrics.cost.CostLedger} does on one machine. Feed it the output of
 * {@link #keepOne()} per id so duplicates count once. The price table is built on each task from a
 * serializable supplier.
 */
public final class CostAttribution extends RichFlatMapFunction<UsageEvent, CostItem> {

    private static final long serialVersionUID = 1L;

    /** Of two records with one id, the ledger's choice: most tokens, then latest, then text. */
    private static final Comparator<UsageRecord> KEEP = Comparator.comparingLong(UsageRecord::totalTokens)
            .thenComparing(UsageRecord::timestamp)
            .thenComparing(UsageRecord::toString);

    private final SerializableSupplier<PriceTable> table;
    private final ZoneId zone;
    private transient PriceList prices;

    /**
     * Attribution with a price table, counting days in a zone.
     *
     * @param table builds the price table on each task
     * @param zone the zone of the day dimension
     * @throws IllegalArgumentException if an argument is null
     */
    public CostAttribution(SerializableSupplier<PriceTable> table, ZoneId zone) {
        this.table = Checks.notNull(table, "table");
        this.zone = Checks.notNull(zone, "zone");
    }

    /**
     * Attribution counting days in UTC.
     *
     * @param table builds the price table on each task
     * @return the function
     */
    public static CostAttribution utc(SerializableSupplier<PriceTable> table) {
        return new CostAttribution(table, ZoneOffset.UTC);
    }

    /**
     * The reduce that keeps one record per id exactly as the ledger does, independent of order.
     *
     * @return the reduce function, for {@code keyBy(UsageEvent::id)}
     */
    public static ReduceFunction<UsageEvent> keepOne() {
        return (a, b) -> KEEP.compare(b.toRecord(), a.toRecord()) > 0 ? b : a;
    }

    @Override
    public void open(OpenContext openContext) {
        prices = PriceList.of(table.get());
    }

    @Override
    public void flatMap(UsageEvent e, Collector<CostItem> out) {
        UsageRecord r = e.toRecord();
        if (r.cost() != null && r.cost().currency() != prices.currency()) {
            throw Checks.invalid("records[" + r.id() + "].cost", "must be in " + prices.currency().getCurrencyCode(),
                    r.cost());
        }
        long explicit = r.cost() == null ? -1 : r.cost().nanos();
        long femtos = explicit >= 0 ? 0 : prices.costFemtos(prices.indexOf(r.model()), r.inputTokens(),
                r.outputTokens(), r.cacheWriteTokens(), r.cacheReadTokens());
        out.collect(new CostItem("total", "*", femtos, explicit));
        emit(out, "iteration", r.iterationId(), femtos, explicit);
        emit(out, "pullRequest", r.pullRequestId(), femtos, explicit);
        emit(out, "feature", r.featureId(), femtos, explicit);
        emit(out, "session", r.sessionId(), femtos, explicit);
        out.collect(new CostItem("day", LocalDate.ofInstant(r.timestamp(), zone).toString(), femtos, explicit));
        out.collect(new CostItem("model", r.model(), femtos, explicit));
    }

    private static void emit(Collector<CostItem> out, String dimension, @Nullable String key, long femtos,
            long explicit) {
        if (key != null) {
            out.collect(new CostItem(dimension, key, femtos, explicit));
        }
    }
}
