package io.github.deliverykit.metrics.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DoraConfig.CommitScope;
import io.github.deliverykit.metrics.dora.DoraDataset.Slice;
import io.github.deliverykit.metrics.dora.DoraDataset.SliceDimension;
import io.github.deliverykit.metrics.dora.DoraReport.DeploymentFrequency;
import io.github.deliverykit.metrics.dora.DoraReport.LeadTime;
import io.github.deliverykit.metrics.dora.DoraReport.TimeToRestore;
import io.github.deliverykit.metrics.stats.Quantiles;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The indexed window queries (order-statistic index, prefix counts, day runs) against a naive
 * reference computed straight from the events: every changed query, random events, random windows
 * (sub-day edges included), slices, zones with and without daylight saving, each quantile definition.
 */
final class IndexVersusNaiveTest {

    private static final List<String> PRODUCTION = List.of("production", "production-eu");

    @Property(tries = 2000)
    void windowQueries_equalNaive(@ForAll long seed) {
        Random r = new Random(seed);
        DoraEvents events = DoraPropertiesTest.randomEvents(seed);
        ZoneId zone = r.nextBoolean() ? ZoneOffset.UTC : ZoneId.of(r.nextBoolean() ? "Europe/Berlin" : "America/St_Johns");
        QuantileDefinition def = QuantileDefinition.values()[r.nextInt(3)];
        DoraConfig config = DoraConfig.custom().productionEnvironments(PRODUCTION).commitScope(CommitScope.LISTED)
                .leadTimeStart(r.nextBoolean() ? DoraConfig.LeadTimeStart.AUTHORED : DoraConfig.LeadTimeStart.COMMITTED)
                .zone(zone).quantileDefinition(def).build();
        DoraDataset dataset = DoraDataset.of(events, config);
        for (int q = 0; q < 3; q++) {
            Instant a = Events.T0.plusSeconds(r.nextInt(22 * 86_400) - 86_400);
            Instant b = a.plusSeconds(1 + r.nextInt(r.nextBoolean() ? 3 * 86_400 : 22 * 86_400));
            Interval window = Interval.of(a, b);
            String service = r.nextInt(3) == 0 ? null : new String[] {"shop", "cart", "pay", "none"}[r.nextInt(4)];
            Slice slice = service == null ? Slice.ALL : Slice.of(SliceDimension.SERVICE, service);
            DoraReport report = dataset.report(window, slice);
            Naive naive = new Naive(events, config, window, service);
            LeadTime lt = report.leadTime();
            assertSummary(naive.leadTimes, lt.summary(), def, "lead time");
            assertEquals(naive.dropped, lt.nonPositiveDropped(), "dropped");
            assertEquals(naive.successful, lt.deployments(), "lead-time deployments");
            TimeToRestore ttr = report.timeToRestore();
            assertSummary(naive.restores, ttr.summary(), def, "time to restore");
            assertEquals(naive.incidents, ttr.incidents(), "incidents");
            assertEquals(naive.incidents - naive.restores.size(), ttr.open(), "open incidents");
            DeploymentFrequency df = report.deploymentFrequency();
            assertEquals(naive.successful, df.deployments(), "deployments");
            assertEquals(naive.days.size(), df.deploymentDays(), "deployment days");
            assertEquals(naive.finished, report.changeFailureRate().deployments(), "finished");
            assertEquals(naive.failedByOutcome, report.changeFailureRate().failedByOutcome(), "failed by outcome");
            assertEquals(events.incidents().isEmpty(), !report.changeFailureRate().incidentData(), "incident data");
            if (slice == Slice.ALL) {
                assertEquals(lt, dataset.leadTime(window));
                assertEquals(ttr, dataset.timeToRestore(window));
                assertEquals(df, dataset.deploymentFrequency(window));
            }
        }
    }

