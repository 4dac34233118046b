package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.time.Window;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import io.github.deliverykit.metrics.evidence.EvidenceCheck;
import io.github.deliverykit.metrics.evidence.MinimumEvidence;

/**
 * Evaluates a multiwindow, multi-burn-rate alert table on an {@link SliSeries}: a rule fires when the
 * error ratio over both its long and its short window exceeds {@code factor x (1 - target)}.
 *
 * <p>The table is compiled once for a bucket size into window lengths in buckets and exact rational
 * thresholds, so {@link #firing(SliSeries, int)} costs O(1) per rule (four prefix-sum lookups and
 * two exact cross-multiplications), allocates nothing and never rounds a ratio through
 * {@code double}; {@link #firing(SliSeries, int, int, int[])} evaluates a whole range of boundaries
 * in one pass, with plain 64-bit products wherever the series' totals prove them exact and 128-bit
 * or arbitrary precision only beyond. Thresholds with more than 18 decimals are rounded up at the
 * 18th. Thread safe.
 *
 * <p>A window that reaches back before the series' first bucket is <em>partial</em>: the missing
 * buckets count as good, at the traffic of the covered part, so a rule fires only when the errors
 * actually observed spend its share of the budget (with 6 hours of data the 3-day rule needs the
 * errors of 3 days, not the burn rate of 6 hours). {@link #evaluate(SliSeries, Instant)} says so in
 * {@code alert.partial-window}, and says when the instant lies past the data ({@code alert.stale-data})
 * or before it ({@code alert.before-data}).
 */
