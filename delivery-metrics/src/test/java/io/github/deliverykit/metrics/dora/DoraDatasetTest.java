package io.github.deliverykit.metrics.dora;

import static io.github.deliverykit.metrics.dora.Events.T0;
import static io.github.deliverykit.metrics.dora.Events.causedBy;
import static io.github.deliverykit.metrics.dora.Events.commit;
import static io.github.deliverykit.metrics.dora.Events.day;
import static io.github.deliverykit.metrics.dora.Events.days;
import static io.github.deliverykit.metrics.dora.Events.dep;
import static io.github.deliverykit.metrics.dora.Events.failed;
import static io.github.deliverykit.metrics.dora.Events.h;
import static io.github.deliverykit.metrics.dora.Events.in;
import static io.github.deliverykit.metrics.dora.Events.incident;
import static io.github.deliverykit.metrics.dora.Events.ok;
import static io.github.deliverykit.metrics.dora.Events.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.github.deliverykit.metrics.dora.DoraReport.ChangeFailureRate;
import io.github.deliverykit.metrics.dora.DoraReport.DeploymentFrequency;
import io.github.deliverykit.metrics.dora.DoraReport.LeadTime;
import io.github.deliverykit.metrics.dora.DoraReport.TimeToRestore;
import io.github.deliverykit.metrics.dora.DoraReport.RecoveryTime;
import io.github.deliverykit.metrics.dora.DoraConfig.CommitScope;
import io.github.deliverykit.metrics.dora.DoraConfig.LeadTimeStart;
import io.github.deliverykit.metrics.dora.DoraConfig.IncidentAttribution;
import io.github.deliverykit.metrics.dora.DoraAssessment.FourKeysBucket;
import io.github.deliverykit.metrics.dora.DoraDataset.Slice;
import io.github.deliverykit.metrics.dora.DoraDataset.SliceDimension;
import io.github.deliverykit.metrics.dora.DoraDataset.DoraCounts;

final class DoraDatasetTest {

    private static final double HOUR = 3_600_000.0;

    @Test
    void leadTime_listedCommits_medianP90P95AndDropped() {
        DoraEvents events = DoraEvents.builder()
                .commits(commit("aaaa", h(9), h(9)), commit("bbbb", h(7), h(8)), commit("cccc", h(4), h(9.5)),
                        commit("dddd", h(10), h(10)), commit("eeee", h(11), h(11)))
                .deployments(ok("d1", h(10), "aaaa", "BBBB", "cccc", "dddd", "eeee", "ffff"))
                .build();
        LeadTime lt = DoraDataset.of(events).leadTime(days(0, 1));
        // author times: 1 h, 3 h, 6 h; 0 and -1 h dropped; ffff unknown
        assertEquals(3, lt.summary().sampleSize());
        assertEquals(3 * HOUR, lt.summary().medianMillis().getAsDouble(), 1e-6);
        assertEquals(5.4 * HOUR, lt.summary().p90Millis().getAsDouble(), 1e-3);
        assertEquals(5.7 * HOUR, lt.summary().p95Millis().getAsDouble(), 1e-3);
        assertEquals(10.0 / 3 * HOUR, lt.summary().meanMillis().getAsDouble(), 1e-3);
        assertEquals(Duration.ofHours(3), lt.summary().median().orElseThrow());
        assertEquals(Duration.ofMinutes(324), lt.summary().p90().orElseThrow());
        assertEquals(Duration.ofMinutes(342), lt.summary().p95().orElseThrow());
        assertEquals(Duration.ofMinutes(200), lt.summary().mean().orElseThrow());
        assertEquals(2, lt.nonPositiveDropped());
        assertEquals(1, lt.unknownCommits());
        assertEquals(1, lt.deployments());
        assertEquals(0, lt.deploymentsWithoutChanges());
    }

    @Test
    void leadTime_committedClock_measuresFromCommitTime() {
        DoraEvents events = DoraEvents.builder()
                .commits(commit("aaaa", h(1), h(8)))
                .deployments(ok("d1", h(10), "aaaa"))
                .build();
        DoraConfig committed = DoraConfig.custom().leadTimeStart(LeadTimeStart.COMMITTED).build();
        assertEquals(2 * HOUR, DoraDataset.of(events, committed).leadTime(days(0, 1)).summary().medianMillis()
                .getAsDouble());
        assertEquals(9 * HOUR, DoraDataset.of(events).leadTime(days(0, 1)).summary().medianMillis().getAsDouble());
    }

