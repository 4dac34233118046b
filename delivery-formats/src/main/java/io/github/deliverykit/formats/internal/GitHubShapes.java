package io.github.deliverykit.formats.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** GitHub REST deployments and deployment statuses as Jackson binds them (the fields the mapping uses). */
public final class GitHubShapes {

    private GitHubShapes() {}

    /**
     * A deployment ({@code GET /repos/{owner}/{repo}/deployments}), with its statuses embedded
     * ({@code GET .../deployments/{id}/statuses}).
     *
     * @param id the deployment id
     * @param sha the commit deployed
     * @param ref the ref deployed
     * @param environment the environment
     * @param createdAt when it was created
     * @param statuses its statuses
     */
    public record Deployment(@Nullable Long id, @Nullable String sha, @Nullable String ref, @Nullable String environment,
            @JsonProperty("created_at") @Nullable Instant createdAt, @Nullable List<Status> statuses) {}

    /**
     * A deployment status.
     *
     * @param id the status id
     * @param state error, failure, inactive, in_progress, queued, pending or success
     * @param createdAt when it was set
     */
    public record Status(@Nullable Long id, @Nullable String state, @JsonProperty("created_at") @Nullable Instant createdAt) {}
}
