package io.github.deliverykit.flink;

import io.github.deliverykit.metrics.budget.GoodTotalAccumulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Deterministic request events: event {@code i} is a pure function of (seed, i), so a parallel
 * source can generate them by index. Services s0..s3; s1 has a 40-minute outage (60 % bad) from
 * hour 6 that pages, s2 a slow 6-hour 3 % burn from hour 12 that tickets.
 */
final class TestEvents {

    static final Instant ORIGIN = Instant.parse("2026-01-05T00:00:00Z");
    static final SliGeometry DAY_OF_MINUTES = new SliGeometry(ORIGIN, Duration.ofMinutes(1), 1440);
    static final Duration PERIOD = Duration.ofDays(30);

    private TestEvents() {}

    /** Event i of n spread evenly over the day with up to 90 s of disorder. */
    static RequestEvent event(long seed, long i, long n) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        String service = "s" + (int) (i % 4);
        long day = Duration.ofDays(1).toMillis();
        long ts = ORIGIN.toEpochMilli() + (i * day) / n + r.nextLong(90_000);
        ts = Math.min(ts, ORIGIN.toEpochMilli() + day - 1);
        long minute = (ts - ORIGIN.toEpochMilli()) / 60_000;
        double badRate = 0.0005;
        if (service.equals("s1") && minute >= 360 && minute < 400) {
            badRate = 0.6;
        } else if (service.equals("s2") && minute >= 720 && minute < 1080) {
            badRate = 0.03;
        }
        return new RequestEvent("e" + i, service, ts, r.nextDouble() >= badRate);
    }

    static List<RequestEvent> events(long seed, long n) {
        List<RequestEvent> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(event(seed, i, n));
        }
        return out;
    }

    /** The single-machine library's accumulators per service, in service order. */
    static Map<String, GoodTotalAccumulator> library(List<RequestEvent> events, SliGeometry g) {
        Map<String, GoodTotalAccumulator> out = new TreeMap<>();
        for (RequestEvent e : events) {
            out.computeIfAbsent(e.service(), s -> g.newAccumulator()).record(e.timestampMillis(), e.good());
        }
        return out;
    }

    static List<String> libraryLines(List<RequestEvent> events, SliGeometry g) {
        List<String> out = new ArrayList<>();
        library(events, g).forEach((s, a) -> out.addAll(SliRows.lines(s, a)));
        return out;
    }
}
