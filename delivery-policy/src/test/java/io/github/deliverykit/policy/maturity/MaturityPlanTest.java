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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MaturityPlanTest {

    private static final MaturityModel AI = new AiDeliveryMaturityModel();
    private static final Definition DEF = AI.definition();

    @Test
    void plan_lowestDimensionFirst_measurableBeforeUnmeasurable() {
        // cicd at L2, merge-deploy at L1, metrics at L2, governance not yet L1
        Answers.Builder b = Answers.builder();
        for (Criterion c : DEF.criteria()) {
            int reach = switch (c.dimension()) {
                case "cicd", "metrics" -> 2;
                case "merge-deploy" -> 1;
                default -> 0;
            };
            b.answer(c.id(), c.level() <= reach ? CriterionStatus.MET : CriterionStatus.NOT_MET, null);
        }
        MaturityDecision a = MaturityTesting.assess(MaturityTesting.DEFAULTS, AI, b.build(), Evidence.none());
        Plan plan = a.plan();
        assertEquals(List.of(
                "governance.L1.01", "governance.L1.02", "governance.L1.03", "governance.L1.04",
                // merge-deploy L2: the measurable L2.05 (deploy daily) first
                "merge-deploy.L2.05", "merge-deploy.L2.01", "merge-deploy.L2.02", "merge-deploy.L2.03",
                "merge-deploy.L2.04",
                // cicd L3: measurable L3.01 and L3.04 first; metrics L3: L3.01, L3.02 first
                "cicd.L3.01", "cicd.L3.04", "cicd.L3.02", "cicd.L3.03", "cicd.L3.05",
                "metrics.L3.01", "metrics.L3.02", "metrics.L3.03", "metrics.L3.04", "metrics.L3.05"),
                plan.criterionIds());
        assertEquals(19, plan.steps().size());
        // 19 steps over 3 phases: 7 / 6 / 6 by i * 3 / 19
        List<PlanStep> s = plan.steps();
        assertEquals(1, s.get(0).phase());
        assertEquals(1, s.get(6).phase());
        assertEquals(2, s.get(7).phase());
        assertEquals(2, s.get(12).phase());
        assertEquals(3, s.get(13).phase());
        assertEquals(3, s.get(18).phase());
        assertEquals(1, s.get(0).startDay());
        assertEquals(30, s.get(0).endDay());
        assertEquals(31, s.get(7).startDay());
        assertEquals(60, s.get(7).endDay());
        assertEquals(61, s.get(18).startDay());
        assertEquals(90, s.get(18).endDay());
        for (int i = 0; i < s.size(); i++) {
            assertEquals(i + 1, s.get(i).order());
            assertEquals(s.get(i).dimension().id(), s.get(i).gap().criterion().dimension());
            assertEquals(a.level(s.get(i).dimension().id()) + 1, s.get(i).target().rank());
        }
        assertEquals("L1 Ad-hoc", s.get(0).target().label());
        assertTrue(s.get(4).measurable());
        assertFalse(s.get(5).measurable());
        assertEquals("Measure deploy.frequency.per_week and reach deploy.frequency.per_week >= 5 /week",
                s.get(4).action());
        assertEquals("Put in place", s.get(5).action());
    }

    @Test
    void plan_weightsPutTheDimensionsThatMatterFirst() {
        MaturityDecision a = MaturityTesting.assess(MaturityTesting.DEFAULTS, AI, MaturityAssessmentTest.upTo(DEF, 1), Evidence.none());
        MaturityAssessment assessor = MaturityAssessment.of(MaturityAssessmentConfig.custom().weight("metrics", 5)
                .weight("governance", 2).build());
        Plan plan = MaturityTesting.assess(assessor, AI, MaturityAssessmentTest.upTo(DEF, 1), Evidence.none()).plan();
        List<String> dims = plan.steps().stream().map(st -> st.dimension().id()).distinct().toList();
        assertEquals(List.of("metrics", "governance", "cicd", "merge-deploy"), dims);
        List<String> defaults = a.plan().steps().stream().map(st -> st.dimension().id())
                .distinct().toList();
        assertEquals(List.of("cicd", "merge-deploy", "metrics", "governance"), defaults);
    }

    @Test
    void plan_measuredGapsSayWhatWasMeasured() {
        Answers answers = MaturityAssessmentTest.upTo(DEF, 1);
        Evidence e = Evidence.builder().duration(MetricKeys.CI_DURATION_MEDIAN, Duration.ofMinutes(12)).build();
        Plan plan = MaturityTesting.assess(MaturityTesting.DEFAULTS, AI, answers, e).plan();
        PlanStep first = plan.steps().get(0);
        assertEquals("cicd.L2.01", first.criterionId());
        assertEquals("Reach ci.duration.median < 600 s (measured 720 s)", first.action());
        PlanStep unknown = MaturityTesting.assess(MaturityTesting.DEFAULTS,
                new DeliveryFiveLevelModel(), Answers.none(), Evidence.none()).plan().steps().get(0);
        assertEquals("Find out whether this holds, then close it if not", unknown.action());
        assertEquals(CriterionStatus.UNKNOWN, unknown.gap().status());
    }

    @Test
    void plan_customHorizonAndPhases() {
        MaturityAssessment assessor = MaturityAssessment.of(MaturityAssessmentConfig.custom().horizonDays(60).phases(2).build());
        Plan plan = MaturityTesting.assess(assessor, new DeliveryFiveLevelModel(), Answers.none(),
                Evidence.none()).plan();
        assertEquals(4, plan.steps().size());
        assertEquals(List.of(1, 1, 2, 2), plan.steps().stream().map(PlanStep::phase).toList());
        assertEquals(List.of(30, 30, 60, 60), plan.steps().stream().map(PlanStep::endDay).toList());
        assertEquals(31, plan.steps().get(2).startDay());
        assertTrue(plan.toMarkdown().startsWith("# 60-day plan: "));
    }

    @Test
    void markdown_scorecardAndPlan_exactAndDeterministic() {
        MaturityModel model = new TestTwoLevelModel();
        Answers answers = Answers.builder()
                .answer("build.1.a", CriterionStatus.MET, "GitHub | Actions\nsince 2024")
                .met("build.2.a", "build.2.b", "ops.1.a")
                .build();
        Evidence evidence = Evidence.builder().duration(MetricKeys.CI_DURATION_MEDIAN, Duration.ofSeconds(420))
                .count("team.size", 6).build();
        MaturityDecision a = MaturityTesting.assess(MaturityTesting.DEFAULTS, model, answers, evidence);
        String expected = String.join("\n",
                "# Maturity scorecard: Test | Two levels (`test-two-level`)",
                "",
                "Overall: **L1 Started** (lowest dimension); weighted score **1.25** of 2.",
                "",
                "| Dimension | Level | Next level | Progress | Weight |",
                "| --- | --- | --- | --- | --- |",
                "| Build | L1 Started | L2 Fast | 1/2 (50 %) | 1 |",
                "| Operations | L1 Started | L2 Fast | 0/2 (0 %) | 1 |",
                "",
                "## Build: L1 Started",
                "",
                "| Criterion | Level | Status | Decided by | Text | Note |",
                "| --- | --- | --- | --- | --- | --- |",
                "| `build.1.a` | L1 | MET | answer | Builds run in CI | GitHub \\| Actions<br>since 2024 |",
                "| `build.2.a` | L2 | MET | answer | Builds are reproducible |  |",
                "| `build.2.b` | L2 | NOT_MET | measured: ci.duration.median = 420 s (target ci.duration.median < 300 s)"
                        + " | CI is fast |  |",
                "",
                "## Operations: L1 Started",
                "",
                "| Criterion | Level | Status | Decided by | Text | Note |",
                "| --- | --- | --- | --- | --- | --- |",
                "| `ops.1.a` | L1 | MET | answer | Someone is on call |  |",
                "| `ops.2.a` | L2 | UNKNOWN | no answer | Deploys weekly |  |",
                "| `ops.2.b` | L2 | UNKNOWN | no answer | Runbooks exist |  |",
                "",
                "## Gaps to the next level",
                "",
                "- Build -> L2 Fast: `build.2.b` (NOT_MET)",
                "- Operations -> L2 Fast: `ops.2.a` (UNKNOWN), `ops.2.b` (UNKNOWN)",
                "",
                "## Findings",
                "",
                "| level | code | message | facts |",
                "| --- | --- | --- | --- |",
                "| WARN | `test-two-level.answer.contradicts_evidence` | build.2.b was answered MET but ci.duration.median = 420 s"
                        + " makes it NOT_MET (target ci.duration.median < 300 s); the evidence wins | criterion=build.2.b,"
                        + " measured=NOT_MET, value=420 s, target=ci.duration.median < 300 s, answer=MET |",
                "| INFO | `maturity.evidence.unused` | Measured metrics that no criterion of test-two-level uses: team.size"
                        + " | keys=[team.size] |",
                "| INFO | `maturity.dimension.level` | Build: L1 Started; 1 of 2 criteria of L2 Fast met | dimension=build,"
                        + " level=1, label=L1 Started, next=L2 Fast, next_met=1, next_total=2 |",
                "| INFO | `maturity.dimension.level` | Operations: L1 Started; 0 of 2 criteria of L2 Fast met |"
                        + " dimension=ops, level=1, label=L1 Started, next=L2 Fast, next_met=0, next_total=2 |",
                "| INFO | `maturity.dimension.unknown` | Operations: 2 criteria of L2 Fast are unknown and do not count as"
                        + " met: ops.2.a, ops.2.b | dimension=ops, criteria=[ops.2.a, ops.2.b] |",
                "| INFO | `maturity.overall.level` | Overall L1 Started (lowest dimension: build, ops), weighted score 1.25"
                        + " of 2 | level=1, label=L1 Started, score=1.25, lowest_dimensions=[build, ops] |",
                "");
        assertEquals(expected, a.toMarkdown());

        Plan plan = a.plan();
        String expectedPlan = String.join("\n",
                "# 90-day plan: Test | Two levels (`test-two-level`)",
                "",
                "Starting point: **L1 Started** overall, weighted score **1.25** of 2.",
                "",
                "| Dimension | Now | Target |",
                "| --- | --- | --- |",
                "| Build | L1 Started | L2 Fast |",
                "| Operations | L1 Started | L2 Fast |",
                "",
                "## Phase 1: days 1-30",
                "",
                "1. `build.2.b` Build -> L2 Fast (measurable): CI is fast. Reach ci.duration.median < 300 s"
                        + " (measured 420 s).",
                "",
                "## Phase 2: days 31-60",
                "",
                "2. `ops.2.a` Operations -> L2 Fast (measurable): Deploys weekly. Measure deploy.frequency.per_week and"
                        + " reach deploy.frequency.per_week >= 1 /week [unknown].",
                "",
                "## Phase 3: days 61-90",
                "",
                "3. `ops.2.b` Operations -> L2 Fast: Runbooks exist. Find out whether this holds, then close it if not"
                        + " [unknown].",
                "");
        assertEquals(expectedPlan, plan.toMarkdown());
        // same input given in another order renders byte for byte the same
        Answers reordered = Answers.builder().met("ops.1.a", "build.2.b", "build.2.a")
                .answer("build.1.a", CriterionStatus.MET, "GitHub | Actions\nsince 2024").build();
        Evidence reorderedEvidence = Evidence.builder().count("team.size", 6)
                .duration(MetricKeys.CI_DURATION_MEDIAN, Duration.ofSeconds(420)).build();
        MaturityDecision again = MaturityTesting.assess(MaturityTesting.DEFAULTS, model, reordered, reorderedEvidence);
        assertEquals(expected, again.toMarkdown());
        assertEquals(expectedPlan, again.plan().toMarkdown());
    }

    @Test
    void markdown_topLevel() {
        MaturityDecision a = MaturityTesting.assess(MaturityTesting.DEFAULTS, new DeliveryFiveLevelModel(),
                MaturityAssessmentTest.allMet(new DeliveryFiveLevelModel().definition()), Evidence.none());
        String md = a.toMarkdown();
        assertTrue(md.contains("| Delivery pipeline | L5 DevOps Excellence | top level | - | 1 |\n"), md);
        assertTrue(md.contains("## Gaps to the next level\n\nNone: every dimension is at the top level.\n"), md);
        String plan = a.plan().toMarkdown();
        assertTrue(plan.endsWith("| Delivery pipeline | L5 DevOps Excellence | top level |\n\n"
                + "No steps: every dimension is at the top level.\n"), plan);
    }

    @Test
    void planAndStep_validate() {
        MaturityDecision a = MaturityTesting.assess(MaturityTesting.DEFAULTS, AI, Answers.none(), Evidence.none());
        assertThrows(IllegalArgumentException.class, () -> new Plan(a.model(), a.overallLevel(), a.score(), a.dimensions(), 0, 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Plan(a.model(), a.overallLevel(), a.score(), a.dimensions(), 10, 11, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Plan(null, 0, 0, List.of(), 10, 1, List.of()));
        PlanStep ok = a.plan().steps().get(0);
        assertThrows(IllegalArgumentException.class, () -> new PlanStep(0, 1, 1, 30, ok.dimension(), ok.target(),
                ok.gap(), "x"));
        assertThrows(IllegalArgumentException.class, () -> new PlanStep(1, 1, 31, 30, ok.dimension(), ok.target(),
                ok.gap(), "x"));
        assertThrows(IllegalArgumentException.class, () -> new PlanStep(1, 1, 1, 30, ok.dimension(), ok.target(),
                ok.gap(), " "));
        assertThrows(IllegalArgumentException.class, () -> new PlanStep(1, 0, 1, 30, ok.dimension(), ok.target(),
                ok.gap(), "x"));
    }
}
