package io.github.deliverykit.policy.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.Providers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import io.github.deliverykit.policy.strategy.DeploymentStrategy;
import io.github.deliverykit.policy.strategy.StrategyInput;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.StrategyRecommendation;
import io.github.deliverykit.policy.strategy.StrategySelection;
import io.github.deliverykit.policy.strategy.StrategyInput.ReleaseType;

final class ReleaseReadinessTest {

    static final LocalDate TARGET = LocalDate.of(2024, 1, 25);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-20T09:00:00Z"), ZoneOffset.UTC);

    /** The seed's evidence for v2.5.0: six PASS and the documentation WARN. */
    static ReleaseEvidence.Builder seedEvidence() {
        return ReleaseEvidence.builder()
                .openBugs(0, 0)
                .p99Latency(Duration.ofMillis(320))
                .securityScan(0, 0)
                .loadTestPeakMultiple(2.0)
                .uatSignOff(LocalDate.of(2024, 1, 23))
                .documentation(true, 2)
                .runbookReviewed(true);
    }

    @Test
    void evaluate_seedExample_conditionalGoListingDocumentation() {
        Release release = Release.of("v2.5.0", "v2.4.3", TARGET);
        ReadinessDecision r = ReleaseReadiness.ofDefaults().evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().build()), CLOCK);
        assertEquals(ReleaseType.MINOR, r.type());
        assertEquals(Recommendation.CONDITIONAL_GO, r.recommendation());
        assertEquals(List.of("Complete documentation review before T-0"), r.conditions());
        assertEquals(6, r.exitCriteria().withLevel(Level.PASS).size());
        assertEquals(List.of("documentation"), r.exitCriteria().withLevel(Level.WARN).codes());
        Finding perf = r.findings().find("performance").orElseThrow();
        assertEquals(Duration.ofMillis(320), perf.fact("p99"));
        assertEquals(Duration.ofMillis(500), perf.fact("target"));
        assertNull(r.recommendedDate());
        assertEquals("Release Readiness: v2.5.0\n"
                + "Type: Minor Release (new features)\n"
                + "Target Date: January 25, 2024\n"
                + "Exit Criteria:\n"
                + "[PASS] All P1/P2 bugs resolved (0 open)\n"
                + "[PASS] Performance benchmarks met (P99: 320ms < 500ms target)\n"
                + "[PASS] Security scan passed (0 critical, 0 high)\n"
                + "[PASS] Load testing complete (sustained 2x peak traffic)\n"
                + "[PASS] UAT sign-off received (Jan 23)\n"
                + "[WARN] Documentation: 2 pages pending review\n"
                + "[PASS] Runbook reviewed and updated\n"
                + "Recommendation: CONDITIONAL GO\n"
                + "- Complete documentation review before T-0\n"
                + "- Deployment strategy: Blue-green (recommended for this release size)\n"
                + "- Rollback plan: Instant switch to blue environment\n"
                + "- Monitoring period: 24 hours post-deploy\n"
                + "Communication Plan:\n"
                + "- T-7 (January 18, 2024): scope finalized\n"
                + "- T-1 (January 24, 2024): go/no-go\n"
                + "- T-0 (January 25, 2024): release notes\n"
                + "- T+1 (January 26, 2024): customer notification\n", r.toText());
        assertEquals(Recommendation.CONDITIONAL_GO, r.toDecision().verdict());
    }

    @ParameterizedTest
    @CsvSource({"v2.4.0", "v2.4.3", "2.4.19", "v2.4.99+build.5"})
    void type_v250AfterAny24x_isMinor(String previous) {
        assertEquals(ReleaseType.MINOR, Release.of("v2.5.0", previous, TARGET).type());
    }

    @ParameterizedTest
    @CsvSource({
        "3.0.0, 2.9.9, MAJOR",
        "2.4.4, 2.4.3, PATCH",
        "2.6.1, 2.4.3, MINOR",
        "2.5.0-rc.1, 2.4.3, PRE_RELEASE",
        "2.5.0, 2.5.0-rc.2, MINOR",
        "2.5.1, 2.5.1-rc.2, PATCH",
        "3.0.0, 3.0.0-beta, MAJOR",
        "2.5.0, 2.4.0-rc.1, MINOR",
        "2.5.3, 2.4.9-rc.1, MINOR",
    })
    void type_fromVersions(String version, String previous, ReleaseType expected) {
        assertEquals(expected, Release.of(version, previous, TARGET).type());
    }

    @ParameterizedTest
    @CsvSource({"1.0.0, MAJOR", "0.3.0, MINOR", "0.3.2, PATCH", "1.0.0-alpha, PRE_RELEASE"})
    void type_firstRelease_fromVersionAlone(String version, ReleaseType expected) {
        assertEquals(expected, Release.of(version, null, TARGET).type());
    }

    @ParameterizedTest
    @CsvSource({"2.4.3, 2.4.3", "2.4.2, 2.4.3", "2.5.0-rc.1, 2.5.0", "2.5.0+b2, 2.5.0+b1"})
    void release_versionNotAfterPrevious_isRejected(String version, String previous) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Release.of(version, previous, TARGET));
        assertTrue(e.getMessage().startsWith("version must be after previousVersion"), e.getMessage());
    }

    @Test
    void semanticVersion_precedenceFollowsSemver() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            SemanticVersion a = SemanticVersion.parse(ordered.get(i));
            SemanticVersion b = SemanticVersion.parse(ordered.get(i + 1));
            assertTrue(a.compareTo(b) < 0, a + " < " + b);
            assertTrue(b.compareTo(a) > 0, b + " > " + a);
        }
        SemanticVersion v = SemanticVersion.parse(" v1.2.3-rc.1+sha.5 ");
        assertEquals(new SemanticVersion(1, 2, 3, "rc.1", "sha.5"), v);
        assertEquals("1.2.3-rc.1+sha.5", v.toString());
        assertTrue(v.isPreRelease());
        assertEquals(0, SemanticVersion.parse("1.2.3+a").compareTo(SemanticVersion.parse("1.2.3+b")));
    }

    @ParameterizedTest
    @CsvSource({"2.5", "2.5.0.1", "02.5.0", "v", "2.5.0-", "2.5.0-a..b", "x2.5.0", "99999999999999999999.0.0"})
    void semanticVersion_badText_isRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> SemanticVersion.parse(text));
    }

    @Test
    void evaluate_allPass_isGo() {
        ReadinessDecision r = ReleaseReadiness.ofDefaults().evaluate(
                ReleaseReadiness.Input.of(Release.of("v2.5.1", "v2.5.0", TARGET), seedEvidence().documentation(true, 0).build()), CLOCK);
        assertEquals(Recommendation.GO, r.recommendation());
        assertEquals(ReleaseType.PATCH, r.type());
        assertEquals(List.of(), r.conditions());
        assertEquals("[PASS] Documentation updated", "[PASS] " + r.findings().find("documentation")
                .orElseThrow().message());
    }

    @Test
    void evaluate_failure_isNoGoWithRiskAssessmentAndDelay() {
        ReleaseEvidence evidence = seedEvidence().openBugs(1, 2).p99Latency(Duration.ofMillis(500)).build();
        ReadinessDecision r = ReleaseReadiness.ofDefaults().evaluate(
                ReleaseReadiness.Input.of(Release.of("v2.5.0", "v2.4.3", TARGET), evidence), CLOCK);
        assertEquals(Recommendation.NO_GO, r.recommendation());
        assertEquals("P1/P2 bugs unresolved (1 P1, 2 P2 open)", r.findings().find("bugs").orElseThrow().message());
        assertEquals("Performance benchmarks not met (P99: 500ms >= 500ms target)",
                r.findings().find("performance").orElseThrow().message());
        Finding risk = r.findings().find("release.risk_assessment").orElseThrow();
        assertEquals(Level.FAIL, risk.level());
        assertEquals(List.of("bugs", "performance"), risk.fact("failed"));
        assertEquals(1, risk.fact("warnings"));
        Finding delay = r.findings().find("release.delay_recommended").orElseThrow();
        assertEquals(LocalDate.of(2024, 2, 1), delay.fact("recommended_date"));
        assertEquals("Delay the release to 2024-02-01 unless every unmet criterion is resolved by the go/no-go on "
                + "2024-01-24", delay.message());
        assertEquals(LocalDate.of(2024, 2, 1), r.recommendedDate());
        assertEquals(List.of(), r.conditions());
        assertTrue(r.toText().contains("Recommendation: NO-GO\n- Recommended new target date: February 1, 2024\n"),
                r.toText());
        assertTrue(r.toText().contains("[FAIL] Risk assessment: 2 unmet exit criteria (bugs, performance);"));
    }

    @Test
    void evaluate_noEvidence_failsEveryCriterion() {
        ReadinessDecision r = ReleaseReadiness.ofDefaults().evaluate(
                ReleaseReadiness.Input.of(Release.of("1.0.0", null, TARGET), ReleaseEvidence.builder().build()), CLOCK);
        assertEquals(Recommendation.NO_GO, r.recommendation());
        assertEquals(7, r.exitCriteria().withLevel(Level.FAIL).size());
        assertEquals(List.of("P1/P2 bugs: no bug count supplied", "Performance benchmarks: no P99 latency supplied",
                "Security scan: no scan result supplied", "Load testing: no load test result supplied",
                "UAT sign-off not received", "Documentation: no documentation status supplied",
                "Runbook: no review status supplied"),
                r.exitCriteria().list().stream().map(Finding::message).toList());
    }

    @Test
    void evaluate_thresholdEdges() {
        ReleaseReadiness e = ReleaseReadiness.ofDefaults();
        Release release = Release.of("v2.5.0", "v2.4.3", TARGET);
        assertEquals(Level.PASS, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().p99Latency(Duration.ofNanos(499_999_999))
                .build()), CLOCK), "performance"));
        assertEquals("Performance benchmarks met (P99: 499.999999ms < 500ms target)", e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().p99Latency(Duration.ofNanos(499_999_999)).build()), CLOCK).findings()
                .find("performance").orElseThrow().message());
        assertEquals(Level.FAIL, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().loadTestPeakMultiple(1.99).build()), CLOCK),
                "load-test"));
        assertEquals("Load testing incomplete (sustained 1.99x of 2x peak traffic)", e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().loadTestPeakMultiple(1.99).build()), CLOCK).findings().find("load-test").orElseThrow()
                .message());
        assertEquals(Level.FAIL, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().securityScan(0, 1).build()), CLOCK), "security"));
        assertEquals(Level.FAIL, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().securityScan(1, 0).build()), CLOCK), "security"));
        assertEquals(Level.FAIL, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().openBugs(0, 1).build()), CLOCK), "bugs"));
        assertEquals(Level.FAIL, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().openBugs(1, 0).build()), CLOCK), "bugs"));
        assertEquals(Level.FAIL, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().openBugs(1, 1).build()), CLOCK), "bugs"));
        assertEquals(Level.PASS, level(ReleaseReadiness.of(ReleaseReadinessConfig.custom().maxVulnerabilities(1, 0)
                .build(), List.of()).evaluate(
                        ReleaseReadiness.Input.of(release, seedEvidence().securityScan(1, 0).build()), CLOCK), "security"));
        assertEquals(Level.FAIL, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().documentation(false, 0).build()), CLOCK),
                "documentation"));
        assertEquals(Level.FAIL, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().runbookReviewed(false).build()), CLOCK),
                "runbook"));
        assertEquals(Level.FAIL, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().uatSignOff(TARGET.plusDays(1)).build()), CLOCK),
                "uat"));
        assertEquals(Level.PASS, level(e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().uatSignOff(TARGET).build()), CLOCK), "uat"));
        assertEquals("Documentation: 1 page pending review", e.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().documentation(true, 1)
                .build()), CLOCK).findings().find("documentation").orElseThrow().message());

        ReleaseReadinessConfig lenient = ReleaseReadinessConfig.custom().maxVulnerabilities(0, 2).p99Target(Duration.ofSeconds(1))
                .loadMultiple(1.5).monitoringPeriod(Duration.ofMinutes(90)).noGoDelayDays(14).build();
        ReleaseReadiness l = ReleaseReadiness.of(lenient, List.of());
        ReadinessDecision r = l.evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().securityScan(0, 2).loadTestPeakMultiple(1.5)
                .p99Latency(Duration.ofMillis(999)).openBugs(1, 0).build()), CLOCK);
        assertEquals(List.of("bugs"), r.exitCriteria().withLevel(Level.FAIL).codes());
        assertEquals(TARGET.plusDays(14), r.recommendedDate());
        assertTrue(r.toText().contains("- Monitoring period: 90 minutes post-deploy\n"), r.toText());
    }

    private static Level level(ReadinessDecision r, String code) {
        return r.findings().find(code).orElseThrow().level();
    }

    @Test
    void evaluate_strategySeam_usesGivenStrategy() {
        StrategyRecommendation canary = StrategySelection.ofDefaults().evaluate(StrategyInput.of(
                DeploymentConstraints.builder().traffic(DeploymentConstraints.TrafficVolume.HIGH).build()), CLOCK);
        assertEquals(java.util.Optional.of(DeploymentStrategy.CANARY), canary.recommended());
        ReadinessDecision r = ReleaseReadiness.ofDefaults().evaluate(ReleaseReadiness.Input.of(
                Release.of("v2.5.0", "v2.4.3", TARGET), seedEvidence().build()).with(canary), CLOCK);
        assertTrue(r.toText().contains("- Deployment strategy: Canary\n- Rollback plan: Stop traffic shift and route "
                + "back to v2.4.3\n"), r.toText());
        assertSame(canary, r.strategy());
        assertTrue(r.findings().find("release.strategy.given").isPresent());
        // without a recommendation readiness computes one from the release and says so
        ReadinessDecision computed = ReleaseReadiness.ofDefaults().evaluate(ReleaseReadiness.Input.of(
                Release.of("v2.5.0", "v2.4.3", TARGET), seedEvidence().build()), CLOCK);
        assertEquals(java.util.Optional.of(DeploymentStrategy.BLUE_GREEN), computed.deploymentStrategy());
        assertEquals(ReleaseType.MINOR, computed.strategy().input().releaseType());
        Finding why = computed.findings().find("release.strategy.computed").orElseThrow();
        assertEquals(Level.INFO, why.level());
        assertEquals("No strategy recommendation given: blue-green chosen for this minor release of 0 changes",
                why.message());
        // a hotfix on a platform without 2x capacity goes out rolling
        ReadinessDecision hotfix = ReleaseReadiness.of(ReleaseReadinessConfig.custom()
                .constraints(DeploymentConstraints.builder().build()).build()).evaluate(ReleaseReadiness.Input.of(
                Release.of("v2.4.4+hotfix", "v2.4.3", TARGET), seedEvidence().build()), CLOCK);
        assertEquals(ReleaseType.HOTFIX, hotfix.type());
        assertEquals(java.util.Optional.of(DeploymentStrategy.ROLLING), hotfix.deploymentStrategy());
        assertTrue(hotfix.toText().contains("- Rollback plan: Re-deploy v2.4.3 batch by batch\n"), hotfix.toText());
    }

    @Test
    void evaluate_noFeasibleStrategy_isNoGoAndDeploysNothing() {
        StrategyRecommendation none = StrategySelection.ofDefaults().evaluate(StrategyInput.of(
                DeploymentConstraints.builder().schemaChange(DeploymentConstraints.SchemaChange.BREAKING).build()), CLOCK);
        assertEquals(StrategyRecommendation.Verdict.NONE_FEASIBLE, none.verdict());
        ReadinessDecision r = ReleaseReadiness.ofDefaults().evaluate(ReleaseReadiness.Input.of(
                Release.of("v2.5.0", "v2.4.3", TARGET), seedEvidence().build()).with(none), CLOCK);
        assertEquals(ReadinessDecision.Recommendation.NO_GO, r.verdict());
        assertEquals(java.util.Optional.empty(), r.deploymentStrategy());
        assertEquals(Level.FAIL, level(r, "release.strategy.none_feasible"));
        assertEquals(none.bestScored().id(), r.findings().find("release.strategy.none_feasible").orElseThrow()
                .facts().get("bestScored"));
        assertTrue(r.toText().contains("- Deployment strategy: none feasible\n- Rollback plan: none (no feasible"
                + " deployment strategy)\n"), r.toText());
        var deploy = io.github.deliverykit.policy.workflow.DeliveryManager.ofDefaults().deploy(r, null, CLOCK);
        assertEquals(io.github.deliverykit.policy.workflow.DeployDecision.Verdict.BLOCKED, deploy.verdict());
        assertEquals(java.util.Optional.empty(), deploy.rolloutPlan());
        assertEquals(Level.FAIL, deploy.findings().find("workflow.deploy.no_strategy").orElseThrow().level());
    }

    @Test
    void evaluate_scopeSizeAndMigration_reachTheStrategy() {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            features.add(new Feature("F" + i, Feature.Status.DONE));
        }
        Release big = Release.of("v3.0.0", "v2.4.3", TARGET).withScope(new Release.Scope(features, List.of("BUG-1"),
                List.of(Dependency.of(Dependency.Kind.DB_MIGRATION, "V42__carts"))));
        assertEquals(11, big.size());
        StrategyInput in = big.strategyInput(DeploymentConstraints.builder().build());
        assertEquals(ReleaseType.MAJOR, in.releaseType());
        assertEquals(DeploymentConstraints.SchemaChange.BACKWARD_COMPATIBLE, in.constraints().schemaChange());
        // canary 35 - 5 (schema) + 10 (major) + 10 (large) = 50
        StrategyRecommendation rec = StrategySelection.ofDefaults().evaluate(in, CLOCK);
        assertEquals(java.util.Optional.of(DeploymentStrategy.CANARY), rec.recommended());
        assertEquals(50, rec.ranking().get(0).score());
    }

    @Test
    void evaluate_openScopeFeatures_addCondition() {
        Release release = Release.of("v2.5.0", "v2.4.3", TARGET).withScope(new Release.Scope(
                List.of(new Feature("Saved carts", Feature.Status.DONE), new Feature("Gift cards", Feature.Status.AT_RISK),
                        new Feature("Wishlist", Feature.Status.DEFERRED)),
                List.of("BUG-12"), List.of(Dependency.of(Dependency.Kind.DB_MIGRATION, "V42__carts"))));
        ReadinessDecision r = ReleaseReadiness.ofDefaults().evaluate(
                ReleaseReadiness.Input.of(release, seedEvidence().documentation(true, 0).build()), CLOCK);
        assertEquals(Recommendation.CONDITIONAL_GO, r.recommendation());
        assertEquals(List.of("Finish or defer Gift cards before release"), r.conditions());
        assertEquals("Scope: 1 feature not done (Gift cards)", r.findings().find("release.scope.incomplete").orElseThrow()
                .message());
    }

    @Test
    void load_findsBuiltInsAndTestCriterionInSeedOrder() {
        List<String> expected = new ArrayList<>(ReleaseReadiness.BUILT_IN_IDS);
        expected.add("changelog");
        assertEquals(expected, Providers.load(ExitCriterion.class).ids());
        ReleaseReadiness e = ReleaseReadiness.load(ReleaseReadinessConfig.ofDefaults());
        assertEquals(expected, e.criterionIds());
        ReadinessDecision r = e.evaluate(
                ReleaseReadiness.Input.of(Release.of("v2.5.0", "v2.4.3", TARGET), seedEvidence().build()), CLOCK);
        assertEquals(List.of("Complete documentation review before T-0", "Write the changelog before T-1"),
                r.conditions());
        ReadinessDecision written = e.evaluate(
                ReleaseReadiness.Input.of(Release.of("v2.5.0", "v2.4.3", TARGET), seedEvidence().documentation(true, 0).custom("changelog", true).build()), CLOCK);
        assertEquals(Recommendation.GO, written.recommendation());
    }

    @Test
    void evaluate_disabledCriterion_isVisibleCondition() {
        ReleaseReadinessConfig policy = ReleaseReadinessConfig.custom().disable(ReleaseReadiness.RUNBOOK, "no runbook for libraries")
                .build();
        ReleaseReadiness e = ReleaseReadiness.of(policy, List.of());
        assertFalse(e.criterionIds().contains("runbook"));
        ReadinessDecision r = e.evaluate(
                ReleaseReadiness.Input.of(Release.of("v2.5.0", "v2.4.3", TARGET), seedEvidence().documentation(true, 0).runbookReviewed(false).build()), CLOCK);
        assertEquals(Recommendation.CONDITIONAL_GO, r.recommendation());
        assertEquals(Level.WARN, r.findings().find("release.criterion.disabled").orElseThrow().level());
        assertEquals(List.of("Accept the disabled exit criterion runbook (no runbook for libraries)"), r.conditions());
        assertThrows(IllegalArgumentException.class, () -> ReleaseReadiness.of(
                ReleaseReadinessConfig.custom().disable("nope", "x").build(), List.of()));
    }

    @Test
    void of_criterionClaimingBuiltInIdOrBroken() {
        ExitCriterion impostor = criterion("bugs", result("bugs", Level.PASS, "fine"));
        assertThrows(IllegalStateException.class, () -> ReleaseReadiness.of(ReleaseReadinessConfig.ofDefaults(),
                List.of(impostor)));
        assertThrows(IllegalArgumentException.class, () -> ReleaseReadiness.of(ReleaseReadinessConfig.ofDefaults(),
                List.of(criterion("Bad Id", null))));
        ExitCriterion nulls = criterion("nulls", null);
        ExitCriterion throwing = new ExitCriterion() {
            @Override
            public String id() {
                return "throwing";
            }

            @Override
            public RuleResult<Verdict> evaluate(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig config) {
                throw new ArithmeticException("/ by zero");
            }
        };
        ReadinessDecision r = ReleaseReadiness.of(ReleaseReadinessConfig.ofDefaults(), List.of(throwing, nulls))
                .evaluate(
                        ReleaseReadiness.Input.of(Release.of("v2.5.0", "v2.4.3", TARGET), seedEvidence().documentation(true, 0).build()), CLOCK);
        assertEquals(Recommendation.NO_GO, r.recommendation());
        assertEquals(Level.FAIL, pluginError(r, "throwing").level());
        assertEquals(Level.FAIL, pluginError(r, "nulls").level());
        assertTrue(pluginError(r, "throwing").message().contains("/ by zero"));
    }

    private static Finding pluginError(ReadinessDecision r, String provider) {
        return r.findings().filter(f -> f.code().equals("release.plugin.error") && provider.equals(f.fact("provider")))
                .list().get(0);
    }

    @Test
    void evaluate_customCriterionEmittingABuiltInCode_isRejected() {
        // "spoof" claims to speak for the built-in bugs criterion: its result is replaced by a failure
        ExitCriterion spoof = criterion("spoof", result("bugs", Level.PASS, "All P1/P2 bugs resolved (0 open)"));
        ReadinessDecision r = ReleaseReadiness.of(ReleaseReadinessConfig.ofDefaults(), List.of(spoof))
                .evaluate(ReleaseReadiness.Input.of(Release.of("v2.5.0", "v2.4.3", TARGET),
                        seedEvidence().documentation(true, 0).build()), CLOCK);
        assertEquals(Recommendation.NO_GO, r.recommendation());
        Finding foreign = r.findings().find("release.plugin.foreign_code").orElseThrow();
        assertEquals("spoof", foreign.fact("provider"));
        assertEquals("bugs", foreign.fact("code"));
        assertEquals(1, r.findings().filter(f -> f.code().equals("bugs")).size());
        assertThrows(IllegalArgumentException.class, () -> ReleaseReadiness.of(ReleaseReadinessConfig.ofDefaults(),
                List.of(criterion("release", result("release", Level.PASS, "x")))));
    }

    @Test
    void of_customCriteriaRunByPriorityThenId() {
        ExitCriterion low = criterion("zeta", result("zeta", Level.PASS, "z"));
        ExitCriterion high = new ExitCriterion() {
            @Override
            public String id() {
                return "alpha";
            }

            @Override
            public int priority() {
                return -5;
            }

            @Override
            public RuleResult<Verdict> evaluate(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig config) {
                return result("alpha", Level.PASS, "a");
            }
        };
        List<String> ids = ReleaseReadiness.of(ReleaseReadinessConfig.ofDefaults(), List.of(high, low))
                .criterionIds();
        assertEquals(List.of("zeta", "alpha"), ids.subList(7, 9));
        assertEquals(ReleaseReadiness.BUILT_IN_IDS, ids.subList(0, 7));
    }

    @Test
    void communicationPlan_fromTargetDate() {
        CommunicationPlan plan = CommunicationPlan.forTarget(LocalDate.of(2024, 3, 1));
        assertEquals(LocalDate.of(2024, 2, 23), plan.get("T-7").date());
        assertEquals(LocalDate.of(2024, 2, 29), plan.get("T-1").date());
        assertEquals(LocalDate.of(2024, 3, 2), plan.get("T+1").date());
        assertEquals(List.of(-7, -1, 0, 1), plan.milestones().stream().map(Milestone::offsetDays).toList());
        assertThrows(IllegalArgumentException.class, () -> plan.get("T-3"));
    }

    @Test
    void criterionVerdict_defaultConditionAndValidation() {
        assertEquals("Resolve before T-0: x", new Verdict(Level.WARN, null).conditionOrDefault("x"));
        assertThrows(IllegalArgumentException.class, () -> new Verdict(Level.INFO, null));
        assertThrows(IllegalArgumentException.class, () -> new Verdict(Level.WARN, " "));
    }

    static ExitCriterion criterion(String id, RuleResult<Verdict> result) {
        return new ExitCriterion() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public RuleResult<Verdict> evaluate(Release release, ReleaseEvidence evidence,
                    ReleaseReadinessConfig config) {
                return result;
            }
        };
    }

    static RuleResult<Verdict> result(String code, Level level, String message) {
        Verdict v = level == Level.WARN ? new Verdict(Level.WARN, null) : new Verdict(level, null);
        return RuleResult.of(v, Finding.of(code, level, message, Facts.none()));
    }
}
