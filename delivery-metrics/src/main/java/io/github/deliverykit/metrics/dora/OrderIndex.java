package io.github.deliverykit.metrics.dora;

/**
 * An order-statistic index over a {@code long[]} (a wavelet matrix): the k-th smallest value, the
 * count and the exact sum of the values of a union of index ranges, without copying or reordering
 * them and without allocating. Values below {@code minIncluded} are "excluded" (non-positive lead
 * times, open incidents): they are coded 0, rank below every included value, and are counted apart.
 *
 * <p>Values are coded as {@code v - minIncluded + 1} and stored bit by bit from the top: one bit
 * vector of n bits per level, with a rank directory of one {@code int} per 64 bits; levels are
 * {@code 64 - numberOfLeadingZeros(maxCode)} (35 for lead times in milliseconds up to a year). A
 * k-th selection over R ranges costs O(R x levels) word reads; building is O(n x levels) with two
 * scratch {@code long[n]}. Memory is {@code 1.5 x levels x n} bits plus the prefix sums (8n bytes).
 * Immutable and thread safe.
 */
final class OrderIndex {

    private final int n;
    private final long minIncluded;
    private final int levels;
    private final long[][] bits;
    private final int[][] ones; // per level, ones before each word
    private final int[] zeros; // per level, the number of zero bits
    private final long @org.jspecify.annotations.Nullable [] prefix; // exact sums of included values, null on overflow
    private final long @org.jspecify.annotations.Nullable [] values; // kept only when the sums overflow

    OrderIndex(long[] values, long minIncluded) {
        this.n = values.length;
        this.minIncluded = minIncluded;
        long maxCode = 0;
        for (long v : values) {
            if (v >= minIncluded) {
                maxCode = Math.max(maxCode, v - minIncluded + 1);
            }
        }
        this.levels = 64 - Long.numberOfLeadingZeros(maxCode);
        this.bits = new long[levels][];
        this.ones = new int[levels][];
        this.zeros = new int[levels];
        long[] sums = new long[n + 1];
        boolean overflow = false;
        for (int i = 0; i < n; i++) {
            long v = values[i];
            long add = v >= minIncluded ? v : 0;
            long r = sums[i] + add;
            if (((sums[i] ^ r) & (add ^ r)) < 0) {
                overflow = true;
                break;
            }
            sums[i + 1] = r;
        }
        this.prefix = overflow ? null : sums;
        this.values = overflow ? values.clone() : null;
        if (levels == 0) {
            return;
        }
        // codes in the current level's order; positions of the original values are not needed
        long[] cur = new long[n];
        for (int i = 0; i < n; i++) {
            cur[i] = values[i] >= minIncluded ? values[i] - minIncluded + 1 : 0;
        }
        long[] zeroSide = new long[n];
        long[] oneSide = new long[n];
        int words = (n >>> 6) + 1;
        for (int l = 0; l < levels; l++) {
            int shift = levels - 1 - l;
            long[] w = new long[words];
            // branch-free: the bits are random, so a branch would mispredict half the time
            int zi = 0;
            int oi = 0;
            for (int i = 0; i < n; i++) {
                long c = cur[i];
                long bit = (c >>> shift) & 1L;
                w[i >>> 6] |= bit << (i & 63);
                zeroSide[zi] = c;
                oneSide[oi] = c;
                zi += (int) (bit ^ 1L);
                oi += (int) bit;
            }
            int[] o = new int[words + 1];
            for (int k = 0; k < words; k++) {
                o[k + 1] = o[k] + Long.bitCount(w[k]);
            }
            bits[l] = w;
            ones[l] = o;
            zeros[l] = zi;
            if (l + 1 < levels) {
                // the next level's order: zeros first, then ones, each in their current order
                System.arraycopy(zeroSide, 0, cur, 0, zi);
                System.arraycopy(oneSide, 0, cur, zi, oi);
            }
        }
    }

    /** Bytes held by the index (the bit vectors, rank directories, prefix sums). */
    long bytes() {
        long b = 0;
        for (int l = 0; l < levels; l++) {
            b += 8L * bits[l].length + 4L * ones[l].length;
        }
        if (prefix != null) {
            b += 8L * prefix.length;
        }
        if (values != null) {
            b += 8L * values.length;
        }
        return b;
    }

    private int rank1(int l, int i) {
        long word = bits[l][i >>> 6];
        return ones[l][i >>> 6] + Long.bitCount(word & ((1L << (i & 63)) - 1));
    }

