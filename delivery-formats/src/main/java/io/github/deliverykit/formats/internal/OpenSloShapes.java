package io.github.deliverykit.formats.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenSLO v1 documents as Jackson binds them: one record per object of the specification
 * (github.com/OpenSLO/OpenSLO, README, "v1"). Unknown fields are ignored, as the specification
 * allows extensions; every field the mapping uses is here.
 */
public final class OpenSloShapes {

    private OpenSloShapes() {}

    /**
     * Any OpenSLO document: the spec is bound by kind afterwards.
     *
     * @param apiVersion e.g. {@code openslo/v1}
     * @param kind SLO, SLI, AlertPolicy, AlertCondition, AlertNotificationTarget, Service, DataSource
     * @param metadata name and labels
     * @param spec the kind's spec
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Document(@Nullable String apiVersion, @Nullable String kind, @Nullable Metadata metadata,
            @Nullable JsonNode spec) {}

    /**
     * Object metadata.
     *
     * @param name the DNS-style name
     * @param displayName a free-form name
     * @param labels labels (values are strings or lists of strings)
     * @param annotations annotations
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(@Nullable String name, @Nullable String displayName, @Nullable Map<String, Object> labels,
            @Nullable Map<String, Object> annotations) {}

    /**
     * An SLO's spec.
     *
     * @param description free text
     * @param service the service name
     * @param indicator an inline SLI
     * @param indicatorRef a referenced SLI
     * @param timeWindow exactly one window
     * @param budgetingMethod Occurrences, Timeslices or RatioTimeslices
     * @param objectives at least one objective
     * @param alertPolicies inline or referenced alert policies
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SloSpec(@Nullable String description, @Nullable String service, @Nullable Inline indicator,
            @Nullable String indicatorRef, @Nullable List<TimeWindow> timeWindow, @Nullable String budgetingMethod,
            @Nullable List<Objective> objectives, @Nullable List<PolicyItem> alertPolicies) {}

    /**
     * An inline object: its metadata and spec (kind optional).
     *
     * @param kind the kind, when given
     * @param metadata the metadata
     * @param spec the spec
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Inline(@Nullable String kind, @Nullable Metadata metadata, @Nullable JsonNode spec) {}

    /**
     * A time window.
     *
     * @param duration the duration shorthand, e.g. {@code 28d} or {@code 1M}
     * @param isRolling rolling (true) or calendar-aligned
     * @param calendar the calendar of a calendar-aligned window
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeWindow(@Nullable String duration, @JsonProperty("isRolling") @Nullable Boolean isRolling,
            @Nullable Calendar calendar) {}

    /**
     * A calendar.
     *
     * @param startTime {@code yyyy-MM-dd HH:mm:ss}
     * @param timeZone an IANA zone
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Calendar(@Nullable String startTime, @Nullable String timeZone) {}

    /**
     * An objective.
     *
     * @param displayName free text
     * @param op lt, lte, gt, gte for threshold SLIs
     * @param value the threshold
     * @param target the target ratio in [0, 1)
     * @param targetPercent the target in percent, instead of target
     * @param timeSliceTarget the slice target ratio in (0, 1]
     * @param timeSliceWindow the slice length, a duration shorthand or seconds
     * @param indicator an inline SLI for this objective
     * @param indicatorRef a referenced SLI for this objective
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Objective(@Nullable String displayName, @Nullable String op, @Nullable BigDecimal value,
            @Nullable BigDecimal target, @Nullable BigDecimal targetPercent, @Nullable BigDecimal timeSliceTarget,
            @Nullable String timeSliceWindow, @Nullable Inline indicator, @Nullable String indicatorRef) {}

    /**
     * An SLO's alert policy entry: a reference or an inline policy.
     *
     * @param alertPolicyRef the referenced policy
     * @param kind {@code AlertPolicy} for an inline one
     * @param metadata the inline policy's metadata
     * @param spec the inline policy's spec
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PolicyItem(@Nullable String alertPolicyRef, @Nullable String kind, @Nullable Metadata metadata,
            @Nullable JsonNode spec) {}

    /**
     * An alert policy's spec.
     *
     * @param description free text
     * @param alertWhenNoData alert without data
     * @param alertWhenResolved alert when resolved
     * @param alertWhenBreaching alert when breaching
     * @param conditions one condition, inline or referenced
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PolicySpec(@Nullable String description, @Nullable Boolean alertWhenNoData,
            @Nullable Boolean alertWhenResolved, @Nullable Boolean alertWhenBreaching,
            @Nullable List<ConditionItem> conditions) {}

    /**
     * A policy's condition entry.
     *
     * @param conditionRef the referenced condition
     * @param kind {@code AlertCondition} for an inline one
     * @param metadata the inline condition's metadata
     * @param spec the inline condition's spec
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConditionItem(@Nullable String conditionRef, @Nullable String kind, @Nullable Metadata metadata,
            @Nullable JsonNode spec) {}

    /**
     * An alert condition's spec.
     *
     * @param description free text
     * @param severity e.g. {@code page}, {@code ticket}, {@code critical}
     * @param condition the burn-rate condition
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConditionSpec(@Nullable String description, @Nullable String severity, @Nullable Condition condition) {}

    /**
     * A condition.
     *
     * @param kind {@code burnrate}
     * @param op gt or gte
     * @param threshold the burn-rate factor
     * @param lookbackWindow the long window, a duration shorthand
     * @param alertAfter how long the condition must hold
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(@Nullable String kind, @Nullable String op, @Nullable BigDecimal threshold,
            @Nullable String lookbackWindow, @Nullable String alertAfter) {}

    /**
     * A service's spec.
     *
     * @param description free text
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceSpec(@Nullable String description) {}
}