public final class AlertEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final int MAX_RULES = 31;
    private static final int MAX_SCALE = 18;
    /** Boundaries per block of the batch evaluation: the block's masks and prefix values stay in L1. */
    private static final int BLOCK = 2048;
    private static final int STRETCH = 32;

    private final SloTarget target;
    private final AlertTable table;
    private final Duration period;
    private final Duration bucket;
    private final long bucketMillis;
    private final int[] longBuckets;
    private final int[] shortBuckets;
    private final long[] num;
    private final long[] den;
    // the largest series total for which every product of a comparison (partial windows included) fits 63 bits
    private final long[] fastLimit;
    private final boolean[] neverFires;
    // the rules that can fire, and the largest series total for which every product of the batch's
    // bounds (at most 3 x max(num, den) x total) and comparisons fits 63 bits for all of them
    private final int[] active;
    private final long minFastLimit;
    private final int pageMask;
    private final Findings configuration;
    private final List<NeverFiring> neverFiring;

    private AlertEvaluator(SloTarget target, AlertTable table, Duration period, Duration bucket) {
        this.target = target;
        this.table = table;
        this.period = period;
        this.bucket = bucket;
        this.bucketMillis = bucket.toMillis();
        int n = table.rules().size();
        longBuckets = new int[n];
        shortBuckets = new int[n];
        num = new long[n];
        den = new long[n];
        fastLimit = new long[n];
        neverFires = new boolean[n];
        int pages = 0;
        List<Finding> config = new ArrayList<>();
        List<NeverFiring> never = new ArrayList<>();
        BigDecimal maxBurn = BigDecimal.ONE.divide(target.budgetRatio(), MathContext.DECIMAL64).stripTrailingZeros();
        for (int i = 0; i < n; i++) {
            BurnRateRule r = table.rules().get(i);
            longBuckets[i] = windowBuckets(r.longWindow(), bucket, "rules[" + i + "].longWindow");
            shortBuckets[i] = windowBuckets(r.shortWindow(), bucket, "rules[" + i + "].shortWindow");
            if (r.severity() == AlertSeverity.PAGE) {
                pages |= 1 << i;
            }
            BigDecimal threshold = r.factor().multiply(target.budgetRatio());
            if (threshold.compareTo(BigDecimal.ONE) >= 0) {
                // even a full outage (error ratio 1) cannot exceed the threshold
                neverFires[i] = true;
                BigDecimal maxShare = maxBurn.multiply(BigDecimal.valueOf(100))
                        .multiply(ErrorBudgets.seconds(r.longWindow()))
                        .divide(ErrorBudgets.seconds(period), 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
                config.add(Finding.warn("alert.can-never-fire", neverMessage(r, maxBurn, maxShare),
                        Facts.of("rule", r.name(), "factor", r.factor(), "maxBurnRate", maxBurn,
                                "maxBudgetPercentInLongWindow", maxShare,
                                "ruleBudgetPercent", r.budgetPercent(period))));
                never.add(new NeverFiring(r.name(), r.factor(), maxBurn, maxShare, r.budgetPercent(period)));
                continue;
            }
            BigDecimal t = threshold.stripTrailingZeros();
            if (t.scale() > MAX_SCALE) {
                t = t.setScale(MAX_SCALE, RoundingMode.CEILING);
            }
            if (t.scale() < 0) {
                t = t.setScale(0);
            }
            num[i] = t.unscaledValue().longValueExact();
            den[i] = BigDecimal.ONE.movePointRight(t.scale()).longValueExact();
            fastLimit[i] = Long.MAX_VALUE / Math.max(num[i], den[i]) / longBuckets[i];
        }
        int[] act = new int[n];
        int count = 0;
        long limit = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (!neverFires[i]) {
                act[count++] = i;
                limit = Math.min(limit, Math.min(fastLimit[i], Long.MAX_VALUE / 4 / Math.max(num[i], den[i])));
            }
        }
        this.active = java.util.Arrays.copyOf(act, count);
        this.minFastLimit = limit;
        this.pageMask = pages;
        this.configuration = Findings.of(config);
        this.neverFiring = List.copyOf(never);
    }

    private String neverMessage(BurnRateRule r, BigDecimal maxBurn, BigDecimal maxShare) {
        return Checks.message("rule %s can never fire: at %s a full outage burns at most %sx, below the %sx factor "
                        + "(at most %s%% of the budget in %s, the rule needs %s%%)",
                r.name(), target, maxBurn.toPlainString(), r.factor().toPlainString(),
                maxShare.toPlainString(), r.longWindow(), r.budgetPercent(period).toPlainString());
    }

    /**
     * Compiles a table for a target, the SLO period (for budget shares in findings) and a bucket
     * size.
     *
     * @param target the SLO target
     * @param table the alert table, at most 31 rules; a built-in table must have been derived for
     *     {@code period}
     * @param period the SLO period, e.g. 30 days
     * @param bucket the bucket size of the series it will evaluate; every window must be a whole
     *     multiple of it
     * @return the evaluator
     * @throws IllegalArgumentException if an argument is null, the table has too many rules, was
     *     derived for another period, or a window is not a whole multiple of the bucket
     */
    public static AlertEvaluator of(SloTarget target, AlertTable table, Duration period, Duration bucket) {
        Checks.notNull(target, "target");
        Checks.notNull(table, "table");
        Checks.positive(period, "period");
        GoodTotalAccumulator.bucketMillis(bucket);
        if (table.rules().size() > MAX_RULES) {
            throw Checks.invalid("table.rules", "must hold at most " + MAX_RULES + " rules", table.rules().size());
        }
        if (table.period() != null && !table.period().equals(period)) {
            throw Checks.invalid("table.period", "must equal the evaluator's period " + period
                    + " (table " + table.id() + " was derived for another period)", table.period());
        }
        return new AlertEvaluator(target, table, period, bucket);
    }

    /**
     * Compiles a table for an SLO: its target and the period of its window ({@link #periodOf(Window)},
     * so a calendar-month SLO needs no fixed duration).
     *
     * @param slo the SLO
     * @param table the alert table, derived for {@code periodOf(slo.window())} if built in
     * @param bucket the bucket size of the series it will evaluate
     * @return the evaluator
     * @throws IllegalArgumentException as {@link #of(SloTarget, AlertTable, Duration, Duration)}
     */
    public static AlertEvaluator of(Slo slo, AlertTable table, Duration bucket) {
        Checks.notNull(slo, "slo");
        return of(slo.target(), table, periodOf(slo.window()), bucket);
    }

    /**
     * The Workbook's table for an SLO: {@code AlertTable.workbook(periodOf(slo.window()))}.
     *
     * @param slo the SLO
     * @param bucket the bucket size of the series it will evaluate
     * @return the evaluator
     * @throws IllegalArgumentException if an argument is null or a window does not fit the bucket
     */
    public static AlertEvaluator workbook(Slo slo, Duration bucket) {
        Checks.notNull(slo, "slo");
        return of(slo, AlertTable.workbook(periodOf(slo.window())), bucket);
    }

    /**
     * The period a window's budget shares are measured against: a rolling window's length, or a
     * calendar unit's average length (day 1 d, week 7 d, month 365/12 d = the seed's 43,800 minutes,
     * quarter 365/4 d, year 365 d), so that an alert table does not change from one month to the next.
     *
     * @param window the SLO window
     * @return the period
     * @throws IllegalArgumentException if the window is null
     */
    public static Duration periodOf(Window window) {
        Checks.notNull(window, "window");
        if (window instanceof Window.Rolling) {
            return ((Window.Rolling) window).length();
        }
        switch (((Window.Calendar) window).unit()) {
            case DAY:
                return Duration.ofDays(1);
            case WEEK:
                return Duration.ofDays(7);
            case MONTH:
                return Duration.ofMinutes(Window.AVERAGE_MONTH_MINUTES);
            case QUARTER:
                return Duration.ofMinutes(Window.AVERAGE_MONTH_MINUTES * 3);
            default:
                return Duration.ofDays(365);
        }
    }

    private static int windowBuckets(Duration window, Duration bucket, String field) {
        if (window.compareTo(bucket.multipliedBy(Integer.MAX_VALUE)) > 0) {
            throw Checks.invalid(field, "must span fewer than 2^31 buckets", window);
        }
        long n = window.dividedBy(bucket);
        if (n == 0 || !bucket.multipliedBy(n).equals(window)) {
            throw Checks.invalid(field, "must be a whole multiple of the bucket " + bucket, window);
        }
        return (int) n;
    }

    /**
     * Findings about the table itself, independent of data: {@code alert.can-never-fire} for each
     * rule whose factor a full outage cannot reach (the Workbook's 90 % example).
     *
     * @return the findings, possibly empty
     */
    public Findings configurationFindings() {
        return configuration;
    }

    /**
     * The rules a full outage cannot make fire, typed: the same rules as the
     * {@code alert.can-never-fire} findings, in table order.
     *
     * @return the rules, possibly empty, immutable
     */
    public List<NeverFiring> neverFiring() {
        return neverFiring;
    }

    private SliSeries checked(@Nullable SliSeries series) {
        if (series == null) {
            throw Checks.invalid("series", "must not be null", null);
        }
        if (series.bucketMillis != bucketMillis) {
            throw Checks.invalid("series.bucket", "must equal the evaluator's bucket " + bucket, series.bucket());
        }
        return series;
    }

    /**
     * The rules firing at a bucket boundary, as a bit mask (bit i = rule i). O(rules), allocation-free.
     * A window reaching back before bucket 0 is partial (see the class comment).
     *
     * @param series the series, with this evaluator's bucket size
     * @param boundary the window end, a bucket boundary in {@code [0, series.buckets()]}
     * @return the mask of firing rules
     * @throws IllegalArgumentException if the series is null, its bucket differs from the evaluator's
     *     or the boundary is out of range
     */
    public int firing(@Nullable SliSeries series, int boundary) {
        SliSeries s = checked(series);
        long[] gp = s.goodPrefix;
        long[] tp = s.totalPrefix;
        if (boundary < 0 || boundary >= tp.length) {
            throw Checks.invalid("boundary", "must be between 0 and " + (tp.length - 1), boundary);
        }
        long g1 = gp[boundary];
        long t1 = tp[boundary];
        int mask = 0;
        for (int i = 0; i < num.length; i++) {
            if (neverFires[i]) {
                continue;
            }
            int lw = longBuckets[i];
            int sw = shortBuckets[i];
            if (boundary >= lw) {
                int lf = boundary - lw;
                long lt = t1 - tp[lf];
                long lb = lt - (g1 - gp[lf]);
                boolean fast = t1 <= fastLimit[i];
                if (!(fast ? lb * den[i] > num[i] * lt : exceeds(lb, lt, num[i], den[i]))) {
                    continue;
                }
                int sf = boundary - sw;
                long st = t1 - tp[sf];
                long sb = st - (g1 - gp[sf]);
                if (fast ? sb * den[i] > num[i] * st : exceeds(sb, st, num[i], den[i])) {
                    mask |= 1 << i;
                }
            } else if (partialFires(i, gp, tp, boundary)) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /** Rule i at a boundary whose long window is partial (boundary below the long window). */
    private boolean partialFires(int i, long[] gp, long[] tp, int boundary) {
        long t1 = tp[boundary];
        long b1 = t1 - gp[boundary];
        if (!exceedsScaled(b1, t1, num[i], den[i], boundary, longBuckets[i], fastLimit[i])) {
            return false;
        }
        int sw = shortBuckets[i];
        if (boundary >= sw) {
            int sf = boundary - sw;
            long st = t1 - tp[sf];
            long sb = b1 - (tp[sf] - gp[sf]);
            return t1 <= fastLimit[i] ? sb * den[i] > num[i] * st : exceeds(sb, st, num[i], den[i]);
        }
        return exceedsScaled(b1, t1, num[i], den[i], boundary, sw, fastLimit[i]);
    }

    /**
     * The rules firing at every boundary of a range, in one pass over the prefix sums: exactly the
     * masks {@link #firing(SliSeries, int)} gives, at most O(1) per rule and boundary, allocation-free.
     * Where the series' totals prove every product exact in 64 bits (about 9 x 10^14 events for
     * 99.9 % and a 3-day window of minutes), the comparisons are plain multiplications, and each
     * rule's full windows go in stretches of 32 boundaries: bounds read off the prefix sums at a
     * stretch's two ends settle the whole stretch when it is quiet or firing throughout, and only the
     * stretches where a window may cross its threshold are compared boundary by boundary.
     *
     * @param series the series, with this evaluator's bucket size
     * @param from the first boundary, in {@code [0, series.buckets()]}
     * @param to the boundary after the last, in {@code [from, series.buckets() + 1]}
     * @param masks receives the mask of boundary {@code from + k} at index {@code k}; at least
     *     {@code to - from} long
     * @return the OR of all the masks written (0 when no rule fires anywhere in the range)
     * @throws IllegalArgumentException if the series or masks is null, the bucket differs, the range is
     *     out of bounds or masks is too short
     */
    public int firing(@Nullable SliSeries series, int from, int to, int @Nullable [] masks) {
        SliSeries s = checked(series);
        long[] gp = s.goodPrefix;
        long[] tp = s.totalPrefix;
        if (from < 0 || from >= tp.length) {
            throw Checks.invalid("from", "must be between 0 and " + (tp.length - 1), from);
        }
        if (to < from || to > tp.length) {
            throw Checks.invalid("to", "must be between from (" + from + ") and " + tp.length, to);
        }
        if (masks == null) {
            throw Checks.invalid("masks", "must not be null", null);
        }
        if (masks.length < to - from) {
            throw Checks.invalid("masks.length", "must be at least to - from (" + (to - from) + ")", masks.length);
        }
        int any = 0;
        if (to > from && tp[to - 1] <= minFastLimit) {
            // every product of the range exact in 64 bits: rule by rule, its partial boundaries one at a
            // time, then its full ones in stretches
            java.util.Arrays.fill(masks, 0, to - from, 0);
            for (int i : active) {
                int full = Math.max(from, Math.min(to, longBuckets[i]));
                any |= partials(i, gp, tp, from, full, masks, 0);
                if (full < to) {
                    any |= stretches(i, gp, tp, full, to, masks, full - from);
                }
            }
            return any;
        }
        // totals that need the exact comparison: rule by rule over blocks of boundaries
        for (int lo = from; lo < to; lo += BLOCK) {
            int hi = Math.min(to, lo + BLOCK);
            java.util.Arrays.fill(masks, lo - from, hi - from, 0);
            for (int i = 0; i < num.length; i++) {
                if (!neverFires[i]) {
                    any |= block(i, gp, tp, lo, hi, masks, lo - from);
                }
            }
        }
        return any;
    }

    /**
     * Rule i at the boundaries {@code [lo, hi)}, every window full and every product below 2^61: adds
     * its bit to the masks where it fires. The boundaries go in stretches of {@link #STRETCH}; a window
     * fires where {@code F = d x bad - n x total > 0}, and over a stretch starting at b, F can rise by
     * at most {@code d x} (the bad events entering) {@code + n x} (the events leaving) and fall by at
     * most {@code d x} (the bad events leaving) {@code + n x} (the events entering), all four read off
     * the prefix sums at the stretch's ends. Where these bounds decide both windows for the whole
     * stretch (quiet, or firing throughout), one evaluation stands for the stretch; elsewhere each
     * boundary is compared exactly.
     */
    private int stretches(int i, long[] gp, long[] tp, int lo, int hi, int[] masks, int off) {
        int lw = longBuckets[i];
        int sw = shortBuckets[i];
        long n = num[i];
        long d = den[i];
        int bit = 1 << i;
        int any = 0;
        for (int b = lo; b < hi; b += STRETCH) {
            int e = Math.min(hi, b + STRETCH) - 1;
            long tb = tp[b];
            long bb = tb - gp[b];
            long te = tp[e];
            long be = te - gp[e];
            // the long window: F at b, then its largest and smallest value over the stretch
            long tl = tp[b - lw];
            long bl = tl - gp[b - lw];
            long tel = tp[e - lw];
            long bel = tel - gp[e - lw];
            long f = d * ((bb - bl)) - n * (tb - tl);
            if (f + d * (be - bb) + n * (tel - tl) <= 0) {
                continue; // quiet throughout
            }
            if (f - d * (bel - bl) - n * (te - tb) > 0) {
                long ts = tp[b - sw];
                long bs = ts - gp[b - sw];
                long tes = tp[e - sw];
                long bes = tes - gp[e - sw];
                long fs = d * (bb - bs) - n * (tb - ts);
                if (fs + d * (be - bb) + n * (tes - ts) <= 0) {
                    continue; // the short window quiet throughout
                }
                if (fs - d * (bes - bs) - n * (te - tb) > 0) {
                    for (int k = b - lo + off, end = e - lo + off; k <= end; k++) {
                        masks[k] |= bit;
                    }
                    any = bit;
                    continue;
                }
            }
            any |= each(gp, tp, lw, sw, n, d, bit, b, e + 1, masks, b - lo + off);
        }
        return any;
    }

    /** Rule i at each boundary of {@code [lo, hi)}, all below its long window; adds its bit to
     * {@code masks[off + b - lo]} where it fires. */
    private int partials(int i, long[] gp, long[] tp, int lo, int hi, int[] masks, int off) {
        int bit = 1 << i;
        int any = 0;
        for (int b = lo, k = off; b < hi; b++, k++) {
            if (partialFires(i, gp, tp, b)) {
                masks[k] |= bit;
                any = bit;
            }
        }
        return any;
    }

    /**
     * A rule (long and short window, threshold {@code n / d}, mask bit) at each boundary of
     * {@code [lo, hi)}, every window full and every product exact in 64 bits; adds its bit to
     * {@code masks[off + b - lo]} where it fires.
     */
    private static int each(long[] gp, long[] tp, int lw, int sw, long n, long d, int bit, int lo, int hi,
            int[] masks, int off) {
        int any = 0;
        for (int b = lo, k = off; b < hi; b++, k++) {
            long t1 = tp[b];
            long g1 = gp[b];
            long lt = t1 - tp[b - lw];
            long lb = lt - (g1 - gp[b - lw]);
            if (lb * d > n * lt) {
                long st = t1 - tp[b - sw];
                long sb = st - (g1 - gp[b - sw]);
                if (sb * d > n * st) {
                    masks[k] |= bit;
                    any = bit;
                }
            }
        }
        return any;
    }

    private int block(int i, long[] gp, long[] tp, int lo, int hi, int[] masks, int off) {
        int bit = 1 << i;
        int any = 0;
        int lw = longBuckets[i];
        int full = Math.max(lo, Math.min(hi, lw));
        any |= partials(i, gp, tp, lo, full, masks, off);
        if (full >= hi) {
            return any;
        }
        int sw = shortBuckets[i];
        long n = num[i];
        long d = den[i];
        if (tp[hi - 1] <= fastLimit[i]) {
            // every window total is at most tp[hi - 1]: bad x d and n x total are exact longs
            any |= each(gp, tp, lw, sw, n, d, bit, full, hi, masks, full - lo + off);
        } else {
            for (int b = full; b < hi; b++) {
                long t1 = tp[b];
                long g1 = gp[b];
                long lt = t1 - tp[b - lw];
                long lb = lt - (g1 - gp[b - lw]);
                if (exceeds(lb, lt, n, d)) {
                    long st = t1 - tp[b - sw];
                    long sb = st - (g1 - gp[b - sw]);
                    if (exceeds(sb, st, n, d)) {
                        masks[b - lo + off] |= bit;
                        any = bit;
                    }
                }
            }
        }
        return any;
    }

    /** {@code bad / total > num / den}, exactly, for non-negative operands. */
    static boolean exceeds(long bad, long total, long num, long den) {
        long h1 = Math.multiplyHigh(bad, den);
        long h2 = Math.multiplyHigh(num, total);
        if (h1 != h2) {
            return h1 > h2;
        }
        return Long.compareUnsigned(bad * den, num * total) > 0;
    }

    /**
     * {@code (bad / total) x (covered / window) > num / den}, exactly: the error ratio of a partial
     * window whose missing {@code window - covered} buckets count as good at the covered traffic.
     */
    static boolean exceedsScaled(long bad, long total, long num, long den, long covered, long window, long fastLimit) {
        if (covered >= window) {
            return exceeds(bad, total, num, den);
        }
        if (total <= fastLimit) {
            return bad * den * covered > num * total * window;
        }
        return BigInteger.valueOf(bad).multiply(BigInteger.valueOf(den)).multiply(BigInteger.valueOf(covered))
                .compareTo(BigInteger.valueOf(num).multiply(BigInteger.valueOf(total))
                        .multiply(BigInteger.valueOf(window))) > 0;
    }

    /**
     * The state a firing mask stands for.
     *
     * @param mask a mask from {@link #firing(SliSeries, int)}
     * @return PAGE if a page rule fires, else TICKET if any rule fires, else OK
     */
    public AlertState state(int mask) {
        if ((mask & pageMask) != 0) {
            return AlertState.PAGE;
        }
        return mask != 0 ? AlertState.TICKET : AlertState.OK;
    }

    /**
     * Evaluates every rule at an instant (the last bucket boundary at or before it) and explains it:
     * each rule's long and short burn rates, {@code alert.firing} or {@code alert.quiet} (or, for a
     * rule a full outage cannot make fire, {@code alert.can-never-fire} in its place), a
     * {@code alert.low-traffic} warning when {@code (1 - target) x events} in a rule's long window is
     * below 1 (a single bad event would exceed any budget), {@code alert.partial-window} when a rule's
     * long window reaches back before the data, and {@code alert.stale-data} / {@code alert.before-data}
     * when the instant lies after the series' end / before its origin.
     *
     * @param series the series, with this evaluator's bucket size
     * @param at the evaluation instant
     * @return the state with its findings and each rule's burn rates
     * @throws IllegalArgumentException if an argument is null or the bucket size differs
     */
    public AlertDecision evaluate(@Nullable SliSeries series, @Nullable Instant at) {
        return decide(checked(series), Checks.notNull(at, "at"), null, BurnRateCorrection.NONE);
    }

    /**
     * Evaluates every rule at an instant as {@link #evaluate(SliSeries, Instant)} does, under a
     * minimum-evidence rule set (the one the canary gates use): a rule whose long window holds fewer
     * events than {@link MinimumEvidence#requiredEvents(double)} at the rule's threshold error ratio
     * {@code factor x (1 - target)} (scaled up for a partial window) neither fires nor reports quiet:
     * it says {@code alert.insufficient-evidence} ("no data"), unless its errors prove the breach
     * (certainly, or with {@link MinimumEvidence.BelowMinimum#EXACT_TEST} by the exact binomial test),
     * so one bad request in a quiet hour never pages. The evidence never makes a rule fire that the
     * burn-rate condition does not. Each {@link RuleEvaluation#evidence()} carries the check.
     *
     * @param series the series, with this evaluator's bucket size
     * @param at the evaluation instant
     * @param evidence the minimum-evidence rule set
     * @return the state with its findings and each rule's burn rates and evidence
     * @throws IllegalArgumentException if an argument is null or the bucket size differs
     */
    public AlertDecision evaluate(@Nullable SliSeries series, @Nullable Instant at, @Nullable MinimumEvidence evidence) {
        return evaluate(series, at, evidence, BurnRateCorrection.NONE);
    }

    /**
     * Evaluates every rule at an instant under a minimum-evidence rule set and, with
     * {@link BurnRateCorrection#DENOMINATOR}, on denominator-corrected burn rates (Sloth's
     * {@code denominator_corrected_rules} plugin): each window's error ratio is multiplied by
     * {@code k = min(1, (events(w) / |w|) / (events(P) / |P|))}, the window's traffic rate over the SLO
     * period's (both over the part covered by data), so that errors in a quiet hour weigh what they
     * cost of the period's budget, not of the hour's. See {@link BurnRateCorrection}.
     *
     * @param series the series, with this evaluator's bucket size
     * @param at the evaluation instant
     * @param evidence the minimum-evidence rule set
     * @param correction the burn-rate correction
     * @return the state with its findings and each rule's (corrected) burn rates and evidence
     * @throws IllegalArgumentException if an argument is null or the bucket size differs
     */
    public AlertDecision evaluate(@Nullable SliSeries series, @Nullable Instant at, @Nullable MinimumEvidence evidence,
            @Nullable BurnRateCorrection correction) {
        SliSeries s = checked(series);
        Checks.notNull(at, "at");
        Checks.notNull(evidence, "evidence");
        Checks.notNull(correction, "correction");
        return decide(s, at, evidence, correction);
    }

    private AlertDecision decide(SliSeries s, Instant at, @Nullable MinimumEvidence evidence, BurnRateCorrection correction) {
        int b = s.boundaryAtOrBefore(at);
        boolean corrected = correction == BurnRateCorrection.DENOMINATOR;
        int mask = corrected ? correctedFiring(s, b) : firing(s, b);
        List<Finding> out = new ArrayList<>();
        Instant end = s.boundary(s.buckets());
        Duration staleBy = Duration.ZERO;
        if (at.isAfter(end)) {
            staleBy = Duration.between(end, at);
            out.add(Finding.warn("alert.stale-data", Checks.message(
                    "the series ends at %s, %s before %s: the rules are evaluated at its last boundary and "
                            + "nothing after it is known", end, staleBy, at),
                    Facts.of("at", at, "seriesEnd", end, "staleBy", staleBy)));
        } else if (at.isBefore(s.origin())) {
            out.add(Finding.warn("alert.before-data", Checks.message(
                    "%s lies before the series' origin %s: there is no data to evaluate", at, s.origin()),
                    Facts.of("at", at, "seriesOrigin", s.origin())));
        }
        List<RuleEvaluation> rules = new ArrayList<>(num.length);
        BigDecimal ratio = target.budgetRatio();
        int neverIndex = 0;
        for (int i = 0; i < num.length; i++) {
            BurnRateRule r = table.rules().get(i);
            int lf = Math.max(0, b - longBuckets[i]);
            int sf = Math.max(0, b - shortBuckets[i]);
            long lt = s.total(lf, b);
            long st = s.total(sf, b);
            int longCovered = Math.min(b, longBuckets[i]);
            int shortCovered = Math.min(b, shortBuckets[i]);
            long lb = s.bad(lf, b);
            long sb = s.bad(sf, b);
            BigDecimal longBurn;
            BigDecimal shortBurn;
            BigDecimal longK = BigDecimal.ONE;
            BigDecimal shortK = BigDecimal.ONE;
            if (corrected) {
                long pt = periodTotal(s, b);
                int pc = Math.min(b, periodBuckets());
                longK = BurnRateCorrection.factor(lt, longCovered, pt, pc);
                shortK = BurnRateCorrection.factor(st, shortCovered, pt, pc);
                longBurn = correctedBurn(lb, lt, ratio, longCovered, longBuckets[i], pt, pc);
                shortBurn = correctedBurn(sb, st, ratio, shortCovered, shortBuckets[i], pt, pc);
            } else {
                longBurn = burn(lb, lt, ratio, longCovered, longBuckets[i]);
                shortBurn = burn(sb, st, ratio, shortCovered, shortBuckets[i]);
            }
            Duration covered = bucket.multipliedBy(longCovered);
            boolean fires = (mask & (1 << i)) != 0;
            EvidenceCheck check = null;
            if (evidence != null && !neverFires[i]) {
                double rate = evidenceRate(i, longCovered, longK);
                if (rate <= 1) {
                    check = evidence.check(lt, lb, rate, MinimumEvidence.Breach.ABOVE_RATE);
                }
            }
            boolean held = check != null && check.holds();
            boolean wouldFire = fires;
            if (fires && check != null && !check.sufficient() && !check.breached()) {
                fires = false;
                mask &= ~(1 << i);
            }
            Facts.Builder fb = Facts.builder().put("rule", r.name()).put("severity", r.severity()).put("factor", r.factor())
                    .put("longWindow", r.longWindow()).put("shortWindow", r.shortWindow()).put("longBurnRate", longBurn)
                    .put("shortBurnRate", shortBurn).put("longEvents", lt).put("shortEvents", st);
            if (corrected) {
                fb.put("longCorrection", longK).put("shortCorrection", shortK);
            }
            Facts facts = fb.build();
            rules.add(new RuleEvaluation(r.name(), r.severity(), longBurn, shortBurn, lt, st, fires,
                    longCovered < longBuckets[i], covered,
                    !neverFires[i], check));
            if (held) {
                Facts.Builder hb = Facts.builder();
                facts.values().forEach(hb::put);
                hb.put("wouldFire", wouldFire);
                check.facts().values().forEach((k, v) -> {
                    if (!facts.values().containsKey(k)) {
                        hb.put(k, v);
                    }
                });
                out.add(Finding.warn("alert.insufficient-evidence", Checks.message(
                        "%s: no data: %s in %s, too few to %s (burn rate %sx over %s, %sx over %s, factor %sx)", r.name(),
                        check.describe(), r.longWindow(), wouldFire ? "fire" : "call it quiet", longBurn.toPlainString(),
                        r.longWindow(), shortBurn.toPlainString(), r.shortWindow(), r.factor().toPlainString()),
                        hb.build()));
            } else if (fires) {
                String msg = Checks.message("%s fires: burn rate %sx over %s and %sx over %s exceed %sx",
                        r.name(), longBurn.toPlainString(), r.longWindow(), shortBurn.toPlainString(), r.shortWindow(),
                        r.factor().toPlainString());
                out.add(r.severity() == AlertSeverity.PAGE ? Finding.fail("alert.firing", msg, facts)
                        : Finding.warn("alert.firing", msg, facts));
                if (check != null && check.breached()) {
                    out.add(Finding.info("alert.evidence-below-minimum", Checks.message(
                            "%s fires below the minimum evidence: %s", r.name(), check.describe()),
                            withRule(r.name(), check.facts())));
                }
            } else if (neverFires[i]) {
                NeverFiring nf = neverFiring.get(neverIndex);
                out.add(Finding.warn("alert.can-never-fire", neverMessage(r, nf.maxBurnRate(),
                        nf.maxBudgetPercentInLongWindow()) + Checks.message("; now %sx over %s, %sx over %s",
                        longBurn.toPlainString(), r.longWindow(), shortBurn.toPlainString(), r.shortWindow()),
                        Facts.of("rule", r.name(), "factor", r.factor(), "maxBurnRate", nf.maxBurnRate(),
                                "maxBudgetPercentInLongWindow", nf.maxBudgetPercentInLongWindow(),
                                "ruleBudgetPercent", nf.ruleBudgetPercent(), "longBurnRate", longBurn,
                                "shortBurnRate", shortBurn)));
            } else {
                out.add(Finding.pass("alert.quiet", Checks.message("%s quiet: burn rate %sx over %s, %sx over %s, "
                        + "factor %sx", r.name(), longBurn.toPlainString(), r.longWindow(), shortBurn.toPlainString(),
                        r.shortWindow(), r.factor().toPlainString()), facts));
            }
            if (neverFires[i]) {
                neverIndex++;
            }
            if (longCovered < longBuckets[i]) {
                BigDecimal observedBurn = burn(s.bad(lf, b), lt, ratio, 1, 1);
                out.add(Finding.warn("alert.partial-window", Checks.message(
                        "%s: only %s of data in its %s window (burn rate %sx over the data); the missing part "
                                + "counts as good at the observed traffic, so the rule fires only when the errors "
                                + "seen spend its %s%% of the budget", r.name(), covered, r.longWindow(),
                        observedBurn.toPlainString(), r.budgetPercent(period).toPlainString()),
                        Facts.of("rule", r.name(), "longWindow", r.longWindow(), "covered", covered,
                                "observedBurnRate", observedBurn, "effectiveBurnRate", longBurn)));
            }
            if (ratio.multiply(BigDecimal.valueOf(lt)).compareTo(BigDecimal.ONE) < 0) {
                out.add(Finding.warn("alert.low-traffic", Checks.message(
                        "%s: only %d events in %s; at %s one bad event exceeds the whole allowed error count",
                        r.name(), lt, r.longWindow(), target), Facts.of("rule", r.name(), "longEvents", lt,
                        "allowedBadEvents", ratio.multiply(BigDecimal.valueOf(lt)).stripTrailingZeros())));
            }
        }
        AlertState state = state(mask);
        LOG.debug("alert table {} for {} at {}: {}", table.id(), target, at, state);
        return new AlertDecision(state, Findings.of(out), rules, s.boundary(b), staleBy);
    }

    private static Facts withRule(String rule, Facts facts) {
        Facts.Builder b = Facts.builder().put("rule", rule);
        facts.values().forEach(b::put);
        return b.build();
    }

    /** The SLO period in buckets (at least 1): the denominator window of the correction. */
    private int periodBuckets() {
        long n = period.dividedBy(bucket);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, n));
    }

    private long periodTotal(SliSeries s, int b) {
        return s.total(Math.max(0, b - periodBuckets()), b);
    }

    /**
     * The error ratio the long window's raw counts must exceed for rule i to fire: the threshold,
     * scaled up by {@code window / covered} for a partial window and divided by the correction.
     */
    private double evidenceRate(int i, int covered, BigDecimal k) {
        if (covered == 0 || k.signum() == 0) {
            return 2;
        }
        BigDecimal t = BigDecimal.valueOf(num[i]).divide(BigDecimal.valueOf(den[i]), MathContext.DECIMAL64)
                .multiply(BigDecimal.valueOf(longBuckets[i]))
                .divide(BigDecimal.valueOf(covered).multiply(k), MathContext.DECIMAL64);
        return t.compareTo(BigDecimal.ONE) > 0 ? 2 : t.doubleValue();
    }

    /** The corrected burn rate of a window: {@link #burn} times the correction factor when below 1. */
    private static BigDecimal correctedBurn(long bad, long total, BigDecimal ratio, int covered, int window,
            long periodTotal, int periodCovered) {
        if (total == 0) {
            return BigDecimal.ZERO;
        }
        if (!BurnRateCorrection.reduces(total, covered, periodTotal, periodCovered)) {
            return burn(bad, total, ratio, covered, window);
        }
        // k x bad / total x covered / window = bad x periodCovered / (periodTotal x window)
        return BigDecimal.valueOf(bad).multiply(BigDecimal.valueOf(periodCovered))
                .divide(ratio.multiply(BigDecimal.valueOf(periodTotal)).multiply(BigDecimal.valueOf(window)), 6,
                        RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    /**
     * The rules firing at a boundary on denominator-corrected error ratios, exactly: a window fires when
     * {@code min(1, k) x bad / total x covered / window > num / den}.
     */
    private int correctedFiring(SliSeries s, int b) {
        long pt = periodTotal(s, b);
        int pc = Math.min(b, periodBuckets());
        int mask = 0;
        for (int i = 0; i < num.length; i++) {
            if (neverFires[i]) {
                continue;
            }
            if (correctedExceeds(s, b, longBuckets[i], i, pt, pc) && correctedExceeds(s, b, shortBuckets[i], i, pt, pc)) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    private boolean correctedExceeds(SliSeries s, int b, int window, int i, long periodTotal, int periodCovered) {
        int from = Math.max(0, b - window);
        int covered = b - from;
        long total = s.total(from, b);
        long bad = s.bad(from, b);
        if (total == 0 || bad == 0) {
            return false;
        }
        BigInteger n = BigInteger.valueOf(num[i]);
        BigInteger d = BigInteger.valueOf(den[i]);
        BigInteger w = BigInteger.valueOf(window);
        if (BurnRateCorrection.reduces(total, covered, periodTotal, periodCovered)) {
            // bad x periodCovered / (periodTotal x window) > num / den
            return BigInteger.valueOf(bad).multiply(BigInteger.valueOf(periodCovered)).multiply(d)
                    .compareTo(n.multiply(BigInteger.valueOf(periodTotal)).multiply(w)) > 0;
        }
        return BigInteger.valueOf(bad).multiply(BigInteger.valueOf(covered)).multiply(d)
                .compareTo(n.multiply(BigInteger.valueOf(total)).multiply(w)) > 0;
    }

    /**
     * What {@link #evaluate(SliSeries, Instant)} decided: the alert state, the findings that explain
     * it, and each rule's burn rates as typed values (read these, not the findings' facts).
     *
     * @param verdict the alert state
     * @param findings the findings: stale or missing data first, then per rule, in rule order
     * @param rules one evaluation per rule, in table order
     * @param evaluatedAt the bucket boundary the rules were evaluated at
     * @param staleBy how far the evaluation instant lies past the series' end (zero when it does not)
     */
    public record AlertDecision(AlertState verdict, Findings findings, List<RuleEvaluation> rules,
            Instant evaluatedAt, Duration staleBy) implements Decided<AlertState> {

        /**
         * Validates the decision.
         *
         * @throws IllegalArgumentException if a field is null or staleBy negative
         */
        public AlertDecision {
            Checks.notNull(verdict, "verdict");
            Checks.notNull(findings, "findings");
            rules = Checks.listOf(rules, "rules");
            Checks.notNull(evaluatedAt, "evaluatedAt");
            Checks.nonNegative(staleBy, "staleBy");
        }

        /**
         * Whether the evaluation instant lies past the series' end.
         *
         * @return true when stale
         */
        public boolean stale() {
            return !staleBy.isZero();
        }

        /**
         * Whether some rule's long window reached back before the data.
         *
         * @return true when a window was partial
         */
        public boolean partial() {
            for (RuleEvaluation r : rules) {
                if (r.partial()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One rule at one evaluation: its burn rates over both windows, the events behind them, and
     * whether it fires. For a partial window the burn rate is the effective one (missing buckets
     * counted as good at the covered traffic).
     *
     * @param rule the rule name
     * @param severity the rule's severity
     * @param longBurnRate the burn rate over the long window (0 without events)
     * @param shortBurnRate the burn rate over the short window (0 without events)
     * @param longEvents events in the long window
     * @param shortEvents events in the short window
     * @param firing whether both burn rates exceed the rule's factor
     * @param partial whether the long window reached back before the data
     * @param covered the part of the long window covered by data (the long window itself unless partial)
     * @param canFire false when even a full outage cannot make the rule fire at the target
     * @param evidence the minimum-evidence check of the long window, or null when evaluated without a
     *     rule set (or for a rule that cannot fire on the data)
     */
    public record RuleEvaluation(String rule, AlertSeverity severity, BigDecimal longBurnRate,
            BigDecimal shortBurnRate, long longEvents, long shortEvents, boolean firing, boolean partial,
            Duration covered, boolean canFire, @Nullable EvidenceCheck evidence) {

        /**
         * An evaluation without a minimum-evidence check.
         *
         * @param rule the rule name
         * @param severity the rule's severity
         * @param longBurnRate the burn rate over the long window
         * @param shortBurnRate the burn rate over the short window
         * @param longEvents events in the long window
         * @param shortEvents events in the short window
         * @param firing whether the rule fires
         * @param partial whether the long window reached back before the data
         * @param covered the part of the long window covered by data
         * @param canFire false when even a full outage cannot make the rule fire
         * @throws IllegalArgumentException if a field is null or a count negative
         */
        public RuleEvaluation(String rule, AlertSeverity severity, BigDecimal longBurnRate, BigDecimal shortBurnRate,
                long longEvents, long shortEvents, boolean firing, boolean partial, Duration covered, boolean canFire) {
            this(rule, severity, longBurnRate, shortBurnRate, longEvents, shortEvents, firing, partial, covered,
                    canFire, null);
        }

        /**
         * Whether the rule was held for lack of evidence: too few events and no proven breach.
         *
         * @return true when a check was made and it holds
         */
        public boolean held() {
            return evidence != null && evidence.holds();
        }

        /**
         * Validates the evaluation.
         *
         * @throws IllegalArgumentException if a field is null or a count negative
         */
        public RuleEvaluation {
            Checks.notBlank(rule, "rule");
            Checks.notNull(severity, "severity");
            Checks.notNull(longBurnRate, "longBurnRate");
            Checks.notNull(shortBurnRate, "shortBurnRate");
            Checks.nonNegative(longEvents, "longEvents");
            Checks.nonNegative(shortEvents, "shortEvents");
            Checks.nonNegative(covered, "covered");
        }

    }
    /**
     * A rule that a full outage cannot make fire at the evaluator's target.
     *
     * @param rule the rule name
     * @param factor the rule's burn-rate factor
     * @param maxBurnRate the highest burn rate possible at the target ({@code 1 / (1 - target)})
     * @param maxBudgetPercentInLongWindow the most of the budget a full outage spends in the long window, percent
     * @param ruleBudgetPercent the share of the budget the rule needs in its long window, percent
     */
    public record NeverFiring(String rule, BigDecimal factor, BigDecimal maxBurnRate,
            BigDecimal maxBudgetPercentInLongWindow, BigDecimal ruleBudgetPercent) {

        /**
         * Validates the record.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public NeverFiring {
            Checks.notBlank(rule, "rule");
            Checks.notNull(factor, "factor");
            Checks.notNull(maxBurnRate, "maxBurnRate");
            Checks.notNull(maxBudgetPercentInLongWindow, "maxBudgetPercentInLongWindow");
            Checks.notNull(ruleBudgetPercent, "ruleBudgetPercent");
        }
    }

    private static BigDecimal burn(long bad, long total, BigDecimal ratio, long covered, long window) {
        if (total == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(bad).multiply(BigDecimal.valueOf(covered))
                .divide(ratio.multiply(BigDecimal.valueOf(total)).multiply(BigDecimal.valueOf(window)), 6,
                        RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    /**
     * The compiled table.
     *
     * @return the table
     */
    public AlertTable table() {
        return table;
    }

    /**
     * The number of rules.
     *
     * @return the count
     */
    public int rules() {
        return num.length;
    }

    /**
     * A named set of multiwindow burn-rate rules. Built-in tables: the SRE Workbook's (derived from
     * budget shares, so it scales to any period), Sloth's (the Workbook's plus a 1-day ticket) and
     * Pyrra's (fixed factors, windows scaled from 28 days).
     *
     * @param id the table id, e.g. {@code workbook}
     * @param rules the rules, in order
     * @param period the SLO period the factors were derived for (an evaluator for another period
     *     rejects the table), or null for a table that holds for any period
     */
    public record AlertTable(String id, List<BurnRateRule> rules, @Nullable Duration period) {

        /**
         * Validates the table.
         *
         * @throws IllegalArgumentException if the id is blank, the rules are null or empty, or the
         *     period is not positive
         */
        public AlertTable {
            Checks.notBlank(id, "id");
            rules = Checks.listOf(rules, "rules");
            if (rules.isEmpty()) {
                throw Checks.invalid("rules", "must not be empty", rules);
            }
            if (period != null) {
                Checks.positive(period, "period");
            }
        }

        /**
         * A table of fixed factors that holds for any period.
         *
         * @param id the table id
         * @param rules the rules, in order
         * @throws IllegalArgumentException if the id is blank or the rules are null or empty
         */
        public AlertTable(String id, List<BurnRateRule> rules) {
            this(id, rules, null);
        }

        /**
         * The Workbook's table: page at 2 % of the budget in 1 h (short 5 m), page at 5 % in 6 h (30 m),
         * ticket at 10 % in 3 days (6 h). For 30 days: 14.4x, 6x and 1x.
         *
         * @param period the SLO period
         * @return the table
         */
        public static AlertTable workbook(Duration period) {
            return new AlertTable("workbook", List.of(
                    share("page-1h", AlertSeverity.PAGE, 2, period, Duration.ofHours(1)),
                    share("page-6h", AlertSeverity.PAGE, 5, period, Duration.ofHours(6)),
                    share("ticket-3d", AlertSeverity.TICKET, 10, period, Duration.ofDays(3))), period);
        }

        /**
         * Sloth's default table: page 2 % in 1 h, page 5 % in 6 h, ticket 10 % in 1 day, ticket 10 % in
         * 3 days; short windows are long / 12. For 30 days: 14.4x, 6x, 3x and 1x.
         *
         * @param period the SLO period
         * @return the table
         */
        public static AlertTable sloth(Duration period) {
            return new AlertTable("sloth", List.of(
                    share("page-quick", AlertSeverity.PAGE, 2, period, Duration.ofHours(1)),
                    share("page-slow", AlertSeverity.PAGE, 5, period, Duration.ofHours(6)),
                    share("ticket-quick", AlertSeverity.TICKET, 10, period, Duration.ofDays(1)),
                    share("ticket-slow", AlertSeverity.TICKET, 10, period, Duration.ofDays(3))), period);
        }

        /**
         * Pyrra's table: factors 14, 7, 2 and 1 (critical, critical, warning, warning) with the windows
         * 1h/5m, 6h/30m, 1d/2h and 4d/6h of a 28-day SLO, scaled to the period and rounded to the
         * minute.
         *
         * @param period the SLO period, at least 1 day
         * @return the table
         */
        public static AlertTable pyrra(Duration period) {
            Checks.positive(period, "period");
            if (period.compareTo(Duration.ofDays(1)) < 0) {
                throw Checks.invalid("period", "must be at least 1 day for Pyrra's scaled windows", period);
            }
            return new AlertTable("pyrra", List.of(
                    scaled("critical-1", AlertSeverity.PAGE, 14, period, 28 * 24, 28 * 24 * 12),
                    scaled("critical-2", AlertSeverity.PAGE, 7, period, 28 * 4, 28 * 24 * 2),
                    scaled("warning-1", AlertSeverity.TICKET, 2, period, 28, 28 * 12),
                    scaled("warning-2", AlertSeverity.TICKET, 1, period, 7, 28 * 4)), period);
        }

        private static BurnRateRule share(String name, AlertSeverity severity, int percent, Duration period, Duration longWindow) {
            return BurnRateRule.ofBudgetShare(name, severity, BigDecimal.valueOf(percent), period, longWindow);
        }

        private static BurnRateRule scaled(String name, AlertSeverity severity, int factor, Duration period,
                long longDivisor, long shortDivisor) {
            return new BurnRateRule(name, severity, roundToMinute(period.dividedBy(longDivisor)),
                    roundToMinute(period.dividedBy(shortDivisor)), BigDecimal.valueOf(factor));
        }

        private static Duration roundToMinute(Duration d) {
            long seconds = d.getSeconds() + (d.getNano() >= 500_000_000 ? 1 : 0);
            long minutes = Math.max(1, (seconds + 30) / 60);
            return Duration.ofMinutes(minutes);
        }
    }

    /**
     * One multiwindow burn-rate alert rule: it fires when the burn rate over both the long and the short
     * window exceeds {@code factor}, i.e. when both error ratios exceed {@code factor x (1 - target)}.
     *
     * @param name a short name, e.g. {@code page-1h}
     * @param severity page or ticket
     * @param longWindow the long window
     * @param shortWindow the short window, at most the long one (the Workbook uses long / 12)
     * @param factor the burn-rate factor, positive
     */
    public record BurnRateRule(String name, AlertSeverity severity, Duration longWindow, Duration shortWindow,
            BigDecimal factor) {

        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        /**
         * Validates the rule.
         *
         * @throws IllegalArgumentException if a field is null, a window not positive, the short window
         *     longer than the long one, or the factor not positive, above 10^9 or with more than 30 decimals
         */
        public BurnRateRule {
            Checks.notBlank(name, "name");
            Checks.notNull(severity, "severity");
            Checks.positive(longWindow, "longWindow");
            Checks.positive(shortWindow, "shortWindow");
            if (shortWindow.compareTo(longWindow) > 0) {
                throw Checks.invalid("shortWindow", "must not be longer than longWindow (" + longWindow + ")", shortWindow);
            }
            factor = Decimals.positive(factor, "factor").stripTrailingZeros();
        }

        /**
         * The Workbook's derivation: a rule that fires when {@code budgetPercent} of the budget of a
         * {@code period} is spent within {@code longWindow}: factor = budget% x period / long window,
         * short window = long window / 12.
         *
         * @param name the rule name
         * @param severity the severity
         * @param budgetPercent the share of the budget, in percent, e.g. 2
         * @param period the SLO period, e.g. 30 days
         * @param longWindow the long window, e.g. 1 hour
         * @return the rule, e.g. 14.4x over 1h / 5m
         * @throws IllegalArgumentException if an argument is null or not positive
         */
        public static BurnRateRule ofBudgetShare(String name, AlertSeverity severity, BigDecimal budgetPercent,
                Duration period, Duration longWindow) {
            Decimals.positive(budgetPercent, "budgetPercent");
            Checks.positive(period, "period");
            Checks.positive(longWindow, "longWindow");
            BigDecimal ratio = ErrorBudgets.seconds(period).divide(ErrorBudgets.seconds(longWindow), MathContext.DECIMAL64);
            BigDecimal factor = budgetPercent.divide(HUNDRED).multiply(ratio).round(new MathContext(12, RoundingMode.HALF_EVEN));
            return new BurnRateRule(name, severity, longWindow, longWindow.dividedBy(12), factor);
        }

        /**
         * The share of the budget of a period this rule's factor spends in its long window: the inverse
         * of the Workbook derivation.
         *
         * @param period the SLO period
         * @return factor x long window / period, in percent
         */
        public BigDecimal budgetPercent(Duration period) {
            Checks.positive(period, "period");
            return factor.multiply(HUNDRED).multiply(ErrorBudgets.seconds(longWindow))
                    .divide(ErrorBudgets.seconds(period), MathContext.DECIMAL64).stripTrailingZeros();
        }

        @Override
        public String toString() {
            return name + " " + severity + " " + factor.toPlainString() + "x " + longWindow + "/" + shortWindow;
        }
    }

    /** What a firing burn-rate rule asks for, in increasing urgency. */
    public enum AlertSeverity {
        /** A ticket: look at it within working hours. */
        TICKET,
        /** A page: wake someone up. */
        PAGE
    }

    /** The outcome of evaluating a burn-rate alert table at an instant, in increasing urgency. */
    public enum AlertState {
        /** No rule fires. */
        OK,
        /** At least one ticket rule fires and no page rule. */
        TICKET,
        /** At least one page rule fires. */
        PAGE
    }
}