    @Test
    void leadTime_squashMerge_rangeSincePreviousDeployment() {
        // feature work authored at 2 h, squash-merged to mainline at 20 h; older commit x1 shipped by d1
        Commit x1 = commit("a1a1", h(1), h(1));
        Commit squash = commit("5a5a", h(2), h(20));
        Commit late = commit("b2b2", h(23), h(23));
        DoraEvents events = DoraEvents.builder()
                .history("shop", List.of(late, squash, x1))
                .deployments(ok("d2", h(22)), ok("d1", h(10)), ok("d3", day(5, 0)))
                .build();
        DoraDataset authored = DoraDataset.of(events);
        LeadTime first = authored.leadTime(Interval.of(h(9), h(11)));
        assertEquals(0, first.summary().sampleSize());
        assertEquals(1, first.deploymentsWithoutChanges()); // first deployment: no previous to bound the range
        LeadTime lt = authored.leadTime(Interval.of(h(21), h(23)));
        assertEquals(1, lt.summary().sampleSize());
        assertEquals(20 * HOUR, lt.summary().medianMillis().getAsDouble()); // from the author time
        DoraDataset committed = DoraDataset.of(events,
                DoraConfig.custom().leadTimeStart(LeadTimeStart.COMMITTED).build());
        assertEquals(2 * HOUR, committed.leadTime(Interval.of(h(21), h(23))).summary().medianMillis().getAsDouble());
        // d3 ships only the late commit: (22 h, day 5]
        assertEquals(5 * 24 * HOUR - 23 * HOUR,
                authored.leadTime(days(4, 6)).summary().medianMillis().getAsDouble());
    }

    @Test
    void leadTime_squashMergeListed_squashShaMeasured() {
        // the deployment lists the squash commit's sha; the branch commits no longer exist
        DoraEvents events = DoraEvents.builder()
                .commits(commit("5a5a", h(2), h(20)))
                .deployments(ok("d1", h(22), "5a5a"))
                .build();
        assertEquals(20 * HOUR, DoraDataset.of(events).leadTime(days(0, 1)).summary().medianMillis().getAsDouble());
    }

    @Test
    void leadTime_rangeBoundaries_commitAtPreviousFinishBelongsToPrevious() {
        DoraEvents events = DoraEvents.builder()
                .history("shop", List.of(commit("a1a1", h(10), h(10)), commit("b2b2", h(12), h(12)),
                        commit("c3c3", h(14), h(14))))
                .deployments(ok("d1", h(10)), ok("d2", h(14)), failed("f", h(11)))
                .build();
        LeadTime lt = DoraDataset.of(events).leadTime(Interval.of(h(13), h(15)));
        // b2b2 (2 h) and c3c3 (0 h, dropped); a1a1 at exactly d1's finish is d1's
        assertEquals(1, lt.summary().sampleSize());
        assertEquals(2 * HOUR, lt.summary().medianMillis().getAsDouble());
        assertEquals(1, lt.nonPositiveDropped());
    }

    @Test
    void leadTime_previousDeploymentLink_widensRange() {
        Deployment d1 = ok("d1", h(10));
        Deployment d2 = ok("d2", h(12));
        Deployment d3 = Deployment.builder("d3", "shop").at(h(13), h(14)).previous("d1").build();
        DoraEvents events = DoraEvents.builder()
                .history("shop", List.of(commit("a1a1", h(11), h(11)), commit("b2b2", h(13), h(13))))
                .deployments(d1, d2, d3)
                .build();
        LeadTime lt = DoraDataset.of(events).leadTime(Interval.of(h(13.5), h(15)));
        assertEquals(2, lt.summary().sampleSize()); // both commits since d1
        assertEquals(2 * HOUR, lt.summary().medianMillis().getAsDouble());
    }

