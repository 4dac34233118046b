package io.github.deliverykit.policy.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.policy.canary.CanaryAnalysis;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.RolloutPlan;
import io.github.deliverykit.policy.change.ChangeApprovalConfig;
import io.github.deliverykit.policy.governance.MergeGateConfig;
import io.github.deliverykit.policy.strategy.DeploymentStrategy;
import io.github.deliverykit.policy.strategy.StrategyInput;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.StrategyRecommendation;
import io.github.deliverykit.policy.strategy.StrategySelection;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Policy entry points at every edge (rollout plans, rollouts, change config, merge globs, strategy
 * selection, canary config): a value comes out or an IllegalArgumentException / IllegalStateException,
 * and the invariants hold. Tries are scaled by {@code -Pproperties-deep}.
 */
final class PolicyHardeningProperties {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final CanaryAnalysis ANALYSIS = CanaryAnalysis.ofDefaults();

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-2, 3000), Arbitraries.integers(),
                Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE, 0, 1));
    }

    @Property(tries = 10000)
    void rolling_isRefusedOrHasAtMostMaxStages_endingAtFullTraffic(@ForAll("counts") int instances,
            @ForAll("counts") int batch, @ForAll("counts") int unavailable) {
        RolloutPlan plan;
        try {
            plan = RolloutPlan.rolling(instances, batch, unavailable, Duration.ofMinutes(5));
        } catch (IllegalArgumentException refused) {
            return;
        }
        long batches = (instances + (long) batch - 1) / batch;
        assertEquals(batches, plan.stages().size());
        assertTrue(plan.stages().size() <= RolloutPlan.MAX_STAGES);
        assertEquals(100.0, plan.stages().get(plan.stages().size() - 1).weightPercent());
    }

    @Provide
    Arbitrary<List<Rollout.Command>> commands() {
        Arbitrary<Rollout.Command> one = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(-10, 100_000)).as((kind, seconds) -> switch (kind) {
                    case 0, 1 -> new Rollout.Command.Evaluate(T0.plusSeconds(seconds));
                    case 2 -> new Rollout.Command.Resume(T0.plusSeconds(seconds), "ops");
                    default -> new Rollout.Command.Abort(T0.plusSeconds(seconds), "manual");
                });
        return one.list().ofMaxSize(8);
    }

    @Property(tries = 3000)
    void rollout_anyCommandSequence_givesAHistoryOrAnIllegalCommand(@ForAll("commands") List<Rollout.Command> commands) {
        Rollout r = Rollout.start(RolloutPlan.canaryDefault(), ANALYSIS, T0);
        int applied = 0;
        for (Rollout.Command c : commands) {
            try {
                r = r.apply(c, List.of());
                applied++;
            } catch (IllegalStateException | IllegalArgumentException illegal) {
                break;
            }
        }
        assertEquals(applied, r.history().size());
        for (int i = 1; i < r.history().size(); i++) {
            assertTrue(!r.history().get(i).command().at().isBefore(r.history().get(i - 1).command().at()));
        }
    }

    @Provide
    Arbitrary<BigDecimal> percents() {
        return Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(100_000)),
                Arbitraries.oneOf(Arbitraries.integers().between(-3, 5), Arbitraries.integers()))
                .as(BigDecimal::new);
    }

    @Property(tries = 5000)
    void lowBudgetPercent_isWithin0And100OrRejected(@ForAll("percents") BigDecimal percent) {
        try {
            ChangeApprovalConfig.custom().lowBudgetPercent(percent).build();
            assertTrue(percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0);
        } catch (IllegalArgumentException e) {
            assertTrue(percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                    || Math.abs((long) percent.scale()) > 100, e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.strings().withChars("ab/.*?\\[]()$^{}+|").ofMaxLength(40);
    }

    @Property(tries = 5000)
    void protectedPath_anyGlobIsKeptOrRejected(@ForAll("globs") String glob) {
        try {
            MergeGateConfig config = MergeGateConfig.custom().protectedPath(glob).build();
            assertEquals(List.of(glob), config.protectedPaths());
        } catch (IllegalArgumentException e) {
            assertTrue(glob.isBlank(), e.getMessage());
        }
    }

    @Property(tries = 5000)
    void strategy_anyInput_ranksEveryStrategyOnce_feasibleFirst(@ForAll boolean instant, @ForAll boolean spare,
            @ForAll boolean mixed, @ForAll DeploymentConstraints.TrafficVolume traffic, @ForAll boolean window,
            @ForAll DeploymentConstraints.SchemaChange schema, @ForAll StrategyInput.ReleaseType type,
            @ForAll @IntRange(min = 0, max = 500) int size) {
        DeploymentConstraints c = new DeploymentConstraints(instant, spare, mixed, traffic, window, schema);
        StrategyRecommendation r = StrategySelection.ofDefaults().evaluate(StrategyInput.of(type, size, c),
                Clock.fixed(T0, ZoneOffset.UTC));
        EnumSet<DeploymentStrategy> seen = EnumSet.noneOf(DeploymentStrategy.class);
        boolean infeasibleSeen = false;
        for (int i = 0; i < r.ranking().size(); i++) {
            StrategyRecommendation.RankedStrategy s = r.ranking().get(i);
            assertEquals(i + 1, s.rank());
            assertTrue(seen.add(s.strategy()));
            assertTrue(!(infeasibleSeen && s.feasible()), "feasible after infeasible");
            infeasibleSeen |= !s.feasible();
        }
        assertEquals(EnumSet.allOf(DeploymentStrategy.class), seen);
        assertEquals(r.ranking().get(0).feasible(), r.feasible());
    }

    @Property(tries = 3000)
    void canaryGroupWeight_anyGroupIsAWeight(@ForAll @Size(max = 3) List<String> groups, @ForAll String asked) {
        CanaryAnalysisConfig.Builder b = CanaryAnalysisConfig.custom();
        List<String> accepted = new ArrayList<>();
        for (String g : groups) {
            try {
                b.groupWeight(g, 2.0);
                accepted.add(g);
            } catch (IllegalArgumentException blank) {
                assertTrue(g.isBlank());
            }
        }
        double w = b.build().groupWeight(asked);
        assertEquals(accepted.contains(asked) ? 2.0 : 1.0, w);
    }
}
