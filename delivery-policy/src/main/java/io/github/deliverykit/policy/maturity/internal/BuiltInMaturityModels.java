package io.github.deliverykit.policy.maturity.internal;

import static io.github.deliverykit.core.metric.Comparison.AT_LEAST;
import static io.github.deliverykit.core.metric.Comparison.AT_MOST;
import static io.github.deliverykit.core.metric.Comparison.GREATER_THAN;
import static io.github.deliverykit.core.metric.Comparison.LESS_THAN;

import io.github.deliverykit.core.metric.Comparison;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.policy.maturity.spi.MaturityModel;
import io.github.deliverykit.policy.maturity.spi.MaturityModel.Definition;
import java.util.List;

/**
 * The built-in maturity models, registered through {@link java.util.ServiceLoader} exactly like
 * third-party ones (and listed by {@link #all()} for building by hand). Not exported: users name
 * the models by id ({@value AiDeliveryMaturityModel#ID}, {@value DeliveryFiveLevelModel#ID}).
 */
public final class BuiltInMaturityModels {

    private BuiltInMaturityModels() {}

    /**
     * One instance of each built-in model, in id order.
     *
     * @return the models
     */
    public static List<MaturityModel> all() {
        return List.of(new AiDeliveryMaturityModel(), new DeliveryFiveLevelModel());
    }

    /**
     * The AI-delivery maturity matrix ({@code ai-delivery}): four dimensions (CI/CD Pipeline, Merge
     * &amp; Deploy, Metrics, Governance &amp; Compliance) on five levels (L1 Ad-hoc, L2 Guided, L3
     * Systematic, L4 Optimized, L5 Autonomous), 95 numbered criteria worded as in the matrix. Ids are
     * {@code <dimension>.L<level>.<nn>}: {@code cicd.L2.03}, {@code merge-deploy.L4.02},
     * {@code metrics.L3.01}, {@code governance.L5.05}.
     *
     * <p>Criteria that state a measurable threshold are decided from {@link io.github.deliverykit.policy.maturity.Evidence} when it holds
     * the metric (CI under 10 / 5 / 2 minutes median, P95 under 8 / 3 minutes, cache hit rate over
     * 70 %, deploys at least weekly / daily, over 50 PRs a day, 1,000+ merges a week, at most 2 CI
     * rounds per PR, auto-approve rate over 60 %, merge-queue wait under 10 minutes, rollback under 5
     * minutes and 95 %+ successful, ITS 1-3, CPI under $0.50, ...). "Deploy frequency is at least
     * daily" is read as at least {@value #DAILY_DEPLOYS_PER_WEEK} deploys a week (every working day).
     * Criteria worded "tracked with a target" ({@code metrics.L3.01}, {@code metrics.L3.02},
     * {@code metrics.L4.02}, {@code metrics.L4.03}) are met by a measurement that meets the target; the
     * remaining 73 criteria are answered by the team.
     *
     * <p>Immutable and thread safe; the definition is built once.
     */
    public static final class AiDeliveryMaturityModel implements MaturityModel {

        /** The model id. */
        public static final String ID = "ai-delivery";
        /** Deploys per week that count as "at least daily": one every working day. */
        public static final int DAILY_DEPLOYS_PER_WEEK = 5;

        /** CI/CD Pipeline. */
        public static final String CICD = "cicd";
        /** Merge &amp; Deploy. */
        public static final String MERGE_DEPLOY = "merge-deploy";
        /** Metrics. */
        public static final String METRICS = "metrics";
        /** Governance &amp; Compliance. */
        public static final String GOVERNANCE = "governance";

        private static final Definition DEFINITION = build();

        /** The built-in model; public for {@link java.util.ServiceLoader}. */
        public AiDeliveryMaturityModel() {}

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Definition definition() {
            return DEFINITION;
        }

        private static Threshold rule(String key, Comparison c, String threshold, Unit unit) {
            return Threshold.of(key, c, threshold, unit);
        }

