package io.github.deliverykit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class BurnRateAlertsTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkTesting.miniCluster();

    private static final long N = 40_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void alerts_equalTheLibrary_atEveryParallelism(int parallelism) throws Exception {
        List<String> expected = AlertJobs.library(TestEvents.events(7, N), AlertJobs.SPEC);
        StreamExecutionEnvironment env = FlinkTesting.env(parallelism);
        DataStream<RequestEvent> source = env.fromSequence(0, N - 1)
                .map(i -> TestEvents.event(7, i, N), TypeInformation.of(RequestEvent.class))
                .assignTimestampsAndWatermarks(AlertJobs.watermarks(Duration.ofMinutes(2)));
        List<String> flink = FlinkTesting.collect(AlertJobs.lines(AlertJobs.alerts(source, AlertJobs.SPEC)));
        assertEquals(String.join("\n", AlertJobs.sorted(expected)), String.join("\n", AlertJobs.sorted(flink)));
        // the generated outage pages s1 and the slow burn raises at least a ticket on s2
        assertTrue(expected.stream().anyMatch(l -> l.startsWith("s1,") && l.contains("->PAGE")), expected.toString());
        assertTrue(expected.stream().anyMatch(l -> l.startsWith("s2,") && l.contains("->TICKET")), expected.toString());
        assertTrue(expected.stream().anyMatch(l -> l.contains("->PAGE") && l.contains(",FREEZE,")), expected.toString());
        assertTrue(expected.stream().anyMatch(l -> l.startsWith("s1,") && l.contains("->OK")), expected.toString());
    }

    @Test
    void alerts_shuffledAndDuplicated_withEnoughLateness_giveTheSameAnswer() throws Exception {
        AlertSpec lenient = AlertSpec.workbook("99.9", TestEvents.PERIOD, TestEvents.DAY_OF_MINUTES, Duration.ofDays(2));
        List<RequestEvent> events = TestEvents.events(13, N);
        List<RequestEvent> delivered = new ArrayList<>(events);
        Random r = new Random(5);
        for (int i = 0; i < 4_000; i++) {
            delivered.add(events.get(r.nextInt(events.size())));
        }
        Collections.shuffle(delivered, r);
        StreamExecutionEnvironment env = FlinkTesting.env(2);
        DataStream<RequestEvent> source = env.fromData(delivered, TypeInformation.of(RequestEvent.class))
                .assignTimestampsAndWatermarks(AlertJobs.watermarks(Duration.ofMinutes(1)));
        List<String> flink = FlinkTesting.collect(AlertJobs.lines(AlertJobs.alerts(source, lenient)));
        assertEquals(String.join("\n", AlertJobs.sorted(AlertJobs.library(events, lenient))),
                String.join("\n", AlertJobs.sorted(flink)));
    }

    @Test
    void lateEvents_beyondTheAllowedLateness_areCountedAndSentToTheSideOutput() throws Exception {
        AlertSpec strict = AlertSpec.workbook("99.9", TestEvents.PERIOD, TestEvents.DAY_OF_MINUTES, Duration.ZERO);
        List<RequestEvent> events = new ArrayList<>(TestEvents.events(17, 8_000));
        List<RequestEvent> late = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            RequestEvent anchor = events.get(6_000 + k * 100);
            // one hour behind the stream, for a service with steady traffic: its bucket is decided
            RequestEvent e = new RequestEvent("late-" + k, anchor.service(), anchor.timestampMillis() - 3_600_000L, false);
            late.add(e);
            events.add(6_000 + k * 100 + 1, e);
        }
        StreamExecutionEnvironment env = FlinkTesting.env(1);
        DataStream<RequestEvent> source = env.fromData(events, TypeInformation.of(RequestEvent.class))
                .assignTimestampsAndWatermarks(AlertJobs.watermarksPerEvent(Duration.ofMinutes(2)));
        SingleOutputStreamOperator<AlertChange> alerts = AlertJobs.alerts(source, strict);
        CloseableIterator<RequestEvent> sideOutput = alerts.getSideOutput(BurnRateAlerts.LATE).collectAsync();
        JobExecutionResult result = env.execute("late events");
        List<RequestEvent> seen = new ArrayList<>();
        sideOutput.forEachRemaining(seen::add);
        sideOutput.close();
        assertEquals(late, seen);
        assertEquals(5L, (Long) result.getAccumulatorResult(BurnRateAlerts.LATE_COUNTER));
    }
}
