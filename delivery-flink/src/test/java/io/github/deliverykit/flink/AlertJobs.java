package io.github.deliverykit.flink;

import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** The alert topology the tests run, and the single-machine answer it must equal. */
final class AlertJobs {

    static final AlertSpec SPEC = AlertSpec.workbook("99.9", TestEvents.PERIOD, TestEvents.DAY_OF_MINUTES,
            Duration.ofMinutes(2));

    private AlertJobs() {}

    static WatermarkStrategy<RequestEvent> watermarks(Duration outOfOrder) {
        return WatermarkStrategy.<RequestEvent>forBoundedOutOfOrderness(outOfOrder)
                .withTimestampAssigner((e, ts) -> e.timestampMillis());
    }

    /** A watermark after every event (bounded out-of-orderness), so lateness does not hang on the 200 ms timer. */
    static WatermarkStrategy<RequestEvent> watermarksPerEvent(Duration outOfOrder) {
        long bound = outOfOrder.toMillis();
        return WatermarkStrategy.<RequestEvent>forGenerator(ctx -> new WatermarkGenerator<RequestEvent>() {
            private long max = Long.MIN_VALUE + bound + 1;

            @Override
            public void onEvent(RequestEvent e, long ts, WatermarkOutput out) {
                max = Math.max(max, ts);
                out.emitWatermark(new Watermark(max - bound - 1));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput out) {
                out.emitWatermark(new Watermark(max - bound - 1));
            }
        }).withTimestampAssigner((e, ts) -> e.timestampMillis());
    }

    /** Dedupe by id, then alerts per service; uids fixed so savepoints map back. */
    static SingleOutputStreamOperator<AlertChange> alerts(DataStream<RequestEvent> events, AlertSpec spec) {
        return events
                .keyBy(RequestEvent::id)
                .process(new DedupeById<>(), TypeInformation.of(RequestEvent.class)).uid("dedupe").name("dedupe")
                .keyBy(RequestEvent::service)
                .process(new BurnRateAlerts(spec), BurnRateAlerts.outputType()).uid("alerts").name("alerts");
    }

    static DataStream<String> lines(DataStream<AlertChange> changes) {
        return changes.map(AlertChange::toLine, Types.STRING);
    }

    static List<String> library(List<RequestEvent> events, AlertSpec spec) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, GoodTotalAccumulator> e : TestEvents.library(events, spec.geometry()).entrySet()) {
            BurnRateAlerts.replay(spec, e.getKey(), e.getValue()).forEach(c -> out.add(c.toLine()));
        }
        return out;
    }

    static List<String> sorted(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        out.sort(null);
        return out;
    }
}
