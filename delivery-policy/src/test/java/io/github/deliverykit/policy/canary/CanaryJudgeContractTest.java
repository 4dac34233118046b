package io.github.deliverykit.policy.canary;

import static io.github.deliverykit.policy.canary.Synthetic.T0;
import static io.github.deliverykit.policy.canary.Synthetic.healthy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.spi.Plugins;
import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.internal.BuiltInJudges;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageContext;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every built-in {@link CanaryJudge} keeps, run against each one (HdrHistogram style). */
final class CanaryJudgeContractTest {

    private static final CanaryAnalysisConfig CONFIG = CanaryAnalysisConfig.custom()
            .metric(MetricSpec.samples("latency").build()).build();

    static Stream<CanaryJudge> builtIns() {
        return Providers.load(CanaryJudge.class).all().stream()
                .filter(j -> j.getClass().getPackageName().equals(BuiltInJudges.class.getPackageName()));
    }

    @Test
    void builtIns_areExactlyTheExpectedIds() {
        assertEquals(List.of("distribution", "mann-whitney", "threshold"), builtIns().map(CanaryJudge::id).sorted().toList());
        assertEquals(BuiltInJudges.IDS, BuiltInJudges.all().stream().map(CanaryJudge::id).toList());
    }

    private static StageContext context(List<Observation> log, Duration elapsed) {
        Instant now = T0.plus(elapsed);
        return new StageContext(RolloutPlan.canaryDefault(), 0, T0, now, CONFIG, StageData.collect(log, T0, now, null));
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void judge_keepsTheContract(CanaryJudge judge) {
        assertFalse(judge.id().isBlank());
        assertEquals(judge.id(), judge.id());
        StageContext ctx = context(healthy(T0, T0.plus(Duration.ofMinutes(30)), 31), Duration.ofMinutes(30));
        RuleResult<List<MetricResult>> a = judge.judge(ctx);
        RuleResult<List<MetricResult>> b = judge.judge(context(healthy(T0, T0.plus(Duration.ofMinutes(30)), 31),
                Duration.ofMinutes(30)));
        assertEquals(a, b);
        assertTrue(a.inNamespace(judge.id()), a.findings().codes().toString());
        assertFalse(a.extras().isEmpty());
        // edge input: no observations at all, at the stage start
        RuleResult<List<MetricResult>> edge = judge.judge(context(List.of(), Duration.ZERO));
        assertTrue(edge.inNamespace(judge.id()), edge.findings().codes().toString());
        for (Finding f : edge.findings()) {
            assertTrue(Plugins.inNamespace(f.code(), judge.id()), f.code());
        }
    }
}
