package io.github.deliverykit.policy.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.deliverykit.policy.canary.CanaryAnalysis;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.RolloutPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying n commands shares the history between successive rollouts instead of copying it n times. */
final class RolloutReplayHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void replayOfManyCommands_keepsEveryEventInOrder_withoutQuadraticCopying() {
        // a week-long first stage evaluated every second, with no data yet
        RolloutPlan plan = RolloutPlan.canary(List.of(new RolloutPlan.Stage(5, Duration.ofDays(7), 1, false),
                new RolloutPlan.Stage(100, Duration.ZERO, 1, false)));
        List<Rollout.Command> commands = new ArrayList<>();
        int n = 20_000;
        for (int i = 1; i <= n; i++) {
            commands.add(new Rollout.Command.Evaluate(T0.plusSeconds(i)));
        }
        Rollout r = Rollout.replay(plan, CanaryAnalysis.ofDefaults(), T0, List.of(), commands);
        List<Rollout.Event> history = r.history();
        assertEquals(n, history.size());
        assertEquals(T0.plusSeconds(1), history.get(0).command().at());
        assertEquals(T0.plusSeconds(n), history.get(n - 1).command().at());
        assertSame(history, r.history());
    }

    @Test
    void branchingFromAnOlderRollout_keepsBothHistoriesApart() {
        Rollout start = Rollout.start(RolloutPlan.canaryDefault(), CanaryAnalysis.ofDefaults(), T0);
        Rollout one = start.apply(new Rollout.Command.Evaluate(T0.plusSeconds(60)), List.of());
        Rollout a = one.apply(new Rollout.Command.Evaluate(T0.plusSeconds(120)), List.of());
        Rollout b = one.apply(new Rollout.Command.Abort(T0.plusSeconds(180), "manual"), List.of());
        assertEquals(0, start.history().size());
        assertEquals(1, one.history().size());
        assertEquals(List.of(one.history().get(0), a.history().get(1)), a.history());
        assertEquals(one.history().get(0), b.history().get(0));
        assertEquals(T0.plusSeconds(180), b.history().get(1).command().at());
        assertEquals(2, a.history().size());
    }
}
