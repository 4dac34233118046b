package io.github.deliverykit.flink;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.flink.types.AccumulatorTypes;
import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The runnable example job: reads request events ({@code id,service,epochMillis,good|bad}) from
 * files with Flink's file source, drops duplicated deliveries by id, and writes under the output
 * directory: {@code alerts/} (every burn-rate alert change with its deploy-freeze verdict),
 * {@code sli/} (good / total per service and bucket), {@code late/} (events beyond the allowed
 * lateness) and {@code malformed/} (rejected lines with their reason). Kryo is switched off, so
 * every type on the wire and in state has an explicit serializer.
 *
 * <p>Options ({@code --name value}): {@code input} and {@code output} (required), {@code origin}
 * (ISO instant, default {@code 2026-01-05T00:00:00Z}), {@code bucket} ({@code PT1M}),
 * {@code buckets} (1440), {@code target} (99.9), {@code period} ({@code P30D}), {@code table}
 * ({@code workbook}), {@code lateness} ({@code PT2M}), {@code outOfOrderness} ({@code PT1M}),
 * {@code watch} (re-scan the input every so often, e.g. {@code PT10S}; default: read once and end).
 */
public final class DeliveryFlinkJob {

    private DeliveryFlinkJob() {}

    /**
     * Submits the job to the environment Flink provides ({@code flink run}, or a local MiniCluster
     * when run from an IDE or {@code java -cp}).
     *
     * @param args the options
     * @throws Exception if the job fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        build(env, o);
        env.execute("deliverykit burn-rate alerts");
    }

    /**
     * Parses {@code --name value} pairs.
     *
     * @param args the arguments
     * @return the options, in order
     * @throws IllegalArgumentException if an argument is not a {@code --name value} pair
     */
    public static Map<String, String> options(String... args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw Checks.invalid("args[" + i + "]", "must be a --name value pair", args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }

    /**
     * Adds the job's operators to an environment.
     *
     * @param env the environment
     * @param o the options
     * @throws IllegalArgumentException if a required option is missing or an option is invalid
     */
    public static void build(StreamExecutionEnvironment env, Map<String, String> o) {
        String input = required(o, "input");
        String output = required(o, "output");
        SliGeometry g = new SliGeometry(Instant.parse(o.getOrDefault("origin", "2026-01-05T00:00:00Z")),
                Duration.parse(o.getOrDefault("bucket", "PT1M")), Integer.parseInt(o.getOrDefault("buckets", "1440")));
        AlertSpec spec = new AlertSpec(o.getOrDefault("target", "99.9"), Duration.parse(o.getOrDefault("period", "P30D")),
                o.getOrDefault("table", "workbook"), g, Duration.parse(o.getOrDefault("lateness", "PT2M")), "1.5");
        Duration outOfOrder = Duration.parse(o.getOrDefault("outOfOrderness", "PT1M"));
        env.enableCheckpointing(1_000, CheckpointingMode.EXACTLY_ONCE); // the file sink commits on checkpoints

        FileSource.FileSourceBuilder<String> files =
                FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(input));
        if (o.containsKey("watch")) {
            files.monitorContinuously(Duration.parse(o.get("watch")));
        }
        SingleOutputStreamOperator<RequestEvent> parsed = env
                .fromSource(files.build(), WatermarkStrategy.noWatermarks(), "request-files").uid("request-files")
                .process(new RequestEventParser(), TypeInformation.of(RequestEvent.class)).uid("parse").name("parse");
        parsed.getSideOutput(RequestEventParser.MALFORMED)
                .map(m -> m.reason() + "\t" + m.line(), Types.STRING).uid("malformed-lines")
                .sinkTo(sink(output, "malformed")).uid("malformed-sink");

        DataStream<RequestEvent> events = parsed
                .assignTimestampsAndWatermarks(WatermarkStrategy.<RequestEvent>forBoundedOutOfOrderness(outOfOrder)
                        .withTimestampAssigner((e, ts) -> e.timestampMillis())).uid("watermarks")
                .keyBy(RequestEvent::id)
                .process(new DedupeById<>(), TypeInformation.of(RequestEvent.class)).uid("dedupe").name("dedupe");

        SingleOutputStreamOperator<AlertChange> alerts = events
                .keyBy(RequestEvent::service)
                .process(new BurnRateAlerts(spec), BurnRateAlerts.outputType()).uid("alerts").name("burn-rate alerts");
        alerts.map(AlertChange::toLine, Types.STRING).uid("alert-lines").sinkTo(sink(output, "alerts")).uid("alert-sink");
        alerts.getSideOutput(BurnRateAlerts.LATE).map(RequestEvent::toLine, Types.STRING).uid("late-lines")
                .sinkTo(sink(output, "late")).uid("late-sink");

        long length = g.bucket().toMillis() * g.buckets();
        events.keyBy(RequestEvent::service)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(length),
                        Duration.ofMillis(Math.floorMod(g.origin().toEpochMilli(), length))))
                .aggregate(new SliAggregate(g), new SliWindowLines(g), AccumulatorTypes.GOOD_TOTAL,
                        AccumulatorTypes.GOOD_TOTAL, Types.STRING).uid("sli").name("sli series")
                .sinkTo(sink(output, "sli")).uid("sli-sink");
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw Checks.invalid("--" + name, "is required", v);
        }
        return v;
    }

    private static FileSink<String> sink(String output, String name) {
        return FileSink.forRowFormat(new Path(output, name), new SimpleStringEncoder<String>("UTF-8")).build();
    }

    /** The lines of the window that is the geometry's range (other windows hold only rejected events). */
    private static final class SliWindowLines
            extends ProcessWindowFunction<GoodTotalAccumulator, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;
        private final SliGeometry g;

        SliWindowLines(SliGeometry g) {
            this.g = g;
        }

        @Override
        public void process(String service, Context ctx, Iterable<GoodTotalAccumulator> in, Collector<String> out) {
            for (GoodTotalAccumulator a : in) {
                if (ctx.window().getStart() == g.origin().toEpochMilli()) {
                    SliRows.lines(service, a).forEach(out::collect);
                } else {
                    out.collect(service + ",outside," + ctx.window().getStart() + "," + a.rejected());
                }
            }
        }
    }
}
