package io.github.deliverykit.policy.budget;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.budget.spi.FreezePolicy;

/** A test-only provider found through the test class path's META-INF/services. */
public final class AlwaysFreezePolicy implements FreezePolicy {

    @Override
    public String id() {
        return "always-freeze";
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public RuleResult<Outcome> evaluate(FreezeInput input, DeployFreezeConfig config) {
        return RuleResult.of(new Outcome(true, input.burnRate()), Finding.fail("always-freeze.week",
                "change freeze week", Facts.of("change", input.request().changeId())));
    }
}
