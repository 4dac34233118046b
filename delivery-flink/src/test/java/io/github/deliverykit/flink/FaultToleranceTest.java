package io.github.deliverykit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class FaultToleranceTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkTesting.miniCluster();

    private static final long N = 20_000;
    private static final String HEARTBEAT = "~heartbeat";

    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger CHECKPOINTS = new AtomicInteger();
    static final AtomicLong GENERATED = new AtomicLong();

    /** Fails the job once, on the first event after two completed checkpoints. */
    static final class FailOnce extends RichMapFunction<RequestEvent, RequestEvent> implements CheckpointListener {
        private static final long serialVersionUID = 1L;

        @Override
        public RequestEvent map(RequestEvent e) {
            if (CHECKPOINTS.get() >= 2 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at " + e.id());
            }
            return e;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTS.incrementAndGet();
        }
    }

    static Configuration conf() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
        return conf;
    }

    /** A source that emits events slowly enough for checkpoints to complete between them. */
    static DataStream<RequestEvent> slowSource(StreamExecutionEnvironment env, long seed, long from, long count,
            long total, long heartbeats) {
        return slowSource(env, seed, from, count, total, heartbeats, RateLimiterStrategy.noOp());
    }

    /**
     * The slow source, rate limited: the limiter waits without blocking the task's mailbox, so
     * checkpoints complete while it waits (a sleep in the generator would hold them back).
     */
    static DataStream<RequestEvent> slowSource(StreamExecutionEnvironment env, long seed, long from, long count,
            long total, long heartbeats, RateLimiterStrategy<?> limit) {
        GeneratorFunction<Long, RequestEvent> gen = i -> {
            GENERATED.incrementAndGet();
            if (i >= count) {
                Thread.sleep(1);
                return new RequestEvent("hb" + i, HEARTBEAT, 0, true);
            }
            if (i % 200 == 0) {
                Thread.sleep(3);
            }
            return TestEvents.event(seed, from + i, total);
        };
        return env.fromSource(new DataGeneratorSource<>(gen, count + heartbeats, limit, TypeInformation.of(RequestEvent.class)),
                        AlertJobs.watermarksPerEvent(Duration.ofMinutes(2)), "events-" + from)
                .uid("events-" + from).setParallelism(1)
                .filter(e -> !e.service().equals(HEARTBEAT)).uid("no-heartbeats-" + from).setParallelism(1);
    }

    @Test
    void failureMidStream_restartsFromACheckpoint_withNothingLostAndNothingCountedTwice() throws Exception {
        FAILED.set(false);
        CHECKPOINTS.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf());
        env.setParallelism(2);
        env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
        // 20,000 events at 5,000 a second: about 4 s of stream, so checkpoints every 50 ms complete
        // before the failure, however fast or loaded the machine
        DataStream<RequestEvent> events = slowSource(env, 7, 0, N, N, 0, RateLimiterStrategy.perSecond(5_000))
                .map(new FailOnce(), TypeInformation.of(RequestEvent.class));
        DataStream<String> out = AlertJobs.lines(AlertJobs.alerts(events, AlertJobs.SPEC)).map(l -> "A " + l)
                .union(SliAggregateTest.sliLines(events, TestEvents.DAY_OF_MINUTES,
                        TumblingEventTimeWindows.of(Duration.ofDays(1))).map(l -> "S " + l));
        // pipelined windows only: the end-of-stream global window is a blocking (batch) exchange,
        // which Flink 2.3 cannot restart from a checkpoint mid-stream
        List<String> got = FlinkTesting.collect(out);
        assertTrue(FAILED.get(), "the injected failure happened");
        List<RequestEvent> all = TestEvents.events(7, N);
        List<String> expected = new ArrayList<>();
        AlertJobs.library(all, AlertJobs.SPEC).forEach(l -> expected.add("A " + l));
        TestEvents.libraryLines(all, TestEvents.DAY_OF_MINUTES).forEach(l -> expected.add("S " + l));
        assertEquals(String.join("\n", AlertJobs.sorted(expected)), String.join("\n", AlertJobs.sorted(got)));
    }

    @Test
    void stateRestoredFromASavepoint_givesTheSameAlerts(@TempDir Path dir) throws Exception {
        long half = N / 2;
        // first half, then heartbeats until the job is stopped with a savepoint
        GENERATED.set(0);
        StreamExecutionEnvironment first = StreamExecutionEnvironment.getExecutionEnvironment(conf());
        first.setParallelism(2);
        StaticSink firstOut = new StaticSink("savepoint-first");
        AlertJobs.lines(AlertJobs.alerts(slowSource(first, 9, 0, half, N, 600_000), AlertJobs.SPEC)).sinkTo(firstOut);
        JobClient job = first.executeAsync("first half");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (GENERATED.get() < half + 500 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String savepoint = job.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(60, TimeUnit.SECONDS);

        Configuration restore = conf();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        restore.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        StreamExecutionEnvironment second = StreamExecutionEnvironment.getExecutionEnvironment(restore);
        second.setParallelism(2);
        StaticSink secondOut = new StaticSink("savepoint-second");
        AlertJobs.lines(AlertJobs.alerts(slowSource(second, 9, half, N - half, N, 0), AlertJobs.SPEC)).sinkTo(secondOut);
        second.execute("second half, from the savepoint");

        List<String> got = new ArrayList<>(StaticSink.drain("savepoint-first"));
        got.addAll(StaticSink.drain("savepoint-second"));
        List<String> expected = AlertJobs.library(TestEvents.events(9, N), AlertJobs.SPEC);
        assertTrue(expected.size() >= 4, expected.toString());
        assertEquals(String.join("\n", AlertJobs.sorted(expected)), String.join("\n", AlertJobs.sorted(got)));
    }
}
