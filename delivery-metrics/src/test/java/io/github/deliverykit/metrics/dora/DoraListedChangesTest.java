package io.github.deliverykit.metrics.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Commit;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DoraConfig.CommitScope;
import io.github.deliverykit.metrics.dora.DoraConfig.LeadTimeStart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link DoraDataset#ofListedChanges} against {@link DoraDataset#of(DoraEvents, DoraConfig)} with the
 * same changes given as listed shas of {@link Commit}s: equal reports for every scope, lead-time
 * start and window, whatever the order of the input; and the bulk arrays' checks.
 */
final class DoraListedChangesTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private record Case(DoraEvents objects, DoraEvents bare, int[] from, long[] authored, long[] committed) {}

    private static Case generate(long seed) {
        Random random = new Random(seed);
        List<Deployment> objects = new ArrayList<>();
        List<Deployment> bare = new ArrayList<>();
        List<List<long[]>> changes = new ArrayList<>();
        List<Commit> commits = new ArrayList<>();
        List<Commit> history = new ArrayList<>();
        String[] services = {"cart", "shop"};
        String[] environments = {"production", "production", "staging"};
        int sha = 0x1000;
        String[] previous = new String[services.length * environments.length];
        for (int i = 0; i < 60; i++) {
            int s = random.nextInt(services.length);
            int e = random.nextInt(environments.length);
            Instant finished = T0.plus(Duration.ofMinutes(30L * i + random.nextInt(20)));
            boolean inProgress = random.nextInt(15) == 0;
            DeploymentOutcome outcome = inProgress ? DeploymentOutcome.IN_PROGRESS
                    : random.nextInt(6) == 0 ? DeploymentOutcome.FAILED : DeploymentOutcome.SUCCESS;
            List<String> shas = new ArrayList<>();
            List<long[]> times = new ArrayList<>();
            int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5);
            for (int c = 0; c < count; c++) {
                // some commits after the deployment: non-positive lead times are dropped alike
                long committed = finished.toEpochMilli() - random.nextInt(20_000_000) + (random.nextInt(10) == 0 ? 5_000_000 : 0);
                long authored = committed - random.nextInt(3_000_000);
                String id = Integer.toHexString(sha++);
                shas.add(id);
                times.add(new long[] {authored, committed});
                commits.add(new Commit(id, Instant.ofEpochMilli(authored), Instant.ofEpochMilli(committed)));
            }
            // a history for range attribution, the same in both
            history.add(new Commit(Integer.toHexString(sha++), finished.minusSeconds(600), finished.minusSeconds(300)));
            String id = "d" + i;
            int stream = s * environments.length + e;
            Deployment.Builder b = Deployment.builder(id, services[s]).environment(environments[e])
                    .at(finished.minusSeconds(120), inProgress ? null : finished).outcome(outcome)
                    .previous(random.nextBoolean() ? previous[stream] : null);
            objects.add(b.commits(shas).build());
            bare.add(b.commits(List.of()).build());
            changes.add(times);
            previous[stream] = id;
        }
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant at = T0.plus(Duration.ofMinutes(97L * i + 40));
            incidents.add(Incident.builder("inc" + i, services[i % 2], Severity.SEV2).started(at).detected(at)
                    .mitigated(at.plusSeconds(900)).resolved(at.plusSeconds(1800)).build());
        }
        // the same shuffled order for both lists
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<Deployment> o = new ArrayList<>();
        List<Deployment> b = new ArrayList<>();
        int[] from = new int[objects.size() + 1];
        List<long[]> flat = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            o.add(objects.get(i));
            b.add(bare.get(i));
            flat.addAll(changes.get(i));
            from[k + 1] = flat.size();
        }
        long[] authored = new long[flat.size()];
        long[] committed = new long[flat.size()];
        for (int c = 0; c < flat.size(); c++) {
            authored[c] = flat.get(c)[0];
            committed[c] = flat.get(c)[1];
        }
        Collections.shuffle(commits, random);
        DoraEvents withObjects = DoraEvents.builder().deployments(o).incidents(incidents).commits(commits)
                .history("shop", history).build();
        DoraEvents withoutObjects = DoraEvents.builder().deployments(b).incidents(incidents)
                .history("shop", history).build();
        return new Case(withObjects, withoutObjects, from, authored, committed);
    }

    @Property(tries = 40)
    void bulk_equalsListedCommits(@ForAll long seed) {
        Case c = generate(seed);
        List<Interval> windows = List.of(Interval.of(T0.minusSeconds(1), Duration.ofDays(3)),
                Interval.of(T0.plus(Duration.ofHours(7)), Duration.ofHours(11)));
        for (CommitScope scope : CommitScope.values()) {
            for (LeadTimeStart start : LeadTimeStart.values()) {
                DoraConfig config = DoraConfig.custom().commitScope(scope).leadTimeStart(start).build();
                DoraDataset before = DoraDataset.of(c.objects(), config);
                DoraDataset after = DoraDataset.ofListedChanges(c.bare(), config, c.from(), c.authored(), c.committed());
                assertEquals(before.changeCount(), after.changeCount(), scope + " " + start);
                for (Interval w : windows) {
                    assertEquals(before.report(w), after.report(w), scope + " " + start + " " + w);
                }
            }
        }
    }

    @Test
    void bulk_measuresLeadTimes() {
        Case c = generate(18);
        DoraDataset d = DoraDataset.ofListedChanges(c.bare(), DoraConfig.ofDefaults(), c.from(), c.authored(),
                c.committed());
        assertTrue(d.report(Interval.of(T0.minusSeconds(1), Duration.ofDays(3))).leadTime().summary().sampleSize() > 20);
    }

    @Test
    void bulk_badArrays_areNamed() {
        Deployment d = Deployment.builder("d1", "shop").at(T0, T0.plusSeconds(60)).build();
        Deployment listed = Deployment.builder("d2", "shop").at(T0, T0.plusSeconds(90)).commits(List.of("abcd")).build();
        DoraEvents one = DoraEvents.builder().deployments(d).build();
        DoraEvents two = DoraEvents.builder().deployments(d, listed).build();
        DoraConfig config = DoraConfig.ofDefaults();
        long[] t = {T0.toEpochMilli()};
        assertMessage("changesFrom", () -> DoraDataset.ofListedChanges(one, config, null, t, t));
        assertMessage("authoredMillis", () -> DoraDataset.ofListedChanges(one, config, new int[] {0, 1}, null, t));
        assertMessage("committedMillis", () -> DoraDataset.ofListedChanges(one, config, new int[] {0, 1}, t, null));
        assertMessage("events", () -> DoraDataset.ofListedChanges(null, config, new int[] {0, 1}, t, t));
        assertMessage("config", () -> DoraDataset.ofListedChanges(one, null, new int[] {0, 1}, t, t));
        assertMessage("deployments + 1 = 2", () -> DoraDataset.ofListedChanges(one, config, new int[] {0}, t, t));
        assertMessage("as many entries as authoredMillis",
                () -> DoraDataset.ofListedChanges(one, config, new int[] {0, 1}, t, new long[2]));
        assertMessage("changesFrom[0]", () -> DoraDataset.ofListedChanges(one, config, new int[] {1, 1}, t, t));
        assertMessage("changesFrom[1]", () -> DoraDataset.ofListedChanges(one, config, new int[] {0, 0}, t, t));
        assertMessage("changesFrom[1]", () -> DoraDataset.ofListedChanges(two, config, new int[] {0, 2, 1}, t, t));
        assertMessage("deployments[1].commits",
                () -> DoraDataset.ofListedChanges(two, config, new int[] {0, 0, 1}, t, t));
        long[] far = {1L << 54};
        assertMessage("authoredMillis[0]", () -> DoraDataset.ofListedChanges(one, config, new int[] {0, 1}, far, t));
        assertMessage("committedMillis[0]", () -> DoraDataset.ofListedChanges(one, config, new int[] {0, 1}, t, far));
        long[] farBack = {-(1L << 54)};
        assertMessage("authoredMillis[0]", () -> DoraDataset.ofListedChanges(one, config, new int[] {0, 1}, farBack, t));
        // a listed deployment beside a bulk one is fine when the bulk one lists nothing itself
        DoraDataset ok = DoraDataset.ofListedChanges(two, config, new int[] {0, 1, 1}, t, t);
        assertEquals(1, ok.changeCount());
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
