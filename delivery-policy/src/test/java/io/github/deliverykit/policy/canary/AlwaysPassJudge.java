package io.github.deliverykit.policy.canary;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.policy.canary.CanaryDecision.Judgement;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome;
import io.github.deliverykit.policy.canary.spi.CanaryJudge.StageContext;
import io.github.deliverykit.policy.canary.spi.CanaryJudge;
import java.util.List;

/** A test-only judge found through ServiceLoader (src/test/resources/META-INF/services). */
public final class AlwaysPassJudge implements CanaryJudge {

    @Override
    public String id() {
        return "always-pass";
    }

    @Override
    public Judgement judge(StageContext context) {
        return new Judgement(id(), List.of(MetricResult.of("ok", Outcome.PASS)), Findings.of(Finding.pass("test.ok",
                "always passes", Facts.of("stage", context.stageIndex() + 1, "observations", context.data().used()))));
    }
}
