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

import static io.github.deliverykit.policy.incident.Fixtures.T0;
import static io.github.deliverykit.policy.incident.Fixtures.at;
import static io.github.deliverykit.policy.incident.Fixtures.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.time.Interval;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class IncidentSlaTest {

    private static final IncidentSla POLICY = IncidentSla.of(IncidentSlaConfig.ofDefaults());

    private static IncidentSlaDecision eval(Incident inc, Instant now) {
        return Fixtures.evaluate(POLICY, IncidentTimeline.of(inc), now);
    }

    @Test
    void sev1_acknowledgedIn12Min_resolvedAfter4h30_breachesResolutionBy30Min() {
        Incident inc = incident(Severity.SEV1).acknowledged(at(12)).resolved(at(270)).build();
        IncidentSlaDecision e = eval(inc, at(300));
        assertEquals(SlaStatus.MET, e.response().status());
        assertEquals(at(15), e.response().deadline());
        assertEquals(Duration.ofMinutes(12), e.response().elapsed());
        assertEquals(SlaStatus.BREACHED, e.resolution().status());
        assertEquals(at(240), e.resolution().deadline());
        assertEquals(Duration.ofMinutes(30), e.resolution().overrun());
        assertEquals(SlaStatus.BREACHED, e.verdict());
        assertEquals(Level.FAIL, e.findings().find("incident.sla.resolution.breached").orElseThrow().level());
        assertEquals(Level.PASS, e.findings().find("incident.sla.response.met").orElseThrow().level());
    }

    @Test
    void sev2_acknowledgedAfter40Min_breachesResponseBy10Min() {
        Incident inc = incident(Severity.SEV2).acknowledged(at(40)).resolved(at(300)).build();
        IncidentSlaDecision e = eval(inc, at(300));
        assertEquals(SlaStatus.BREACHED, e.response().status());
        assertEquals(at(30), e.response().deadline());
        assertEquals(Duration.ofMinutes(10), e.response().overrun());
        assertEquals(Duration.ofMinutes(30), e.response().target());
        assertEquals(SlaStatus.MET, e.resolution().status());
        assertEquals(at(480), e.resolution().deadline());
        assertEquals("response (SEV-2, target 30m) breached by 10m (deadline 2024-01-25T10:30:00Z)",
                e.findings().find("incident.sla.response.breached").orElseThrow().message());
    }

    @Test
    void sev3_resolvedExactlyOnTheDeadline_meets() {
        Incident inc = incident(Severity.SEV3).acknowledged(at(119)).resolved(at(24 * 60)).build();
        IncidentSlaDecision e = eval(inc, at(24 * 60));
        assertEquals(SlaStatus.MET, e.response().status());
        assertEquals(at(120), e.response().deadline());
        assertEquals(SlaStatus.MET, e.resolution().status());
        assertEquals(at(24 * 60), e.resolution().deadline());
        assertEquals(Duration.ZERO, e.resolution().overrun());
        assertEquals(SlaStatus.MET, e.verdict());
    }

    @Test
    void sev4_acknowledgedAfter8h01_breachesBy1Min_resolvedWithin5Days() {
        Incident inc = incident(Severity.SEV4).acknowledged(at(8 * 60 + 1)).resolved(at(4 * 24 * 60)).build();
        IncidentSlaDecision e = eval(inc, at(5 * 24 * 60));
        assertEquals(SlaStatus.BREACHED, e.response().status());
        assertEquals(Duration.ofMinutes(1), e.response().overrun());
        assertEquals(SlaStatus.MET, e.resolution().status());
        assertEquals(at(5 * 24 * 60), e.resolution().deadline());
    }

    @Test
    void runningClock_onTrackThenAtRiskThenBreached() {
        Incident inc = incident(Severity.SEV1).build();
        ClockResult early = Fixtures.clock(POLICY, IncidentTimeline.of(inc), ClockKind.RESPONSE, at(10));
        assertEquals(SlaStatus.ON_TRACK, early.status());
        assertEquals(Duration.ofMinutes(5), early.remaining());
        assertNull(early.stoppedAt());
        assertFalse(early.isStopped());
        ClockResult risky = Fixtures.clock(POLICY, IncidentTimeline.of(inc), ClockKind.RESPONSE, at(12));
        assertEquals(SlaStatus.AT_RISK, risky.status());
        assertEquals(Duration.ofMinutes(3), risky.remaining());
        // 0.75 x 15 min = 11 min 15 s exactly: at risk from then on
        assertEquals(SlaStatus.AT_RISK, Fixtures.clock(POLICY, IncidentTimeline.of(inc), ClockKind.RESPONSE,
                T0.plusSeconds(675)).status());
        assertEquals(SlaStatus.ON_TRACK, Fixtures.clock(POLICY, IncidentTimeline.of(inc), ClockKind.RESPONSE,
                T0.plusSeconds(674)).status());
        assertEquals(SlaStatus.AT_RISK, Fixtures.clock(POLICY, IncidentTimeline.of(inc), ClockKind.RESPONSE, at(15)).status());
        ClockResult late = Fixtures.clock(POLICY, IncidentTimeline.of(inc), ClockKind.RESPONSE, at(16));
        assertEquals(SlaStatus.BREACHED, late.status());
        assertEquals(Duration.ofMinutes(1), late.overrun());
        assertEquals(Duration.ZERO, late.remaining());
        IncidentSlaDecision e = eval(inc, at(12));
        assertEquals(SlaStatus.AT_RISK, e.verdict());
        assertEquals(Level.WARN, e.findings().find("incident.sla.response.at-risk").orElseThrow().level());
        assertEquals(Level.INFO, e.findings().find("incident.sla.resolution.on-track").orElseThrow().level());
    }

    @Test
    void atRiskShare_isConfigurable() {
        IncidentSla p = IncidentSla.of(IncidentSlaConfig.custom().atRiskShare(0.5).build());
        Incident inc = incident(Severity.SEV1).build();
        assertEquals(SlaStatus.AT_RISK, Fixtures.clock(p, IncidentTimeline.of(inc), ClockKind.RESPONSE, T0.plusSeconds(450)).status());
        assertEquals(SlaStatus.ON_TRACK, Fixtures.clock(p, IncidentTimeline.of(inc), ClockKind.RESPONSE, T0.plusSeconds(449)).status());
        assertEquals(0.5, p.config().atRiskShare());
        assertThrows(IllegalArgumentException.class, () -> IncidentSlaConfig.custom().atRiskShare(1));
        assertThrows(IllegalArgumentException.class, () -> IncidentSlaConfig.custom().atRiskShare(0));
        assertThrows(IllegalArgumentException.class, () -> IncidentSlaConfig.custom().atRiskShare(Double.NaN));
    }

    @Test
    void pause_movesTheDeadlineByThePausedTime() {
        Incident inc = incident(Severity.SEV3).acknowledged(at(30)).resolved(at(25 * 60)).build();
        IncidentTimeline t = IncidentTimeline.builder(inc).pause(at(60), at(180), "waiting on customer").build();
        IncidentSlaDecision e = Fixtures.evaluate(POLICY, t, at(25 * 60));
        assertEquals(at(26 * 60), e.resolution().deadline());
        assertEquals(Duration.ofMinutes(120), e.resolution().paused());
        assertEquals(Duration.ofMinutes(23 * 60), e.resolution().elapsed());
        assertEquals(SlaStatus.MET, e.resolution().status());
        // the response clock stopped before the pause started
        assertEquals(Duration.ZERO, e.response().paused());
        assertEquals(at(120), e.response().deadline());
        assertTrue(e.findings().find("incident.sla.paused").isPresent());
        // without the pause the same resolution breaches by one hour
        ClockResult without = Fixtures.clock(POLICY, IncidentTimeline.of(inc), ClockKind.RESOLUTION, at(25 * 60));
        assertEquals(SlaStatus.BREACHED, without.status());
        assertEquals(Duration.ofHours(1), without.overrun());
    }

    @Test
    void pauseSpanningTheStart_countsOnlyAfterIt() {
        Incident inc = incident(Severity.SEV1).build();
        IncidentTimeline t = IncidentTimeline.builder(inc).pause(T0, at(10), "maintenance window").build();
        ClockResult r = Fixtures.clock(POLICY, t, ClockKind.RESPONSE, at(22));
        assertEquals(at(25), r.deadline());
        assertEquals(Duration.ofMinutes(12), r.elapsed());
        assertEquals(Duration.ofMinutes(10), r.paused());
        assertEquals(SlaStatus.AT_RISK, r.status());
    }

    @Test
    void businessHours_fridayAfternoonSev3_deadlineMondayMorning_skippingHoliday() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessCalendar office = BusinessCalendar.officeHours(berlin);
        IncidentSla p = IncidentSla.of(IncidentSlaConfig.custom().calendar(office).build());
        // Friday 2024-01-26 16:30 Berlin = 15:30 UTC
        Instant friday = Instant.parse("2024-01-26T15:30:00Z");
        Incident inc = Incident.builder("INC-2", "portal", Severity.SEV3).started(friday).build();
        ClockResult r = Fixtures.clock(p, IncidentTimeline.of(inc), ClockKind.RESPONSE, friday);
        // 30 min on Friday, 90 min on Monday from 09:00: Monday 10:30 Berlin = 09:30 UTC
        assertEquals(Instant.parse("2024-01-29T09:30:00Z"), r.deadline());
        IncidentSla holidays = IncidentSla.of(IncidentSlaConfig.custom()
                .calendar(office.withHolidays(Set.of(LocalDate.of(2024, 1, 29)))).build());
        assertEquals(Instant.parse("2024-01-30T09:30:00Z"),
                Fixtures.clock(holidays, IncidentTimeline.of(inc), ClockKind.RESPONSE, friday).deadline());
        // evaluated on Saturday the clock has counted only Friday's 30 minutes
        ClockResult saturday = Fixtures.clock(p, IncidentTimeline.of(inc), ClockKind.RESPONSE, Instant.parse("2024-01-27T12:00:00Z"));
        assertEquals(Duration.ofMinutes(30), saturday.elapsed());
        assertEquals(Duration.ofMinutes(90), saturday.remaining());
        assertEquals(SlaStatus.ON_TRACK, saturday.status());
    }

    @Test
    void calendarPerSeverity_sev1Is24x7_othersOfficeHours() {
        BusinessCalendar office = BusinessCalendar.officeHours(ZoneOffset.UTC);
        IncidentSla p = IncidentSla.of(IncidentSlaConfig.custom().calendar(office)
                .calendar(Severity.SEV1, BusinessCalendar.always()).build());
        assertEquals(BusinessCalendar.always(), p.config().calendarFor(Severity.SEV1));
        assertEquals(office, p.config().calendarFor(Severity.SEV2));
        Instant night = Instant.parse("2024-01-25T22:00:00Z");
        Incident sev1 = Incident.builder("A", "s", Severity.SEV1).started(night).build();
        assertEquals(night.plusSeconds(900), Fixtures.clock(p, IncidentTimeline.of(sev1), ClockKind.RESPONSE, night).deadline());
        Incident sev2 = Incident.builder("B", "s", Severity.SEV2).started(night).build();
        assertEquals(Instant.parse("2024-01-26T09:30:00Z"),
                Fixtures.clock(p, IncidentTimeline.of(sev2), ClockKind.RESPONSE, night).deadline());
        assertThrows(IllegalStateException.class, () -> IncidentSla.of(IncidentSlaConfig.custom()
                .calendar(Severity.of(5), office).build()));
        IncidentSla copy = IncidentSla.of(IncidentSlaConfig.from(p.config()).build());
        assertEquals(office, copy.config().calendarFor(Severity.SEV3));
        assertEquals(BusinessCalendar.always(), copy.config().calendarFor(Severity.SEV1));
    }

    @Test
    void escalation_retargetsFromTheChange() {
        // SEV-3 at 10:00 (respond by 12:00), escalated to SEV-1 at 11:00: respond by 11:15
        Incident inc = incident(Severity.SEV1).acknowledged(at(80)).build();
        IncidentTimeline t = IncidentTimeline.builder(inc)
                .severityChange(at(60), Severity.SEV3, Severity.SEV1, "checkout fully down").build();
        ClockResult r = Fixtures.clock(POLICY, t, ClockKind.RESPONSE, at(90));
        assertEquals(Severity.SEV1, r.severity());
        assertEquals(at(75), r.deadline());
        assertEquals(SlaStatus.BREACHED, r.status());
        assertEquals(Duration.ofMinutes(5), r.overrun());
        assertEquals(Duration.ofMinutes(80), r.elapsed());
        assertTrue(r.retargeted());
        ClockResult res = Fixtures.clock(POLICY, t, ClockKind.RESOLUTION, at(90));
        assertEquals(at(60 + 240), res.deadline());
        assertEquals(SlaStatus.ON_TRACK, res.status());
        assertTrue(Fixtures.evaluate(POLICY, t, at(90)).findings().find("incident.sla.retargeted").isPresent());
    }

    @Test
    void downgradeAfterAMissedDeadline_keepsTheBreach() {
        Incident inc = incident(Severity.SEV3).acknowledged(at(30)).build();
        IncidentTimeline t = IncidentTimeline.builder(inc)
                .severityChange(at(20), Severity.SEV1, Severity.SEV3, "only the PDF export").build();
        ClockResult r = Fixtures.clock(POLICY, t, ClockKind.RESPONSE, at(30));
        assertEquals(SlaStatus.BREACHED, r.status());
        assertEquals(Severity.SEV1, r.severity());
        assertEquals(at(15), r.deadline());
        assertEquals(Duration.ofMinutes(15), r.overrun());
    }

    @Test
    void downgradeBeforeTheDeadline_givesTheNewTargetFromTheChange() {
        Incident inc = incident(Severity.SEV3).acknowledged(at(100)).build();
        IncidentTimeline t = IncidentTimeline.builder(inc)
                .severityChange(at(10), Severity.SEV1, Severity.SEV3, null).build();
        ClockResult r = Fixtures.clock(POLICY, t, ClockKind.RESPONSE, at(100));
        assertEquals(SlaStatus.MET, r.status());
        assertEquals(at(130), r.deadline());
        assertEquals(Severity.SEV3, r.severity());
    }

    @Test
    void changeAfterTheClockStopped_doesNotRetargetIt() {
        Incident inc = incident(Severity.SEV1).acknowledged(at(20)).build();
        IncidentTimeline t = IncidentTimeline.builder(inc)
                .severityChange(at(25), Severity.SEV3, Severity.SEV1, null).build();
        ClockResult r = Fixtures.clock(POLICY, t, ClockKind.RESPONSE, at(30));
        assertEquals(Severity.SEV3, r.severity());
        assertEquals(SlaStatus.MET, r.status());
        assertFalse(r.retargeted());
    }

    @Test
    void changeAtDetection_replacesTheInitialSeverity() {
        Incident inc = incident(Severity.SEV2).acknowledged(T0).build();
        IncidentTimeline t = IncidentTimeline.builder(inc)
                .severityChange(T0, Severity.SEV4, Severity.SEV2, "triaged at once").build();
        ClockResult r = Fixtures.clock(POLICY, t, ClockKind.RESPONSE, at(1));
        assertEquals(Severity.SEV2, r.severity());
        assertFalse(r.retargeted());
        assertEquals(at(30), r.deadline());
    }

    @Test
    void statusUpdates_sev1_listsTheMissedOnes() {
        Incident inc = incident(Severity.SEV1).acknowledged(at(5)).resolved(at(120)).build();
        IncidentTimeline t = IncidentTimeline.builder(inc).statusUpdate(at(25)).statusUpdate(at(90)).build();
        StatusUpdates c = Fixtures.statusUpdates(POLICY, t, at(200));
        assertTrue(c.required());
        assertEquals(Duration.ofMinutes(30), c.every());
        assertEquals(2, c.updates());
        assertEquals(List.of(at(55), at(85)), c.missed());
        assertEquals(2, c.missedCount());
        IncidentSlaDecision e = Fixtures.evaluate(POLICY, t, at(200));
        assertEquals("2 status update(s) missed, due at 2024-01-25T10:55:00Z, 2024-01-25T11:25:00Z",
                e.findings().find("incident.status-updates.missed").orElseThrow().message());
    }

    @Test
    void statusUpdates_onTheDueInstantCount_andNoneAreDueAtResolution() {
        Incident inc = incident(Severity.SEV2).acknowledged(at(5)).resolved(at(90)).build();
        IncidentTimeline t = IncidentTimeline.builder(inc).statusUpdate(at(30)).statusUpdate(at(60)).build();
        StatusUpdates c = Fixtures.statusUpdates(POLICY, t, at(90));
        assertEquals(0, c.missedCount());
        assertEquals(List.of(), c.missed());
        assertEquals(Level.PASS, Fixtures.evaluate(POLICY, t, at(90)).findings()
                .find("incident.status-updates.met").orElseThrow().level());
    }

    @Test
    void statusUpdates_openIncidentWithoutUpdates_missesEveryHalfHour() {
        Incident inc = incident(Severity.SEV1).build();
        StatusUpdates c = Fixtures.statusUpdates(POLICY, IncidentTimeline.of(inc), at(100));
        assertEquals(List.of(at(30), at(60), at(90)), c.missed());
        // a long-running incident lists the first MAX_LISTED and counts them all
        StatusUpdates lng = Fixtures.statusUpdates(POLICY, IncidentTimeline.of(inc), at(30L * 2000 + 10));
        assertEquals(2000, lng.missedCount());
        assertEquals(StatusUpdates.MAX_LISTED, lng.missed().size());
        assertEquals(at(30L * StatusUpdates.MAX_LISTED), lng.missed().get(StatusUpdates.MAX_LISTED - 1));
        assertTrue(Fixtures.evaluate(POLICY, IncidentTimeline.of(inc), at(30L * 2000 + 10)).findings()
                .find("incident.status-updates.missed").orElseThrow().message().endsWith(", and 1000 more"));
    }

    @Test
    void statusUpdates_notRequiredForSev3_andStartAtAnEscalation() {
        Incident sev3 = incident(Severity.SEV3).build();
        StatusUpdates none = Fixtures.statusUpdates(POLICY, IncidentTimeline.of(sev3), at(300));
        assertFalse(none.required());
        assertNull(none.every());
        assertEquals(0, none.missedCount());
        assertTrue(Fixtures.evaluate(POLICY, IncidentTimeline.of(sev3), at(300)).findings()
                .find("incident.status-updates.not-required").isPresent());
        Incident escalated = incident(Severity.SEV2).build();
        IncidentTimeline t = IncidentTimeline.builder(escalated)
                .severityChange(at(100), Severity.SEV3, Severity.SEV2, null).build();
        assertEquals(List.of(at(130), at(160)), Fixtures.statusUpdates(POLICY, t, at(170)).missed());
    }

    @Test
    void resolvedWithoutAcknowledgement_stopsResponseAtResolution_withAWarning() {
        Incident inc = incident(Severity.SEV3).resolved(at(60)).build();
        IncidentSlaDecision e = eval(inc, at(60));
        assertEquals(at(60), e.response().stoppedAt());
        assertEquals(SlaStatus.MET, e.response().status());
        assertEquals(Level.WARN, e.findings().find("incident.sla.response.no-ack").orElseThrow().level());
    }

    @Test
    void evaluate_withInjectedClock_equalsExplicitInstant() {
        Incident inc = incident(Severity.SEV2).acknowledged(at(10)).build();
        IncidentTimeline t = IncidentTimeline.of(inc);
        assertEquals(Fixtures.evaluate(POLICY, t, at(45)), Fixtures.evaluate(POLICY, t, Clock.fixed(at(45), ZoneOffset.UTC)));
        assertEquals(SlaStatus.ON_TRACK, Fixtures.evaluate(POLICY, t, at(45)).verdict());
        assertEquals(Fixtures.evaluate(POLICY, t, at(45)).toDecision().verdict(), SlaStatus.ON_TRACK);
    }

    @Test
    void badInput_isRejectedNamingTheField() {
        Incident inc = incident(Severity.SEV2).build();
        IncidentTimeline t = IncidentTimeline.of(inc);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixtures.evaluate(POLICY, t, at(-1)));
        assertTrue(e.getMessage().contains("now"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.evaluate(POLICY, null, at(1)));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.evaluate(POLICY, t, (Instant) null));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.evaluate(POLICY, t, (Clock) null));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.clock(POLICY, t, null, at(1)));
        Incident sev5 = incident(Severity.of(5)).build();
        IllegalArgumentException s5 = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.evaluate(POLICY, IncidentTimeline.of(sev5), at(1)));
        assertTrue(s5.getMessage().contains("SEV-5"), s5.getMessage());
    }

    @Test
    void customFiveLevelTable_drivesTheClocks() {
        SlaTable five = SlaTable.of("five", List.of(
                SlaTarget.of(Severity.SEV1, Duration.ofMinutes(5), Duration.ofHours(1)),
                SlaTarget.of(Severity.SEV2, Duration.ofMinutes(15), Duration.ofHours(4)),
                SlaTarget.of(Severity.SEV3, Duration.ofHours(1), Duration.ofHours(24)),
                SlaTarget.of(Severity.SEV4, Duration.ofHours(4), Duration.ofDays(3)),
                SlaTarget.of(Severity.of(5), Duration.ofDays(1), Duration.ofDays(30))));
        IncidentSla p = IncidentSla.of(IncidentSlaConfig.custom().table(five).build());
        assertEquals(five, p.table());
        Incident inc = incident(Severity.of(5)).acknowledged(at(60 * 25)).build();
        ClockResult r = Fixtures.clock(p, IncidentTimeline.of(inc), ClockKind.RESPONSE, at(60 * 25));
        assertEquals(SlaStatus.BREACHED, r.status());
        assertEquals(Duration.ofHours(1), r.overrun());
        assertFalse(Fixtures.statusUpdates(p, IncidentTimeline.of(inc), at(60 * 25)).required());
    }

    @Test
    void statusUpdates_afterAMissedRun_anUpdateRestartsTheCadence() {
        Incident inc = incident(Severity.SEV1).build();
        IncidentTimeline t = IncidentTimeline.builder(inc).statusUpdate(at(70)).build();
        StatusUpdates c = Fixtures.statusUpdates(POLICY, t, at(150));
        assertEquals(List.of(at(30), at(60), at(100), at(130)), c.missed());
        assertEquals(4, c.missedCount());
        assertEquals(1, c.updates());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.statusUpdates(POLICY, t, at(-1)));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.clock(POLICY, t, ClockKind.RESPONSE, at(-1)));
    }

    @Test
    void noPause_noPauseFinding() {
        Incident inc = incident(Severity.SEV2).acknowledged(at(5)).resolved(at(60)).build();
        IncidentSlaDecision e = eval(inc, at(60));
        assertTrue(e.findings().find("incident.sla.paused").isEmpty());
        assertEquals(Duration.ZERO, e.resolution().paused());
        assertEquals(SlaStatus.MET, e.verdict());
        assertEquals(POLICY.classification(), SeverityClassification.of(IncidentSlaConfig.ofDefaults()));
    }

    @Test
    void verdict_isTheWorseClock() {
        // response breached, resolution on track: BREACHED; response met, resolution at risk: AT_RISK
        assertEquals(SlaStatus.BREACHED, eval(incident(Severity.SEV2).acknowledged(at(40)).build(), at(41)).verdict());
        assertEquals(SlaStatus.AT_RISK, eval(incident(Severity.SEV2).acknowledged(at(5)).build(), at(400)).verdict());
        assertEquals(SlaStatus.ON_TRACK, eval(incident(Severity.SEV2).acknowledged(at(5)).build(), at(6)).verdict());
    }

    @Test
    void instantsOutsideTheSupportedRange_areRejectedNamingTheField() {
        Instant tooEarly = Interval.MIN.minusSeconds(1);
        Instant tooLate = Interval.MAX.plusSeconds(1);
        Incident early = Incident.builder("X", "s", Severity.SEV1).started(tooEarly).detected(T0).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval(early, at(1))).getMessage().startsWith("started "));
        Incident ack = incident(Severity.SEV1).acknowledged(tooLate).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval(ack, at(1))).getMessage()
                .startsWith("acknowledged "));
        Incident mitigated = incident(Severity.SEV1).mitigated(tooLate).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval(mitigated, at(1))).getMessage()
                .startsWith("mitigated "));
        Incident resolved = incident(Severity.SEV1).resolved(tooLate).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval(resolved, at(1))).getMessage()
                .startsWith("resolved "));
        Incident open = incident(Severity.SEV1).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> eval(open, tooLate)).getMessage()
                .startsWith("now "));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.reviewPostMortem(POLICY, IncidentTimeline.of(resolved), at(1)));
    }
}
