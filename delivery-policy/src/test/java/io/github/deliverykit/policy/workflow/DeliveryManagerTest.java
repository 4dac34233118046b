package io.github.deliverykit.policy.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.policy.budget.DeployFreezeConfig;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.RolloutPlan;
import io.github.deliverykit.policy.change.ChangeApproval;
import io.github.deliverykit.policy.change.ChangeRequest;
import io.github.deliverykit.policy.change.ChangeApprovalConfig;
import io.github.deliverykit.policy.incident.IncidentSlaConfig;
import io.github.deliverykit.policy.maturity.MaturityAssessmentConfig;
import io.github.deliverykit.policy.release.ReadinessDecision;
import io.github.deliverykit.policy.release.Release;
import io.github.deliverykit.policy.release.ReleaseEvidence;
import io.github.deliverykit.policy.release.ReleaseReadinessConfig;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.StrategySelectionConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

final class DeliveryManagerTest {

    static final Instant NOW = Instant.parse("2024-01-18T08:40:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static void assertInvalid(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void config_defaultsAreTheSeedDefaultsOfEveryStep() {
        DeliveryManagerConfig c = DeliveryManagerConfig.ofDefaults();
        assertSame(DeliveryManagerConfig.DEFAULT_MATURITY, c.maturity());
        assertSame(DeliveryManagerConfig.DEFAULT_STRATEGY, c.strategy());
        assertSame(DeliveryManagerConfig.DEFAULT_READINESS, c.readiness());
        assertSame(DeliveryManagerConfig.DEFAULT_CANARY, c.canary());
        assertSame(DeliveryManagerConfig.DEFAULT_INCIDENTS, c.incidents());
        assertSame(DeliveryManagerConfig.DEFAULT_FREEZE, c.freeze());
        assertSame(DeliveryManagerConfig.DEFAULT_CHANGES, c.changes());
        assertEquals(c, DeliveryManagerConfig.custom().build());
        assertEquals(c.hashCode(), DeliveryManagerConfig.custom().build().hashCode());
        assertTrue(c.toString().startsWith("DeliveryManagerConfig[maturity="), c.toString());
    }

    @Test
    void config_customAndFrom_copyEveryStep() {
        CanaryAnalysisConfig canary = CanaryAnalysisConfig.custom().maxBudgetBurn(0.02).build();
        DeployFreezeConfig freeze = DeployFreezeConfig.ofDefaults();
        ChangeApprovalConfig changes = ChangeApprovalConfig.ofDefaults();
        IncidentSlaConfig incidents = IncidentSlaConfig.ofDefaults();
        MaturityAssessmentConfig maturity = MaturityAssessmentConfig.ofDefaults();
        ReleaseReadinessConfig readiness = ReleaseReadinessConfig.ofDefaults();
        StrategySelectionConfig strategy = StrategySelectionConfig.ofDefaults();
        DeliveryManagerConfig c = DeliveryManagerConfig.custom().canary(canary).freeze(freeze).changes(changes)
                .incidents(incidents).maturity(maturity).readiness(readiness).strategy(strategy).build();
        assertSame(canary, c.canary());
        DeliveryManagerConfig copy = DeliveryManagerConfig.from(c).build();
        assertEquals(c, copy);
        assertSame(canary, copy.canary());
        assertNotEquals(DeliveryManagerConfig.ofDefaults(), c);
        assertNotEquals(c, "config");
        assertSame(canary, DeliveryManager.of(c).canary().config());
    }

    @Test
    void config_nullSetting_namesTheStep() {
        DeliveryManagerConfig.Builder b = DeliveryManagerConfig.custom();
        assertInvalid("maturity", () -> b.maturity(null));
        assertInvalid("strategy", () -> b.strategy(null));
        assertInvalid("readiness", () -> b.readiness(null));
        assertInvalid("canary", () -> b.canary(null));
        assertInvalid("incidents", () -> b.incidents(null));
        assertInvalid("freeze", () -> b.freeze(null));
        assertInvalid("changes", () -> b.changes(null));
        assertInvalid("base", () -> DeliveryManagerConfig.from(null));
    }

    @Test
    void loaders_buildEveryEngineOnce() {
        DeliveryManagerConfig c = DeliveryManagerConfig.ofDefaults();
        for (DeliveryManager m : List.of(DeliveryManager.ofDefaults(), DeliveryManager.load(c),
                DeliveryManager.load(c, DeliveryManagerTest.class.getClassLoader()), DeliveryManager.loadLenient(c))) {
            assertSame(c, m.config());
            assertSame(m.canary(), m.canary());
            assertTrue(m.changes().ruleIds().contains("risk"), m.changes().ruleIds().toString());
            assertEquals("burn-rate", m.freeze().policy().id());
            assertEquals(c.strategy(), m.strategySelection().config());
            assertEquals(c.readiness(), m.readiness().config());
            assertEquals(c.incidents(), m.incidents().config());
            assertEquals(c.maturity(), m.maturity().config());
        }
        // on the class path the boot layer holds no providers: the seed table is missing, said by id
        assertInvalid("seed", () -> DeliveryManager.load(c, ModuleLayer.boot()));
    }

