package io.github.deliverykit.policy.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Level;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
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
import io.github.deliverykit.policy.strategy.StrategyInput;
import io.github.deliverykit.policy.strategy.StrategyInput.ReleaseType;

final class ReleasePropertiesTest {

    private static final Release RELEASE = Release.of("v2.5.0", "v2.4.3", ReleaseReadinessTest.TARGET);

    @Provide
    Arbitrary<Level> verdictLevels() {
        return Arbitraries.of(Level.PASS, Level.WARN, Level.FAIL);
    }

    private static Recommendation recommend(List<Level> levels) {
        List<ExitCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            criteria.add(ReleaseReadinessTest.criterion("custom" + i,
                    ReleaseReadinessTest.result("custom" + i, levels.get(i), "c" + i)));
        }
        return ReleaseReadiness.of(ReleaseReadinessConfig.ofDefaults(), criteria)
                .evaluate(
                        ReleaseReadiness.Input.of(RELEASE, ReleaseReadinessTest.seedEvidence().documentation(true, 0).build()), ReleaseReadinessTest.CLOCK)
                .recommendation();
    }

    @Property(tries = 100)
    void addingWarn_neverImprovesRecommendation(@ForAll @Size(max = 6) List<@net.jqwik.api.From("verdictLevels") Level> levels,
            @ForAll @IntRange(max = 6) int at) {
        Recommendation before = recommend(levels);
        List<Level> more = new ArrayList<>(levels);
        more.add(Math.min(at, more.size()), Level.WARN);
        Recommendation after = recommend(more);
        assertTrue(after.compareTo(before) >= 0, before + " -> " + after);
        assertNotEquals(Recommendation.GO, after);
        if (before == Recommendation.NO_GO) {
            assertEquals(Recommendation.NO_GO, after);
        }
    }

    @Property(tries = 100)
    void recommendation_isWorstLevel(@ForAll @Size(max = 6) List<@net.jqwik.api.From("verdictLevels") Level> levels) {
        Recommendation r = recommend(levels);
        Recommendation expected = levels.contains(Level.FAIL) ? Recommendation.NO_GO
                : levels.contains(Level.WARN) ? Recommendation.CONDITIONAL_GO : Recommendation.GO;
        assertEquals(expected, r);
    }

    @Property
    void semver_parseRoundTripsAndOrdersLikeTuples(@ForAll @IntRange(max = 50) int a, @ForAll @IntRange(max = 50) int b,
            @ForAll @IntRange(max = 50) int c, @ForAll @IntRange(max = 50) int d) {
        SemanticVersion x = SemanticVersion.parse(a + "." + b + "." + c);
        SemanticVersion y = SemanticVersion.parse("v" + b + "." + c + "." + d);
        assertEquals(x, SemanticVersion.parse(x.toString()));
        int tuple = a != b ? Integer.compare(a, b) : b != c ? Integer.compare(b, c) : Integer.compare(c, d);
        assertEquals(Integer.signum(tuple), Integer.signum(x.compareTo(y)));
    }

    @Property
    void badInput_onlyIllegalArgument(@ForAll("junk") String s, @ForAll @IntRange(min = -2, max = 2) int n,
            @ForAll("durations") Duration d, @ForAll("doubles") double x, @ForAll("dates") LocalDate date) {
        expectOnlyIae(() -> SemanticVersion.parse(s));
        expectOnlyIae(() -> Release.of(s, s, date));
        expectOnlyIae(() -> Release.of("1.0.0", null, date));
        expectOnlyIae(() -> new SemanticVersion(n, n, n, s, s));
        expectOnlyIae(() -> ReleaseEvidence.builder().openBugs(n, n).securityScan(n, n).p99Latency(d)
                .loadTestPeakMultiple(x).documentation(true, n).custom(s, s).uatSignOff(date).build());
        expectOnlyIae(() -> ReleaseReadinessConfig.custom().p99Target(d).loadMultiple(x).noGoDelayDays(n)
                .maxVulnerabilities(n, n).monitoringPeriod(d).disable(s, s).build());
        expectOnlyIae(() -> CommunicationPlan.forTarget(date));
        expectOnlyIae(() -> new Verdict(null, s));
        expectOnlyIae(() -> new StrategyInput(null, n, null));
        expectOnlyIae(() -> new Feature(s, (Feature.Status) null));
        expectOnlyIae(() -> Dependency.of(null, s));
        expectOnlyIae(() -> new Release.Scope(null, List.of(), List.of()));
        expectOnlyIae(() -> Release.typeOf(null, null));
        expectOnlyIae(() -> ReleaseReadiness.ofDefaults().evaluate(null, null));
        expectOnlyIae(() -> ReleaseReadiness.ofDefaults().evaluate(
                ReleaseReadiness.Input.of(RELEASE, ReleaseEvidence.builder().p99Latency(d).build()), ReleaseReadinessTest.CLOCK));
        expectOnlyIae(() -> ReleaseReadiness.builtIns().get(Math.floorMod(n, 7)).evaluate(null, null, null));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.of(null, "", " ", "1.2", "v1.2.3", "1.2.3-", "9999999999999999999.1.1"),
                Arbitraries.strings().withChars("0123456789.-+vx").ofMaxLength(12));
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.of(null, Duration.ZERO, Duration.ofMillis(-1), Duration.ofMillis(320),
                Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -1.0, 0.0, 2.0, 1e300);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.of(null, LocalDate.MIN, LocalDate.MAX, LocalDate.of(2024, 1, 25), LocalDate.of(1899, 12, 31));
    }

    static void expectOnlyIae(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException expected) {
            // the only exception bad input may raise
        } catch (RuntimeException e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }
}
