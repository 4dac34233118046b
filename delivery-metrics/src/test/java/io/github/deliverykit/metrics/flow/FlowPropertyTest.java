package io.github.deliverykit.metrics.flow;

import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.Feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.deliverykit.core.time.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import io.github.deliverykit.metrics.flow.FlowData.AgentIteration;
import io.github.deliverykit.metrics.flow.FlowData.AgentTask;
import io.github.deliverykit.metrics.flow.FlowData.MergeQueueEntry;
import io.github.deliverykit.metrics.flow.FlowData.Review;
import io.github.deliverykit.metrics.flow.FlowData.Rollback;
import io.github.deliverykit.metrics.flow.FlowData.RunnerUsage;
import io.github.deliverykit.metrics.flow.FlowData.SuggestionCounts;
import io.github.deliverykit.metrics.flow.FlowReport.Figure;

final class FlowPropertyTest {

    private static final Instant BASE = Instant.parse("2026-10-01T00:00:00Z");
    private static final Interval PERIOD = Interval.of(BASE, Duration.ofDays(7));

    private static Instant at(int minutes) {
        return BASE.plus(Duration.ofMinutes(minutes));
    }

    @Provide
    Arbitrary<FlowData> data() {
        Arbitrary<PullRequest> prs = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.of("a", "b", "c"), Arbitraries.of("repo-1", "repo-2", "repo-3"),
                Arbitraries.integers().between(-5_000, 12_000).injectNull(0.2))
                .as((id, author, repo, merged) -> new PullRequest("pr-" + id, repo, "team-" + repo, author, at(-20_000),
                        merged == null ? null : at(merged), id % 3 == 0 ? null : "f-" + id % 4));
        Arbitrary<CiRun> runs = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(-2_000, 11_000), Arbitraries.integers().between(0, 30),
                Arbitraries.of(CiRun.Outcome.values()), Arbitraries.longs().between(0, 100), Arbitraries.longs().between(0, 100))
                .as((pr, pushed, dur, outcome, hits, misses) -> new CiRun("c" + pr + "-" + pushed, "pr-" + pr, at(pushed),
                        at(pushed + 1), outcome == CiRun.Outcome.PENDING ? null : at(pushed + 1 + dur), outcome, hits, misses));
        Arbitrary<AgentIteration> iterations = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(-2_000, 11_000), Arbitraries.of(true, false))
                .as((pr, start, passed) -> new AgentIteration("i" + pr + "-" + start, "pr-" + pr, at(start), at(start + 5), passed));
        Arbitrary<Review> reviews = Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.of(true, false))
                .as((pr, human) -> new Review("pr-" + pr, human ? "dev" : "bot", human, at(0)));
        Arbitrary<MergeQueueEntry> queue = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(-100, 10_000), Arbitraries.integers().between(0, 40))
                .as((pr, enq, wait) -> new MergeQueueEntry("pr-" + pr, at(enq), at(enq + wait), wait % 5 != 0));
        Arbitrary<Feature> features = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(-15_000, 12_000)).as((id, d) -> new Feature("f-" + id, at(d)));
        return Combinators.combine(prs.list().ofMaxSize(25), runs.list().ofMaxSize(40), iterations.list().ofMaxSize(40),
                reviews.list().ofMaxSize(15), queue.list().ofMaxSize(15), features.list().ofMaxSize(6))
                .as((p, r, i, rv, q, f) -> {
                    List<PullRequest> unique = uniqueIds(p);
                    // slices hold the events of their pull requests: every event refers to a known one
                    java.util.Set<String> ids = new java.util.HashSet<>();
                    unique.forEach(pr -> ids.add(pr.id()));
                    return FlowData.builder().pullRequests(unique)
                            .ciRuns(r.stream().filter(x -> ids.contains(x.pullRequestId())).toList())
                            .iterations(i.stream().filter(x -> ids.contains(x.pullRequestId())).toList())
                            .reviews(rv.stream().filter(x -> ids.contains(x.pullRequestId())).toList())
                            .mergeQueue(q.stream().filter(x -> ids.contains(x.pullRequestId())).toList())
                            .features(f).build();
                });
    }

    private static List<PullRequest> uniqueIds(List<PullRequest> prs) {
        java.util.Map<String, PullRequest> byId = new java.util.TreeMap<>();
        prs.forEach(p -> byId.putIfAbsent(p.id(), p));
        return new ArrayList<>(byId.values());
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    @Property(tries = 60)
    void report_invariantUnderInputOrder(@ForAll("data") FlowData data, @ForAll long seed) {
        Random r = new Random(seed);
        FlowData shuffled = new FlowData(shuffled(data.pullRequests(), r), shuffled(data.ciRuns(), r),
                shuffled(data.iterations(), r), shuffled(data.reviews(), r), shuffled(data.mergeQueue(), r),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), shuffled(data.features(), r));
        FlowMetrics m = FlowMetrics.ofDefaults();
        assertEquals(m.evaluate(data, PERIOD).toText(), m.evaluate(shuffled, PERIOD).toText());
        assertEquals(m.evaluate(data, PERIOD), m.evaluate(shuffled, PERIOD));
    }

    @Property(tries = 60)
    void slicesByRepository_addUpToTheWhole(@ForAll("data") FlowData data) {
        FlowMetrics m = FlowMetrics.ofDefaults();
        FlowReport whole = m.evaluate(data, PERIOD);
        long[] sums = new long[SUMMED.size()];
        for (FlowData slice : data.byRepository().values()) {
            FlowReport part = m.evaluate(slice, PERIOD);
            for (int i = 0; i < SUMMED.size(); i++) {
                sums[i] += part.figure(SUMMED.get(i)).orElseThrow().sampleSize();
            }
        }
        for (int i = 0; i < SUMMED.size(); i++) {
            assertEquals(whole.figure(SUMMED.get(i)).orElseThrow().sampleSize(), sums[i], SUMMED.get(i));
        }
        // the counts behind the ratios add up too
        long autoWhole = autoApproved(whole);
        long autoParts = data.byRepository().values().stream().mapToLong(s -> autoApproved(m.evaluate(s, PERIOD))).sum();
        assertEquals(autoWhole, autoParts);
    }

    private static long autoApproved(FlowReport r) {
        // the auto-approved count is the rate times the merged pull requests behind it (no fact cast)
        return r.figure("review.auto_approve_rate").filter(FlowReport.Figure::hasData)
                .map(f -> Math.round(f.value().getAsDouble() * f.sampleSize())).orElse(0L);
    }

    /** Figures whose sample sizes are counts of pull-request events, so slices must add up to the whole. */
    private static final List<String> SUMMED = List.of("its.median", "ci.duration.median", "ci.feedback_latency.p95",
            "ci.cache.hit_rate", "ci.rounds.per_pr", "review.auto_approve_rate", "merge_queue.wait.p50",
            "pr.throughput.per_day");

    @Property(tries = 60)
    void figures_noDataExactlyWhenEmpty(@ForAll("data") FlowData data) {
        for (Figure f : FlowMetrics.ofDefaults().evaluate(data, PERIOD).figures()) {
            assertEquals(f.sampleSize() > 0, f.hasData(), f.name());
        }
    }

    @Property
    void badEvents_onlyIllegalArgument(@ForAll("instant") Instant a, @ForAll("instant") Instant b, @ForAll long x,
            @ForAll long y, @ForAll("text") String s) {
        List<Runnable> makers = List.of(
                () -> new CiRun(s, s, a, a, b, CiRun.Outcome.PASSED, x, y),
                () -> new RunnerUsage(s, a, b, x, Duration.ofNanos(y)),
                () -> new SuggestionCounts(s, a, x, y),
                () -> new Rollback(s, a, b, x > 0, y > 0),
                () -> new MergeQueueEntry(s, a, b, x > 0),
                () -> new AgentTask(s, s, a, b, (int) x),
                () -> new PullRequest(s, s, s, s, a, b, s),
                () -> new Figure(s, s == null ? null : Unit.SECONDS, x, java.util.OptionalDouble.of(y)),
                () -> FlowTargets.custom().itsRange(x, y).build(),
                () -> FlowTargets.custom().runnerUtilisation(x / 1e18, y / 1e18).build(),
                () -> FlowTargets.custom().maxCiRounds((int) x).build(),
                () -> FlowMetrics.ofDefaults().evaluate(FlowData.empty(), Interval.of(a, b)));
        for (Runnable r : makers) {
            try {
                r.run();
            } catch (IllegalArgumentException expected) {
                // the only allowed failure
            }
        }
    }

    @Provide
    Arbitrary<Instant> instant() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-10_000, 10_000).map(at -> BASE.plusSeconds(at)),
                Arbitraries.of(Instant.MIN, Instant.MAX, Interval.MIN, Interval.MAX)).injectNull(0.05);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.of("x", "", " ", "pr-1").injectNull(0.1);
    }
}
