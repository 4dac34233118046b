package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SeverityRule;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTable;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTarget;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockKind;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockResult;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemReview;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemVerdict;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.StatusUpdates;
import io.github.deliverykit.policy.incident.IncidentTimeline.Entry;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.IllegalTransitionException;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.Phase;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.Transition;
import io.github.deliverykit.policy.incident.IncidentTimeline.Pause;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem.ActionItem;
import io.github.deliverykit.policy.incident.IncidentTimeline.SeverityChange;
import io.github.deliverykit.policy.incident.SeverityClassification.Impact;
import io.github.deliverykit.policy.incident.internal.SeedSlaTableProvider;
import io.github.deliverykit.policy.incident.spi.SlaTableProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.IntervalSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

final class IncidentSlaProperties {

    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    private static IncidentSla withResponseTarget(Duration target, BusinessCalendar calendar) {
        SlaTable t = SlaTable.of("p", List.of(SlaTarget.of(Severity.SEV1, target, Duration.ofDays(3650))));
        return IncidentSla.of(IncidentSlaConfig.custom().table(t).calendar(calendar).build());
    }

    private static List<Interval> pauses(Instant start, List<long[]> raw) {
        List<Interval> out = new ArrayList<>();
        for (long[] p : raw) {
            out.add(Interval.of(start.plusSeconds(p[0]), Duration.ofSeconds(p[1])));
        }
        return out;
    }

    private static IncidentTimeline timeline(Incident inc, List<Interval> pauses) {
        IncidentTimeline.Builder b = IncidentTimeline.builder(inc);
        for (Interval p : pauses) {
            b.pause(p.start(), p.end(), "waiting");
        }
        return b.build();
    }

    @Provide
    Arbitrary<List<long[]>> rawPauses() {
        Arbitrary<long[]> one = Combinators.combine(Arbitraries.longs().between(0, 40L * 86_400),
                Arbitraries.longs().between(0, 2 * 86_400)).as((o, l) -> new long[] {o, l});
        return one.list().ofMaxSize(6);
    }

    @Property
    void deadline_isStartPlusTargetPlusPausedTime(
            @ForAll @LongRange(min = 0, max = 10_000_000) long startOffset,
            @ForAll @LongRange(min = 1, max = 20L * 86_400) long targetSeconds,
            @ForAll("rawPauses") List<long[]> raw) {
        Instant start = BASE.plusSeconds(startOffset);
        Duration target = Duration.ofSeconds(targetSeconds);
        List<Interval> pauses = pauses(start, raw);
        Incident inc = Incident.builder("P", "s", Severity.SEV1).started(start).build();
        IncidentSla p = withResponseTarget(target, BusinessCalendar.always());
        Instant now = start.plus(Duration.ofDays(100));
        ClockResult r = Fixtures.clock(p, timeline(inc, pauses), ClockKind.RESPONSE, now);
        Duration pausedBeforeDeadline = ClockMath.total(
                IntervalSet.of(pauses).intersection(IntervalSet.of(Interval.of(start, r.deadline()))));
        assertEquals(start.plus(target).plus(pausedBeforeDeadline), r.deadline());
        // the deadline never falls inside a pause (it may touch its start)
        for (Interval i : pauses) {
            assertFalse(i.start().isBefore(r.deadline()) && r.deadline().isAfter(i.start())
                    && r.deadline().isBefore(i.end()), i + " holds " + r.deadline());
        }
    }

