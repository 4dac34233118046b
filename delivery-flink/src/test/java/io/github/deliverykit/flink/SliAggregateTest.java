package io.github.deliverykit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.flink.types.AccumulatorTypes;
import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SliAggregateTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkTesting.miniCluster();

    private static final long N = 20_000;

    /** The SLI series per service of a stream of events, deduplicated by id, as text lines. */
    static DataStream<String> sliLines(DataStream<RequestEvent> events, SliGeometry g) {
        return sliLines(events, g, GlobalWindows.createWithEndOfStreamTrigger());
    }

    /** The same over any window assigner whose windows each cover the geometry (e.g. a tumbling day). */
    static <W extends Window> DataStream<String> sliLines(DataStream<RequestEvent> events, SliGeometry g,
            WindowAssigner<? super RequestEvent, W> windows) {
        return events
                .keyBy(RequestEvent::id)
                .process(new DedupeById<>(), TypeInformation.of(RequestEvent.class))
                .keyBy(RequestEvent::service)
                .window(windows)
                .aggregate(new SliAggregate(g), new ProcessWindowFunction<GoodTotalAccumulator, String, String, W>() {
                    @Override
                    public void process(String service, Context ctx, Iterable<GoodTotalAccumulator> in,
                            Collector<String> out) {
                        for (GoodTotalAccumulator a : in) {
                            SliRows.lines(service, a).forEach(out::collect);
                        }
                    }
                }, AccumulatorTypes.GOOD_TOTAL, AccumulatorTypes.GOOD_TOTAL, Types.STRING);
    }

    static List<String> sorted(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        out.sort(SliAggregateTest::byServiceThenBucket);
        return out;
    }

    /** Lines ordered as the library renders them: by service, buckets in order, rejected last. */
    static int byServiceThenBucket(String a, String b) {
        String[] x = a.split(",");
        String[] y = b.split(",");
        int c = x[0].compareTo(y[0]);
        if (c != 0) {
            return c;
        }
        boolean rx = x[1].equals("rejected");
        boolean ry = y[1].equals("rejected");
        if (rx || ry) {
            return Boolean.compare(rx, ry);
        }
        return Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void sliSeries_equalsTheLibrary_atEveryParallelism(int parallelism) throws Exception {
        List<RequestEvent> events = TestEvents.events(7, N);
        StreamExecutionEnvironment env = FlinkTesting.env(parallelism);
        DataStream<RequestEvent> source = env.fromSequence(0, N - 1)
                .map(i -> TestEvents.event(7, i, N), TypeInformation.of(RequestEvent.class));
        List<String> flink = sorted(FlinkTesting.collect(sliLines(source, TestEvents.DAY_OF_MINUTES)));
        assertEquals(String.join("\n", TestEvents.libraryLines(events, TestEvents.DAY_OF_MINUTES)),
                String.join("\n", flink));
    }

    @Test
    void sliSeries_shuffledAndDuplicated_givesTheSameAnswer() throws Exception {
        List<RequestEvent> events = TestEvents.events(11, N);
        List<RequestEvent> delivered = new ArrayList<>(events);
        Random r = new Random(3);
        for (int i = 0; i < 3_000; i++) {
            delivered.add(events.get(r.nextInt(events.size())));
        }
        Collections.shuffle(delivered, r);
        StreamExecutionEnvironment env = FlinkTesting.env(2);
        DataStream<RequestEvent> source = env.fromData(delivered, TypeInformation.of(RequestEvent.class));
        List<String> flink = sorted(FlinkTesting.collect(sliLines(source, TestEvents.DAY_OF_MINUTES)));
        assertEquals(String.join("\n", TestEvents.libraryLines(events, TestEvents.DAY_OF_MINUTES)),
                String.join("\n", flink));
    }

    @Test
    void mergeOfParts_equalsTheWhole() {
        List<RequestEvent> events = TestEvents.events(5, 4_000);
        SliAggregate agg = new SliAggregate(TestEvents.DAY_OF_MINUTES);
        GoodTotalAccumulator whole = agg.createAccumulator();
        GoodTotalAccumulator[] parts = {agg.createAccumulator(), agg.createAccumulator(), agg.createAccumulator()};
        for (int i = 0; i < events.size(); i++) {
            agg.add(events.get(i), whole);
            agg.add(events.get(i), parts[(i * 7919) % 3]);
        }
        GoodTotalAccumulator merged = agg.merge(agg.merge(parts[2], parts[0]), parts[1]);
        assertEquals(whole, merged);
        assertEquals(whole.snapshot().total(0, 1440), 4_000);
    }

    @Test
    void kryo_isSwitchedOff_soAGenericTypeFailsTheJob() {
        StreamExecutionEnvironment env = FlinkTesting.env(1);
        DataStream<Object> generic = env.fromSequence(0, 3)
                .map(i -> (Object) new StringBuilder("x" + i), new GenericTypeInfo<>(Object.class));
        Exception e = assertThrows(Exception.class, () -> FlinkTesting.collect(generic));
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            causes.append(t.getMessage()).append('\n');
        }
        assertTrue(causes.toString().contains("Generic types have been disabled"), causes.toString());
    }
}
