package io.github.deliverykit.metrics.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The order-statistic index against sorting the selected values. */
final class OrderIndexTest {

    @Property(tries = 8000)
    void kthExcludedAndSum_equalSortedReference(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = r.nextInt(200);
        long[] v = new long[n];
        int shape = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            v[i] = switch (shape) {
                case 0 -> r.nextLong(-5, 20);
                case 1 -> r.nextLong(-1_000_000, 1L << 40);
                case 2 -> r.nextBoolean() ? -1 : Long.MAX_VALUE / 4 - r.nextInt(3); // sums overflow
                default -> r.nextInt(3) == 0 ? 0 : r.nextLong(1L << 53);
            };
        }
        long min = r.nextInt(3) - 1;
        OrderIndex index = new OrderIndex(v, min);
        int count = r.nextInt(5);
        int[] from = new int[count];
        int[] to = new int[count];
        long[] picked = new long[n];
        int size = 0;
        int excluded = 0;
        int at = 0;
        for (int j = 0; j < count; j++) {
            int a = at + (n - at == 0 ? 0 : r.nextInt(n - at + 1));
            int b = a + (n - a == 0 ? 0 : r.nextInt(n - a + 1));
            from[j] = a;
            to[j] = b;
            at = b;
            for (int i = a; i < b; i++) {
                if (v[i] >= min) {
                    picked[size++] = v[i];
                } else {
                    excluded++;
                }
            }
        }
        long[] sorted = Arrays.copyOf(picked, size);
        Arrays.sort(sorted);
        assertEquals(excluded, index.excluded(from.clone(), to.clone(), count));
        double sum = 0;
        for (long x : sorted) {
            sum += x;
        }
        assertEquals(sum, index.sum(from, to, count), Math.abs(sum) * 1e-12);
        for (int k = 0; k < size; k++) {
            assertEquals(sorted[k], index.kth(from.clone(), to.clone(), count, excluded + k), "k=" + k);
        }
    }
}
