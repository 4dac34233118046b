package io.github.deliverykit.policy.canary;

import static io.github.deliverykit.policy.canary.Synthetic.T0;
import static io.github.deliverykit.policy.canary.Synthetic.at;
import static io.github.deliverykit.policy.canary.Synthetic.healthy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.Direction;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.NoDataStrategy;
import io.github.deliverykit.policy.canary.CanaryDecision.StageVerdict;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageData;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import io.github.deliverykit.policy.strategy.DeploymentStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RolloutMachineTest {

    private static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void judges_loadedThroughServiceLoaderIncludingATestProvider() {
        List<String> ids = Providers.load(CanaryJudge.class).ids();
        assertEquals(List.of("always-pass", "distribution", "mann-whitney", "threshold"), ids);
        CanaryAnalysis analyzer = CanaryAnalysis.load(CanaryAnalysisConfig.custom().judges(List.of("always-pass")).build());
        CanaryDecision ev = analyzer.evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), List.of(new Observation.Count(T0, Variant.CANARY, "requests", 0, 500))), at(Duration.ofMinutes(30)));
        assertEquals(StageVerdict.ADVANCE, ev.verdict());
        assertEquals(1, ev.findings().find("always-pass.ok").orElseThrow().fact("observations"));
        assertEquals(List.of("threshold", "mann-whitney"), CanaryAnalysis.ofDefaults().judgeIds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CanaryAnalysis.of(CanaryAnalysisConfig.custom().judges(List.of("nope")).build()));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void illegalTransitions_areRejected() {
        List<Observation> log = healthy(T0, t(300), 1);
        Rollout r = Rollout.start(RolloutPlan.canaryDefault(), CanaryAnalysis.ofDefaults(), T0);
        Rollout running = r;
        IllegalStateException notPaused = assertThrows(IllegalStateException.class, () -> running.resume(t(1), "bob"));
        assertEquals("cannot resume a rollout that is RUNNING (only PAUSED)", notPaused.getMessage());
        Rollout aborted = r.abort(t(2), "bad smell");
        assertEquals(Rollout.Phase.ROLLED_BACK, aborted.state().phase());
        assertEquals(StageVerdict.ROLLBACK, aborted.history().get(0).verdict());
        IllegalStateException after = assertThrows(IllegalStateException.class,
                () -> aborted.evaluate(log, at(t(3))));
        assertEquals("cannot evaluate a rollout that is ROLLED_BACK", after.getMessage());
        assertThrows(IllegalStateException.class, () -> aborted.abort(t(4), "again"));
        Rollout evaluated = r.evaluate(log, at(t(10)));
        IllegalStateException back = assertThrows(IllegalStateException.class, () -> evaluated.evaluate(log, at(t(5))));
        assertTrue(back.getMessage().contains("before the previous one"), back.getMessage());
        assertThrows(IllegalArgumentException.class, () -> evaluated.resume(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> evaluated.abort(t(11), " "));
        assertThrows(IllegalArgumentException.class, () -> evaluated.apply(null, log));
    }

    @Test
    void replay_givesTheSameHistoryAsStepping() {
        List<Observation> log = healthy(T0, t(300), 2);
        List<Rollout.Command> commands = List.of(new Rollout.Command.Evaluate(t(10)), new Rollout.Command.Evaluate(t(30)),
                new Rollout.Command.Evaluate(t(95)), new Rollout.Command.Evaluate(t(240)), new Rollout.Command.Evaluate(t(260)));
        CanaryAnalysis analyzer = CanaryAnalysis.ofDefaults();
        Rollout replayed = Rollout.replay(RolloutPlan.canaryDefault(), analyzer, T0, log, commands);
        Rollout stepped = Rollout.start(RolloutPlan.canaryDefault(), analyzer, T0);
        for (Rollout.Command c : commands) {
            stepped = stepped.evaluate(log, at(c.at()));
        }
        assertEquals(replayed.toText(), stepped.toText());
        assertEquals(replayed.history(), stepped.history());
        assertEquals(List.of(StageVerdict.HOLD, StageVerdict.ADVANCE, StageVerdict.ADVANCE, StageVerdict.ADVANCE,
                StageVerdict.PROMOTE), replayed.verdicts());
        assertTrue(replayed.history().get(0).toText().startsWith("2026-01-25T10:10:00Z evaluate stage 1 RUNNING -> RUNNING stage 1 HOLD"),
                replayed.history().get(0).toText());
        Rollout aborted = Rollout.replay(RolloutPlan.canaryDefault(), analyzer, T0, log,
                List.of(new Rollout.Command.Evaluate(t(10)), new Rollout.Command.Abort(t(12), "manual")));
        assertEquals(Rollout.Phase.ROLLED_BACK, aborted.state().phase());
        assertThrows(IllegalStateException.class, () -> Rollout.replay(RolloutPlan.canaryDefault(), analyzer, T0, log,
                List.of(new Rollout.Command.Resume(t(1), "x"))));
    }

    @Test
    void evaluate_rejectsInconsistentState() {
        CanaryAnalysis a = CanaryAnalysis.ofDefaults();
        RolloutPlan plan = RolloutPlan.canaryDefault();
        List<Observation> none = List.of();
        assertMessage("state.phase must be RUNNING or PAUSED", () -> a.evaluate(
                CanaryAnalysis.StageInput.of(plan, Rollout.State.start(T0).withPhase(Rollout.Phase.PROMOTED), none), at(t(1))));
        assertMessage("state.stageIndex must be below the plan's 4 stages", () -> a.evaluate(
                CanaryAnalysis.StageInput.of(plan, new Rollout.State(Rollout.Phase.RUNNING, 4, T0, null, false, java.util.Map.of()), none), at(t(1))));
        assertMessage("now must not be before state.stageStartedAt", () -> a.evaluate(
                CanaryAnalysis.StageInput.of(plan, Rollout.State.start(t(5)), none), at(t(1))));
        assertMessage("now must not be before state.lastEvaluatedAt", () -> a.evaluate(
                CanaryAnalysis.StageInput.of(plan, new Rollout.State(Rollout.Phase.RUNNING, 0, T0, t(9), false, java.util.Map.of()), none), at(t(8))));
        assertMessage("observations[1] must not be null", () -> a.evaluate(
                CanaryAnalysis.StageInput.of(plan, Rollout.State.start(T0), java.util.Arrays.asList(new Observation.Health(T0, "x", true), null)), at(t(1))));
        assertMessage("clock must not be null", () -> a.evaluate(
                CanaryAnalysis.StageInput.of(plan, Rollout.State.start(T0), none), null));
        assertMessage("lastEvaluatedAt must not be before stageStartedAt",
                () -> new Rollout.State(Rollout.Phase.RUNNING, 0, t(5), t(1), false, java.util.Map.of()));
    }

    @Test
    void plans_seedDefaultAndOtherStrategies() {
        RolloutPlan seed = RolloutPlan.canaryDefault();
        assertEquals(List.of(5.0, 25.0, 50.0, 100.0), seed.stages().stream().map(RolloutPlan.Stage::weightPercent).toList());
        assertEquals(List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ZERO),
                seed.stages().stream().map(RolloutPlan.Stage::bakeTime).toList());
        assertEquals(Duration.ofMinutes(210), seed.minimumDuration());
        assertEquals(DeploymentStrategy.CANARY, seed.strategy());
        assertTrue(seed.isLast(3));
        assertEquals(25.0, seed.stage(1).weightPercent());

        RolloutPlan bg = RolloutPlan.blueGreen(Duration.ofMinutes(15), Duration.ofHours(24));
        assertEquals(List.of(0.0, 100.0), bg.stages().stream().map(RolloutPlan.Stage::weightPercent).toList());
        assertEquals("Route traffic from green back to blue (instant)", bg.rollbackSteps().get(0));

        RolloutPlan rolling = RolloutPlan.rolling(10, 3, 1, Duration.ofMinutes(5));
        assertEquals(List.of(30.0, 60.0, 90.0, 100.0), rolling.stages().stream().map(RolloutPlan.Stage::weightPercent).toList());
        assertEquals(Duration.ofMinutes(15), rolling.minimumDuration());
        assertEquals("Stop the rollout; keep at most 1 instance(s) unavailable and 2 surge instance(s)",
                rolling.rollbackSteps().get(0));
        assertEquals(1, RolloutPlan.rolling(1, 1, 0, Duration.ofMinutes(1)).stages().size());
        RolloutPlan many = RolloutPlan.rolling(1000, 1, 1, Duration.ofSeconds(1));
        assertEquals(1000, many.stages().size());
        assertEquals(0.1, many.stages().get(0).weightPercent(), 1e-12);

        RolloutPlan bang = RolloutPlan.bigBang(Duration.ofHours(1));
        assertEquals(1, bang.stages().size());
        assertEquals(DeploymentStrategy.BIG_BANG, bang.strategy());
        assertEquals(4, bang.rollbackSteps().size());
        assertEquals(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), RolloutPlan.canary(List.of(
                RolloutPlan.Stage.of(1, Duration.ofSeconds(Long.MAX_VALUE)), RolloutPlan.Stage.of(100, Duration.ofSeconds(5))))
                .minimumDuration());
    }

    @Test
    void plans_invalidOnesAreRejected() {
        assertMessage("stages[1].weightPercent must be greater than the previous stage's 50.0", () -> RolloutPlan.canary(
                List.of(RolloutPlan.Stage.of(50, Duration.ofMinutes(1)), RolloutPlan.Stage.of(50, Duration.ZERO))));
        assertMessage("stages[0].weightPercent must be 100", () -> RolloutPlan.canary(List.of(RolloutPlan.Stage.of(50,
                Duration.ofMinutes(1)))));
        assertMessage("stages[0].bakeTime must be a positive duration", () -> RolloutPlan.canary(List.of(
                RolloutPlan.Stage.of(5, Duration.ZERO), RolloutPlan.Stage.of(100, Duration.ZERO))));
        assertMessage("stages must not be empty", () -> RolloutPlan.canary(List.of()));
        assertMessage("stages must not be null", () -> RolloutPlan.canary(null));
        assertMessage("weightPercent must be between 0.0 and 100.0", () -> RolloutPlan.Stage.of(101, Duration.ZERO));
        assertMessage("weightPercent must be between", () -> RolloutPlan.Stage.of(Double.NaN, Duration.ZERO));
        assertMessage("bakeTime must not be a negative duration", () -> RolloutPlan.Stage.of(5, Duration.ofMinutes(-1)));
        assertMessage("minSamples must not be negative", () -> RolloutPlan.Stage.of(5, Duration.ZERO).withMinSamples(-1));
        assertMessage("rollbackSteps must not be empty", () -> new RolloutPlan(DeploymentStrategy.CANARY,
                List.of(RolloutPlan.Stage.of(100, Duration.ZERO)), List.of()));
        assertMessage("rollbackSteps[0] must not be blank", () -> new RolloutPlan(DeploymentStrategy.CANARY,
                List.of(RolloutPlan.Stage.of(100, Duration.ZERO)), List.of(" ")));
        assertMessage("batchSize must be between 1 and 3", () -> RolloutPlan.rolling(3, 4, 0, Duration.ofMinutes(1)));
        assertMessage("maxUnavailable must be between 0 and 2", () -> RolloutPlan.rolling(3, 2, 3, Duration.ofMinutes(1)));
        assertMessage("maxUnavailable must be below instances (2)", () -> RolloutPlan.rolling(2, 2, 2, Duration.ofMinutes(1)));
        assertMessage("instances must be greater than 0", () -> RolloutPlan.rolling(0, 1, 0, Duration.ofMinutes(1)));
        assertMessage("bakePerBatch must be a positive duration", () -> RolloutPlan.rolling(2, 1, 0, Duration.ZERO));
        assertMessage("preview must be a positive duration", () -> RolloutPlan.blueGreen(Duration.ZERO, Duration.ZERO));
        assertMessage("postSwitch must not be null", () -> RolloutPlan.blueGreen(Duration.ofMinutes(1), null));
        assertMessage("verification must not be a negative duration", () -> RolloutPlan.bigBang(Duration.ofMinutes(-1)));
        assertMessage("stage index must be between 0 and 3", () -> RolloutPlan.canaryDefault().stage(4));
    }

    @Test
    void config_defaultsAndValidation() {
        CanaryAnalysisConfig d = CanaryAnalysisConfig.ofDefaults();
        assertEquals(0.01, d.maxErrorRate());
        assertEquals(500.0, d.latencyThreshold());
        assertEquals(0.99, d.latencyQuantile());
        assertEquals(75.0, d.passScore());
        assertEquals(50.0, d.marginalScore());
        assertEquals(0, d.failureLimit());
        assertEquals(4, d.consecutiveErrorLimit());
        assertEquals(0, d.inconclusiveLimit());
        assertEquals(List.of("threshold", "mann-whitney"), d.judges());
        assertEquals("requests", d.requestMetric());
        assertEquals("latency", d.latencyMetric());
        assertEquals(100L, d.minLatencySamples());
        assertTrue(d.latencyGate() && d.healthGate() && d.thresholdsCritical());
        assertEquals(NoDataStrategy.HOLD, d.thresholdNoData());
        assertEquals(1.0, d.groupWeight("anything"));
        assertEquals("CanaryAnalysisConfig{judges=[threshold, mann-whitney], maxErrorRate=0.01, latency=P99.0<500.0, metrics=0,"
                + " limits=0/4/0}", d.toString());
        CanaryAnalysisConfig c = CanaryAnalysisConfig.from(d).requestMetric("http").latencyMetric("p").latencyGate(0.95, 300)
                .minLatencySamples(7).maxErrorRate(0.05).scores(80, 60).groupWeight("g", 2).build();
        assertEquals("http", c.requestMetric());
        assertEquals(0.95, c.latencyQuantile());
        assertEquals(300.0, c.latencyThreshold());
        assertEquals(7L, c.minLatencySamples());
        assertEquals(0.05, c.maxErrorRate());
        assertEquals(80.0, c.passScore());
        assertEquals(60.0, c.marginalScore());
        assertEquals(2.0, c.groupWeight("g"));
        assertEquals(java.util.Map.of("g", 2.0), c.groupWeights());
        assertEquals(0.01, d.maxErrorRate(), "from() copies, the base is unchanged");

        CanaryAnalysisConfig.Builder b = CanaryAnalysisConfig.custom();
        assertMessage("maxErrorRate must be in (0, 1]", () -> b.maxErrorRate(0));
        assertMessage("maxErrorRate must be in (0, 1]", () -> b.maxErrorRate(1.5));
        assertMessage("latencyQuantile must be in (0, 1]", () -> b.latencyGate(0, 5));
        assertMessage("latencyThreshold must be a finite number greater than 0", () -> b.latencyGate(0.5, Double.POSITIVE_INFINITY));
        assertMessage("latencyThreshold must be a finite number greater than 0", () -> b.latencyGate(0.5, 0));
        assertMessage("judges must not be empty", () -> b.judges(List.of()));
        assertMessage("judges must not repeat an id", () -> b.judges(List.of("a", "a")));
        assertMessage("judge id must not be blank", () -> b.judges(List.of(" ")));
        assertMessage("marginalScore must be between 0.0 and 70.0", () -> b.scores(70, 80));
        assertMessage("passScore must be between 0.0 and 100.0", () -> b.scores(101, 80));
        assertMessage("failureLimit must not be negative", () -> b.limits(-1, 0, 0));
        assertMessage("consecutiveErrorLimit must not be negative", () -> b.limits(0, -1, 0));
        assertMessage("inconclusiveLimit must not be negative", () -> b.limits(0, 0, -1));
        assertMessage("weight of group 'g' must be a finite number of 0 or more", () -> b.groupWeight("g", -1));
        assertMessage("minLatencySamples must be greater than 0", () -> b.minLatencySamples(0));
        assertMessage("metric name must be unique", () -> CanaryAnalysisConfig.custom().metric(MetricSpec.samples("a").build())
                .metric(MetricSpec.proportion("a").build()));
        assertMessage("base must not be null", () -> CanaryAnalysisConfig.from(null));
        assertMessage("requestMetric must not be blank", () -> b.requestMetric(""));
        assertMessage("thresholdNoData must not be null", () -> b.thresholdNoData(null));
    }

    @Test
    void metricSpec_validation() {
        MetricSpec s = MetricSpec.samples("latency").build();
        assertEquals(MetricSpec.Kind.SAMPLES, s.kind());
        assertEquals(Direction.INCREASE, s.direction());
        assertEquals("default", s.group());
        assertEquals(0.98, s.confidence());
        assertEquals(20L, s.minSamples());
        assertEquals(1.0, s.allowedIncrease());
        assertEquals(1.0, s.criticalIncrease());
        assertEquals(NoDataStrategy.HOLD, s.noData());
        assertEquals(MetricSpec.NanStrategy.REMOVE, s.nanStrategy());
        MetricSpec p = MetricSpec.proportion("errors").allowed(1.5, 0.5).criticalLimits(3, 0.2).confidence(0.9).build();
        assertEquals(3.0, p.criticalIncrease());
        assertEquals(0.2, p.criticalDecrease());
        assertMessage("allowedIncrease must be between 1.0", () -> MetricSpec.samples("x").allowed(0.9, 1).build());
        assertMessage("allowedDecrease must be in (0, 1]", () -> MetricSpec.samples("x").allowed(1, 0).build());
        assertMessage("criticalIncrease must be between 1.5", () -> MetricSpec.samples("x").allowed(1.5, 1)
                .criticalLimits(1.2, 1).build());
        assertMessage("criticalDecrease must be in (0, allowedDecrease = 0.5]", () -> MetricSpec.samples("x")
                .allowed(1, 0.5).criticalLimits(1, 0.6).build());
        assertMessage("confidence must be between 0 and 1", () -> MetricSpec.samples("x").confidence(1).build());
        assertMessage("minSamples must be greater than 0", () -> MetricSpec.samples("x").minSamples(0));
        assertMessage("name must not be blank", () -> MetricSpec.samples(" ").build());
        assertMessage("group must not be blank", () -> MetricSpec.samples("x").group(""));
        assertMessage("direction must not be null", () -> MetricSpec.samples("x").direction(null));
        assertMessage("noData must not be null", () -> MetricSpec.samples("x").noData(null));
        assertMessage("nanStrategy must not be null", () -> MetricSpec.samples("x").nanStrategy(null));
    }

    @Test
    void observations_validation() {
        assertMessage("value must be finite or NaN", () -> new Observation.Sample(T0, Variant.CANARY, "l",
                Double.NEGATIVE_INFINITY));
        assertMessage("bad must be between 0 and 5", () -> new Observation.Count(T0, Variant.CANARY, "r", 6, 5));
        assertMessage("total must not be negative", () -> new Observation.Count(T0, Variant.CANARY, "r", 0, -1));
        assertMessage("metric must not be blank", () -> new Observation.Health(T0, "", true));
        assertMessage("reason must not be blank", () -> new Observation.QueryError(T0, "m", " "));
        assertMessage("at must not be null", () -> new Observation.QueryError(null, "m", "x"));
        assertMessage("variant must not be null", () -> new Observation.Sample(T0, null, "m", 1));
        assertMessage("observations must not sum to more than Long.MAX_VALUE events", () -> StageData.collect(List.of(
                new Observation.Count(T0, Variant.CANARY, "r", 0, Long.MAX_VALUE),
                new Observation.Count(T0, Variant.CANARY, "r", 0, 1)), T0, t(1), null));
        StageData data = StageData.collect(List.of(new Observation.Sample(t(1), Variant.CANARY, "l", Double.NaN),
                new Observation.Sample(T0, Variant.CANARY, "l", 1), new Observation.Sample(t(2), Variant.CANARY, "l", 1)),
                t(1), t(2), null);
        assertEquals(1, data.nanCount("l", Variant.CANARY));
        assertEquals(0, data.samples("l", Variant.CANARY).length);
        assertEquals(1, data.outside());
        assertEquals(1, data.used());
        assertEquals(0.0, StageData.Tally.EMPTY.rate());
        assertEquals(java.util.Set.of(), data.metricsWithQueryErrors());
    }

    @Test
    void evaluation_rendersDeterministically() {
        List<Observation> log = healthy(T0, t(60), 3);
        CanaryDecision a = CanaryAnalysis.ofDefaults().evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), log), at(t(30)));
        CanaryDecision b = CanaryAnalysis.ofDefaults().evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), new java.util.ArrayList<>(log)), at(t(30)));
        assertEquals(a.toText(), b.toText());
        assertTrue(a.toText().startsWith("Canary stage 1 at 2026-01-25T10:30:00Z\nVerdict: ADVANCE\n"), a.toText());
        assertEquals(StageVerdict.ADVANCE, a.toDecision().verdict());
        assertEquals(2, a.judgements().size());
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
