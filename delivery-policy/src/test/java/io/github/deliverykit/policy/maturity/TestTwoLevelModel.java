package io.github.deliverykit.policy.maturity;

import io.github.deliverykit.policy.maturity.Answers.Answer;
import io.github.deliverykit.policy.maturity.MaturityDecision.CriterionResult;
import io.github.deliverykit.policy.maturity.MaturityDecision.DimensionResult;
import io.github.deliverykit.policy.maturity.MaturityDecision.Plan;
import io.github.deliverykit.policy.maturity.MaturityDecision.PlanStep;
import io.github.deliverykit.policy.maturity.internal.BuiltInMaturityModels.AiDeliveryMaturityModel;
import io.github.deliverykit.policy.maturity.internal.BuiltInMaturityModels.DeliveryFiveLevelModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Criterion;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.CriterionStatus;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.DecidedBy;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Definition;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Dimension;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.MaturityLevel;

import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Comparison;
/** A test-only custom model, registered through test META-INF/services. */
public final class TestTwoLevelModel implements MaturityModel {

    static final String ID = "test-two-level";

    static final Definition DEFINITION = Definition.builder(ID, "Test | Two levels")
            .description("A small custom model.")
            .level(1, "Started", "")
            .level(2, "Fast", "")
            .dimension("build", "Build", "")
            .dimension("ops", "Operations", "")
            .criterion("build.1.a", "build", 1, "Builds run in CI")
            .criterion("build.2.a", "build", 2, "Builds are reproducible")
            .criterion("build.2.b", "build", 2, "CI is fast",
                    Threshold.of(MetricKeys.CI_DURATION_MEDIAN, Comparison.LESS_THAN, "300", Unit.SECONDS))
            .criterion("ops.1.a", "ops", 1, "Someone is on call")
            .criterion("ops.2.a", "ops", 2, "Deploys weekly",
                    Threshold.of(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, Comparison.AT_LEAST, "1", Unit.PER_WEEK))
            .criterion("ops.2.b", "ops", 2, "Runbooks exist")
            .build();

    /** For ServiceLoader. */
    public TestTwoLevelModel() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Definition definition() {
        return DEFINITION;
    }
}
