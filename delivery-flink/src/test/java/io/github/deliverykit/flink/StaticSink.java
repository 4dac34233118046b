package io.github.deliverykit.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** A sink into a named in-JVM queue (the MiniCluster runs in the test's JVM), for jobs stopped with a savepoint. */
final class StaticSink implements Sink<String> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Queue<String>> QUEUES = new ConcurrentHashMap<>();

    private final String name;

    StaticSink(String name) {
        this.name = name;
        QUEUES.put(name, new ConcurrentLinkedQueue<>());
    }

    static List<String> drain(String name) {
        return new ArrayList<>(QUEUES.get(name));
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        Queue<String> q = QUEUES.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(String element, Context ctx) {
                q.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