    @Test
    void leadTime_commitShippedTwice_countedAtFirstSuccessfulDeploymentOnly() {
        DoraEvents events = DoraEvents.builder()
                .commits(commit("aaaa", h(1), h(1)))
                .deployments(dep("f", "shop", h(2), DeploymentOutcome.FAILED, "aaaa"), ok("d1", h(3), "aaaa"),
                        ok("d2", h(5), "aaaa"), in("production-eu", ok("e1", h(4), "aaaa")))
                .build();
        DoraDataset ds = DoraDataset.of(events,
                DoraConfig.custom().productionEnvironments(List.of("production", "production-eu")).build());
        LeadTime lt = ds.leadTime(days(0, 1));
        assertEquals(2, lt.summary().sampleSize()); // once per environment: 2 h (production), 3 h (eu)
        assertEquals(2.5 * HOUR, lt.summary().medianMillis().getAsDouble());
        assertEquals(1, lt.deploymentsWithoutChanges()); // d2 re-ships nothing new
    }

    @Test
    void leadTime_listedOnlyScope_ignoresHistory() {
        DoraEvents events = DoraEvents.builder()
                .history("shop", List.of(commit("a1a1", h(11), h(11))))
                .deployments(ok("d1", h(10)), ok("d2", h(12)))
                .build();
        assertEquals(1, DoraDataset.of(events).leadTime(days(0, 1)).summary().sampleSize());
        DoraDataset listed = DoraDataset.of(events, DoraConfig.custom().commitScope(CommitScope.LISTED).build());
        assertEquals(0, listed.leadTime(days(0, 1)).summary().sampleSize());
        assertEquals(2, listed.leadTime(days(0, 1)).deploymentsWithoutChanges());
    }

    @Test
    void leadTime_rangeScope_ignoresListedShas() {
        DoraEvents events = DoraEvents.builder()
                .commits(commit("ffff", h(0), h(0)))
                .history("shop", List.of(commit("a1a1", h(11), h(11))))
                .deployments(ok("d1", h(10)), ok("d2", h(12), "ffff"))
                .build();
        LeadTime lt = DoraDataset.of(events, DoraConfig.custom().commitScope(CommitScope.RANGE).build())
                .leadTime(days(0, 1));
        assertEquals(HOUR, lt.summary().medianMillis().getAsDouble());
        assertEquals(12 * HOUR, DoraDataset.of(events).leadTime(days(0, 1)).summary().medianMillis().getAsDouble());
    }

