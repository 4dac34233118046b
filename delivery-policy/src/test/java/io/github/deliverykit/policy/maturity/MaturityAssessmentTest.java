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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MaturityAssessmentTest {

    private static final MaturityModel AI = new AiDeliveryMaturityModel();
    private static final Definition DEF = AI.definition();
    private static final MaturityAssessment ASSESSOR = MaturityTesting.DEFAULTS;

    static Answers allMet(Definition model) {
        Answers.Builder b = Answers.builder();
        for (Criterion c : model.criteria()) {
            b.met(c.id());
        }
        return b.build();
    }

    static Answers upTo(Definition model, int level) {
        Answers.Builder b = Answers.builder();
        for (Criterion c : model.criteria()) {
            b.answer(c.id(), c.level() <= level ? CriterionStatus.MET : CriterionStatus.NOT_MET, null);
        }
        return b.build();
    }

    @Test
    void allMet_isL5Everywhere() {
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, allMet(DEF), Evidence.none());
        assertEquals(MaturityDecision.Verdict.TOP_LEVEL, a.verdict());
        assertEquals(5, a.overallLevel());
        assertEquals(5.0, a.score());
        for (DimensionResult d : a.dimensions()) {
            assertEquals(5, d.level(), d.dimension().id());
            assertTrue(d.atTop());
            assertNull(d.next());
            assertEquals(1.0, d.progress());
            assertEquals("L5 Autonomous", d.levelLabel());
            assertTrue(d.gaps().isEmpty());
        }
        assertEquals("L5 Autonomous", a.overallLabel());
        assertTrue(a.gaps().isEmpty());
        assertEquals(Level.PASS, a.findings().find("maturity.overall.level").orElseThrow().level());
        assertTrue(a.plan().steps().isEmpty());
    }

    @Test
    void noneMet_isNotYetL1() {
        for (Answers answers : List.of(Answers.none(), upTo(DEF, 0))) {
            MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, answers, Evidence.none());
            assertEquals(MaturityDecision.Verdict.NOT_YET_L1, a.verdict());
            assertEquals(0, a.overallLevel());
            assertEquals("not yet L1", a.overallLabel());
            assertEquals(0.0, a.score());
            for (DimensionResult d : a.dimensions()) {
                assertEquals(0, d.level());
                assertNull(d.reached());
                assertEquals("not yet L1", d.levelLabel());
                assertEquals(1, d.next().rank());
                assertEquals(4, d.nextTotal());
                assertEquals(0, d.nextMet());
                assertEquals(4, d.gaps().size());
            }
            Finding overall = a.findings().find("maturity.overall.level").orElseThrow();
            assertEquals(Level.WARN, overall.level());
            assertTrue(overall.message().startsWith("Overall not yet L1"), overall.message());
        }
    }

    @Test
    void metL3WithUnmetL2Criterion_staysL1() {
        Answers answers = upTo(DEF, 3).with("cicd.L2.03", Answer.of(CriterionStatus.NOT_MET, "shared runners"));
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, answers, Evidence.none());
        DimensionResult cicd = a.dimension("cicd");
        assertEquals(1, cicd.level());
        assertEquals("L1 Ad-hoc", cicd.levelLabel());
        assertEquals("L2 Guided", cicd.next().label());
        assertEquals(4, cicd.nextMet());
        assertEquals(5, cicd.nextTotal());
        assertEquals(0.8, cicd.progress());
        assertEquals(1.8, cicd.score(), 1e-12);
        assertEquals(List.of("cicd.L2.03"), cicd.gaps().stream().map(r -> r.criterion().id()).toList());
        assertEquals(3, a.level("merge-deploy"));
        assertEquals(1, a.overallLevel());
        assertEquals(MaturityDecision.Verdict.LEVEL_REACHED, a.verdict());
        Finding above = a.findings().find("maturity.dimension.met_above_level").orElseThrow();
        assertEquals(List.of("L3"), above.fact("levels"));
        assertEquals("cicd", above.fact("dimension"));
        // score: (1.8 + 3 + 3 + 3) / 4 with the others at L3 and 0/5 of L4
        assertEquals((1.8 + 3 + 3 + 3) / 4, a.score(), 1e-12);
        assertEquals("2.70", a.scoreText());
    }

    @Test
    void metTopLevelAboveAGap_isReported() {
        Answers answers = upTo(DEF, 5).with("cicd.L4.01", Answer.of(CriterionStatus.NOT_MET));
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, answers, Evidence.none());
        assertEquals(3, a.level("cicd"));
        Finding above = a.findings().find("maturity.dimension.met_above_level").orElseThrow();
        assertEquals(List.of("L5"), above.fact("levels"));
        assertEquals("CI/CD Pipeline: every criterion of L5 is met, but levels count only when every level below is "
                + "met; close L4 Optimized first", above.message());
        assertEquals(MaturityAssessmentConfig.ofDefaults(), ASSESSOR.config());
    }

    @Test
    void unknownNeverCountsAsMet() {
        Answers answers = upTo(DEF, 2).with("metrics.L1.02", Answer.of(CriterionStatus.UNKNOWN));
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, answers, Evidence.none());
        assertEquals(0, a.level("metrics"));
        assertEquals(3, a.dimension("metrics").nextMet());
        Finding unknown = a.findings().find("maturity.dimension.unknown").orElseThrow();
        assertEquals(List.of("metrics.L1.02"), unknown.fact("criteria"));
        Finding above = a.findings().find("maturity.dimension.met_above_level").orElseThrow();
        assertEquals(List.of("L2"), above.fact("levels"));
        assertEquals(DecidedBy.ANSWER, a.criterion("metrics.L1.02").decidedBy());
        assertEquals(DecidedBy.NOTHING, MaturityTesting.assess(ASSESSOR, AI, Answers.none(), Evidence.none())
                .criterion("metrics.L1.02").decidedBy());
    }

    @Test
    void evidence_beatsAContradictingAnswer() {
        Answers answers = upTo(DEF, 2).with("cicd.L2.01", Answer.of(CriterionStatus.MET, "feels fast"));
        Evidence evidence = Evidence.builder().duration(MetricKeys.CI_DURATION_MEDIAN, Duration.ofMinutes(14)).build();
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, answers, evidence);
        CriterionResult r = a.criterion("cicd.L2.01");
        assertEquals(CriterionStatus.NOT_MET, r.status());
        assertEquals(DecidedBy.EVIDENCE, r.decidedBy());
        assertTrue(r.contradicted());
        assertEquals(1, a.level("cicd"));
        Finding w = a.findings().find("ai-delivery.answer.contradicts_evidence").orElseThrow();
        assertEquals(Level.WARN, w.level());
        assertEquals("cicd.L2.01 was answered MET but ci.duration.median = 840 s makes it NOT_MET (target "
                + "ci.duration.median < 600 s); the evidence wins", w.message());
        assertEquals("cicd.L2.01", w.fact("criterion"));
        assertEquals(CriterionStatus.NOT_MET, w.fact("measured"));
        assertEquals("840 s", w.fact("value"));
        assertEquals(CriterionStatus.MET, w.fact("answer"));
        // the same metric also decides L3.01 and L4.01 (< 5 and < 2 minutes), both NOT_MET, no contradiction
        assertEquals(CriterionStatus.NOT_MET, a.criterion("cicd.L3.01").status());
        assertEquals(1, a.findings().filter(f -> f.code().equals("ai-delivery.answer.contradicts_evidence")).size());
        assertEquals("measured: ci.duration.median = 840 s (target ci.duration.median < 600 s)", r.source());

        // and the other way round: answered NOT_MET, measured MET
        Answers no = upTo(DEF, 1).with("cicd.L2.05", Answer.of(CriterionStatus.NOT_MET));
        MaturityDecision b = MaturityTesting.assess(ASSESSOR, AI, no, Evidence.builder().ratio(MetricKeys.CI_CACHE_HIT_RATE, 0.82).build());
        assertEquals(CriterionStatus.MET, b.criterion("cicd.L2.05").status());
        assertTrue(b.criterion("cicd.L2.05").contradicted());
        assertTrue(b.findings().find("ai-delivery.answer.contradicts_evidence").isPresent());
    }

    @Test
    void evidence_agreeingOrWithoutAnswer_isInfo() {
        Evidence evidence = Evidence.builder().perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, 3).build();
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, Answers.builder().met("merge-deploy.L1.04").build(), evidence);
        List<Finding> decided = a.findings().filter(f -> f.code().equals("ai-delivery.evidence.decided")).list();
        assertEquals(2, decided.size());
        assertEquals("merge-deploy.L1.04 is MET: deploy.frequency.per_week = 3 /week (target "
                + "deploy.frequency.per_week >= 1 /week)", decided.get(0).message());
        assertEquals(Level.INFO, decided.get(0).level());
        assertEquals("none", decided.get(1).fact("answer"));
        assertEquals(CriterionStatus.NOT_MET, a.criterion("merge-deploy.L2.05").status());
        assertFalse(a.criterion("merge-deploy.L1.04").contradicted());
        assertFalse(a.findings().find("ai-delivery.answer.contradicts_evidence").isPresent());
    }

    @Test
    void evidence_unknownAnswerIsNoContradiction() {
        Evidence evidence = Evidence.builder().ratio(MetricKeys.CI_CACHE_HIT_RATE, 0.5).build();
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, Answers.builder().unknown("cicd.L2.05").build(), evidence);
        assertFalse(a.criterion("cicd.L2.05").contradicted());
        assertEquals(CriterionStatus.NOT_MET, a.criterion("cicd.L2.05").status());
        assertEquals(CriterionStatus.UNKNOWN, a.findings().find("ai-delivery.evidence.decided").orElseThrow().fact("answer"));
    }

    @Test
    void thresholds_areDecidedExactlyAsWorded() {
        assertStatus("cicd.L2.01", e -> e.duration(MetricKeys.CI_DURATION_MEDIAN, Duration.ofMinutes(10)), false);
        assertStatus("cicd.L2.01", e -> e.duration(MetricKeys.CI_DURATION_MEDIAN, Duration.ofMillis(599_999)), true);
        assertStatus("cicd.L2.05", e -> e.ratio(MetricKeys.CI_CACHE_HIT_RATE, 0.70), false);
        assertStatus("cicd.L2.05", e -> e.ratio(MetricKeys.CI_CACHE_HIT_RATE, 0.7001), true);
        assertStatus("cicd.L3.04", e -> e.duration(MetricKeys.CI_DURATION_P95, Duration.ofMinutes(8)), false);
        assertStatus("cicd.L4.04", e -> e.duration(MetricKeys.CI_DURATION_P95, Duration.ofSeconds(179)), true);
        assertStatus("cicd.L5.04", e -> e.ratio(MetricKeys.CI_RUNNER_UTILIZATION, 0.5), true);
        assertStatus("cicd.L5.04", e -> e.ratio(MetricKeys.CI_RUNNER_UTILIZATION, 0.8), true);
        assertStatus("cicd.L5.04", e -> e.ratio(MetricKeys.CI_RUNNER_UTILIZATION, 0.49), false);
        assertStatus("cicd.L5.04", e -> e.ratio(MetricKeys.CI_RUNNER_UTILIZATION, 0.81), false);
        assertStatus("merge-deploy.L1.04", e -> e.perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, 1), true);
        assertStatus("merge-deploy.L1.04", e -> e.perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, 0.99), false);
        assertStatus("merge-deploy.L2.05", e -> e.perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, 5), true);
        assertStatus("merge-deploy.L2.05", e -> e.perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, 4.9), false);
        assertStatus("merge-deploy.L3.03", e -> e.count(MetricKeys.CI_ROUNDS_PER_PR, 2), true);
        assertStatus("merge-deploy.L3.03", e -> e.count(MetricKeys.CI_ROUNDS_PER_PR, 2.01), false);
        assertStatus("merge-deploy.L4.02", e -> e.perDay(MetricKeys.PR_THROUGHPUT_PER_DAY, 50), false);
        assertStatus("merge-deploy.L4.02", e -> e.perDay(MetricKeys.PR_THROUGHPUT_PER_DAY, 51), true);
        assertStatus("merge-deploy.L4.05", e -> e.duration(MetricKeys.MERGE_QUEUE_WAIT_P50, Duration.ofMinutes(9)), true);
        assertStatus("merge-deploy.L5.01", e -> e.perWeek(MetricKeys.MERGES_PER_WEEK, 1000), true);
        assertStatus("merge-deploy.L5.01", e -> e.perWeek(MetricKeys.MERGES_PER_WEEK, 999), false);
        assertStatus("merge-deploy.L5.04", e -> e.duration(MetricKeys.ROLLBACK_MEAN_TIME, Duration.ofMinutes(5)), false);
        assertStatus("merge-deploy.L5.05", e -> e.ratio(MetricKeys.ROLLBACK_SUCCESS_RATE, 0.95), true);
        assertStatus("merge-deploy.L5.05", e -> e.ratio(MetricKeys.ROLLBACK_SUCCESS_RATE, 0.949), false);
        assertStatus("metrics.L3.01", e -> e.count(MetricKeys.ITS_MEAN, 3), true);
        assertStatus("metrics.L3.01", e -> e.count(MetricKeys.ITS_MEAN, 3.5), false);
        assertStatus("metrics.L3.02", e -> e.money(MetricKeys.COST_PER_ITERATION, Money.of("0.49", "USD")), true);
        assertStatus("metrics.L3.02", e -> e.money(MetricKeys.COST_PER_ITERATION, Money.of("0.50", "USD")), false);
        assertStatus("metrics.L4.02", e -> e.ratio(MetricKeys.REVIEW_AUTO_APPROVE_RATE, 0.61), true);
        assertStatus("metrics.L5.04", e -> e.ratio(MetricKeys.COST_PER_FEATURE_QOQ_CHANGE, -0.05), true);
        assertStatus("metrics.L5.04", e -> e.ratio(MetricKeys.COST_PER_FEATURE_QOQ_CHANGE, 0), false);
        assertStatus("cicd.L4.02", e -> e.duration(MetricKeys.SANDBOX_SPINUP_MEDIAN, Duration.ofSeconds(9)), true);
        assertStatus("cicd.L5.01", e -> e.duration(MetricKeys.CI_FEEDBACK_LATENCY_MEDIAN, Duration.ofSeconds(60)), false);
    }

    private static void assertStatus(String id, java.util.function.UnaryOperator<Evidence.Builder> fill, boolean met) {
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, Answers.none(), fill.apply(Evidence.builder()).build());
        assertEquals(met ? CriterionStatus.MET : CriterionStatus.NOT_MET, a.criterion(id).status(), id);
        assertEquals(DecidedBy.EVIDENCE, a.criterion(id).decidedBy(), id);
    }

    @Test
    void unitMismatch_onACustomKey_isWarnedAndIgnored() {
        Definition m = Definition.builder("custom", "Custom")
                .level(1, "One", "")
                .dimension("d", "D", "")
                .criterion("d.1", "d", 1, "Lead time under a day",
                        Threshold.of("team.lead_time", Comparison.LESS_THAN, "86400", Unit.SECONDS))
                .build();
        Evidence e = Evidence.builder().count("team.lead_time", 3).build();
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, m, Answers.builder().met("d.1").build(), e);
        assertEquals(CriterionStatus.MET, a.criterion("d.1").status());
        assertEquals(DecidedBy.ANSWER, a.criterion("d.1").decidedBy());
        Finding w = a.findings().find("custom.evidence.unit_mismatch").orElseThrow();
        assertEquals(Level.WARN, w.level());
        assertEquals("count", w.fact("unit"));
        assertEquals("s", w.fact("expected_unit"));
        assertFalse(a.findings().find("maturity.evidence.unused").isPresent());
    }

    @Test
    void unusedEvidence_isReported() {
        Evidence e = Evidence.builder().count("team.size", 8).ratio(MetricKeys.CI_CACHE_HIT_RATE, 0.9).build();
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, new DeliveryFiveLevelModel(), Answers.none(), e);
        Finding f = a.findings().find("maturity.evidence.unused").orElseThrow();
        assertEquals(List.of("ci.cache.hit_rate", "team.size"), f.fact("keys"));
        assertEquals(Level.INFO, f.level());
    }

    @Test
    void weights_changeTheScoreNotTheLevel() {
        Answers answers = upTo(DEF, 2);
        answers = answers.with("cicd.L3.01", Answer.of(CriterionStatus.MET));
        answers = answers.with("cicd.L3.02", Answer.of(CriterionStatus.MET));
        MaturityAssessment heavy = MaturityAssessment.of(MaturityAssessmentConfig.custom().weight("cicd", 3).weight("governance", 0)
                .build());
        MaturityDecision equal = MaturityTesting.assess(ASSESSOR, AI, answers, Evidence.none());
        MaturityDecision weighted = MaturityTesting.assess(heavy, AI, answers, Evidence.none());
        assertEquals((2.4 + 2 + 2 + 2) / 4, equal.score(), 1e-12);
        assertEquals((3 * 2.4 + 2 + 2) / 5, weighted.score(), 1e-12);
        assertEquals(equal.overallLevel(), weighted.overallLevel());
        assertEquals(0.0, weighted.dimension("governance").weight());
        assertEquals(3.0, weighted.dimension("cicd").weight());
    }

    @Test
    void badInput_isIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> MaturityTesting.assess(ASSESSOR, (MaturityModel) null, Answers.none(),
                Evidence.none()));
        assertThrows(IllegalArgumentException.class, () -> MaturityTesting.assess(ASSESSOR, AI, null, Evidence.none()));
        assertThrows(IllegalArgumentException.class, () -> MaturityTesting.assess(ASSESSOR, AI, Answers.none(), null));
        assertThrows(IllegalArgumentException.class, () -> MaturityTesting.assess(ASSESSOR, (Definition) null,
                Answers.none(), Evidence.none()));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MaturityTesting.assess(ASSESSOR, AI, Answers.builder().met("cicd.L9.01").build(), Evidence.none()));
        assertEquals("answers criterion id must be a criterion of model ai-delivery, but was 'cicd.L9.01'",
                unknown.getMessage());
        MaturityAssessment typo = MaturityAssessment.of(MaturityAssessmentConfig.custom().weight("ci-cd", 2).build());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> MaturityTesting.assess(typo, AI, Answers.none(), Evidence.none()));
        assertEquals("weight dimension id must be a dimension of model ai-delivery, but was 'ci-cd'", w.getMessage());
        MaturityAssessment zero = MaturityAssessment.of(MaturityAssessmentConfig.custom().weight("delivery", 0).build());
        IllegalArgumentException z = assertThrows(IllegalArgumentException.class,
                () -> MaturityTesting.assess(zero, new DeliveryFiveLevelModel(), Answers.none(), Evidence.none()));
        assertTrue(z.getMessage().startsWith("weights must add up to a finite number greater than 0"), z.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MaturityAssessment.of(null));
        assertThrows(IllegalArgumentException.class, () -> ASSESSOR.evaluate(null, MaturityTesting.CLOCK));
        assertThrows(IllegalArgumentException.class, () -> ASSESSOR.evaluate(MaturityAssessment.Input.of(AI,
                Answers.none(), Evidence.none()), null));
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, Answers.none(), Evidence.none());
        assertThrows(IllegalArgumentException.class, () -> a.dimension("nope"));
        assertThrows(IllegalArgumentException.class, () -> a.criterion("nope"));
    }

    @Test
    void hugeWeights_doNotOverflow() {
        MaturityAssessment huge = MaturityAssessment.of(MaturityAssessmentConfig.custom().weight("cicd", Double.MAX_VALUE)
                .weight("metrics", Double.MAX_VALUE).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaturityTesting.assess(huge, AI, allMet(DEF), Evidence.none()));
        assertTrue(e.getMessage().startsWith("weights must add up to a finite number"), e.getMessage());
        MaturityAssessment big = MaturityAssessment.of(MaturityAssessmentConfig.custom().weight("cicd", 1e300).build());
        assertEquals(5.0, MaturityTesting.assess(big, AI, allMet(DEF), Evidence.none()).score(), 1e-9);
    }

    @Test
    void decision_carriesVerdictAndFindings() {
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, AI, upTo(DEF, 2), Evidence.none());
        assertEquals(MaturityDecision.Verdict.LEVEL_REACHED, a.toDecision().verdict());
        assertEquals(a.findings(), a.toDecision().findings());
        assertEquals(List.of("maturity.dimension.level", "maturity.dimension.level", "maturity.dimension.level",
                "maturity.dimension.level", "maturity.overall.level"), a.findings().codes());
        Finding cicd = a.findings().list().get(0);
        assertEquals("CI/CD Pipeline: L2 Guided; 0 of 5 criteria of L3 Systematic met", cicd.message());
        assertEquals(Map.of("dimension", "cicd", "level", 2, "label", "L2 Guided", "next", "L3 Systematic",
                "next_met", 0, "next_total", 5), cicd.facts().values());
        Finding overall = a.findings().list().get(4);
        assertEquals("Overall L2 Guided (lowest dimension: cicd, merge-deploy, metrics, governance), weighted score "
                + "2.00 of 5", overall.message());
        assertEquals(new BigDecimal("2.00"), overall.fact("score"));
        assertEquals(Level.INFO, overall.level());
    }

    @Test
    void readmeExample() {
        MaturityModel model = MaturityAssessment.load(MaturityAssessmentConfig.ofDefaults()).models().get("ai-delivery");
        Answers answers = Answers.builder()
                .met("cicd.L1.01", "cicd.L1.02", "cicd.L1.03", "cicd.L1.04")
                .answer("cicd.L2.01", CriterionStatus.MET, "feels fast")
                .notMet("cicd.L2.03")
                .build();
        Evidence evidence = Evidence.builder()
                .duration(MetricKeys.CI_DURATION_MEDIAN, Duration.ofMinutes(14))
                .ratio(MetricKeys.CI_CACHE_HIT_RATE, 0.74)
                .perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, 3)
                .build();
        MaturityAssessment assessor = MaturityAssessment.of(MaturityAssessmentConfig.custom().weight("cicd", 3).build());
        MaturityDecision a = MaturityTesting.assess(assessor, model, answers, evidence);
        assertEquals(1, a.level("cicd"));
        assertEquals("not yet L1", a.overallLabel());
        assertEquals("0.64", a.scoreText());
        assertEquals(MaturityDecision.Verdict.NOT_YET_L1, a.verdict());
        assertEquals(List.of("cicd.L2.01"), a.findings().filter(f -> f.code().equals(
                "ai-delivery.answer.contradicts_evidence")).list().stream().map(f -> f.fact("criterion")).toList());
        assertEquals(List.of("cicd.L2.01", "cicd.L2.02", "cicd.L2.03", "cicd.L2.04"),
                a.dimension("cicd").gaps().stream().map(r -> r.criterion().id()).toList());
        Plan plan = a.plan();
        assertEquals("cicd.L2.01", plan.criterionIds().get(0));
        assertEquals(4 + 4 + 3 + 4, plan.steps().size());
    }

    @Test
    void fiveLevelModel_identifiesCurrentAndTargetLevel() {
        // CI pipeline and unit tests automated, full CI/CD and automated testing too, but deploys are not
        // push-button and monitoring is basic: Automated Build/Test, working toward Continuous Delivery
        MaturityModel five = MaturityAssessment.of(MaturityAssessmentConfig.ofDefaults()).models().get("delivery-5-level");
        Answers answers = Answers.builder()
                .met("delivery.L1.01", "delivery.L1.02", "delivery.L1.03", "delivery.L1.04")
                .met("delivery.L2.01", "delivery.L2.02", "delivery.L2.03", "delivery.L2.04")
                .met("delivery.L3.01", "delivery.L3.02")
                .notMet("delivery.L3.03")
                .build();
        MaturityDecision a = MaturityTesting.assess(ASSESSOR, five, answers, Evidence.none());
        DimensionResult d = a.dimension("delivery");
        assertEquals("L2 Automated Build/Test", d.levelLabel());
        assertEquals("L3 Continuous Delivery", d.next().label());
        assertEquals(0.5, d.progress());
        assertEquals("2.50", a.scoreText());
        assertEquals(MaturityDecision.Verdict.LEVEL_REACHED, a.verdict());
        Plan plan = a.plan();
        assertEquals(List.of("delivery.L3.03", "delivery.L3.04"), plan.criterionIds());
        assertEquals(CriterionStatus.UNKNOWN, plan.steps().get(1).gap().status());
    }
}
