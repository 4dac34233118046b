package io.github.deliverykit.policy.canary;

import io.github.deliverykit.policy.canary.Observation.Variant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic observation streams for canary tests: one batch per minute. */
final class Synthetic {

    static final Instant T0 = Instant.parse("2026-01-25T10:00:00Z");

    private Synthetic() {}

    static Clock at(Duration sinceStart) {
        return Clock.fixed(T0.plus(sinceStart), ZoneOffset.UTC);
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** Per minute in [from, to): canary requests with errors at errorRate, latency samples, one health check. */
    static List<Observation> traffic(Instant from, Instant to, long requestsPerMinute, double errorRate,
            double canaryLatency, double baselineLatency, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Observation> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            long errors = Math.round(requestsPerMinute * errorRate);
            out.add(new Observation.Count(t, Variant.CANARY, "requests", errors, requestsPerMinute));
            out.add(new Observation.Count(t, Variant.BASELINE, "requests", 0, requestsPerMinute));
            for (int i = 0; i < 5; i++) {
                out.add(new Observation.Sample(t, Variant.CANARY, "latency", canaryLatency * (0.8 + 0.4 * rnd.nextDouble())));
                out.add(new Observation.Sample(t, Variant.BASELINE, "latency", baselineLatency * (0.8 + 0.4 * rnd.nextDouble())));
            }
            out.add(new Observation.Health(t, "readiness", true));
        }
        return out;
    }

    static List<Observation> healthy(Instant from, Instant to, long seed) {
        return traffic(from, to, 1000, 0.005, 200, 200, seed);
    }
}
