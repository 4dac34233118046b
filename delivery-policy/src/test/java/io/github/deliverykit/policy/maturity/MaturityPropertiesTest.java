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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

final class MaturityPropertiesTest {

    private static final Definition AI = new AiDeliveryMaturityModel().definition();
    private static final Definition FIVE = new DeliveryFiveLevelModel().definition();
    private static final int N = AI.criteria().size();
    private static final List<Criterion> MEASURABLE = AI.criteria().stream().filter(Criterion::measurable).toList();
    private static final MaturityAssessment ASSESSOR = MaturityTesting.DEFAULTS;

    @Provide
    Arbitrary<List<CriterionStatus>> statuses() {
        // biased toward MET so that the interesting upper levels are reached too
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(CriterionStatus.MET)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(CriterionStatus.NOT_MET)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(CriterionStatus.UNKNOWN)))
                .list().ofSize(N);
    }

    private static Answers answers(List<CriterionStatus> statuses) {
        Answers.Builder b = Answers.builder();
        for (int i = 0; i < N; i++) {
            b.answer(AI.criteria().get(i).id(), statuses.get(i), null);
        }
        return b.build();
    }

    private static List<Integer> levels(MaturityDecision a) {
        return a.dimensions().stream().map(DimensionResult::level).toList();
    }

    @Property
    void flippingNotMetToMet_neverLowersALevel(@ForAll("statuses") List<CriterionStatus> statuses,
            @ForAll @IntRange(min = 0, max = 94) int index) {
        List<CriterionStatus> before = new ArrayList<>(statuses);
        before.set(index, CriterionStatus.NOT_MET);
        List<CriterionStatus> after = new ArrayList<>(before);
        after.set(index, CriterionStatus.MET);
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, answers(before), Evidence.none());
        MaturityDecision b = MaturityTesting.assess(ASSESSOR, AI, answers(after), Evidence.none());
        for (int d = 0; d < a.dimensions().size(); d++) {
            assertTrue(b.dimensions().get(d).level() >= a.dimensions().get(d).level());
            assertTrue(b.dimensions().get(d).score() >= a.dimensions().get(d).score());
        }
        assertTrue(b.overallLevel() >= a.overallLevel());
        assertTrue(b.score() >= a.score());
    }

    @Property
    void unknown_neverRaisesALevel(@ForAll("statuses") List<CriterionStatus> statuses,
            @ForAll @IntRange(min = 0, max = 94) int index) {
        List<CriterionStatus> after = new ArrayList<>(statuses);
        after.set(index, CriterionStatus.UNKNOWN);
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, answers(statuses), Evidence.none());
        MaturityDecision b = MaturityTesting.assess(ASSESSOR, AI, answers(after), Evidence.none());
        for (int d = 0; d < a.dimensions().size(); d++) {
            assertTrue(b.dimensions().get(d).level() <= a.dimensions().get(d).level());
        }
        assertTrue(b.overallLevel() <= a.overallLevel());
        assertTrue(b.score() <= a.score());
        // UNKNOWN scores exactly like NOT_MET
        List<CriterionStatus> notMet = new ArrayList<>(statuses);
        notMet.set(index, CriterionStatus.NOT_MET);
        assertEquals(levels(b), levels(MaturityTesting.assess(ASSESSOR, AI, answers(notMet), Evidence.none())));
    }

    @Property
    void level_isTheCumulativeLadder(@ForAll("statuses") List<CriterionStatus> statuses) {
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, answers(statuses), Evidence.none());
        int min = Integer.MAX_VALUE;
        for (DimensionResult d : a.dimensions()) {
            int expected = 0;
            while (expected < 5) {
                int rank = expected + 1;
                boolean all = d.criteria().stream().filter(r -> r.criterion().level() == rank)
                        .allMatch(r -> r.status() == CriterionStatus.MET);
                if (!all) {
                    break;
                }
                expected++;
            }
            int reached = expected;
            assertEquals(reached, d.level());
            assertTrue(d.progress() >= 0 && d.progress() <= 1);
            assertTrue(d.gaps().stream().allMatch(r -> r.criterion().level() == reached + 1 && !r.met()));
            min = Math.min(min, reached);
        }
        assertEquals(min, a.overallLevel());
        assertTrue(a.score() >= a.overallLevel() && a.score() <= 5);
        Plan plan = a.plan();
        assertEquals(a.gaps().size(), plan.steps().size());
        for (PlanStep s : plan.steps()) {
            assertTrue(s.startDay() >= 1 && s.endDay() <= 90 && s.startDay() <= s.endDay());
        }
        // deterministic rendering
        assertEquals(a.toMarkdown(), MaturityTesting.assess(ASSESSOR, AI, answers(statuses), Evidence.none()).toMarkdown());
    }

    @Provide
    Arbitrary<BigDecimal> values() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2000")).ofScale(3);
    }

    @Property
    void evidence_beatsAnyAnswer(@ForAll @IntRange(min = 0, max = 21) int which,
            @ForAll CriterionStatus answered, @ForAll("values") BigDecimal raw) {
        Criterion c = MEASURABLE.get(which);
        Threshold rule = c.rule();
        BigDecimal value = Unit.RATIO.equals(rule.unit()) && !MetricKeys.COST_PER_FEATURE_QOQ_CHANGE.equals(
                rule.key()) ? raw.divide(new BigDecimal("2000")) : raw;
        Evidence e = Evidence.builder().put(rule.key(), value, rule.unit()).build();
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, Answers.builder().answer(c.id(), answered, null).build(), e);
        CriterionResult r = a.criterion(c.id());
        CriterionStatus measured = rule.test(value) ? CriterionStatus.MET : CriterionStatus.NOT_MET;
        assertEquals(measured, r.status());
        assertEquals(DecidedBy.EVIDENCE, r.decidedBy());
        boolean contradiction = answered != CriterionStatus.UNKNOWN && answered != measured;
        assertEquals(contradiction, r.contradicted());
        assertEquals(contradiction, a.findings().list().stream().anyMatch(f ->
                f.code().equals("ai-delivery.answer.contradicts_evidence") && c.id().equals(f.fact("criterion"))));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12), Arbitraries.just(""),
                Arbitraries.of("cicd.L2.01", "delivery.L1.01", "a", "ci.duration.median", "met", "not met"),
                Arbitraries.just((String) null));
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, -0.0, Double.MAX_VALUE, Double.MIN_VALUE, -1.0, 0.5, 1e300));
    }

    @Property
    void badInput_onlyIllegalArgument(@ForAll("junk") String id, @ForAll("junk") String text,
            @ForAll("doubles") double value, @ForAll @IntRange(min = -2, max = 7) int rank,
            @ForAll @IntRange(min = 0, max = 6) int what) {
        onlyIae(() -> {
            switch (what) {
                case 0 -> MaturityTesting.assess(ASSESSOR, FIVE, Answers.builder().answer(id, CriterionStatus.parse(text), text)
                        .build(), Evidence.none());
                case 1 -> MaturityTesting.assess(ASSESSOR, AI, Answers.none(), Evidence.builder().ratio(id, value).build());
                case 2 -> MaturityTesting.assess(ASSESSOR, AI, Answers.none(), Evidence.builder()
                        .perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, value)
                        .ratio(MetricKeys.CI_CACHE_HIT_RATE, value).count(text, value).build());
                case 3 -> Definition.builder(id, text).level(1, "One", "").level(rank, text, "")
                        .dimension("d", "D", "").criterion("d.1", "d", 1, "x").criterion(id, "d", rank, text).build();
                case 4 -> MaturityTesting.assess(MaturityAssessment.of(MaturityAssessmentConfig.custom().weight(id, value)
                        .horizonDays(rank).phases(Math.max(1, rank)).build()), FIVE, Answers.none(), Evidence.none());
                case 5 -> Threshold.of(id, Comparison.values()[Math.floorMod(rank, 5)], text, Unit.COUNT)
                        .test(BigDecimal.valueOf(rank));
                default -> MaturityTesting.assess(ASSESSOR, AI, Answers.builder().met(id).build(), Evidence.builder()
                        .duration(text, java.time.Duration.ofSeconds(rank)).build()).toMarkdown();
            }
        });
    }

    private static void onlyIae(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
        }
    }

    @Property(tries = 50)
    void assessingEveryBuiltIn_isTotal(@ForAll @IntRange(min = 0, max = 5) int level) {
        for (MaturityModel m : MaturityAssessment.of(MaturityAssessmentConfig.ofDefaults()).models().all()) {
            MaturityDecision a = MaturityTesting.assess(ASSESSOR, m, MaturityAssessmentTest.upTo(m.definition(), level), Evidence.none());
            assertEquals(Math.min(level, m.definition().topLevel()), a.overallLevel());
            assertEquals(level, a.score(), 1e-12);
            assertEquals(level == 0 ? MaturityDecision.Verdict.NOT_YET_L1 : level == 5 ? MaturityDecision.Verdict.TOP_LEVEL
                    : MaturityDecision.Verdict.LEVEL_REACHED, a.verdict());
        }
    }

}
