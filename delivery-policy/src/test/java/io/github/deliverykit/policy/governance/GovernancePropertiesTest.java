package io.github.deliverykit.policy.governance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.policy.governance.MergeGateConfig.AutoApprovalCriterion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

final class GovernancePropertiesTest {

    static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    @Property
    void spend_moreNeverLowersVerdict(@ForAll @LongRange(max = 100_000_000_000L) long session,
            @ForAll @LongRange(max = 1_000_000_000_000L) long day, @ForAll @LongRange(max = 10_000_000_000L) long more,
            @ForAll @IntRange(min = 1, max = 100) int warn) {
        SpendGuard g = SpendGuard.of(SpendGuardConfig.custom().caps(Money.ofNanos(50_000_000_000L, "USD"),
                Money.ofNanos(500_000_000_000L, "USD")).warnPercent(warn).build());
        SpendDecision.Verdict a = g.evaluate(SpendGuard.Spend.of(Money.ofNanos(session, "USD"),
                Money.ofNanos(day, "USD")), CLOCK).verdict();
        SpendDecision.Verdict b = g.evaluate(SpendGuard.Spend.of(Money.ofNanos(session + more, "USD"),
                Money.ofNanos(day + more, "USD")), CLOCK).verdict();
        assertTrue(b.compareTo(a) >= 0, a + " -> " + b);
    }

    @Property
    void badInput_onlyIllegalArgument(@ForAll("junk") String s, @ForAll @IntRange(min = -2, max = 2) int n,
            @ForAll("money") Money m, @ForAll("instants") Instant at) {
        PullRequest pr = new PullRequest("p", "r", "t", "a", Instant.EPOCH, null, null);
        expectOnlyIae(() -> MergeGate.Input.of(pr, List.of(), java.util.Collections.singletonList(s), n));
        expectOnlyIae(() -> MergeGate.Input.of(pr, null, List.of()));
        expectOnlyIae(() -> MergeGate.Input.of(pr, List.of(CiRun.check(s, s, null, at)), List.of()));
        expectOnlyIae(() -> AutoApprovalCriterion.of(s, null));
        expectOnlyIae(() -> MergeGateConfig.custom().maxCiRounds(n).protectedPath(s).build());
        expectOnlyIae(() -> MergeGate.of(MergeGateConfig.ofDefaults()).evaluate(null, CLOCK));
        expectOnlyIae(() -> MergeGate.of(null));
        expectOnlyIae(() -> MergeGateConfig.reviewCriteria(null));
        expectOnlyIae(() -> SpendGuardConfig.custom().caps(m, m).warnPercent(n * 60));
        expectOnlyIae(() -> SpendGuard.of(SpendGuardConfig.of(Money.of("1", "USD"), Money.of("2", "USD")))
                .evaluate(SpendGuard.Spend.of(m, m), CLOCK));
        expectOnlyIae(() -> SpendGuard.of(SpendGuardConfig.of(Money.of("1", "USD"), Money.of("2", "USD")))
                .tracker(ZoneOffset.UTC).record(s, at, m));
        expectOnlyIae(() -> SpendGuard.of(null));
        expectOnlyIae(() -> SpendGuard.of(SpendGuardConfig.ofDefaults()).tracker(null));
        expectOnlyIae(() -> AuditRecord.Field.MODEL_ID.isPresent(null));
        expectOnlyIae(() -> AuditTrail.of(AuditTrailConfig.ofDefaults()).evaluate(null, CLOCK));
        expectOnlyIae(() -> AuditTrailConfig.custom().level(null));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.of(null, "", " ", "s", "infra/**", "[", "\\Q");
    }

    @Provide
    Arbitrary<Money> money() {
        return Arbitraries.of(null, Money.ofNanos(-1, "USD"), Money.ofNanos(Long.MAX_VALUE, "USD"),
                Money.ofNanos(5, "EUR"), Money.ofNanos(0, "USD"), Money.ofNanos(1_500_000_000L, "USD"));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.of(null, Instant.MIN, Instant.MAX, Instant.EPOCH);
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
