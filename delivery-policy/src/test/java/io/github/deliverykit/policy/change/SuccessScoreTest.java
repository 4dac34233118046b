package io.github.deliverykit.policy.change;

import static io.github.deliverykit.policy.change.ChangeFixtures.NOW;
import static io.github.deliverykit.policy.change.ChangeFixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DoraConfig;
import io.github.deliverykit.metrics.dora.DoraEvents;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.change.ChangeDecision.Risk;
import io.github.deliverykit.policy.change.ChangeDecision.Verdict;
import io.github.deliverykit.policy.change.ChangeRequest.Role;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import io.github.deliverykit.policy.change.spi.ChangeRule.Extras;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SuccessScoreTest {

    static final Instant WINDOW_START = NOW.minus(SuccessScoring.DEFAULT_WINDOW);
    static final Interval WINDOW = Interval.of(WINDOW_START, NOW);
    /** A history complete for a year before now. */
    static final Interval YEAR = Interval.of(NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(1)));

    static Deployment deploy(String id, String service, Instant finished, DeploymentOutcome outcome) {
        return Deployment.builder(id, service).at(finished.minus(Duration.ofMinutes(10)), finished).outcome(outcome)
                .build();
    }

    static Incident incident(String id, String service, Severity severity, Instant started, String cause) {
        return Incident.builder(id, service, severity).started(started).causedBy(cause).build();
    }

    static Instant day(int daysBeforeNow) {
        return NOW.minus(Duration.ofDays(daysBeforeNow));
    }

    /**
     * The worked example: checkout's last 90 days. 10 clean changes (+3 each), 2 that succeeded but
     * caused a P2 and a P3 (-2 each, then -5 and -2), one that failed and caused a P1 (-5, -10), one
     * rolled back (-5): 30 - 4 - 10 - 10 - 5 - 2 = -1, more lost than earned, HIGH risk. Around it:
     * a staging deployment, another service's changes, one still in progress, and an incident nobody
     * attributed.
     */
    static DoraEvents workedExample() {
        List<Deployment> d = new ArrayList<>();
        List<Incident> inc = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            d.add(deploy("ok-" + i, "checkout", day(80 - 5 * i), DeploymentOutcome.SUCCESS));
        }
        d.add(deploy("issues-1", "checkout", day(20), DeploymentOutcome.SUCCESS));
        inc.add(incident("INC-P2", "checkout", Severity.SEV2, day(20).plus(Duration.ofHours(2)), "issues-1"));
        d.add(deploy("issues-2", "checkout", day(15), DeploymentOutcome.SUCCESS));
        inc.add(incident("INC-P3", "checkout", Severity.SEV3, day(15).plus(Duration.ofHours(3)), "issues-2"));
        d.add(deploy("failed-1", "checkout", day(10), DeploymentOutcome.FAILED));
        inc.add(incident("INC-P1", "checkout", Severity.SEV1, day(10).plus(Duration.ofMinutes(5)), "failed-1"));
        d.add(deploy("rolled-back-1", "checkout", day(5), DeploymentOutcome.ROLLED_BACK));
        // noise: not checkout's production changes
        d.add(Deployment.builder("staging-1", "checkout").environment("staging").at(day(3), day(3))
                .outcome(DeploymentOutcome.FAILED).build());
        d.add(deploy("search-1", "search", day(4), DeploymentOutcome.FAILED));
        inc.add(incident("INC-S1", "search", Severity.SEV1, day(4).plus(Duration.ofHours(1)), "search-1"));
        d.add(Deployment.builder("running-1", "checkout").at(day(1), null).outcome(DeploymentOutcome.IN_PROGRESS)
                .build());
        // an outage two days after the last success of checkout: the 24-hour attribution links nothing
        inc.add(Incident.builder("INC-X", "checkout", Severity.SEV2).started(day(2)).build());
        return DoraEvents.builder().deployments(d).incidents(inc).build();
    }

    @Test
    void score_workedExample_serviceNowWeights() {
        ChangeHistory history = ChangeHistory.of(workedExample(), YEAR);
        SuccessScore s = history.score("checkout", WINDOW, SuccessScoring.ofDefaults());
        assertEquals(10, s.successful());
        assertEquals(2, s.withIssues());
        assertEquals(2, s.failed());
        assertEquals(1, s.inProgress());
        assertEquals(1, s.caused(Severity.SEV1));
        assertEquals(1, s.caused(Severity.SEV2));
        assertEquals(1, s.caused(Severity.SEV3));
        assertEquals(0, s.caused(Severity.SEV4));
        assertEquals(1, s.unattributed());
        assertEquals(10 * 3 + 2 * -2 + 2 * -5 + -10 + -5 + -2, s.score());
        assertEquals(-1, s.score());
        assertEquals(14, s.changes());
        assertTrue(s.complete());
        assertTrue(s.sufficient(SuccessScoring.ofDefaults()));
        assertEquals(Risk.HIGH, s.risk(SuccessScoring.ofDefaults()));
        // the other service is scored on its own
        SuccessScore search = history.score("search", WINDOW, SuccessScoring.ofDefaults());
        assertEquals(-15, search.score());
        assertEquals(0, search.unattributed());
    }

    @Test
    void evaluate_workedExample_riskFromHistoryWithTheFactsShown() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeApprovalConfig config = ChangeApprovalConfig.custom()
                .riskApprovers(Risk.HIGH, List.of(Role.MANAGER)).build();
        ChangeDecision d = ChangeApproval.of(config).evaluate(ChangeApproval.Input.of(request)
                .withHistory(ChangeHistory.of(workedExample(), YEAR)), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Risk.HIGH, d.risk());
        assertEquals(List.of(Role.CAB, Role.MANAGER), d.requiredApprovers());
        assertEquals(List.of(Role.MANAGER), d.missingApprovers());
        assertEquals(Verdict.NEEDS_APPROVAL, d.verdict());
        Finding assessed = d.findings().find("success-score.assessed").orElseThrow();
        assertEquals(Level.INFO, assessed.level());
        assertEquals(10, assessed.fact("successful"));
        assertEquals(2, assessed.fact("with_issues"));
        assertEquals(2, assessed.fact("failed"));
        assertEquals(1, assessed.fact("in_progress"));
        assertEquals(Map.of("SEV-1", 1, "SEV-2", 1, "SEV-3", 1), assessed.fact("incidents_caused"));
        assertEquals(-1L, assessed.fact("score"));
        assertEquals(WINDOW, assessed.fact("window"));
        assertEquals("VERY_HIGH < -20 <= HIGH < 0 <= MODERATE < 20 <= LOW", assessed.fact("thresholds"));
        assertEquals(Risk.HIGH, assessed.fact("risk"));
        assertEquals(true, assessed.fact("sufficient"));
        Finding unattributed = d.findings().find("success-score.unattributed").orElseThrow();
        assertEquals(Level.WARN, unattributed.level());
        assertEquals(1, unattributed.fact("unattributed"));
        assertTrue(d.findings().find("success-score.insufficient").isEmpty());
        assertTrue(d.findings().find("success-score.partial_history").isEmpty());
    }

    @Test
    void evaluate_standardChangeWithPoorRecord_isRejected() {
        Instant submitted = NOW.minus(Duration.ofHours(1));
        ChangeRequest standard = ChangeRequest.builder("CHG-9", Type.STANDARD, ChangeKind.ROUTINE, "checkout",
                        "alice", submitted).description("Rotate a certificate").implementationPlan("RB-12")
                .window(Interval.of(NOW.plus(Duration.ofHours(1)), Duration.ofMinutes(30))).build();
        ChangeDecision d = ChangeApproval.ofDefaults().evaluate(ChangeApproval.Input.of(standard)
                .withHistory(ChangeHistory.of(workedExample(), YEAR)), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Verdict.REJECTED, d.verdict());
        Finding exceeds = d.findings().find("change.risk.exceeds_type").orElseThrow();
        assertEquals(Level.FAIL, exceeds.level());
        assertEquals("success-score", exceeds.fact("rule"));
        assertEquals(Risk.HIGH, exceeds.fact("risk"));
        assertEquals(Risk.LOW, exceeds.fact("max"));
    }

    @Test
    void evaluate_noHistoryInInput_assessesNothing() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeDecision d = TestContext.at(NOW).decide(ChangeApproval.ofDefaults(), request);
        assertNull(d.risk());
        assertTrue(d.findings().filter(f -> f.code().startsWith("success-score")).isEmpty());
        assertTrue(ChangeApproval.Input.of(request).changeHistory().isEmpty());
    }

    @Test
    void evaluate_emptyHistory_saysSoAndIsNeverLowRisk() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeHistory empty = ChangeHistory.of(DoraEvents.builder().build(), YEAR);
        ChangeDecision d = ChangeApproval.ofDefaults().evaluate(ChangeApproval.Input.of(request).withHistory(empty),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Risk.MODERATE, d.risk());
        Finding insufficient = d.findings().find("success-score.insufficient").orElseThrow();
        assertEquals(Level.WARN, insufficient.level());
        assertEquals(0L, insufficient.fact("changes"));
        assertEquals(5, insufficient.fact("minimum"));
        assertEquals(0L, d.findings().find("success-score.assessed").orElseThrow().fact("score"));
        assertEquals(false, d.findings().find("success-score.assessed").orElseThrow().fact("sufficient"));
    }

    @Test
    void evaluate_historyCoveringPartOfTheWindow_warnsAndKeepsRiskUp() {
        // twenty clean changes in the last 30 days (score 60, LOW by the thresholds), but the history
        // only covers the last 30 of the 90 days
        List<Deployment> d = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            d.add(deploy("ok-" + i, "checkout", day(1 + i), DeploymentOutcome.SUCCESS));
        }
        Interval lastMonth = Interval.of(day(30), NOW.plus(Duration.ofDays(1)));
        ChangeHistory history = ChangeHistory.of(DoraEvents.builder().deployments(d).build(), lastMonth);
        SuccessScore s = history.score("checkout", WINDOW, SuccessScoring.ofDefaults());
        assertEquals(60, s.score());
        assertFalse(s.complete());
        assertEquals(Interval.of(day(30), NOW), s.covered());
        assertEquals(Risk.MODERATE, s.risk(SuccessScoring.ofDefaults()));
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeDecision dec = ChangeApproval.ofDefaults().evaluate(ChangeApproval.Input.of(request)
                .withHistory(history), Clock.fixed(NOW, ZoneOffset.UTC));
        Finding partial = dec.findings().find("success-score.partial_history").orElseThrow();
        assertEquals(Level.WARN, partial.level());
        assertEquals(lastMonth, partial.fact("coverage"));
        assertEquals(Interval.of(day(30), NOW), partial.fact("covered"));
        assertEquals(Risk.MODERATE, dec.risk());
        // the same history covering the window: LOW
        ChangeHistory whole = ChangeHistory.of(DoraEvents.builder().deployments(d).build(), YEAR);
        assertEquals(Risk.LOW, ChangeApproval.ofDefaults().evaluate(ChangeApproval.Input.of(request)
                .withHistory(whole), Clock.fixed(NOW, ZoneOffset.UTC)).risk());
        // a history of another time entirely covers none of it
        ChangeHistory old = ChangeHistory.of(DoraEvents.builder().deployments(d).build(),
                Interval.of(NOW.minus(Duration.ofDays(900)), NOW.minus(Duration.ofDays(800))));
        ChangeDecision none = ChangeApproval.ofDefaults().evaluate(ChangeApproval.Input.of(request)
                .withHistory(old), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("none", none.findings().find("success-score.partial_history").orElseThrow().fact("covered"));
        assertEquals(Risk.MODERATE, none.risk());
    }

    @Test
    void score_allIncidentsUnattributed_areCountedApartAndNotScored() {
        List<Deployment> d = new ArrayList<>();
        List<Incident> inc = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            d.add(deploy("ok-" + i, "checkout", day(60 - i), DeploymentOutcome.SUCCESS));
            // days after the deployments: beyond the 24-hour attribution bound
            inc.add(Incident.builder("INC-" + i, "checkout", Severity.SEV1).started(day(40 - i)).build());
        }
        ChangeHistory history = ChangeHistory.of(DoraEvents.builder().deployments(d).incidents(inc).build(), YEAR);
        SuccessScore s = history.score("checkout", WINDOW, SuccessScoring.ofDefaults());
        assertEquals(8, s.unattributed());
        assertTrue(s.incidentsCaused().isEmpty());
        assertEquals(24, s.score());
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeDecision dec = ChangeApproval.ofDefaults().evaluate(ChangeApproval.Input.of(request)
                .withHistory(history), Clock.fixed(NOW, ZoneOffset.UTC));
        Finding unattributed = dec.findings().find("success-score.unattributed").orElseThrow();
        assertEquals(Level.WARN, unattributed.level());
        assertEquals(8, unattributed.fact("unattributed"));
        assertEquals(Risk.LOW, dec.risk());
    }

    @Test
    void score_defaultAttribution_linksAnIncidentToTheLatestChangeWithin24Hours() {
        List<Deployment> d = List.of(deploy("a", "checkout", day(10), DeploymentOutcome.SUCCESS),
                deploy("b", "checkout", day(9), DeploymentOutcome.SUCCESS));
        List<Incident> inc = List.of(Incident.builder("I", "checkout", Severity.SEV2)
                .started(day(9).plus(Duration.ofHours(23))).build());
        SuccessScore s = ChangeHistory.of(DoraEvents.builder().deployments(d).incidents(inc).build(), YEAR)
                .score("checkout", WINDOW, SuccessScoring.ofDefaults());
        assertEquals(1, s.successful());
        assertEquals(1, s.withIssues());
        assertEquals(1, s.caused(Severity.SEV2));
        assertEquals(3 - 2 - 5, s.score());
        // attribution by the incident's own cause only: the incident is nobody's
        SuccessScore causeOnly = ChangeHistory.of(DoraEvents.builder().deployments(d).incidents(inc).build(),
                DoraConfig.custom().incidentAttribution(DoraConfig.IncidentAttribution.causeOnly()).build(), YEAR)
                .score("checkout", WINDOW, SuccessScoring.ofDefaults());
        assertEquals(2, causeOnly.successful());
        assertEquals(1, causeOnly.unattributed());
        assertEquals(6, causeOnly.score());
    }

    @Test
    void score_windowBoundaries_halfOpenByFinishAndByIncidentStart() {
        List<Deployment> d = List.of(
                deploy("before", "checkout", WINDOW_START.minusNanos(1), DeploymentOutcome.FAILED),
                deploy("at-start", "checkout", WINDOW_START, DeploymentOutcome.SUCCESS),
                deploy("last", "checkout", NOW.minusNanos(1), DeploymentOutcome.SUCCESS),
                deploy("at-end", "checkout", NOW, DeploymentOutcome.FAILED));
        List<Incident> inc = List.of(
                // caused by the change before the window, started inside: the incident counts, the change not
                incident("I-in", "checkout", Severity.SEV3, WINDOW_START.plusSeconds(1), "before"),
                // caused by a change inside, started at the window's end: neither the incident nor the issue counts
                incident("I-end", "checkout", Severity.SEV1, NOW, "last"));
        SuccessScore s = ChangeHistory.of(DoraEvents.builder().deployments(d).incidents(inc).build(), YEAR)
                .score("checkout", WINDOW, SuccessScoring.ofDefaults());
        assertEquals(2, s.successful());
        assertEquals(0, s.withIssues());
        assertEquals(0, s.failed());
        assertEquals(1, s.caused(Severity.SEV3));
        assertEquals(0, s.caused(Severity.SEV1));
        assertEquals(6 - 2, s.score());
    }

    @Test
    void evaluate_windowEndsAtTheClock_sameInputSameOutput() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeHistory history = ChangeHistory.of(workedExample(), YEAR);
        ChangeApproval engine = ChangeApproval.ofDefaults();
        ChangeDecision a = engine.evaluate(ChangeApproval.Input.of(request).withHistory(history),
                Clock.fixed(NOW, ZoneOffset.UTC));
        ChangeDecision b = engine.evaluate(ChangeApproval.Input.of(request).withHistory(history),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(a, b);
        assertEquals(a.toText(), b.toText());
        // shuffled events give the same history
        DoraEvents e = workedExample();
        List<Deployment> ds = new ArrayList<>(e.deployments());
        List<Incident> is = new ArrayList<>(e.incidents());
        Collections.reverse(ds);
        Collections.reverse(is);
        ChangeHistory reversed = ChangeHistory.of(DoraEvents.builder().deployments(ds).incidents(is).build(), YEAR);
        assertEquals(a, engine.evaluate(ChangeApproval.Input.of(request).withHistory(reversed),
                Clock.fixed(NOW, ZoneOffset.UTC)));
        // a window of 11 days sees only the failure with its P1 and the rollback: -20, HIGH (and too few changes)
        ChangeApprovalConfig shortWindow = ChangeApprovalConfig.custom()
                .successScoring(SuccessScoring.ofDefaults().withWindow(Duration.ofDays(11))).build();
        ChangeDecision s = ChangeApproval.of(shortWindow).evaluate(ChangeApproval.Input.of(request)
                .withHistory(history), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(-5L - 10 - 5, s.findings().find("success-score.assessed").orElseThrow().fact("score"));
        assertEquals(Risk.HIGH, s.risk());
        assertTrue(s.findings().find("success-score.insufficient").isPresent());
    }

    @Test
    void scoring_customWeightsAndThresholds() {
        SuccessScoring s = SuccessScoring.ofDefaults().withChangeWeights(1, 0, -1)
                .withIncidentWeights(Map.of(Severity.SEV1, -3, Severity.SEV4, -1))
                .withThresholds(-5, -1, 5).withMinimumEvidence(0, Risk.LOW);
        assertEquals(-3, s.incidentWeight(Severity.SEV1));
        assertEquals(0, s.incidentWeight(Severity.SEV2));
        assertEquals(-1, s.incidentWeight(Severity.SEV4));
        assertEquals(Risk.VERY_HIGH, s.riskOf(-6));
        assertEquals(Risk.HIGH, s.riskOf(-5));
        assertEquals(Risk.HIGH, s.riskOf(-2));
        assertEquals(Risk.MODERATE, s.riskOf(-1));
        assertEquals(Risk.MODERATE, s.riskOf(4));
        assertEquals(Risk.LOW, s.riskOf(5));
        SuccessScore score = ChangeHistory.of(workedExample(), YEAR).score("checkout", WINDOW, s);
        // 10 - 0 - 2 - 3 (one SEV-1; SEV-2 and SEV-3 weigh 0 now)
        assertEquals(5, score.score());
        assertEquals(Risk.LOW, score.risk(s));
        SuccessScoring d = SuccessScoring.ofDefaults();
        assertEquals(Risk.VERY_HIGH, d.riskOf(-21));
        assertEquals(Risk.HIGH, d.riskOf(-20));
        assertEquals(Risk.HIGH, d.riskOf(-1));
        assertEquals(Risk.MODERATE, d.riskOf(0));
        assertEquals(Risk.MODERATE, d.riskOf(19));
        assertEquals(Risk.LOW, d.riskOf(20));
    }

    @Test
    void scoring_badInput_namesTheField() {
        SuccessScoring d = SuccessScoring.ofDefaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withThresholds(1, 0, 5)).getMessage()
                .contains("veryHighBelow"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withThresholds(-1, 6, 5)).getMessage()
                .contains("highBelow"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withWindow(Duration.ZERO)).getMessage()
                .contains("window"));
        assertThrows(IllegalArgumentException.class, () -> d.withWindow(Duration.ofDays(4000)));
        assertThrows(IllegalArgumentException.class, () -> d.withWindow(null));
        assertThrows(IllegalArgumentException.class, () -> d.withChangeWeights(SuccessScoring.MAX_WEIGHT + 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> d.withChangeWeights(0, -SuccessScoring.MAX_WEIGHT - 1, 0));
        assertThrows(IllegalArgumentException.class, () -> d.withChangeWeights(0, 0, SuccessScoring.MAX_WEIGHT + 1));
        Map<Severity, Integer> nullValue = new java.util.HashMap<>();
        nullValue.put(Severity.SEV1, null);
        assertThrows(IllegalArgumentException.class, () -> d.withIncidentWeights(nullValue));
        assertThrows(IllegalArgumentException.class, () -> d.withIncidentWeights(null));
        assertThrows(IllegalArgumentException.class, () -> d.withMinimumEvidence(-1, Risk.LOW));
        assertThrows(IllegalArgumentException.class, () -> d.withMinimumEvidence(1, null));
        assertThrows(IllegalArgumentException.class, () -> d.incidentWeight(null));
        assertThrows(IllegalArgumentException.class, () -> ChangeApprovalConfig.custom().successScoring(null));
        assertThrows(IllegalArgumentException.class, () -> ChangeHistory.of(null, YEAR));
        assertThrows(IllegalArgumentException.class, () -> ChangeHistory.of(workedExample(), null));
        assertThrows(IllegalArgumentException.class, () -> ChangeHistory.of(workedExample(), null, YEAR));
        assertThrows(IllegalArgumentException.class, () -> ChangeHistory.of(workedExample(), Interval.of(NOW, NOW)));
        ChangeHistory h = ChangeHistory.of(workedExample(), YEAR);
        assertEquals(YEAR, h.coverage());
        assertThrows(IllegalArgumentException.class, () -> h.score(" ", WINDOW, d));
        assertThrows(IllegalArgumentException.class, () -> h.score("checkout", null, d));
        assertThrows(IllegalArgumentException.class, () -> h.score("checkout", WINDOW, null));
        Deployment a = deploy("same", "checkout", day(3), DeploymentOutcome.SUCCESS);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChangeHistory.of(
                DoraEvents.builder().deployments(a, a).build(), YEAR)).getMessage().contains("same"));
        DoraConfig throwing = DoraConfig.custom().incidentAttribution((i, l) -> {
            throw new IllegalStateException("boom");
        }).build();
        DoraConfig nulls = DoraConfig.custom().incidentAttribution((i, l) -> null).build();
        assertThrows(IllegalArgumentException.class, () -> ChangeHistory.of(workedExample(), throwing, YEAR));
        assertThrows(IllegalArgumentException.class, () -> ChangeHistory.of(workedExample(), nulls, YEAR));
        // a score's own checks
        assertThrows(IllegalArgumentException.class, () -> new SuccessScore("s", WINDOW, YEAR, 0, 0, 0, 0,
                new java.util.TreeMap<>(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SuccessScore("s", WINDOW, WINDOW, -1, 0, 0, 0,
                new java.util.TreeMap<>(), 0, 0));
        java.util.TreeMap<Severity, Integer> negative = new java.util.TreeMap<>(Map.of(Severity.SEV1, -1));
        assertThrows(IllegalArgumentException.class, () -> new SuccessScore("s", WINDOW, WINDOW, 0, 0, 0, 0,
                negative, 0, 0));
        SuccessScore ok = new SuccessScore("s", WINDOW, null, 0, 0, 0, 0, new java.util.TreeMap<>(), 0, 0);
        assertFalse(ok.complete());
        assertThrows(IllegalArgumentException.class, () -> ok.caused(null));
        assertThrows(IllegalArgumentException.class, () -> ok.risk(null));
        assertThrows(IllegalArgumentException.class, () -> ok.sufficient(null));
    }

    @Test
    void score_attributionToAnotherHistorysOrStagingDeployment_isUnattributed() {
        Deployment staging = Deployment.builder("stg", "checkout").environment("staging").at(day(5), day(5)).build();
        Deployment foreign = deploy("foreign", "checkout", day(5), DeploymentOutcome.SUCCESS);
        DoraConfig attributeToForeign = DoraConfig.custom().incidentAttribution((i, l) -> i.id().equals("I1")
                ? Optional.of(foreign) : l.byId("stg")).build();
        List<Incident> inc = List.of(Incident.builder("I1", "checkout", Severity.SEV1).started(day(4)).build(),
                Incident.builder("I2", "checkout", Severity.SEV1).started(day(4)).build(),
                Incident.builder("I3", "checkout", Severity.SEV1).environment("staging").started(day(4)).build());
        SuccessScore s = ChangeHistory.of(DoraEvents.builder().deployments(staging).incidents(inc).build(),
                attributeToForeign, YEAR).score("checkout", WINDOW, SuccessScoring.ofDefaults());
        assertEquals(2, s.unattributed());
        assertEquals(0, s.score());
    }

    @Test
    void customRule_raisingRisk_isFoldedIntoTheDecision() {
        ChangeRequest request = complete(Type.NORMAL, Duration.ofDays(6)).approval("carol", Role.CAB).build();
        ChangeApprovalConfig config = ChangeApprovalConfig.custom()
                .disable(ChangeApproval.SUCCESS_SCORE, "replaced by our own score")
                .riskApprovers(Risk.VERY_HIGH, List.of(Role.of("cto"))).maxRisk(Type.NORMAL, Risk.HIGH).build();
        ChangeDecision d = TestContext.at(NOW).decide(ChangeApproval.of(config, List.of(ChangeApprovalTest.rule(
                "own-score", RuleResult.of(new Extras(List.of(), Risk.VERY_HIGH, null, null))))), request);
        assertEquals(Risk.VERY_HIGH, d.risk());
        assertTrue(d.requiredApprovers().contains(Role.of("cto")));
        assertEquals(Verdict.REJECTED, d.verdict());
        assertEquals("own-score", d.findings().find("change.risk.exceeds_type").orElseThrow().fact("rule"));
        assertTrue(d.findings().find("change.rule.disabled").isPresent());
    }
}