    @Test
    void loaders_nullArguments_namedInTheError() {
        DeliveryManagerConfig c = DeliveryManagerConfig.ofDefaults();
        assertInvalid("config", () -> DeliveryManager.of(null));
        assertInvalid("config", () -> DeliveryManager.load(null));
        assertInvalid("config", () -> DeliveryManager.load(null, ModuleLayer.boot()));
        assertInvalid("config", () -> DeliveryManager.load(null, getClass().getClassLoader()));
        assertInvalid("config", () -> DeliveryManager.loadLenient(null));
        assertInvalid("classLoader", () -> DeliveryManager.load(c, (ClassLoader) null));
        assertInvalid("layer", () -> DeliveryManager.load(c, (ModuleLayer) null));
    }

    @Test
    void steps_nullArguments_areIllegalArgumentsNotNullPointers() {
        DeliveryManager m = DeliveryManager.ofDefaults();
        Release release = Release.of("v2.5.0", "v2.4.3", LocalDate.of(2024, 1, 25));
        assertInvalid("release", () -> m.selectStrategy(null, DeploymentConstraints.builder().build(), CLOCK));
        assertInvalid("constraints", () -> m.selectStrategy(release, null, CLOCK));
        assertInvalid("strategy", () -> m.planRelease(release, ReleaseEvidence.builder().build(), null, CLOCK));
        assertInvalid("release", () -> m.deploy(null, null, CLOCK));
        assertInvalid("rollout", () -> m.judge(null, List.of(), null, CLOCK));
        assertInvalid("rollout", () -> m.finish(null, target(), CLOCK));
        assertInvalid("timeline", () -> m.manageIncident(null, CLOCK));
        assertInvalid("request", () -> m.evaluateChange((ChangeRequest) null, null, CLOCK));
        assertInvalid("input", () -> m.evaluateChange((ChangeApproval.Input) null, null, CLOCK));
        ReadinessDecision readiness = m.planRelease(release, ReleaseEvidence.builder().build(),
                m.selectStrategy(release, DeploymentConstraints.builder().build(), CLOCK), CLOCK);
        assertInvalid("clock", () -> m.deploy(readiness, null, null));
    }

    private static RolloutOutcome.Target target() {
        return new RolloutOutcome.Target("d-1", "portal", "production", "v2.5.0", List.of());
    }

    @Test
    void target_andOutcome_validateTheirFields() {
        assertInvalid("deploymentId", () -> new RolloutOutcome.Target(" ", "portal", "production", "v1", List.of()));
        assertInvalid("service", () -> new RolloutOutcome.Target("d", null, "production", "v1", List.of()));
        assertInvalid("environment", () -> new RolloutOutcome.Target("d", "portal", "", "v1", List.of()));
        assertInvalid("version", () -> new RolloutOutcome.Target("d", "portal", "production", null, List.of()));
        assertInvalid("commits", () -> new RolloutOutcome.Target("d", "portal", "production", "v1", null));
        Deployment ok = new Deployment("d", "portal", "production", "v1", NOW, NOW.plus(Duration.ofMinutes(1)),
                DeploymentOutcome.SUCCESS, List.of(), null);
        assertInvalid("deployment", () -> new RolloutOutcome(null, null, Findings.none()));
        assertInvalid("findings", () -> new RolloutOutcome(ok, null, null));
        RolloutOutcome outcome = new RolloutOutcome(ok, null, Findings.none());
        assertEquals(DeploymentOutcome.SUCCESS, outcome.verdict());
        assertEquals(DeploymentOutcome.SUCCESS, outcome.toDecision().verdict());
    }

    @Test
    void deployDecision_rolloutPresentExactlyWhenStarted() {
        DeliveryManager m = DeliveryManager.ofDefaults();
        Release release = Release.of("v2.5.0", "v2.4.3", LocalDate.of(2024, 1, 25));
        ReadinessDecision readiness = m.planRelease(release, ReleaseEvidence.builder().build(),
                m.selectStrategy(release, DeploymentConstraints.builder().build(), CLOCK), CLOCK);
        RolloutPlan plan = RolloutPlan.of(readiness.strategy());
        assertInvalid("rollout", () -> new DeployDecision(DeployDecision.Verdict.STARTED, Findings.none(), readiness,
                null, plan, null));
        assertInvalid("verdict", () -> new DeployDecision(null, Findings.none(), readiness, null, plan, null));
        assertInvalid("plan", () -> new DeployDecision(DeployDecision.Verdict.BLOCKED, Findings.none(), readiness,
                null, null, null));
        DeployDecision blocked = new DeployDecision(DeployDecision.Verdict.BLOCKED, Findings.none(), readiness, null,
                plan, null);
        assertTrue(blocked.startedRollout().isEmpty());
    }
}
