package io.github.deliverykit.policy.canary;

import static io.github.deliverykit.policy.canary.Synthetic.T0;
import static io.github.deliverykit.policy.canary.Synthetic.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.Direction;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

final class CanaryPropertiesTest {

    private static final CanaryAnalysisConfig CONFIG = CanaryAnalysisConfig.custom().minLatencySamples(20).limits(1, 2, 1)
            .metric(MetricSpec.samples("latency").build())
            .metric(MetricSpec.proportion("requests").group("errors").direction(Direction.EITHER).build())
            .metric(MetricSpec.samples("cpu").group("saturation").critical().dryRun().build())
            .build();
    private static final CanaryAnalysis ANALYZER = CanaryAnalysis.of(CONFIG);

    /** A random mix of every observation kind over [T0, T0 + minutes). */
    static List<Observation> randomLog(long seed, int minutes, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double canaryShift = rnd.nextInt(3) * 40;
        double errorRate = rnd.nextInt(4) * 0.005;
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant t = T0.plusSeconds(rnd.nextLong(minutes * 60L));
            Variant v = rnd.nextBoolean() ? Variant.CANARY : Variant.BASELINE;
            switch (rnd.nextInt(10)) {
                case 0, 1, 2 -> out.add(new Observation.Sample(t, v, "latency",
                        rnd.nextInt(20) == 0 ? Double.NaN : 150 + rnd.nextInt(100) + (v == Variant.CANARY ? canaryShift : 0)));
                case 3 -> out.add(new Observation.Sample(t, v, "cpu", rnd.nextInt(5)));
                case 4, 5, 6 -> {
                    long total = 1 + rnd.nextInt(200);
                    long bad = v == Variant.CANARY ? Math.round(total * errorRate * rnd.nextDouble() * 2) : 0;
                    out.add(new Observation.Count(t, v, "requests", Math.min(bad, total), total));
                }
                case 7, 8 -> out.add(new Observation.Health(t, rnd.nextBoolean() ? "ready" : "live", rnd.nextInt(50) != 0));
                default -> out.add(new Observation.QueryError(t, rnd.nextBoolean() ? "requests" : "latency",
                        rnd.nextBoolean() ? "timeout" : "503"));
            }
        }
        return out;
    }

    @Property(tries = 100)
    void decision_isInvariantUnderObservationOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 90) int minutes,
            @ForAll @IntRange(min = 0, max = 300) int count, @ForAll @IntRange(min = 0, max = 3) int stage) {
        List<Observation> log = randomLog(seed, minutes, count);
        Rollout.State state = new Rollout.State(Rollout.Phase.RUNNING, stage, T0, null, false, Map.of());
        CanaryDecision ordered = ANALYZER.evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), state, log), at(Duration.ofMinutes(minutes)));
        List<Observation> shuffled = new ArrayList<>(log);
        Collections.shuffle(shuffled, new Random(seed));
        CanaryDecision other = ANALYZER.evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), state, shuffled), at(Duration.ofMinutes(minutes)));
        assertEquals(ordered.toText(), other.toText());
        assertEquals(ordered, other);
    }

    @Property(tries = 60)
    void replay_isDeterministicAndBlindToTheFuture(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int steps) {
        List<Observation> log = randomLog(seed, 300, 400);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Rollout.Command> commands = new ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < steps; i++) {
            t = t.plusSeconds(60 + rnd.nextInt(40 * 60));
            int kind = rnd.nextInt(12);
            commands.add(kind == 0 ? new Rollout.Command.Resume(t, "ops") : kind == 1 && i > steps / 2
                    ? new Rollout.Command.Abort(t, "manual") : new Rollout.Command.Evaluate(t));
        }
        Rollout a = Rollout.start(RolloutPlan.canaryDefault(), ANALYZER, T0);
        Rollout b = a;
        for (Rollout.Command c : commands) {
            if (a.state().phase().isTerminal()) {
                break;
            }
            if (c instanceof Rollout.Command.Resume && a.state().phase() != Rollout.Phase.PAUSED) {
                continue;
            }
            a = a.apply(c, log);
            // b only ever sees what had been observed by then
            List<Observation> past = log.stream().filter(o -> o.at().isBefore(c.at())).toList();
            b = b.apply(c, past);
        }
        assertEquals(a.toText(), b.toText());
        List<Rollout.Command> applied = a.history().stream().map(Rollout.Event::command).toList();
        Rollout replayed = Rollout.replay(RolloutPlan.canaryDefault(), ANALYZER, T0, log, applied);
        assertEquals(a.toText(), replayed.toText());
        assertEquals(a.history(), replayed.history());
    }

    @Property(tries = 300)
    void badInput_onlyIllegalArgument(@ForAll @IntRange(min = -2, max = 6) int stage,
            @ForAll @LongRange(min = -100, max = 100) long startMinute, @ForAll @LongRange(min = -100, max = 100) long nowMinute,
            @ForAll @IntRange(min = 0, max = 4) int variant, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        try {
            Rollout.State state = variant == 0 ? null : new Rollout.State(Rollout.Phase.values()[rnd.nextInt(4)], stage,
                    T0.plus(Duration.ofMinutes(startMinute)), rnd.nextBoolean() ? null : T0.plus(Duration.ofMinutes(nowMinute - 5)),
                    rnd.nextBoolean(), Map.of());
            List<Observation> log = variant == 1 ? null : new ArrayList<>(randomLog(seed, 60, 30));
            if (variant == 2) {
                log.add(null);
            }
            RolloutPlan plan = variant == 3 ? null : RolloutPlan.canaryDefault();
            CanaryDecision ev = ANALYZER.evaluate(
                    CanaryAnalysis.StageInput.of(plan, state, log), variant == 4 && rnd.nextBoolean() ? null
                    : at(Duration.ofMinutes(nowMinute)));
            assertTrue(ev.findings().size() > 0);
        } catch (IllegalArgumentException expected) {
            // the only exception allowed
        }
    }

    @Property(tries = 300)
    void badPlansAndSpecs_onlyIllegalArgument(@ForAll int a, @ForAll int b, @ForAll int c, @ForAll long seconds,
            @ForAll double x, @ForAll double y) {
        try {
            RolloutPlan.rolling(a, b, c, Duration.ofSeconds(seconds));
        } catch (IllegalArgumentException expected) {
            // fine
        }
        try {
            RolloutPlan.canary(List.of(RolloutPlan.Stage.of(x, Duration.ofSeconds(seconds)), RolloutPlan.Stage.of(y, Duration.ZERO)));
        } catch (IllegalArgumentException expected) {
            // fine
        }
        try {
            MetricSpec.samples("m").allowed(x, y).criticalLimits(y, x).confidence(x).minSamples(seconds).build();
        } catch (IllegalArgumentException expected) {
            // fine
        }
        try {
            CanaryAnalysisConfig.custom().maxErrorRate(x).latencyGate(y, x).scores(x, y).limits(a, b, c).build();
        } catch (IllegalArgumentException expected) {
            // fine
        }
    }
}
