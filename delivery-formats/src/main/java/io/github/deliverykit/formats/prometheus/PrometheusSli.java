package io.github.deliverykit.formats.prometheus;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.metrics.budget.SliSeries;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Prometheus results turned into the library's inputs: good / total {@link SliSeries} (from
 * {@code query_range} results of counter increases, one sample per step) and canary
 * {@link Observation.Sample}s. Counts are rounded to whole events (Prometheus extrapolates
 * increases, so they may be fractional; the report notes how many were rounded). A sample at time
 * {@code t} counts for the bucket that starts at {@code t}. Memory grows with the number of buckets,
 * not with the size of the files. Stateless and thread safe.
 */
public final class PrometheusSli {

    /** The label that tells good from total series in one file. */
    public static final String DEFAULT_SLI_LABEL = "sli";

    private PrometheusSli() {}

    /**
     * Good and total counts from one file whose series carry the label {@value #DEFAULT_SLI_LABEL}
     * with value {@code good} or {@code total} (e.g. {@code label_replace(..., "sli", "good", "", "")}).
     * Other series are skipped and reported; several series of one kind are added.
     *
     * @param file the query_range response
     * @param step the query's step, whole milliseconds
     * @return the series and the report
     * @throws FormatException if the file is malformed or has no good or no total sample (off-grid
     *     samples, negative counts and good above total are rejected and reported, not thrown)
     */
    public static SliRead goodTotal(Path file, Duration step) {
        return goodTotal(file, DEFAULT_SLI_LABEL, step);
    }

    /**
     * Good and total counts from one file, told apart by a label (see {@link #goodTotal(Path, Duration)}).
     *
     * @param file the query_range response
     * @param label the label whose value is {@code good} or {@code total}
     * @param step the query's step
     * @return the series and the report
     * @throws FormatException if the file is malformed or lacks good or total samples
     */
    public static SliRead goodTotal(Path file, String label, Duration step) {
        Checks.notNull(file, "file");
        Checks.notBlank(label, "label");
        Grid grid = new Grid(file.toString(), step);
        ReadReport.Builder extra = new ReadReport.Builder();
        int[] lastSkipped = {-1};
        ReadReport r = PrometheusResult.stream(file, (series, labels, millis, value) -> {
            String kind = labels.get(label);
            if ("good".equals(kind)) {
                grid.add(true, series, millis, value);
            } else if ("total".equals(kind)) {
                grid.add(false, series, millis, value);
            } else if (lastSkipped[0] != series) {
                lastSkipped[0] = series;
                extra.issue(IssueKind.SKIPPED, file.toString(), "$.data.result[" + series + "]",
                        "series " + labels + " has no " + label + "=good or " + label + "=total label: its samples are not counted");
            }
        });
        ReadReport e = extra.build();
        return grid.result(List.of(r, e), e.skipped());
    }

    /**
     * Good and total counts from two files (the samples of all series in a file are added per bucket).
     *
     * @param good the good-events query_range response
     * @param total the total-events query_range response
     * @param step the queries' step
     * @return the series and the report of both files
     * @throws FormatException if a file is malformed or empty
     */
    public static SliRead goodTotal(Path good, Path total, Duration step) {
        Checks.notNull(good, "good");
        Checks.notNull(total, "total");
        Grid grid = new Grid(good + " + " + total, step);
        ReadReport g = PrometheusResult.stream(good, (series, labels, millis, value) -> grid.add(true, series, millis, value));
        ReadReport t = PrometheusResult.stream(total, (series, labels, millis, value) -> grid.add(false, series, millis, value));
        return grid.result(List.of(g, t), 0);
    }

