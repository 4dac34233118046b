package io.github.deliverykit.flink.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.flink.FlinkTesting;
import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.flink.types.AccumulatorTypes;
import io.github.deliverykit.metrics.cost.CostLedger;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import io.github.deliverykit.metrics.cost.CostReport;
import io.github.deliverykit.metrics.cost.CostReport.Cost;
import io.github.deliverykit.metrics.cost.UsageRecord;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice;
import io.github.deliverykit.metrics.cost.spi.PriceTable.TokenPrices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class CostAggregateTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkTesting.miniCluster();

    static PriceTable table() {
        return PriceTable.of("flink-test", Money.currency("USD"), List.of(
                ModelPrice.flat("small", TokenPrices.perMillion("USD", "0.80", "4", "1", "0.08")),
                ModelPrice.tiered("large", TokenPrices.perMillion("USD", "3", "15", "3.75", "0.30"), 200_000,
                        TokenPrices.perMillion("USD", "6", "22.50", "7.50", "0.60"))));
    }

    /** Records with priced, tiered, unpriced and explicit-cost usage; 10 % delivered twice, some conflicting. */
    static List<UsageRecord> records(int n) {
        SplittableRandom r = new SplittableRandom(42);
        String[] models = {"small", "large", "unlisted"};
        List<UsageRecord> out = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            UsageRecord.Builder b = UsageRecord.builder("u" + i, t0.plusSeconds(r.nextLong(5 * 86_400)),
                    i % 17 == 0 ? "ci-runner" : models[r.nextInt(3)]);
            if (i % 17 == 0) {
                b.cost(Money.ofNanos(r.nextLong(5_000_000_000L), "USD"));
            } else {
                b.tokens(r.nextLong(400_000), r.nextLong(20_000), r.nextLong(50_000), r.nextLong(900_000));
            }
            b.session("sess-" + r.nextInt(40));
            if (r.nextInt(4) != 0) {
                b.pullRequest("pr-" + r.nextInt(60));
            }
            if (r.nextInt(3) == 0) {
                b.iteration("it-" + r.nextInt(90)).feature("f-" + r.nextInt(7));
            }
            out.add(b.build());
        }
        List<UsageRecord> again = new ArrayList<>(out.subList(0, n / 10));
        // a conflicting copy with more tokens: the ledger keeps it, whatever the order
        UsageRecord first = out.get(1);
        again.add(new UsageRecord(first.id(), first.timestamp(), first.model(), first.inputTokens() + 1,
                first.outputTokens(), first.cacheWriteTokens(), first.cacheReadTokens(), first.cost(),
                first.sessionId(), first.iterationId(), first.pullRequestId(), first.featureId()));
        out.addAll(again);
        return out;
    }

    static List<String> libraryLines(CostReport report) {
        List<String> out = new ArrayList<>();
        out.add(line("total", "*", report.total()));
        add(out, "iteration", report.byIteration());
        add(out, "pullRequest", report.byPullRequest());
        add(out, "feature", report.byFeature());
        add(out, "session", report.bySession());
        report.byDay().forEach((d, c) -> out.add(line("day", d.toString(), c)));
        add(out, "model", report.byModel());
        out.sort(null);
        return out;
    }

    private static void add(List<String> out, String dimension, Map<String, Cost> costs) {
        costs.forEach((k, c) -> out.add(line(dimension, k, c)));
    }

    static String line(String dimension, String key, Cost c) {
        return dimension + "," + key + "," + c.known().toBigDecimal().toPlainString() + "," + c.pricedRecords() + ","
                + c.unknownRecords();
    }

    static DataStream<String> costLines(DataStream<UsageEvent> usage) {
        return usage
                .keyBy(UsageEvent::id)
                .window(GlobalWindows.createWithEndOfStreamTrigger())
                .reduce(CostAttribution.keepOne())
                .flatMap(CostAttribution.utc(CostAggregateTest::table), TypeInformation.of(CostItem.class))
                .keyBy(CostItem::groupKey)
                .window(GlobalWindows.createWithEndOfStreamTrigger())
                .aggregate(new CostAggregate("USD"), new ProcessWindowFunction<CostTotals, String, String, GlobalWindow>() {
                    @Override
                    public void process(String key, Context ctx, Iterable<CostTotals> in, Collector<String> out) {
                        int slash = key.indexOf('/');
                        for (CostTotals t : in) {
                            out.collect(line(key.substring(0, slash), key.substring(slash + 1), CostAggregate.cost(t)));
                        }
                    }
                }, AccumulatorTypes.COST_TOTALS, AccumulatorTypes.COST_TOTALS, Types.STRING);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void costPerKey_equalsTheLedger_atEveryParallelism_whateverTheOrder(int parallelism) throws Exception {
        List<UsageRecord> records = records(3_000);
        List<String> expected = libraryLines(CostLedger.of(table()).price(records));
        List<UsageEvent> delivered = new ArrayList<>(records.stream().map(UsageEvent::of).toList());
        Collections.shuffle(delivered, new java.util.Random(parallelism));
        StreamExecutionEnvironment env = FlinkTesting.env(parallelism);
        List<String> flink = new ArrayList<>(FlinkTesting.collect(
                costLines(env.fromData(delivered, TypeInformation.of(UsageEvent.class)))));
        flink.sort(null);
        assertEquals(String.join("\n", expected), String.join("\n", flink));
        assertTrue(expected.stream().anyMatch(l -> l.equals("model,unlisted,0.000000000,0,939")), expected.toString());
    }

    @Test
    void mergeOfParts_equalsTheWhole() {
        CostAggregate agg = new CostAggregate("USD");
        CostTotals whole = agg.createAccumulator();
        CostTotals a = agg.createAccumulator();
        CostTotals b = agg.createAccumulator();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            CostItem item = i % 11 == 0 ? new CostItem("total", "*", 0, r.nextLong(1_000_000_000_000L))
                    : new CostItem("total", "*", i % 13 == 0 ? -1 : r.nextLong(Long.MAX_VALUE / 4), -1);
            agg.add(item, whole);
            agg.add(item, i % 2 == 0 ? a : b);
        }
        CostTotals merged = agg.merge(b, a);
        assertEquals(whole.exact(0), merged.exact(0));
        assertEquals(CostAggregate.cost(whole), CostAggregate.cost(merged));
    }
}
