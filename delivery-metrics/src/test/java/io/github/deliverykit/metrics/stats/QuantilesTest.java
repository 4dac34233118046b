package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import io.github.deliverykit.metrics.stats.Quantiles.Summary;

final class QuantilesTest {

    // 1..10 shuffled: R-7 p50 = 5.5, p90 = 9.1, p95 = 9.55, nearest-rank p95 = x[ceil(9.5)-1] = 10
    private static final double[] ONE_TO_TEN = {7, 3, 10, 1, 9, 2, 8, 5, 4, 6};

    @Test
    void linear_handComputed() {
        assertEquals(5.5, Quantiles.quantile(ONE_TO_TEN, 0.5), 1e-12);
        assertEquals(9.1, Quantiles.quantile(ONE_TO_TEN, 0.9), 1e-12);
        assertEquals(9.55, Quantiles.quantile(ONE_TO_TEN, 0.95), 1e-12);
        assertEquals(1.0, Quantiles.quantile(ONE_TO_TEN, 0.0));
        assertEquals(10.0, Quantiles.quantile(ONE_TO_TEN, 1.0));
        assertEquals(3.25, Quantiles.quantile(ONE_TO_TEN, 0.25), 1e-12);
    }

    @Test
    void nearestRankAndLower_handComputed() {
        assertEquals(5.0, Quantiles.quantile(ONE_TO_TEN, 0.5, QuantileDefinition.NEAREST_RANK));
        assertEquals(10.0, Quantiles.quantile(ONE_TO_TEN, 0.95, QuantileDefinition.NEAREST_RANK));
        assertEquals(9.0, Quantiles.quantile(ONE_TO_TEN, 0.9, QuantileDefinition.NEAREST_RANK));
        assertEquals(1.0, Quantiles.quantile(ONE_TO_TEN, 0.0, QuantileDefinition.NEAREST_RANK));
        assertEquals(1.0, Quantiles.quantile(ONE_TO_TEN, 0.1, QuantileDefinition.NEAREST_RANK));
        assertEquals(2.0, Quantiles.quantile(ONE_TO_TEN, 0.11, QuantileDefinition.NEAREST_RANK));
        assertEquals(5.0, Quantiles.quantile(ONE_TO_TEN, 0.5, QuantileDefinition.LOWER));
        assertEquals(9.0, Quantiles.quantile(ONE_TO_TEN, 0.95, QuantileDefinition.LOWER));
        assertEquals(10.0, Quantiles.quantile(ONE_TO_TEN, 1.0, QuantileDefinition.LOWER));
    }

