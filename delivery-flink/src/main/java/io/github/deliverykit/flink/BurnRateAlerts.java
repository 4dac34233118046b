package io.github.deliverykit.flink;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.flink.types.AccumulatorTypes;
import io.github.deliverykit.metrics.budget.AlertEvaluator;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertState;
import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import io.github.deliverykit.metrics.budget.SliSeries;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.policy.budget.DeployFreeze;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.budget.FreezeDecision;
import io.github.deliverykit.policy.budget.FreezeInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Streaming multiwindow burn-rate alerts per service (use after {@code keyBy(service)}), on event
 * time: each service's good / total counts live in a keyed {@link GoodTotalAccumulator} (explicit
 * serializer); a bucket boundary is evaluated with the library's {@link AlertEvaluator} once the
 * watermark has passed it by the allowed lateness, so every boundary is decided on final counts and
 * the answer does not depend on parallelism or arrival order. An {@link AlertChange} is emitted
 * whenever the state changes (OK, TICKET, PAGE), with the deploy-freeze verdict of
 * {@link DeployFreeze} on the same counts. An event that arrives after its bucket was decided goes
 * to {@link #LATE} and the {@code lateEvents} counter, never dropped silently.
 *
 * <p>Cost: O(1) per event; one {@link GoodTotalAccumulator#snapshot()} (O(buckets)) per timer.
 * State per service: the accumulator (sparse on the wire, see the serializer), the last boundary
 * and the last state. Use the heap (hashmap) state backend: with RocksDB every event would
 * re-serialize the accumulator.
 */
public final class BurnRateAlerts extends KeyedProcessFunction<String, RequestEvent, AlertChange> {

    private static final long serialVersionUID = 1L;

    /** Events that arrived after their bucket was decided (beyond the allowed lateness). */
    public static final OutputTag<RequestEvent> LATE = new OutputTag<>("late-request-events") {
        private static final long serialVersionUID = 1L;
    };

    /**
     * The name of the counter of late events: a metric of the operator's group (live) and a job
     * accumulator (in the job's result).
     */
    public static final String LATE_COUNTER = "lateEvents";

    private final AlertSpec spec;

    private transient AlertEvaluator evaluator;
    private transient DeployFreeze freeze;
    private transient ValueState<GoodTotalAccumulator> counts;
    private transient ValueState<Integer> decided;
    private transient ValueState<AlertState> state;
    private transient Counter late;
    private transient LongCounter lateTotal;

    /**
     * Alerts for one spec.
     *
     * @param spec the SLO, alert table, range and lateness
     * @throws IllegalArgumentException if the spec is null
     */
    public BurnRateAlerts(AlertSpec spec) {
        this.spec = Checks.notNull(spec, "spec");
    }

    /**
     * The output type, for {@code process(function, type)}.
     *
     * @return the type information of {@link AlertChange}
     */
    public static TypeInformation<AlertChange> outputType() {
        return TypeInformation.of(AlertChange.class);
    }

    @Override
    public void open(OpenContext openContext) {
        evaluator = spec.evaluator();
        freeze = spec.freeze();
        counts = getRuntimeContext().getState(new ValueStateDescriptor<>("counts", AccumulatorTypes.GOOD_TOTAL));
        decided = getRuntimeContext().getState(new ValueStateDescriptor<>("decided", Types.INT));
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("state", TypeInformation.of(AlertState.class)));
        late = getRuntimeContext().getMetricGroup().counter(LATE_COUNTER);
        lateTotal = new LongCounter();
        getRuntimeContext().addAccumulator(LATE_COUNTER, lateTotal);
    }

    @Override
    public void processElement(RequestEvent e, Context ctx, Collector<AlertChange> out) throws Exception {
        SliGeometry g = spec.geometry();
        long origin = g.origin().toEpochMilli();
        long bucket = g.bucket().toMillis();
        GoodTotalAccumulator acc = counts.value();
        if (acc == null) {
            acc = g.newAccumulator();
        }
        long ts = e.timestampMillis();
        if (ts < origin || ts >= g.boundaryMillis(g.buckets())) {
            acc.record(ts, e.good()); // counted as rejected by the accumulator
            counts.update(acc);
            return;
        }
        int end = (int) ((ts - origin) / bucket) + 1;
        Integer done = decided.value();
        if (done != null && end <= done) {
            late.inc();
            lateTotal.add(1);
            ctx.output(LATE, e);
            return;
        }
        acc.record(ts, e.good());
        counts.update(acc);
        ctx.timerService().registerEventTimeTimer(finalAt(end));
    }

    private long finalAt(int boundary) {
        long t = spec.geometry().boundaryMillis(boundary) - 1;
        long l = spec.allowedLateness().toMillis();
        return t > Long.MAX_VALUE - l ? Long.MAX_VALUE : t + l;
    }

    /** The last boundary whose counts are final at a watermark. */
    private int finalBoundary(long watermark) {
        SliGeometry g = spec.geometry();
        long l = spec.allowedLateness().toMillis();
        long t = watermark < Long.MIN_VALUE + l ? Long.MIN_VALUE : watermark - l;
        // boundary b is final when boundaryMillis(b) - 1 <= t
        long origin = g.origin().toEpochMilli();
        if (t < origin - 1) {
            return 0;
        }
        long b = (t + 1 - origin) / g.bucket().toMillis();
        return (int) Math.min(b, g.buckets());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertChange> out) throws Exception {
        GoodTotalAccumulator acc = counts.value();
        if (acc == null) {
            return;
        }
        int from = decided.value() == null ? 0 : decided.value();
        int to = Math.max(finalBoundary(ctx.timerService().currentWatermark()), finalBoundary(timestamp));
        if (to <= from) {
            return;
        }
        AlertState before = state.value() == null ? AlertState.OK : state.value();
        List<AlertChange> changes = new ArrayList<>();
        AlertState after = evaluate(spec, evaluator, freeze, ctx.getCurrentKey(), acc.snapshot(), from + 1, to, before,
                changes);
        changes.forEach(out::collect);
        decided.update(to);
        state.update(after);
        if (after != AlertState.OK && to < spec.geometry().buckets()) {
            // the windows slide even without new events: look again at the next boundary
            ctx.timerService().registerEventTimeTimer(finalAt(to + 1));
        }
    }

    /**
     * The single-machine answer: the changes of one service's alert state over every boundary of
     * its accumulator, exactly what the streaming function emits when no event is late.
     *
     * @param spec the spec
     * @param service the service
     * @param acc all its events
     * @return the changes, in boundary order
     * @throws IllegalArgumentException if an argument is null
     */
    public static List<AlertChange> replay(AlertSpec spec, String service, GoodTotalAccumulator acc) {
        Checks.notNull(spec, "spec");
        Checks.notBlank(service, "service");
        Checks.notNull(acc, "acc");
        List<AlertChange> out = new ArrayList<>();
        evaluate(spec, spec.evaluator(), spec.freeze(), service, acc.snapshot(), 1, acc.buckets(), AlertState.OK, out);
        return out;
    }

    private static AlertState evaluate(AlertSpec spec, AlertEvaluator evaluator, DeployFreeze freeze, String service,
            SliSeries series, int from, int to, AlertState before, List<AlertChange> out) {
        AlertState current = before;
        Slo slo = null;
        for (int b = from; b <= to; b++) {
            int mask = evaluator.firing(series, b);
            AlertState s = evaluator.state(mask);
            if (s == current) {
                continue;
            }
            Instant at = series.boundary(b);
            if (slo == null) {
                slo = spec.slo(service);
            }
            FreezeDecision fd = freeze.evaluate(FreezeInput.fromEvents(
                    new FreezeInput.Request(service, "burn-rate-" + b, ChangeKind.ROUTINE), slo, series, at,
                    freeze.config()), Clock.fixed(at, ZoneOffset.UTC));
            out.add(new AlertChange(service, at.toEpochMilli(), current, s, names(evaluator, mask), fd.verdict(),
                    fd.burnRate().toPlainString()));
            current = s;
        }
        return current;
    }

    private static String names(AlertEvaluator evaluator, int mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < evaluator.rules(); i++) {
            if ((mask & (1 << i)) != 0) {
                if (sb.length() > 0) {
                    sb.append(';');
                }
                sb.append(evaluator.table().rules().get(i).name());
            }
        }
        return sb.toString();
    }
}
