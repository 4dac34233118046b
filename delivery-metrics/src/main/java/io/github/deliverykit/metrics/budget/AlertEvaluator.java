package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;

/**
 * Evaluates a multiwindow, multi-burn-rate alert table on an {@link SliSeries}: a rule fires when the
 * error ratio over both its long and its short window exceeds {@code factor x (1 - target)}.
 *
 * <p>The table is compiled once for a bucket size into window lengths in buckets and exact rational
 * thresholds, so {@link #firing(SliSeries, int)} costs O(1) per rule (four prefix-sum lookups and
 * two 128-bit cross-multiplications), allocates nothing and never rounds a ratio through
 * {@code double}. Thresholds with more than 18 decimals are rounded up at the 18th. Thread safe.
 */
public final class AlertEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final int MAX_RULES = 31;
    private static final int MAX_SCALE = 18;

    private final SloTarget target;
    private final AlertTable table;
    private final Duration period;
    private final Duration bucket;
    private final int[] longBuckets;
    private final int[] shortBuckets;
    private final long[] num;
    private final long[] den;
    private final boolean[] neverFires;
    private final int pageMask;
    private final Findings configuration;
    private final List<NeverFiring> neverFiring;

    private AlertEvaluator(SloTarget target, AlertTable table, Duration period, Duration bucket) {
        this.target = target;
        this.table = table;
        this.period = period;
        this.bucket = bucket;
        int n = table.rules().size();
        longBuckets = new int[n];
        shortBuckets = new int[n];
        num = new long[n];
        den = new long[n];
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
                config.add(Finding.warn("alert.can-never-fire", Checks.message(
                        "rule %s can never fire: at %s a full outage burns at most %sx, below the %sx factor "
                                + "(at most %s%% of the budget in %s, the rule needs %s%%)",
                        r.name(), target, maxBurn.toPlainString(), r.factor().toPlainString(),
                        maxShare.toPlainString(), r.longWindow(), r.budgetPercent(period).toPlainString()),
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
        }
        this.pageMask = pages;
        this.configuration = Findings.of(config);
        this.neverFiring = List.copyOf(never);
    }

    /**
     * Compiles a table for a target, the SLO period (for budget shares in findings) and a bucket
     * size.
     *
     * @param target the SLO target
     * @param table the alert table, at most 31 rules
     * @param period the SLO period, e.g. 30 days
     * @param bucket the bucket size of the series it will evaluate; every window must be a whole
     *     multiple of it
     * @return the evaluator
     * @throws IllegalArgumentException if an argument is null, the table has too many rules, or a
     *     window is not a whole multiple of the bucket
     */
    public static AlertEvaluator of(SloTarget target, AlertTable table, Duration period, Duration bucket) {
        Checks.notNull(target, "target");
        Checks.notNull(table, "table");
        Checks.positive(period, "period");
        GoodTotalAccumulator.bucketMillis(bucket);
        if (table.rules().size() > MAX_RULES) {
            throw Checks.invalid("table.rules", "must hold at most " + MAX_RULES + " rules", table.rules().size());
        }
        return new AlertEvaluator(target, table, period, bucket);
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

    /**
     * The rules firing at a bucket boundary, as a bit mask (bit i = rule i). O(rules), allocation-free.
     *
     * @param series the series, with this evaluator's bucket size
     * @param boundary the window end, a bucket boundary in {@code [0, series.buckets()]}
     * @return the mask of firing rules
     */
    public int firing(SliSeries series, int boundary) {
        long[] gp = series.goodPrefix;
        long[] tp = series.totalPrefix;
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
            int lf = Math.max(0, boundary - longBuckets[i]);
            long lt = t1 - tp[lf];
            long lb = lt - (g1 - gp[lf]);
            if (!exceeds(lb, lt, num[i], den[i])) {
                continue;
            }
            int sf = Math.max(0, boundary - shortBuckets[i]);
            long st = t1 - tp[sf];
            long sb = st - (g1 - gp[sf]);
            if (exceeds(sb, st, num[i], den[i])) {
                mask |= 1 << i;
            }
        }
        return mask;
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
     * each rule's long and short burn rates, {@code alert.firing} or {@code alert.quiet}, a
     * {@code alert.low-traffic} warning when {@code (1 - target) x events} in a rule's long window is
     * below 1 (a single bad event would exceed any budget), and the configuration findings.
     *
     * @param series the series, with this evaluator's bucket size
     * @param at the evaluation instant
     * @return the state with its findings and each rule's burn rates
     * @throws IllegalArgumentException if an argument is null or the bucket size differs
     */
    public AlertDecision evaluate(SliSeries series, Instant at) {
        Checks.notNull(series, "series");
        Checks.notNull(at, "at");
        if (!series.bucket().equals(bucket)) {
            throw Checks.invalid("series.bucket", "must equal the evaluator's bucket " + bucket, series.bucket());
        }
        int b = series.boundaryAtOrBefore(at);
        int mask = firing(series, b);
        List<Finding> out = new ArrayList<>();
        List<RuleEvaluation> rules = new ArrayList<>(num.length);
        BigDecimal ratio = target.budgetRatio();
        for (int i = 0; i < num.length; i++) {
            BurnRateRule r = table.rules().get(i);
            int lf = Math.max(0, b - longBuckets[i]);
            int sf = Math.max(0, b - shortBuckets[i]);
            long lt = series.total(lf, b);
            long st = series.total(sf, b);
            BigDecimal longBurn = burn(series.bad(lf, b), lt, ratio);
            BigDecimal shortBurn = burn(series.bad(sf, b), st, ratio);
            Facts facts = Facts.of("rule", r.name(), "severity", r.severity(), "factor", r.factor(),
                    "longWindow", r.longWindow(), "shortWindow", r.shortWindow(), "longBurnRate", longBurn,
                    "shortBurnRate", shortBurn, "longEvents", lt, "shortEvents", st);
            rules.add(new RuleEvaluation(r.name(), r.severity(), longBurn, shortBurn, lt, st, (mask & (1 << i)) != 0));
            if ((mask & (1 << i)) != 0) {
                String msg = Checks.message("%s fires: burn rate %sx over %s and %sx over %s exceed %sx",
                        r.name(), longBurn.toPlainString(), r.longWindow(), shortBurn.toPlainString(), r.shortWindow(),
                        r.factor().toPlainString());
                out.add(r.severity() == AlertSeverity.PAGE ? Finding.fail("alert.firing", msg, facts)
                        : Finding.warn("alert.firing", msg, facts));
            } else {
                out.add(Finding.pass("alert.quiet", Checks.message("%s quiet: burn rate %sx over %s, %sx over %s, "
                        + "factor %sx", r.name(), longBurn.toPlainString(), r.longWindow(), shortBurn.toPlainString(),
                        r.shortWindow(), r.factor().toPlainString()), facts));
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
        return new AlertDecision(state, Findings.of(out).plus(configuration), rules);
    }

    /**
     * What {@link #evaluate(SliSeries, Instant)} decided: the alert state, the findings that explain
     * it, and each rule's burn rates as typed values (read these, not the findings' facts).
     *
     * @param verdict the alert state
     * @param findings the findings, in rule order, then the configuration findings
     * @param rules one evaluation per rule, in table order
     */
    public record AlertDecision(AlertState verdict, Findings findings, List<RuleEvaluation> rules)
            implements Decided<AlertState> {

        /**
         * Validates the decision.
         *
         * @throws IllegalArgumentException if a field is null
         */
        public AlertDecision {
            Checks.notNull(verdict, "verdict");
            Checks.notNull(findings, "findings");
            rules = Checks.listOf(rules, "rules");
        }
    }

    /**
     * One rule at one evaluation: its burn rates over both windows, the events behind them, and
     * whether it fires.
     *
     * @param rule the rule name
     * @param severity the rule's severity
     * @param longBurnRate the burn rate over the long window (0 without events)
     * @param shortBurnRate the burn rate over the short window (0 without events)
     * @param longEvents events in the long window
     * @param shortEvents events in the short window
     * @param firing whether both burn rates exceed the rule's factor
     */
    public record RuleEvaluation(String rule, AlertSeverity severity, BigDecimal longBurnRate,
            BigDecimal shortBurnRate, long longEvents, long shortEvents, boolean firing) {

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

    private static BigDecimal burn(long bad, long total, BigDecimal ratio) {
        if (total == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(bad).divide(ratio.multiply(BigDecimal.valueOf(total)), 6, RoundingMode.HALF_EVEN)
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
     */
    public record AlertTable(String id, List<BurnRateRule> rules) {

        /**
         * Validates the table.
         *
         * @throws IllegalArgumentException if the id is blank or the rules are null or empty
         */
        public AlertTable {
            Checks.notBlank(id, "id");
            rules = Checks.listOf(rules, "rules");
            if (rules.isEmpty()) {
                throw Checks.invalid("rules", "must not be empty", rules);
            }
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
                    share("ticket-3d", AlertSeverity.TICKET, 10, period, Duration.ofDays(3))));
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
                    share("ticket-slow", AlertSeverity.TICKET, 10, period, Duration.ofDays(3))));
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
                    scaled("warning-2", AlertSeverity.TICKET, 1, period, 7, 28 * 4)));
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