        private static Definition build() {
            Unit s = Unit.SECONDS;
            return Definition.builder(ID, "AI Delivery Maturity")
                    .description("How we manage delivery in the age of agents: from human PR review to an autonomous "
                            + "delivery pipeline.")
                    .level(1, "Ad-hoc", "CI runs on every change; agents wait for feedback; manual review and merge.")
                    .level(2, "Guided", "CI under 10 minutes with caching; merge queues; DORA and basic AI tracking; "
                            + "an official AI tool policy.")
                    .level(3, "Systematic", "CI under 5 minutes; policy-based merge rules; ITS and CPI tracked; "
                            + "policy-as-code and an audit trail.")
                    .level(4, "Optimized", "CI under 2 minutes in agent sandboxes; green = auto-merge and auto-deploy; "
                            + "auto-approve rate and autonomy tracked; full provenance.")
                    .level(5, "Autonomous", "Sub-minute, self-driving CI; 1,000+ merges a week with agent-driven "
                            + "rollback; business value throughput; continuous compliance.")
                    .dimension(CICD, "CI/CD Pipeline", "Speed and reliability of your build-test-feedback loop for "
                            + "AI-generated code.")
                    .dimension(MERGE_DEPLOY, "Merge & Deploy", "How PRs flow from creation to production - throughput, "
                            + "automation, and conflict handling.")
                    .dimension(METRICS, "Metrics", "What you measure to understand AI-assisted engineering productivity "
                            + "and quality.")
                    .dimension(GOVERNANCE, "Governance & Compliance", "Controls around AI-generated code - licensing, "
                            + "security scanning, and audit trails.")
                    // CI/CD Pipeline
                    .criterion("cicd.L1.01", CICD, 1, "A CI pipeline runs on pull requests")
                    .criterion("cicd.L1.02", CICD, 1, "CI results are reported after the pipeline completes")
                    .criterion("cicd.L1.03", CICD, 1, "CI runs on every PR (not just on manual trigger)")
                    .criterion("cicd.L1.04", CICD, 1, "Shared runner queue exists even if slow")
                    .criterion("cicd.L2.01", CICD, 2, "CI completes in under 10 minutes (median)",
                            rule(MetricKeys.CI_DURATION_MEDIAN, LESS_THAN, "600", s))
                    .criterion("cicd.L2.02", CICD, 2, "Build caching is implemented (dependency cache, build artifact cache)")
                    .criterion("cicd.L2.03", CICD, 2, "Dedicated CI runners are allocated per team (no shared queue across "
                            + "all teams)")
                    .criterion("cicd.L2.04", CICD, 2, "CI duration is tracked as a metric and reviewed monthly")
                    .criterion("cicd.L2.05", CICD, 2, "Cache hit rate exceeds 70%",
                            rule(MetricKeys.CI_CACHE_HIT_RATE, GREATER_THAN, "0.70", Unit.RATIO))
                    .criterion("cicd.L3.01", CICD, 3, "CI completes in under 5 minutes (median)",
                            rule(MetricKeys.CI_DURATION_MEDIAN, LESS_THAN, "300", s))
                    .criterion("cicd.L3.02", CICD, 3, "Remote caching is implemented (Bazel remote cache, EngFlow, Gradle "
                            + "Enterprise)")
                    .criterion("cicd.L3.03", CICD, 3, "Incremental builds run only changed modules or fragments")
                    .criterion("cicd.L3.04", CICD, 3, "P95 CI duration is under 8 minutes",
                            rule(MetricKeys.CI_DURATION_P95, LESS_THAN, "480", s))
                    .criterion("cicd.L3.05", CICD, 3, "Build system supports hermetic builds (reproducible outputs "
                            + "regardless of machine)")
                    .criterion("cicd.L4.01", CICD, 4, "CI completes in under 2 minutes (median)",
                            rule(MetricKeys.CI_DURATION_MEDIAN, LESS_THAN, "120", s))
                    .criterion("cicd.L4.02", CICD, 4, "Ephemeral sandbox environments spin up in under 10 seconds for agent "
                            + "CI loops", rule(MetricKeys.SANDBOX_SPINUP_MEDIAN, LESS_THAN, "10", s))
                    .criterion("cicd.L4.03", CICD, 4, "Agent sandbox CI supports 50+ iteration attempts in 5 minutes "
                            + "without blocking team CI queue")
                    .criterion("cicd.L4.04", CICD, 4, "P95 CI duration is under 3 minutes",
                            rule(MetricKeys.CI_DURATION_P95, LESS_THAN, "180", s))
                    .criterion("cicd.L4.05", CICD, 4, "CI feedback latency (from push to result) is tracked and reported")
                    .criterion("cicd.L5.01", CICD, 5, "CI provides sub-minute feedback for standard changes",
                            rule(MetricKeys.CI_FEEDBACK_LATENCY_MEDIAN, LESS_THAN, "60", s))
                    .criterion("cicd.L5.02", CICD, 5, "CI auto-scales runner capacity based on agent load (no manual "
                            + "capacity planning)")
                    .criterion("cicd.L5.03", CICD, 5, "Production feedback loop auto-adjusts the CI test suite (adds tests "
                            + "for observed failures, removes redundant tests)")
                    .criterion("cicd.L5.04", CICD, 5, "CI runner utilization stays between 50-80% (auto-scaling prevents "
                            + "both waste and queuing)",
                            Threshold.between(MetricKeys.CI_RUNNER_UTILIZATION, "0.50", "0.80", Unit.RATIO))
                    .criterion("cicd.L5.05", CICD, 5, "Test suite evolution is auditable (each auto-added/removed test has a "
                            + "provenance record)")
                    // Merge & Deploy
                    .criterion("merge-deploy.L1.01", MERGE_DEPLOY, 1, "Pull requests are reviewed before merge")
                    .criterion("merge-deploy.L1.02", MERGE_DEPLOY, 1, "The team ships pull requests regularly")
                    .criterion("merge-deploy.L1.03", MERGE_DEPLOY, 1, "Basic CD pipeline exists (even if simple or "
                            + "manually triggered)")
                    .criterion("merge-deploy.L1.04", MERGE_DEPLOY, 1, "Deploy frequency is at least weekly",
                            rule(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, AT_LEAST, "1", Unit.PER_WEEK))
                    .criterion("merge-deploy.L2.01", MERGE_DEPLOY, 2, "Merge queue is implemented (GitHub merge queue, "
                            + "Mergify, or equivalent)")
                    .criterion("merge-deploy.L2.02", MERGE_DEPLOY, 2, "Auto-rebase is enabled for PRs targeting main branch")
                    .criterion("merge-deploy.L2.03", MERGE_DEPLOY, 2, "CD pipeline includes at least one gate (tests pass, "
                            + "security scan, approval)")
                    .criterion("merge-deploy.L2.04", MERGE_DEPLOY, 2, "Merge conflicts are detected and flagged before "
                            + "review is requested")
                    .criterion("merge-deploy.L2.05", MERGE_DEPLOY, 2, "Deploy frequency is at least daily",
                            rule(MetricKeys.DEPLOY_FREQUENCY_PER_WEEK, AT_LEAST, Integer.toString(DAILY_DEPLOYS_PER_WEEK),
                                    Unit.PER_WEEK))
                    .criterion("merge-deploy.L3.01", MERGE_DEPLOY, 3, "Policy-based merge rules are enforced (OPA, branch "
                            + "protection, or equivalent)")
                    .criterion("merge-deploy.L3.02", MERGE_DEPLOY, 3, "Deterministic merge ordering with conflict detection "
                            + "prevents concurrent merge failures")
                    .criterion("merge-deploy.L3.03", MERGE_DEPLOY, 3, "PRs require a maximum of 2 CI rounds before merge "
                            + "(Stripe benchmark)", rule(MetricKeys.CI_ROUNDS_PER_PR, AT_MOST, "2", Unit.COUNT))
                    .criterion("merge-deploy.L3.04", MERGE_DEPLOY, 3, "Merge rules are versioned as code and reviewed when "
                            + "changed")
                    .criterion("merge-deploy.L3.05", MERGE_DEPLOY, 3, "PRs exceeding 2 CI rounds are flagged for "
                            + "investigation")
                    .criterion("merge-deploy.L4.01", MERGE_DEPLOY, 4, "Green-classified PRs auto-merge and auto-deploy "
                            + "without human intervention")
                    .criterion("merge-deploy.L4.02", MERGE_DEPLOY, 4, "Team throughput exceeds 50 PRs per day",
                            rule(MetricKeys.PR_THROUGHPUT_PER_DAY, GREATER_THAN, "50", Unit.PER_DAY))
                    .criterion("merge-deploy.L4.03", MERGE_DEPLOY, 4, "Canary or progressive deployment is automated (no "
                            + "manual rollout decisions)")
                    .criterion("merge-deploy.L4.04", MERGE_DEPLOY, 4, "Auto-deploy includes automated rollback on error "
                            + "rate threshold breach")
                    .criterion("merge-deploy.L4.05", MERGE_DEPLOY, 4, "Merge queue wait time is under 10 minutes",
                            rule(MetricKeys.MERGE_QUEUE_WAIT_P50, LESS_THAN, "600", s))
                    .criterion("merge-deploy.L5.01", MERGE_DEPLOY, 5, "Merge throughput sustains 1,000+ merges per week",
                            rule(MetricKeys.MERGES_PER_WEEK, AT_LEAST, "1000", Unit.PER_WEEK))
                    .criterion("merge-deploy.L5.02", MERGE_DEPLOY, 5, "Full autonomous pipeline: agent produces PR, CI "
                            + "passes, merge, deploy, observe - no human in the loop")
                    .criterion("merge-deploy.L5.03", MERGE_DEPLOY, 5, "Rollback is agent-driven (agent detects regression, "
                            + "reverts, and opens fix PR)")
                    .criterion("merge-deploy.L5.04", MERGE_DEPLOY, 5, "Mean time to rollback is under 5 minutes from "
                            + "anomaly detection", rule(MetricKeys.ROLLBACK_MEAN_TIME, LESS_THAN, "300", s))
                    .criterion("merge-deploy.L5.05", MERGE_DEPLOY, 5, "Agent-driven rollbacks succeed without human "
                            + "intervention 95%+ of the time",
                            rule(MetricKeys.ROLLBACK_SUCCESS_RATE, AT_LEAST, "0.95", Unit.RATIO))
                    // Metrics
                    .criterion("metrics.L1.01", METRICS, 1, "Delivery is tracked with at least basic metrics")
                    .criterion("metrics.L1.02", METRICS, 1, "Standard delivery metrics are in place (AI-specific metrics "
                            + "come later)")
                    .criterion("metrics.L1.03", METRICS, 1, "Team acknowledges the need for AI-specific metrics beyond "
                            + "traditional DORA")
                    .criterion("metrics.L1.04", METRICS, 1, "Basic deployment frequency is at least known (even if not "
                            + "dashboarded)")
                    .criterion("metrics.L2.01", METRICS, 2, "DORA metrics are tracked consistently with a dashboard")
                    .criterion("metrics.L2.02", METRICS, 2, "AI tool license count vs. active usage rate is measured")
                    .criterion("metrics.L2.03", METRICS, 2, "PR throughput per developer is tracked")
                    .criterion("metrics.L2.04", METRICS, 2, "AI acceptance rate (% of AI suggestions accepted) is measured "
                            + "per tool")
                    .criterion("metrics.L2.05", METRICS, 2, "Metrics are reviewed in team retrospectives at least monthly")
                    .criterion("metrics.L3.01", METRICS, 3, "ITS (Iterations-to-Success) is tracked with a target of 1-3",
                            Threshold.between(MetricKeys.ITS_MEAN, "1", "3", Unit.COUNT))
                    .criterion("metrics.L3.02", METRICS, 3, "CPI (Cost-per-Iteration) is tracked with a target under $0.50",
                            rule(MetricKeys.COST_PER_ITERATION, LESS_THAN, "0.50", Unit.USD))
                    .criterion("metrics.L3.03", METRICS, 3, "CI feedback latency is tracked as a metric (time from push to "
                            + "CI result)")
                    .criterion("metrics.L3.04", METRICS, 3, "Metrics are broken down per team and per repository")
                    .criterion("metrics.L3.05", METRICS, 3, "Cost tracking includes model API costs, CI compute costs, and "
                            + "runner costs per iteration")
                    .criterion("metrics.L4.01", METRICS, 4, "Test-oracle reliability is measured and tracked on a dashboard")
                    .criterion("metrics.L4.02", METRICS, 4, "Auto-approve rate (% of PRs auto-merged as Green) is tracked "
                            + "with a target above 60%",
                            rule(MetricKeys.REVIEW_AUTO_APPROVE_RATE, GREATER_THAN, "0.60", Unit.RATIO))
                    .criterion("metrics.L4.03", METRICS, 4, "Merge queue wait time is tracked with a target under 10 minutes",
                            rule(MetricKeys.MERGE_QUEUE_WAIT_P50, LESS_THAN, "600", s))
                    .criterion("metrics.L4.04", METRICS, 4, "Agent Autonomy Score (% of tasks completed without human "
                            + "intervention) is measured and broken down by task type")
                    .criterion("metrics.L4.05", METRICS, 4, "Metrics trigger automated alerts when thresholds are breached "
                            + "(e.g., test-oracle reliability drops)")
                    .criterion("metrics.L5.01", METRICS, 5, "Cost-per-feature is tracked (not cost-per-PR) - aggregating all "
                            + "agent, CI, and review costs per delivered feature")
                    .criterion("metrics.L5.02", METRICS, 5, "Business value throughput is the primary metric (features "
                            + "delivered per week, not PRs merged per week)")
                    .criterion("metrics.L5.03", METRICS, 5, "Metrics system auto-detects vanity metrics (high activity, low "
                            + "value delivery) and flags them")
                    .criterion("metrics.L5.04", METRICS, 5, "Cost-per-feature trend is declining quarter-over-quarter",
                            rule(MetricKeys.COST_PER_FEATURE_QOQ_CHANGE, LESS_THAN, "0", Unit.RATIO))
                    // Governance & Compliance
                    .criterion("governance.L1.01", GOVERNANCE, 1, "The team knows which AI tools are in use")
                    .criterion("governance.L1.02", GOVERNANCE, 1, "AI-generated code follows the normal review and merge "
                            + "process")
                    .criterion("governance.L1.03", GOVERNANCE, 1, "Team is aware of shadow AI usage (developers using "
                            + "private subscriptions)")
                    .criterion("governance.L1.04", GOVERNANCE, 1, "Organization has moved past \"ban AI\" as a policy "
                            + "position")
                    .criterion("governance.L2.01", GOVERNANCE, 2, "Official AI tool policy exists and is communicated to all "
                            + "developers")
                    .criterion("governance.L2.02", GOVERNANCE, 2, "Basic audit tracking is in place (which developers use "
                            + "which AI tools)")
                    .criterion("governance.L2.03", GOVERNANCE, 2, "EU AI Act awareness training or briefing has been "
                            + "conducted")
                    .criterion("governance.L2.04", GOVERNANCE, 2, "AI tool policy is reviewed at least annually")
                    .criterion("governance.L2.05", GOVERNANCE, 2, "Approved tool list is maintained and accessible")
                    .criterion("governance.L3.01", GOVERNANCE, 3, "Minimum viable audit trail is captured per AI-assisted "
                            + "change: model identifier, timestamp, context description, human approver")
                    .criterion("governance.L3.02", GOVERNANCE, 3, "Policy-as-code enforces compliance rules in CI (OPA or "
                            + "equivalent)")
                    .criterion("governance.L3.03", GOVERNANCE, 3, "Compliance gates run on every PR to in-scope "
                            + "repositories")
                    .criterion("governance.L3.04", GOVERNANCE, 3, "Audit trail fields are validated by CI (missing fields "
                            + "fail the build)")
                    .criterion("governance.L3.05", GOVERNANCE, 3, "Policy exceptions are logged and require follow-up "
                            + "within 48 hours")
                    .criterion("governance.L4.01", GOVERNANCE, 4, "Full provenance tracking per change: model version, "
                            + "prompt context, agent session ID, iteration count")
                    .criterion("governance.L4.02", GOVERNANCE, 4, "Automated compliance checks run without manual "
                            + "intervention on every merge")
                    .criterion("governance.L4.03", GOVERNANCE, 4, "AI-generated code is distinguishable from human-written "
                            + "code in version control (metadata, labels, or attribution)")
                    .criterion("governance.L4.04", GOVERNANCE, 4, "Provenance data is queryable (e.g., \"show all changes "
                            + "made by model X in the last 30 days\")")
                    .criterion("governance.L4.05", GOVERNANCE, 4, "Compliance check results are aggregated into a "
                            + "governance dashboard")
                    .criterion("governance.L5.01", GOVERNANCE, 5, "Continuous compliance: agent monitors regulatory changes "
                            + "(EU AI Act updates, SOC2 changes) and proposes policy updates")
                    .criterion("governance.L5.02", GOVERNANCE, 5, "Audit trail is self-documenting (agent decisions include "
                            + "reasoning, not just outcomes)")
                    .criterion("governance.L5.03", GOVERNANCE, 5, "Enterprise-grade RBAC is enforced per agent (Stripe "
                            + "Toolshed model: each agent has scoped permissions for specific tools and repositories)")
                    .criterion("governance.L5.04", GOVERNANCE, 5, "Policy update proposals from compliance agent are "
                            + "auto-tested against existing codebase before rollout")
                    .criterion("governance.L5.05", GOVERNANCE, 5, "Agent RBAC permissions are audited automatically for "
                            + "least-privilege compliance")
                    .build();
        }
    }

