package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import io.github.deliverykit.metrics.stats.Quantiles.Summary;

/**
 * The contract the multi-quantile narrowing relies on: after {@code select(a, lo, hi, k)} the range
 * is a permutation of itself with {@code a[lo..k-1] <= a[k] <= a[k+1..hi]}, and nothing outside
 * {@code [lo, hi]} moves. Checked for both kernels, both types, around their size thresholds.
 */
final class SelectionContractTest {

    private static final int[] SIZES = {1, 2, 3, 16, 17, 18, 40, 599, 600, 601, 602, 1_500, 5_000};

    private static double[] sample(SplittableRandom random, int n, int shape) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (shape) {
                case 0 -> random.nextInt(1_000_000);
                case 1 -> random.nextInt(4);
                case 2 -> i;
                case 3 -> n - i;
                default -> i % 2 == 0 ? i : n - i;
            };
        }
        return a;
    }

    @Test
    void select_partitionsAroundK_everyKernelAndType() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n : SIZES) {
            for (int shape = 0; shape < 5; shape++) {
                double[] base = sample(random, n, shape);
                int[] ks = {0, n / 2, n - 1, (int) (n * 0.95), (int) (n * 0.01), random.nextInt(n)};
                for (int k : ks) {
                    for (int kernel = 0; kernel < 2; kernel++) {
                        // a margin on both sides that must not move
                        double[] d = new double[n + 4];
                        d[0] = -1;
                        d[1] = -2;
                        d[n + 2] = 1e9;
                        d[n + 3] = 2e9;
                        System.arraycopy(base, 0, d, 2, n);
                        long[] l = new long[n + 4];
                        for (int i = 0; i < d.length; i++) {
                            l[i] = (long) d[i];
                        }
                        double vd = kernel == 0 ? Quantiles.select(d, 2, n + 1, k + 2) : Quantiles.quickselect(d, 2, n + 1, k + 2);
                        long vl = kernel == 0 ? Quantiles.select(l, 2, n + 1, k + 2) : Quantiles.quickselect(l, 2, n + 1, k + 2);
                        double[] sorted = base.clone();
                        Arrays.sort(sorted);
                        String where = "n=" + n + " shape=" + shape + " k=" + k + " kernel=" + kernel;
                        assertEquals(sorted[k], vd, where);
                        assertEquals((long) sorted[k], vl, where);
                        assertEquals(vd, d[k + 2], where);
                        assertEquals(vl, l[k + 2], where);
                        assertArrayEquals(new double[] {-1, -2}, Arrays.copyOfRange(d, 0, 2), where);
                        assertArrayEquals(new double[] {1e9, 2e9}, Arrays.copyOfRange(d, n + 2, n + 4), where);
                        assertEquals(-2, l[1], where);
                        assertEquals(2_000_000_000L, l[n + 3], where);
                        for (int i = 2; i < n + 2; i++) {
                            assertTrue(i < k + 2 ? d[i] <= vd : d[i] >= vd, where + " i=" + i);
                            assertTrue(i < k + 2 ? l[i] <= vl : l[i] >= vl, where + " i=" + i);
                        }
                        double[] inside = Arrays.copyOfRange(d, 2, n + 2);
                        Arrays.sort(inside);
                        assertArrayEquals(sorted, inside, where);
                        long[] insideL = Arrays.copyOfRange(l, 2, n + 2);
                        Arrays.sort(insideL);
                        for (int i = 0; i < n; i++) {
                            assertEquals((long) sorted[i], insideL[i], where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void quantiles_ofPositionsJustBelowAnInteger() {
        // interpolation weight near 1 and the next order statistic read as the minimum of the rest
        double[] v = new double[1_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = v.length - i;
        }
        assertEquals(1_000.0, Quantiles.quantile(v, 1.0));
        // h = 999 x 0.99901 = 998.01099: x[998] + 0.01099 (x[999] - x[998]) = 999.01099
        assertEquals(999.01099, Quantiles.quantile(v, 0.99901), 1e-9);
        long[] l = new long[1_000];
        for (int i = 0; i < l.length; i++) {
            l[i] = l.length - i;
        }
        assertEquals(500.5, Quantiles.quantile(l, 0.5, QuantileDefinition.LINEAR), 1e-12);
        assertEquals(500.0, Quantiles.quantile(l, 0.5, QuantileDefinition.LOWER));
        assertEquals(500.0, Quantiles.quantile(l, 0.5, QuantileDefinition.NEAREST_RANK));
        assertEquals(501.0, Quantiles.quantile(l, 0.5005, QuantileDefinition.NEAREST_RANK));
        assertEquals(1.0, Quantiles.quantile(l, 0.0005, QuantileDefinition.NEAREST_RANK));
    }

    @Test
    void everyEntryPoint_rejectsBadInput() {
        double[] nan = {1, Double.NaN};
        long[] none = new long[0];
        Executable[] calls = {
            () -> Quantiles.quantile(nan, 0.5),
            () -> Quantiles.quantile((double[]) null, 0.5, QuantileDefinition.LINEAR),
            () -> Quantiles.quantile(new double[] {1}, -0.5, QuantileDefinition.LINEAR),
            () -> Quantiles.quantiles(nan, QuantileDefinition.LINEAR, 0.5),
            () -> Quantiles.quantiles(new double[] {1}, null, 0.5),
            () -> Quantiles.quantilesInPlace(nan, QuantileDefinition.LINEAR, 0.5),
            () -> Quantiles.quantilesInPlace(new double[] {1}, QuantileDefinition.LINEAR, 2.0),
            () -> Quantiles.quantileInPlace(nan, 0.5, QuantileDefinition.LINEAR),
            () -> Quantiles.quantileInPlace(new double[] {1}, 1.5, QuantileDefinition.LINEAR),
            () -> Quantiles.quantileInPlace(new double[] {1}, 0.5, null),
            () -> Quantiles.quantile(none, 0.5, QuantileDefinition.LINEAR),
            () -> Quantiles.quantile(new long[] {1}, 1.5, QuantileDefinition.LINEAR),
            () -> Quantiles.quantile(new long[] {1}, 0.5, null),
            () -> Quantiles.quantiles(none, QuantileDefinition.LINEAR, 0.5),
            () -> Quantiles.quantiles(new long[] {1}, QuantileDefinition.LINEAR, -1.0),
            () -> Quantiles.quantileInPlace(none, 0.5, QuantileDefinition.LINEAR),
            () -> Quantiles.quantileInPlace(new long[] {1}, 0.5, null),
            () -> Quantiles.quantilesInPlace(none, QuantileDefinition.LINEAR, 0.5),
            () -> Quantiles.quantilesInPlace(new long[] {1}, null, 0.5),
            () -> Quantiles.sampleValueInPlace(none, 0.5, QuantileDefinition.LOWER),
            () -> Quantiles.sampleValueInPlace(new long[] {1}, 7, QuantileDefinition.LOWER),
            () -> Quantiles.sampleValueInPlace(new long[] {1}, 0.5, null),
            () -> Summary.of((double[]) null),
            () -> Summary.of((long[]) null),
            () -> Summary.of(nan, QuantileDefinition.LINEAR),
            () -> Summary.of(none, QuantileDefinition.LINEAR),
            () -> Summary.ofInPlace(nan, QuantileDefinition.LINEAR),
            () -> Summary.ofInPlace(new double[] {1}, null),
            () -> Summary.ofInPlace(none, QuantileDefinition.LINEAR),
            () -> Summary.ofInPlace(new long[] {1}, null),
            () -> Summary.tryOf((double[]) null),
            () -> Summary.tryOf((long[]) null),
            () -> Quantiles.min(new double[0]),
            () -> Quantiles.max(new double[0]),
            () -> Quantiles.mean(new double[0]),
            () -> Quantiles.min(none),
            () -> Quantiles.max(none),
            () -> Quantiles.mean((long[]) null),
        };
        for (int i = 0; i < calls.length; i++) {
            int index = i;
            assertThrows(IllegalArgumentException.class, () -> calls[index].execute(), "call " + i);
        }
    }

    @Test
    void descriptive_extremesAtEveryPosition() {
        assertEquals(-3.0, Quantiles.min(new double[] {1, -3, 2}));
        assertEquals(-3.0, Quantiles.min(new double[] {-3, -3}));
        assertEquals(2.0, Quantiles.max(new double[] {1, -3, 2}));
        assertEquals(2.0, Quantiles.max(new double[] {2, 2}));
        assertEquals(-3L, Quantiles.min(new long[] {1, -3, 2}));
        assertEquals(2L, Quantiles.max(new long[] {1, -3, 2}));
        // mean of huge values of both signs: the overflow path sums x / n
        assertEquals(Double.MAX_VALUE / 3, Quantiles.mean(new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE}),
                Double.MAX_VALUE * 1e-15);
        assertEquals(-Double.MAX_VALUE, Quantiles.mean(new double[] {-Double.MAX_VALUE, -Double.MAX_VALUE}));
        // compensation when the small term comes first
        assertEquals(1.0 / 3, Quantiles.mean(new double[] {1, 1e16, -1e16}), 1e-15);
        assertEquals(1.0 / 3, Quantiles.mean(new double[] {1, 1, 1e100, -1e100, 0, 0}), 1e-15);
    }

    @Test
    void summary_fromInPlace() {
        double[] d = {4, 1, 3, 2};
        Summary s = Summary.ofInPlace(d, QuantileDefinition.LOWER);
        assertEquals(new Summary(4, 1, 4, 2.5, 2, 3, 3, 3, QuantileDefinition.LOWER), s);
        long[] l = {4, 1, 3, 2};
        assertEquals(s, Summary.ofInPlace(l, QuantileDefinition.LOWER));
        assertEquals(new Summary(4, 1, 4, 2.5, 2.5, 3.7, 3.85, 3.97, QuantileDefinition.LINEAR).median(),
                Summary.of(new long[] {4, 1, 3, 2}).median());
    }
}
