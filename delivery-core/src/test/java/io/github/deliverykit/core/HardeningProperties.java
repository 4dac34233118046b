package io.github.deliverykit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Core's entry points at every edge: decimals of any scale and precision, money arithmetic, findings
 * with nulls inside. Either a value comes out or an IllegalArgumentException; never anything else.
 * Tries are scaled by {@code -Pproperties-deep}.
 */
final class HardeningProperties {

    @Provide
    Arbitrary<BigDecimal> anyDecimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000_000L), BigInteger.valueOf(1_000_000_000_000L)),
                Arbitraries.integers().between(0, 400).map(bits -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN.negate()));
        Arbitrary<Integer> scale = Arbitraries.oneOf(Arbitraries.integers().between(-120, 120),
                Arbitraries.integers(), Arbitraries.of(Integer.MIN_VALUE + 1, Integer.MAX_VALUE, -999_999_999, 0));
        return Combinators.combine(unscaled, scale).as(BigDecimal::new);
    }

    @Property(tries = 5000)
    void decimals_areBoundedOrRejected_andAlwaysRenderShort(@ForAll("anyDecimals") BigDecimal d) {
        boolean bounded = d.scale() >= -100 && d.scale() <= 100 && d.precision() <= 100;
        assertEquals(bounded, Checks.bounded(d));
        try {
            assertSame(d, Checks.decimal(d, "d"));
            assertTrue(bounded);
            String plain = Unit.COUNT.render(d);
            assertTrue(plain.length() <= 220, plain);
        } catch (IllegalArgumentException e) {
            assertTrue(!bounded, e.getMessage());
            assertTrue(e.getMessage().length() < 400, e.getMessage());
        }
        String formatted = Facts.format(d);
        assertTrue(formatted.length() <= 220 || d.precision() > 100, formatted);
        assertTrue(Facts.of("d", d).toString().startsWith("d="));
    }

    @Property(tries = 5000)
    void money_ofAndTimes_giveMoneyOrIllegalArgument(@ForAll("anyDecimals") BigDecimal amount,
            @ForAll("anyDecimals") BigDecimal factor) {
        Money m;
        try {
            m = Money.of(amount, Money.currency("EUR"));
        } catch (IllegalArgumentException e) {
            return;
        }
        assertEquals(0, m.toBigDecimal().compareTo(amount));
        try {
            Money p = m.times(factor, RoundingMode.HALF_EVEN);
            assertTrue(p.toBigDecimal().subtract(amount.multiply(factor)).abs()
                    .compareTo(new BigDecimal("0.000000001")) <= 0);
        } catch (IllegalArgumentException expected) {
            // out of range or unbounded factor
        }
    }

    @Property(tries = 5000)
    void money_sums_areExactOrOverflowAsIllegalArgument(@ForAll long a, @ForAll long b) {
        Money x = Money.ofNanos(a, "USD");
        Money y = Money.ofNanos(b, "USD");
        try {
            assertEquals(Math.addExact(a, b), x.plus(y).nanos());
        } catch (ArithmeticException overflow) {
            assertThrowsIae(() -> x.plus(y));
        }
    }

    private static void assertThrowsIae(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected IllegalArgumentException");
    }

    @Provide
    Arbitrary<List<Finding>> findingsWithNulls() {
        Arbitrary<Finding> one = Combinators.combine(Arbitraries.of(Level.values()),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6))
                .as((level, code) -> Finding.of("x." + code, level, "m", Facts.none()));
        return one.injectNull(0.1).list().ofMaxSize(12);
    }

    @Property(tries = 3000)
    void findings_withNullsNameTheFirstNullIndex_elseKeepOrderAndWorst(@ForAll("findingsWithNulls") List<Finding> list) {
        int firstNull = list.indexOf(null);
        Finding[] array = list.toArray(new Finding[0]);
        try {
            Findings f = Findings.of(array);
            assertEquals(-1, firstNull);
            assertEquals(list, f.list());
            Level worst = list.stream().map(Finding::level).reduce(Level.INFO, Level::worse);
            assertEquals(worst, f.worst());
            assertEquals(f, Findings.of(new ArrayList<>(list)));
        } catch (IllegalArgumentException e) {
            assertEquals("findings[" + firstNull + "] must not be null, but was null", e.getMessage());
        }
    }

    @Property(tries = 2000)
    void level_worse_isTheMaximum(@ForAll Level a, @ForAll Level b) {
        assertEquals(a.compareTo(b) >= 0 ? a : b, a.worse(b));
        assertEquals(a.worse(b), b.worse(a));
        assertEquals(Arrays.asList(Level.values()).indexOf(a.worse(b)), Math.max(a.ordinal(), b.ordinal()));
    }
}
