package io.github.deliverykit.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes the first event of each key (the event id) and drops its later deliveries: use it after
 * {@code keyBy(id)} so at-least-once sources and retried producers count once. The seen flag is
 * keyed Flink state, so it is checkpointed with the rest (exactly-once); give the operator a state
 * TTL in long-running jobs, since it holds one flag per distinct id.
 *
 * @param <T> the event type
 */
public final class DedupeById<T> extends KeyedProcessFunction<String, T, T> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Boolean> seen;

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.BOOLEAN));
    }

    @Override
    public void processElement(T value, Context ctx, Collector<T> out) throws Exception {
        if (seen.value() == null) {
            seen.update(Boolean.TRUE);
            out.collect(value);
        }
    }
}
