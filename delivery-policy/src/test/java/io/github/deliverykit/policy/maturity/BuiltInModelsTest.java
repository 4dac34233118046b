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

import io.github.deliverykit.core.metric.MetricKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.spi.ProviderRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class BuiltInModelsTest {

    private static final Definition AI = new AiDeliveryMaturityModel().definition();
    private static final Definition FIVE = new DeliveryFiveLevelModel().definition();

    /** The seed matrix has 95 numbered criteria: 01..04 or 01..05 per dimension and level. */
    static final int SEED_CRITERIA = 95;

    @Test
    void aiDelivery_countsCriteriaPerDimensionAndLevel() {
        int[][] expected = {
            {4, 5, 5, 5, 5}, // CI/CD Pipeline: 24
            {4, 5, 5, 5, 5}, // Merge & Deploy: 24
            {4, 5, 5, 5, 4}, // Metrics: 23
            {4, 5, 5, 5, 5}, // Governance & Compliance: 24
        };
        List<String> dims = AI.dimensions().stream().map(Dimension::id).toList();
        assertEquals(List.of("cicd", "merge-deploy", "metrics", "governance"), dims);
        int total = 0;
        for (int d = 0; d < 4; d++) {
            for (int l = 1; l <= 5; l++) {
                List<Criterion> cs = AI.criteria(dims.get(d), l);
                assertEquals(expected[d][l - 1], cs.size(), dims.get(d) + " L" + l);
                for (int i = 0; i < cs.size(); i++) {
                    assertEquals(String.format(java.util.Locale.ROOT, "%s.L%d.%02d", dims.get(d), l, i + 1),
                            cs.get(i).id());
                    assertEquals(l, cs.get(i).level());
                }
                total += cs.size();
            }
        }
        assertEquals(SEED_CRITERIA, total);
        assertEquals(SEED_CRITERIA, AI.criteria().size());
    }

    @Test
    void aiDelivery_levelsAndDimensionsAsInTheSeed() {
        assertEquals("ai-delivery", new AiDeliveryMaturityModel().id());
        assertEquals(List.of("L1 Ad-hoc", "L2 Guided", "L3 Systematic", "L4 Optimized", "L5 Autonomous"),
                AI.levels().stream().map(MaturityLevel::label).toList());
        assertEquals(List.of("CI/CD Pipeline", "Merge & Deploy", "Metrics", "Governance & Compliance"),
                AI.dimensions().stream().map(Dimension::name).toList());
        assertEquals(5, AI.topLevel());
        assertEquals("CI completes in under 10 minutes (median)", AI.criterion("cicd.L2.01").text());
        assertEquals("Dedicated CI runners are allocated per team (no shared queue across all teams)",
                AI.criterion("cicd.L2.03").text());
        assertEquals("Agent RBAC permissions are audited automatically for least-privilege compliance",
                AI.criterion("governance.L5.05").text());
        assertEquals("Cost-per-feature trend is declining quarter-over-quarter", AI.criterion("metrics.L5.04").text());
    }

    @Test
    void aiDelivery_measurableCriteriaCarryTheSeedThresholds() {
        assertRule("cicd.L2.01", "ci.duration.median < 600 s");
        assertRule("cicd.L2.05", "ci.cache.hit_rate > 70 %");
        assertRule("cicd.L3.01", "ci.duration.median < 300 s");
        assertRule("cicd.L3.04", "ci.duration.p95 < 480 s");
        assertRule("cicd.L4.01", "ci.duration.median < 120 s");
        assertRule("cicd.L4.02", "sandbox.spinup.median < 10 s");
        assertRule("cicd.L4.04", "ci.duration.p95 < 180 s");
        assertRule("cicd.L5.01", "ci.feedback_latency.median < 60 s");
        assertRule("cicd.L5.04", "ci.runner.utilization between 50 % and 80 %");
        assertRule("merge-deploy.L1.04", "deploy.frequency.per_week >= 1 /week");
        assertRule("merge-deploy.L2.05", "deploy.frequency.per_week >= 5 /week");
        assertRule("merge-deploy.L3.03", "ci.rounds.per_pr <= 2");
        assertRule("merge-deploy.L4.02", "pr.throughput.per_day > 50 /day");
        assertRule("merge-deploy.L4.05", "merge_queue.wait.p50 < 600 s");
        assertRule("merge-deploy.L5.01", "merges.per_week >= 1000 /week");
        assertRule("merge-deploy.L5.04", "rollback.mean_time < 300 s");
        assertRule("merge-deploy.L5.05", "rollback.success_rate >= 95 %");
        assertRule("metrics.L3.01", "its.mean between 1 and 3");
        assertRule("metrics.L3.02", "cost.per_iteration < 0.5 USD");
        assertRule("metrics.L4.02", "review.auto_approve_rate > 60 %");
        assertRule("metrics.L4.03", "merge_queue.wait.p50 < 600 s");
        assertRule("metrics.L5.04", "cost.per_feature.qoq_change < 0 %");
        long measurable = AI.criteria().stream().filter(Criterion::measurable).count();
        assertEquals(22, measurable);
        assertTrue(AI.criteria("governance", 3).stream().noneMatch(Criterion::measurable));
    }

    private static void assertRule(String id, String described) {
        Criterion c = AI.criterion(id);
        assertNotNull(c, id);
        assertTrue(c.measurable(), id);
        assertEquals(described, c.rule().describe(), id);
    }

    @Test
    void deliveryFiveLevel_hasFiveLevelsOfFourCharacteristics() {
        assertEquals("delivery-5-level", new DeliveryFiveLevelModel().id());
        assertEquals(List.of("Manual Delivery", "Automated Build/Test", "Continuous Delivery", "Continuous Deployment",
                "DevOps Excellence"), FIVE.levels().stream().map(MaturityLevel::name).toList());
        assertEquals(1, FIVE.dimensions().size());
        assertEquals(20, FIVE.criteria().size());
        for (int l = 1; l <= 5; l++) {
            assertEquals(4, FIVE.criteria("delivery", l).size());
        }
        assertEquals("Full CI/CD, automated testing, push-button deploys, comprehensive monitoring",
                FIVE.level(3).summary());
        assertTrue(FIVE.criterion("delivery.L4.03").text().startsWith("Canary releases"));
        assertTrue(FIVE.criterion("delivery.L5.03").text().startsWith("Chaos engineering"));
        // every characteristic of the seed table appears, in order, at the start of a criterion
        for (MaturityLevel level : FIVE.levels()) {
            String[] characteristics = level.summary().split(", ");
            List<Criterion> cs = FIVE.criteria("delivery", level.rank());
            for (int i = 0; i < 4; i++) {
                String ch = characteristics[i];
                String expectedStart = Character.toUpperCase(ch.charAt(0)) + ch.substring(1) + ":";
                assertTrue(cs.get(i).text().startsWith(expectedStart), cs.get(i).id() + " " + expectedStart);
            }
        }
    }

    @Test
    void criterionIds_areUniqueAndWellFormed() {
        Pattern id = Pattern.compile("[a-z-]+\\.L[1-5]\\.0[1-5]");
        for (Definition m : List.of(AI, FIVE)) {
            Set<String> seen = new TreeSet<>();
            for (Criterion c : m.criteria()) {
                assertTrue(id.matcher(c.id()).matches(), c.id());
                assertTrue(seen.add(c.id()), c.id());
                assertTrue(c.id().startsWith(c.dimension() + ".L" + c.level() + "."), c.id());
            }
        }
    }

    @Test
    void builtIns_byHandAndThroughServiceLoader() {
        ProviderRegistry<MaturityModel> builtIns = MaturityAssessment.of(MaturityAssessmentConfig.ofDefaults()).models();
        assertEquals(List.of("ai-delivery", "delivery-5-level"), builtIns.ids());
        ProviderRegistry<MaturityModel> loaded = MaturityAssessment.load(MaturityAssessmentConfig.ofDefaults()).models();
        assertTrue(loaded.ids().containsAll(List.of("ai-delivery", "delivery-5-level", TestTwoLevelModel.ID)),
                loaded.ids().toString());
        assertEquals(3, loaded.size());
        assertEquals(MaturityAssessment.load(MaturityAssessmentConfig.ofDefaults(), getClass().getClassLoader()).models().ids(), loaded.ids());
        assertSame(AI, loaded.get("ai-delivery").definition());
        assertSame(AI, MaturityModel.definitionOf(loaded.get("ai-delivery")));
    }

    @Test
    void customModel_foundThroughServiceLoaderAndAssessed() {
        MaturityModel custom = MaturityAssessment.load(MaturityAssessmentConfig.ofDefaults()).models().get(TestTwoLevelModel.ID);
        assertTrue(custom instanceof TestTwoLevelModel);
        MaturityDecision a = MaturityTesting.assess(MaturityTesting.DEFAULTS, custom,
                Answers.builder().met("build.1.a", "ops.1.a", "build.2.a", "ops.2.b").build(),
                Evidence.builder().duration(MetricKeys.CI_DURATION_MEDIAN, java.time.Duration.ofMinutes(4))
                        .perWeek(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, 2).build());
        assertEquals(MaturityDecision.Verdict.TOP_LEVEL, a.verdict());
        assertEquals(2, a.level("build"));
        assertEquals(2, a.level("ops"));
    }

    @Test
    void modelOf_wrapsADefinition() {
        MaturityModel m = MaturityModel.of(TestTwoLevelModel.DEFINITION);
        assertEquals(TestTwoLevelModel.ID, m.id());
        assertEquals(0, m.priority());
        assertSame(TestTwoLevelModel.DEFINITION, m.definition());
        assertEquals("MaturityModel[test-two-level]", m.toString());
        assertThrows(IllegalArgumentException.class, () -> MaturityModel.of(null));
    }

    @Test
    void definition_rejectsBrokenCustomModels() {
        MaturityModel wrongId = new MaturityModel() {
            @Override
            public String id() {
                return "other";
            }

            @Override
            public Definition definition() {
                return TestTwoLevelModel.DEFINITION;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaturityModel.definitionOf(wrongId));
        assertTrue(e.getMessage().contains("must equal id() 'other'"), e.getMessage());
        MaturityModel nullDef = new MaturityModel() {
            @Override
            public String id() {
                return "x";
            }

            @Override
            public Definition definition() {
                return null;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> MaturityModel.definitionOf(nullDef));
        MaturityModel throwing = new MaturityModel() {
            @Override
            public String id() {
                return "x";
            }

            @Override
            public Definition definition() {
                throw new IllegalStateException("boom");
            }
        };
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> MaturityTesting.assess(MaturityTesting.DEFAULTS, throwing, Answers.none(), Evidence.none()));
        assertTrue(t.getMessage().contains("failed to describe itself"), t.getMessage());
        assertTrue(t.getCause() instanceof IllegalStateException);
        MaturityModel invalid = new MaturityModel() {
            @Override
            public String id() {
                return "x";
            }

            @Override
            public Definition definition() {
                return Definition.builder("x", "X").build();
            }
        };
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
                () -> MaturityModel.definitionOf(invalid));
        assertTrue(v.getMessage().startsWith("dimensions of x must not be empty"), v.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MaturityModel.definitionOf(null));
    }

    @Test
    void definitionQueries() {
        assertEquals("Merge & Deploy", AI.dimension("merge-deploy").name());
        assertThrows(IllegalArgumentException.class, () -> AI.dimension("nope"));
        assertNull(AI.criterion("nope"));
        assertEquals(List.of(), AI.criteria("nope", 1));
        assertEquals(List.of(), AI.criteria("cicd", 6));
        assertEquals("Guided", AI.level(2).name());
        assertThrows(IllegalArgumentException.class, () -> AI.level(0));
        assertThrows(IllegalArgumentException.class, () -> AI.level(6));
        List<String> order = new ArrayList<>();
        for (Criterion c : AI.criteria()) {
            if (order.isEmpty() || !order.get(order.size() - 1).equals(c.dimension())) {
                order.add(c.dimension());
            }
        }
        assertEquals(List.of("cicd", "merge-deploy", "metrics", "governance"), order);
        assertFalse(AI.description().isBlank());
        assertEquals(new BigDecimal("600"), AI.criterion("cicd.L2.01").rule().threshold());
    }
}
