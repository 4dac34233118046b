package io.github.deliverykit.policy.canary;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageContext;
import java.util.List;

/** A test-only judge found through ServiceLoader (src/test/resources/META-INF/services). */
public final class AlwaysPassJudge implements CanaryJudge {

    @Override
    public String id() {
        return "always-pass";
    }

    @Override
    public RuleResult<List<MetricResult>> judge(StageContext context) {
        return RuleResult.of(List.of(MetricResult.of("ok", Outcome.PASS)), Finding.pass("always-pass.ok",
                "always passes", Facts.of("stage", context.stageIndex() + 1, "observations", context.data().used())));
    }
}
