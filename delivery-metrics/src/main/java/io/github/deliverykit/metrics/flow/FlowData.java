package io.github.deliverykit.metrics.flow;

import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.Feature;
import io.github.deliverykit.core.check.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import java.time.Duration;

/**
 * The raw events the AI-delivery metrics are computed from, as immutable lists in any order.
 * Events that belong to a pull request (CI runs, iterations, reviews, merge-queue entries) refer
 * to it by id. Build with {@link #builder()}; slice by repository or team with
 * {@link #byRepository()} and {@link #byTeam()}.
 *
 * @param pullRequests the pull requests
 * @param ciRuns the CI runs
 * @param iterations the agent iterations
 * @param reviews the reviews
 * @param mergeQueue the merge-queue entries
 * @param tasks the agent tasks
 * @param testFailures the classified test failures
 * @param runnerUsage the runner-pool usage
 * @param licences the licence counts per tool
 * @param toolActivity the AI tool activity
 * @param suggestions the suggestion counts
 * @param rollbacks the rollbacks
 * @param features the delivered features
 */
public record FlowData(
        List<PullRequest> pullRequests,
        List<CiRun> ciRuns,
        List<AgentIteration> iterations,
        List<Review> reviews,
        List<MergeQueueEntry> mergeQueue,
        List<AgentTask> tasks,
        List<TestFailure> testFailures,
        List<RunnerUsage> runnerUsage,
        List<LicenceCount> licences,
        List<ToolActivity> toolActivity,
        List<SuggestionCounts> suggestions,
        List<Rollback> rollbacks,
        List<Feature> features) {

    /**
     * Validates and copies the lists.
     *
     * @throws IllegalArgumentException if a list or an element is null
     */
    public FlowData {
        pullRequests = Checks.listOf(pullRequests, "pullRequests");
        ciRuns = Checks.listOf(ciRuns, "ciRuns");
        iterations = Checks.listOf(iterations, "iterations");
        reviews = Checks.listOf(reviews, "reviews");
        mergeQueue = Checks.listOf(mergeQueue, "mergeQueue");
        tasks = Checks.listOf(tasks, "tasks");
        testFailures = Checks.listOf(testFailures, "testFailures");
        runnerUsage = Checks.listOf(runnerUsage, "runnerUsage");
        licences = Checks.listOf(licences, "licences");
        toolActivity = Checks.listOf(toolActivity, "toolActivity");
        suggestions = Checks.listOf(suggestions, "suggestions");
        rollbacks = Checks.listOf(rollbacks, "rollbacks");
        features = Checks.listOf(features, "features");
    }

    /**
     * No events.
     *
     * @return empty data
     */
    public static FlowData empty() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The pull requests matching a predicate and every event tied to them. Events not tied to a
     * pull request (tasks, test failures, runners, licences, tool activity, suggestions, rollbacks,
     * features) belong to no slice and are dropped, and so are events whose pull request is not in
     * the data; the slices of {@link #byRepository()} therefore add up to the whole for every
     * pull-request metric when every such event refers to a known pull request.
     *
     * @param predicate which pull requests to keep
     * @return the slice
     */
    public FlowData slice(Predicate<PullRequest> predicate) {
        Checks.notNull(predicate, "predicate");
        Set<String> ids = new HashSet<>();
        List<PullRequest> prs = new ArrayList<>();
        for (PullRequest pr : pullRequests) {
            if (predicate.test(pr)) {
                prs.add(pr);
                ids.add(pr.id());
            }
        }
        return new FlowData(prs,
                ciRuns.stream().filter(r -> ids.contains(r.pullRequestId())).toList(),
                iterations.stream().filter(r -> ids.contains(r.pullRequestId())).toList(),
                reviews.stream().filter(r -> ids.contains(r.pullRequestId())).toList(),
                mergeQueue.stream().filter(r -> ids.contains(r.pullRequestId())).toList(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * One slice per repository, sorted by repository.
     *
     * @return the slices
     */
    public Map<String, FlowData> byRepository() {
        return slices(PullRequest::repository);
    }

    /**
     * One slice per team, sorted by team.
     *
     * @return the slices
     */
    public Map<String, FlowData> byTeam() {
        return slices(PullRequest::team);
    }

    private Map<String, FlowData> slices(Function<PullRequest, String> key) {
        Map<String, FlowData> out = new TreeMap<>();
        for (PullRequest pr : pullRequests) {
            out.computeIfAbsent(key.apply(pr), k -> slice(p -> key.apply(p).equals(k)));
        }
        return out;
    }

    /** Collects events; reusable. */
    public static final class Builder {
        private final List<PullRequest> pullRequests = new ArrayList<>();
        private final List<CiRun> ciRuns = new ArrayList<>();
        private final List<AgentIteration> iterations = new ArrayList<>();
        private final List<Review> reviews = new ArrayList<>();
        private final List<MergeQueueEntry> mergeQueue = new ArrayList<>();
        private final List<AgentTask> tasks = new ArrayList<>();
        private final List<TestFailure> testFailures = new ArrayList<>();
        private final List<RunnerUsage> runnerUsage = new ArrayList<>();
        private final List<LicenceCount> licences = new ArrayList<>();
        private final List<ToolActivity> toolActivity = new ArrayList<>();
        private final List<SuggestionCounts> suggestions = new ArrayList<>();
        private final List<Rollback> rollbacks = new ArrayList<>();
        private final List<Feature> features = new ArrayList<>();

        private Builder() {}

        /**
         * Adds pull requests.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder pullRequests(Collection<PullRequest> values) {
            pullRequests.addAll(Checks.listOf(values, "pullRequests"));
            return this;
        }

        /**
         * Adds pull requests.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder pullRequests(PullRequest... values) {
            return pullRequests(Arrays.asList(Checks.notNull(values, "pullRequests")));
        }

        /**
         * Adds CI runs.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder ciRuns(Collection<CiRun> values) {
            ciRuns.addAll(Checks.listOf(values, "ciRuns"));
            return this;
        }

        /**
         * Adds CI runs.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder ciRuns(CiRun... values) {
            return ciRuns(Arrays.asList(Checks.notNull(values, "ciRuns")));
        }

        /**
         * Adds agent iterations.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder iterations(Collection<AgentIteration> values) {
            iterations.addAll(Checks.listOf(values, "iterations"));
            return this;
        }

        /**
         * Adds agent iterations.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder iterations(AgentIteration... values) {
            return iterations(Arrays.asList(Checks.notNull(values, "iterations")));
        }

        /**
         * Adds reviews.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder reviews(Collection<Review> values) {
            reviews.addAll(Checks.listOf(values, "reviews"));
            return this;
        }

        /**
         * Adds reviews.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder reviews(Review... values) {
            return reviews(Arrays.asList(Checks.notNull(values, "reviews")));
        }

        /**
         * Adds merge-queue entries.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder mergeQueue(Collection<MergeQueueEntry> values) {
            mergeQueue.addAll(Checks.listOf(values, "mergeQueue"));
            return this;
        }

        /**
         * Adds merge-queue entries.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder mergeQueue(MergeQueueEntry... values) {
            return mergeQueue(Arrays.asList(Checks.notNull(values, "mergeQueue")));
        }

        /**
         * Adds agent tasks.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder tasks(Collection<AgentTask> values) {
            tasks.addAll(Checks.listOf(values, "tasks"));
            return this;
        }

        /**
         * Adds agent tasks.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder tasks(AgentTask... values) {
            return tasks(Arrays.asList(Checks.notNull(values, "tasks")));
        }

        /**
         * Adds classified test failures.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder testFailures(Collection<TestFailure> values) {
            testFailures.addAll(Checks.listOf(values, "testFailures"));
            return this;
        }

        /**
         * Adds classified test failures.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder testFailures(TestFailure... values) {
            return testFailures(Arrays.asList(Checks.notNull(values, "testFailures")));
        }

        /**
         * Adds runner-pool usage.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder runnerUsage(Collection<RunnerUsage> values) {
            runnerUsage.addAll(Checks.listOf(values, "runnerUsage"));
            return this;
        }

        /**
         * Adds runner-pool usage.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder runnerUsage(RunnerUsage... values) {
            return runnerUsage(Arrays.asList(Checks.notNull(values, "runnerUsage")));
        }

        /**
         * Adds licence counts per tool.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder licences(Collection<LicenceCount> values) {
            licences.addAll(Checks.listOf(values, "licences"));
            return this;
        }

        /**
         * Adds licence counts per tool.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder licences(LicenceCount... values) {
            return licences(Arrays.asList(Checks.notNull(values, "licences")));
        }

        /**
         * Adds AI tool activity.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder toolActivity(Collection<ToolActivity> values) {
            toolActivity.addAll(Checks.listOf(values, "toolActivity"));
            return this;
        }

        /**
         * Adds AI tool activity.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder toolActivity(ToolActivity... values) {
            return toolActivity(Arrays.asList(Checks.notNull(values, "toolActivity")));
        }

        /**
         * Adds suggestion counts.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder suggestions(Collection<SuggestionCounts> values) {
            suggestions.addAll(Checks.listOf(values, "suggestions"));
            return this;
        }

        /**
         * Adds suggestion counts.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder suggestions(SuggestionCounts... values) {
            return suggestions(Arrays.asList(Checks.notNull(values, "suggestions")));
        }

        /**
         * Adds rollbacks.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder rollbacks(Collection<Rollback> values) {
            rollbacks.addAll(Checks.listOf(values, "rollbacks"));
            return this;
        }

        /**
         * Adds rollbacks.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder rollbacks(Rollback... values) {
            return rollbacks(Arrays.asList(Checks.notNull(values, "rollbacks")));
        }

        /**
         * Adds delivered features.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if the collection or an element is null
         */
        public Builder features(Collection<Feature> values) {
            features.addAll(Checks.listOf(values, "features"));
            return this;
        }

        /**
         * Adds delivered features.
         *
         * @param values the events
         * @return this builder
         * @throws IllegalArgumentException if an element is null
         */
        public Builder features(Feature... values) {
            return features(Arrays.asList(Checks.notNull(values, "features")));
        }

        /**
         * Builds the data.
         *
         * @return the data
         */
        public FlowData build() {
            return new FlowData(pullRequests, ciRuns, iterations, reviews, mergeQueue, tasks, testFailures, runnerUsage, licences, toolActivity, suggestions, rollbacks, features);
        }
    }

    /**
     * One agent iteration on a pull request: a change pushed and checked by CI, passed or not. Its cost is what usage records attribute to its id.
     *
     * @param id the iteration id
     * @param pullRequestId the pull request
     * @param started when the iteration started
     * @param finished when its CI result was known
     * @param passed whether CI passed
     */
    public record AgentIteration(
            String id,
            String pullRequestId,
            Instant started,
            Instant finished,
            boolean passed) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null, blank, negative or out of order
         */
        public AgentIteration {
            Checks.notBlank(id, "id");
            Checks.notBlank(pullRequestId, "pullRequestId");
            Checks.notBefore(started, "started", finished, "finished");
        }
    }

    /**
     * A task assigned to an agent and how many times a person had to step in (answer a question, correct course, finish it).
     *
     * @param id the task id
     * @param taskType the kind of task, e.g. bugfix
     * @param assigned when it was assigned
     * @param completed when it was completed (merged), or null
     * @param humanInterventions how many times a person intervened, not negative
     */
    public record AgentTask(
            String id,
            String taskType,
            Instant assigned,
            @Nullable Instant completed,
            int humanInterventions) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null, blank, negative or out of order
         */
        public AgentTask {
            Checks.notBlank(id, "id");
            Checks.notBlank(taskType, "taskType");
            Checks.notNull(assigned, "assigned");
            if (completed != null) {
                Checks.notBefore(assigned, "assigned", completed, "completed");
            }
            Checks.nonNegative(humanInterventions, "humanInterventions");
        }
    }

    /**
     * How many licences (seats) of an AI tool the organisation pays for.
     *
     * @param tool the tool
     * @param licences the number of seats, not negative
     */
    public record LicenceCount(
            String tool,
            long licences) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null, blank, negative or out of order
         */
        public LicenceCount {
            Checks.notBlank(tool, "tool");
            Checks.nonNegative(licences, "licences");
        }
    }

    /**
     * A pull request's stay in the merge queue, from the moment every gate passed to the moment it left the queue.
     *
     * @param pullRequestId the pull request
     * @param enqueued when it entered the queue
     * @param left when it left the queue, or null while waiting
     * @param merged whether it left by being merged
     */
    public record MergeQueueEntry(
            String pullRequestId,
            Instant enqueued,
            @Nullable Instant left,
            boolean merged) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null, blank, negative or out of order
         */
        public MergeQueueEntry {
            Checks.notBlank(pullRequestId, "pullRequestId");
            Checks.notNull(enqueued, "enqueued");
            if (left != null) {
                Checks.notBefore(enqueued, "enqueued", left, "left");
            } else if (merged) {
                throw Checks.invalid("left", "must be set for a merged entry", null);
            }
        }
    }

    /**
     * A review of a pull request, by a person or by an automated gate.
     *
     * @param pullRequestId the pull request
     * @param reviewer who or what reviewed
     * @param human whether a person reviewed
     * @param at when
     */
    public record Review(
            String pullRequestId,
            String reviewer,
            boolean human,
            Instant at) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null, blank, negative or out of order
         */
        public Review {
            Checks.notBlank(pullRequestId, "pullRequestId");
            Checks.notBlank(reviewer, "reviewer");
            Checks.notNull(at, "at");
        }
    }

    /**
     * A rollback: from the anomaly's detection to the rollback's completion, and whether it worked without a person.
     *
     * @param id the rollback id
     * @param detected when the anomaly was detected
     * @param completed when the rollback completed, or null if it never did
     * @param succeeded whether the rollback restored service
     * @param humanIntervened whether a person had to step in
     */
    public record Rollback(
            String id,
            Instant detected,
            @Nullable Instant completed,
            boolean succeeded,
            boolean humanIntervened) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null, blank, negative or out of order
         */
        public Rollback {
            Checks.notBlank(id, "id");
            Checks.notNull(detected, "detected");
            if (completed != null) {
                Checks.notBefore(detected, "detected", completed, "completed");
            } else if (succeeded) {
                throw Checks.invalid("completed", "must be set for a successful rollback", null);
            }
        }
    }

    /**
     * How busy a pool of CI runners was over a stretch of time.
     *
     * @param pool the runner pool
     * @param start the start of the stretch
     * @param end its end
     * @param runners runners in the pool, at least 1
     * @param busy runner time spent running jobs, at most runners x (end - start)
     */
    public record RunnerUsage(
            String pool,
            Instant start,
            Instant end,
            long runners,
            Duration busy) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null, blank, negative or out of order
         */
        public RunnerUsage {
            Checks.notBlank(pool, "pool");
            Checks.notBefore(start, "start", end, "end");
            Checks.positive(runners, "runners");
            Checks.nonNegative(busy, "busy");
            if (capacityNanos(start, end, runners) < busyNanos(busy)) {
                throw Checks.invalid("busy", "must not exceed runners x (end - start)", busy);
            }
        }

        /**
         * The runner time available: runners times the length of the stretch, saturating.
         *
         * @return the capacity in nanoseconds
         */
        public long capacityNanos() {
            return capacityNanos(start, end, runners);
        }

        /**
         * The busy runner time in nanoseconds, saturating.
         *
         * @return the busy time in nanoseconds
         */
        public long busyNanos() {
            return busyNanos(busy);
        }

        private static long busyNanos(Duration busy) {
            return busy.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : busy.toNanos();
        }

        private static long capacityNanos(Instant start, Instant end, long runners) {
            long length;
            try {
                length = Duration.between(start, end).toNanos();
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
            long hi = Math.multiplyHigh(length, runners);
            long lo = length * runners;
            return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
        }
    }

    /**
     * How many AI suggestions a tool showed and how many were accepted, over some stretch ending at {@code at}.
     *
     * @param tool the tool
     * @param at when the counts were taken
     * @param shown suggestions shown, not negative
     * @param accepted suggestions accepted, at most shown
     */
    public record SuggestionCounts(
            String tool,
            Instant at,
            long shown,
            long accepted) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null, blank, negative or out of order
         */
        public SuggestionCounts {
            Checks.notBlank(tool, "tool");
            Checks.notNull(at, "at");
            Checks.nonNegative(shown, "shown");
            Checks.inRange(accepted, 0, shown, "accepted");
        }
    }

    /**
     * A failed test run, classified by its cause.
     *
     * @param id the failure id
     * @param at when it failed
     * @param cause what caused it
     */
    public record TestFailure(
            String id,
            Instant at,
            FailureCause cause) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null, blank, negative or out of order
         */
        public TestFailure {
            Checks.notBlank(id, "id");
            Checks.notNull(at, "at");
            Checks.notNull(cause, "cause");
        }
    }

    /**
     * A developer used an AI tool at some moment (any use counts as active).
     *
     * @param tool the tool
     * @param developer the developer
     * @param at when
     */
    public record ToolActivity(
            String tool,
            String developer,
            Instant at) {

        /**
         * Validates the event.
         *
         * @throws IllegalArgumentException if a field is null, blank, negative or out of order
         */
        public ToolActivity {
            Checks.notBlank(tool, "tool");
            Checks.notBlank(developer, "developer");
            Checks.notNull(at, "at");
        }
    }

    /** Why a test failed; test-oracle reliability is the share of {@link #REAL_DEFECT}. */
    public enum FailureCause {
        /** The code under test is wrong: the test did its job. */
        REAL_DEFECT,
        /** The test passes and fails on the same code. */
        FLAKY,
        /** The environment failed (network, runner, dependency service). */
        INFRASTRUCTURE,
        /** The test itself is wrong (bad assertion, outdated fixture). */
        TEST_DEFECT
    }
}
