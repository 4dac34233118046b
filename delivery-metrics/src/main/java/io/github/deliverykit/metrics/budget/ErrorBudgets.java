package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.IntervalSet;
import io.github.deliverykit.core.time.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import io.github.deliverykit.metrics.budget.Slo.BudgetingMethod;
import io.github.deliverykit.metrics.budget.BudgetStatus.BudgetUnit;
import io.github.deliverykit.metrics.budget.BudgetStatus.IncidentCharge;

/**
 * Error budget math, exact and in process: the allowed budget of a window, what incidents (minus
 * scheduled maintenance) or bad events consumed, remaining, burn rate both ways, and the exhaustion
 * forecast.
 *
 * <p>Time-based consumption is the union of incident impact intervals clipped to the observed window
 * minus maintenance; overlapping incidents are not double counted and a partial impact (an incident
 * at 50 % degradation) consumes that share, the highest impact winning where incidents overlap.
 * Stateless and thread safe.
 */
public final class ErrorBudgets {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorBudgets.class);

    /** Decimal places of burn rates and fractions. */
    public static final int SCALE = 9;
    /** The most slices a timeslice budget may have in one period. */
    public static final long MAX_SLICES = 10_000_000L;

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 4);

    private ErrorBudgets() {}

    /**
     * A time-based budget over the SLO's window as seen at {@code at} ({@link #periodAt(Slo, Instant)}):
     * for a rolling window the window ending at {@code at}, for a calendar window the period
     * containing it (the period ending at {@code at} when {@code at} is a period boundary). Sorting the
     * incidents dominates: O(n log n) in the incidents, O(m log m) in the maintenance intervals.
     *
     * @param slo a time-based SLO
     * @param incidents incidents; only those of the SLO's service count
     * @param maintenance scheduled maintenance, excluded from consumption
     * @param at the evaluation instant
     * @return the status
     * @throws IllegalArgumentException if an argument is null or the SLO is not time-based
     */
    public static BudgetStatus timeBased(Slo slo, Collection<Incident> incidents, MaintenanceSchedule maintenance,
            Instant at) {
        return timeBased(slo, periodAt(slo, at), incidents, maintenance, at);
    }

    /**
     * The budget period of an SLO as seen at an instant: for a rolling window the window ending at
     * {@code at}; for a calendar window the period containing {@code at}, except that at a period's
     * exact end (which is also the next period's start) it is the period that ends there, so that
     * asking at the end of a month gives that month, fully elapsed, rather than the next with nothing
     * elapsed.
     *
     * @param slo the SLO
     * @param at the evaluation instant
     * @return the period, with {@code at} in {@code (start, end]} for calendar windows
     * @throws IllegalArgumentException if an argument is null or out of range
     */
    public static Interval periodAt(Slo slo, Instant at) {
        Checks.notNull(slo, "slo");
        Checks.notNull(at, "at");
        Interval p = slo.window().intervalAt(at);
        if (slo.window() instanceof Window.Calendar && p.start().equals(at) && at.isAfter(Interval.MIN)) {
            return slo.window().intervalAt(at.minusNanos(1));
        }
        return p;
    }

    /**
     * A time-based budget over an explicit period, e.g. the seed's average month starting at a
     * contract date; {@code at} may lie anywhere in the period (the observed part is
     * {@code [period.start, at)}).
     *
     * @param slo a time-based SLO
     * @param period the whole budget period
     * @param incidents incidents; only those of the SLO's service count
     * @param maintenance scheduled maintenance, excluded from consumption
     * @param at the evaluation instant, within {@code [period.start, period.end]}
     * @return the status
     * @throws IllegalArgumentException if an argument is null, the period is empty, {@code at} is
     *     outside it, or the SLO is not time-based
     */
    public static BudgetStatus timeBased(Slo slo, Interval period, Collection<Incident> incidents,
            MaintenanceSchedule maintenance, Instant at) {
        Checks.notNull(slo, "slo");
        if (!(slo.method() instanceof BudgetingMethod.TimeBased)) {
            throw Checks.invalid("slo.method", "must be TimeBased for incident budgets", slo.method().openSloName());
        }
        Interval observed = observed(period, at);
        List<Incident> list = Checks.listOf(incidents, "incidents");
        Checks.notNull(maintenance, "maintenance");
        IntervalSet maint = maintenance.within(observed);

        List<Incident> relevant = new ArrayList<>();
        for (Incident i : list) {
            if (i.service().equals(slo.service()) && i.started().isBefore(observed.end())) {
                relevant.add(i);
            }
        }
        relevant.sort(Comparator.comparing(Incident::started).thenComparing(Incident::id));
        List<Interval> clipped = new ArrayList<>();
        List<IncidentCharge> charges = new ArrayList<>();
        MaintenanceIndex mi = new MaintenanceIndex(maint);
        // the earlier incidents still open at the current start, as a staircase: ends ascending,
        // impacts strictly descending; f(t) = impact of the first entry ending after t
        TreeMap<Long, BigDecimal> open = new TreeMap<>();
        BigDecimal before = BigDecimal.ZERO;
        int maxScale = 0;
        for (Incident inc : relevant) {
            Interval raw = inc.impactInterval(observed.end());
            Interval c = raw.intersection(observed).orElse(null);
            if (c == null) {
                continue;
            }
            clipped.add(c);
            BigDecimal impact = impact(inc.impact());
            maxScale = Math.max(maxScale, impact.scale());
            long s = nanos(c.start());
            long e = nanos(c.end());
            while (!open.isEmpty() && open.firstKey() <= s) {
                open.pollFirstEntry();
            }
            BigDecimal own = marginalNanos(open, s, e, impact, mi).setScale(maxScale);
            // entries ending by e with an impact at most this one's are dominated by it
            Map.Entry<Long, BigDecimal> lower = open.floorEntry(e);
            while (lower != null && lower.getValue().compareTo(impact) <= 0) {
                open.remove(lower.getKey());
                lower = open.floorEntry(e);
            }
            Map.Entry<Long, BigDecimal> ceiling = open.ceilingEntry(e);
            if (ceiling == null || ceiling.getValue().compareTo(impact) < 0) {
                open.put(e, impact);
            }
            charges.add(new IncidentCharge(inc.id(), inc.severity(), impact, c, Duration.ofNanos(mi.within(s, e)),
                    toSeconds(own)));
            before = before.add(own).setScale(maxScale);
        }
        BigDecimal consumed = toSeconds(before);
        Duration maintenanceExcluded = IntervalSet.of(clipped).intersection(maint).total();
        BigDecimal periodSec = seconds(period.duration());
        BigDecimal allowed = periodSec.multiply(slo.target().budgetRatio());
        BudgetStatus status = status(slo, at, period, observed, BudgetUnit.SECONDS, allowed, consumed,
                seconds(observed.duration()), periodSec, charges, maintenanceExcluded);
        LOG.debug("time-based budget {} at {}: allowed={}s consumed={}s burn={}", slo.service(), at, allowed,
                consumed, status.burnRate());
        return status;
    }

    private static BigDecimal impact(BigDecimal impact) {
        BigDecimal v = impact.stripTrailingZeros();
        if (v.scale() <= Decimals.MAX_DECIMALS) {
            return v;
        }
        // Incident allows any scale; more than 30 decimals is noise that would only blow up scales
        if (v.precision() - v.scale() < -Decimals.MAX_DECIMALS) {
            return BigDecimal.ZERO; // below 1e-31: rounds to zero (without computing 10^scale)
        }
        return v.setScale(Decimals.MAX_DECIMALS, RoundingMode.HALF_EVEN);
    }

    /*
     * Where incidents overlap, the highest impact counts, and in start order an incident is charged
     * what it adds: over its interval minus maintenance, max(0, impact - f(t)) where f(t) is the
     * highest impact of the earlier incidents still open at t. Walking the staircase down from the
     * incident's end visits only entries of a lower impact (which the new incident then removes) and
     * at most two more, so n incidents cost O(n log n) in all.
     */
    private static BigDecimal marginalNanos(TreeMap<Long, BigDecimal> open, long s, long e, BigDecimal impact,
            MaintenanceIndex mi) {
        BigDecimal sum = BigDecimal.ZERO;
        Map.Entry<Long, BigDecimal> ceiling = open.ceilingEntry(e);
        BigDecimal f = ceiling == null ? BigDecimal.ZERO : ceiling.getValue();
        long hi = e;
        Map.Entry<Long, BigDecimal> cursor = open.lowerEntry(e);
        while (f.compareTo(impact) < 0) {
            long lo = cursor != null && cursor.getKey() > s ? cursor.getKey() : s;
            long len;
            try {
                len = Math.subtractExact(Math.subtractExact(hi, lo), mi.within(lo, hi));
            } catch (ArithmeticException ex) {
                throw Checks.invalid("period", "must span fewer than 2^63 nanoseconds (about 292 years)",
                        lo + ".." + hi + " epoch nanoseconds");
            }
            if (len > 0) {
                sum = sum.add(impact.subtract(f).multiply(BigDecimal.valueOf(len)));
            }
            if (cursor == null || cursor.getKey() <= s) {
                break;
            }
            hi = cursor.getKey();
            f = cursor.getValue();
            cursor = open.lowerEntry(hi);
        }
        return sum;
    }

    /**
     * Exactly {@code nanos.divide(10^9)}, with the scale that exact division gives (the dividend's,
     * or the least larger one that holds the quotient), without its cost.
     */
    private static BigDecimal toSeconds(BigDecimal nanos) {
        BigDecimal q = nanos.movePointLeft(9);
        if (q.signum() == 0) {
            return nanos.scale() >= 0 ? BigDecimal.ZERO.setScale(nanos.scale()) : nanos.divide(NANOS_PER_SECOND);
        }
        BigDecimal stripped = q.stripTrailingZeros();
        return stripped.scale() < nanos.scale() ? stripped.setScale(nanos.scale()) : stripped;
    }

    private static long nanos(Instant t) {
        // within Interval's range the exact value fits a long; the wrap-around of the product cancels
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Sorted disjoint maintenance intervals with prefix lengths: the maintenance inside any span in O(log m). */
    private static final class MaintenanceIndex {
        private final long[] starts;
        private final long[] ends;
        private final long[] before;

        MaintenanceIndex(IntervalSet set) {
            List<Interval> l = set.intervals();
            starts = new long[l.size()];
            ends = new long[l.size()];
            before = new long[l.size() + 1];
            for (int i = 0; i < l.size(); i++) {
                starts[i] = nanos(l.get(i).start());
                ends[i] = nanos(l.get(i).end());
                before[i + 1] = before[i] + (ends[i] - starts[i]);
            }
        }

        /** Maintenance nanoseconds in {@code (-inf, x)}. */
        private long upTo(long x) {
            int lo = 0;
            int hi = starts.length; // first index with start >= x
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo == 0) {
                return 0;
            }
            int k = lo - 1;
            return before[k] + (Math.min(x, ends[k]) - starts[k]);
        }

        /** Maintenance nanoseconds in {@code [a, b)}. */
        long within(long a, long b) {
            return b <= a ? 0 : upTo(b) - upTo(a);
        }
    }

    /**
     * An event-based budget (occurrences, timeslices or ratio timeslices) over the SLO's window as
     * seen at {@code at}.
     *
     * @param slo an event-based SLO
     * @param series the good / total counts
     * @param at the evaluation instant
     * @return the status
     * @throws IllegalArgumentException if an argument is null, the SLO is time-based, or a slice is
     *     not a whole multiple of the series' bucket
     */
    public static BudgetStatus events(Slo slo, SliSeries series, Instant at) {
        return events(slo, periodAt(slo, at), series, at);
    }

    /**
     * An event-based budget over an explicit period. Buckets that straddle the observed part's edges
     * are left out. Occurrences: the budget is {@code (1 - target)} times the events observed so far
     * and the burn rate is the error ratio over {@code 1 - target}; at a constant error ratio such a
     * budget is either exhausted now or never, so the forecast is zero or empty. Timeslices start at
     * the period start; for a calendar period the budget counts all slices of the period, not only
     * the elapsed ones, and slices without events are good.
     *
     * @param slo an event-based SLO
     * @param period the whole budget period
     * @param series the good / total counts
     * @param at the evaluation instant, within {@code [period.start, period.end]}
     * @return the status
     * @throws IllegalArgumentException if an argument is null, the SLO is time-based, {@code at} is
     *     outside the period, or a slice does not fit the series or the period
     */
    public static BudgetStatus events(Slo slo, Interval period, SliSeries series, Instant at) {
        Checks.notNull(slo, "slo");
        Checks.notNull(series, "series");
        Interval observed = observed(period, at);
        BudgetingMethod method = slo.method();
        BigDecimal ratio = slo.target().budgetRatio();
        if (method instanceof BudgetingMethod.Occurrences) {
            int from = series.boundaryAtOrAfter(observed.start());
            int to = Math.max(from, series.boundaryAtOrBefore(observed.end()));
            long total = series.total(from, to);
            long bad = series.bad(from, to);
            BigDecimal allowed = ratio.multiply(BigDecimal.valueOf(total));
            BigDecimal consumed = BigDecimal.valueOf(bad);
            BigDecimal burn = total == 0 ? BigDecimal.ZERO
                    : consumed.divide(allowed, SCALE, RoundingMode.HALF_EVEN);
            // at a constant error ratio the remaining budget grows with traffic when below target,
            // so an occurrences budget is either exhausted now or never at this rate
            Duration tte = allowed.compareTo(consumed) <= 0 ? Duration.ZERO : null;
            return new BudgetStatus(slo, at, period, observed, BudgetUnit.EVENTS, allowed, consumed, BigDecimal.ONE,
                    burn, List.of(), Duration.ZERO, tte);
        }
        Duration slice;
        BigDecimal sliceTarget = null;
        if (method instanceof BudgetingMethod.Timeslices) {
            slice = ((BudgetingMethod.Timeslices) method).slice();
            sliceTarget = ((BudgetingMethod.Timeslices) method).sliceTarget();
        } else if (method instanceof BudgetingMethod.RatioTimeslices) {
            slice = ((BudgetingMethod.RatioTimeslices) method).slice();
        } else {
            throw Checks.invalid("slo.method", "must be event-based (Occurrences, Timeslices, RatioTimeslices)",
                    method.openSloName());
        }
        series.bucketsIn(slice, "slice");
        BigDecimal sliceSec = seconds(slice);
        long slices = seconds(period.duration()).divide(sliceSec, 0, RoundingMode.FLOOR).longValue();
        if (slices < 1 || slices > MAX_SLICES) {
            throw Checks.invalid("slice", "must fit between 1 and " + MAX_SLICES + " times into the period "
                    + period.duration(), slice);
        }
        BigDecimal consumed = BigDecimal.ZERO;
        long observedSlices = 0;
        Instant s = period.start();
        for (long k = 0; k < slices; k++) {
            Instant e = s.plus(slice);
            if (e.isAfter(observed.end())) {
                break;
            }
            observedSlices++;
            int from = series.boundaryAtOrAfter(s);
            int to = Math.max(from, series.boundaryAtOrAfter(e));
            long total = series.total(from, to);
            if (total > 0) {
                long good = series.good(from, to);
                if (sliceTarget != null) {
                    if (BigDecimal.valueOf(good).compareTo(sliceTarget.multiply(BigDecimal.valueOf(total))) < 0) {
                        consumed = consumed.add(BigDecimal.ONE);
                    }
                } else {
                    consumed = consumed.add(BigDecimal.valueOf(total - good)
                            .divide(BigDecimal.valueOf(total), 12, RoundingMode.HALF_EVEN));
                }
            }
            s = e;
        }
        BigDecimal allowed = ratio.multiply(BigDecimal.valueOf(slices));
        BigDecimal elapsedSec = sliceSec.multiply(BigDecimal.valueOf(observedSlices));
        BigDecimal periodSec = sliceSec.multiply(BigDecimal.valueOf(slices));
        return status(slo, at, period, observed, BudgetUnit.SLICES, allowed, consumed, elapsedSec, periodSec,
                List.of(), Duration.ZERO);
    }

    private static BudgetStatus status(Slo slo, Instant at, Interval period, Interval observed, BudgetUnit unit,
            BigDecimal allowed, BigDecimal consumed, BigDecimal elapsedSec, BigDecimal periodSec,
            List<IncidentCharge> charges, Duration maintenanceExcluded) {
        BigDecimal elapsedFraction = periodSec.signum() == 0 ? BigDecimal.ZERO
                : elapsedSec.divide(periodSec, SCALE, RoundingMode.HALF_EVEN);
        BigDecimal burn = elapsedSec.signum() == 0 || allowed.signum() == 0 ? BigDecimal.ZERO
                : consumed.multiply(periodSec).divide(allowed.multiply(elapsedSec), SCALE, RoundingMode.HALF_EVEN);
        BigDecimal remaining = allowed.subtract(consumed);
        Duration tte;
        if (remaining.signum() <= 0) {
            tte = Duration.ZERO;
        } else if (consumed.signum() == 0) {
            tte = null;
        } else {
            BigDecimal sec = remaining.multiply(elapsedSec).divide(consumed, 9, RoundingMode.HALF_EVEN);
            tte = sec.compareTo(MAX_SECONDS) > 0 ? null : duration(sec);
        }
        return new BudgetStatus(slo, at, period, observed, unit, allowed, consumed, elapsedFraction, burn, charges,
                maintenanceExcluded, tte);
    }

    /**
     * The Workbook's burn rate from events: the error ratio over the lookback ending at {@code at}
     * (whole buckets) divided by {@code 1 - target}.
     *
     * @param target the SLO target
     * @param series the good / total counts
     * @param lookback the lookback, a whole multiple of the series' bucket
     * @param at the end of the lookback
     * @return the burn rate, 0 when there were no events
     * @throws IllegalArgumentException if an argument is null or the lookback does not fit the buckets
     */
    public static BigDecimal burnRate(SloTarget target, SliSeries series, Duration lookback, Instant at) {
        Checks.notNull(target, "target");
        Checks.notNull(series, "series");
        long n = series.bucketsIn(lookback, "lookback");
        int to = series.boundaryAtOrBefore(at);
        int from = (int) Math.max(0, to - n);
        long total = series.total(from, to);
        if (total == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(series.bad(from, to))
                .divide(target.budgetRatio().multiply(BigDecimal.valueOf(total)), SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * The Workbook's burn rate from incidents: bad time (impact-weighted, minus maintenance) over the
     * lookback {@code [at - lookback, at)} divided by the lookback, divided by {@code 1 - target}.
     *
     * @param slo a time-based SLO (its service and target are used)
     * @param incidents incidents; only those of the SLO's service count
     * @param maintenance scheduled maintenance
     * @param lookback the lookback, positive
     * @param at the end of the lookback
     * @return the burn rate
     * @throws IllegalArgumentException if an argument is null or out of range
     */
    public static BigDecimal burnRate(Slo slo, Collection<Incident> incidents, MaintenanceSchedule maintenance,
            Duration lookback, Instant at) {
        Checks.positive(lookback, "lookback");
        Interval window = Interval.ending(lookback, at);
        BudgetStatus s = timeBased(slo, window, incidents, maintenance, at);
        return s.consumed().divide(seconds(lookback).multiply(slo.target().budgetRatio()), SCALE,
                RoundingMode.HALF_EVEN);
    }

    private static Interval observed(@Nullable Interval period, @Nullable Instant at) {
        Checks.notNull(period, "period");
        Checks.notNull(at, "at");
        if (period.isEmpty()) {
            throw Checks.invalid("period", "must not be empty", period);
        }
        if (at.isBefore(period.start()) || at.isAfter(period.end())) {
            throw Checks.invalid("at", "must lie within the period " + period, at);
        }
        return Interval.of(period.start(), at);
    }

    /**
     * A duration as exact decimal seconds.
     *
     * @param d the duration
     * @return its seconds, with up to 9 decimals
     */
    static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }

    /**
     * Decimal seconds as a duration, rounded half-even to nanoseconds and saturated at the
     * {@code Duration} range.
     *
     * @param seconds the seconds
     * @return the duration
     */
    static Duration duration(BigDecimal seconds) {
        BigDecimal nanos = seconds.setScale(9, RoundingMode.HALF_EVEN);
        BigDecimal whole = nanos.setScale(0, RoundingMode.FLOOR);
        if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
            return Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        }
        if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) <= 0) {
            return Duration.ofSeconds(Long.MIN_VALUE);
        }
        long frac = nanos.subtract(whole).movePointRight(9).longValue();
        return Duration.ofSeconds(whole.longValue(), frac);
    }
}
