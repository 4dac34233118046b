package io.github.deliverykit.core.event;

import io.github.deliverykit.core.check.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One CI run (a check run) of a pull request: what the flow metrics time (duration, feedback
 * latency, cache hit rate, rounds per PR) and what the merge gate reads (a named check and its
 * outcome). {@code finished} is null exactly while the run is {@link Outcome#PENDING}.
 *
 * @param id the run id
 * @param pullRequestId the pull request it ran for
 * @param name the check's name, e.g. {@code build} or {@code unit-tests}
 * @param pushed when the commit it tests was pushed
 * @param started when the run started
 * @param finished when it finished, or null while pending
 * @param outcome how it ended
 * @param cacheHits build-cache hits
 * @param cacheMisses build-cache misses
 */
public record CiRun(
        String id,
        String pullRequestId,
        String name,
        Instant pushed,
        Instant started,
        @Nullable Instant finished,
        Outcome outcome,
        long cacheHits,
        long cacheMisses) {

    /** How a CI run ended. */
    public enum Outcome {
        /** Green. */
        PASSED,
        /** Red. */
        FAILED,
        /** Stopped before a result (superseded or cancelled by hand). */
        CANCELLED,
        /** Queued or still running: no result yet. */
        PENDING
    }

    /**
     * Validates the run.
     *
     * @throws IllegalArgumentException if a field is null or blank, the times are out of order,
     *     finished is missing for a finished run or present for a pending one, or a cache count is
     *     negative or the two overflow a long together
     */
    public CiRun {
        Checks.notBlank(id, "id");
        Checks.notBlank(pullRequestId, "pullRequestId");
        Checks.notBlank(name, "name");
        Checks.notBefore(pushed, "pushed", started, "started");
        Checks.notNull(outcome, "outcome");
        if (outcome == Outcome.PENDING) {
            if (finished != null) {
                throw Checks.invalid("finished", "must be null while the run is PENDING", finished);
            }
        } else {
            Checks.notBefore(started, "started", finished, "finished");
        }
        Checks.nonNegative(cacheHits, "cacheHits");
        Checks.nonNegative(cacheMisses, "cacheMisses");
        if (cacheHits > Long.MAX_VALUE - cacheMisses) {
            throw Checks.invalid("cacheHits + cacheMisses", "must fit in a long", cacheHits + " + " + cacheMisses);
        }
    }

    /**
     * A finished run named after its id.
     *
     * @param id the run id (also its name)
     * @param pullRequestId the pull request
     * @param pushed when the commit was pushed
     * @param started when the run started
     * @param finished when it finished
     * @param outcome how it ended
     * @param cacheHits build-cache hits
     * @param cacheMisses build-cache misses
     * @throws IllegalArgumentException as the canonical constructor
     */
    public CiRun(String id, String pullRequestId, Instant pushed, Instant started, @Nullable Instant finished,
            Outcome outcome, long cacheHits, long cacheMisses) {
        this(id, pullRequestId, id, pushed, started, finished, outcome, cacheHits, cacheMisses);
    }

    /**
     * A named check of a pull request as a merge gate sees it: pushed and started at {@code at},
     * finished at {@code at} unless pending, no cache data.
     *
     * @param pullRequestId the pull request
     * @param name the check's name (also the run id)
     * @param outcome its outcome
     * @param at when it was observed
     * @return the run
     * @throws IllegalArgumentException if a field is null or blank
     */
    public static CiRun check(String pullRequestId, String name, Outcome outcome, Instant at) {
        Checks.notNull(outcome, "outcome");
        return new CiRun(name, pullRequestId, name, at, at, outcome == Outcome.PENDING ? null : at, outcome, 0, 0);
    }

    /**
     * How long the run took.
     *
     * @return started to finished, empty while pending
     */
    public Optional<Duration> duration() {
        return finished == null ? Optional.empty() : Optional.of(Duration.between(started, finished));
    }

    /**
     * Whether the run has a result.
     *
     * @return true unless pending
     */
    public boolean isFinished() {
        return outcome != Outcome.PENDING;
    }
}
