package io.github.deliverykit.policy.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.budget.FreezeDecision.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

final class FreezePropertiesTest {

    @Property
    void freezes_exactlyWhenBurningOrExhaustedAndNotExempt(@ForAll @IntRange(min = 0, max = 60) int extra,
            @ForAll @IntRange(min = 1, max = 400) int thresholdTenths, @ForAll ChangeKind kind,
            @ForAll boolean freezeWhenExhausted) {
        BudgetStatus b = DeployFreezeTest.month(extra);
        DeployFreezeConfig c = DeployFreezeConfig.custom().burnRateThreshold(BigDecimal.valueOf(thresholdTenths, 1))
                .freezeWhenExhausted(freezeWhenExhausted).build();
        FreezeDecision d = DeployFreeze.of(c).evaluate(FreezeInput.of(new FreezeInput.Request("portal", "c", kind), b),
                DeployFreezeTest.CLOCK);
        boolean frozen = b.burnRate().compareTo(c.burnRateThreshold()) > 0 || (b.isExhausted() && freezeWhenExhausted);
        boolean expected = frozen && kind == ChangeKind.ROUTINE;
        assertEquals(expected ? Verdict.FREEZE : Verdict.ALLOW, d.verdict());
        assertEquals(frozen, d.frozen());
        assertEquals(!expected, d.allows(kind));
        assertEquals(d.toDecision().toText("freeze"), DeployFreeze.of(c).evaluate(FreezeInput.of(
                new FreezeInput.Request("portal", "c", kind), b), DeployFreezeTest.CLOCK).toDecision().toText("freeze"));
    }

    @Property
    void badInput_neverEscapesAsAnythingButIllegalArgument(@ForAll String text, @ForAll long seconds) {
        only(() -> DeployFreezeConfig.custom().burnRateThreshold(text));
        only(() -> DeployFreezeConfig.custom().policy(text));
        only(() -> DeployFreezeConfig.custom().lookback(Duration.ofSeconds(seconds)));
        only(() -> new FreezeInput.Request(text, text, ChangeKind.ROUTINE));
        only(() -> DeployFreeze.of(DeployFreezeConfig.custom().policy(text).build()));
    }

    static void only(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException expected) {
            // the only exception allowed
        }
    }
}
