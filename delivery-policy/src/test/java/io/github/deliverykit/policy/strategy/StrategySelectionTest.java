package io.github.deliverykit.policy.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Decision;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints.SchemaChange;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints.TrafficVolume;
import io.github.deliverykit.policy.strategy.StrategyInput.ReleaseType;
import io.github.deliverykit.policy.strategy.StrategyRecommendation.RankedStrategy;
import io.github.deliverykit.policy.strategy.DeploymentStrategy.RiskLevel;
import io.github.deliverykit.policy.strategy.DeploymentStrategy.RollbackSpeed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import io.github.deliverykit.policy.canary.RolloutPlan;
import io.github.deliverykit.core.finding.Finding;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

final class StrategySelectionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-25T10:00:00Z"), ZoneOffset.UTC);

    private static StrategyRecommendation recommend(DeploymentConstraints c) {
        return StrategySelection.ofDefaults().evaluate(StrategyInput.of(c), CLOCK);
    }

    @Test
    void seedTable_rollbackSpeedAndRisk() {
        assertEquals(RollbackSpeed.INSTANT, DeploymentStrategy.BLUE_GREEN.rollbackSpeed());
        assertEquals(RiskLevel.LOW, DeploymentStrategy.BLUE_GREEN.risk());
        assertEquals(RollbackSpeed.FAST, DeploymentStrategy.CANARY.rollbackSpeed());
        assertEquals(RiskLevel.LOW_MEDIUM, DeploymentStrategy.CANARY.risk());
        assertEquals(RollbackSpeed.MODERATE, DeploymentStrategy.ROLLING.rollbackSpeed());
        assertEquals(RiskLevel.MEDIUM, DeploymentStrategy.ROLLING.risk());
        assertEquals(RollbackSpeed.SLOW, DeploymentStrategy.BIG_BANG.rollbackSpeed());
        assertEquals(RiskLevel.HIGH, DeploymentStrategy.BIG_BANG.risk());
        assertEquals("blue-green", DeploymentStrategy.BLUE_GREEN.id());
        assertEquals("big-bang", DeploymentStrategy.BIG_BANG.id());
        assertEquals("Small app, low traffic, maintenance window OK", DeploymentStrategy.BIG_BANG.whenToUse());
        assertEquals("Need instant rollback, have 2x infrastructure", DeploymentStrategy.BLUE_GREEN.whenToUse());
    }

    @Test
    void seedReleaseExample_blueGreenWithInstantSwitchBack() {
        StrategyRecommendation r = recommend(DeploymentConstraints.builder()
                .needsInstantRollback(true).spareCapacityFor2x(true).build());
        assertEquals(Optional.of(DeploymentStrategy.BLUE_GREEN), r.recommended());
        assertTrue(r.feasible());
        assertEquals(Optional.of("switch traffic back to the previous environment"), r.rollbackPlan());
        assertEquals(80, r.ranking().get(0).score());
        assertEquals(List.of(DeploymentStrategy.CANARY, DeploymentStrategy.ROLLING, DeploymentStrategy.BIG_BANG),
                r.alternatives().stream().map(RankedStrategy::strategy).toList());
        assertEquals(List.of(25, 10, -20), r.alternatives().stream().map(RankedStrategy::score).toList());
        assertFalse(r.alternatives().get(2).feasible());
        Decision<StrategyRecommendation.Verdict> d = r.toDecision();
        assertEquals(StrategyRecommendation.Verdict.RECOMMENDED, d.verdict());
        assertEquals(DeploymentStrategy.BLUE_GREEN, r.bestScored());
        assertEquals("strategy.recommended", d.findings().list().get(0).code());
        assertEquals("blue-green recommended: rollback INSTANT (switch traffic back to the previous environment), risk LOW",
                d.findings().list().get(0).message());
        assertTrue(d.findings().find("strategy.instant-rollback").isPresent());
        assertEquals(3, d.findings().filter(f -> f.code().equals("strategy.alternative")).size());
    }

    @Test
    void highTrafficWithoutSpareCapacity_canary() {
        StrategyRecommendation r = recommend(DeploymentConstraints.builder()
                .traffic(TrafficVolume.HIGH).build());
        assertEquals(Optional.of(DeploymentStrategy.CANARY), r.recommended());
        assertEquals(50, r.ranking().get(0).score());
        assertEquals(DeploymentStrategy.ROLLING, r.ranking().get(1).strategy());
    }

    @Test
    void costConstrainedMediumTraffic_rolling() {
        StrategyRecommendation r = recommend(DeploymentConstraints.builder().build());
        assertEquals(Optional.of(DeploymentStrategy.ROLLING), r.recommended());
        assertTrue(r.ranking().get(0).reasons().find("strategy.capacity").isPresent());
        RankedStrategy blueGreen = r.ranking().stream().filter(x -> x.strategy() == DeploymentStrategy.BLUE_GREEN)
                .findFirst().orElseThrow();
        assertFalse(blueGreen.feasible());
        assertEquals(Level.FAIL, blueGreen.reasons().find("strategy.capacity").orElseThrow().level());
    }

    @Test
    void smallAppLowTrafficWindowBreakingSchema_bigBang() {
        StrategyRecommendation r = recommend(DeploymentConstraints.builder()
                .traffic(TrafficVolume.LOW).maintenanceWindow(true).schemaChange(SchemaChange.BREAKING).build());
        assertEquals(Optional.of(DeploymentStrategy.BIG_BANG), r.recommended());
        assertEquals(50, r.ranking().get(0).score());
        assertEquals(Level.FAIL, r.ranking().get(1).reasons().worst());
    }

    @Test
    void mixedVersionsNotTolerated_rulesOutCanaryAndRolling() {
        StrategyRecommendation r = recommend(DeploymentConstraints.builder()
                .toleratesMixedVersions(false).spareCapacityFor2x(true).build());
        assertEquals(Optional.of(DeploymentStrategy.BLUE_GREEN), r.recommended());
        assertEquals(60, r.ranking().get(0).score());
        assertEquals(List.of(false, false, false), r.alternatives().stream().map(RankedStrategy::feasible).toList());
    }

    @Test
    void nothingFeasible_recommendsNoneAndNamesTheBestScored() {
        StrategyRecommendation r = recommend(DeploymentConstraints.builder()
                .schemaChange(SchemaChange.BREAKING).build());
        assertFalse(r.feasible());
        assertEquals(StrategyRecommendation.Verdict.NONE_FEASIBLE, r.verdict());
        assertEquals(Optional.empty(), r.recommended());
        assertEquals(Optional.empty(), r.rollbackPlan());
        Finding first = r.toDecision().findings().list().get(0);
        assertEquals("strategy.none_feasible", first.code());
        assertEquals(Level.FAIL, first.level());
        assertEquals(r.bestScored().id(), first.facts().get("bestScored"));
        assertTrue(r.findings().find("strategy.recommended").isEmpty());
        assertEquals(4, r.ranking().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RolloutPlan.of(r));
        assertTrue(e.getMessage().contains("recommendation"), e.getMessage());
    }

    @Test
    void backwardCompatibleSchema_costsMixedStrategiesALittle() {
        StrategyRecommendation r = recommend(DeploymentConstraints.builder()
                .schemaChange(SchemaChange.BACKWARD_COMPATIBLE).build());
        assertEquals(Optional.of(DeploymentStrategy.ROLLING), r.recommended());
        assertEquals(35, r.ranking().get(0).score());
        assertEquals(30, r.ranking().get(1).score());
    }

    @Test
    void badInput_rejected() {
        assertThrows(IllegalArgumentException.class, () -> StrategySelection.ofDefaults().evaluate(null, CLOCK));
        assertThrows(IllegalArgumentException.class, () -> DeploymentConstraints.builder().traffic(null));
        assertThrows(IllegalArgumentException.class, () -> DeploymentConstraints.builder().schemaChange(null));
        assertThrows(IllegalArgumentException.class, () -> new DeploymentConstraints(false, false, false, null,
                false, SchemaChange.NONE));
        assertThrows(IllegalArgumentException.class, () -> new RankedStrategy(DeploymentStrategy.CANARY, 0, 1, true,
                io.github.deliverykit.core.finding.Findings.none()));
        assertThrows(IllegalArgumentException.class, () -> new StrategyRecommendation(
                StrategyInput.of(DeploymentConstraints.builder().build()), List.of()));
    }

    @Property(tries = 100)
    void everyConstraintSet_ranksAllFourDeterministically(@ForAll boolean instant, @ForAll boolean capacity,
            @ForAll boolean mixed, @ForAll TrafficVolume traffic, @ForAll boolean window, @ForAll SchemaChange schema) {
        DeploymentConstraints c = new DeploymentConstraints(instant, capacity, mixed, traffic, window, schema);
        StrategyRecommendation a = recommend(c);
        StrategyRecommendation b = recommend(c);
        assertEquals(a, b);
        assertEquals(a.toDecision().toText("x"), b.toDecision().toText("x"));
        assertEquals(4, a.ranking().stream().map(RankedStrategy::strategy).distinct().count());
        for (int i = 1; i < 4; i++) {
            RankedStrategy prev = a.ranking().get(i - 1);
            RankedStrategy cur = a.ranking().get(i);
            assertEquals(i + 1, cur.rank());
            assertTrue(prev.feasible() && !cur.feasible() || prev.feasible() == cur.feasible() && prev.score() >= cur.score());
        }
        if (capacity && instant && schema != SchemaChange.BREAKING) {
            assertEquals(Optional.of(DeploymentStrategy.BLUE_GREEN), a.recommended());
        }
    }

    @Test
    void evaluate_releaseTypeAndSize_moveTheChoice() {
        DeploymentConstraints medium = DeploymentConstraints.builder().spareCapacityFor2x(true).build();
        StrategySelection s = StrategySelection.ofDefaults();
        // the seed's v2.5.0: a minor release on a platform with 2x capacity -> blue-green 50, canary 40
        StrategyRecommendation minor = s.evaluate(StrategyInput.of(ReleaseType.MINOR, 0, medium), CLOCK);
        assertEquals(java.util.Optional.of(DeploymentStrategy.BLUE_GREEN), minor.recommended());
        assertEquals(List.of(50, 40, 25), minor.ranking().stream().limit(3).map(RankedStrategy::score).toList());
        assertEquals("recommended for this release size", minor.rationale());
        assertEquals("", recommend(medium).rationale());
        // a large major release without 2x capacity: canary (35 + 10 + 10) over rolling (25 + 15 - 10 - 5)
        StrategyRecommendation major = s.evaluate(StrategyInput.of(ReleaseType.MAJOR, 12,
                DeploymentConstraints.builder().build()), CLOCK);
        assertEquals(java.util.Optional.of(DeploymentStrategy.CANARY), major.recommended());
        assertEquals(55, major.ranking().get(0).score());
        assertEquals(25, major.ranking().get(1).score());
        assertTrue(major.findings().find("strategy.release-size").isPresent());
        // a hotfix cannot wait for canary bake times: rolling (25 + 15 + 10) over canary (35 - 15)
        StrategyRecommendation hotfix = s.evaluate(StrategyInput.of(ReleaseType.HOTFIX, 1,
                DeploymentConstraints.builder().build()), CLOCK);
        assertEquals(java.util.Optional.of(DeploymentStrategy.ROLLING), hotfix.recommended());
        assertEquals(List.of(50, 20), hotfix.ranking().stream().limit(2).map(RankedStrategy::score).toList());
        for (StrategyRecommendation r : List.of(minor, major, hotfix)) {
            for (var f : r.findings()) {
                assertTrue(f.code().startsWith("strategy."), f.code());
            }
        }
    }

    @Test
    void config_customScoresAndValidation() {
        StrategySelectionConfig c = StrategySelectionConfig.custom().baseScores(List.of(0, 100, 0, 0))
                .largeReleaseSize(3).build();
        assertEquals(java.util.Optional.of(DeploymentStrategy.CANARY), StrategySelection.of(c).evaluate(StrategyInput.of(
                DeploymentConstraints.builder().spareCapacityFor2x(true).build()), CLOCK).recommended());
        assertEquals(3, StrategySelectionConfig.from(c).build().largeReleaseSize());
        assertEquals(StrategySelectionConfig.DEFAULT_BASE_SCORES, StrategySelectionConfig.ofDefaults().baseScores());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategySelectionConfig.custom().largeReleaseSize(0));
        assertTrue(e.getMessage().contains("largeReleaseSize"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StrategySelectionConfig.custom().baseScores(List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> StrategyInput.of(null, 0,
                DeploymentConstraints.builder().build()));
        assertThrows(IllegalArgumentException.class, () -> new StrategyInput(null, -1,
                DeploymentConstraints.builder().build()));
    }
}
