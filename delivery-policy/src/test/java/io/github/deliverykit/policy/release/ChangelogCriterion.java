package io.github.deliverykit.policy.release;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.event.Feature;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.release.ReadinessDecision.CommunicationPlan;
import io.github.deliverykit.policy.release.ReadinessDecision.Milestone;
import io.github.deliverykit.policy.release.ReadinessDecision.Recommendation;
import io.github.deliverykit.policy.release.Release.Dependency;
import io.github.deliverykit.policy.release.Release.SemanticVersion;
import io.github.deliverykit.policy.release.spi.ExitCriterion;
import io.github.deliverykit.policy.release.spi.ExitCriterion.Verdict;
import io.github.deliverykit.policy.strategy.StrategyInput;
import io.github.deliverykit.policy.strategy.StrategyInput.ReleaseType;

/** A test-only exit criterion registered in src/test/resources/META-INF/services. */
public final class ChangelogCriterion implements ExitCriterion {

    @Override
    public String id() {
        return "changelog";
    }

    @Override
    public RuleResult<Verdict> evaluate(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig config) {
        boolean written = evidence.custom("changelog").map(Boolean.TRUE::equals).orElse(false);
        return written ? RuleResult.of(Verdict.pass(), Finding.pass("changelog", "Changelog written", Facts.none()))
                : RuleResult.of(Verdict.warn("Write the changelog before T-1"),
                        Finding.warn("changelog", "Changelog missing", Facts.none()));
    }
}
