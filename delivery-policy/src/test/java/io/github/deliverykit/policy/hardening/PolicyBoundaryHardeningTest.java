package io.github.deliverykit.policy.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.RolloutPlan;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import io.github.deliverykit.policy.change.ChangeApprovalConfig;
import io.github.deliverykit.policy.governance.MergeGateConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The classes of undocumented exceptions the reflection fuzzer found in policy, one test per class. */
final class PolicyBoundaryHardeningTest {

    private static String iae(Executable call) {
        return assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(IllegalArgumentException.class, call))
                .getMessage();
    }

    @Test
    void nullArguments_nameTheParameter() {
        assertEquals("group must not be null, but was null", iae(() -> CanaryAnalysisConfig.ofDefaults().groupWeight(null)));
        Rollout.State state = Rollout.State.start(Instant.EPOCH);
        assertEquals("key must not be null, but was null", iae(() -> state.counters(null)));
        assertEquals("outcome must not be null, but was null", iae(() -> Rollout.State.Counters.ZERO.after(null)));
        CanaryJudge.StageData data = CanaryJudge.StageData.collect(List.of(), Instant.EPOCH, Instant.EPOCH, null);
        assertEquals("metric must not be null, but was null", iae(() -> data.samples(null, Observation.Variant.CANARY)));
        assertEquals("variant must not be null, but was null", iae(() -> data.samples("m", null)));
        assertEquals("metric must not be null, but was null", iae(() -> data.nanCount(null, Observation.Variant.BASELINE)));
        assertEquals("metric must not be null, but was null", iae(() -> data.counts(null, Observation.Variant.BASELINE)));
        assertEquals("metric must not be null, but was null", iae(() -> data.queryErrors(null)));
    }

    @Test
    void rollingPlanOfABillionBatches_isRefused() {
        String m = iae(() -> RolloutPlan.rolling(Integer.MAX_VALUE, 1, 1, Duration.ofMinutes(5)));
        assertEquals("batchSize must give at most 1000 batches of 2147483647 instances (at least 2147484 per batch), "
                + "but was 1", m);
        assertEquals(RolloutPlan.MAX_STAGES, RolloutPlan.rolling(Integer.MAX_VALUE, 2_147_484, 1, Duration.ofMinutes(5))
                .stages().size());
        assertEquals(1000, RolloutPlan.rolling(1000, 1, 0, Duration.ofMinutes(1)).stages().size());
        iae(() -> RolloutPlan.rolling(1001, 1, 0, Duration.ofMinutes(1)));
    }

    @Test
    void hugeScalePercent_isRejectedQuickly() {
        String m = iae(() -> ChangeApprovalConfig.custom().lowBudgetPercent(new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE + 1)));
        assertTrue(m.startsWith("lowBudgetPercent must have at most 100 significant digits"), m);
        iae(() -> ChangeApprovalConfig.custom().lowBudgetPercent(new BigDecimal("1e999999999")));
    }

    @Test
    void hugeGlob_isRejectedAndLongGlobsCompileQuickly() {
        String m = iae(() -> MergeGateConfig.custom().protectedPath("x".repeat(1 << 20)));
        assertTrue(m.startsWith("glob must have at most 4096 characters, but was 'xxx"), m);
        assertTrue(m.length() < 400, m);
        MergeGateConfig config = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> MergeGateConfig.custom().protectedPath("a/".repeat(2048)).protectedPath("infra/**").build());
        assertEquals(List.of("a/".repeat(2048), "infra/**"), config.protectedPaths());
    }
}