    /**
     * The five-level delivery maturity model ({@code delivery-5-level}): one dimension,
     * {@code delivery}, on the ladder Manual Delivery, Automated Build/Test, Continuous Delivery,
     * Continuous Deployment, DevOps Excellence. Each level's four characteristics are its criteria
     * ({@code delivery.L1.01} .. {@code delivery.L5.04}), worded as the characteristic followed by
     * what it asks for. The model's advice, "identify current level and target level; focus
     * improvement efforts on one level at a time", is how gaps and plans work for every model: the
     * target is the next level and the plan lists only its criteria.
     *
     * <p>Immutable and thread safe; the definition is built once.
     */
    public static final class DeliveryFiveLevelModel implements MaturityModel {

        /** The model id. */
        public static final String ID = "delivery-5-level";
        /** The single dimension. */
        public static final String DELIVERY = "delivery";

        private static final Definition DEFINITION = build();

        /** The built-in model; public for {@link java.util.ServiceLoader}. */
        public DeliveryFiveLevelModel() {}

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Definition definition() {
            return DEFINITION;
        }

        private static Definition build() {
            String d = DELIVERY;
            return Definition.builder(ID, "Delivery Maturity (5 levels)")
                    .description("The team's delivery pipeline against five maturity levels. Identify current level and "
                            + "target level; focus improvement efforts on one level at a time.")
                    .level(1, "Manual Delivery", "Manual builds, manual testing, manual deploys, reactive monitoring")
                    .level(2, "Automated Build/Test", "CI pipeline, automated unit tests, manual deploys, basic monitoring")
                    .level(3, "Continuous Delivery", "Full CI/CD, automated testing, push-button deploys, comprehensive "
                            + "monitoring")
                    .level(4, "Continuous Deployment", "Automated deploys, feature flags, canary releases, self-healing "
                            + "systems")
                    .level(5, "DevOps Excellence", "Zero-downtime deploys, automated rollbacks, chaos engineering, full "
                            + "observability")
                    .dimension(d, "Delivery pipeline", "Build, test, deploy and monitoring practice of the delivery "
                            + "pipeline.")
                    .criterion("delivery.L1.01", d, 1, "Manual builds: the software is built, by hand at least")
                    .criterion("delivery.L1.02", d, 1, "Manual testing: changes are tested before release, by hand at least")
                    .criterion("delivery.L1.03", d, 1, "Manual deploys: releases reach production, by hand at least")
                    .criterion("delivery.L1.04", d, 1, "Reactive monitoring: production problems are noticed and acted on, "
                            + "at least after they happen")
                    .criterion("delivery.L2.01", d, 2, "CI pipeline: every change is built by a CI pipeline")
                    .criterion("delivery.L2.02", d, 2, "Automated unit tests: unit tests run automatically in CI")
                    .criterion("delivery.L2.03", d, 2, "Manual deploys: deploys follow a repeatable, documented manual "
                            + "procedure")
                    .criterion("delivery.L2.04", d, 2, "Basic monitoring: basic health and error monitoring is in place")
                    .criterion("delivery.L3.01", d, 3, "Full CI/CD: every change flows through one CI/CD pipeline to a "
                            + "deployable artifact")
                    .criterion("delivery.L3.02", d, 3, "Automated testing: automated tests beyond unit tests (integration, "
                            + "end-to-end) gate releases")
                    .criterion("delivery.L3.03", d, 3, "Push-button deploys: any release deploys to production with one "
                            + "action")
                    .criterion("delivery.L3.04", d, 3, "Comprehensive monitoring: services, infrastructure and key user "
                            + "journeys are monitored with alerts")
                    .criterion("delivery.L4.01", d, 4, "Automated deploys: changes that pass the pipeline deploy to "
                            + "production without a manual step")
                    .criterion("delivery.L4.02", d, 4, "Feature flags: features are released and rolled back with flags, "
                            + "independently of deploys")
                    .criterion("delivery.L4.03", d, 4, "Canary releases: new versions reach a subset of traffic first, "
                            + "with automated checks")
                    .criterion("delivery.L4.04", d, 4, "Self-healing systems: failed instances are detected and replaced "
                            + "or restarted automatically")
                    .criterion("delivery.L5.01", d, 5, "Zero-downtime deploys: deploys cause no user-visible downtime")
                    .criterion("delivery.L5.02", d, 5, "Automated rollbacks: a failing release is rolled back "
                            + "automatically")
                    .criterion("delivery.L5.03", d, 5, "Chaos engineering: failures are injected regularly to verify "
                            + "resilience")
                    .criterion("delivery.L5.04", d, 5, "Full observability: metrics, logs and traces explain any "
                            + "production behaviour")
                    .build();
        }
    }
}
