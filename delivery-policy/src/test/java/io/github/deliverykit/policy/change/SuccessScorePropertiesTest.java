package io.github.deliverykit.policy.change;

import static io.github.deliverykit.policy.change.ChangeFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.metrics.dora.DoraEvents;
import io.github.deliverykit.policy.change.ChangeDecision.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

final class SuccessScorePropertiesTest {

    static final Interval WINDOW = SuccessScoreTest.WINDOW;

    /** A random history of two services over 120 days, production and staging, with incidents. */
    static DoraEvents history(long seed, int deployments, int incidents) {
        Random r = new Random(seed);
        String[] services = {"checkout", "search"};
        DeploymentOutcome[] outcomes = {DeploymentOutcome.SUCCESS, DeploymentOutcome.SUCCESS, DeploymentOutcome.FAILED,
                DeploymentOutcome.ROLLED_BACK, DeploymentOutcome.IN_PROGRESS};
        List<Deployment> d = new ArrayList<>();
        for (int i = 0; i < deployments; i++) {
            Instant at = NOW.minus(Duration.ofMinutes(r.nextInt(120 * 24 * 60)));
            DeploymentOutcome o = outcomes[r.nextInt(outcomes.length)];
            d.add(Deployment.builder("d" + i, services[r.nextInt(2)]).environment(r.nextInt(5) == 0 ? "staging"
                    : "production").at(at, o == DeploymentOutcome.IN_PROGRESS ? null : at).outcome(o).build());
        }
        List<Incident> inc = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            Instant at = NOW.minus(Duration.ofMinutes(r.nextInt(120 * 24 * 60)));
            String cause = r.nextBoolean() && deployments > 0 ? "d" + r.nextInt(deployments) : null;
            inc.add(Incident.builder("i" + i, services[r.nextInt(2)], Severity.of(1 + r.nextInt(4))).started(at)
                    .causedBy(cause).build());
        }
        return DoraEvents.builder().deployments(d).incidents(inc).build();
    }

    @Property(tries = 60)
    void score_isTheWeightedSumOfItsCounts_andIndependentOfOrder(@ForAll long seed,
            @ForAll @IntRange(max = 60) int deployments, @ForAll @IntRange(max = 30) int incidents) {
        DoraEvents events = history(seed, deployments, incidents);
        SuccessScoring scoring = SuccessScoring.ofDefaults();
        SuccessScore s = ChangeHistory.of(events, SuccessScoreTest.YEAR).score("checkout", WINDOW, scoring);
        long expected = 3L * s.successful() - 2L * s.withIssues() - 5L * s.failed() - 10L * s.caused(Severity.SEV1)
                - 5L * s.caused(Severity.SEV2) - 2L * s.caused(Severity.SEV3);
        assertEquals(expected, s.score());
        long inWindow = events.deployments().stream().filter(d -> d.service().equals("checkout")
                && d.environment().equals("production") && d.finished() != null && WINDOW.contains(d.finished()))
                .count();
        assertEquals(inWindow, s.changes());
        long incidentsInWindow = events.incidents().stream().filter(i -> i.service().equals("checkout")
                && WINDOW.contains(i.started())).count();
        assertTrue(s.unattributed() <= incidentsInWindow);
        List<Deployment> ds = new ArrayList<>(events.deployments());
        List<Incident> is = new ArrayList<>(events.incidents());
        Collections.shuffle(ds, new Random(seed + 1));
        Collections.shuffle(is, new Random(seed + 2));
        assertEquals(s, ChangeHistory.of(DoraEvents.builder().deployments(ds).incidents(is).build(),
                SuccessScoreTest.YEAR).score("checkout", WINDOW, scoring));
        // one more clean change never lowers the score nor raises the risk
        List<Deployment> more = new ArrayList<>(ds);
        more.add(Deployment.builder("extra", "checkout").at(NOW.minusSeconds(1), NOW.minusSeconds(1)).build());
        SuccessScore better = ChangeHistory.of(DoraEvents.builder().deployments(more).incidents(is).build(),
                SuccessScoreTest.YEAR).score("checkout", WINDOW, scoring);
        assertEquals(s.score() + 3, better.score());
        assertTrue(better.risk(scoring).compareTo(s.risk(scoring)) <= 0);
    }

    @Property(tries = 80)
    void shadow_enforcesNothingBeforeTheDate_andEverythingFromIt(@ForAll("requests") ChangeRequest request,
            @ForAll @IntRange(min = -48, max = 48) int hoursFromNow) {
        Instant effective = NOW.plus(Duration.ofHours(hoursFromNow));
        ChangeApprovalConfig.Builder b = ChangeApprovalConfig.custom();
        for (String id : ChangeApproval.BUILT_IN_IDS) {
            b.effectiveOn(id, effective);
        }
        ChangeDecision plain = TestContext.at(NOW).decide(ChangeApproval.ofDefaults(), request);
        ChangeDecision dated = TestContext.at(NOW).decide(ChangeApproval.of(b.build()), request);
        if (!NOW.isBefore(effective)) {
            assertEquals(plain, dated);
        } else {
            assertTrue(dated.findings().withLevel(Level.FAIL).isEmpty(), dated.toText());
            assertNotEquals(Verdict.REJECTED, dated.verdict());
            assertEquals(plain.verdict() == Verdict.REJECTED, dated.shadowed().stream().anyMatch(s -> s.wouldFail()));
            assertEquals(ChangeApproval.BUILT_IN_IDS.size(), dated.shadowed().size());
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<ChangeRequest> requests() {
        return new ChangePropertiesTest().requests();
    }
}
