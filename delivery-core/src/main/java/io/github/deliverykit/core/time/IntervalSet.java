package io.github.deliverykit.core.time;

import io.github.deliverykit.core.check.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of instants held as sorted, disjoint, non-adjacent half-open intervals: the
 * engine behind "incident minutes minus maintenance". Overlapping or touching input intervals are
 * merged, empty ones dropped, so equal sets are equal objects.
 *
 * <p>Stored as two {@code long[]} of epoch nanoseconds. Building from n intervals costs
 * O(n log n) (two primitive sorts, no boxing); union, intersection and difference are linear
 * merges; {@link #contains(Instant)} is a binary search; {@link #total()} is a sum. Thread safe.
 */
public final class IntervalSet {

    private static final IntervalSet EMPTY = new IntervalSet(new long[0], new long[0], 0);

    private final long[] starts;
    private final long[] ends;
    private final int size;

    private IntervalSet(long[] starts, long[] ends, int size) {
        this.starts = starts;
        this.ends = ends;
        this.size = size;
    }

    /**
     * The empty set.
     *
     * @return the empty set
     */
    public static IntervalSet empty() {
        return EMPTY;
    }

    /**
     * The set of instants covered by any of the intervals.
     *
     * @param intervals the intervals, in any order, possibly overlapping
     * @return the normalised set
     * @throws IllegalArgumentException if the array or an element is null
     */
    public static IntervalSet of(Interval... intervals) {
        return of(Arrays.asList(Checks.notNull(intervals, "intervals")));
    }

    /**
     * The set of instants covered by any of the intervals.
     *
     * @param intervals the intervals, in any order, possibly overlapping
     * @return the normalised set
     * @throws IllegalArgumentException if the collection or an element is null
     */
    public static IntervalSet of(Collection<Interval> intervals) {
        Checks.notNull(intervals, "intervals");
        long[] s = new long[intervals.size()];
        long[] e = new long[intervals.size()];
        int n = 0;
        int i = 0;
        for (Interval interval : intervals) {
            if (interval == null) {
                throw Checks.invalid("intervals[" + i + "]", "must not be null", null);
            }
            i++;
            if (!interval.isEmpty()) {
                s[n] = Interval.nanos(interval.start());
                e[n] = Interval.nanos(interval.end());
                n++;
            }
        }
        return ofNanos(s, e, n);
    }

    /**
     * Builds a set from epoch-nanosecond bounds without creating {@link Interval} objects; the
     * arrays are sorted in place (they are the caller's scratch space). Interval {@code i} is
     * {@code [starts[i], ends[i])}; pairs with {@code ends[i] <= starts[i]} are ignored.
     *
     * @param starts start instants in epoch nanoseconds, modified
     * @param ends end instants in epoch nanoseconds, modified
     * @param count how many leading pairs to use
     * @return the normalised set
     * @throws IllegalArgumentException if an array is null, the lengths differ or count is out of range
     */
    public static IntervalSet ofEpochNanos(long[] starts, long[] ends, int count) {
        Checks.notNull(starts, "starts");
        Checks.notNull(ends, "ends");
        if (starts.length != ends.length) {
            throw Checks.invalid("ends.length", "must equal starts.length (" + starts.length + ")", ends.length);
        }
        Checks.inRange(count, 0, starts.length, "count");
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (ends[i] > starts[i]) {
                starts[n] = starts[i];
                ends[n] = ends[i];
                n++;
            }
        }
        return ofNanos(starts, ends, n);
    }

    /*
     * The union of [s_i, e_i) only depends on the multiset of starts and the multiset of ends:
     * sweeping both sorted arrays with a depth counter finds the covered runs. So we sort the two
     * primitive arrays independently instead of sorting interval objects.
     */
    private static IntervalSet ofNanos(long[] s, long[] e, int n) {
        if (n == 0) {
            return EMPTY;
        }
        Arrays.sort(s, 0, n);
        Arrays.sort(e, 0, n);
        long[] outS = new long[n];
        long[] outE = new long[n];
        int out = 0;
        int i = 0;
        int j = 0;
        int depth = 0;
        long runStart = 0;
        while (j < n) {
            // at equal instants process starts first so that touching intervals merge
            if (i < n && s[i] <= e[j]) {
                if (depth == 0) {
                    runStart = s[i];
                }
                depth++;
                i++;
            } else {
                depth--;
                if (depth == 0) {
                    outS[out] = runStart;
                    outE[out] = e[j];
                    out++;
                }
                j++;
            }
        }
        return new IntervalSet(outS, outE, out);
    }

    /**
     * The number of disjoint intervals.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * Whether the set holds no instant.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The disjoint intervals in order, as a read-only view.
     *
     * @return the intervals
     */
    public List<Interval> intervals() {
        return new AbstractList<>() {
            @Override
            public Interval get(int index) {
                if (index < 0 || index >= size) {
                    throw Checks.invalid("index", "must be between 0 and " + (size - 1), index);
                }
                return new Interval(Interval.instant(starts[index]), Interval.instant(ends[index]));
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * The total length of the set.
     *
     * @return the sum of the disjoint intervals' lengths
     */
    public Duration total() {
        long sum = totalNanos();
        if (sum != Long.MAX_VALUE) {
            return Duration.ofNanos(sum);
        }
        // only sets spanning more than 292 years get here: add exactly in Duration
        Duration total = Duration.ZERO;
        for (int k = 0; k < size; k++) {
            total = total.plus(Duration.ofNanos(ends[k]).minusNanos(starts[k]));
        }
        return total;
    }

    /**
     * The total length in nanoseconds; allocation-free. Saturates at {@link Long#MAX_VALUE} for
     * sets whose total exceeds about 292 years.
     *
     * @return the total in nanoseconds
     */
    public long totalNanos() {
        long sum = 0;
        for (int k = 0; k < size; k++) {
            long d = ends[k] - starts[k];
            long r = sum + d;
            if (d < 0 || r < 0) {
                return Long.MAX_VALUE;
            }
            sum = r;
        }
        return sum;
    }

    /**
     * Whether the instant lies in the set.
     *
     * @param instant the instant
     * @return true if covered
     */
    public boolean contains(Instant instant) {
        Interval.checkRange(instant, "instant");
        long t = Interval.nanos(instant);
        int k = Arrays.binarySearch(starts, 0, size, t);
        if (k >= 0) {
            return true;
        }
        int before = -k - 2;
        return before >= 0 && t < ends[before];
    }

    /**
     * The smallest interval holding the whole set.
     *
     * @return the span, or null when empty
     */
    public @Nullable Interval span() {
        return size == 0 ? null : new Interval(Interval.instant(starts[0]), Interval.instant(ends[size - 1]));
    }

    /**
     * The instants in either set.
     *
     * @param other the other set
     * @return the union
     */
    public IntervalSet union(IntervalSet other) {
        Checks.notNull(other, "other");
        long[] s = new long[size + other.size];
        long[] e = new long[size + other.size];
        System.arraycopy(starts, 0, s, 0, size);
        System.arraycopy(other.starts, 0, s, size, other.size);
        System.arraycopy(ends, 0, e, 0, size);
        System.arraycopy(other.ends, 0, e, size, other.size);
        return ofNanos(s, e, s.length);
    }

    /**
     * The instants in both sets.
     *
     * @param other the other set
     * @return the intersection
     */
    public IntervalSet intersection(IntervalSet other) {
        Checks.notNull(other, "other");
        long[] s = new long[size + other.size];
        long[] e = new long[size + other.size];
        int n = 0;
        int a = 0;
        int b = 0;
        while (a < size && b < other.size) {
            long lo = Math.max(starts[a], other.starts[b]);
            long hi = Math.min(ends[a], other.ends[b]);
            if (lo < hi) {
                s[n] = lo;
                e[n] = hi;
                n++;
            }
            if (ends[a] < other.ends[b]) {
                a++;
            } else {
                b++;
            }
        }
        return new IntervalSet(s, e, n);
    }

    /**
     * The instants in this set and not in {@code other}: e.g. incident time minus maintenance.
     *
     * @param other the set to remove
     * @return the difference
     */
    public IntervalSet minus(IntervalSet other) {
        Checks.notNull(other, "other");
        long[] s = new long[size + other.size];
        long[] e = new long[size + other.size];
        int n = 0;
        int b = 0;
        for (int a = 0; a < size; a++) {
            long cur = starts[a];
            long end = ends[a];
            while (b < other.size && other.ends[b] <= cur) {
                b++;
            }
            int k = b;
            while (k < other.size && other.starts[k] < end) {
                if (other.starts[k] > cur) {
                    s[n] = cur;
                    e[n] = other.starts[k];
                    n++;
                }
                cur = Math.max(cur, other.ends[k]);
                if (cur >= end) {
                    break;
                }
                k++;
            }
            if (cur < end) {
                s[n] = cur;
                e[n] = end;
                n++;
            }
        }
        return new IntervalSet(s, e, n);
    }

    /**
     * The part of the set inside a window.
     *
     * @param window the window
     * @return the clipped set
     */
    public IntervalSet clip(Interval window) {
        Checks.notNull(window, "window");
        return intersection(of(window));
    }

    /**
     * The total length of the part of the set inside a window; no allocation.
     *
     * @param window the window
     * @return the overlap length
     */
    public Duration totalWithin(Interval window) {
        Checks.notNull(window, "window");
        long lo = Interval.nanos(window.start());
        long hi = Interval.nanos(window.end());
        long sum = 0;
        Duration big = Duration.ZERO;
        for (int k = 0; k < size; k++) {
            long s = Math.max(starts[k], lo);
            long e = Math.min(ends[k], hi);
            if (s < e) {
                long d = e - s;
                long r = sum + d;
                if (d < 0 || r < 0) {
                    // more than 292 years: carry what we have into a Duration and go on exactly
                    big = big.plus(Duration.ofNanos(sum)).plus(Duration.ofNanos(e).minusNanos(s));
                    sum = 0;
                } else {
                    sum = r;
                }
            }
        }
        return big.plus(Duration.ofNanos(sum));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IntervalSet)) {
            return false;
        }
        IntervalSet other = (IntervalSet) o;
        return Arrays.equals(starts, 0, size, other.starts, 0, other.size)
                && Arrays.equals(ends, 0, size, other.ends, 0, other.size);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int k = 0; k < size; k++) {
            h = 31 * h + Long.hashCode(starts[k]);
            h = 31 * h + Long.hashCode(ends[k]);
        }
        return h;
    }

    @Override
    public String toString() {
        return intervals().toString();
    }
}