    /**
     * Canary samples of one metric from a result whose series carry a variant label ({@code canary},
     * or {@code baseline} / {@code stable}); series without it are skipped and reported, NaN samples
     * are kept (the canary judge's NaN strategy decides).
     *
     * @param file the query or query_range response
     * @param metric the metric name the samples get, e.g. {@code latency}
     * @param variantLabel the label naming the variant
     * @return the samples and the report
     * @throws FormatException if the file is malformed
     */
    public static CanaryRead samples(Path file, String metric, String variantLabel) {
        Checks.notNull(file, "file");
        Checks.notBlank(metric, "metric");
        Checks.notBlank(variantLabel, "variantLabel");
        List<Observation> out = new ArrayList<>();
        ReadReport.Builder extra = new ReadReport.Builder();
        int[] lastSkipped = {-1};
        ReadReport r = PrometheusResult.stream(file, (series, labels, millis, value) -> {
            Variant v = variant(labels.get(variantLabel));
            if (v == null) {
                if (lastSkipped[0] != series) {
                    lastSkipped[0] = series;
                    extra.issue(IssueKind.SKIPPED, file.toString(), "$.data.result[" + series + "]",
                            "series " + labels + " has no " + variantLabel + " label of canary, baseline or stable");
                }
                return;
            }
            out.add(new Observation.Sample(Instant.ofEpochMilli(millis), v, metric, value));
        });
        ReadReport e = extra.build();
        return new CanaryRead(out, merge(List.of(r, e), 0));
    }

    /**
     * Canary samples of one metric and one variant: every sample of the result.
     *
     * @param file the query or query_range response
     * @param metric the metric name the samples get
     * @param variant the variant of every sample
     * @return the samples and the report
     * @throws FormatException if the file is malformed
     */
    public static CanaryRead samples(Path file, String metric, Variant variant) {
        Checks.notNull(file, "file");
        Checks.notBlank(metric, "metric");
        Checks.notNull(variant, "variant");
        List<Observation> out = new ArrayList<>();
        ReadReport r = PrometheusResult.stream(file, (series, labels, millis, value) ->
                out.add(new Observation.Sample(Instant.ofEpochMilli(millis), variant, metric, value)));
        return new CanaryRead(out, r);
    }