    @Test
    void decimalP_readsTheIntendedRank() {
        // 0.07 * 100 = 7.000000000000001 and 0.29 * 100 = 28.999999999999996 in binary floating point
        double[] hundred = new double[100];
        double[] hundredOne = new double[101];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i;
        }
        for (int i = 0; i <= 100; i++) {
            hundredOne[i] = i;
        }
        assertEquals(7.0, Quantiles.quantile(hundred, 0.07, QuantileDefinition.NEAREST_RANK));
        assertEquals(29.0, Quantiles.quantile(hundredOne, 0.29, QuantileDefinition.LOWER));
        assertEquals(29.0, Quantiles.quantile(hundredOne, 0.29, QuantileDefinition.LINEAR));
    }

    @Test
    void several_inAnyOrder_andInputUntouched() {
        double[] copy = ONE_TO_TEN.clone();
        double[] q = Quantiles.quantiles(ONE_TO_TEN, QuantileDefinition.LINEAR, 0.95, 0.5, 0.9, 0.0);
        assertArrayEquals(new double[] {9.55, 5.5, 9.1, 1.0}, q, 1e-12);
        assertArrayEquals(copy, ONE_TO_TEN);
        assertEquals(0, Quantiles.quantiles(ONE_TO_TEN, QuantileDefinition.LINEAR).length);
    }

    @Test
    void inPlace_reordersButAgrees() {
        double[] a = ONE_TO_TEN.clone();
        assertEquals(9.55, Quantiles.quantileInPlace(a, 0.95, QuantileDefinition.LINEAR), 1e-12);
        double[] b = ONE_TO_TEN.clone();
        assertArrayEquals(new double[] {5.5, 9.1}, Quantiles.quantilesInPlace(b, QuantileDefinition.LINEAR, 0.5, 0.9), 1e-12);
    }

    @Test
    void longs_selectedExactly() {
        long big = (1L << 60) + 1;
        long[] values = {big + 2, big, big + 1};
        assertEquals(big, Quantiles.sampleValueInPlace(values.clone(), 0.0, QuantileDefinition.LOWER));
        assertEquals(big + 1, Quantiles.sampleValueInPlace(values.clone(), 0.5, QuantileDefinition.NEAREST_RANK));
        assertEquals(big + 2, Quantiles.sampleValueInPlace(values.clone(), 1.0, QuantileDefinition.LOWER));
        long[] ms = {70, 30, 100, 10, 90, 20, 80, 50, 40, 60};
        assertEquals(95.5, Quantiles.quantile(ms, 0.95, QuantileDefinition.LINEAR), 1e-9);
        assertArrayEquals(new double[] {60.0, 100.0}, Quantiles.quantiles(ms, QuantileDefinition.NEAREST_RANK, 0.55, 0.95));
        assertEquals(50.0, Quantiles.quantileInPlace(ms.clone(), 0.5, QuantileDefinition.LOWER));
        assertArrayEquals(new double[] {10.0, 100.0}, Quantiles.quantilesInPlace(ms.clone(), QuantileDefinition.LINEAR, 0.0, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> Quantiles.sampleValueInPlace(ms.clone(), 0.5, QuantileDefinition.LINEAR));
    }

    @Test
    void extremeFiniteValues_doNotOverflow() {
        double[] values = {-Double.MAX_VALUE, Double.MAX_VALUE};
        double median = Quantiles.quantile(values, 0.5);
        assertTrue(Double.isFinite(median));
        assertEquals(0.0, median, 1e292);
        assertEquals(Double.MAX_VALUE, Quantiles.quantile(values, 1.0));
        long[] longs = {Long.MIN_VALUE, Long.MAX_VALUE};
        assertEquals(0.0, Quantiles.quantile(longs, 0.5, QuantileDefinition.LINEAR), 1e4);
    }

    @Test
    void interpolate_staysBetweenNeighbours() {
        assertEquals(1.5, Quantiles.interpolate(1, 2, 0.5));
        assertEquals(2.0, Quantiles.interpolate(2, 2, 0.7));
        double r = Quantiles.interpolate(-Double.MAX_VALUE, Double.MAX_VALUE, 0.75);
        assertEquals(Double.MAX_VALUE / 2, r, Double.MAX_VALUE * 1e-12);
    }

    @Test
    void singleValue_isEveryQuantile() {
        for (QuantileDefinition d : QuantileDefinition.values()) {
            assertEquals(4.0, Quantiles.quantile(new double[] {4}, 0.37, d));
            assertEquals(4.0, Quantiles.quantile(new long[] {4}, 0.99, d));
        }
    }

    @Test
    void badInput_namesFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Quantiles.quantile(new double[] {1, Double.NaN}, 0.5));
        assertEquals("values[1] must be a finite number, but was NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quantiles.quantile(new double[0], 0.5));
        assertEquals("values must not be empty, but was '[]'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quantiles.quantile(ONE_TO_TEN, 1.5));
        assertTrue(e.getMessage().startsWith("p must be between 0.0 and 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Quantiles.quantiles(ONE_TO_TEN, QuantileDefinition.LINEAR, 0.5, -0.1));
        assertTrue(e.getMessage().startsWith("ps[1] must be between"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quantiles.quantile(ONE_TO_TEN, 0.5, null));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.quantiles((long[]) null, QuantileDefinition.LINEAR, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.quantiles(new long[0], QuantileDefinition.LINEAR, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.quantiles(ONE_TO_TEN, QuantileDefinition.LINEAR, (double[]) null));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.quantileInPlace(new long[] {1}, Double.NaN, QuantileDefinition.LINEAR));
    }

    @Test
    void summary_handComputed() {
        Summary s = Summary.of(ONE_TO_TEN);
        assertEquals(10, s.size());
        assertEquals(1.0, s.min());
        assertEquals(10.0, s.max());
        assertEquals(5.5, s.mean(), 1e-12);
        assertEquals(5.5, s.median(), 1e-12);
        assertEquals(9.1, s.p90(), 1e-12);
        assertEquals(9.55, s.p95(), 1e-12);
        assertEquals(9.91, s.p99(), 1e-12);
        assertEquals(QuantileDefinition.LINEAR, s.definition());
        Summary l = Summary.of(new long[] {3, 1, 2}, QuantileDefinition.NEAREST_RANK);
        assertEquals(new Summary(3, 1, 3, 2, 2, 3, 3, 3, QuantileDefinition.NEAREST_RANK), l);
        assertTrue(Summary.tryOf(new double[0]).isEmpty());
        assertTrue(Summary.tryOf(new long[0]).isEmpty());
        assertEquals(2.0, Summary.tryOf(new long[] {2}).orElseThrow().mean());
        assertEquals(2.0, Summary.tryOf(new double[] {2}).orElseThrow().p99());
        assertThrows(IllegalArgumentException.class, () -> new Summary(0, 1, 1, 1, 1, 1, 1, 1, QuantileDefinition.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> new Summary(1, 1, 2, 3, 1, 1, 1, 1, QuantileDefinition.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> new Summary(2, 1, 2, 1, 2, 1.5, 2, 2, QuantileDefinition.LINEAR));
    }

    @Test
    void descriptive_handComputed() {
        assertEquals(5.5, Quantiles.mean(ONE_TO_TEN), 1e-15);
        assertEquals(1.0, Quantiles.min(ONE_TO_TEN));
        assertEquals(10.0, Quantiles.max(ONE_TO_TEN));
        assertEquals(Double.MAX_VALUE, Quantiles.mean(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}));
        assertEquals(0.1, Quantiles.mean(new double[] {0.1, 0.1, 0.1}));
        // 1e16 + 1 - 1e16: naive summation loses the 1
        assertEquals(1.0 / 3, Quantiles.mean(new double[] {1e16, 1, -1e16}), 1e-15);
        assertEquals(Long.MAX_VALUE, Quantiles.mean(new long[] {Long.MAX_VALUE, Long.MAX_VALUE}), 1e4);
        assertEquals(-2.5, Quantiles.mean(new long[] {-2, -3}));
        assertEquals(0.25, Quantiles.mean(new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 1, 1}));
        assertEquals(-0x1.8p62, Quantiles.mean(new long[] {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, 0}), 1e3);
        assertEquals(-3, Quantiles.min(new long[] {-2, -3}));
        assertEquals(-2, Quantiles.max(new long[] {-2, -3}));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.mean(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.max(new double[] {Double.POSITIVE_INFINITY}));
    }

    @Test
    void largeSamples_floydRivestAgreesWithSort() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int shape = 0; shape < 4; shape++) {
            double[] values = new double[5_000];
            long[] longs = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (shape) {
                    case 0 -> random.nextDouble();
                    case 1 -> random.nextInt(3);
                    case 2 -> i;
                    default -> values.length - i;
                };
                longs[i] = (long) (values[i] * 1_000);
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            long[] sortedLongs = longs.clone();
            java.util.Arrays.sort(sortedLongs);
            for (int k : new int[] {0, 1, 2_499, 2_500, 4_750, 4_949, 4_999}) {
                assertEquals(sorted[k], Quantiles.select(values.clone(), 0, values.length - 1, k), "shape " + shape + " k " + k);
                assertEquals(sortedLongs[k], Quantiles.select(longs.clone(), 0, longs.length - 1, k), "shape " + shape + " k " + k);
            }
            double[] q = Quantiles.quantiles(values, QuantileDefinition.LINEAR, 0.5, 0.95, 0.99);
            assertEquals(sorted[2_499] + 0.5 * (sorted[2_500] - sorted[2_499]), q[0], 1e-12);
            assertEquals(sorted[4_749] + 0.05 * (sorted[4_750] - sorted[4_749]), q[1], 1e-9);
        }
    }

    @Test
    void quickselect_aloneAgreesWithSort() {
        double[] values = new double[300];
        long[] longs = new long[300];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7919) % 301;
            longs[i] = (i * 7919L) % 301;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (int k = 0; k < values.length; k += 37) {
            assertEquals(sorted[k], Quantiles.quickselect(values.clone(), 0, values.length - 1, k));
            assertEquals((long) sorted[k], Quantiles.quickselect(longs.clone(), 0, longs.length - 1, k));
        }
    }
}
