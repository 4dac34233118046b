package io.github.deliverykit.formats.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Opsgenie incidents as Jackson binds them (the fields the mapping uses). */
public final class OpsgenieShapes {

    private OpsgenieShapes() {}

    /**
     * An incident ({@code GET /v1/incidents}, an element of {@code data}).
     *
     * @param id the id
     * @param tinyId the short id
     * @param status open, resolved or closed
     * @param priority P1..P5
     * @param createdAt when it was created
     * @param impactStartDate when the impact started
     * @param impactDetectDate when it was detected
     * @param impactEndDate when the impact ended
     * @param impactedServices the impacted services
     */
    public record Incident(@Nullable String id, @Nullable String tinyId, @Nullable String status, @Nullable String priority,
            @Nullable Instant createdAt, @Nullable Instant impactStartDate, @Nullable Instant impactDetectDate,
            @Nullable Instant impactEndDate, @Nullable List<@Nullable String> impactedServices) {}
}
