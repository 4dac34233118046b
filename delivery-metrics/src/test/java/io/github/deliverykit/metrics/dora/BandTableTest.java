package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.metric.Comparison;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.time.Interval;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import io.github.deliverykit.metrics.dora.DoraReport.ChangeFailureRate;
import io.github.deliverykit.metrics.dora.DoraReport.DeploymentFrequency;
import io.github.deliverykit.metrics.dora.DoraReport.LeadTime;
import io.github.deliverykit.metrics.dora.DoraReport.TimeToRestore;
import io.github.deliverykit.metrics.dora.DoraReport.RecoveryTime;
import io.github.deliverykit.metrics.dora.DoraAssessment.DoraMetric;
import io.github.deliverykit.metrics.dora.DoraAssessment.MetricAssessment;
import io.github.deliverykit.metrics.dora.DoraAssessment.FourKeysBucket;
import io.github.deliverykit.metrics.dora.DoraDataset.Slice;
import io.github.deliverykit.metrics.dora.DoraDataset.DoraCounts;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.BandTable;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.BandRule;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.Measure;

final class BandTableTest {

    private static final double HOUR = 3_600_000.0;
    private static final double MS = 1.0 / HOUR;

    /** A report whose measures are given; durations in hours, NaN for "no data". */
    static DoraReport report(double perDay, double week, double month, double six, double leadHours, double cfr,
            double ttrMedian, double ttrMean, double recovery, double rework) {
        Instant t0 = Events.T0;
        DeploymentFrequency df = new DeploymentFrequency(Math.round(perDay * 28), 28, perDay, perDay * 7, 28, 0, week,
                month, six, FourKeysBucket.YEARLY);
        LeadTime lt = new LeadTime(summary(leadHours, leadHours), 0, 0, 1, 0);
        ChangeFailureRate c = Double.isNaN(cfr) ? new ChangeFailureRate(0, 0, 0, 0)
                : new ChangeFailureRate(1_000_000_000L, Math.round(cfr * 1_000_000_000L),
                        Math.round(cfr * 1_000_000_000L), 0);
        DurationSummary ttrSummary = summary(ttrMedian, ttrMean);
        TimeToRestore ttr = new TimeToRestore(ttrSummary, ttrSummary.sampleSize(), 0);
        DurationSummary rec = summary(recovery, recovery);
        RecoveryTime rt = new RecoveryTime(rec, rec.sampleSize(), 0);
        Rate rw = Double.isNaN(rework) ? new Rate(0, 0) : new Rate(Math.round(rework * 1000), 1000);
        return new DoraReport(Interval.of(t0, t0.plusSeconds(28 * 86_400)), Slice.ALL, df, lt, c, ttr, rt, rw,
                DoraCounts.ZERO);
    }

    private static DurationSummary summary(double medianHours, double meanHours) {
        if (Double.isNaN(medianHours)) {
            return DurationSummary.empty();
        }
        return new DurationSummary(1, OptionalDouble.of(medianHours * HOUR), OptionalDouble.of(medianHours * HOUR),
                OptionalDouble.of(medianHours * HOUR), OptionalDouble.of(meanHours * HOUR));
    }

