package io.github.deliverykit.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import io.github.deliverykit.metrics.stats.Quantiles.QuantileDefinition;

/** Our LINEAR definition is Commons Math 3.6.1's R_7 and NEAREST_RANK its R_1 (up to rank snapping). */
final class CommonsMathComparisonTest {

    @Provide
    Arbitrary<double[]> samples() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 5).map(i -> i * 1.0), Arbitraries.doubles().between(-1e6, 1e6))
                .array(double[].class).ofMinSize(1).ofMaxSize(200);
    }

    @Provide
    Arbitrary<Integer> percents() {
        return Arbitraries.integers().between(1, 100);
    }

    @Property
    void linear_equalsR7(@ForAll("samples") double[] values, @ForAll("percents") int percent) {
        double expected = new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, percent);
        double actual = Quantiles.quantile(values, percent / 100.0);
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
    }

    @Property
    void nearestRank_equalsR1(@ForAll("samples") double[] values, @ForAll("percents") int percent) {
        // where p n misses an integer by a rounding error (0.07 x 100 = 7.000000000000001) Commons
        // reads the next rank and we read the intended one (see QuantileDefinition); compare elsewhere
        double pn = percent / 100.0 * values.length;
        Assume.that(pn == Math.rint(pn) || Math.abs(pn - Math.rint(pn)) > 1e-9);
        double expected = new Percentile().withEstimationType(EstimationType.R_1).evaluate(values, percent);
        assertEquals(expected, Quantiles.quantile(values, percent / 100.0, QuantileDefinition.NEAREST_RANK));
    }
}
