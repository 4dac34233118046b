package io.github.deliverykit.policy.canary;

import static io.github.deliverykit.policy.canary.Synthetic.T0;
import static io.github.deliverykit.policy.canary.Synthetic.at;
import static io.github.deliverykit.policy.canary.Synthetic.healthy;
import static io.github.deliverykit.policy.canary.Synthetic.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.metrics.budget.BudgetStatus.BudgetUnit;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageContext;
import io.github.deliverykit.policy.strategy.DeploymentStrategy;
import io.github.deliverykit.policy.strategy.StrategyInput;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.StrategySelection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CanarySeamsTest {

    /** 99.9 % over 30 days: a budget of 2,592 s (43.2 min). */
    static BudgetStatus budget(String consumedSeconds) {
        Slo slo = Slo.timeBased("portal", "99.9", Window.days(30));
        Instant start = T0.minus(Duration.ofDays(15));
        Interval period = Interval.of(start, Duration.ofDays(30));
        return new BudgetStatus(slo, T0, period, Interval.of(start, T0), BudgetUnit.SECONDS, new BigDecimal("2592"),
                new BigDecimal(consumedSeconds), new BigDecimal("0.5"), new BigDecimal("1"), List.of(), Duration.ZERO,
                null);
    }

    private static CanaryDecision stage1At10Minutes(CanaryAnalysisConfig config, BudgetStatus budget) {
        CanaryAnalysis.StageInput in = CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0),
                healthy(T0, T0.plus(Duration.ofMinutes(10)), 21));
        return CanaryAnalysis.of(config).evaluate(budget == null ? in : in.withBudget(budget), at(Duration.ofMinutes(10)));
    }

    @Test
    void budgetGate_halfTheBudgetLeft_projectsTheRestOfTheRollout() {
        // 10 min into stage 1 at 0.5 % errors: exposure 5 % x 20 min + 25 % x 1 h + 50 % x 2 h = 4,560 s,
        // burn 0.005 x 4,560 = 22.8 s = 0.8796 % of 2,592 s = 1.759 % of the 1,296 s left
        CanaryDecision ok = stage1At10Minutes(CanaryAnalysisConfig.custom().maxBudgetBurn(0.02).build(), budget("1296"));
        CanaryDecision.BudgetGate gate = ok.budgetGate().orElseThrow();
        assertEquals(0.005, gate.errorRate(), 1e-12);
        assertEquals(4560, gate.exposureSeconds(), 1e-9);
        assertEquals(22.8 / 2592, gate.projectedBurn(), 1e-12);
        assertEquals(0.5, gate.remainingShare(), 1e-12);
        assertEquals(22.8 / 1296, gate.burnOfRemaining(), 1e-12);
        assertFalse(gate.breached());
        assertEquals(StageVerdict.HOLD, ok.verdict());
        assertEquals(Level.PASS, ok.findings().find("canary.budget").orElseThrow().level());

        CanaryDecision tight = stage1At10Minutes(CanaryAnalysisConfig.custom().maxBudgetBurn(0.015).build(),
                budget("1296"));
        assertTrue(tight.budgetGate().orElseThrow().breached());
        assertEquals(StageVerdict.ROLLBACK, tight.verdict());
        assertEquals(List.of("budget"), tight.breaches());
        Finding why = tight.findings().find("canary.rollback.budget").orElseThrow();
        assertEquals("The rest of the rollout would burn 1.75925925926 % of the remaining error budget, above the 1.5 % allowed",
                why.message());
        assertEquals(0.015, why.fact("maxBudgetBurn"));
        assertEquals(Rollout.Phase.ROLLED_BACK, tight.next().phase());
    }

    @Test
    void budgetGate_givenErrorRateAndExhaustedBudget() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().maxBudgetBurn(0.1).build();
        CanaryAnalysis.StageInput in = CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0),
                List.of()).withBudget(budget("1296")).withErrorRate(0.008);
        CanaryDecision d = CanaryAnalysis.of(config).evaluate(in, at(Duration.ofMinutes(0)));
        // 0.008 x (90 + 900 + 3,600) s = 36.72 s = 2.833 % of the 1,296 s left: within 10 %
        assertEquals(36.72 / 1296, d.budgetGate().orElseThrow().burnOfRemaining(), 1e-12);
        assertFalse(d.budgetGate().orElseThrow().breached());
        CanaryDecision exhausted = CanaryAnalysis.of(config).evaluate(CanaryAnalysis.StageInput.of(
                RolloutPlan.canaryDefault(), Rollout.State.start(T0), List.of()).withBudget(budget("2700"))
                .withErrorRate(0.001), at(Duration.ofMinutes(0)));
        assertEquals(0.0, exhausted.budgetGate().orElseThrow().remainingShare());
        assertEquals(StageVerdict.ROLLBACK, exhausted.verdict());
        assertThrows(IllegalArgumentException.class, () -> in.withErrorRate(1.5));
        assertThrows(IllegalArgumentException.class, () -> CanaryAnalysisConfig.custom().maxBudgetBurn(0));
        assertThrows(IllegalArgumentException.class, () -> CanaryAnalysisConfig.custom().maxBudgetBurn(Double.NaN));
    }

    @Test
    void budgetGate_absentBudgetIsSkippedWithAnInfo_andOffByDefault() {
        CanaryDecision skipped = stage1At10Minutes(CanaryAnalysisConfig.custom().maxBudgetBurn(0.02).build(), null);
        Finding info = skipped.findings().find("canary.budget.skipped").orElseThrow();
        assertEquals(Level.INFO, info.level());
        assertTrue(skipped.budgetGate().isEmpty());
        assertEquals(StageVerdict.HOLD, skipped.verdict());
        CanaryDecision off = stage1At10Minutes(CanaryAnalysisConfig.ofDefaults(), budget("2700"));
        assertTrue(off.budgetGate().isEmpty());
        assertFalse(off.findings().find("canary.budget.skipped").isPresent());
        assertEquals(StageVerdict.HOLD, off.verdict());
        assertTrue(CanaryAnalysisConfig.ofDefaults().maxBudgetBurn().isEmpty());
        assertEquals(0.02, CanaryAnalysisConfig.from(CanaryAnalysisConfig.custom().maxBudgetBurn(0.02).build()).build()
                .maxBudgetBurn().getAsDouble());
    }

    @Test
    void rollout_withBudget_rollsBackOnTheGate() {
        Rollout r = Rollout.start(RolloutPlan.canaryDefault(), CanaryAnalysis.of(CanaryAnalysisConfig.custom()
                .maxBudgetBurn(0.015).build()), T0).evaluate(healthy(T0, T0.plus(Duration.ofMinutes(10)), 21),
                budget("1296"), at(Duration.ofMinutes(10)));
        assertEquals(Rollout.Phase.ROLLED_BACK, r.state().phase());
        Rollout.RollbackReport report = r.rollback().orElseThrow();
        assertEquals(List.of("budget"), report.breaches());
        assertEquals(5.0, report.trafficPercent());
    }

    @Test
    void finishedRollout_isACoreDeployment() {
        RolloutPlan plan = RolloutPlan.canary(List.of(RolloutPlan.Stage.of(5, Duration.ofMinutes(30)),
                RolloutPlan.Stage.of(100, Duration.ZERO)));
        List<Observation> log = healthy(T0, T0.plus(Duration.ofHours(2)), 22);
        Rollout r = Rollout.start(plan, CanaryAnalysis.ofDefaults(), T0);
        Deployment running = r.toDeployment("dep-1", "portal", "production", "2.5.0", List.of("abc1234"));
        assertEquals(DeploymentOutcome.IN_PROGRESS, running.outcome());
        assertNull(running.finished());
        r = r.evaluate(log, at(Duration.ofMinutes(30))).evaluate(log, at(Duration.ofMinutes(60)));
        assertEquals(Rollout.Phase.PROMOTED, r.state().phase());
        Deployment d = r.toDeployment("dep-1", "portal", "production", "2.5.0", List.of("abc1234"));
        assertEquals(DeploymentOutcome.SUCCESS, d.outcome());
        assertEquals(T0, d.started());
        assertEquals(T0.plus(Duration.ofMinutes(60)), d.finished());
        assertEquals(List.of("abc1234"), d.commits());
        assertTrue(r.rollback().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Rollout.start(plan, CanaryAnalysis.ofDefaults(), T0)
                .toDeployment(" ", "portal", "production", "2.5.0", List.of()));
    }

    @Test
    void rollback_yieldsTheIncidentFacts() {
        Instant stage2 = T0.plus(Duration.ofMinutes(30));
        List<Observation> log = new ArrayList<>(healthy(T0, stage2, 2));
        log.addAll(traffic(stage2, stage2.plus(Duration.ofHours(1)), 1000, 0.012, 200, 200, 3));
        Rollout r = Rollout.start(RolloutPlan.canaryDefault(), CanaryAnalysis.ofDefaults(), T0)
                .evaluate(log, at(Duration.ofMinutes(30))).evaluate(log, at(Duration.ofMinutes(40)));
        Rollout.RollbackReport report = r.rollback().orElseThrow();
        assertEquals(T0.plus(Duration.ofMinutes(40)), report.detectedAt());
        assertEquals(T0, report.startedAt());
        assertEquals(1, report.stageIndex());
        assertEquals(25.0, report.trafficPercent());
        assertEquals(List.of("threshold/error-rate"), report.breaches());
        assertFalse(report.manual());
        assertEquals(0.012, r.history().get(1).decision().metric("threshold", "error-rate").orElseThrow().value(),
                1e-12);
        Deployment d = r.toDeployment("dep-2", "portal", "production", "2.5.0", List.of());
        assertEquals(DeploymentOutcome.ROLLED_BACK, d.outcome());
        assertEquals(T0.plus(Duration.ofMinutes(40)), d.finished());

        Rollout aborted = Rollout.start(RolloutPlan.canaryDefault(), CanaryAnalysis.ofDefaults(), T0)
                .abort(T0.plus(Duration.ofMinutes(5)), "wrong build");
        Rollout.RollbackReport manual = aborted.rollback().orElseThrow();
        assertTrue(manual.manual());
        assertEquals("Aborted: wrong build", manual.reason());
        assertEquals(5.0, manual.trafficPercent());
    }

    @Test
    void chosenStrategy_yieldsItsDefaultPlan() {
        RolloutPlan canary = RolloutPlan.of(DeploymentStrategy.CANARY);
        assertEquals(List.of(5.0, 25.0, 50.0, 100.0), canary.stages().stream().map(RolloutPlan.Stage::weightPercent)
                .toList());
        assertEquals(List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ZERO),
                canary.stages().stream().map(RolloutPlan.Stage::bakeTime).toList());
        RolloutPlan blueGreen = RolloutPlan.of(DeploymentStrategy.BLUE_GREEN);
        assertEquals(DeploymentStrategy.BLUE_GREEN, blueGreen.strategy());
        assertEquals(List.of(0.0, 100.0), blueGreen.stages().stream().map(RolloutPlan.Stage::weightPercent).toList());
        assertEquals(RolloutPlan.DEFAULT_VERIFICATION_HOLD, blueGreen.stage(1).bakeTime());
        RolloutPlan rolling = RolloutPlan.of(DeploymentStrategy.ROLLING);
        assertEquals(List.of(25.0, 50.0, 75.0, 100.0), rolling.stages().stream().map(RolloutPlan.Stage::weightPercent)
                .toList());
        assertEquals(RolloutPlan.DEFAULT_BAKE_PER_BATCH, rolling.stage(0).bakeTime());
        RolloutPlan bigBang = RolloutPlan.of(DeploymentStrategy.BIG_BANG);
        assertEquals(1, bigBang.stages().size());
        assertEquals(100.0, bigBang.stage(0).weightPercent());
        assertEquals(RolloutPlan.DEFAULT_BIG_BANG_VERIFICATION, bigBang.stage(0).bakeTime());
        // from the recommendation: high traffic without 2x capacity -> canary -> the seed's stages
        RolloutPlan fromRecommendation = RolloutPlan.of(StrategySelection.ofDefaults().evaluate(StrategyInput.of(
                DeploymentConstraints.builder().traffic(DeploymentConstraints.TrafficVolume.HIGH).build()),
                at(Duration.ZERO)));
        assertEquals(canary, fromRecommendation);
        assertThrows(IllegalArgumentException.class, () -> RolloutPlan.of((DeploymentStrategy) null));
    }

    @Test
    void customJudgeEmittingABuiltInCode_isRejected() {
        CanaryJudge spoof = new CanaryJudge() {
            @Override
            public String id() {
                return "spoof";
            }

            @Override
            public RuleResult<List<MetricResult>> judge(StageContext context) {
                return RuleResult.of(List.of(MetricResult.of("ok", Outcome.PASS)), Finding.pass("threshold.error-rate",
                        "Canary error rate 0 % is below 1 %", Facts.none()));
            }
        };
        CanaryAnalysis a = CanaryAnalysis.of(CanaryAnalysisConfig.custom().judges(List.of("spoof")).build(),
                List.of(spoof));
        CanaryDecision d = a.evaluate(CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0),
                healthy(T0, T0.plus(Duration.ofMinutes(30)), 23)), at(Duration.ofMinutes(30)));
        Finding foreign = d.findings().find("canary.plugin.foreign_code").orElseThrow();
        assertEquals("spoof", foreign.fact("provider"));
        assertEquals("threshold.error-rate", foreign.fact("code"));
        assertFalse(d.findings().find("threshold.error-rate").isPresent());
        assertEquals(Outcome.ERROR, d.metric("spoof", "judge").orElseThrow().outcome());
        assertEquals(StageVerdict.HOLD, d.verdict());
        assertThrows(IllegalStateException.class, () -> CanaryAnalysis.of(CanaryAnalysisConfig.ofDefaults(),
                List.of(new CanaryJudge() {
                    @Override
                    public String id() {
                        return "threshold";
                    }

                    @Override
                    public RuleResult<List<MetricResult>> judge(StageContext context) {
                        return RuleResult.of(List.of());
                    }
                })));
    }
}
