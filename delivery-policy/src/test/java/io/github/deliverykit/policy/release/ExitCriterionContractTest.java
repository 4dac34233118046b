package io.github.deliverykit.policy.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.spi.Providers;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.release.internal.BuiltInExitCriteria;
import io.github.deliverykit.policy.release.spi.ExitCriterion;
import io.github.deliverykit.policy.release.spi.ExitCriterion.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every built-in {@link ExitCriterion} keeps, run against each one (HdrHistogram style). */
final class ExitCriterionContractTest {

    private static final Release RELEASE = Release.of("v2.5.0", "v2.4.3", ReleaseReadinessTest.TARGET);

    static Stream<ExitCriterion> builtIns() {
        return Providers.load(ExitCriterion.class).all().stream()
                .filter(c -> c.getClass().getEnclosingClass() == BuiltInExitCriteria.class);
    }

    @Test
    void builtIns_areExactlyTheSeedsCriteria() {
        assertEquals(ReleaseReadiness.BUILT_IN_IDS, builtIns().map(ExitCriterion::id).toList());
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void criterion_keepsTheContract(ExitCriterion c) {
        assertFalse(c.id().isBlank());
        assertEquals(c.id(), c.id());
        RuleResult<Verdict> a = c.evaluate(RELEASE, ReleaseReadinessTest.seedEvidence().build(),
                ReleaseReadinessConfig.ofDefaults());
        RuleResult<Verdict> b = c.evaluate(RELEASE, ReleaseReadinessTest.seedEvidence().build(),
                ReleaseReadinessConfig.ofDefaults());
        assertEquals(a, b);
        assertTrue(a.inNamespace(c.id()), a.findings().codes().toString());
        assertEquals(1, a.findings().size());
        assertNotNull(a.extras().level());
        // edge inputs: no evidence at all, extreme values
        for (ReleaseEvidence e : List.of(ReleaseEvidence.builder().build(), ReleaseEvidence.builder()
                .openBugs(Integer.MAX_VALUE, Integer.MAX_VALUE).p99Latency(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))
                .securityScan(Integer.MAX_VALUE, 0).loadTestPeakMultiple(0).documentation(true, Integer.MAX_VALUE)
                .runbookReviewed(false).build())) {
            RuleResult<Verdict> edge = c.evaluate(RELEASE, e, ReleaseReadinessConfig.ofDefaults());
            assertTrue(edge.inNamespace(c.id()), edge.findings().codes().toString());
        }
    }
}
