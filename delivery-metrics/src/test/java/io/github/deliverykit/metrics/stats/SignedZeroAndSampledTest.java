package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/**
 * Signed zeros in the rank test (COMMONS_MATH_3 ranks -0.0 below 0.0 as Commons Math 3.6.1 does,
 * DEFAULT ties them), and the sampled, copy-free selection of large quantile requests against the
 * selection in a copy.
 */
final class SignedZeroAndSampledTest {

    private static final MannWhitneyUTest CM3 = new MannWhitneyUTest();

    @Test
    void commonsMath3_ranksNegativeZeroBelowZero_asCommonsMath() {
        double[] x = {-0.0, -0.0, -0.0, 1};
        double[] y = {0.0, 0.0, 0.0, 2};
        RankTestResult ours = MannWhitney.test(x, y, MannWhitney.Options.COMMONS_MATH_3);
        assertEquals(CM3.mannWhitneyU(x, y), ours.uMax(), 1e-12);
        assertEquals(CM3.mannWhitneyUTest(x, y), ours.pValue(), 1e-12);
        // Double.compare order: -0.0 < 0.0, so x's zeros win no pair; only x = 1 beats y's three zeros
        assertEquals(3.0, ours.u(), 0);
        // DEFAULT ties them: 3 x 3 half pairs, plus 3
        assertEquals(7.5, MannWhitney.test(x, y).u(), 0);
    }

    @Property(tries = 3000)
    void commonsMath3_equalsCommonsMath_withSignedZeros(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] levels = {-0.0, 0.0, -1.0, 1.0, 2.5, -0.0, 0.0};
        double[] x = new double[1 + r.nextInt(30)];
        double[] y = new double[1 + r.nextInt(30)];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(4) == 0 ? r.nextGaussian() : levels[r.nextInt(levels.length)];
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextInt(4) == 0 ? r.nextGaussian() : levels[r.nextInt(levels.length)];
        }
        RankTestResult ours = MannWhitney.test(x, y, MannWhitney.Options.COMMONS_MATH_3);
        assertEquals(CM3.mannWhitneyU(x, y), ours.uMax(), 1e-9);
        assertEquals(CM3.mannWhitneyUTest(x, y), ours.pValue(), 1e-9);
        double[] xs = x.clone();
        double[] ys = y.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        RankTestResult sorted = MannWhitney.testSorted(xs, ys, MannWhitney.Options.COMMONS_MATH_3);
        assertEquals(ours.u(), sorted.u(), 0);
        assertEquals(ours.pValue(), sorted.pValue(), 0);
    }

    @Property(tries = 60)
    void sampledQuantiles_equalSelectionInACopy(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int shape) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = Quantiles.SAMPLED_MIN + r.nextInt(3 * Quantiles.SAMPLED_MIN);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (shape) {
                case 0 -> r.nextDouble();
                case 1 -> Math.floor(Math.exp(r.nextGaussian() * 1.2 + 5));
                case 2 -> i; // sorted
                case 3 -> n - i; // reversed
                case 4 -> 7; // all equal
                case 5 -> i % 97 == 0 ? 1e300 : i % 3; // periodic, few levels, an extreme tail
                default -> r.nextInt(2) == 0 ? -0.0 : r.nextInt(5);
            };
        }
        double[] before = v.clone();
        double[] ps = {r.nextDouble(), 0.5, 0.95, 0.99, r.nextInt(2), r.nextDouble() / 100};
        for (QuantileDefinition def : QuantileDefinition.values()) {
            double[] expected = Quantiles.quantilesInPlace(v.clone(), def, ps);
            double[] actual = Quantiles.quantiles(v, def, ps);
            for (int i = 0; i < ps.length; i++) {
                // numerically equal (the sign of a zero is not part of a quantile)
                assertEquals(expected[i], actual[i], 0.0, def + " p=" + ps[i]);
            }
            assertEquals(expected[0], Quantiles.quantile(v, ps[0], def), 0.0, def.toString());
        }
        assertArrayEquals(before, v, "input unchanged");
    }
    @Property(tries = 60)
    void sampledQuantiles_upToThreeBrackets_equalSelectionInACopy(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 7) int shape, @ForAll @IntRange(min = 1, max = 3) int count) {
        // one to three probabilities: the branch-free bracket pass (integer keys, chunked buffers)
        SplittableRandom r = new SplittableRandom(seed);
        int n = Quantiles.SAMPLED_MIN + r.nextInt(3 * Quantiles.SAMPLED_MIN);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (shape) {
                case 0 -> r.nextDouble();
                case 1 -> Math.floor(Math.exp(r.nextGaussian() * 1.2 + 5));
                case 2 -> i;
                case 3 -> -1e-300 * (n - i); // negative, tiny, reversed
                case 4 -> 7;
                case 5 -> i % 97 == 0 ? -Double.MAX_VALUE : i % 3;
                case 6 -> r.nextGaussian() * 1e300;
                default -> r.nextInt(2) == 0 ? -0.0 : Math.nextUp(0.0) * r.nextInt(3);
            };
        }
        double[] before = v.clone();
        double[] all = {0.5, 0.95, 0.99, r.nextDouble(), r.nextInt(2)};
        double[] ps = new double[count];
        for (int i = 0; i < count; i++) {
            ps[i] = all[r.nextInt(all.length)];
        }
        for (QuantileDefinition def : QuantileDefinition.values()) {
            double[] expected = Quantiles.quantilesInPlace(v.clone(), def, ps);
            double[] actual = Quantiles.quantiles(v, def, ps);
            for (int i = 0; i < ps.length; i++) {
                assertEquals(expected[i], actual[i], 0.0, def + " p=" + ps[i]);
            }
        }
        assertArrayEquals(before, v, "input unchanged");
    }
}
