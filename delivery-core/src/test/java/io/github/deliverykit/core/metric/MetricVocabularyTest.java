package io.github.deliverykit.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

final class MetricVocabularyTest {

    private static void assertInvalid(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void threshold_eachComparison_decidesTheBoundaryAsWorded() {
        Threshold lt = Threshold.of(MetricKeys.CI_DURATION_MEDIAN, Comparison.LESS_THAN, "600", Unit.SECONDS);
        assertTrue(lt.test(d("599.99")));
        assertFalse(lt.test(d("600")));
        assertFalse(lt.test(d("601")));
        Threshold le = Threshold.of(MetricKeys.CI_DURATION_MEDIAN, Comparison.AT_MOST, "600", Unit.SECONDS);
        assertTrue(le.test(d("600.0")));
        assertFalse(le.test(d("600.01")));
        Threshold gt = Threshold.of(MetricKeys.CI_CACHE_HIT_RATE, Comparison.GREATER_THAN, "0.70", Unit.RATIO);
        assertFalse(gt.test(d("0.7")));
        assertTrue(gt.test(d("0.7001")));
        assertFalse(gt.test(d("0.69")));
        Threshold ge = Threshold.of(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, Comparison.AT_LEAST, "1", Unit.PER_WEEK);
        assertTrue(ge.test(d("1")));
        assertTrue(ge.test(d("2")));
        assertFalse(ge.test(d("0.99")));
        Threshold between = Threshold.between(MetricKeys.CI_RUNNER_UTILIZATION, "0.50", "0.80", Unit.RATIO);
        assertTrue(between.test(d("0.5")));
        assertTrue(between.test(d("0.8")));
        assertTrue(between.test(d("0.65")));
        assertFalse(between.test(d("0.49")));
        assertFalse(between.test(d("0.81")));
    }

    @Test
    void threshold_describe_rendersInItsUnit() {
        assertEquals("ci.duration.median < 600 s",
                Threshold.of(MetricKeys.CI_DURATION_MEDIAN, Comparison.LESS_THAN, "600", Unit.SECONDS).describe());
        assertEquals("ci.runner.utilization between 50 % and 80 %",
                Threshold.between(MetricKeys.CI_RUNNER_UTILIZATION, "0.50", "0.80", Unit.RATIO).describe());
        assertEquals("deploy.frequency.per_week >= 1 /week",
                Threshold.of(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, Comparison.AT_LEAST, " 1 ", Unit.PER_WEEK)
                        .describe());
        assertEquals(">=", Comparison.AT_LEAST.symbol());
        assertEquals("between", Comparison.BETWEEN.symbol());
    }

    @Test
    void threshold_badInput_namesTheField() {
        assertInvalid("must have two bounds", () -> Threshold.of("x.y", Comparison.BETWEEN, "1", Unit.COUNT));
        assertInvalid("threshold", () -> Threshold.of("x.y", Comparison.AT_LEAST, "one", Unit.COUNT));
        assertInvalid("threshold", () -> Threshold.of("x.y", Comparison.AT_LEAST, null, Unit.COUNT));
        assertInvalid("upper", () -> Threshold.between("x.y", "2", "1", Unit.COUNT));
        assertInvalid("upper", () -> new Threshold("x.y", Comparison.AT_LEAST, d("1"), d("2"), Unit.COUNT));
        assertInvalid("rule key", () -> Threshold.of(null, Comparison.AT_LEAST, "1", Unit.COUNT));
        assertInvalid("rule key", () -> Threshold.of("Not A Key", Comparison.AT_LEAST, "1", Unit.COUNT));
        assertInvalid("comparison", () -> Threshold.of("x.y", null, "1", Unit.COUNT));
        assertInvalid("unit", () -> Threshold.of("x.y", Comparison.AT_LEAST, "1", null));
        assertInvalid("unit of ci.duration.median", () -> Threshold.of(MetricKeys.CI_DURATION_MEDIAN,
                Comparison.LESS_THAN, "600", Unit.RATIO));
        assertInvalid("value", () -> Threshold.of("x.y", Comparison.AT_LEAST, "1", Unit.COUNT).test(null));
        assertEquals(d("1"), Threshold.between("x.y", "1", "1", Unit.COUNT).upper());
    }

    @Test
    void unit_rendersRatiosAsPercentAndCountsBare() {
        assertEquals("74 %", Unit.RATIO.render(d("0.74")));
        assertEquals("12.5 %", Unit.RATIO.render(d("0.1250")));
        assertEquals("3", Unit.COUNT.render(d("3.00")));
        assertEquals("540.25 s", Unit.SECONDS.render(d("540.250")));
        assertEquals("0 s", Unit.SECONDS.render(d("0.000")));
        assertEquals("0.42 USD", Unit.USD.render(d("0.42")));
        assertEquals("EUR", Unit.money("EUR").symbol());
        assertEquals("/week", Unit.PER_WEEK.toString());
        assertEquals("0", Unit.plain(BigDecimal.ZERO.setScale(4)));
        assertEquals("1200", Unit.plain(d("1.2E+3")));
        assertInvalid("unit", () -> new Unit("no spaces"));
        assertInvalid("unit", () -> new Unit(null));
        assertInvalid("value", () -> Unit.COUNT.render(null));
        assertInvalid("currency", () -> Unit.money("XXXX"));
    }

    @Test
    void metricKeys_everyConstantRegistered_unitsAndRangesChecked() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field f : MetricKeys.class.getFields()) {
            if (f.getType() == String.class && Modifier.isStatic(f.getModifiers())) {
                constants.add((String) f.get(null));
            }
        }
        assertEquals(constants, new TreeSet<>(MetricKeys.known()));
        assertEquals(Unit.SECONDS, MetricKeys.unitOf(MetricKeys.DORA_LEAD_TIME_MEDIAN));
        assertEquals(Unit.RATIO, MetricKeys.unitOf(MetricKeys.DORA_CHANGE_FAILURE_RATE));
        assertEquals(Unit.PER_DAY, MetricKeys.unitOf(MetricKeys.DORA_DEPLOYMENT_FREQUENCY_PER_DAY));
        assertNull(MetricKeys.unitOf("custom.key"));
        assertEquals("a.b_c-d.e1", MetricKeys.checkKey("a.b_c-d.e1", "k"));
        assertInvalid("k", () -> MetricKeys.checkKey(null, "k"));
        assertInvalid("lower-case dotted", () -> MetricKeys.checkKey("A.b", "k"));
        assertInvalid("lower-case dotted", () -> MetricKeys.checkKey("a..b", "k"));
        MetricKeys.checkUnit("custom.key", Unit.COUNT);
        MetricKeys.checkUnit(MetricKeys.CI_DURATION_MEDIAN, Unit.SECONDS);
        assertInvalid("must be 's'", () -> MetricKeys.checkUnit(MetricKeys.CI_DURATION_MEDIAN, Unit.COUNT));
        MetricKeys.checkKnown(MetricKeys.CI_CACHE_HIT_RATE, d("0"), Unit.RATIO);
        MetricKeys.checkKnown(MetricKeys.CI_CACHE_HIT_RATE, d("1"), Unit.RATIO);
        assertInvalid("between 0 and 1", () -> MetricKeys.checkKnown(MetricKeys.CI_CACHE_HIT_RATE, d("1.01"),
                Unit.RATIO));
        assertInvalid("between 0 and 1", () -> MetricKeys.checkKnown(MetricKeys.CI_CACHE_HIT_RATE, d("-0.01"),
                Unit.RATIO));
        assertInvalid("between 0 and unbounded", () -> MetricKeys.checkKnown(MetricKeys.CI_DURATION_MEDIAN, d("-1"),
                Unit.SECONDS));
        // an open range on both sides: a trend may be negative or above one
        MetricKeys.checkKnown(MetricKeys.COST_PER_FEATURE_QOQ_CHANGE, d("-0.5"), Unit.RATIO);
        MetricKeys.checkKnown(MetricKeys.COST_PER_FEATURE_QOQ_CHANGE, d("3"), Unit.RATIO);
        MetricKeys.checkKnown("custom.key", d("-5"), Unit.COUNT);
    }

    @Test
    void measurement_validatedAgainstTheKeySet() {
        Measurement m = new Measurement(MetricKeys.CI_CACHE_HIT_RATE, d("0.74"), Unit.RATIO);
        assertEquals("74 %", m.rendered());
        assertEquals("1 widgets", new Measurement("custom.key", BigDecimal.ONE, new Unit("widgets")).rendered());
        assertInvalid("key", () -> new Measurement(null, d("1"), Unit.COUNT));
        assertInvalid("value of x.y", () -> new Measurement("x.y", null, Unit.COUNT));
        assertInvalid("unit of x.y", () -> new Measurement("x.y", d("1"), null));
        assertInvalid("ci.cache.hit_rate", () -> new Measurement(MetricKeys.CI_CACHE_HIT_RATE, d("2"), Unit.RATIO));
        assertInvalid("unit of ci.cache.hit_rate", () -> new Measurement(MetricKeys.CI_CACHE_HIT_RATE, d("0.5"),
                Unit.COUNT));
    }

    @Test
    void slaStatus_isOneVocabularyInOrder() {
        assertEquals("[MET, ON_TRACK, AT_RISK, BREACHED]", java.util.Arrays.toString(SlaStatus.values()));
    }
}
