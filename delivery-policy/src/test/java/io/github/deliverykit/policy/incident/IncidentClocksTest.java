package io.github.deliverykit.policy.incident;

import static io.github.deliverykit.policy.incident.Fixtures.T0;
import static io.github.deliverykit.policy.incident.Fixtures.at;
import static io.github.deliverykit.policy.incident.Fixtures.clockAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.policy.incident.IncidentClocks.ClockCycles;
import io.github.deliverykit.policy.incident.IncidentClocks.Cycle;
import io.github.deliverykit.policy.incident.IncidentClocks.End;
import io.github.deliverykit.policy.incident.IncidentClocks.State;
import io.github.deliverykit.policy.incident.IncidentClocks.TargetSpan;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockCondition;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockCondition.Match;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockDefinition;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.ClockDefinition.Retarget;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockKind;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class IncidentClocksTest {

    private static final IncidentSla SEED = Fixtures.SEED;

    private static IncidentClocks read(IncidentSla sla, IncidentEventLog log, Instant now) {
        return sla.evaluate(log, clockAt(now));
    }

    private static ClockCycles clock(IncidentClocks c, String name) {
        return c.clock(name).orElseThrow();
    }

    private static Cycle only(IncidentClocks c, String name) {
        List<Cycle> cycles = clock(c, name).cycles();
        assertEquals(1, cycles.size(), name + ": " + cycles);
        return cycles.get(0);
    }

    private static Finding finding(IncidentClocks c, String code) {
        return c.findings().find(code).orElseThrow(() -> new AssertionError(code + " missing in " + c.findings().codes()));
    }

    private static IncidentSla with(ClockDefinition... defs) {
        return IncidentSla.of(IncidentSlaConfig.custom().clocks(List.of(defs)).build());
    }

    @Test
    void defaults_reproduceTheTimelineClocks_readmeExample() {
        Incident inc = Fixtures.incident(Severity.SEV2).acknowledged(at(40)).build();
        IncidentTimeline timeline = IncidentTimeline.builder(inc).pause(at(60), at(90), "waiting on customer").build();
        Instant now = at(120);
        IncidentSlaDecision old = SEED.evaluate(timeline, clockAt(now));
        IncidentClocks clocks = read(SEED, IncidentEventLog.of(timeline), now);
        Cycle response = only(clocks, "response");
        Cycle resolution = only(clocks, "resolution");
        assertSame(old.response(), response);
        assertSame(old.resolution(), resolution);
        assertEquals(State.BREACHED, response.state());
        assertEquals(Duration.ofMinutes(10), response.overrun());
        assertEquals(End.STOPPED, response.endedBy());
        assertEquals(State.RUNNING, resolution.state());
        assertEquals(T0.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(30)), resolution.deadline());
        assertEquals(SlaStatus.BREACHED, clocks.verdict());
        assertEquals(List.of("response", "resolution"), clocks.clocks().stream().map(ClockCycles::name).toList());
        assertEquals("incident.clock.breached", clocks.findings().list().get(0).code());
    }

    static void assertSame(ClockResult old, Cycle c) {
        assertEquals(old.deadline(), c.deadline(), "deadline");
        assertEquals(old.elapsed(), c.elapsed(), "elapsed");
        assertEquals(old.paused(), c.paused(), "paused");
        assertEquals(old.overrun(), c.overrun(), "overrun");
        assertEquals(old.remaining(), c.remaining(), "remaining");
        assertEquals(old.target(), c.target(), "target");
        assertEquals(old.severity(), c.severity(), "severity");
        assertEquals(old.status(), c.slaStatus().orElseThrow(), "status");
        assertEquals(old.stoppedAt(), c.end(), "stoppedAt");
        assertEquals(old.retargeted(), c.targets().size() > 1, "retargeted");
    }

    @Test
    void reopen_startsASecondResolutionCycle_bothReported() {
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV1)
                .status(at(10), IncidentEventLog.ACKNOWLEDGED)
                .status(at(60), IncidentEventLog.RESOLVED)
                .status(at(180), "reopened")
                .status(at(300), IncidentEventLog.RESOLVED)
                .build();
        IncidentClocks c = read(SEED, log, at(600));
        List<Cycle> cycles = clock(c, "resolution").cycles();
        assertEquals(2, cycles.size());
        assertEquals(State.MET, cycles.get(0).state());
        assertEquals(at(60), cycles.get(0).end());
        assertEquals(1, cycles.get(0).number());
        assertEquals(2, cycles.get(1).number());
        assertEquals(at(180), cycles.get(1).start());
        assertEquals(Duration.ofMinutes(120), cycles.get(1).elapsed());
        assertEquals(State.MET, cycles.get(1).state());
        // the response clock does not start again on a reopen: its start is status new
        assertEquals(1, clock(c, "response").cycles().size());
        assertEquals(SlaStatus.MET, c.verdict());
        assertTrue(c.clock("nope").isEmpty());
        assertEquals(cycles.get(1), clock(c, "resolution").current().orElseThrow());
    }

    @Test
    void reset_onSeverityChange_endsTheCycleAndStartsTheNext() {
        ClockDefinition def = ClockDefinition.resolution().withName("resolution-reset")
                .withReset(ClockCondition.changedTo(IncidentEventLog.SEVERITY));
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV3)
                .severity(at(60), Severity.SEV2)
                .build();
        IncidentClocks c = read(with(def), log, at(120));
        List<Cycle> cycles = clock(c, "resolution-reset").cycles();
        assertEquals(2, cycles.size());
        assertEquals(End.RESET, cycles.get(0).endedBy());
        assertEquals(State.CANCELLED, cycles.get(0).state());
        assertTrue(cycles.get(0).slaStatus().isEmpty());
        assertEquals(at(60), cycles.get(1).start());
        assertEquals(Severity.SEV2, cycles.get(1).severity());
        assertEquals(Duration.ofMinutes(60), cycles.get(1).elapsed());
        assertEquals(State.RUNNING, cycles.get(1).state());
        assertEquals(Level.INFO, finding(c, "incident.clock.reset").level());
    }

    @Test
    void cancel_conditionCancels_andAnOpenCycleNeverStartsWhileItHolds() {
        ClockDefinition def = ClockDefinition.resolution().withCancel(ClockCondition.is(IncidentEventLog.STATUS, "cancelled"));
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV1)
                .status(at(30), "cancelled")
                .event(at(40), "note", "x")
                .build();
        IncidentClocks c = read(with(def), log, at(600));
        Cycle cycle = only(c, "resolution");
        assertEquals(End.CANCELLED, cycle.endedBy());
        assertEquals(State.CANCELLED, cycle.state());
        assertFalse(cycle.breached());
        assertEquals(at(30), cycle.end());
        assertTrue(cycle.isEnded());
        assertEquals(SlaStatus.MET, c.verdict());
        assertEquals(Level.INFO, finding(c, "incident.clock.cancelled").level());
    }

    @Test
    void cancel_afterBreach_keepsTheBreach() {
        ClockDefinition def = ClockDefinition.response().withCancel(ClockCondition.is(IncidentEventLog.STATUS, "cancelled"));
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV1).status(at(30), "cancelled").build();
        IncidentClocks c = read(with(def), log, at(40));
        Cycle cycle = only(c, "response");
        assertTrue(cycle.breached());
        assertEquals(State.CANCELLED, cycle.state());
        assertEquals(SlaStatus.BREACHED, cycle.slaStatus().orElseThrow());
        assertEquals(Level.WARN, finding(c, "incident.clock.cancelled").level());
        assertEquals(SlaStatus.BREACHED, c.verdict());
    }

    @Test
    void cancelWhenStartFails_cancelsOnceTheStartConditionStopsHolding() {
        ClockDefinition p1 = ClockDefinition.resolution().withName("p1")
                .withStart(ClockCondition.is(IncidentEventLog.SEVERITY, "SEV-1"));
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV1).severity(at(20), Severity.SEV2).build();
        assertEquals(State.RUNNING, only(read(with(p1), log, at(30)), "p1").state());
        Cycle cancelled = only(read(with(p1.withCancelWhenStartFails(true)), log, at(30)), "p1");
        assertEquals(End.CANCELLED, cancelled.endedBy());
        assertEquals(at(20), cancelled.end());
    }

    @Test
    void retroactiveStart_countsFromTheOrigin() {
        ClockDefinition p1 = ClockDefinition.resolution().withName("p1")
                .withStart(ClockCondition.is(IncidentEventLog.SEVERITY, "SEV-1"));
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV3)
                .hold(at(30), true).hold(at(60), false)
                .severity(at(180), Severity.SEV1).build();
        Cycle late = only(read(with(p1), log, at(200)), "p1");
        assertEquals(at(180), late.start());
        assertEquals(Duration.ofMinutes(20), late.elapsed());
        Cycle retro = only(read(with(p1.withRetroactiveStart(true)), log, at(200)), "p1");
        assertEquals(T0, retro.start());
        assertEquals(Duration.ofMinutes(30), retro.paused());
        assertEquals(Duration.ofMinutes(170), retro.elapsed());
        assertEquals(Severity.SEV3, retro.targets().get(0).severity());
        assertEquals(Severity.SEV1, retro.targets().get(1).severity());
    }

    @Test
    void ola_perGroup_ownTargets_andAReassignmentBackIsANewCycle() {
        IncidentSla sla = IncidentSla.of(IncidentSlaConfig.custom()
                .ola("network", Duration.ofHours(1)).ola("database", Duration.ofHours(2)).build());
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV2)
                .group(at(0), "network")
                .group(at(90), "database")
                .group(at(150), "network")
                .status(at(170), IncidentEventLog.RESOLVED)
                .build();
        IncidentClocks c = read(sla, log, at(300));
        List<Cycle> network = clock(c, "ola:network").cycles();
        assertEquals(2, network.size());
        assertEquals(State.BREACHED, network.get(0).state());
        assertEquals(Duration.ofMinutes(30), network.get(0).overrun());
        assertEquals(Duration.ofHours(1), network.get(0).target());
        assertEquals(State.MET, network.get(1).state());
        assertEquals(at(170), network.get(1).end());
        Cycle db = only(c, "ola:database");
        assertEquals(Duration.ofHours(2), db.target());
        assertEquals(State.MET, db.state());
        assertEquals(Duration.ofMinutes(60), db.elapsed());
        assertEquals(List.of("response", "resolution", "ola:network", "ola:database"),
                c.clocks().stream().map(ClockCycles::name).toList());
    }

    @Test
    void pausedTime_keptAcrossASeverityChange_glpi6902() {
        // SEV-3 runs 1 h, waits on the customer 3 h, is raised to SEV-2 while waiting, resumes
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV3)
                .hold(at(60), true)
                .severity(at(120), Severity.SEV2)
                .hold(at(240), false)
                .build();
        ClockDefinition carry = ClockDefinition.resolution().withRetarget(Retarget.CARRY_OVER);
        Cycle c = only(read(with(carry), log, at(300)), "resolution");
        assertEquals(Duration.ofMinutes(120), c.elapsed());
        assertEquals(Duration.ofMinutes(180), c.paused());
        assertEquals(Duration.ofMinutes(300), c.wall());
        TargetSpan before = c.targets().get(0);
        TargetSpan after = c.targets().get(1);
        assertEquals(Severity.SEV3, before.severity());
        assertEquals(Duration.ofHours(24), before.target());
        assertEquals(at(120), after.from());
        assertEquals(Duration.ofHours(8), after.target());
        assertEquals(Duration.ofMinutes(60), after.elapsedBefore());
        assertEquals(Duration.ofMinutes(60), after.pausedBefore());
        // the new target over the whole counted time: 8 h after detection plus 3 h on hold
        assertEquals(T0.plus(Duration.ofHours(11)), c.deadline());
        assertEquals(Duration.ofHours(6), c.remaining());
        Finding retargeted = finding(read(with(carry), log, at(300)), "incident.clock.retargeted");
        assertEquals(Duration.ofMinutes(60), retargeted.fact("pausedBefore"));
        // FROM_CHANGE: the new full target counts from the change, the pause still moves the deadline
        Cycle fromChange = only(read(SEED, log, at(300)), "resolution");
        assertEquals(at(120).plus(Duration.ofHours(8)).plus(Duration.ofMinutes(120)), fromChange.deadline());
        assertEquals(Duration.ofMinutes(180), fromChange.paused());
    }

    @Test
    void carryOver_upgradePastTheNewTarget_breachesAtTheNewDeadline() {
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV3).severity(at(30), Severity.SEV1).build();
        ClockDefinition carry = ClockDefinition.response().withRetarget(Retarget.CARRY_OVER);
        Cycle c = only(read(with(carry), log, at(40)), "response");
        assertEquals(State.BREACHED, c.state());
        assertEquals(at(15), c.deadline());
        assertEquals(Duration.ofMinutes(25), c.overrun());
        // FROM_CHANGE gives SEV-1's 15 min from the change
        Cycle fromChange = only(read(SEED, log, at(40)), "response");
        assertEquals(at(45), fromChange.deadline());
        assertEquals(State.RUNNING, fromChange.state());
    }

    @Test
    void breachedWhilePaused_isStatedExplicitly_glpi24481() {
        IncidentSla sla = IncidentSla.of(IncidentSlaConfig.custom().ola("network", Duration.ofHours(1)).build());
        IncidentEventLog late = IncidentEventLog.builder(T0, Severity.SEV3)
                .group(at(0), "network").hold(at(90), true).build();
        IncidentClocks c = read(sla, late, at(300));
        Cycle cycle = only(c, "ola:network");
        assertEquals(State.BREACHED_WHILE_PAUSED, cycle.state());
        assertEquals(at(90), cycle.pausedSince());
        assertEquals(at(60), cycle.deadline());
        assertTrue(cycle.breached());
        Finding f = finding(c, "incident.clock.breached-while-paused");
        assertEquals(Level.FAIL, f.level());
        assertEquals(at(90), f.fact("pausedSince"));
        // paused before the deadline: the pause moves it, no breach however long the pause
        IncidentEventLog early = IncidentEventLog.builder(T0, Severity.SEV3)
                .group(at(0), "network").hold(at(30), true).build();
        Cycle onTime = only(read(sla, early, at(3000)), "ola:network");
        assertEquals(State.PAUSED, onTime.state());
        assertFalse(onTime.breached());
        assertEquals(Duration.ofMinutes(30), onTime.remaining());
        assertEquals(Level.INFO, finding(read(sla, early, at(3000)), "incident.clock.paused").level());
    }

    @Test
    void resumeConditions_keepTheCyclePausedUntilOneHolds() {
        ClockDefinition def = ClockDefinition.resolution()
                .withPause(ClockCondition.is(IncidentEventLog.STATUS, "pending"))
                .withResume(ClockCondition.is(IncidentEventLog.STATUS, "in-progress"));
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV2)
                .status(at(10), "pending")
                .status(at(20), "triaged")       // neither pending nor in-progress: still paused
                .status(at(50), "in-progress")
                .build();
        Cycle c = only(read(with(def), log, at(60)), "resolution");
        assertEquals(Duration.ofMinutes(40), c.paused());
        assertEquals(Duration.ofMinutes(20), c.elapsed());
        // without resume conditions the cycle resumes when the pause condition stops holding
        Cycle plain = only(read(with(def.withResume()), log, at(60)), "resolution");
        assertEquals(Duration.ofMinutes(10), plain.paused());
    }

    @Test
    void atRisk_andRunningFindings() {
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV1).build();
        IncidentClocks early = read(SEED, log, at(5));
        assertEquals(SlaStatus.ON_TRACK, only(early, "response").slaStatus().orElseThrow());
        assertEquals(Level.INFO, finding(early, "incident.clock.running").level());
        IncidentClocks late = read(SEED, log, at(12));
        assertEquals(SlaStatus.AT_RISK, only(late, "response").slaStatus().orElseThrow());
        assertEquals(Level.WARN, finding(late, "incident.clock.at-risk").level());
        assertEquals(SlaStatus.AT_RISK, late.verdict());
        assertEquals(Duration.ofMinutes(3), only(late, "response").remaining());
    }

    @Test
    void notStarted_andFutureEvents_areFindings() {
        IncidentSla sla = IncidentSla.of(IncidentSlaConfig.custom().ola("network", Duration.ofHours(1)).build());
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV2).group(at(100), "network").build();
        IncidentClocks c = read(sla, log, at(50));
        assertTrue(clock(c, "ola:network").cycles().isEmpty());
        assertTrue(clock(c, "ola:network").current().isEmpty());
        assertEquals(Level.INFO, finding(c, "incident.clock.not-started").level());
        Finding future = finding(c, "incident.clock.future-events");
        assertEquals(Level.WARN, future.level());
        assertEquals(1, future.fact("events"));
        assertEquals(c.clocks(), read(sla, log.prefix(at(50)), at(50)).clocks());
    }

    @Test
    void simultaneousEvents_lastOnAFieldWins_andTheStateAfterTheInstantIsRead() {
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV2)
                .status(at(10), IncidentEventLog.RESOLVED).status(at(10), "reopened").build();
        Cycle c = only(read(SEED, log, at(20)), "resolution");
        assertEquals(State.RUNNING, c.state());
        assertNull(c.end());
    }

    @Test
    void conditions_matchAndFire() {
        Map<String, String> a = Map.of("status", "new");
        Map<String, String> b = Map.of("status", "pending");
        assertTrue(ClockCondition.is("status", "pending").holds(a, b));
        assertFalse(ClockCondition.is("status", "pending").holds(b, a));
        assertTrue(ClockCondition.isNot("group", "x").holds(a, b));
        assertTrue(ClockCondition.always().holds(a, a));
        assertTrue(ClockCondition.changedTo("status").holds(a, b));
        assertFalse(ClockCondition.changedTo("status").holds(b, b));
        assertFalse(ClockCondition.changedTo("status", "closed").holds(a, b));
        assertTrue(ClockCondition.is("status", "pending").fires(a, b));
        assertFalse(ClockCondition.is("status", "pending").fires(b, b));
        assertEquals(Set.of("SEV-1"), ClockCondition.is("severity", "sev1").values());
        assertEquals("status in [pending]", ClockCondition.is("status", "pending").toString());
        assertEquals("status not in [x]", ClockCondition.isNot("status", "x").toString());
        assertEquals("status changed to anything", ClockCondition.changedTo("status").toString());
        assertEquals("status changed to [y]", ClockCondition.changedTo("status", "y").toString());
    }

    @Test
    void config_clocksAreCopiedAndReplaced() {
        IncidentSlaConfig base = IncidentSlaConfig.custom().ola("network", Duration.ofHours(1)).build();
        assertEquals(List.of(ClockDefinition.response(), ClockDefinition.resolution(),
                ClockDefinition.ola("network", Duration.ofHours(1))), base.clocks());
        assertEquals(base.clocks(), IncidentSlaConfig.from(base).build().clocks());
        ClockDefinition other = ClockDefinition.response().withStop(ClockCondition.is("status", "closed"));
        assertEquals(List.of(other, ClockDefinition.resolution(), ClockDefinition.ola("network", Duration.ofHours(1))),
                IncidentSlaConfig.from(base).clock(other).build().clocks());
        assertTrue(base.toString().contains("clocks="));
        assertEquals(Retarget.FROM_CHANGE, ClockDefinition.response().retarget());
        ClockDefinition p = ClockDefinition.response().withPause(ClockCondition.is("status", "pending"));
        assertEquals(List.of(ClockCondition.is("status", "pending")), p.pause());
        assertEquals(Match.IN, p.pause().get(0).match());
    }

    @Test
    void badInput_namesTheFieldAndTheValue() {
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV2).build();
        assertMessage("now must not be before origin", () -> SEED.evaluate(log, clockAt(T0.minusSeconds(1))));
        assertMessage("log", () -> SEED.evaluate((IncidentEventLog) null, clockAt(T0)));
        assertMessage("clock", () -> SEED.evaluate(log, null));
        assertMessage("events[0].at must not be before origin",
                () -> IncidentEventLog.builder(T0, Severity.SEV2).status(T0.minusSeconds(1), "x").build());
        assertMessage("field", () -> new IncidentEventLog.Event(T0, " ", "x"));
        assertMessage("severity must look like", () -> new IncidentEventLog.Event(T0, "severity", "high"));
        assertMessage("values must not be empty", () -> ClockCondition.is("status"));
        assertMessage("values[0]", () -> new ClockCondition("status", Match.NOT_IN, Set.of(" ")));
        assertMessage("conditions", () -> ClockDefinition.response().withStart((ClockCondition[]) null));
        assertMessage("clocks must have unique names", () -> IncidentSlaConfig.custom()
                .clocks(List.of(ClockDefinition.response(), ClockDefinition.response())));
        assertMessage("group", () -> ClockDefinition.ola(" ", Duration.ofHours(1)));
        assertMessage("target", () -> ClockDefinition.ola("g", Duration.ZERO));
        assertMessage("target must be at most", () -> ClockDefinition.ola("g", Duration.ofDays(4000)));
        assertMessage("retarget", () -> ClockDefinition.response().withRetarget(null));
        assertMessage("origin", () -> IncidentEventLog.builder(null, Severity.SEV1));
        assertMessage("upTo", () -> log.prefix(null));
        assertMessage("timeline", () -> IncidentEventLog.of(null));
        IncidentEventLog sev5 = IncidentEventLog.builder(T0, Severity.of(5)).build();
        assertMessage("severity must be one of", () -> SEED.evaluate(sev5, clockAt(T0)));
        assertMessage("name", () -> new IncidentClocks.ClockCycles(" ", List.of()));
    }

    @Test
    void defaults_matchTheTimelineClocks_onOfficeHours_withSeverityChangesAndPauses() {
        IncidentSla office = IncidentSla.of(IncidentSlaConfig.custom()
                .calendar(BusinessCalendar.officeHours(java.time.ZoneId.of("Europe/Berlin")))
                .calendar(Severity.SEV1, BusinessCalendar.always()).build());
        Incident inc = Fixtures.incident(Severity.SEV2).acknowledged(at(400)).resolved(at(3000)).build();
        IncidentTimeline timeline = IncidentTimeline.builder(inc)
                .severityChange(at(100), Severity.SEV3, Severity.SEV1, "escalated")
                .severityChange(at(900), Severity.SEV1, Severity.SEV2, null)
                .pause(at(50), at(120), "vendor")
                .pause(at(1000), at(1600), "customer")
                .build();
        for (long now : new long[] {3000, 5000}) {
            IncidentSlaDecision old = office.evaluate(timeline, clockAt(at(now)));
            IncidentClocks clocks = read(office, IncidentEventLog.of(timeline), at(now));
            assertSame(old.response(), only(clocks, "response"));
            assertSame(old.resolution(), only(clocks, "resolution"));
            assertEquals(old.verdict(), clocks.verdict());
        }
    }

    @Test
    void eventLog_ofATimeline_andItsPrefix() {
        Incident inc = Fixtures.incident(Severity.SEV2).resolved(at(30)).acknowledged(at(40)).build();
        IncidentEventLog log = IncidentEventLog.of(IncidentTimeline.of(inc));
        // an acknowledgement after resolution is not a status change of the log
        assertEquals(List.of(new IncidentEventLog.Event(at(30), "status", "resolved")), log.events());
        IncidentEventLog unsorted = IncidentEventLog.builder(T0, Severity.SEV2)
                .status(at(20), "b").status(at(10), "a").status(at(20), "c").event(at(5), "severity", "sev1").build();
        assertEquals(List.of("SEV-1", "a", "b", "c"), unsorted.events().stream().map(IncidentEventLog.Event::value).toList());
        assertEquals(2, unsorted.prefix(at(10)).events().size());
        assertEquals(unsorted, unsorted.prefix(at(20)));
        assertEquals(Severity.SEV2, unsorted.severity());
        assertEquals(T0, unsorted.origin());
        IncidentEventLog holds = IncidentEventLog.of(IncidentTimeline.builder(Fixtures.incident(Severity.SEV2).build())
                .pause(at(10), at(20), "a").pause(at(15), at(30), "b").build());
        assertEquals(List.of(new IncidentEventLog.Event(at(10), "hold", "on"), new IncidentEventLog.Event(at(30), "hold", "off")),
                holds.events());
    }

    @Test
    void resumeHoldingWithThePause_keepsTheCycleRunning() {
        ClockDefinition def = ClockDefinition.resolution()
                .withResume(ClockCondition.is(IncidentEventLog.STATUS, "in-progress"));
        IncidentEventLog atOpen = IncidentEventLog.builder(T0, Severity.SEV2)
                .status(T0, "in-progress").hold(T0, true).build();
        assertEquals(State.RUNNING, only(read(with(def), atOpen, at(30)), "resolution").state());
        IncidentEventLog later = IncidentEventLog.builder(T0, Severity.SEV2)
                .status(at(10), "in-progress").hold(at(10), true).build();
        assertEquals(Duration.ZERO, only(read(with(def), later, at(30)), "resolution").paused());
        IncidentEventLog paused = IncidentEventLog.builder(T0, Severity.SEV2).hold(at(10), true).build();
        assertEquals(State.PAUSED, only(read(with(def), paused, at(30)), "resolution").state());
    }

    @Test
    void atRisk_countsFromTheChange_orFromTheStartWhenCarriedOver() {
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV4).severity(at(60), Severity.SEV3).build();
        assertEquals(SlaStatus.ON_TRACK, only(read(SEED, log, at(100)), "response").slaStatus().orElseThrow());
        IncidentSla carry = with(ClockDefinition.response().withRetarget(Retarget.CARRY_OVER));
        Cycle c = only(read(carry, log, at(100)), "response");
        assertEquals(SlaStatus.AT_RISK, c.slaStatus().orElseThrow());
        assertEquals(Duration.ofMinutes(20), c.remaining());
        // exactly 75 % of SEV-1's 15 min is at risk, a second less is on track
        IncidentEventLog sev1 = IncidentEventLog.builder(T0, Severity.SEV1).build();
        assertEquals(SlaStatus.AT_RISK, only(read(SEED, sev1, T0.plusSeconds(675)), "response").slaStatus().orElseThrow());
        assertEquals(SlaStatus.ON_TRACK, only(read(SEED, sev1, T0.plusSeconds(674)), "response").slaStatus().orElseThrow());
    }

    @Test
    void resetAfterABreach_isAWarningThatSaysReset() {
        ClockDefinition def = ClockDefinition.response().withReset(ClockCondition.changedTo(IncidentEventLog.SEVERITY));
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV1).severity(at(30), Severity.SEV2).build();
        IncidentClocks c = read(with(def), log, at(40));
        Finding f = finding(c, "incident.clock.reset");
        assertEquals(Level.WARN, f.level());
        assertTrue(f.message().contains(" reset at "), f.message());
        assertEquals(2, clock(c, "response").cycles().size());
        assertTrue(clock(c, "response").cycles().get(0).breached());
    }

    @Test
    void now_outsideTheSupportedRange_isRejected() {
        IncidentEventLog log = IncidentEventLog.builder(T0, Severity.SEV2).build();
        assertMessage("now must lie between", () -> SEED.evaluate(log, clockAt(Instant.MAX)));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
