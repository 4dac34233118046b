package io.github.deliverykit.formats.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** GitLab REST deployments as Jackson binds them (the fields the mapping uses). */
public final class GitLabShapes {

    private GitLabShapes() {}

    /**
     * A deployment ({@code GET /projects/:id/deployments}).
     *
     * @param id the global id
     * @param iid the id within the project
     * @param ref the ref deployed
     * @param sha the commit deployed
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param status created, running, success, failed, canceled, skipped or blocked
     * @param environment the environment
     * @param deployable the CI job that deployed
     */
    public record Deployment(@Nullable Long id, @Nullable Long iid, @Nullable String ref, @Nullable String sha,
            @JsonProperty("created_at") @Nullable Instant createdAt, @JsonProperty("updated_at") @Nullable Instant updatedAt,
            @Nullable String status, @Nullable Environment environment, @Nullable Deployable deployable) {}

    /**
     * An environment.
     *
     * @param name its name
     */
    public record Environment(@Nullable String name) {}

    /**
     * The deploying job.
     *
     * @param startedAt when the job started
     * @param finishedAt when the job finished
     */
    public record Deployable(@JsonProperty("started_at") @Nullable Instant startedAt,
            @JsonProperty("finished_at") @Nullable Instant finishedAt) {}
}
