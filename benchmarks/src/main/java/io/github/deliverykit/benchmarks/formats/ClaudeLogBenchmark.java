package io.github.deliverykit.benchmarks.formats;

import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.usage.ClaudeCodeLogs;
import io.github.deliverykit.formats.usage.LiteLlmPrices;
import io.github.deliverykit.formats.usage.UsageCosts;
import io.github.deliverykit.metrics.cost.spi.PriceTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading and pricing a Claude Code log tree ({@link ClaudeLogTree}, 10^6 usage lines by default):
 * {@link ClaudeCodeLogs} streaming the JSONL files, merging snapshots and de-duplicating responses,
 * into {@link UsageCosts} priced with LiteLLM prices, under a 256 MB heap to show that memory stays
 * flat. ccusage, the peer, is a native executable: it is timed on the same tree by
 * {@code benchmarks/formats/ccusage-comparison.sh}, which also checks that both give the same totals.
 * The tree lives in {@code -Ddeliverykit.claudeLogs=DIR} (default {@code java.io.tmpdir/deliverykit-claude-logs}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class ClaudeLogBenchmark {

    @Param({"1000000"})
    public long usageLines;

    private Path projects;
    private PriceTable prices;

    @Setup
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("deliverykit.claudeLogs",
                Path.of(System.getProperty("java.io.tmpdir"), "deliverykit-claude-logs").toString()));
        ClaudeLogTree.generate(dir, usageLines);
        projects = dir.resolve("projects");
        try (InputStream in = ClaudeLogBenchmark.class.getResourceAsStream("/formats/model_prices.json")) {
            prices = LiteLlmPrices.read("model_prices.json", in).table();
        }
    }

    @Benchmark
    public void readAndPrice(Blackhole bh) {
        UsageCosts costs = UsageCosts.of(prices, ZoneOffset.UTC);
        ReadReport report = ClaudeCodeLogs.stream(projects, costs);
        bh.consume(report);
        bh.consume(costs.summary());
    }
}