    /**
     * The number of excluded values in the ranges {@code [from[j], to[j])}, j < count.
     *
     * @param from range starts; overwritten
     * @param to range ends; overwritten
     */
    long excluded(int[] from, int[] to, int count) {
        if (levels == 0) {
            long all = 0;
            for (int j = 0; j < count; j++) {
                all += to[j] - from[j];
            }
            return all;
        }
        for (int l = 0; l < levels; l++) {
            for (int j = 0; j < count; j++) {
                from[j] -= rank1(l, from[j]);
                to[j] -= rank1(l, to[j]);
            }
        }
        long all = 0;
        for (int j = 0; j < count; j++) {
            all += to[j] - from[j];
        }
        return all;
    }

    /**
     * The k-th smallest value (0-based, excluded values first) in the ranges; ranges overwritten.
     */
    long kth(int[] from, int[] to, int count, long k) {
        if (count == 1) {
            return kth(from[0], to[0], k);
        }
        long code = 0;
        for (int l = 0; l < levels; l++) {
            long z = 0;
            for (int j = 0; j < count; j++) {
                z += (to[j] - from[j]) - (rank1(l, to[j]) - rank1(l, from[j]));
            }
            if (k < z) {
                for (int j = 0; j < count; j++) {
                    from[j] -= rank1(l, from[j]);
                    to[j] -= rank1(l, to[j]);
                }
            } else {
                k -= z;
                code |= 1L << (levels - 1 - l);
                int zl = zeros[l];
                for (int j = 0; j < count; j++) {
                    from[j] = zl + rank1(l, from[j]);
                    to[j] = zl + rank1(l, to[j]);
                }
            }
        }
        return code == 0 ? Long.MIN_VALUE : code - 1 + minIncluded;
    }

    /**
     * The number of included values below {@code value} in the ranges {@code [from[j], to[j])},
     * j < count: one descent of the matrix along the code of {@code value}, two rank reads per range
     * and level, nothing allocated. Ranges overwritten.
     *
     * @param excluded the number of excluded values in the ranges (from {@link #excluded})
     */
    long includedBelow(int[] from, int[] to, int count, long value, long excluded) {
        if (value <= minIncluded) {
            return 0;
        }
        long all = 0;
        for (int j = 0; j < count; j++) {
            all += to[j] - from[j];
        }
        // value > minIncluded >= 0 here, so the difference cannot overflow; the + 1 can only at MAX_VALUE
        long code = value - minIncluded + 1;
        if (code <= 0 || levels == 0 || (code >>> levels) != 0) {
            return all - excluded; // every included code is below
        }
        long below = 0;
        for (int l = 0; l < levels; l++) {
            boolean one = ((code >>> (levels - 1 - l)) & 1L) != 0;
            int zl = zeros[l];
            for (int j = 0; j < count; j++) {
                int rf = rank1(l, from[j]);
                int rt = rank1(l, to[j]);
                if (one) {
                    below += (to[j] - from[j]) - (rt - rf);
                    from[j] = zl + rf;
                    to[j] = zl + rt;
                } else {
                    from[j] -= rf;
                    to[j] -= rt;
                }
            }
        }
        return below - excluded;
    }

    /** The k-th smallest in one range: two rank reads per level. */
    private long kth(int from, int to, long k) {
        long code = 0;
        int f = from;
        int t = to;
        for (int l = 0; l < levels; l++) {
            int rf = rank1(l, f);
            int rt = rank1(l, t);
            long z = (t - f) - (rt - rf);
            if (k < z) {
                f -= rf;
                t -= rt;
            } else {
                k -= z;
                code |= 1L << (levels - 1 - l);
                f = zeros[l] + rf;
                t = zeros[l] + rt;
            }
        }
        return code == 0 ? Long.MIN_VALUE : code - 1 + minIncluded;
    }

    /** The sum of the included values in the ranges, as a double (exact sum, then rounded once). */
    double sum(int[] from, int[] to, int count) {
        long[] p = prefix;
        if (p != null) {
            long s = 0;
            boolean exact = true;
            for (int j = 0; j < count; j++) {
                long add = p[to[j]] - p[from[j]];
                long r = s + add;
                if (((s ^ r) & (add ^ r)) < 0) {
                    exact = false;
                    break;
                }
                s = r;
            }
            if (exact) {
                return s;
            }
            double d = 0;
            for (int j = 0; j < count; j++) {
                d += (double) (p[to[j]] - p[from[j]]);
            }
            return d;
        }
        // the sums overflow a long: Kahan-sum the values themselves, each read once
        long[] v = values;
        double sum = 0;
        double c = 0;
        for (int j = 0; j < count; j++) {
            for (int i = from[j]; i < to[j]; i++) {
                if (v[i] >= minIncluded) {
                    double y = v[i] - c;
                    double t = sum + y;
                    c = (t - sum) - y;
                    sum = t;
                }
            }
        }
        return sum;
    }

    int size() {
        return n;
    }

    @Override
    public String toString() {
        return "OrderIndex[n=" + n + ", levels=" + levels + ", bytes=" + bytes() + "]";
    }
}
