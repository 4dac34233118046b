package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SeverityRule;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTable;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTarget;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockKind;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockResult;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemReview;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemVerdict;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.StatusUpdates;
import io.github.deliverykit.policy.incident.IncidentTimeline.Entry;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.IllegalTransitionException;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.Phase;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.Transition;
import io.github.deliverykit.policy.incident.IncidentTimeline.Pause;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem.ActionItem;
import io.github.deliverykit.policy.incident.IncidentTimeline.SeverityChange;
import io.github.deliverykit.policy.incident.SeverityClassification.Impact;
import io.github.deliverykit.policy.incident.internal.SeedSlaTableProvider;
import io.github.deliverykit.policy.incident.spi.SlaTableProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SeverityClassificationTest {

    private static final SeverityClassification SEED = SeverityClassification.of(IncidentSlaConfig.ofDefaults());

    @Test
    void completeOutage_isSev1() {
        SeverityClassification.Result c = Fixtures.classify(SEED, Impact.builder().completeOutage().build());
        assertEquals(Severity.SEV1, c.severity());
        assertFalse(c.ambiguous());
        assertEquals(List.of("incident.severity.outage", "incident.severity.classified"), c.findings().codes());
        assertEquals("classified as SEV-1", c.findings().find("incident.severity.classified").orElseThrow().message());
        assertEquals("classified as SEV-2 (ambiguous facts: the more severe level)", Fixtures.classify(SEED, 
                Impact.builder().minorFeatureImpact().build()).findings().find("incident.severity.classified")
                .orElseThrow().message());
    }

    @Test
    void dataLoss_isSev1() {
        SeverityClassification.Result c = Fixtures.classify(SEED, Impact.builder().dataLoss().build());
        assertEquals(Severity.SEV1, c.severity());
        assertEquals("data loss: SEV-1", c.findings().find("incident.severity.data-loss").orElseThrow().message());
    }

    @Test
    void majorFeatureUnavailable_isSev2() {
        SeverityClassification.Result c = Fixtures.classify(SEED, Impact.builder().majorFeatureUnavailable().build());
        assertEquals(Severity.SEV2, c.severity());
        assertFalse(c.ambiguous());
    }

    @Test
    void minorImpactWithWorkaround_isSev3() {
        SeverityClassification.Result c = Fixtures.classify(SEED, Impact.builder().minorFeatureImpact().workaroundAvailable(true).build());
        assertEquals(Severity.SEV3, c.severity());
        assertFalse(c.ambiguous());
        assertEquals(Level.INFO, c.findings().worst());
    }

    @Test
    void cosmeticWithoutCustomerImpact_isSev4() {
        SeverityClassification.Result c = Fixtures.classify(SEED, Impact.builder().cosmetic().customerImpact(false).build());
        assertEquals(Severity.SEV4, c.severity());
        assertFalse(c.ambiguous());
        assertEquals(Severity.SEV4, Fixtures.classify(SEED, Impact.builder().customerImpact(false).build()).severity());
    }

    @Test
    void minorImpactWithoutKnownWorkaround_isAmbiguous_picksSev2() {
        for (Impact f : List.of(Impact.builder().minorFeatureImpact().build(),
                Impact.builder().minorFeatureImpact().workaroundAvailable(false).build())) {
            SeverityClassification.Result c = Fixtures.classify(SEED, f);
            assertEquals(Severity.SEV2, c.severity());
            assertTrue(c.ambiguous());
            assertEquals(Level.WARN, c.findings().find("incident.severity.ambiguous").orElseThrow().level());
        }
    }

    @Test
    void cosmeticWithCustomerImpactOrUnknown_isAmbiguous_picksSev3() {
        SeverityClassification.Result unknown = Fixtures.classify(SEED, Impact.builder().cosmetic().build());
        assertEquals(Severity.SEV3, unknown.severity());
        assertTrue(unknown.ambiguous());
        assertTrue(unknown.findings().find("incident.severity.ambiguous").orElseThrow().message().contains("unknown"));
        SeverityClassification.Result reported = Fixtures.classify(SEED, Impact.builder().cosmetic().customerImpact(true).build());
        assertEquals(Severity.SEV3, reported.severity());
        assertTrue(reported.findings().find("incident.severity.ambiguous").orElseThrow().message().contains("reported"));
    }

    @Test
    void cosmeticTogetherWithAnOutage_isAmbiguous_theOutageDecides() {
        SeverityClassification.Result c = Fixtures.classify(SEED, Impact.builder().cosmetic().completeOutage().build());
        assertEquals(Severity.SEV1, c.severity());
        assertTrue(c.ambiguous());
    }

    @Test
    void noFacts_isTreatedAsSev1UntilTriaged() {
        SeverityClassification.Result c = Fixtures.classify(SEED, Impact.builder().build());
        assertEquals(Severity.SEV1, c.severity());
        assertTrue(c.ambiguous());
        assertEquals(Level.WARN, c.findings().worst());
        assertEquals(Severity.SEV1, Fixtures.classify(SEED, Impact.builder().customerImpact(true).build()).severity());
    }

    @Test
    void severalCriteria_theMostSevereWins() {
        SeverityClassification.Result c = Fixtures.classify(SEED, Impact.builder().majorFeatureUnavailable().dataLoss()
                .minorFeatureImpact().workaroundAvailable(true).build());
        assertEquals(Severity.SEV1, c.severity());
        assertFalse(c.ambiguous());
        assertEquals(List.of("incident.severity.data-loss", "incident.severity.major-feature",
                "incident.severity.minor-with-workaround", "incident.severity.classified"), c.findings().codes());
    }

    @Test
    void metricRules_raiseTheSeverity_atTheThresholdInclusive() {
        SeverityClassification c = SeverityClassification.of(IncidentSlaConfig.custom().severityRules(List.of(
                SeverityRule.usersAffected(0.5, Severity.SEV1), SeverityRule.revenueAffected(0.1, Severity.SEV2)))
                .build());
        Impact minor = Impact.builder().minorFeatureImpact().workaroundAvailable(true)
                .usersAffected(0.5).build();
        SeverityClassification.Result r = Fixtures.classify(c, minor);
        assertEquals(Severity.SEV1, r.severity());
        assertEquals("incident.users_affected 50 % reached incident.users_affected >= 50 %: at least SEV-1",
                r.findings().find("incident.severity.metric").orElseThrow().message());
        Impact below = Impact.builder().minorFeatureImpact().workaroundAvailable(true)
                .usersAffected(0.49).revenueAffected(0.1).build();
        assertEquals(Severity.SEV2, Fixtures.classify(c, below).severity());
        Impact unmeasured = Impact.builder().minorFeatureImpact().workaroundAvailable(true).build();
        assertEquals(Severity.SEV3, Fixtures.classify(c, unmeasured).severity());
        assertEquals(2, c.config().severityRules().size());
        // a metric rule alone is a criterion: no ambiguity
        SeverityClassification.Result only = Fixtures.classify(c, Impact.builder().revenueAffected(0.2).build());
        assertEquals(Severity.SEV2, only.severity());
        assertFalse(only.ambiguous());
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Fixtures.classify(SEED, null));
        assertThrows(IllegalArgumentException.class, () -> Impact.builder().usersAffected(1.5));
        assertThrows(IllegalArgumentException.class, () -> Impact.builder().revenueAffected(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Impact(false, false, false, false, null, false,
                null, -0.1, null));
        assertThrows(IllegalArgumentException.class, () -> new Impact(false, false, false, false, null, false,
                null, null, 2.0));
        assertThrows(IllegalArgumentException.class, () -> SeverityRule.usersAffected(0, Severity.SEV1));
        assertThrows(IllegalArgumentException.class, () -> SeverityRule.usersAffected(1.01, Severity.SEV1));
        assertThrows(IllegalArgumentException.class, () -> SeverityRule.usersAffected(Double.NaN, Severity.SEV1));
        assertThrows(IllegalArgumentException.class, () -> SeverityRule.usersAffected(0.5, null));
        assertThrows(IllegalArgumentException.class, () -> new SeverityRule(null, Severity.SEV1));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.classify(SeverityClassification.of(IncidentSlaConfig.custom()
                .severityRule(SeverityRule.usersAffected(0.5, Severity.SEV1)).build()), null));
        assertThrows(IllegalArgumentException.class, () -> IncidentSlaConfig.custom().severityRules(null));
        assertEquals(1.0, SeverityRule.revenueAffected(1, Severity.SEV1).when().threshold().doubleValue());
    }
}
