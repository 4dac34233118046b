package io.github.deliverykit.policy.incident;

import static io.github.deliverykit.policy.incident.Fixtures.clockAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.IntervalSet;
import io.github.deliverykit.policy.incident.IncidentClocks.ClockCycles;
import io.github.deliverykit.policy.incident.IncidentClocks.Cycle;
import io.github.deliverykit.policy.incident.IncidentEventLog.Event;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockCondition;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockDefinition;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockDefinition.Retarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the event-log clocks over random logs: a pure, causal function of log, config and instant. */
final class IncidentClocksProperties {

    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] FIELDS = {"status", "severity", "group", "hold", "note"};
    private static final String[][] VALUES = {
        {"acknowledged", "resolved", "reopened", "pending", "cancelled"},
        {"SEV-1", "SEV-2", "SEV-3", "SEV-4"},
        {"network", "database"},
        {"on", "off"},
        {"x", "y"}};

    /** Every kind of condition at once: the defaults, two OLAs, a reset / cancel clock that carries over, resume conditions. */
    private static final IncidentSla RICH = IncidentSla.of(IncidentSlaConfig.custom()
            .ola("network", Duration.ofHours(2))
            .ola("database", Duration.ofHours(3))
            .clock(ClockDefinition.resolution().withName("carry").withRetarget(Retarget.CARRY_OVER)
                    .withReset(ClockCondition.changedTo("severity", "SEV-1"))
                    .withCancel(ClockCondition.is("status", "cancelled")))
            .clock(ClockDefinition.resolution().withName("pending")
                    .withPause(ClockCondition.is("status", "pending"), ClockCondition.is("hold", "on"))
                    .withResume(ClockCondition.is("status", "reopened"))
                    .withCancelWhenStartFails(true).withRetroactiveStart(true)
                    .withStart(ClockCondition.isNot("severity", "SEV-4")))
            .build());

    @Provide
    Arbitrary<IncidentEventLog> logs() {
        Arbitrary<Event> event = Combinators.combine(Arbitraries.integers().between(0, 600),
                Arbitraries.integers().between(0, FIELDS.length - 1), Arbitraries.integers().between(0, 4))
                .as((m, f, v) -> new Event(BASE.plus(Duration.ofMinutes(m)), FIELDS[f], VALUES[f][v % VALUES[f].length]));
        return Combinators.combine(Arbitraries.integers().between(1, 4), event.list().ofMaxSize(14))
                .as((s, events) -> new IncidentEventLog(BASE, Severity.of(s), events));
    }

    private static IncidentClocks read(IncidentSla sla, IncidentEventLog log, long minutes) {
        return sla.evaluate(log, clockAt(BASE.plus(Duration.ofMinutes(minutes))));
    }

    @Property(tries = 100)
    void readingTwice_givesTheSame(@ForAll("logs") IncidentEventLog log, @ForAll @IntRange(min = 0, max = 900) int now) {
        IncidentClocks a = read(RICH, log, now);
        IncidentClocks b = read(RICH, log, now);
        assertEquals(a, b);
        assertEquals(a.toDecision().toText("clocks"), b.toDecision().toText("clocks"));
    }

    @Property(tries = 100)
    void elapsedPlusPaused_isWallTime_inEveryCycle(@ForAll("logs") IncidentEventLog log,
            @ForAll @IntRange(min = 0, max = 900) int now) {
        for (ClockCycles clock : read(RICH, log, now).clocks()) {
            for (Cycle c : clock.cycles()) {
                assertEquals(c.wall(), c.elapsed().plus(c.paused()), clock.name() + " " + c);
                assertTrue(c.paused().compareTo(c.wall()) <= 0);
            }
        }
    }

    @Property(tries = 100)
    void orderOfSimultaneousEventsOnDifferentFields_neverMatters(@ForAll("logs") IncidentEventLog log,
            @ForAll @IntRange(min = 0, max = 900) int now, @ForAll("fieldRanks") List<Integer> ranks) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < FIELDS.length; i++) {
            rank.put(FIELDS[i], ranks.get(i));
        }
        List<Event> shuffled = new ArrayList<>(log.events());
        // a stable sort keeps the order of events on one field and moves fields past each other
        shuffled.sort(Comparator.comparing(Event::at).thenComparing(e -> rank.get(e.field())));
        IncidentEventLog other = new IncidentEventLog(log.origin(), log.severity(), shuffled);
        assertEquals(read(RICH, log, now), read(RICH, other, now));
    }

    @Provide
    Arbitrary<List<Integer>> fieldRanks() {
        return Arbitraries.shuffle(0, 1, 2, 3, 4);
    }

    @Property(tries = 100)
    void aPrefixOfTheLog_givesAClockNoLaterThanTheWhole(@ForAll("logs") IncidentEventLog log,
            @ForAll @IntRange(min = 0, max = 900) int earlier, @ForAll @IntRange(min = 0, max = 300) int more) {
        IncidentClocks before = read(RICH, log, earlier);
        IncidentClocks after = read(RICH, log, earlier + more);
        assertEquals(before.clocks(), read(RICH, log.prefix(before.generatedAt()), earlier).clocks());
        for (int k = 0; k < before.clocks().size(); k++) {
            List<Cycle> a = before.clocks().get(k).cycles();
            List<Cycle> b = after.clocks().get(k).cycles();
            assertTrue(a.size() <= b.size(), a + " vs " + b);
            for (int n = 0; n < a.size(); n++) {
                Cycle x = a.get(n);
                Cycle y = b.get(n);
                assertEquals(x.start(), y.start());
                assertTrue(x.elapsed().compareTo(y.elapsed()) <= 0, x + " vs " + y);
                assertTrue(x.paused().compareTo(y.paused()) <= 0, x + " vs " + y);
                if (x.isEnded()) {
                    assertEquals(x, y);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<long[]>> pauses() {
        return Combinators.combine(Arbitraries.longs().between(0, 600), Arbitraries.longs().between(0, 200))
                .as((s, l) -> new long[] {s, l}).list().ofMaxSize(4);
    }

    private static IncidentEventLog withHolds(IncidentEventLog log, List<long[]> raw) {
        List<Event> events = new ArrayList<>();
        for (Event e : log.events()) {
            if (!e.field().equals("hold")) {
                events.add(e);
            }
        }
        List<Interval> list = new ArrayList<>();
        for (long[] p : raw) {
            list.add(Interval.of(BASE.plus(Duration.ofMinutes(p[0])), Duration.ofMinutes(p[1])));
        }
        for (Interval i : IntervalSet.of(list).intervals()) {
            events.add(new Event(i.start(), "hold", "on"));
            events.add(new Event(i.end(), "hold", "off"));
        }
        return new IncidentEventLog(log.origin(), log.severity(), events);
    }

    @Property(tries = 100)
    void aPause_neverIncreasesElapsed(@ForAll("logs") IncidentEventLog log, @ForAll("pauses") List<long[]> pauses,
            @ForAll @IntRange(min = 0, max = 600) int extraStart, @ForAll @IntRange(min = 1, max = 200) int extraLength,
            @ForAll @IntRange(min = 0, max = 900) int now) {
        List<long[]> more = new ArrayList<>(pauses);
        more.add(new long[] {extraStart, extraLength});
        // the default clocks and the OLAs do not read the hold field to start, stop, reset or cancel
        IncidentSla sla = IncidentSla.of(IncidentSlaConfig.custom().ola("network", Duration.ofHours(2)).build());
        IncidentClocks fewer = read(sla, withHolds(log, pauses), now);
        IncidentClocks longer = read(sla, withHolds(log, more), now);
        for (int k = 0; k < fewer.clocks().size(); k++) {
            List<Cycle> a = fewer.clocks().get(k).cycles();
            List<Cycle> b = longer.clocks().get(k).cycles();
            assertEquals(a.size(), b.size());
            for (int n = 0; n < a.size(); n++) {
                assertEquals(a.get(n).start(), b.get(n).start());
                assertTrue(b.get(n).elapsed().compareTo(a.get(n).elapsed()) <= 0, a.get(n) + " vs " + b.get(n));
                assertTrue(b.get(n).paused().compareTo(a.get(n).paused()) >= 0);
                assertTrue(!b.get(n).deadline().isBefore(a.get(n).deadline()));
            }
        }
    }

    @Provide
    Arbitrary<IncidentTimeline> timelines() {
        Arbitrary<List<Integer>> sevs = Arbitraries.integers().between(1, 4).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<Long>> changeAt = Arbitraries.longs().between(0, 400).list().ofSize(4);
        Arbitrary<Long> ack = Arbitraries.longs().between(0, 300).injectNull(0.3);
        Arbitrary<Long> res = Arbitraries.longs().between(0, 500).injectNull(0.3);
        return Combinators.combine(sevs, changeAt, ack, res, pauses()).as((s, at, a, r, ps) -> {
            List<Integer> chain = new ArrayList<>();
            for (int v : s) {
                if (chain.isEmpty() || chain.get(chain.size() - 1) != v) {
                    chain.add(v);
                }
            }
            Long resolvedAt = r == null ? null : (a == null ? r : a + r);
            long limit = resolvedAt == null ? 600 : resolvedAt;
            Incident.Builder inc = Incident.builder("INC-1", "svc", Severity.of(chain.get(chain.size() - 1)))
                    .started(BASE).detected(BASE);
            if (a != null) {
                inc.acknowledged(BASE.plus(Duration.ofMinutes(a)));
            }
            if (resolvedAt != null) {
                inc.resolved(BASE.plus(Duration.ofMinutes(resolvedAt)));
            }
            IncidentTimeline.Builder b = IncidentTimeline.builder(inc.build());
            List<Long> times = new ArrayList<>(at.subList(0, chain.size() - 1));
            times.sort(null);
            // distinct instants: a round trip SEV-2 -> SEV-1 -> SEV-2 at one instant is no change in
            // the log, while the timeline clock re-targets from it (the one documented difference)
            for (int i = 1; i < times.size(); i++) {
                times.set(i, Math.max(times.get(i), times.get(i - 1) + 1));
            }
            times.replaceAll(x -> Math.min(x, limit));
            for (int i = 1; i < chain.size(); i++) {
                b.severityChange(BASE.plus(Duration.ofMinutes(times.get(i - 1))), Severity.of(chain.get(i - 1)),
                        Severity.of(chain.get(i)), null);
            }
            for (long[] p : ps) {
                long start = Math.min(p[0], limit);
                long end = Math.min(p[0] + p[1], limit);
                b.pause(BASE.plus(Duration.ofMinutes(start)), BASE.plus(Duration.ofMinutes(end)), "waiting");
            }
            return b.build();
        });
    }

    @Property(tries = 200)
    void defaults_reproduceTheTimelineClocks(@ForAll("timelines") IncidentTimeline timeline,
            @ForAll @IntRange(min = 0, max = 900) int now) {
        IncidentSla sla = Fixtures.SEED;
        // the timeline knows its acknowledgement and resolution in advance; the log is read up to now
        Incident inc = timeline.incident();
        for (Instant t : new Instant[] {inc.acknowledged(), inc.resolved()}) {
            if (t != null) {
                now = (int) Math.max(now, Duration.between(BASE, t).toMinutes());
            }
        }
        IncidentSlaDecision old = sla.evaluate(timeline, clockAt(BASE.plus(Duration.ofMinutes(now))));
        IncidentClocks clocks = read(sla, IncidentEventLog.of(timeline), now);
        List<Cycle> response = clocks.clock("response").orElseThrow().cycles();
        List<Cycle> resolution = clocks.clock("resolution").orElseThrow().cycles();
        assertEquals(1, response.size());
        assertEquals(1, resolution.size());
        IncidentClocksTest.assertSame(old.response(), response.get(0));
        IncidentClocksTest.assertSame(old.resolution(), resolution.get(0));
        assertEquals(old.verdict(), clocks.verdict());
    }
}