    @Test
    void changeFailureRate_perDeploymentNeverPerIncidentRow() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("d1", h(1)), ok("d2", h(2)), failed("d3", h(3)),
                        dep("d4", "shop", h(4), DeploymentOutcome.ROLLED_BACK), ok("d5", h(5)), ok("d6", h(6)),
                        ok("d7", h(7)), ok("d8", h(8)), ok("d9", h(9)), ok("d10", h(10)),
                        in("staging", failed("s1", h(3))),
                        Deployment.builder("p1", "shop").at(h(11), null).outcome(DeploymentOutcome.IN_PROGRESS).build())
                .incidents(causedBy("i1", "d5", h(5.5), h(6)), causedBy("i2", "d5", h(7), h(8)),
                        causedBy("i3", "d5", h(9), h(9.5)), causedBy("i4", "d3", h(3.5), h(4)))
                .build();
        ChangeFailureRate cfr = DoraDataset.of(events).changeFailureRate(days(0, 1));
        assertEquals(10, cfr.deployments());
        assertEquals(3, cfr.failed());
        assertEquals(2, cfr.failedByOutcome());
        assertEquals(1, cfr.failedByIncidentOnly());
        assertEquals(0.3, cfr.value().getAsDouble(), 1e-12);
    }

    @Test
    void attribution_latestSuccessfulWithinBound_boundInclusive() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("d1", h(1)), failed("d2", h(2)), ok("d3", day(3, 0)), ok("d4", day(10, 0)),
                        ok("d5", day(20, 0)))
                .incidents(incident("near", h(2.5), h(3)), // latest successful is d1 (d2 failed): attributed to d1
                        incident("edge", day(4, 0), day(4, 1)), // exactly 24 h after d3: attributed
                        incident("outside", day(11, 1), day(11, 2)), // 25 h after d4: outside the bound
                        in("staging", incident("other-env", day(20, 1), day(20, 2))))
                .build();
        ChangeFailureRate cfr = DoraDataset.of(events).changeFailureRate(days(0, 30));
        assertEquals(5, cfr.deployments());
        assertEquals(3, cfr.failed()); // d2 by outcome, d1 and d3 by incident; d4 and d5 not
        assertEquals(2, cfr.failedByIncidentOnly());
        DoraDataset wide = DoraDataset.of(events, DoraConfig.custom().attributionBound(Duration.ofHours(25)).build());
        assertEquals(3, wide.changeFailureRate(days(0, 30)).failedByIncidentOnly());
        DoraDataset causeOnly = DoraDataset.of(events,
                DoraConfig.custom().incidentAttribution(IncidentAttribution.causeOnly()).build());
        assertEquals(0, causeOnly.changeFailureRate(days(0, 30)).failedByIncidentOnly());
    }

    @Test
    void attribution_unknownCauseIdIsNotGuessed() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("d1", h(1)))
                .incidents(causedBy("i1", "nope", h(1.5), h(2)))
                .build();
        assertEquals(0, DoraDataset.of(events).changeFailureRate(days(0, 1)).failed());
    }

    @Test
    void attribution_customStrategyIsUsed() {
        IncidentAttribution first = (incident, lookup) -> lookup.byId("d1");
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("d1", h(1)), ok("d2", h(2)))
                .incidents(incident("i1", day(9, 0), day(9, 1)))
                .build();
        ChangeFailureRate cfr = DoraDataset.of(events, DoraConfig.custom().incidentAttribution(first).build())
                .changeFailureRate(days(0, 1));
        assertEquals(1, cfr.failed());
        IncidentAttribution broken = (incident, lookup) -> null;
        assertThrows(IllegalArgumentException.class,
                () -> DoraDataset.of(events, DoraConfig.custom().incidentAttribution(broken).build()));
    }

    @Test
    void timeToRestore_medianMeanAndOpen() {
        DoraEvents events = DoraEvents.builder()
                .incidents(incident("a", h(1), h(1.5)), incident("b", h(2), h(4)), incident("c", h(3), h(7)),
                        open("d", h(5)), incident("before", day(-1, 0), day(-1, 1)),
                        in("staging", incident("s", h(1), h(9))))
                .build();
        TimeToRestore ttr = DoraDataset.of(events).timeToRestore(days(0, 1));
        assertEquals(4, ttr.incidents());
        assertEquals(1, ttr.open());
        assertEquals(3, ttr.summary().sampleSize());
        assertEquals(2 * HOUR, ttr.summary().medianMillis().getAsDouble());
        assertEquals(6.5 / 3 * HOUR, ttr.summary().meanMillis().getAsDouble(), 1e-3);
    }

    @Test
    void recoveryTime_nextSuccessfulDeployment() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("d0", h(0.5)), failed("f1", h(1)), ok("d1", h(3)), failed("f2", h(5)),
                        in("staging", ok("s", h(6))))
                .build();
        RecoveryTime rt = DoraDataset.of(events).recoveryTime(days(0, 1));
        assertEquals(2, rt.failedDeployments());
        assertEquals(1, rt.unrecovered());
        assertEquals(2 * HOUR, rt.summary().medianMillis().getAsDouble());
    }

    @Test
    void recoveryTime_deploymentFailedByIncidentDoesNotRecover() {
        DoraEvents events = DoraEvents.builder()
                .deployments(failed("f1", h(1)), ok("d1", h(2)), ok("d2", h(4)))
                .incidents(causedBy("i", "d1", h(2.5), h(3)))
                .build();
        RecoveryTime rt = DoraDataset.of(events).recoveryTime(Interval.of(h(0), h(1.5)));
        assertEquals(3 * HOUR, rt.summary().medianMillis().getAsDouble());
    }

    @Test
    void reworkRate_afterFailureOrDuringIncident() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("d1", h(1)), failed("f", h(2)), ok("fix", h(3)), ok("d2", h(4)),
                        ok("hotfix", h(6)), ok("d3", h(9)))
                .incidents(incident("i", h(5), h(7)))
                .build();
        Rate rw = DoraDataset.of(events, DoraConfig.custom().incidentAttribution(IncidentAttribution.causeOnly())
                .build()).reworkRate(days(0, 1));
        assertEquals(6, rw.denominator());
        assertEquals(2, rw.numerator()); // fix (after f) and hotfix (during i)
        assertEquals(2.0 / 6, rw.value().getAsDouble(), 1e-12);
    }

    @Test
    void deploymentFrequency_oneWeek_daily() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("a", day(0, 9)), ok("b", day(0, 15)), ok("c", day(1, 9)), ok("d", day(3, 9)),
                        failed("e", day(4, 9)), in("staging", ok("s", day(5, 9))), ok("late", day(7, 0)))
                .build();
        DeploymentFrequency df = DoraDataset.of(events).deploymentFrequency(days(0, 7));
        assertEquals(4, df.deployments());
        assertEquals(7.0, df.windowDays());
        assertEquals(4.0 / 7, df.perDay(), 1e-12);
        assertEquals(4.0, df.perWeek(), 1e-12);
        assertEquals(7, df.calendarDays());
        assertEquals(3, df.deploymentDays());
        assertEquals(3.0, df.medianDeploymentDaysPerWeek());
        assertEquals(3.0, df.medianDeploymentDaysPerMonth());
        assertEquals(FourKeysBucket.DAILY, df.fourKeysBucket());
    }

    @Test
    void deploymentFrequency_fourWeeks_monthlyBucket() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("a", day(0, 9)), ok("b", day(1, 9)), ok("c", day(2, 9)), ok("d", day(14, 9)))
                .build();
        DeploymentFrequency df = DoraDataset.of(events).deploymentFrequency(days(0, 28));
        // deployment days per week [3, 0, 1, 0]: median 0.5; weeks deployed [1, 0, 1, 0]: median 0.5;
        // all four weeks start in January with 2 deployed weeks: median 2 -> MONTHLY
        assertEquals(0.5, df.medianDeploymentDaysPerWeek());
        assertEquals(4.0, df.medianDeploymentDaysPerMonth());
        assertEquals(FourKeysBucket.MONTHLY, df.fourKeysBucket());
    }

    @Test
    void deploymentFrequency_fourWeeks_weeklyBucket() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("a", day(0, 9)), ok("b", day(8, 9)), ok("c", day(16, 9)), ok("d", day(24, 9)))
                .build();
        DeploymentFrequency df = DoraDataset.of(events).deploymentFrequency(days(0, 28));
        assertEquals(1.0, df.medianDeploymentDaysPerWeek());
        assertEquals(FourKeysBucket.WEEKLY, df.fourKeysBucket());
    }

    @Test
    void deploymentFrequency_twelveWeeks_yearlyBucket() {
        DoraEvents events = DoraEvents.builder().deployments(ok("a", day(0, 9))).build();
        DeploymentFrequency df = DoraDataset.of(events).deploymentFrequency(days(0, 84));
        // week rows: five January weeks with 1 deployed week, seven February/March weeks with 0
        assertEquals(FourKeysBucket.YEARLY, df.fourKeysBucket());
        assertEquals(3, df.calendarDays() / 28);
        assertEquals(0.0, df.medianDeploymentDaysPerMonth()); // Jan 1, Feb 0, Mar 0
        assertEquals(1.0, df.medianDeploymentDaysPerSixMonths());
    }

    @Test
    void deploymentFrequency_calendarFollowsZoneAndFirstDayOfWeek() {
        // 2024-01-07T23:30Z is Sunday in UTC but Monday 2024-01-08 in Paris (+1)
        DoraEvents events = DoraEvents.builder().deployments(ok("a", day(6, 23.5)), ok("b", day(7, 9))).build();
        Interval twoWeeks = days(0, 14);
        assertEquals(2, DoraDataset.of(events).deploymentFrequency(twoWeeks).deploymentDays());
        DoraDataset paris = DoraDataset.of(events, DoraConfig.custom().zone(ZoneId.of("Europe/Paris")).build());
        assertEquals(1, paris.deploymentFrequency(twoWeeks).deploymentDays());
        DoraDataset sunday = DoraDataset.of(events, DoraConfig.custom().firstDayOfWeek(DayOfWeek.SUNDAY).build());
        // Sunday weeks: Dec 31 - Jan 6, Jan 7 - 13 (both deployments), Jan 14: medians over [0, 2, 0]
        assertEquals(0.0, sunday.deploymentFrequency(twoWeeks).medianDeploymentDaysPerWeek());
        assertEquals(1.0, DoraDataset.of(events).deploymentFrequency(twoWeeks).medianDeploymentDaysPerWeek());
    }

    @Test
    void noData_isEmptyNotZero() {
        DoraReport r = DoraDataset.of(DoraEvents.builder().build()).report(days(0, 7));
        assertFalse(r.leadTime().summary().hasData());
        assertTrue(r.leadTime().summary().medianMillis().isEmpty());
        assertTrue(r.changeFailureRate().value().isEmpty());
        assertTrue(r.timeToRestore().summary().median().isEmpty());
        assertTrue(r.recoveryTime().summary().mean().isEmpty());
        assertTrue(r.reworkRate().value().isEmpty());
        assertEquals(0, r.deploymentFrequency().deployments());
        assertEquals(DoraCounts.ZERO, r.counts());
        assertEquals(FourKeysBucket.YEARLY, r.deploymentFrequency().fourKeysBucket());
    }

    @Test
    void slices_byServiceTeamEnvironment_countsAddUp() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("d1", h(1)), failed("d2", h(2)), dep("c1", "cart", h(3), DeploymentOutcome.SUCCESS),
                        dep("p1", "pay", h(4), DeploymentOutcome.FAILED),
                        in("production-eu", dep("p2", "pay", h(5), DeploymentOutcome.SUCCESS)),
                        in("staging", ok("s1", h(6))))
                .incidents(incident("i1", h(1.5), h(2)))
                .build();
        DoraConfig config = DoraConfig.custom().productionEnvironments(List.of("production", "production-eu"))
                .teams(Map.of("shop", "web", "cart", "web")).build();
        DoraDataset ds = DoraDataset.of(events, config);
        DoraReport all = ds.report(days(0, 1));
        assertEquals(5, all.counts().deployments());
        for (SliceDimension dim : SliceDimension.values()) {
            Map<Slice, DoraReport> slices = ds.slices(days(0, 1), dim);
            DoraCounts sum = DoraCounts.ZERO;
            for (DoraReport r : slices.values()) {
                sum = sum.plus(r.counts());
            }
            assertEquals(all.counts(), sum, dim.name());
        }
        assertEquals(List.of(Slice.of(SliceDimension.TEAM, "unassigned"), Slice.of(SliceDimension.TEAM, "web")),
                List.copyOf(ds.slices(days(0, 1), SliceDimension.TEAM).keySet()));
        assertEquals(List.of(Slice.of(SliceDimension.ENVIRONMENT, "production"),
                Slice.of(SliceDimension.ENVIRONMENT, "production-eu")),
                List.copyOf(ds.slices(days(0, 1), SliceDimension.ENVIRONMENT).keySet()));
        DoraReport shop = ds.report(days(0, 1), Slice.of(SliceDimension.SERVICE, "shop"));
        assertEquals(1.0, shop.changeFailureRate().value().getAsDouble()); // d2 by outcome, d1 by i1
        assertEquals(1, shop.counts().incidents());
        DoraReport none = ds.report(days(0, 1), Slice.of(SliceDimension.SERVICE, "nothing"));
        assertEquals(DoraCounts.ZERO, none.counts());
    }

    @Test
    void badInput_illegalArgument() {
        DoraDataset ds = DoraDataset.of(DoraEvents.builder().build());
        assertThrows(IllegalArgumentException.class, () -> ds.report(null));
        assertThrows(IllegalArgumentException.class, () -> ds.report(Interval.of(T0, T0)));
        assertThrows(IllegalArgumentException.class, () -> ds.report(Interval.of(Instant.MIN, Instant.MAX)));
        assertThrows(IllegalArgumentException.class, () -> ds.report(Interval.of(T0, T0.plus(Duration.ofDays(40_000)))));
        assertThrows(IllegalArgumentException.class, () -> ds.report(days(0, 1), null));
        assertThrows(IllegalArgumentException.class, () -> ds.slices(days(0, 1), null));
        assertThrows(IllegalArgumentException.class, () -> DoraDataset.of(null));
        assertThrows(IllegalArgumentException.class, () -> DoraDataset.of(DoraEvents.builder().build(), null));
        DoraEvents dupIds = DoraEvents.builder().deployments(ok("d1", h(1)), ok("d1", h(2))).build();
        assertThrows(IllegalArgumentException.class, () -> DoraDataset.of(dupIds));
        DoraEvents dupIncidents = DoraEvents.builder().incidents(incident("i", h(1), h(2)), incident("i", h(3), h(4)))
                .build();
        assertThrows(IllegalArgumentException.class, () -> DoraDataset.of(dupIncidents));
        DoraEvents dupSha = DoraEvents.builder().commits(commit("aaaa", h(1), h(1)), commit("AAAA", h(2), h(2))).build();
        assertThrows(IllegalArgumentException.class, () -> DoraDataset.of(dupSha));
        DoraEvents sameSha = DoraEvents.builder().commits(commit("aaaa", h(1), h(1)), commit("aaaa", h(1), h(1)))
                .deployments(ok("d", h(2), "aaaa")).build();
        assertEquals(1, DoraDataset.of(sameSha).changeCount());
        DoraEvents farFuture = DoraEvents.builder().deployments(ok("d", Instant.MAX)).build();
        assertThrows(IllegalArgumentException.class, () -> DoraDataset.of(farFuture));
        DoraEvents farHistory = DoraEvents.builder().history("shop", List.of(commit("aaaa", Instant.MIN, T0))).build();
        assertThrows(IllegalArgumentException.class, () -> DoraDataset.of(farHistory));
    }

    @Test
    void quantileDefinition_isConfigurable() {
        DoraEvents events = DoraEvents.builder()
                .commits(commit("aaaa", h(9), h(9)), commit("bbbb", h(8), h(8)))
                .deployments(ok("d1", h(10), "aaaa", "bbbb"))
                .build();
        assertEquals(1.5 * HOUR, DoraDataset.of(events).leadTime(days(0, 1)).summary().medianMillis().getAsDouble());
        DoraDataset lower = DoraDataset.of(events,
                DoraConfig.custom().quantileDefinition(QuantileDefinition.LOWER).build());
        assertEquals(HOUR, lower.leadTime(days(0, 1)).summary().medianMillis().getAsDouble());
        assertEquals(2, lower.changeCount());
        assertEquals(1, lower.deploymentCount());
    }

    @Test
    void reworkRate_incidentBoundaries_fixAtImpactEndCounts() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("cause", h(5)), ok("fix", h(7)), ok("after", h(7.5)))
                .incidents(incident("i", h(5), h(7)))
                .build();
        Rate rw = DoraDataset.of(events, DoraConfig.custom().incidentAttribution(IncidentAttribution.causeOnly())
                .build()).reworkRate(days(0, 1));
        assertEquals(new Rate(1, 3), rw); // only "fix": "cause" finished as impact started
    }

    @Test
    void timeToRestore_andRecovery_zeroDurationsAreMeasured() {
        DoraEvents events = DoraEvents.builder()
                .deployments(failed("f", h(1)), ok("d", h(1)))
                .incidents(incident("i", h(2), h(2)))
                .build();
        DoraDataset ds = DoraDataset.of(events,
                DoraConfig.custom().incidentAttribution(IncidentAttribution.causeOnly()).build());
        assertEquals(new TimeToRestore(ds.timeToRestore(days(0, 1)).summary(), 1, 0), ds.timeToRestore(days(0, 1)));
        assertEquals(0.0, ds.timeToRestore(days(0, 1)).summary().medianMillis().getAsDouble());
        // f and d finish together; ids order them (d before f), so f has no later success
        assertEquals(1, ds.recoveryTime(days(0, 1)).unrecovered());
    }

    @Test
    void recoveryTime_manyFailures() {
        List<Deployment> deps = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            deps.add(failed("f" + (100 + i), h(i)));
            deps.add(ok("d" + (100 + i), h(i + 0.5)));
        }
        java.util.Collections.reverse(deps);
        RecoveryTime rt = DoraDataset.of(DoraEvents.builder().deployments(deps).build(),
                DoraConfig.custom().incidentAttribution(IncidentAttribution.causeOnly()).build()).recoveryTime(days(0, 2));
        assertEquals(40, rt.failedDeployments());
        assertEquals(40, rt.summary().sampleSize());
        assertEquals(0.5 * HOUR, rt.summary().p95Millis().getAsDouble());
    }

    @Test
    void leadTime_longHistoryAndManyDeployments_matchesHandCount() {
        List<Commit> history = new java.util.ArrayList<>();
        List<Deployment> deps = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            history.add(commit(String.format("%04x", 0x1000 + i), h(i + 0.25), h(i + 0.5)));
            deps.add(ok("d" + (1000 + i), h(i + 1)));
        }
        java.util.Collections.shuffle(history, new java.util.Random(3));
        java.util.Collections.shuffle(deps, new java.util.Random(4));
        LeadTime lt = DoraDataset.of(DoraEvents.builder().history("shop", history).deployments(deps).build())
                .leadTime(days(0, 5));
        // the first deployment (at 1 h) has no previous one: 99 changes of 0.75 h each
        assertEquals(99, lt.summary().sampleSize());
        assertEquals(0.75 * HOUR, lt.summary().medianMillis().getAsDouble());
        assertEquals(1, lt.deploymentsWithoutChanges());
        assertEquals(100, lt.deployments());
    }

    @Test
    void leadTime_previousLinkToOtherStream_ignored() {
        Deployment other = in("staging", ok("s1", h(1)));
        Deployment d1 = ok("d1", h(10));
        Deployment d2 = Deployment.builder("d2", "shop").at(h(13), h(14)).previous("s1").build();
        DoraEvents events = DoraEvents.builder()
                .history("shop", List.of(commit("a1a1", h(5), h(5)), commit("b2b2", h(12), h(12))))
                .deployments(other, d1, d2)
                .build();
        assertEquals(1, DoraDataset.of(events).leadTime(Interval.of(h(13.5), h(15))).summary().sampleSize());
    }

    @Test
    void deploymentFrequency_eightWeeks_monthlyAtExactlyOne() {
        DoraEvents events = DoraEvents.builder().deployments(ok("a", day(0, 9))).build();
        // week rows: Jan 1, 8, 15, 22, 29 -> 1 deployed week in January; Feb 5, 12, 19 -> 0: median of
        // [0, 0, 0, 1, 1, 1, 1, 1] is exactly 1 -> MONTHLY
        assertEquals(FourKeysBucket.MONTHLY, DoraDataset.of(events).deploymentFrequency(days(0, 56)).fourKeysBucket());
    }

    @Test
    void window_limits() {
        DoraDataset ds = DoraDataset.of(DoraEvents.builder().deployments(ok("a", day(0, 9))).build());
        assertEquals(DoraDataset.MAX_WINDOW_DAYS,
                ds.deploymentFrequency(days(0, DoraDataset.MAX_WINDOW_DAYS)).calendarDays());
        assertThrows(IllegalArgumentException.class, () -> ds.deploymentFrequency(days(0, DoraDataset.MAX_WINDOW_DAYS + 1)));
        long edge = (1L << 53) / 1000;
        DoraEvents ok = DoraEvents.builder().deployments(ok("x", Instant.ofEpochSecond(edge))).build();
        assertEquals(1, DoraDataset.of(ok).deploymentCount());
        DoraEvents low = DoraEvents.builder().incidents(incident("i", Instant.ofEpochSecond(-edge),
                Instant.ofEpochSecond(-edge + 1))).build();
        assertEquals(0, DoraDataset.of(low).deploymentCount());
        DoraEvents past = DoraEvents.builder().deployments(ok("x", Instant.ofEpochSecond(edge + 1))).build();
        assertThrows(IllegalArgumentException.class, () -> DoraDataset.of(past));
        DoraEvents before = DoraEvents.builder().incidents(incident("i", Instant.ofEpochSecond(-edge - 1),
                Instant.ofEpochSecond(-edge))).build();
        assertThrows(IllegalArgumentException.class, () -> DoraDataset.of(before));
        assertEquals(DoraConfig.ofDefaults(), DoraDataset.of(DoraEvents.builder().build()).config());
    }

    @Test
    void attribution_causeOnly_usesExplicitCause() {
        DoraEvents events = DoraEvents.builder()
                .deployments(ok("d1", h(1)), ok("d2", h(2)))
                .incidents(causedBy("i", "d1", h(3), h(4)))
                .build();
        ChangeFailureRate cfr = DoraDataset.of(events,
                DoraConfig.custom().incidentAttribution(IncidentAttribution.causeOnly()).build()).changeFailureRate(days(0, 1));
        assertEquals(1, cfr.failedByIncidentOnly());
    }
}