    private static @Nullable Variant variant(@Nullable String v) {
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "canary" -> Variant.CANARY;
            case "baseline", "stable", "primary" -> Variant.BASELINE;
            default -> null;
        };
    }

    /** Adds reports; {@code dropped} samples were accepted by the stream but not used. */
    static ReadReport merge(List<ReadReport> reports, long dropped) {
        long read = 0;
        long accepted = 0;
        for (ReadReport r : reports) {
            read += r.read();
            accepted += r.accepted();
        }
        List<ReadReport.Issue> issues = new ArrayList<>();
        long[] counts = new long[ReadReport.IssueKind.values().length];
        for (ReadReport r : reports) {
            issues.addAll(r.issues());
            for (IssueKind k : IssueKind.values()) {
                counts[k.ordinal()] += r.count(k);
            }
        }
        return new ReadReport(read, accepted - dropped, counts[0], counts[1], counts[2], counts[3], issues);
    }

    /** Per-bucket sums on the step grid, growing in both directions from the first sample. */
    private static final class Grid {
        private final String source;
        private final long step;
        private long origin = Long.MIN_VALUE;
        private int first;
        private long[] good = new long[64];
        private long[] total = new long[64];
        private int lo = Integer.MAX_VALUE;
        private int hi = Integer.MIN_VALUE;
        private long rounded;
        private final ReadReport.Builder issues = new ReadReport.Builder();
        private long goodSamples;
        private long samplesDropped;
        private long totalSamples;

        Grid(String source, Duration step) {
            this.source = source;
            Checks.positive(step, "step");
            if (step.toMillis() < 1 || step.getNano() % 1_000_000 != 0) {
                throw Checks.invalid("step", "must be whole milliseconds", step);
            }
            this.step = step.toMillis();
        }

        /** The first and last whole milliseconds of {@link Interval}, the range a budget's series may cover. */
        private static final long FIRST_MILLIS = Interval.MIN.toEpochMilli() + 1;
        private static final long LAST_MILLIS = Interval.MAX.toEpochMilli();

        private String where(int series, long millis) {
            return "$.data.result[" + series + "] at " + Instant.ofEpochMilli(millis);
        }

        void add(boolean isGood, int series, long millis, double value) {
            if (Double.isNaN(value)) {
                samplesDropped++;
                issues.issue(IssueKind.SKIPPED, source, where(series, millis), "value NaN: no count for this step");
                return;
            }
            if (value < 0) {
                samplesDropped++;
                issues.issue(IssueKind.REJECTED, source, where(series, millis), "count " + value + " is negative");
                return;
            }
            if (value > 1e15) {
                samplesDropped++;
                issues.issue(IssueKind.REJECTED, source, where(series, millis), "count " + value + " is above 10^15");
                return;
            }
            if (millis < FIRST_MILLIS || millis > LAST_MILLIS - step) {
                // a step the budgets' series cannot hold: it would have to end after Interval.MAX
                samplesDropped++;
                issues.issue(IssueKind.REJECTED, source, where(series, millis), "time is outside " + Interval.MIN
                        + " .. " + Interval.MAX + " (one " + step + " ms step included), the range of a budget's series");
                return;
            }
            if (origin == Long.MIN_VALUE) {
                origin = millis;
                first = 1 << 20;
            }
            long d = millis - origin;
            if (Math.floorMod(d, step) != 0) {
                samplesDropped++;
                issues.issue(IssueKind.REJECTED, source, where(series, millis), "time is off the " + step + " ms step grid started at "
                        + Instant.ofEpochMilli(origin));
                return;
            }
            long k = Math.floorDiv(d, step) + first;
            if (k < 0 || k > Integer.MAX_VALUE - 2 || Math.abs(k - first) > 10_000_000) {
                samplesDropped++;
                issues.issue(IssueKind.REJECTED, source, where(series, millis), "time is more than 10^7 steps from the first sample");
                return;
            }
            int i = (int) k;
            long count = Math.round(value);
            if (count != value) {
                rounded++;
            }
            ensure(i);
            int at = i - base;
            if (isGood) {
                good[at] += count;
                goodSamples++;
            } else {
                total[at] += count;
                totalSamples++;
            }
            lo = Math.min(lo, i);
            hi = Math.max(hi, i);
        }

        private int base = Integer.MIN_VALUE;

        private void ensure(int i) {
            if (base == Integer.MIN_VALUE) {
                base = i;
            }
            if (i < base) {
                int shift = base - i;
                good = shifted(good, shift);
                total = shifted(total, shift);
                base = i;
            }
            int need = i - base + 1;
            if (need > good.length) {
                int n = Math.max(need, good.length * 2);
                good = Arrays.copyOf(good, n);
                total = Arrays.copyOf(total, n);
            }
        }

        private static long[] shifted(long[] a, int shift) {
            long[] b = new long[a.length + shift];
            System.arraycopy(a, 0, b, shift, a.length);
            return b;
        }

        SliRead result(List<ReadReport> reports, long dropped) {
            if (goodSamples == 0 || totalSamples == 0) {
                throw new FormatException(source, "$.data.result", "must hold good and total samples, but had "
                        + goodSamples + " good and " + totalSamples + " total");
            }
            if (rounded > 0) {
                issues.issue(IssueKind.NOTE, source, "$.data.result", rounded + " fractional counts rounded to whole events");
            }
            int n = hi - lo + 1;
            long[] g = Arrays.copyOfRange(good, lo - base, lo - base + n);
            long[] t = Arrays.copyOfRange(total, lo - base, lo - base + n);
            for (int b = 0; b < n; b++) {
                if (g[b] > t[b]) {
                    Instant at = Instant.ofEpochMilli(origin + (long) (lo + b - first) * step);
                    issues.issue(IssueKind.REJECTED, source, "$.data.result at " + at, "good " + g[b] + " exceeds total "
                            + t[b] + ": the step counts as no events");
                    g[b] = 0;
                    t[b] = 0;
                }
            }
            Instant start = Instant.ofEpochMilli(origin + (long) (lo - first) * step);
            List<ReadReport> all = new ArrayList<>(reports);
            ReadReport own = issues.build();
            all.add(own);
            return new SliRead(SliSeries.ofCounts(start, Duration.ofMillis(step), g, t),
                    merge(all, dropped + samplesDropped));
        }
    }
}
