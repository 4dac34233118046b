package io.github.deliverykit.flink.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.flink.FlinkTesting;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DoraConfig;
import io.github.deliverykit.metrics.dora.DoraDataset;
import io.github.deliverykit.metrics.dora.DoraDataset.DoraCounts;
import io.github.deliverykit.metrics.dora.DoraDataset.Slice;
import io.github.deliverykit.metrics.dora.DoraDataset.SliceDimension;
import io.github.deliverykit.metrics.dora.DoraEvents;
import io.github.deliverykit.metrics.dora.DoraReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DoraCountAggregateTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkTesting.miniCluster();

    static final Instant T0 = Instant.parse("2026-02-02T00:00:00Z");
    static final int DAYS = 14;

    static List<Deployment> deployments(int n) {
        SplittableRandom r = new SplittableRandom(8);
        DeploymentOutcome[] outcomes = {DeploymentOutcome.SUCCESS, DeploymentOutcome.SUCCESS, DeploymentOutcome.SUCCESS,
            DeploymentOutcome.FAILED, DeploymentOutcome.ROLLED_BACK};
        List<Deployment> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant start = T0.plusSeconds(r.nextLong(DAYS * 86_400L - 3_600));
            out.add(Deployment.builder("d" + i, "svc-" + r.nextInt(5))
                    .environment(r.nextInt(4) == 0 ? "staging" : "production")
                    .version("1." + i)
                    .at(start, start.plusSeconds(60 + r.nextLong(1_800)))
                    .outcome(outcomes[r.nextInt(outcomes.length)])
                    .build());
        }
        return out;
    }

    static String line(String service, long dayStart, long deployments, long successful) {
        return service + "," + dayStart + "," + deployments + "," + successful;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void deploymentCounts_perServiceAndDay_equalTheDoraDataset(int parallelism) throws Exception {
        List<Deployment> all = deployments(2_000);
        DoraDataset dataset = DoraDataset.of(DoraEvents.builder().deployments(all).build());
        List<String> expected = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            Interval day = Interval.of(T0.plus(Duration.ofDays(d)), Duration.ofDays(1));
            for (Map.Entry<Slice, DoraReport> e : dataset.slices(day, SliceDimension.SERVICE).entrySet()) {
                DoraCounts c = e.getValue().counts();
                if (c.deployments() > 0) {
                    expected.add(line(e.getKey().value(), day.start().toEpochMilli(), c.deployments(), c.successful()));
                }
            }
        }
        expected.sort(null);

        List<DeploymentEvent> delivered = new ArrayList<>(all.stream().map(DeploymentEvent::of).toList());
        Collections.shuffle(delivered, new Random(parallelism));
        StreamExecutionEnvironment env = FlinkTesting.env(parallelism);
        List<String> flink = new ArrayList<>(FlinkTesting.collect(env
                .fromData(delivered, TypeInformation.of(DeploymentEvent.class))
                // shuffled input: watermarks wait out the whole disorder, so no deployment is late for its window
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<DeploymentEvent>forBoundedOutOfOrderness(Duration.ofDays(DAYS + 1))
                        .withTimestampAssigner((e, ts) -> e.finishedMillis()))
                .keyBy(DeploymentEvent::service)
                .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
                .aggregate(new DoraCountAggregate(DoraConfig.DEFAULT_PRODUCTION_ENVIRONMENTS),
                        new ProcessWindowFunction<DoraTally, String, String, TimeWindow>() {
                            @Override
                            public void process(String service, Context ctx, Iterable<DoraTally> in, Collector<String> out) {
                                for (DoraTally t : in) {
                                    if (t.deployments() > 0) {
                                        out.collect(line(service, ctx.window().getStart(), t.deployments(), t.successful()));
                                    }
                                }
                            }
                        }, TypeInformation.of(DoraTally.class), TypeInformation.of(DoraTally.class), Types.STRING)));
        flink.sort(null);
        assertEquals(String.join("\n", expected), String.join("\n", flink));
        assertTrue(expected.size() > 50, "most service-days have deployments: " + expected.size());
    }

    @Test
    void tally_mergeOfParts_equalsTheWhole_andFailuresAreALowerBound() {
        List<Deployment> all = deployments(500);
        DoraCountAggregate agg = new DoraCountAggregate(DoraConfig.DEFAULT_PRODUCTION_ENVIRONMENTS);
        DoraTally whole = agg.createAccumulator();
        DoraTally a = agg.createAccumulator();
        DoraTally b = agg.createAccumulator();
        for (int i = 0; i < all.size(); i++) {
            DeploymentEvent e = DeploymentEvent.of(all.get(i));
            whole = agg.add(e, whole);
            if (i % 3 == 0) {
                a = agg.add(e, a);
            } else {
                b = agg.add(e, b);
            }
        }
        assertEquals(whole, agg.merge(a, b));
        DoraCounts lib = DoraDataset.of(DoraEvents.builder().deployments(all).build())
                .report(Interval.of(T0, Duration.ofDays(DAYS))).counts();
        assertEquals(lib.deployments(), whole.deployments());
        assertEquals(lib.successful(), whole.successful());
        assertTrue(whole.failedByOutcome() <= lib.failed(), whole + " vs " + lib);
    }
}
