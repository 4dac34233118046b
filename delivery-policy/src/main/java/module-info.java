/**
 * deliverykit decisions: verdicts out of numbers and rules (deploy freeze, canary progression,
 * deployment strategy, incident SLA, change approval, release readiness, governance, maturity).
 */
module io.github.deliverykit.policy {
    requires transitive io.github.deliverykit.metrics;
    requires static transitive org.jspecify;
    requires org.slf4j;

    exports io.github.deliverykit.policy.budget;
    exports io.github.deliverykit.policy.budget.spi;
    exports io.github.deliverykit.policy.canary;
    exports io.github.deliverykit.policy.canary.spi;
    exports io.github.deliverykit.policy.chart;
    exports io.github.deliverykit.policy.change;
    exports io.github.deliverykit.policy.change.spi;
    exports io.github.deliverykit.policy.governance;
    exports io.github.deliverykit.policy.incident;
    exports io.github.deliverykit.policy.incident.spi;
    exports io.github.deliverykit.policy.maturity;
    exports io.github.deliverykit.policy.maturity.spi;
    exports io.github.deliverykit.policy.release;
    exports io.github.deliverykit.policy.release.spi;
    exports io.github.deliverykit.policy.strategy;
    exports io.github.deliverykit.policy.workflow;

    uses io.github.deliverykit.policy.budget.spi.FreezePolicy;
    uses io.github.deliverykit.policy.canary.spi.CanaryJudge;
    uses io.github.deliverykit.policy.change.spi.ChangeRule;
    uses io.github.deliverykit.policy.incident.spi.SlaTableProvider;
    uses io.github.deliverykit.policy.maturity.spi.MaturityModel;
    uses io.github.deliverykit.policy.release.spi.ExitCriterion;

    provides io.github.deliverykit.policy.budget.spi.FreezePolicy with
            io.github.deliverykit.policy.budget.internal.BurnRateFreezePolicy;
    provides io.github.deliverykit.policy.canary.spi.CanaryJudge with
            io.github.deliverykit.policy.canary.internal.BuiltInJudges.ThresholdJudge,
            io.github.deliverykit.policy.canary.internal.BuiltInJudges.MannWhitneyJudge,
            io.github.deliverykit.policy.canary.internal.DistributionJudges.DistributionJudge;
    provides io.github.deliverykit.policy.change.spi.ChangeRule with
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.RequiredFields,
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.RollbackPlan,
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.Window,
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.LeadTime,
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.FreezeCalendar,
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.FreezeErrorBudget,
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.RateLimit,
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.SegregationOfDuties,
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.Risk,
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.SuccessScore,
            io.github.deliverykit.policy.change.internal.BuiltInChangeRules.Retrospective;
    provides io.github.deliverykit.policy.incident.spi.SlaTableProvider with
            io.github.deliverykit.policy.incident.internal.SeedSlaTableProvider;
    provides io.github.deliverykit.policy.maturity.spi.MaturityModel with
            io.github.deliverykit.policy.maturity.internal.BuiltInMaturityModels.AiDeliveryMaturityModel,
            io.github.deliverykit.policy.maturity.internal.BuiltInMaturityModels.DeliveryFiveLevelModel;
    provides io.github.deliverykit.policy.release.spi.ExitCriterion with
            io.github.deliverykit.policy.release.internal.BuiltInExitCriteria.Bugs,
            io.github.deliverykit.policy.release.internal.BuiltInExitCriteria.Performance,
            io.github.deliverykit.policy.release.internal.BuiltInExitCriteria.Security,
            io.github.deliverykit.policy.release.internal.BuiltInExitCriteria.LoadTest,
            io.github.deliverykit.policy.release.internal.BuiltInExitCriteria.Uat,
            io.github.deliverykit.policy.release.internal.BuiltInExitCriteria.Documentation,
            io.github.deliverykit.policy.release.internal.BuiltInExitCriteria.Runbook;
}
