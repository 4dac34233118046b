package io.github.deliverykit.flink;

import static org.apache.flink.table.api.Expressions.$;

import io.github.deliverykit.flink.types.AccumulatorTypes;
import io.github.deliverykit.flink.types.CostTotalsSerializer;
import io.github.deliverykit.flink.types.GoodTotalAccumulatorSerializer;
import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import io.github.deliverykit.metrics.cost.CostLedger.CostTotals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

/**
 * The timed harness of issue 15 (profile {@code flink-bench}, never in the default test run):
 * events per second of the SLI aggregation on a local Flink at parallelism 1 and 2, side by side
 * with Flink SQL computing the same per-minute COUNT / SUM on the same generated events; the
 * burn-rate alerts on top; serialized state per key. Wall-clock time of the whole job (start-up
 * included), median of the repetitions. Sizes: {@code -Dbench.events=1000000,10000000}.
 */
final class FlinkThroughputBench {

    static final int SERVICES = 64;
    static final long DAY = Duration.ofDays(1).toMillis();
    static final long ORIGIN = TestEvents.ORIGIN.toEpochMilli();
    static final AtomicLong SUNK = new AtomicLong();

    /** Cheap, deterministic event i of n: in time order over one day, 0.1 % bad (1 in 1024). */
    static GeneratorFunction<Long, RequestEvent> generator(long n) {
        return i -> new RequestEvent("e", "s" + (i % SERVICES), ORIGIN + (i * DAY) / n,
                (i * 0x9E3779B97F4A7C15L >>> 54) != 0);
    }

    static DataStream<RequestEvent> source(StreamExecutionEnvironment env, long n) {
        return env.fromSource(new DataGeneratorSource<>(generator(n), n, TypeInformation.of(RequestEvent.class)),
                WatermarkStrategy.<RequestEvent>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                        .withTimestampAssigner((e, ts) -> e.timestampMillis()), "events");
    }

    /** Counts what reaches it, nothing else. */
    static final class CountingSink<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
                    SUNK.incrementAndGet();
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    static StreamExecutionEnvironment env(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        return env;
    }

    static double seconds(String variant, int parallelism, long n) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        DataStream<RequestEvent> events = source(env, n);
        SliGeometry day = new SliGeometry(TestEvents.ORIGIN, Duration.ofMinutes(1), 1440);
        switch (variant) {
            case "sli" -> events.keyBy(RequestEvent::service)
                    .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
                    .aggregate(new SliAggregate(day), AccumulatorTypes.GOOD_TOTAL, AccumulatorTypes.GOOD_TOTAL)
                    .sinkTo(new CountingSink<>());
            case "alerts" -> events.keyBy(RequestEvent::service)
                    .process(new BurnRateAlerts(AlertSpec.workbook("99.9", Duration.ofDays(30), day, Duration.ZERO)),
                            BurnRateAlerts.outputType())
                    .sinkTo(new CountingSink<>());
            case "sql" -> {
                StreamTableEnvironment tenv = StreamTableEnvironment.create(env);
                Table t = tenv.fromDataStream(events, Schema.newBuilder()
                        .columnByExpression("ts", "TO_TIMESTAMP_LTZ(timestampMillis, 3)")
                        .watermark("ts", "ts - INTERVAL '5' SECOND")
                        .build());
                tenv.createTemporaryView("events", t);
                Table r = tenv.sqlQuery("SELECT service, window_start, COUNT(*) AS total, "
                        + "SUM(CASE WHEN good THEN 1 ELSE 0 END) AS good "
                        + "FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) "
                        + "GROUP BY service, window_start, window_end");
                DataStream<Row> rows = tenv.toDataStream(r);
                rows.sinkTo(new CountingSink<>());
            }
            default -> throw new IllegalArgumentException(variant);
        }
        long t0 = System.nanoTime();
        env.execute(variant + " p" + parallelism + " n" + n);
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    @Test
    void throughput() throws Exception {
        String[] sizes = System.getProperty("bench.events", "1000000,10000000").split(",");
        int reps = Integer.getInteger("bench.reps", 3);
        StringBuilder md = new StringBuilder();
        md.append("| events | parallelism | Flink SQL ev/s | SliAggregate ev/s | ratio | BurnRateAlerts ev/s | ratio |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        seconds("sql", 1, 200_000); // warm-up: class loading, planner
        seconds("sli", 1, 200_000);
        seconds("alerts", 1, 200_000);
        for (String size : sizes) {
            long n = Long.parseLong(size.strip());
            for (int p : new int[] {1, 2}) {
                List<Double> sql = new ArrayList<>();
                List<Double> sli = new ArrayList<>();
                List<Double> alerts = new ArrayList<>();
                for (int r = 0; r < reps; r++) {
                    sql.add(seconds("sql", p, n));
                    sli.add(seconds("sli", p, n));
                    alerts.add(seconds("alerts", p, n));
                }
                double q = n / median(sql);
                double s = n / median(sli);
                double a = n / median(alerts);
                md.append(String.format(Locale.ROOT, "| %,d | %d | %,.0f | %,.0f | %.2fx | %,.0f | %.2fx |%n", n, p, q, s,
                        s / q, a, a / q));
                System.out.print(md);
            }
        }
        md.append('\n').append(stateSizes());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "flink-bench.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    /** Serialized bytes of one key's state. */
    static String stateSizes() throws Exception {
        StringBuilder sb = new StringBuilder("| state of one key | serialized bytes | heap arrays |\n| --- | ---: | ---: |\n");
        for (int perMinute : new int[] {0, 1, 100, 10_000}) {
            GoodTotalAccumulator a = GoodTotalAccumulator.create(TestEvents.ORIGIN, Duration.ofMinutes(1), 1440);
            for (int m = 0; m < 1440 && perMinute > 0; m++) {
                a.record(ORIGIN + m * 60_000L, perMinute - (m % 50 == 0 ? 1 : 0), perMinute);
            }
            DataOutputSerializer out = new DataOutputSerializer(1024);
            GoodTotalAccumulatorSerializer.INSTANCE.serialize(a, out);
            sb.append(String.format(Locale.ROOT, "| GoodTotalAccumulator, 1 day of minutes, %,d events/min | %,d | %,d |%n",
                    perMinute, out.length(), 2 * 1440 * 8));
        }
        CostTotals t = new CostTotals(Currency.getInstance("USD"), 1).add(0, 123_456_789_000_000L);
        DataOutputSerializer out = new DataOutputSerializer(64);
        CostTotalsSerializer.INSTANCE.serialize(t, out);
        sb.append(String.format(Locale.ROOT, "| CostTotals, one key | %d | %d |%n", out.length(), 4 * 8));
        return sb.toString();
    }
}
