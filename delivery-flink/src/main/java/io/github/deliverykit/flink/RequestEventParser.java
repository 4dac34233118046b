package io.github.deliverykit.flink;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads lines {@code id,service,epochMillis,good|bad} (blank lines and lines starting with
 * {@code #} are skipped) into {@link RequestEvent}s. A malformed line goes to {@link #MALFORMED}
 * with its reason and the job keeps running. Stateless, allocation per line only.
 */
public final class RequestEventParser extends ProcessFunction<String, RequestEvent> {

    private static final long serialVersionUID = 1L;

    /** The side output of lines that are not events. */
    public static final OutputTag<MalformedEvent> MALFORMED = new OutputTag<>("malformed-request-events") {
        private static final long serialVersionUID = 1L;
    };

    @Override
    public void processElement(String line, Context ctx, Collector<RequestEvent> out) {
        if (line.isBlank() || line.startsWith("#")) {
            return;
        }
        String[] f = line.split(",", -1);
        if (f.length != 4) {
            ctx.output(MALFORMED, new MalformedEvent(line, "expected 4 fields id,service,epochMillis,good|bad but got "
                    + f.length));
            return;
        }
        String id = f[0].strip();
        String service = f[1].strip();
        if (id.isEmpty()) {
            ctx.output(MALFORMED, new MalformedEvent(line, "id must not be blank"));
            return;
        }
        if (service.isEmpty()) {
            ctx.output(MALFORMED, new MalformedEvent(line, "service must not be blank"));
            return;
        }
        long ts;
        try {
            ts = Long.parseLong(f[2].strip());
        } catch (NumberFormatException e) {
            ctx.output(MALFORMED, new MalformedEvent(line, "epochMillis must be an integer but was '" + f[2] + "'"));
            return;
        }
        String ok = f[3].strip();
        boolean good;
        if (ok.equals("good")) {
            good = true;
        } else if (ok.equals("bad")) {
            good = false;
        } else {
            ctx.output(MALFORMED, new MalformedEvent(line, "good must be 'good' or 'bad' but was '" + f[3] + "'"));
            return;
        }
        out.collect(new RequestEvent(id, service, ts, good));
    }
}