    @Property
    void breach_iffTheEventIsAfterTheDeadline(
            @ForAll @LongRange(min = 1, max = 2L * 86_400) long targetSeconds,
            @ForAll @LongRange(min = 0, max = 8L * 86_400) long ackOffset,
            @ForAll boolean officeHours,
            @ForAll("rawPauses") List<long[]> raw) {
        Instant start = BASE.plusSeconds(ackOffset % 86_400);
        Instant ack = start.plusSeconds(ackOffset);
        List<Interval> pauses = new ArrayList<>();
        for (Interval i : pauses(start, raw)) {
            if (!i.end().isAfter(ack)) {
                pauses.add(i);
            }
        }
        BusinessCalendar cal = officeHours ? BusinessCalendar.officeHours(ZoneId.of("Europe/Berlin"))
                : BusinessCalendar.always();
        IncidentSla p = withResponseTarget(Duration.ofSeconds(targetSeconds), cal);
        Incident inc = Incident.builder("P", "s", Severity.SEV1).started(start).acknowledged(ack).build();
        ClockResult r = Fixtures.clock(p, timeline(inc, pauses), ClockKind.RESPONSE, ack);
        assertEquals(ack.isAfter(r.deadline()), r.isBreached());
        assertEquals(ack.isAfter(r.deadline()) ? SlaStatus.BREACHED : SlaStatus.MET, r.status());
        IntervalSet ps = IntervalSet.of(pauses);
        if (r.isBreached()) {
            assertEquals(Duration.between(r.deadline(), ack), r.overrun());
            assertTrue(r.elapsed().compareTo(r.target()) >= 0);
        } else {
            assertEquals(Duration.ZERO, r.overrun());
            assertTrue(r.elapsed().compareTo(r.target()) <= 0);
        }
        assertEquals(ClockMath.counted(cal, ps, start, ack), r.elapsed());
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<ZoneId> zones = Arbitraries.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
                "Australia/Lord_Howe").map(ZoneId::of);
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        Arbitrary<int[]> hours = Combinators.combine(Arbitraries.integers().between(0, 22 * 60),
                Arbitraries.integers().between(1, 24 * 60)).as((o, len) -> new int[] {o, Math.min(o + len, 24 * 60 - 1)});
        Arbitrary<List<Integer>> holidays = Arbitraries.integers().between(0, 60).list().ofMaxSize(15);
        return Combinators.combine(zones, days, hours, holidays).as((z, d, h, hol) -> {
            List<LocalDate> dates = new ArrayList<>();
            for (int i : hol) {
                dates.add(LocalDate.of(2024, 1, 1).plusDays(i));
            }
            return BusinessCalendar.of(z, d, LocalTime.ofSecondOfDay(h[0] * 60L), LocalTime.ofSecondOfDay(h[1] * 60L), dates);
        });
    }

    /** Reference: sum, day by day, of the working span of each working day clipped to [from, to). */
    private static Duration reference(BusinessCalendar c, Instant from, Instant to) {
        Duration sum = Duration.ZERO;
        LocalDate first = from.atZone(c.zone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(c.zone()).toLocalDate().plusDays(1);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!c.workingDays().contains(d.getDayOfWeek()) || c.holidays().contains(d)) {
                continue;
            }
            Instant s = d.atTime(c.open()).atZone(c.zone()).toInstant();
            Instant e = d.atTime(c.close()).atZone(c.zone()).toInstant();
            Instant lo = s.isAfter(from) ? s : from;
            Instant hi = e.isBefore(to) ? e : to;
            if (hi.isAfter(lo)) {
                sum = sum.plus(Duration.between(lo, hi));
            }
        }
        return sum;
    }

    @Property
    void businessHours_neverCountWeekendsOrHolidays(
            @ForAll("calendars") BusinessCalendar cal,
            @ForAll @LongRange(min = 0, max = 30L * 86_400) long fromOffset,
            @ForAll @LongRange(min = 0, max = 20L * 86_400) long length,
            @ForAll @LongRange(min = 0, max = 3L * 86_400) long amount) {
        Instant from = BASE.plusSeconds(fromOffset);
        Instant to = from.plusSeconds(length);
        assertEquals(reference(cal, from, to), cal.workingTime(from, to));
        // every non-working day contributes nothing
        LocalDate d0 = from.atZone(cal.zone()).toLocalDate();
        for (LocalDate d = d0; !d.isAfter(d0.plusDays(10)); d = d.plusDays(1)) {
            if (!cal.isWorkingDay(d)) {
                Instant s = d.atStartOfDay(cal.zone()).toInstant();
                Instant e = d.plusDays(1).atStartOfDay(cal.zone()).toInstant();
                assertEquals(Duration.ZERO, cal.workingTime(s, e), d.toString());
            }
        }
        // a deadline lands inside working time of a working day, and adding then measuring is the identity
        Instant end = cal.plusWorkingTime(from, Duration.ofSeconds(amount));
        assertEquals(Duration.ofSeconds(amount), cal.workingTime(from, end));
        if (amount > 0) {
            Instant justBefore = end.minusNanos(1);
            assertTrue(cal.isWorking(justBefore), "works just before " + end);
            assertTrue(cal.isWorkingDay(justBefore.atZone(cal.zone()).toLocalDate()));
        }
    }

    @Property
    void countedTime_isAdditive(@ForAll("calendars") BusinessCalendar cal,
            @ForAll @LongRange(min = 0, max = 10L * 86_400) long a,
            @ForAll @LongRange(min = 0, max = 10L * 86_400) long b,
            @ForAll @LongRange(min = 0, max = 10L * 86_400) long c,
            @ForAll("rawPauses") List<long[]> raw) {
        long[] s = {a, b, c};
        java.util.Arrays.sort(s);
        Instant x = BASE.plusSeconds(s[0]);
        Instant y = BASE.plusSeconds(s[1]);
        Instant z = BASE.plusSeconds(s[2]);
        IntervalSet ps = IntervalSet.of(pauses(BASE, raw));
        assertEquals(ClockMath.counted(cal, ps, x, z),
                ClockMath.counted(cal, ps, x, y).plus(ClockMath.counted(cal, ps, y, z)));
    }

    @Property
    void statusUpdates_missedDuesHaveNoUpdateInTheirWindow(
            @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 600) Integer> updateMinutes,
            @ForAll @IntRange(min = 0, max = 600) int openMinutes) {
        Instant start = BASE;
        Incident inc = Incident.builder("U", "s", Severity.SEV1).started(start).build();
        IncidentTimeline.Builder b = IncidentTimeline.builder(inc);
        TreeSet<Instant> ups = new TreeSet<>();
        for (int m : updateMinutes) {
            b.statusUpdate(start.plusSeconds(m * 60L));
            ups.add(start.plusSeconds(m * 60L));
        }
        Instant now = start.plusSeconds(openMinutes * 60L);
        StatusUpdates c = Fixtures.statusUpdates(Fixtures.SEED, b.build(), now);
        Duration every = Duration.ofMinutes(30);
        Instant prev = start;
        for (Instant due : c.missed()) {
            assertTrue(due.isBefore(now));
            // no update in the 30 minutes before a missed due instant
            Instant window = due.minus(every);
            Instant after = ups.higher(window);
            assertTrue(after == null || after.isAfter(due), "update " + after + " before missed " + due);
            assertTrue(due.isAfter(prev));
            prev = due;
        }
        assertEquals(c.missed().size(), c.missedCount());
        if (ups.isEmpty()) {
            assertEquals(Math.max(0, (openMinutes - 1) / 30), c.missedCount());
        }
    }

    // ------------------------------------------------------------------------- bad input

    @Provide
    Arbitrary<Instant> anyInstant() {
        return Arbitraries.oneOf(
                Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Interval.MIN, Interval.MAX,
                        Interval.MAX.minusSeconds(60), Interval.MIN.plusSeconds(60)),
                Arbitraries.longs().between(-20_000_000_000L, 20_000_000_000L).map(Instant::ofEpochSecond),
                Arbitraries.longs().between(0, 100_000).map(BASE::plusSeconds));
    }

    @Provide
    Arbitrary<Duration> anyDuration() {
        return Arbitraries.oneOf(
                Arbitraries.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(3651), Duration.ofSeconds(59),
                        Duration.ofSeconds(Long.MAX_VALUE)),
                Arbitraries.longs().between(1, 400_000).map(Duration::ofSeconds));
    }

    @Property
    void badInput_neverEscapesAsAnythingButIllegalArgument(
            @ForAll("anyInstant") Instant started, @ForAll("anyInstant") Instant detected,
            @ForAll("anyInstant") Instant ack, @ForAll("anyInstant") Instant resolved,
            @ForAll("anyInstant") Instant now, @ForAll("anyInstant") Instant other,
            @ForAll @IntRange(min = 0, max = 10) int severity, @ForAll boolean useAck, @ForAll boolean useResolved,
            @ForAll("anyDuration") Duration d1, @ForAll("anyDuration") Duration d2, @ForAll boolean office,
            @ForAll @IntRange(min = 0, max = 5) int mode) {
        try {
            Severity sev = Severity.of(severity);
            Incident inc = new Incident("X", "s", "production", sev, started, detected, useAck ? ack : null, null,
                    useResolved ? resolved : null, null, java.math.BigDecimal.ONE);
            SlaTarget row = new SlaTarget(Severity.SEV1, d1, d2, d1, d2);
            IncidentSla p = IncidentSla.of(IncidentSlaConfig.custom()
                    .table(mode == 0 ? SlaTable.of("x", List.of(row)) : SlaTable.seed())
                    .calendar(office ? BusinessCalendar.officeHours(ZoneId.of("Europe/Berlin")) : BusinessCalendar.always())
                    .build());
            IncidentTimeline.Builder b = IncidentTimeline.builder(inc);
            if (mode == 1) {
                b.pause(other, other.plus(d1), "p");
            } else if (mode == 2) {
                b.statusUpdate(other);
            } else if (mode == 3) {
                b.severityChange(other, Severity.SEV1, sev, null);
            } else if (mode == 4) {
                b.postMortem(new PostMortem(other, List.of(), "x", List.of(new ActionItem("a", null, other, null))));
            }
            IncidentTimeline t = b.build();
            switch (mode) {
                case 0, 1 -> Fixtures.evaluate(p, t, now);
                case 2 -> Fixtures.statusUpdates(p, t, now);
                case 3 -> Fixtures.evaluate(p, t, now).toMarkdown();
                case 4 -> Fixtures.reviewPostMortem(p, t, now);
                default -> {
                    p.stats(List.of(t), Interval.of(other, now));
                    Fixtures.evaluate(p, t, now).toText();
                    BusinessCalendar.officeHours(ZoneId.of("UTC")).plusWorkingTime(now, d1);
                    BusinessCalendar.always().workingTime(other, now);
                }
            }
        } catch (IllegalArgumentException expected) {
            // the only exception bad input may raise
        }
    }

    @Property
    void lifecycle_anyRequestedPhase_isAcceptedOrRejectedWithIllegalTransition(
            @ForAll @Size(max = 8) List<Phase> requested, @ForAll @Size(max = 8) List<@IntRange(min = -5, max = 60) Integer> gaps) {
        Lifecycle l = Lifecycle.start(BASE);
        for (int i = 0; i < requested.size(); i++) {
            Phase to = requested.get(i);
            Instant at = l.since().plusSeconds(i < gaps.size() ? gaps.get(i) : 1);
            boolean allowed = Lifecycle.isAllowed(l.phase(), to);
            try {
                Lifecycle next = l.to(to, at);
                assertTrue(allowed);
                assertFalse(at.isBefore(l.since()));
                assertEquals(to, next.phase());
                assertEquals(l.transitions().size() + 1, next.transitions().size());
                l = next;
            } catch (IllegalTransitionException e) {
                assertFalse(allowed);
            } catch (IllegalArgumentException e) {
                assertTrue(allowed && at.isBefore(l.since()), e.getMessage());
            }
        }
        assertEquals(l, new Lifecycle(l.detected(), l.transitions()));
        assertTrue(EnumSet.allOf(Phase.class).contains(l.phase()));
    }
}