    static DoraReport lead(double hours) {
        return report(0, 0, 0, 0, hours, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    static DoraReport cfr(double rate) {
        return report(0, 0, 0, 0, Double.NaN, rate, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    static DoraReport restore(double median, double mean) {
        return report(0, 0, 0, 0, Double.NaN, Double.NaN, median, mean, Double.NaN, Double.NaN);
    }

    static DoraReport recovery(double hours) {
        return report(0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, hours, Double.NaN);
    }

    static DoraReport frequency(double perDay, double week, double month, double six) {
        return report(perDay, week, month, six, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                // dora-2021
                Arguments.of("dora-2021", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(0, 7, 28, 28), "elite"),
                Arguments.of("dora-2021", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(0, 6.5, 1, 1), "high"),
                Arguments.of("dora-2021", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(0, 0, 0.5, 1), "medium"),
                Arguments.of("dora-2021", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(0, 0, 0, 0.5), "low"),
                Arguments.of("dora-2021", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(1 - MS), "elite"),
                Arguments.of("dora-2021", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(1), "high"),
                Arguments.of("dora-2021", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(168), "medium"),
                Arguments.of("dora-2021", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(4320 - MS), "medium"),
                Arguments.of("dora-2021", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(4320), "low"),
                Arguments.of("dora-2021", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.15), "elite"),
                Arguments.of("dora-2021", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.150000001), "high"),
                Arguments.of("dora-2021", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.20), "high"),
                Arguments.of("dora-2021", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.30), "medium"),
                Arguments.of("dora-2021", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.300000001), "low"),
                Arguments.of("dora-2021", DoraMetric.TIME_TO_RESTORE, restore(1 - MS, 9), "elite"),
                Arguments.of("dora-2021", DoraMetric.TIME_TO_RESTORE, restore(1, 0), "high"),
                Arguments.of("dora-2021", DoraMetric.TIME_TO_RESTORE, restore(24, 0), "medium"),
                Arguments.of("dora-2021", DoraMetric.TIME_TO_RESTORE, restore(168, 0), "low"),
                // dora-2023
                Arguments.of("dora-2023", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(0, 7, 28, 28), "elite"),
                Arguments.of("dora-2023", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(0, 1, 4, 24), "high"),
                Arguments.of("dora-2023", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(0, 0.5, 1, 6), "medium"),
                Arguments.of("dora-2023", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(0, 0, 0.5, 3), "low"),
                Arguments.of("dora-2023", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(24 - MS), "elite"),
                Arguments.of("dora-2023", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(24), "high"),
                Arguments.of("dora-2023", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(168), "medium"),
                Arguments.of("dora-2023", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(720), "low"),
                Arguments.of("dora-2023", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.0), "elite"),
                Arguments.of("dora-2023", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.05), "elite"),
                Arguments.of("dora-2023", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.050000001), "high"),
                Arguments.of("dora-2023", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.10), "high"),
                Arguments.of("dora-2023", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.15), "medium"),
                Arguments.of("dora-2023", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.150000001), "low"),
                Arguments.of("dora-2023", DoraMetric.CHANGE_FAILURE_RATE, cfr(1.0), "low"),
                Arguments.of("dora-2023", DoraMetric.TIME_TO_RESTORE, restore(1 - MS, 0), "elite"),
                Arguments.of("dora-2023", DoraMetric.TIME_TO_RESTORE, restore(1, 0), "high"),
                Arguments.of("dora-2023", DoraMetric.TIME_TO_RESTORE, restore(24 - MS, 0), "high"),
                Arguments.of("dora-2023", DoraMetric.TIME_TO_RESTORE, restore(24, 0), "medium"),
                Arguments.of("dora-2023", DoraMetric.TIME_TO_RESTORE, restore(168, 0), "low"),
                // dora-2024
                Arguments.of("dora-2024", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(5, 7, 28, 28), "elite"),
                Arguments.of("dora-2024", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(0, 0.5, 0.5, 3), "low"),
                Arguments.of("dora-2024", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(720 - MS), "medium"),
                Arguments.of("dora-2024", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.05), "elite"),
                Arguments.of("dora-2024", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.10), "high"),
                Arguments.of("dora-2024", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.20), "high"),
                Arguments.of("dora-2024", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.200000001), "low"),
                Arguments.of("dora-2024", DoraMetric.FAILED_DEPLOYMENT_RECOVERY_TIME, recovery(1 - MS), "elite"),
                Arguments.of("dora-2024", DoraMetric.FAILED_DEPLOYMENT_RECOVERY_TIME, recovery(1), "high"),
                Arguments.of("dora-2024", DoraMetric.FAILED_DEPLOYMENT_RECOVERY_TIME, recovery(24), "medium"),
                Arguments.of("dora-2024", DoraMetric.FAILED_DEPLOYMENT_RECOVERY_TIME, recovery(168), "low"),
                // seed elite targets
                Arguments.of("seed-elite", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(1, 7, 28, 28), "below-elite"),
                Arguments.of("seed-elite", DoraMetric.DEPLOYMENT_FREQUENCY, frequency(1.0001, 7, 28, 28), "elite"),
                Arguments.of("seed-elite", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(1 - MS), "elite"),
                Arguments.of("seed-elite", DoraMetric.LEAD_TIME_FOR_CHANGES, lead(1), "below-elite"),
                Arguments.of("seed-elite", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.049999999), "elite"),
                Arguments.of("seed-elite", DoraMetric.CHANGE_FAILURE_RATE, cfr(0.05), "below-elite"),
                Arguments.of("seed-elite", DoraMetric.TIME_TO_RESTORE, restore(9, 1 - MS), "elite"),
                Arguments.of("seed-elite", DoraMetric.TIME_TO_RESTORE, restore(0.1, 1), "below-elite"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("boundaries")
    void classify_boundaries(String table, DoraMetric metric, DoraReport report, String band) {
        BandTable t = PerformanceBands.load().get(table).table();
        MetricAssessment a = t.classify(metric, report);
        assertEquals(Optional.of(band), a.band(), a.rule());
        assertEquals(t.bands().indexOf(band), a.rank());
    }

    @Test
    void load_findsBuiltInsAndTestProvider() {
        ProviderRegistry<PerformanceBands> registry = PerformanceBands.load();
        assertEquals(List.of("dora-2021", "dora-2023", "dora-2024", "seed-elite", "test-two-bands"), registry.ids());
        for (PerformanceBands p : registry.all()) {
            assertEquals(p.id(), p.table().id());
            assertEquals(0, p.priority());
        }
        assertEquals(List.of(DoraMetric.DEPLOYMENT_FREQUENCY, DoraMetric.LEAD_TIME_FOR_CHANGES,
                DoraMetric.CHANGE_FAILURE_RATE, DoraMetric.FAILED_DEPLOYMENT_RECOVERY_TIME),
                registry.get("dora-2024").table().metrics());
        assertEquals(List.of(DoraMetric.REWORK_RATE), registry.get("test-two-bands").table().metrics());
    }

    @Test
    void assess_overallIsWorstBand_withFindings() {
        DoraReport r = report(2, 7, 28, 28, 2, 0.12, 0.5, 0.5, Double.NaN, 0.1);
        DoraAssessment a = PerformanceBands.load().get("dora-2023").table().assess(r);
        assertEquals(Optional.of("elite"), a.bandOf(DoraMetric.DEPLOYMENT_FREQUENCY));
        assertEquals(Optional.of("elite"), a.bandOf(DoraMetric.LEAD_TIME_FOR_CHANGES));
        assertEquals(Optional.of("medium"), a.bandOf(DoraMetric.CHANGE_FAILURE_RATE));
        assertEquals(Optional.of("elite"), a.bandOf(DoraMetric.TIME_TO_RESTORE));
        assertEquals(Optional.empty(), a.bandOf(DoraMetric.REWORK_RATE));
        assertEquals(Optional.of("medium"), a.overall());
        assertFalse(a.partial());
        assertEquals(List.of("dora.deployment-frequency.band", "dora.lead-time.band", "dora.change-failure-rate.band",
                "dora.time-to-restore.band", "dora.overall.band"), a.findings().codes());
        assertEquals(Level.WARN, a.findings().find("dora.overall.band").orElseThrow().level());
        assertEquals(Level.PASS, a.findings().find("dora.lead-time.band").orElseThrow().level());
        assertEquals("medium", a.findings().find("dora.change-failure-rate.band").orElseThrow().fact("band"));
        assertEquals(a.findings().toText(), PerformanceBands.load().get("dora-2023").table().assess(r).findings().toText());
    }

    @Test
    void assess_allElite() {
        DoraReport r = report(2, 7, 28, 28, 0.5, 0.01, 0.5, 0.5, 0.5, 0.0);
        DoraAssessment a = PerformanceBands.load().get("dora-2021").table().assess(r);
        assertEquals(Optional.of("elite"), a.overall());
        assertEquals(Level.PASS, a.findings().find("dora.overall.band").orElseThrow().level());
    }

    @Test
    void assess_missingMetric_partialAndNoData() {
        DoraReport r = report(0.5, 3, 12, 60, Double.NaN, 0.5, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        DoraAssessment a = PerformanceBands.load().get("seed-elite").table().assess(r);
        assertEquals(Optional.of("below-elite"), a.overall());
        assertTrue(a.partial());
        assertEquals(Level.FAIL, a.findings().find("dora.overall.band").orElseThrow().level());
        assertTrue(a.findings().find("dora.lead-time.no-data").isPresent());
        assertEquals(Level.WARN, a.findings().find("dora.overall.partial").orElseThrow().level());

        DoraReport none = report(0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        DoraAssessment b = new TestTwoBands().table().assess(none);
        assertEquals(Optional.empty(), b.overall());
        assertFalse(b.partial());
        assertEquals(List.of("dora.rework-rate.no-data", "dora.overall.no-data"), b.findings().codes());
        assertEquals(-1, b.metrics().get(DoraMetric.REWORK_RATE).rank());
    }

    @Test
    void classify_noRuleHolds_worstBand() {
        BandTable t = new BandTable("t", "T", "test", List.of("good", "bad"),
                List.of(new BandRule("good", Measure.REWORK_RATE, Comparison.AT_MOST, 0.1)));
        MetricAssessment a = t.classify(DoraMetric.REWORK_RATE,
                report(0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.5));
        assertEquals(Optional.of("bad"), a.band());
        assertEquals("no rule held", a.rule());
        assertEquals(1, a.rank());
        assertEquals(0.5, a.value().getAsDouble(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> t.classify(DoraMetric.CHANGE_FAILURE_RATE, lead(1)));
    }

    @Test
    void measures_readTheReport() {
        DoraReport r = report(2, 3, 4, 5, 6, 0.25, 7, 8, 9, 0.5);
        assertEquals(2, Measure.DEPLOYMENTS_PER_DAY.of(r).getAsDouble());
        assertEquals(3, Measure.MEDIAN_DEPLOYMENT_DAYS_PER_WEEK.of(r).getAsDouble());
        assertEquals(4, Measure.MEDIAN_DEPLOYMENT_DAYS_PER_MONTH.of(r).getAsDouble());
        assertEquals(5, Measure.MEDIAN_DEPLOYMENT_DAYS_PER_SIX_MONTHS.of(r).getAsDouble());
        assertEquals(6, Measure.LEAD_TIME_MEDIAN_HOURS.of(r).getAsDouble(), 1e-9);
        assertEquals(0.25, Measure.CHANGE_FAILURE_RATE.of(r).getAsDouble(), 1e-9);
        assertEquals(7, Measure.TIME_TO_RESTORE_MEDIAN_HOURS.of(r).getAsDouble(), 1e-9);
        assertEquals(8, Measure.TIME_TO_RESTORE_MEAN_HOURS.of(r).getAsDouble(), 1e-9);
        assertEquals(9, Measure.RECOVERY_TIME_MEDIAN_HOURS.of(r).getAsDouble(), 1e-9);
        assertEquals(0.5, Measure.REWORK_RATE.of(r).getAsDouble(), 1e-9);
        for (Measure m : Measure.values()) {
            assertTrue(m.metric() != null);
        }
    }

    @Test
    void comparisons_andRules() {
        assertTrue(new BandRule("b", Measure.REWORK_RATE, Comparison.LESS_THAN, 2).test(1));
        assertFalse(new BandRule("b", Measure.REWORK_RATE, Comparison.LESS_THAN, 2).test(2));
        assertTrue(new BandRule("b", Measure.REWORK_RATE, Comparison.AT_MOST, 2).test(2));
        assertFalse(new BandRule("b", Measure.REWORK_RATE, Comparison.AT_MOST, 2).test(2.5));
        assertTrue(new BandRule("b", Measure.REWORK_RATE, Comparison.AT_LEAST, 2).test(2));
        assertFalse(new BandRule("b", Measure.REWORK_RATE, Comparison.AT_LEAST, 2).test(1));
        assertTrue(new BandRule("b", Measure.REWORK_RATE, Comparison.GREATER_THAN, 2).test(3));
        assertFalse(new BandRule("b", Measure.REWORK_RATE, Comparison.GREATER_THAN, 2).test(2));
        assertTrue(BandRule.otherwise("b", Measure.REWORK_RATE).test(-1));
        assertEquals("CHANGE_FAILURE_RATE <= 0.05",
                new BandRule("elite", Measure.CHANGE_FAILURE_RATE, Comparison.AT_MOST, 0.05).describe());
        assertEquals("otherwise", BandRule.otherwise("low", Measure.CHANGE_FAILURE_RATE).describe());
        assertEquals("<", Comparison.LESS_THAN.symbol());
    }

    @Test
    void badTables_illegalArgument() {
        List<BandRule> none = List.of();
        assertThrows(IllegalArgumentException.class, () -> new BandTable("t", "T", "s", List.of("only"), none));
        assertThrows(IllegalArgumentException.class, () -> new BandTable("t", "T", "s", List.of("a", "a"), none));
        assertThrows(IllegalArgumentException.class, () -> new BandTable("t", "T", "s", List.of("a", " "), none));
        assertThrows(IllegalArgumentException.class, () -> new BandTable("t", "T", "s", List.of("a", "b"),
                List.of(BandRule.otherwise("c", Measure.REWORK_RATE))));
        assertThrows(IllegalArgumentException.class, () -> new BandTable(" ", "T", "s", List.of("a", "b"), none));
        assertThrows(IllegalArgumentException.class,
                () -> new BandRule("a", Measure.REWORK_RATE, Comparison.AT_MOST, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new BandRule("a", null, Comparison.AT_MOST, 1));
        assertThrows(IllegalArgumentException.class, () -> new BandRule("a", Measure.REWORK_RATE, null, 1));
        BandTable t = new TestTwoBands().table();
        assertThrows(IllegalArgumentException.class, () -> t.assess(null));
        assertThrows(IllegalArgumentException.class, () -> t.classify(null, lead(1)));
        assertThrows(IllegalArgumentException.class, () -> t.classify(DoraMetric.REWORK_RATE, null));
        assertThrows(IllegalArgumentException.class, () -> new MetricAssessment(DoraMetric.REWORK_RATE,
                Optional.of("a"), -1, OptionalDouble.empty(), "x"));
        assertThrows(IllegalArgumentException.class, () -> new MetricAssessment(DoraMetric.REWORK_RATE,
                Optional.empty(), 0, OptionalDouble.empty(), "x"));
        assertThrows(IllegalArgumentException.class, () -> new MetricAssessment(DoraMetric.REWORK_RATE,
                Optional.empty(), -2, OptionalDouble.empty(), "x"));
    }
}
