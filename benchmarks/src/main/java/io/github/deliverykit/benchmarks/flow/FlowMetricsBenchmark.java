package io.github.deliverykit.benchmarks.flow;

import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.flow.FlowData.AgentIteration;
import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.metrics.flow.FlowData;
import io.github.deliverykit.metrics.flow.FlowMetrics;
import io.github.deliverykit.metrics.flow.FlowReport;
import io.github.deliverykit.metrics.flow.FlowData.MergeQueueEntry;
import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.metrics.flow.FlowData.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole AI-delivery report over a quarter of pull-request events: 10^5 pull requests, 5 CI
 * runs, 3 iterations, a review and a merge-queue entry each (about 10^6 events). No peer library
 * computes these metrics; the figure shows that a quarter evaluates in well under a second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FlowMetricsBenchmark {

    @Param({"100000"})
    public int pullRequests;

    private FlowData data;
    private Interval quarter;

    @Setup
    public void setUp() {
        Instant start = Instant.parse("2026-07-01T00:00:00Z");
        quarter = Interval.of(start, Instant.parse("2026-10-01T00:00:00Z"));
        long span = Duration.between(quarter.start(), quarter.end()).getSeconds();
        SplittableRandom random = new SplittableRandom(3);
        List<PullRequest> prs = new ArrayList<>();
        List<CiRun> runs = new ArrayList<>();
        List<AgentIteration> iterations = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        List<MergeQueueEntry> queue = new ArrayList<>();
        for (int p = 0; p < pullRequests; p++) {
            String id = "pr-" + p;
            Instant opened = start.plusSeconds(random.nextLong(span - 86_400));
            Instant merged = opened.plusSeconds(3_600 + random.nextInt(40_000));
            prs.add(new PullRequest(id, "repo-" + p % 20, "team-" + p % 5, "dev-" + p % 300, opened, merged, "f-" + p % 5_000));
            for (int r = 0; r < 5; r++) {
                Instant pushed = opened.plusSeconds(600L * r);
                Instant s = pushed.plusSeconds(random.nextInt(60));
                runs.add(new CiRun(id + "-c" + r, id, pushed, s, s.plusSeconds(60 + random.nextInt(900)),
                        r == 4 ? CiRun.Outcome.PASSED : CiRun.Outcome.FAILED, random.nextInt(100), random.nextInt(40)));
            }
            for (int i = 0; i < 3; i++) {
                Instant s = opened.plusSeconds(900L * i);
                iterations.add(new AgentIteration(id + "-i" + i, id, s, s.plusSeconds(300), i == 2));
            }
            reviews.add(new Review(id, random.nextBoolean() ? "bot" : "dev", random.nextInt(3) == 0, merged));
            queue.add(new MergeQueueEntry(id, merged.minusSeconds(random.nextInt(1_200)), merged, true));
        }
        data = FlowData.builder().pullRequests(prs).ciRuns(runs).iterations(iterations).reviews(reviews).mergeQueue(queue).build();
        if (evaluate().figure("ci.duration.median").orElseThrow().sampleSize() != 5L * pullRequests) {
            throw new IllegalStateException("every CI run must count");
        }
    }

    @Benchmark
    public FlowReport evaluate() {
        return FlowMetrics.ofDefaults().evaluate(data, quarter);
    }
}
