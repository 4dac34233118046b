package io.github.deliverykit.metrics.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import io.github.deliverykit.metrics.dora.DoraReport.ChangeFailureRate;
import io.github.deliverykit.metrics.dora.DoraDataset.SliceDimension;
import io.github.deliverykit.metrics.dora.DoraDataset.DoraCounts;

final class DoraPropertiesTest {

    private static final Instant T0 = Events.T0;
    private static final String[] SERVICES = {"shop", "cart", "pay"};
    private static final String[] ENVS = {"production", "production", "staging", "production-eu"};
    private static final DoraConfig CONFIG = DoraConfig.custom()
            .productionEnvironments(List.of("production", "production-eu"))
            .teams(Map.of("shop", "web", "cart", "web")).build();
    private static final Interval WINDOW = Interval.of(T0.plus(Duration.ofDays(3)), T0.plus(Duration.ofDays(17)));

    @Provide
    Arbitrary<DoraEvents> events() {
        return Arbitraries.longs().map(DoraPropertiesTest::randomEvents);
    }

    static DoraEvents randomEvents(long seed) {
        Random r = new Random(seed);
        List<Commit> pool = new ArrayList<>();
        int commits = r.nextInt(30);
        for (int i = 0; i < commits; i++) {
            Instant committed = at(r);
            pool.add(new Commit(String.format("%08x", i), committed.minusSeconds(r.nextInt(200_000) - 10_000), committed));
        }
        List<Deployment> deployments = new ArrayList<>();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            DeploymentOutcome outcome = DeploymentOutcome.values()[r.nextInt(4)];
            Instant started = at(r);
            List<String> shas = new ArrayList<>();
            if (r.nextBoolean()) {
                int k = r.nextInt(4);
                for (int j = 0; j < k; j++) {
                    shas.add(r.nextInt(10) == 0 ? "ffff" : String.format("%08x", r.nextInt(Math.max(1, commits))));
                }
            }
            deployments.add(new Deployment("d" + i, SERVICES[r.nextInt(3)], ENVS[r.nextInt(4)], "v" + i, started,
                    outcome == DeploymentOutcome.IN_PROGRESS ? null : started.plusSeconds(r.nextInt(3_600)), outcome,
                    shas, r.nextInt(5) == 0 && i > 0 ? "d" + r.nextInt(i) : null));
        }
        List<Incident> incidents = new ArrayList<>();
        int m = r.nextInt(10);
        for (int i = 0; i < m; i++) {
            Instant started = at(r);
            Incident.Builder b = Incident.builder("i" + i, SERVICES[r.nextInt(3)], Severity.of(1 + r.nextInt(4)))
                    .environment(ENVS[r.nextInt(4)]).started(started);
            if (r.nextInt(4) > 0) {
                Instant end = started.plusSeconds(r.nextInt(100_000));
                b.mitigated(end).resolved(end);
            }
            if (r.nextInt(3) == 0 && n > 0) {
                b.causedBy(r.nextInt(8) == 0 ? "unknown" : "d" + r.nextInt(n));
            }
            incidents.add(b.build());
        }
        DoraEvents.Builder events = DoraEvents.builder().deployments(deployments).incidents(incidents).commits(pool);
        for (String s : SERVICES) {
            if (r.nextBoolean()) {
                List<Commit> history = new ArrayList<>();
                for (Commit c : pool) {
                    if (r.nextBoolean()) {
                        history.add(c);
                    }
                }
                events.history(s, history);
            }
        }
        return events.build();
    }

    private static Instant at(Random r) {
        return T0.plusSeconds(r.nextInt(20 * 86_400));
    }

    private static DoraEvents shuffled(DoraEvents e, long seed) {
        Random r = new Random(seed);
        List<Deployment> d = new ArrayList<>(e.deployments());
        List<Incident> i = new ArrayList<>(e.incidents());
        List<Commit> c = new ArrayList<>(e.commits());
        Collections.shuffle(d, r);
        Collections.shuffle(i, r);
        Collections.shuffle(c, r);
        List<String> keys = new ArrayList<>(e.histories().keySet());
        Collections.shuffle(keys, r);
        Map<String, List<Commit>> h = new LinkedHashMap<>();
        for (String k : keys) {
            List<Commit> list = new ArrayList<>(e.histories().get(k));
            Collections.shuffle(list, r);
            h.put(k, list);
        }
        return new DoraEvents(d, i, c, h);
    }

    @Property
    void changeFailureRate_inUnitInterval(@ForAll("events") DoraEvents events) {
        DoraReport report = DoraDataset.of(events, CONFIG).report(WINDOW);
        ChangeFailureRate cfr = report.changeFailureRate();
        assertTrue(cfr.failed() <= cfr.deployments());
        cfr.value().ifPresent(v -> assertTrue(v >= 0 && v <= 1, () -> "cfr " + v));
        // without incident data there is no rate (issue 16: no data, not 0 % graded elite)
        assertEquals(cfr.deployments() == 0 || events.incidents().isEmpty(), cfr.value().isEmpty());
        report.reworkRate().value().ifPresent(v -> assertTrue(v >= 0 && v <= 1));
    }

    @Property
    void report_invariantUnderInputOrder(@ForAll("events") DoraEvents events, @ForAll long seed) {
        DoraDataset a = DoraDataset.of(events, CONFIG);
        DoraDataset b = DoraDataset.of(shuffled(events, seed), CONFIG);
        assertEquals(a.report(WINDOW), b.report(WINDOW));
        assertEquals(a.slices(WINDOW, SliceDimension.SERVICE), b.slices(WINDOW, SliceDimension.SERVICE));
    }

    @Property
    void slices_countsAddUpToWhole(@ForAll("events") DoraEvents events) {
        DoraDataset ds = DoraDataset.of(events, CONFIG);
        DoraCounts whole = ds.report(WINDOW).counts();
        for (SliceDimension dim : SliceDimension.values()) {
            DoraCounts sum = DoraCounts.ZERO;
            for (DoraReport r : ds.slices(WINDOW, dim).values()) {
                sum = sum.plus(r.counts());
            }
            assertEquals(whole, sum, dim.name());
        }
    }

    @Property
    void figures_consistentWithCounts(@ForAll("events") DoraEvents events) {
        DoraReport r = DoraDataset.of(events, CONFIG).report(WINDOW);
        assertEquals(r.counts().deployments(), r.changeFailureRate().deployments());
        assertEquals(r.counts().deployments(), r.reworkRate().denominator());
        assertTrue(r.leadTime().deployments() <= r.counts().deployments());
        assertEquals(r.deploymentFrequency().deployments(), r.leadTime().deployments());
        assertEquals(r.recoveryTime().failedDeployments(), r.changeFailureRate().failed());
        r.leadTime().summary().medianMillis().ifPresent(v -> assertTrue(v > 0));
        if (r.leadTime().summary().hasData()) {
            double med = r.leadTime().summary().medianMillis().getAsDouble();
            double p90 = r.leadTime().summary().p90Millis().getAsDouble();
            double p95 = r.leadTime().summary().p95Millis().getAsDouble();
            assertTrue(med <= p90 && p90 <= p95, med + " " + p90 + " " + p95);
        }
    }

    @Property(tries = 300)
    void badInput_onlyIllegalArgument(@ForAll long seed, @ForAll long a, @ForAll long b, @ForAll int pick) {
        try {
            Random r = new Random(seed);
            DoraEvents base = randomEvents(seed);
            List<Deployment> deps = new ArrayList<>(base.deployments());
            if (!deps.isEmpty() && r.nextBoolean()) {
                Deployment d = deps.get(0);
                Instant far = Instant.ofEpochSecond(Math.floorMod(a, 2 * 31_556_889_864_403_199L) - 31_556_889_864_403_199L);
                deps.add(new Deployment(r.nextBoolean() ? d.id() : "x", d.service(), d.environment(), d.version(),
                        r.nextBoolean() ? far : d.started(), null, DeploymentOutcome.IN_PROGRESS, d.commits(), null));
                if (r.nextBoolean() && far.isAfter(d.started())) {
                    deps.add(new Deployment("y", d.service(), "production", "v", d.started(), far,
                            DeploymentOutcome.SUCCESS, List.of(), null));
                }
            }
            DoraEvents events = new DoraEvents(deps, base.incidents(), base.commits(), base.histories());
            DoraConfig.Builder config = DoraConfig.custom();
            switch (Math.floorMod(pick, 6)) {
                case 0:
                    config.attributionBound(Duration.ofSeconds(a % 1000));
                    break;
                case 1:
                    config.productionEnvironments(r.nextBoolean() ? List.of() : List.of(" "));
                    break;
                case 2:
                    config.incidentAttribution((inc, lookup) -> lookup.latestSuccessful(inc.service(),
                            inc.environment(), Instant.ofEpochSecond(a % 31_556_889_864_403_199L)));
                    break;
                case 3:
                    config.teams(Map.of("shop", r.nextBoolean() ? " " : "web"));
                    break;
                case 4:
                    config.zone(java.time.ZoneId.of(r.nextBoolean() ? "Asia/Kathmandu" : "America/St_Johns"));
                    break;
                default:
                    break;
            }
            DoraDataset ds = DoraDataset.of(events, config.build());
            Instant start = Instant.ofEpochSecond(a % 31_556_889_864_403_199L);
            Instant end = Instant.ofEpochSecond(b % 31_556_889_864_403_199L);
            Interval window = Interval.of(start.isBefore(end) ? start : end, start.isBefore(end) ? end : start);
            ds.report(window);
            ds.slices(window, SliceDimension.values()[Math.floorMod(pick, 4)]);
        } catch (IllegalArgumentException expected) {
            // the only exception allowed
        }
    }

    @Property
    void badInput_smallWindows_onlyIllegalArgument(@ForAll("events") DoraEvents events, @ForAll int from, @ForAll int length) {
        DoraDataset ds = DoraDataset.of(events, CONFIG);
        try {
            Instant start = T0.plusSeconds(from % 5_000_000);
            ds.report(Interval.of(start, start.plusSeconds(Math.floorMod(length, 40_000_000))));
        } catch (IllegalArgumentException expected) {
            // empty window
        }
    }
}
