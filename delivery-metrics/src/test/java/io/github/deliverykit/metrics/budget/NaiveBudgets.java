package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.IntervalSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The simple O(n^2) time-based consumption (the library's algorithm before it became O(n log n)),
 * kept as the oracle the fast one is checked against: after each incident in start order, recompute
 * the impact-weighted union of all incidents so far, level by level.
 */
final class NaiveBudgets {

    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    /** Consumed seconds and each incident's charge, exactly as the library reports them. */
    record Result(BigDecimal consumed, List<BigDecimal> charges, List<String> ids) {}

    private NaiveBudgets() {}

    static Result timeBased(Slo slo, Interval period, Collection<Incident> incidents, MaintenanceSchedule maintenance,
            Instant at) {
        Interval observed = Interval.of(period.start(), at);
        IntervalSet maint = maintenance.within(observed);
        List<Incident> relevant = new ArrayList<>();
        for (Incident i : incidents) {
            if (i.service().equals(slo.service()) && i.started().isBefore(observed.end())) {
                relevant.add(i);
            }
        }
        relevant.sort(Comparator.comparing(Incident::started).thenComparing(Incident::id));
        List<Interval> clipped = new ArrayList<>();
        List<BigDecimal> impacts = new ArrayList<>();
        List<BigDecimal> charges = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        BigDecimal before = BigDecimal.ZERO;
        for (Incident inc : relevant) {
            Interval c = inc.impactInterval(observed.end()).intersection(observed).orElse(null);
            if (c == null) {
                continue;
            }
            clipped.add(c);
            impacts.add(impact(inc.impact()));
            BigDecimal now = weightedNanos(clipped, impacts, maint);
            charges.add(now.subtract(before).divide(NANOS));
            ids.add(inc.id());
            before = now;
        }
        return new Result(before.divide(NANOS), charges, ids);
    }

    private static BigDecimal impact(BigDecimal impact) {
        BigDecimal v = impact.stripTrailingZeros();
        if (v.scale() <= 30) {
            return v;
        }
        if (v.precision() - v.scale() < -30) {
            return BigDecimal.ZERO;
        }
        return v.setScale(30, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal weightedNanos(List<Interval> intervals, List<BigDecimal> impacts, IntervalSet maint) {
        TreeSet<BigDecimal> levels = new TreeSet<>(Comparator.reverseOrder());
        levels.addAll(impacts);
        BigDecimal sum = BigDecimal.ZERO;
        long prev = 0;
        for (BigDecimal level : levels) {
            List<Interval> atLeast = new ArrayList<>();
            for (int i = 0; i < intervals.size(); i++) {
                if (impacts.get(i).compareTo(level) >= 0) {
                    atLeast.add(intervals.get(i));
                }
            }
            long t = IntervalSet.of(atLeast).minus(maint).totalNanos();
            sum = sum.add(level.multiply(BigDecimal.valueOf(t - prev)));
            prev = t;
        }
        return sum;
    }
}
