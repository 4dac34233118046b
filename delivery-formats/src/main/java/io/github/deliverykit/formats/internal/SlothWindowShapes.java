package io.github.deliverykit.formats.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Sloth's {@code sloth.slok.dev/v1} {@code AlertWindows} as Jackson binds it. */
public final class SlothWindowShapes {

    private SlothWindowShapes() {}

    /**
     * The document.
     *
     * @param apiVersion {@code sloth.slok.dev/v1}
     * @param kind {@code AlertWindows}
     * @param spec the windows
     */
    public record Document(@Nullable String apiVersion, @Nullable String kind, @Nullable Spec spec) {}

    /**
     * The windows of one SLO period.
     *
     * @param sloPeriod the SLO period, e.g. {@code 30d}
     * @param page the page alert's quick and slow windows
     * @param ticket the ticket alert's quick and slow windows
     */
    public record Spec(@Nullable String sloPeriod, @Nullable Pair page, @Nullable Pair ticket) {}

    /**
     * The quick and slow windows of one severity.
     *
     * @param quick the quick window
     * @param slow the slow window
     */
    public record Pair(@Nullable Window quick, @Nullable Window slow) {}

    /**
     * One multiwindow rule.
     *
     * @param errorBudgetPercent the share of the period's budget spent in the long window
     * @param shortWindow the short window
     * @param longWindow the long window
     */
    public record Window(@Nullable BigDecimal errorBudgetPercent, @Nullable String shortWindow, @Nullable String longWindow) {}
}
