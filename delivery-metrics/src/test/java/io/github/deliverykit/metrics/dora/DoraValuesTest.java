package io.github.deliverykit.metrics.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import io.github.deliverykit.metrics.dora.DoraReport.ChangeFailureRate;
import io.github.deliverykit.metrics.dora.DoraReport.DeploymentFrequency;
import io.github.deliverykit.metrics.dora.DoraReport.LeadTime;
import io.github.deliverykit.metrics.dora.DoraReport.TimeToRestore;
import io.github.deliverykit.metrics.dora.DoraReport.RecoveryTime;
import io.github.deliverykit.metrics.dora.DoraConfig.CommitScope;
import io.github.deliverykit.metrics.dora.DoraConfig.LeadTimeStart;
import io.github.deliverykit.metrics.dora.DoraConfig.IncidentAttribution;
import io.github.deliverykit.metrics.dora.DoraAssessment.DoraMetric;
import io.github.deliverykit.metrics.dora.DoraAssessment.FourKeysBucket;
import io.github.deliverykit.metrics.dora.DoraDataset.Slice;
import io.github.deliverykit.metrics.dora.DoraDataset.SliceDimension;
import io.github.deliverykit.metrics.dora.DoraDataset.DoraCounts;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.Measure;

final class DoraValuesTest {

    private static final OptionalDouble NONE = OptionalDouble.empty();
    private static final OptionalDouble ONE = OptionalDouble.of(1);

    @Test
    void config_defaultsBuilderAndCopy() {
        DoraConfig d = DoraConfig.ofDefaults();
        assertEquals(DoraConfig.DEFAULT_PRODUCTION_ENVIRONMENTS, d.productionEnvironments());
        assertEquals(CommitScope.LISTED_OR_RANGE, d.commitScope());
        assertEquals(LeadTimeStart.AUTHORED, d.leadTimeStart());
        assertEquals(ZoneId.of("Z"), d.zone());
        assertEquals(DayOfWeek.MONDAY, d.firstDayOfWeek());
        assertEquals(QuantileDefinition.LINEAR, d.quantileDefinition());
        assertEquals(Map.of(), d.teams());
        assertEquals("unassigned", d.teamOf("x"));
        DoraConfig c = DoraConfig.custom().productionEnvironments(List.of("prod", "live")).commitScope(CommitScope.RANGE)
                .leadTimeStart(LeadTimeStart.COMMITTED).zone(ZoneId.of("Europe/Paris"))
                .firstDayOfWeek(DayOfWeek.SUNDAY).quantileDefinition(QuantileDefinition.LOWER)
                .teams(Map.of("shop", "web")).unassignedTeam("nobody").build();
        DoraConfig copy = DoraConfig.from(c).build();
        assertNotSame(c, copy);
        assertEquals(c.toString(), copy.toString());
        assertEquals("DoraConfig[production=[live, prod], commitScope=RANGE, leadTimeStart=COMMITTED, "
                + "zone=Europe/Paris, firstDayOfWeek=SUNDAY, quantiles=LOWER, teams=1]", copy.toString());
        assertEquals("web", copy.teamOf("shop"));
        assertEquals("nobody", copy.teamOf("cart"));
        assertSame(c.incidentAttribution(), copy.incidentAttribution());
        assertEquals(c.productionEnvironments(), copy.productionEnvironments());
        assertEquals(DayOfWeek.SUNDAY, copy.firstDayOfWeek());
        assertEquals(QuantileDefinition.LOWER, copy.quantileDefinition());
        assertEquals(ZoneId.of("Europe/Paris"), copy.zone());
        assertEquals(CommitScope.RANGE, copy.commitScope());
        assertEquals(LeadTimeStart.COMMITTED, copy.leadTimeStart());
    }

