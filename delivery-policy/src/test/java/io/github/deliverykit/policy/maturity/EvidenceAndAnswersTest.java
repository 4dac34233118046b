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
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Measurement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

final class EvidenceAndAnswersTest {

    private static void assertInvalid(String messageStart, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(messageStart), ex.getMessage());
    }

    @Test
    void evidence_storesExactTypedValues() {
        Evidence e = Evidence.builder()
                .duration(MetricKeys.CI_DURATION_MEDIAN, Duration.ofMillis(540_250))
                .ratio(MetricKeys.CI_CACHE_HIT_RATE, 0.74)
                .perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, 3)
                .perDay(MetricKeys.PR_THROUGHPUT_PER_DAY, 12.5)
                .count(MetricKeys.CI_ROUNDS_PER_PR, 1.8)
                .money(MetricKeys.COST_PER_ITERATION, Money.of("0.42", "USD"))
                .put(new Measurement("custom.key", BigDecimal.ONE, new Unit("widgets")))
                .build();
        assertEquals(7, e.size());
        assertEquals(new BigDecimal("540.25"), e.get(MetricKeys.CI_DURATION_MEDIAN).value());
        assertEquals("540.25 s", e.get(MetricKeys.CI_DURATION_MEDIAN).rendered());
        assertEquals("74 %", e.get(MetricKeys.CI_CACHE_HIT_RATE).rendered());
        assertEquals("3 /week", e.get(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK).rendered());
        assertEquals("12.5 /day", e.get(MetricKeys.PR_THROUGHPUT_PER_DAY).rendered());
        assertEquals("1.8", e.get(MetricKeys.CI_ROUNDS_PER_PR).rendered());
        assertEquals("0.42 USD", e.get(MetricKeys.COST_PER_ITERATION).rendered());
        assertEquals(Unit.USD, e.get(MetricKeys.COST_PER_ITERATION).unit());
        assertEquals("1 widgets", e.get("custom.key").rendered());
        assertEquals(List.of("ci.cache.hit_rate", "ci.duration.median", "ci.rounds.per_pr", "cost.per_iteration",
                "custom.key", "deploy.frequency.per_week", "pr.throughput.per_day"), List.copyOf(e.byKey().keySet()));
        assertNull(e.get("nope"));
        assertNull(e.get(null));
        assertNull(MetricKeys.unitOf(null));
        assertInvalid("value must not be null", () -> Unit.COUNT.render(null));
        assertEquals(0, Evidence.none().size());
        assertEquals(e, Evidence.of(List.copyOf(e.byKey().values())));
        assertEquals("0", Unit.SECONDS.render(BigDecimal.ZERO.setScale(3)).split(" ")[0]);
        assertEquals(Unit.SECONDS, MetricKeys.unitOf(MetricKeys.CI_DURATION_P95));
        assertNull(MetricKeys.unitOf("custom.key"));
        assertTrue(MetricKeys.known().contains(MetricKeys.ROLLBACK_SUCCESS_RATE));
        // every well-known key constant is registered with a unit and range, and nothing else is
        java.util.Set<String> constants = new java.util.TreeSet<>();
        for (java.lang.reflect.Field f : MetricKeys.class.getFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                try {
                    constants.add((String) f.get(null));
                } catch (IllegalAccessException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        assertEquals(constants, new java.util.TreeSet<>(MetricKeys.known()));
        assertTrue(constants.containsAll(List.of("dora.lead_time.median", "dora.change_failure_rate",
                "cost.per_merged_pr", "ci.cache.hit_rate")));
        assertEquals("EUR", Unit.money("EUR").symbol());
        assertEquals("s", Unit.SECONDS.toString());
    }

    @Test
    void evidence_acceptsRangeBounds() {
        Evidence e = Evidence.builder().ratio(MetricKeys.CI_CACHE_HIT_RATE, 0).ratio(MetricKeys.ROLLBACK_SUCCESS_RATE, 1)
                .duration(MetricKeys.CI_DURATION_P95, Duration.ZERO).ratio(MetricKeys.COST_PER_FEATURE_QOQ_CHANGE, -3)
                .build();
        assertEquals(4, e.size());
        assertEquals("100 %", e.get(MetricKeys.ROLLBACK_SUCCESS_RATE).rendered());
        assertEquals("0 s", e.get(MetricKeys.CI_DURATION_P95).rendered());
    }

    @Test
    void evidence_rejectsBadValues() {
        assertInvalid("ci.cache.hit_rate must be between 0 and 1, but was 1.5",
                () -> Evidence.builder().ratio(MetricKeys.CI_CACHE_HIT_RATE, 1.5));
        assertInvalid("ci.cache.hit_rate must be between 0 and 1, but was -0.1",
                () -> Evidence.builder().ratio(MetricKeys.CI_CACHE_HIT_RATE, -0.1));
        assertInvalid("deploy.frequency.per_week must be between 0 and unbounded",
                () -> Evidence.builder().perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, -1));
        assertInvalid("unit of ci.duration.median must be 's', but was 'count'",
                () -> Evidence.builder().count(MetricKeys.CI_DURATION_MEDIAN, 5));
        assertInvalid("unit of cost.per_iteration must be 'USD', but was 'EUR'",
                () -> Evidence.builder().money(MetricKeys.COST_PER_ITERATION, Money.of("0.4", "EUR")));
        assertInvalid("team.size must be a finite number, but was NaN",
                () -> Evidence.builder().count("team.size", Double.NaN));
        assertInvalid("team.size must be a finite number",
                () -> Evidence.builder().count("team.size", Double.POSITIVE_INFINITY));
        assertInvalid("ci.duration.median must not be a negative duration",
                () -> Evidence.builder().duration(MetricKeys.CI_DURATION_MEDIAN, Duration.ofSeconds(-1)));
        assertInvalid("ci.duration.median must not be null",
                () -> Evidence.builder().duration(MetricKeys.CI_DURATION_MEDIAN, null));
        assertInvalid("key must be a lower-case dotted metric key",
                () -> Evidence.builder().count("Team Size", 1));
        assertInvalid("key must not be null", () -> Evidence.builder().count(null, 1));
        assertInvalid("evidence key must be given once",
                () -> Evidence.builder().count("a.b", 1).count("a.b", 2));
        assertInvalid("measurement must not be null", () -> Evidence.builder().put(null));
        assertInvalid("cost.per_iteration must not be null", () -> Evidence.builder().money("cost.per_iteration", null));
        Map<String, Measurement> wrong = new HashMap<>();
        wrong.put("a.b", new Measurement("c.d", BigDecimal.ONE, Unit.COUNT));
        assertInvalid("evidence['a.b'].key must equal its map key", () -> new Evidence(wrong));
        Map<String, Measurement> nullValue = new HashMap<>();
        nullValue.put("a.b", null);
        assertInvalid("evidence['a.b'] must not be null", () -> new Evidence(nullValue));
        assertInvalid("evidence must not be null", () -> new Evidence(null));
        assertInvalid("measurements must not be null", () -> Evidence.of(null));
        assertInvalid("unit must be a symbol", () -> new Unit("1 s"));
        assertInvalid("currency must be an ISO 4217 code", () -> Unit.money("XXXX"));
        assertInvalid("value of a.b must not be null", () -> new Measurement("a.b", null, Unit.COUNT));
        assertInvalid("unit of a.b must not be null", () -> new Measurement("a.b", BigDecimal.ONE, null));
    }

    @Test
    void answers_parseAndNormalise() {
        assertEquals(CriterionStatus.MET, CriterionStatus.parse("met"));
        assertEquals(CriterionStatus.NOT_MET, CriterionStatus.parse(" Not-Met "));
        assertEquals(CriterionStatus.NOT_MET, CriterionStatus.parse("not met"));
        assertEquals(CriterionStatus.UNKNOWN, CriterionStatus.parse("UNKNOWN"));
        assertInvalid("status must be one of MET, NOT_MET, UNKNOWN, but was 'yes'", () -> CriterionStatus.parse("yes"));
        assertInvalid("status must not be null", () -> CriterionStatus.parse(null));
        assertNull(Answer.of(CriterionStatus.MET, "  ").note());
        assertEquals("see dashboard", Answer.of(CriterionStatus.MET, " see dashboard\n").note());
        assertNull(Answer.of(CriterionStatus.MET).note());
        assertInvalid("status must not be null", () -> Answer.of(null));

        Answers a = Answers.builder().met("b", "a").notMet("c").unknown("d").answer("a", CriterionStatus.NOT_MET, "n")
                .build();
        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(a.byCriterion().keySet()));
        assertEquals(CriterionStatus.NOT_MET, a.status("a"));
        assertEquals("n", a.get("a").note());
        assertEquals(CriterionStatus.UNKNOWN, a.status("zzz"));
        assertEquals(CriterionStatus.UNKNOWN, a.status("d"));
        assertNull(a.get("zzz"));
        assertNull(a.get(null));
        assertEquals(CriterionStatus.UNKNOWN, a.status(null));
        assertEquals(4, a.size());
        assertEquals(0, Answers.none().size());
        assertEquals(a, Answers.of(new HashMap<>(a.byCriterion())));
        Answers changed = a.with("e", Answer.of(CriterionStatus.MET));
        assertEquals(5, changed.size());
        assertEquals(4, a.size());
        assertInvalid("criterionId must not be blank", () -> Answers.builder().met(" "));
        assertInvalid("criterionIds must not be null", () -> Answers.builder().met((String[]) null));
        assertInvalid("status must not be null", () -> Answers.builder().answer("a", null, null));
        assertInvalid("answers must not be null", () -> Answers.of(null));
        assertInvalid("answer must not be null", () -> a.with("x", null));
        Map<String, Answer> nullAnswer = new HashMap<>();
        nullAnswer.put("x", null);
        assertInvalid("answers['x'] must not be null", () -> Answers.of(nullAnswer));
    }

    @Test
    void config_buildsAndValidates() {
        MaturityAssessmentConfig d = MaturityAssessmentConfig.ofDefaults();
        assertEquals(90, d.horizonDays());
        assertEquals(3, d.phases());
        assertEquals(1.0, d.weight("anything"));
        assertEquals(1.0, d.weight(null));
        assertEquals(Map.of(), d.weights());
        MaturityAssessmentConfig c = MaturityAssessmentConfig.custom().weight("b", 2).weight("a", 0).horizonDays(30).phases(30).build();
        assertEquals(List.of("a", "b"), List.copyOf(c.weights().keySet()));
        assertEquals(0.0, c.weight("a"));
        MaturityAssessmentConfig copy = MaturityAssessmentConfig.from(c).phases(1).build();
        assertEquals(2.0, copy.weight("b"));
        assertEquals(30, copy.horizonDays());
        assertEquals(1, copy.phases());
        assertEquals("MaturityAssessmentConfig[weights={a=0.0, b=2.0}, horizonDays=30, phases=30]", c.toString());
        assertInvalid("weight of a must be a finite number of 0 or more, but was -1.0",
                () -> MaturityAssessmentConfig.custom().weight("a", -1));
        assertInvalid("weight of a must be a finite number of 0 or more, but was NaN",
                () -> MaturityAssessmentConfig.custom().weight("a", Double.NaN));
        assertInvalid("weight of a must be a finite number of 0 or more, but was Infinity",
                () -> MaturityAssessmentConfig.custom().weight("a", Double.POSITIVE_INFINITY));
        assertInvalid("dimension id must not be null", () -> MaturityAssessmentConfig.custom().weight(null, 1));
        assertInvalid("horizonDays must be between 1 and 3650, but was 0", () -> MaturityAssessmentConfig.custom().horizonDays(0));
        assertInvalid("horizonDays must be between 1 and 3650, but was 3651",
                () -> MaturityAssessmentConfig.custom().horizonDays(3651));
        assertInvalid("phases must be between 1 and 3650, but was 0", () -> MaturityAssessmentConfig.custom().phases(0));
        assertInvalid("phases must not exceed horizonDays 10, but was 11",
                () -> MaturityAssessmentConfig.custom().horizonDays(10).phases(11).build());
        assertInvalid("base must not be null", () -> MaturityAssessmentConfig.from(null));
    }

    @Test
    void criterionResult_fieldsMustAgree() {
        Criterion c = Criterion.of("a.1", "a", 1, "x");
        Measurement m = new Measurement("a.b", BigDecimal.ONE, Unit.COUNT);
        assertInvalid("measurement of a.1 must be present exactly when evidence decided",
                () -> new CriterionResult(c, CriterionStatus.MET, DecidedBy.EVIDENCE, null, null));
        assertInvalid("measurement of a.1 must be present exactly when evidence decided",
                () -> new CriterionResult(c, CriterionStatus.MET, DecidedBy.ANSWER, Answer.of(CriterionStatus.MET), m));
        assertInvalid("answer of a.1 must be present when the answer decided",
                () -> new CriterionResult(c, CriterionStatus.MET, DecidedBy.ANSWER, null, null));
        assertInvalid("status of a.1 must be UNKNOWN when nothing decided",
                () -> new CriterionResult(c, CriterionStatus.MET, DecidedBy.NOTHING, null, null));
        CriterionResult unknown = new CriterionResult(c, CriterionStatus.UNKNOWN, DecidedBy.NOTHING, null, null);
        assertEquals("no answer", unknown.source());
        assertTrue(!unknown.met());
        assertTrue(!unknown.contradicted());
    }

    @Test
    void dimensionResult_countsMustAgree() {
        Dimension d = new Dimension("a", "A", "");
        MaturityLevel one = new MaturityLevel(1, "One", "");
        MaturityLevel two = new MaturityLevel(2, "Two", "");
        assertInvalid("reached must be the level of rank 1", () -> new DimensionResult(d, 1, 1, null, two, 0, 1,
                List.of()));
        assertInvalid("reached must be the level of rank 2", () -> new DimensionResult(d, 1, 2, one, null, 0, 0,
                List.of()));
        assertInvalid("next must be the level of rank 1", () -> new DimensionResult(d, 1, 0, null, two, 0, 1,
                List.of()));
        assertInvalid("nextTotal must be between 1", () -> new DimensionResult(d, 1, 0, null, one, 0, 0, List.of()));
        assertInvalid("nextTotal must be 0 at the top level", () -> new DimensionResult(d, 1, 1, one, null, 0, 2,
                List.of()));
        assertInvalid("nextMet must be between 0 and 2", () -> new DimensionResult(d, 1, 0, null, one, 3, 3,
                List.of()));
        assertInvalid("weight must be a finite number", () -> new DimensionResult(d, -1, 0, null, one, 0, 3,
                List.of()));
        DimensionResult ok = new DimensionResult(d, 1, 0, null, one, 1, 4, List.of());
        assertEquals(0.25, ok.progress());
        assertEquals(0.25, ok.score());
    }
}
