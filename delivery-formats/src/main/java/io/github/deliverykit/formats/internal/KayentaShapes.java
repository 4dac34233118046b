package io.github.deliverykit.formats.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Kayenta {@code MetricSetPair}s as Jackson binds them (the fields the mapping uses). */
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
}
