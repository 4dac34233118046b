package io.github.deliverykit.policy.canary.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.metrics.stats.MannWhitney;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.Direction;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageData.Tally;
import org.junit.jupiter.api.Test;

/** The detectable-change arithmetic of the power check, against hand-computed bounds. */
final class JudgeMathTest {

    @Test
    void noEvents_leaveTheClopperPearsonBoundOpen() {
        // 0 of 30 on both sides: the canary's one-sided 98 % bound is 1 - 0.02^(1/30), the baseline's lower bound 0
        double expected = 1 - Math.pow(0.02, 1.0 / 30);
        assertEquals(expected, JudgeMath.detectableRateChange(new Tally(0, 30), new Tally(0, 30), Direction.INCREASE, 0.98),
                1e-9);
        assertEquals(expected, JudgeMath.detectableRateChange(new Tally(0, 30), new Tally(0, 30), Direction.DECREASE, 0.98),
                1e-9);
    }

    @Test
    void directions_pickTheirBound() {
        Tally c = new Tally(8, 1000);
        Tally b = new Tally(2, 1000);
        double up = JudgeMath.detectableRateChange(c, b, Direction.INCREASE, 0.98);
        double down = JudgeMath.detectableRateChange(c, b, Direction.DECREASE, 0.98);
        // SciPy 1.17: 0.006 + hypot(beta.ppf(.98, 9, 992) - 0.008, 0.002 - beta.ppf(.02, 2, 999)), and the mirror
        assertEquals(0.014301277518713774, up, 1e-9);
        assertEquals(0.00122292074603778, down, 1e-9);
        assertEquals(Math.max(up, down), JudgeMath.detectableRateChange(c, b, Direction.EITHER, 0.98));
        // past the exact bound's trial limit: scaled down, still finite and near 0 for equal rates
        Tally huge = new Tally(2L << 31, 1L << 40);
        double d = JudgeMath.detectableRateChange(huge, huge, Direction.INCREASE, 0.98);
        assertTrue(d > 0 && d < 1e-3, String.valueOf(d));
    }

    @Test
    void shift_isRelativeToTheBaselineMedian() {
        double[] canary = {60, 70, 80, 90, 150};
        double[] baseline = {90, 100, 100, 110, 120, 130};
        var shift = MannWhitney.shiftSorted(canary, baseline, 0.9);
        double median = 105;
        assertEquals(shift.upper() / median, JudgeMath.detectableShift(shift, baseline, Direction.INCREASE), 1e-12);
        assertEquals(-shift.lower() / median, JudgeMath.detectableShift(shift, baseline, Direction.DECREASE), 1e-12);
        assertEquals(Math.max(shift.upper(), -shift.lower()) / median,
                JudgeMath.detectableShift(shift, baseline, Direction.EITHER), 1e-12);
        assertTrue(shift.lower() < 0 && shift.upper() > 0, shift.toString());
        assertTrue(Double.isNaN(JudgeMath.detectableShift(shift, new double[] {-1, 0, 0}, Direction.INCREASE)));
        assertEquals(shift.upper() / 100, JudgeMath.detectableShift(shift, new double[] {90, 100, 110}, Direction.INCREASE),
                1e-12);
    }
}