    @Property(tries = 1000)
    void leadTimeHistogram_equalsNaiveCountOverTheEvents(@ForAll long seed) {
        Random r = new Random(seed);
        DoraEvents events = DoraPropertiesTest.randomEvents(seed);
        DoraConfig config = DoraConfig.custom().productionEnvironments(PRODUCTION).commitScope(CommitScope.LISTED)
                .leadTimeStart(r.nextBoolean() ? DoraConfig.LeadTimeStart.AUTHORED : DoraConfig.LeadTimeStart.COMMITTED)
                .build();
        DoraDataset dataset = DoraDataset.of(events, config);
        // random bounds: sub-millisecond fractions, equal after rounding, far beyond every lead time
        TreeSet<Duration> set = new TreeSet<>();
        int k = 2 + r.nextInt(7);
        while (set.size() < k) {
            switch (r.nextInt(4)) {
                case 0 -> set.add(Duration.ofMillis(r.nextInt(3_600_000)));
                case 1 -> set.add(Duration.ofSeconds(r.nextInt(300_000), r.nextInt(1_000_000_000)));
                case 2 -> set.add(Duration.ofNanos(r.nextInt(3_000_000)));
                default -> set.add(r.nextBoolean() ? Duration.ZERO : Duration.ofSeconds(Long.MAX_VALUE / 2));
            }
        }
        List<Duration> bounds = List.copyOf(set);
        for (int q = 0; q < 3; q++) {
            Instant a = Events.T0.plusSeconds(r.nextInt(22 * 86_400) - 86_400);
            Instant b = a.plusSeconds(1 + r.nextInt(22 * 86_400));
            Interval window = Interval.of(a, b);
            String service = r.nextInt(3) == 0 ? null : new String[] {"shop", "cart", "pay", "none"}[r.nextInt(4)];
            Slice slice = service == null ? Slice.ALL : Slice.of(SliceDimension.SERVICE, service);
            LeadTimeHistogram h = dataset.leadTimeHistogram(window, slice, bounds);
            Naive naive = new Naive(events, config, window, service);
            long[] expected = new long[bounds.size() - 1];
            long below = 0;
            long above = 0;
            for (long lt : naive.leadTimes) {
                Duration d = Duration.ofMillis(lt);
                if (d.compareTo(bounds.get(0)) < 0) {
                    below++;
                } else if (d.compareTo(bounds.get(bounds.size() - 1)) >= 0) {
                    above++;
                } else {
                    int i = 0;
                    while (d.compareTo(bounds.get(i + 1)) >= 0) {
                        i++;
                    }
                    expected[i]++;
                }
            }
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], h.count(i), "bucket " + i + " of " + bounds);
            }
            assertEquals(below, h.below(), "below " + bounds);
            assertEquals(above, h.atOrAbove(), "at or above " + bounds);
            assertEquals(naive.leadTimes.size(), h.total());
            assertEquals(dataset.report(window, slice).leadTime().summary().sampleSize(), h.total());
            if (slice == Slice.ALL) {
                assertEquals(h, dataset.leadTimeHistogram(window, bounds));
            }
        }
    }

    private static void assertSummary(List<Long> values, DurationSummary summary, QuantileDefinition def, String what) {
        assertEquals(values.size(), summary.sampleSize(), what + " size");
        if (values.isEmpty()) {
            assertTrue(summary.medianMillis().isEmpty(), what);
            return;
        }
        double[] sample = new double[values.size()];
        double sum = 0;
        for (int i = 0; i < sample.length; i++) {
            sample[i] = values.get(i);
            sum += values.get(i);
        }
        double[] q = Quantiles.quantiles(sample, def, 0.5, 0.9, 0.95);
        assertEquals(q[0], summary.medianMillis().getAsDouble(), what + " median");
        assertEquals(q[1], summary.p90Millis().getAsDouble(), what + " p90");
        assertEquals(q[2], summary.p95Millis().getAsDouble(), what + " p95");
        OptionalDouble mean = summary.meanMillis();
        assertEquals(sum / sample.length, mean.getAsDouble(), 1e-9 * Math.abs(sum / sample.length), what + " mean");
    }

    /** The figures by a plain walk over the events. */
    private static final class Naive {
        final List<Long> leadTimes = new ArrayList<>();
        final List<Long> restores = new ArrayList<>();
        final Set<LocalDate> days = new HashSet<>();
        long dropped;
        long successful;
        long finished;
        long failedByOutcome;
        long incidents;

        Naive(DoraEvents events, DoraConfig config, Interval window, String service) {
            Map<String, Commit> bySha = new HashMap<>();
            for (Commit c : events.commits()) {
                bySha.putIfAbsent(c.sha().toLowerCase(Locale.ROOT), c);
            }
            boolean authored = config.leadTimeStart() == DoraConfig.LeadTimeStart.AUTHORED;
            List<Deployment> deps = new ArrayList<>();
            for (Deployment d : events.deployments()) {
                if (d.finished() != null && PRODUCTION.contains(d.environment())) {
                    deps.add(d);
                }
            }
            deps.sort(Comparator.comparing(Deployment::finished).thenComparing(Deployment::id));
            Map<String, Set<String>> seen = new HashMap<>(); // per stream, shas already shipped
            for (Deployment d : deps) {
                Set<String> shipped = seen.computeIfAbsent(d.service() + "\u0000" + d.environment(), k -> new HashSet<>());
                boolean in = window.contains(d.finished()) && (service == null || service.equals(d.service()));
                if (in) {
                    finished++;
                    if (d.isFailure()) {
                        failedByOutcome++;
                    }
                }
                if (d.isFailure()) {
                    continue;
                }
                if (in) {
                    successful++;
                    days.add(LocalDate.ofInstant(d.finished(), config.zone()));
                }
                for (String sha : d.commits()) {
                    Commit c = bySha.get(sha.toLowerCase(Locale.ROOT));
                    if (c == null || !shipped.add(sha.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    if (in) {
                        long lt = d.finished().toEpochMilli() - (authored ? c.authored() : c.committed()).toEpochMilli();
                        if (lt > 0) {
                            leadTimes.add(lt);
                        } else {
                            dropped++;
                        }
                    }
                }
            }
            for (Incident i : events.incidents()) {
                if (PRODUCTION.contains(i.environment()) && window.contains(i.started())
                        && (service == null || service.equals(i.service()))) {
                    incidents++;
                    i.impactEnded().ifPresent(e -> restores.add(e.toEpochMilli() - i.started().toEpochMilli()));
                }
            }
        }
    }
}
