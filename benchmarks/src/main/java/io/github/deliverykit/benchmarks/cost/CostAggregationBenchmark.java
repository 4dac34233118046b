package io.github.deliverykit.benchmarks.cost;

import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import io.github.deliverykit.metrics.cost.spi.PriceTable.ModelPrice;
import io.github.deliverykit.metrics.cost.PriceList;
import io.github.deliverykit.metrics.cost.CostLedger.RecordIdSet;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost per pull request over 10^7 usage records (columnar, 1 % repeated ids, 1 % unknown model):
 * deliverykit's {@link PriceList} + {@link CostTotals} (exact 128-bit femto sums, nothing allocated
 * per record) against the same exact sums in {@link BigDecimal}. With {@code dedupe} both first
 * drop repeated ids through the same {@link RecordIdSet} (a 2^25-slot table probed at random, the
 * same cost in both); without it every record counts and the difference is the money arithmetic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class CostAggregationBenchmark {

    @Param({"10000000"})
    public int records;

    @Param({"100000"})
    public int pullRequests;

    /** whether to de-duplicate record ids (the same {@link RecordIdSet} in both variants) */
    @Param({"false", "true"})
    public boolean dedupe;

    private long[] ids;
    private int[] models;
    private int[] prs;
    private int[] input;
    private int[] output;
    private int[] cacheWrite;
    private int[] cacheRead;
    private PriceList prices;
    private BigDecimal[][] bigPrices;

    @Setup
    public void setUp() {
        prices = PriceList.of(Providers.load(PriceTable.class).get("example"));
        int small = prices.indexOf("example-small");
        int large = prices.indexOf("example-large");
        bigPrices = new BigDecimal[prices.size()][];
        for (ModelPrice p : prices.table().prices()) {
            bigPrices[prices.indexOf(p.model())] = new BigDecimal[] {p.base().input().toBigDecimal(),
                    p.base().output().toBigDecimal(), p.base().cacheWrite().toBigDecimal(), p.base().cacheRead().toBigDecimal()};
        }
        SplittableRandom random = new SplittableRandom(7);
        ids = new long[records];
        models = new int[records];
        prs = new int[records];
        input = new int[records];
        output = new int[records];
        cacheWrite = new int[records];
        cacheRead = new int[records];
        for (int i = 0; i < records; i++) {
            ids[i] = random.nextInt(100) == 0 && i > 0 ? ids[random.nextInt(i)] : random.nextLong();
            int m = random.nextInt(100);
            models[i] = m == 0 ? -1 : m < 70 ? large : small;
            prs[i] = random.nextInt(pullRequests);
            input[i] = random.nextInt(20_000);
            output[i] = random.nextInt(4_000);
            cacheWrite[i] = random.nextInt(10_000);
            cacheRead[i] = random.nextInt(150_000);
        }
        CostTotals ours = deliverykit();
        BigDecimal[] peer = bigDecimal();
        for (int g = 0; g < pullRequests; g++) {
            BigDecimal expected = peer[g].movePointLeft(6);
            if (ours.exact(g).compareTo(expected) != 0) {
                throw new IllegalStateException("pull request " + g + ": ours " + ours.exact(g) + ", BigDecimal " + expected);
            }
        }
    }

    @Benchmark
    public CostTotals deliverykit() {
        CostTotals totals = new CostTotals(prices.currency(), pullRequests);
        RecordIdSet seen = dedupe ? new RecordIdSet(records) : null;
        PriceList p = prices;
        for (int i = 0; i < ids.length; i++) {
            if (seen == null || seen.add(ids[i])) {
                totals.add(prs[i], p.costFemtos(models[i], input[i], output[i], cacheWrite[i], cacheRead[i]));
            }
        }
        return totals;
    }

    /** The same sums in BigDecimal: price per million tokens times tokens, summed per pull request. */
    @Benchmark
    public BigDecimal[] bigDecimal() {
        BigDecimal[] totals = new BigDecimal[pullRequests];
        java.util.Arrays.fill(totals, BigDecimal.ZERO);
        long[] unknown = new long[pullRequests];
        RecordIdSet seen = dedupe ? new RecordIdSet(records) : null;
        for (int i = 0; i < ids.length; i++) {
            if (seen != null && !seen.add(ids[i])) {
                continue;
            }
            int m = models[i];
            if (m < 0) {
                unknown[prs[i]]++;
                continue;
            }
            BigDecimal[] pr = bigPrices[m];
            BigDecimal c = pr[0].multiply(BigDecimal.valueOf(input[i]))
                    .add(pr[1].multiply(BigDecimal.valueOf(output[i])))
                    .add(pr[2].multiply(BigDecimal.valueOf(cacheWrite[i])))
                    .add(pr[3].multiply(BigDecimal.valueOf(cacheRead[i])));
            totals[prs[i]] = totals[prs[i]].add(c);
        }
        return totals;
    }
}
