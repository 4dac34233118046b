package io.github.deliverykit.metrics.dora;

/** A stable merge sort of int indices by a primitive comparator, within given segments; no boxing. */
final class IndexSort {

    /** Compares two indices. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IndexSort() {}

    /**
     * Sorts each segment {@code [bounds[i], bounds[i + 1])} of {@code a}.
     *
     * @param a the indices
     * @param cmp the order
     * @param bounds ascending segment boundaries; the last one is the end of the last segment
     */
    static void sort(int[] a, IntComparator cmp, int[] bounds) {
        int[] tmp = new int[a.length];
        for (int i = 0; i + 1 < bounds.length; i++) {
            sort(a, tmp, bounds[i], bounds[i + 1], cmp);
        }
    }

    /**
     * The indices {@code 0..n-1} ordered by {@code key}, ties by {@code tieBreak}, then by index.
     * When the key range and the index fit in 63 bits together (a year of milliseconds and 10^7
     * indices do), one primitive sort of packed keys does the work and the comparator only sees
     * runs of equal keys; otherwise a merge sort with the full comparator.
     *
     * @param key the primary keys
     * @param tieBreak the order among equal keys
     * @return the order
     */
    static int[] orderByKey(long[] key, IntComparator tieBreak) {
        int n = key.length;
        int[] order = new int[n];
        if (n == 0) {
            return order;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long k : key) {
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        long range = max - min;
        if (range < 0 || (range >>> (63 - indexBits)) != 0) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            sort(order, (x, y) -> {
                int c = Long.compare(key[x], key[y]);
                return c != 0 ? c : tieBreak.compare(x, y);
            }, new int[] {0, n});
            return order;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((key[i] - min) << indexBits) | i;
        }
        java.util.Arrays.sort(packed);
        long mask = (1L << indexBits) - 1;
        for (int i = 0; i < n; i++) {
            order[i] = (int) (packed[i] & mask);
        }
        int[] tmp = null;
        for (int i = 0; i < n;) {
            int j = i + 1;
            while (j < n && (packed[j] >>> indexBits) == (packed[i] >>> indexBits)) {
                j++;
            }
            if (j - i > 1) {
                if (tmp == null) {
                    tmp = new int[n];
                }
                sort(order, tmp, i, j, tieBreak);
            }
            i = j;
        }
        return order;
    }

    private static void sort(int[] a, int[] tmp, int from, int to, IntComparator cmp) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        // insertion sort runs of 32, then bottom-up merges
        final int run = 32;
        for (int lo = from; lo < to; lo += run) {
            int hi = Math.min(lo + run, to);
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && cmp.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
        }
        int[] src = a;
        int[] dst = tmp;
        for (int width = run; width < n; width *= 2) {
            for (int lo = from; lo < to; lo += 2 * width) {
                int mid = Math.min(lo + width, to);
                int hi = Math.min(lo + 2 * width, to);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    dst[k++] = cmp.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
            if (width > n / 2) {
                break;
            }
        }
        if (src != a) {
            System.arraycopy(src, from, a, from, n);
        }
    }
}
