package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import io.github.deliverykit.metrics.stats.Quantiles.Summary;

final class QuantilesPropertyTest {

    /** Samples with many duplicates: values drawn from a small pool. */
    @Provide
    Arbitrary<double[]> samples() {
        Arbitrary<Double> few = Arbitraries.integers().between(-5, 5).map(i -> i * 1.5);
        Arbitrary<Double> any = Arbitraries.doubles().between(-1e6, 1e6);
        return Arbitraries.oneOf(few, any).array(double[].class).ofMinSize(1).ofMaxSize(300);
    }

    @Provide
    Arbitrary<long[]> longSamples() {
        Arbitrary<Long> few = Arbitraries.longs().between(-3, 3);
        Arbitrary<Long> any = Arbitraries.longs();
        return Arbitraries.oneOf(few, any).array(long[].class).ofMinSize(1).ofMaxSize(300);
    }

    @Provide
    Arbitrary<Double> probabilities() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 100).map(i -> i / 100.0),
                Arbitraries.of(0.0, 0.5, 0.9, 0.95, 0.99, 1.0));
    }

    @Provide
    Arbitrary<double[]> ps() {
        return probabilities().array(double[].class).ofMaxSize(6);
    }

    /** Oracle: sort, then read the documented position from p's decimal value exactly. */
    static double oracle(double[] values, double p, QuantileDefinition d) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        BigDecimal exactP = new BigDecimal(Double.toString(p));
        if (d == QuantileDefinition.NEAREST_RANK) {
            int rank = exactP.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
            return s[Math.max(0, rank - 1)];
        }
        BigDecimal h = exactP.multiply(BigDecimal.valueOf(n - 1));
        int lo = h.setScale(0, RoundingMode.FLOOR).intValueExact();
        if (d == QuantileDefinition.LOWER || lo + 1 >= n) {
            return s[lo];
        }
        double frac = h.subtract(BigDecimal.valueOf(lo)).doubleValue();
        return s[lo] + frac * (s[lo + 1] - s[lo]);
    }

    @Property
    void everyDefinition_equalsSortOracle(@ForAll("samples") double[] values, @ForAll("probabilities") double p,
            @ForAll QuantileDefinition d) {
        double expected = oracle(values, p, d);
        double actual = Quantiles.quantile(values, p, d);
        if (d == QuantileDefinition.LINEAR) {
            assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
        } else {
            assertEquals(expected, actual, 0.0);
        }
    }

    @Provide
    Arbitrary<double[]> largeSamples() {
        Arbitrary<Double> few = Arbitraries.integers().between(-3, 3).map(i -> i * 1.0);
        Arbitrary<Double> any = Arbitraries.doubles().between(-1e3, 1e3);
        return Arbitraries.oneOf(few, any).array(double[].class).ofMinSize(601).ofMaxSize(2_500);
    }

    /** Samples above 600 values take the Floyd-Rivest path. */
    @Property(tries = 30)
    void largeSamples_equalSortOracle(@ForAll("largeSamples") double[] values, @ForAll("probabilities") double p,
            @ForAll QuantileDefinition d) {
        double expected = oracle(values, p, d);
        assertEquals(expected, Quantiles.quantile(values, p, d), 1e-9 * Math.max(1, Math.abs(expected)));
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = (long) values[i];
        }
        long[] sorted = longs.clone();
        Arrays.sort(sorted);
        int k = Quantiles.index(longs.length, p, d);
        assertEquals(sorted[k], Quantiles.select(longs, 0, longs.length - 1, k));
    }

    @Property
    void longs_equalSortOracle(@ForAll("longSamples") long[] values, @ForAll("probabilities") double p,
            @ForAll QuantileDefinition d) {
        long[] s = values.clone();
        Arrays.sort(s);
        int k = Quantiles.index(s.length, p, d);
        if (d != QuantileDefinition.LINEAR) {
            assertEquals(s[k], Quantiles.sampleValueInPlace(values.clone(), p, d));
            assertEquals((double) s[k], Quantiles.quantile(values, p, d));
        } else {
            double q = Quantiles.quantile(values, p, d);
            assertTrue(q >= s[k] && q <= s[Math.min(k + 1, s.length - 1)], q + " outside its neighbours");
        }
    }

    @Property
    void monotoneInP(@ForAll("samples") double[] values, @ForAll QuantileDefinition d,
            @ForAll @DoubleRange(min = 0, max = 1) double a, @ForAll @DoubleRange(min = 0, max = 1) double b) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        double[] q = Quantiles.quantiles(values, d, hi, lo, 0.0, 1.0);
        assertTrue(q[1] <= q[0], "q(" + lo + ")=" + q[1] + " > q(" + hi + ")=" + q[0]);
        assertEquals(Quantiles.min(values), q[2]);
        assertEquals(Quantiles.max(values), q[3]);
    }

    @Property
    void severalAtOnce_equalOneByOne(@ForAll("samples") double[] values, @ForAll QuantileDefinition d,
            @ForAll("ps") double[] ps) {
        double[] all = Quantiles.quantiles(values, d, ps);
        for (int i = 0; i < ps.length; i++) {
            assertEquals(Quantiles.quantile(values, ps[i], d), all[i], 0.0);
        }
    }

    @Property
    void longSummary_invariantUnderOrder(@ForAll("longSamples") long[] values, @ForAll QuantileDefinition d) {
        long[] reversed = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            reversed[i] = values[values.length - 1 - i];
        }
        assertEquals(Summary.of(values, d), Summary.of(reversed, d));
    }

    @Property
    void summary_matchesParts(@ForAll("samples") double[] values) {
        Summary s = Summary.of(values);
        assertEquals(values.length, s.size());
        assertEquals(Quantiles.min(values), s.min());
        assertEquals(Quantiles.max(values), s.max());
        assertEquals(Quantiles.quantile(values, 0.95), s.p95());
        double naive = Arrays.stream(values).sum() / values.length;
        assertEquals(naive, s.mean(), 1e-6 * Math.max(1, Math.abs(naive)));
    }

    @Property
    void longMean_matchesBigDecimal(@ForAll("longSamples") long[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (long v : values) {
            sum = sum.add(BigDecimal.valueOf(v));
        }
        double expected = sum.divide(BigDecimal.valueOf(values.length), java.math.MathContext.DECIMAL128).doubleValue();
        assertEquals(expected, Quantiles.mean(values), Math.max(1e-9, Math.abs(expected) * 1e-15));
    }

    @Property
    void badInput_onlyIllegalArgument(@ForAll("raw") double[] values, @ForAll double p, @ForAll QuantileDefinition d) {
        try {
            Quantiles.quantile(values, p, d);
            Quantiles.quantiles(values, d, p, 0.5);
            Summary.of(values, d);
            Quantiles.mean(values);
        } catch (IllegalArgumentException expected) {
            // the only allowed failure
        }
    }

    @Provide
    Arbitrary<double[]> raw() {
        Arbitrary<Double> special = Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0);
        return Combinators.combine(Arbitraries.oneOf(special, Arbitraries.doubles()).array(double[].class).ofMaxSize(20),
                Arbitraries.of(true, false)).as((a, nullify) -> nullify && a.length == 0 ? null : a).injectNull(0.05);
    }
}
