package io.github.deliverykit.core.event;

import io.github.deliverykit.core.check.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A pull (merge) request: the one event that the flow metrics count (throughput, cost per merged
 * PR, CI rounds) and that the merge gate decides on (checks, touched paths).
 *
 * @param id the pull request id, unique within its repository
 * @param repository the repository, e.g. {@code acme/checkout}
 * @param team the owning team
 * @param author who opened it (a person or an agent)
 * @param opened when it was opened
 * @param merged when it was merged, or null while open or if closed unmerged
 * @param featureId the feature it delivers, or null
 * @param touchedPaths the repository paths it changes, possibly empty
 */
public record PullRequest(
        String id,
        String repository,
        String team,
        String author,
        Instant opened,
        @Nullable Instant merged,
        @Nullable String featureId,
        List<String> touchedPaths) {

    /**
     * Validates the event.
     *
     * @throws IllegalArgumentException if a required field is null or blank, merged is before
     *     opened, the feature id is blank, or a touched path is null or blank
     */
    public PullRequest {
        Checks.notBlank(id, "id");
        Checks.notBlank(repository, "repository");
        Checks.notBlank(team, "team");
        Checks.notBlank(author, "author");
        Checks.notNull(opened, "opened");
        if (merged != null) {
            Checks.notBefore(opened, "opened", merged, "merged");
        }
        if (featureId != null) {
            Checks.notBlank(featureId, "featureId");
        }
        touchedPaths = Checks.listOf(touchedPaths, "touchedPaths");
        for (int i = 0; i < touchedPaths.size(); i++) {
            Checks.notBlank(touchedPaths.get(i), "touchedPaths[" + i + "]");
        }
    }

    /**
     * A pull request whose touched paths are not known.
     *
     * @param id the id
     * @param repository the repository
     * @param team the team
     * @param author the author
     * @param opened when it was opened
     * @param merged when it was merged, or null
     * @param featureId the feature, or null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public PullRequest(String id, String repository, String team, String author, Instant opened,
            @Nullable Instant merged, @Nullable String featureId) {
        this(id, repository, team, author, opened, merged, featureId, List.of());
    }

    /**
     * Whether it was merged.
     *
     * @return true when merged
     */
    public boolean isMerged() {
        return merged != null;
    }

    /**
     * When it was merged.
     *
     * @return the merge time, empty while unmerged
     */
    public Optional<Instant> mergedAt() {
        return Optional.ofNullable(merged);
    }

    /**
     * This pull request with other touched paths.
     *
     * @param paths the paths
     * @return the copy
     * @throws IllegalArgumentException if a path is null or blank
     */
    public PullRequest withTouchedPaths(List<String> paths) {
        return new PullRequest(id, repository, team, author, opened, merged, featureId, paths);
    }
}
