package io.github.deliverykit.formats.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Kayenta {@code MetricSetPair}s as Jackson binds them (the fields the mapping uses), and Kayenta's
 * judge result model ({@code com.netflix.kayenta.canary.results}: {@code CanaryJudgeResult},
 * {@code CanaryAnalysisResult}, {@code CanaryJudgeGroupScore}, {@code CanaryJudgeScore}) with its field
 * names and order, null fields left out as Kayenta's {@code @JsonInclude(NON_NULL)} does.
 */
public final class KayentaShapes {

    private KayentaShapes() {}

    /**
     * One metric's control and experiment series.
     *
     * @param name the metric name
     * @param tags the series tags
     * @param values {@code control} and {@code experiment} values, one per step ({@code NaN} where missing)
     * @param scopes {@code control} and {@code experiment} time scopes
     */
    public record MetricSetPair(@Nullable String name, @Nullable Map<String, String> tags,
            @Nullable Map<String, @Nullable List<@Nullable Double>> values, @Nullable Map<String, @Nullable Scope> scopes) {}

    /**
     * When a series starts and its step.
     *
     * @param startTimeMillis the start, in epoch milliseconds
     * @param startTimeIso the start, ISO-8601 (used when the millis are absent)
     * @param stepMillis the step between values
     */
    public record Scope(@Nullable Long startTimeMillis, @Nullable String startTimeIso, @Nullable Long stepMillis) {}

    /**
     * Kayenta's {@code CanaryJudgeResult} (without the echoed {@code config}).
     *
     * @param judgeName the judge
     * @param results one per metric
     * @param groupScores one per metric group
     * @param score the summary score
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JudgeResult(String judgeName, List<AnalysisResult> results, List<GroupScore> groupScores, Score score) {}

    /**
     * Kayenta's {@code CanaryAnalysisResult}: one metric.
     *
     * @param name the metric name
     * @param tags the metric's tags
     * @param id a stable id
     * @param classification {@code Pass}, {@code High}, {@code Low}, {@code Nodata} or {@code Error}
     * @param classificationReason why, or null
     * @param groups the metric's groups
     * @param experimentMetadata the canary's figures
     * @param controlMetadata the baseline's figures
     * @param resultMetadata the comparison's figures
     * @param criticality {@code normal}, {@code critical} or {@code report-only}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnalysisResult(String name, Map<String, String> tags, String id, String classification,
            @Nullable String classificationReason, List<String> groups, Map<String, Object> experimentMetadata,
            Map<String, Object> controlMetadata, Map<String, Object> resultMetadata, String criticality) {}

    /**
     * Kayenta's {@code CanaryJudgeGroupScore}.
     *
     * @param name the group
     * @param score the group's score, 0 to 100
     * @param classification Kayenta writes an empty string
     * @param classificationReason Kayenta writes an empty string
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupScore(String name, double score, String classification, @Nullable String classificationReason) {}

    /**
     * Kayenta's {@code CanaryJudgeScore}.
     *
     * @param score the summary score, 0 to 100
     * @param classification {@code Pass}, {@code Marginal}, {@code Fail}, {@code Nodata} or {@code Error}
     * @param classificationReason why
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Score(double score, String classification, @Nullable String classificationReason) {}
}
