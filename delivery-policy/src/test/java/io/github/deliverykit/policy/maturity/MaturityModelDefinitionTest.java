package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.policy.maturity.Answers.Answer;
import io.github.deliverykit.policy.maturity.MaturityDecision.CriterionResult;
import io.github.deliverykit.policy.maturity.MaturityDecision.DimensionResult;
import io.github.deliverykit.policy.maturity.MaturityDecision.Plan;
import io.github.deliverykit.policy.maturity.MaturityDecision.PlanStep;
import io.github.deliverykit.policy.maturity.internal.BuiltInMaturityModels.AiDeliveryMaturityModel;
import io.github.deliverykit.policy.maturity.internal.BuiltInMaturityModels.DeliveryFiveLevelModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Criterion;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.DecidedBy;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Definition;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Dimension;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.MaturityLevel;

import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Comparison;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

final class MaturityModelDefinitionTest {

    private static Definition.Builder base() {
        return Definition.builder("m", "M")
                .level(1, "One", "")
                .level(2, "Two", "")
                .dimension("a", "A", "")
                .dimension("b", "B", "")
                .criterion("a.1", "a", 1, "a one")
                .criterion("a.2", "a", 2, "a two")
                .criterion("b.1", "b", 1, "b one");
    }

    private static void assertInvalid(String messageStart, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(messageStart), ex.getMessage());
    }

    @Test
    void valid_keepsDimensionThenLevelOrder() {
        Definition m = base().criterion("b.2", "b", 2, "b two").criterion("a.1x", "a", 1, "a one more")
                .build();
        assertEquals(List.of("a.1", "a.1x", "a.2", "b.1", "b.2"), m.criteria().stream().map(Criterion::id).toList());
        assertEquals(2, m.topLevel());
        assertEquals("", m.description());
        assertEquals("about", base().description("about").criterion("b.2", "b", 2, "b two").build().description());
    }

    @Test
    void emptyLevel_isRejected() {
        assertInvalid("criteria of b at level 2 must not be empty", () -> base().build());
    }

    @Test
    void duplicateIds_areRejected() {
        assertInvalid("criterion id must be unique in m, but was 'a.1'",
                () -> base().criterion("b.2", "b", 2, "x").criterion("a.1", "b", 2, "again").build());
        assertInvalid("dimension id must be unique in m, but was 'a'",
                () -> base().criterion("b.2", "b", 2, "x").dimension("a", "A again", "").build());
    }

    @Test
    void levels_mustBeContiguousFromOne() {
        assertInvalid("levels[1].rank must be 2", () -> Definition.builder("m", "M")
                .level(1, "One", "").level(3, "Three", "").dimension("a", "A", "")
                .criterion("a.1", "a", 1, "x").criterion("a.3", "a", 3, "y").build());
        assertInvalid("levels[0].rank must be 1", () -> Definition.builder("m", "M")
                .level(2, "Two", "").dimension("a", "A", "").criterion("a.1", "a", 1, "x").build());
        assertInvalid("levels[1].rank must be 2", () -> Definition.builder("m", "M")
                .level(1, "One", "").level(1, "One again", "").dimension("a", "A", "")
                .criterion("a.1", "a", 1, "x").build());
        assertInvalid("level rank must be between 1 and", () -> new MaturityLevel(0, "Zero", ""));
    }

    @Test
    void unknownDimensionOrLevel_isRejected() {
        assertInvalid("dimension of c.1 must be one of [a, b], but was 'c'",
                () -> base().criterion("b.2", "b", 2, "x").criterion("c.1", "c", 1, "y").build());
        assertInvalid("level of a.3 must be between 1 and 2, but was 3",
                () -> base().criterion("b.2", "b", 2, "x").criterion("a.3", "a", 3, "y").build());
    }

    @Test
    void emptyParts_areRejected() {
        assertInvalid("dimensions of m must not be empty", () -> Definition.builder("m", "M")
                .level(1, "One", "").build());
        assertInvalid("levels of m must not be empty", () -> Definition.builder("m", "M")
                .dimension("a", "A", "").build());
        assertInvalid("criteria of a at level 1 must not be empty", () -> Definition.builder("m", "M")
                .level(1, "One", "").dimension("a", "A", "").build());
    }

    @Test
    void fields_areValidated() {
        assertInvalid("model id must be letters", () -> Definition.builder("bad id", "M").build());
        assertInvalid("model title must not be blank", () -> Definition.builder("m", " ").build());
        assertInvalid("model description must not be null", () -> base().description(null));
        assertInvalid("dimension id must be letters", () -> new Dimension("", "A", ""));
        assertInvalid("dimension name must not be blank", () -> new Dimension("a", "", ""));
        assertInvalid("dimension description must not be null", () -> new Dimension("a", "A", null));
        assertInvalid("level name must not be blank", () -> new MaturityLevel(1, " ", ""));
        assertInvalid("level summary must not be null", () -> new MaturityLevel(1, "One", null));
        assertInvalid("criterion id must be letters", () -> Criterion.of("a 1", "a", 1, "x"));
        assertInvalid("dimension of a.1 must not be null", () -> Criterion.of("a.1", null, 1, "x"));
        assertInvalid("dimension of a.1 must be letters", () -> Criterion.of("a.1", "a b", 1, "x"));
        assertInvalid("level of a.1 must be between 1", () -> Criterion.of("a.1", "a", 0, "x"));
        assertInvalid("text of a.1 must not be blank", () -> Criterion.of("a.1", "a", 1, "\t"));
        assertInvalid("rule of a.1 must not be null", () -> base().criterion("a.1", "a", 1, "x", null));
        assertInvalid("dimensions[1] must not be null", () -> new Definition("m", "M", "",
                java.util.Arrays.asList(new Dimension("a", "A", ""), null), List.of(), List.of()));
        assertNull(Criterion.of("a.1", "a", 1, "x").rule());
        assertEquals("L2 Two", new MaturityLevel(2, "Two", "").label());
    }

    @Test
    void metricRule_validatesAndTests() {
        Threshold between = Threshold.between("x.y", "1", "3", Unit.COUNT);
        assertEquals(Comparison.BETWEEN, between.comparison());
        assertEquals(new java.math.BigDecimal("3"), between.upper());
        assertTrue(between.test(java.math.BigDecimal.ONE));
        assertTrue(!between.test(new java.math.BigDecimal("3.01")));
        assertEquals("x.y between 1 and 3", between.describe());
        Threshold lt = Threshold.of("x.y", Comparison.LESS_THAN, "10", Unit.SECONDS);
        assertTrue(lt.test(new java.math.BigDecimal("9.999")));
        assertTrue(!lt.test(java.math.BigDecimal.TEN));
        Threshold atMost = Threshold.of("x.y", Comparison.AT_MOST, "10", Unit.COUNT);
        assertTrue(atMost.test(java.math.BigDecimal.TEN));
        assertTrue(!atMost.test(new java.math.BigDecimal("10.0001")));
        Threshold gt = Threshold.of("x.y", Comparison.GREATER_THAN, "10", Unit.COUNT);
        assertTrue(!gt.test(java.math.BigDecimal.TEN));
        assertTrue(gt.test(new java.math.BigDecimal("10.0001")));
        Threshold atLeast = Threshold.of("x.y", Comparison.AT_LEAST, "10", Unit.COUNT);
        assertTrue(atLeast.test(java.math.BigDecimal.TEN));
        assertTrue(!atLeast.test(new java.math.BigDecimal("9.9999")));
        assertEquals("x.y <= 10", atMost.describe());
        assertEquals(">=", Comparison.AT_LEAST.symbol());
        assertInvalid("comparison must have two bounds", () -> Threshold.of("x.y", Comparison.BETWEEN, "1",
                Unit.COUNT));
        assertInvalid("upper must not be below threshold 2, but was 1", () -> Threshold.between("x.y", "2", "1",
                Unit.COUNT));
        assertInvalid("upper must equal the threshold unless BETWEEN", () -> new Threshold("x.y",
                Comparison.LESS_THAN, java.math.BigDecimal.ONE, java.math.BigDecimal.TEN, Unit.COUNT));
        assertInvalid("threshold must be a decimal number, but was 'ten'", () -> Threshold.of("x.y",
                Comparison.LESS_THAN, "ten", Unit.COUNT));
        assertInvalid("unit of ci.duration.median must be 's', but was 'count'", () -> Threshold.of(
                MetricKeys.CI_DURATION_MEDIAN, Comparison.LESS_THAN, "1", Unit.COUNT));
        assertInvalid("rule key must be a lower-case dotted metric key", () -> Threshold.of("CI Duration",
                Comparison.LESS_THAN, "1", Unit.COUNT));
        assertInvalid("comparison must not be null", () -> Threshold.of("x.y", null, "1", Unit.COUNT));
        assertInvalid("unit must not be null", () -> Threshold.of("x.y", Comparison.LESS_THAN, "1", null));
        assertInvalid("value must not be null", () -> lt.test(null));
    }
}
