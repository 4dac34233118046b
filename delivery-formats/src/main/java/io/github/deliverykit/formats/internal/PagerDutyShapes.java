package io.github.deliverykit.formats.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** PagerDuty REST v2 incidents and log entries as Jackson binds them (the fields the mapping uses). */
public final class PagerDutyShapes {

    private PagerDutyShapes() {}

    /**
     * An incident ({@code GET /incidents}), with its log entries embedded ({@code GET /incidents/{id}/log_entries}).
     *
     * @param id the incident id
     * @param createdAt when it was triggered
     * @param urgency high or low
     * @param priority the priority, or null
     * @param service the service reference
     * @param logEntries its log entries
     */
    public record Incident(@Nullable String id, @JsonProperty("created_at") @Nullable Instant createdAt,
            @Nullable String urgency, @Nullable Reference priority, @Nullable Reference service,
            @JsonProperty("log_entries") @Nullable List<LogEntry> logEntries) {}

    /**
     * A reference: a priority ({@code summary} P1..P5) or a service.
     *
     * @param id the id
     * @param summary the summary, e.g. {@code P1} or the service name
     */
    public record Reference(@Nullable String id, @Nullable String summary) {}

    /**
     * A log entry.
     *
     * @param type e.g. {@code acknowledge_log_entry}, {@code resolve_log_entry}
     * @param createdAt when
     */
    public record LogEntry(@Nullable String type, @JsonProperty("created_at") @Nullable Instant createdAt) {}
}
