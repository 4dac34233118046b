package io.github.deliverykit.policy.release;

import static io.github.deliverykit.policy.release.ReleaseReadinessTest.CLOCK;
import static io.github.deliverykit.policy.release.ReleaseReadinessTest.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.Shadow;
import io.github.deliverykit.policy.release.ReadinessDecision.Recommendation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ReleaseShadowTest {

    static final Instant EFFECTIVE = CLOCK.instant().plusSeconds(3600);

    static ReadinessDecision decide(ReleaseReadinessConfig config, Instant now) {
        // a scan with 2 critical findings fails the security criterion
        ReleaseEvidence evidence = ReleaseReadinessTest.seedEvidence().securityScan(2, 0).documentation(true, 0)
                .build();
        return ReleaseReadiness.of(config).evaluate(ReleaseReadiness.Input.of(Release.of("v2.5.0", "v2.4.3", TARGET),
                evidence), Clock.fixed(now, ZoneOffset.UTC));
    }

    static ReleaseReadinessConfig securityFrom(Instant effectiveOn) {
        return ReleaseReadinessConfig.custom().effectiveOn(ReleaseReadiness.SECURITY, effectiveOn).build();
    }

    @Test
    void beforeTheDate_aFailingCriterionIsAConditionNotANoGo() {
        ReadinessDecision d = decide(securityFrom(EFFECTIVE), EFFECTIVE.minusNanos(1));
        assertEquals(Recommendation.CONDITIONAL_GO, d.recommendation());
        assertEquals(List.of("Accept that exit criterion security would fail; it is enforced from " + EFFECTIVE),
                d.conditions());
        Finding shadow = d.findings().find("release.rule.shadow").orElseThrow();
        assertEquals(Level.WARN, shadow.level());
        assertEquals("security", shadow.fact("rule"));
        assertEquals(EFFECTIVE, shadow.fact("effective_on"));
        assertEquals(Level.FAIL, shadow.fact("would_be"));
        assertEquals(Level.WARN, d.findings().find("security").orElseThrow().level());
        Shadow s = d.shadow(ReleaseReadiness.SECURITY).orElseThrow();
        assertTrue(s.wouldFail());
        assertEquals(List.of(s), d.shadowed());
        assertTrue(d.shadow(ReleaseReadiness.BUGS).isEmpty());
    }

    @Test
    void atAndAfterTheDate_enforcedAsWithoutADate() {
        ReadinessDecision plain = decide(ReleaseReadinessConfig.ofDefaults(), EFFECTIVE);
        assertEquals(Recommendation.NO_GO, plain.recommendation());
        assertEquals(plain, decide(securityFrom(EFFECTIVE), EFFECTIVE));
        assertEquals(decide(ReleaseReadinessConfig.ofDefaults(), EFFECTIVE.plusSeconds(86_400)),
                decide(securityFrom(EFFECTIVE), EFFECTIVE.plusSeconds(86_400)));
    }

    @Test
    void beforeTheDate_aWarningCriterionKeepsItsCondition_aPassingOneStaysAGo() {
        ReleaseReadinessConfig docs = ReleaseReadinessConfig.custom()
                .effectiveOn(ReleaseReadiness.DOCUMENTATION, EFFECTIVE).build();
        ReadinessDecision seed = ReleaseReadiness.of(docs).evaluate(ReleaseReadiness.Input.of(
                Release.of("v2.5.0", "v2.4.3", TARGET), ReleaseReadinessTest.seedEvidence().build()), CLOCK);
        assertEquals(Recommendation.CONDITIONAL_GO, seed.recommendation());
        assertEquals(List.of("Complete documentation review before T-0"), seed.conditions());
        assertEquals(Level.WARN, seed.shadow(ReleaseReadiness.DOCUMENTATION).orElseThrow().wouldBe());
        ReadinessDecision clean = ReleaseReadiness.of(docs).evaluate(ReleaseReadiness.Input.of(
                Release.of("v2.5.0", "v2.4.3", TARGET), ReleaseReadinessTest.seedEvidence().documentation(true, 0)
                        .build()), CLOCK);
        assertEquals(Recommendation.GO, clean.recommendation());
        assertEquals(Level.INFO, clean.findings().find("release.rule.shadow").orElseThrow().level());
    }

    @Test
    void config_effectiveDates_validated() {
        ReleaseReadinessConfig c = securityFrom(EFFECTIVE);
        assertEquals(java.util.Map.of("security", EFFECTIVE), c.effectiveDates());
        assertEquals(c.effectiveDates(), ReleaseReadinessConfig.from(c).build().effectiveDates());
        assertThrows(IllegalArgumentException.class, () -> ReleaseReadinessConfig.custom().effectiveOn("Sec", EFFECTIVE));
        assertThrows(IllegalArgumentException.class, () -> ReleaseReadinessConfig.custom().effectiveOn(null, EFFECTIVE));
        assertThrows(IllegalArgumentException.class, () -> ReleaseReadinessConfig.custom().effectiveOn("security", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReleaseReadiness.of(
                ReleaseReadinessConfig.custom().effectiveOn("no-such", EFFECTIVE).build()));
        assertTrue(e.getMessage().contains("no-such"), e.getMessage());
    }
}
