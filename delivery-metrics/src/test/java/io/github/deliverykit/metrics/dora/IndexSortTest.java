package io.github.deliverykit.metrics.dora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

final class IndexSortTest {

    @Property(tries = 1000)
    void orderByKey_likeAStableSortByKeyThenTieBreak(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n) {
        Random r = new Random(seed);
        long[] keys = new long[n];
        int[] tie = new int[n];
        boolean wide = r.nextBoolean(); // a key range too wide to pack: the merge-sort path
        for (int i = 0; i < n; i++) {
            keys[i] = wide ? (r.nextBoolean() ? Long.MIN_VALUE + r.nextInt(3) : Long.MAX_VALUE - r.nextInt(3))
                    : r.nextInt(Math.max(1, n / 3)) - 5;
            tie[i] = r.nextInt(3);
        }
        Integer[] expected = new Integer[n];
        for (int i = 0; i < n; i++) {
            expected[i] = i;
        }
        Arrays.sort(expected, (a, b) -> {
            int c = Long.compare(keys[a], keys[b]);
            return c != 0 ? c : Integer.compare(tie[a], tie[b]);
        });
        assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(),
                IndexSort.orderByKey(keys, (a, b) -> Integer.compare(tie[a], tie[b])));
    }


    @Property(tries = 100)
    void sort_segmentsLikeAStableSort(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 4) int segments) {
        Random r = new Random(seed);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = r.nextInt(Math.max(1, n / 3)); // many ties: stability matters
        }
        int[] bounds = new int[segments + 1];
        for (int i = 1; i < segments; i++) {
            bounds[i] = r.nextInt(n + 1);
        }
        bounds[segments] = n;
        Arrays.sort(bounds, 1, segments);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        IndexSort.sort(idx, (a, b) -> Long.compare(keys[a], keys[b]), bounds);
        for (int s = 0; s < segments; s++) {
            Integer[] expected = new Integer[bounds[s + 1] - bounds[s]];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = bounds[s] + i;
            }
            Arrays.sort(expected, (a, b) -> Long.compare(keys[a], keys[b])); // stable
            int[] actual = Arrays.copyOfRange(idx, bounds[s], bounds[s + 1]);
            assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), actual);
        }
    }

    @Test
    void sort_largeSegment() {
        int n = 5_000;
        long[] keys = new long[n];
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            keys[i] = r.nextLong();
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        IndexSort.sort(idx, (a, b) -> Long.compare(keys[a], keys[b]), new int[] {0, n});
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        long[] actual = new long[n];
        for (int i = 0; i < n; i++) {
            actual[i] = keys[idx[i]];
        }
        assertArrayEquals(sorted, actual);
    }
}