    @Test
    void config_badValues() {
        DoraConfig.Builder b = DoraConfig.custom();
        assertThrows(IllegalArgumentException.class, () -> b.productionEnvironments(List.of()));
        assertThrows(IllegalArgumentException.class, () -> b.productionEnvironments(null));
        assertThrows(IllegalArgumentException.class, () -> b.productionEnvironments(List.of("ok", " ")));
        assertThrows(IllegalArgumentException.class, () -> b.incidentAttribution(null));
        assertThrows(IllegalArgumentException.class, () -> b.attributionBound(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.attributionBound(null));
        assertThrows(IllegalArgumentException.class, () -> b.commitScope(null));
        assertThrows(IllegalArgumentException.class, () -> b.leadTimeStart(null));
        assertThrows(IllegalArgumentException.class, () -> b.zone(null));
        assertThrows(IllegalArgumentException.class, () -> b.firstDayOfWeek(null));
        assertThrows(IllegalArgumentException.class, () -> b.quantileDefinition(null));
        assertThrows(IllegalArgumentException.class, () -> b.teams(null));
        assertThrows(IllegalArgumentException.class, () -> b.teams(Map.of(" ", "x")));
        assertThrows(IllegalArgumentException.class, () -> b.teams(Map.of("x", "")));
        assertThrows(IllegalArgumentException.class, () -> b.unassignedTeam(" "));
        assertThrows(IllegalArgumentException.class, () -> DoraConfig.from(null));
        assertThrows(IllegalArgumentException.class, () -> IncidentAttribution.causeOrLatestWithin(Duration.ofHours(-1)));
    }

    @Test
    void durationSummary_validation() {
        assertThrows(IllegalArgumentException.class, () -> new DurationSummary(0, ONE, NONE, NONE, NONE));
        assertThrows(IllegalArgumentException.class, () -> new DurationSummary(0, NONE, ONE, NONE, NONE));
        assertThrows(IllegalArgumentException.class, () -> new DurationSummary(0, NONE, NONE, ONE, NONE));
        assertThrows(IllegalArgumentException.class, () -> new DurationSummary(0, NONE, NONE, NONE, ONE));
        assertThrows(IllegalArgumentException.class, () -> new DurationSummary(1, NONE, ONE, ONE, ONE));
        assertThrows(IllegalArgumentException.class, () -> new DurationSummary(-1, NONE, NONE, NONE, NONE));
        assertThrows(IllegalArgumentException.class, () -> new DurationSummary(1, null, ONE, ONE, ONE));
        assertThrows(IllegalArgumentException.class, () -> new DurationSummary(1, ONE, null, ONE, ONE));
        assertThrows(IllegalArgumentException.class, () -> new DurationSummary(1, ONE, ONE, null, ONE));
        assertThrows(IllegalArgumentException.class, () -> new DurationSummary(1, ONE, ONE, ONE, null));
        DurationSummary s = new DurationSummary(1, OptionalDouble.of(1.5), OptionalDouble.of(2), OptionalDouble.of(3),
                OptionalDouble.of(0.0000004));
        assertTrue(s.hasData());
        assertEquals(Duration.ofNanos(1_500_000), s.median().orElseThrow());
        assertEquals(Duration.ofMillis(3), s.p95().orElseThrow());
        assertEquals(Duration.ZERO, s.mean().orElseThrow());
        assertFalse(DurationSummary.empty().hasData());
        assertEquals(Optional.empty(), DurationSummary.empty().p90());
    }

    @Test
    void rates_andCounts() {
        assertThrows(IllegalArgumentException.class, () -> new Rate(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Rate(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Rate(0, -1));
        assertEquals(new Rate(3, 7), new Rate(1, 3).plus(new Rate(2, 4)));
        assertThrows(IllegalArgumentException.class, () -> new Rate(1, 1).plus(null));
        assertThrows(IllegalArgumentException.class, () -> new Rate(0, Long.MAX_VALUE).plus(new Rate(0, 1)));
        assertEquals(1.0, new Rate(1, 1).value().getAsDouble());
        assertEquals(0.0, new Rate(0, 1).value().getAsDouble());
        DoraCounts one = new DoraCounts(1, 2, 3, 4, 5, 6, 7, 8);
        assertEquals(new DoraCounts(2, 4, 6, 8, 10, 12, 14, 16), one.plus(one));
        assertEquals(one, one.plus(DoraCounts.ZERO));
        assertThrows(IllegalArgumentException.class, () -> one.plus(null));
        assertThrows(IllegalArgumentException.class,
                () -> one.plus(new DoraCounts(0, 0, 0, 0, 0, 0, 0, Long.MAX_VALUE)));
        long[] fields = new long[8];
        for (int i = 0; i < 8; i++) {
            long[] f = fields.clone();
            f[i] = -1;
            assertThrows(IllegalArgumentException.class,
                    () -> new DoraCounts(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]), "field " + i);
            long[] g = fields.clone();
            g[i] = Long.MAX_VALUE;
            DoraCounts big = new DoraCounts(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]);
            assertThrows(IllegalArgumentException.class, () -> big.plus(big), "field " + i);
        }
        assertEquals(Long.MIN_VALUE + 1, DoraCounts.add(Long.MIN_VALUE, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> DoraCounts.add(Long.MIN_VALUE, -1, "x"));
    }

    @Test
    void figures_validation() {
        DurationSummary one = new DurationSummary(1, ONE, ONE, ONE, ONE);
        assertThrows(IllegalArgumentException.class, () -> new LeadTime(null, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LeadTime(one, -1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LeadTime(one, 0, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LeadTime(one, 0, 0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LeadTime(one, 0, 0, 1, 2));
        assertEquals(1, new LeadTime(one, 0, 0, 1, 1).deploymentsWithoutChanges());
        assertThrows(IllegalArgumentException.class, () -> new ChangeFailureRate(1, 2, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChangeFailureRate(2, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChangeFailureRate(-1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChangeFailureRate(2, 1, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> new ChangeFailureRate(2, 1, 2, -1));
        assertEquals(0.5, new ChangeFailureRate(2, 1, 1, 0).value().getAsDouble());
        assertThrows(IllegalArgumentException.class, () -> new TimeToRestore(one, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new TimeToRestore(one, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new TimeToRestore(null, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TimeToRestore(one, -1, 0));
        assertEquals(2, new TimeToRestore(one, 2, 1).incidents());
        assertThrows(IllegalArgumentException.class, () -> new RecoveryTime(one, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new RecoveryTime(one, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new RecoveryTime(null, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RecoveryTime(one, -1, 0));
        assertEquals(1, new RecoveryTime(one, 2, 1).unrecovered());
        double[] ok = {1, 1, 1, 1, 1, 0, 0, 0, 0};
        for (int i = 0; i < 9; i++) {
            double[] f = ok.clone();
            f[i] = i == 5 ? 2 : -1;
            assertThrows(IllegalArgumentException.class, () -> new DeploymentFrequency((long) f[0], f[1], f[2], f[3],
                    (long) f[4], (long) f[5], f[6], f[7], f[8], FourKeysBucket.DAILY), "field " + i);
        }
        assertThrows(IllegalArgumentException.class,
                () -> new DeploymentFrequency(1, 1, 1, 1, 1, 0, 0, 0, 0, null));
    }

    @Test
    void slices_andEvents() {
        assertEquals("all", Slice.ALL.toString());
        assertEquals("service=shop", Slice.of(SliceDimension.SERVICE, "shop").toString());
        assertThrows(IllegalArgumentException.class, () -> Slice.of(SliceDimension.ALL, "shop"));
        assertThrows(IllegalArgumentException.class, () -> Slice.of(null, "shop"));
        assertThrows(IllegalArgumentException.class, () -> Slice.of(SliceDimension.TEAM, " "));
        assertThrows(IllegalArgumentException.class, () -> DoraEvents.builder().history(" ", List.of()));
        assertThrows(IllegalArgumentException.class, () -> DoraEvents.builder().deployments((List<io.github.deliverykit.core.event.Deployment>) null));
        assertThrows(IllegalArgumentException.class, () -> DoraEvents.builder().incidents(Arrays.asList((io.github.deliverykit.core.event.Incident) null)));
        assertThrows(IllegalArgumentException.class, () -> DoraEvents.builder().commits(Arrays.asList((Commit) null)));
        Map<String, List<Commit>> h = new HashMap<>();
        h.put("shop", null);
        assertThrows(IllegalArgumentException.class, () -> new DoraEvents(List.of(), List.of(), List.of(), h));
        assertThrows(IllegalArgumentException.class, () -> new DoraEvents(List.of(), List.of(), List.of(), null));
        Map<String, List<Commit>> blank = new HashMap<>();
        blank.put(" ", List.of());
        assertThrows(IllegalArgumentException.class, () -> new DoraEvents(List.of(), List.of(), List.of(), blank));
        List<Commit> mutable = new ArrayList<>(List.of(Commit.of("aaaa", Events.T0)));
        DoraEvents e = DoraEvents.builder().history("shop", mutable).history("shop", List.of(Commit.of("bbbb", Events.T0)))
                .build();
        mutable.clear();
        assertEquals(2, e.histories().get("shop").size());
        assertThrows(UnsupportedOperationException.class, () -> e.histories().put("x", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DoraAssessment(" ", Map.of(), Optional.empty(), false,
                Findings.none()));
        assertThrows(IllegalArgumentException.class, () -> new DoraAssessment("x", null, Optional.empty(), false,
                Findings.none()));
        assertThrows(IllegalArgumentException.class, () -> new DoraAssessment("x", Map.of(), null, false,
                Findings.none()));
        assertThrows(IllegalArgumentException.class, () -> new DoraAssessment("x", Map.of(), Optional.empty(), false,
                null));
        assertEquals(Optional.empty(), new DoraAssessment("x", Map.of(), Optional.empty(), false, Findings.none())
                .bandOf(DoraMetric.REWORK_RATE));
        assertEquals("lead-time", DoraMetric.LEAD_TIME_FOR_CHANGES.code());
        assertThrows(IllegalArgumentException.class, () -> Measure.REWORK_RATE.of(null));
        assertThrows(IllegalArgumentException.class, () -> DoraConfig.ofDefaults().teamOf(null));
        assertThrows(IllegalArgumentException.class, () -> IncidentAttribution.causeOnly().causeOf(null, null));
        assertThrows(IllegalArgumentException.class,
                () -> IncidentAttribution.causeOrLatestWithin(Duration.ofHours(1)).causeOf(null, null));
        assertThrows(IllegalArgumentException.class, () -> IncidentAttribution.causeOnly()
                .causeOf(Events.incident("i", Events.h(1), Events.h(2)), null));
    }
}
