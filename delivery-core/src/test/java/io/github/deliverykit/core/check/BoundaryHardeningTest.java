package io.github.deliverykit.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.Threshold;
import io.github.deliverykit.core.metric.Comparison;
import io.github.deliverykit.core.metric.Unit;
import io.github.deliverykit.core.money.Money;
import io.github.deliverykit.core.spi.Provider;
import io.github.deliverykit.core.spi.ProviderRegistry;
import io.github.deliverykit.core.spi.RuleResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The classes of undocumented exceptions the reflection fuzzer found in core, one test per class. */
final class BoundaryHardeningTest {

    /** Scale Integer.MIN_VALUE + 1: toPlainString needs a 2 GB buffer. */
    static final BigDecimal HUGE_SCALE = new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE + 1);
    /** 1e999999999: toPlainString and setScale take minutes. */
    static final BigDecimal HUGE_EXPONENT = new BigDecimal("1e999999999");
    static final BigDecimal TINY = new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE);

    private static String iae(Executable call) {
        return assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(IllegalArgumentException.class, call))
                .getMessage();
    }

    @Test
    void hugeScaleDecimals_areRejectedAtTheBoundary_withTheirExponent() {
        for (BigDecimal d : List.of(HUGE_SCALE, HUGE_EXPONENT, TINY, HUGE_EXPONENT.negate())) {
            String m = iae(() -> Checks.decimal(d, "x"));
            assertTrue(m.startsWith("x must have at most 100 significant digits"), m);
            assertTrue(m.endsWith(d.toString()), m);
            iae(() -> Money.of(d, Money.currency("USD")));
            iae(() -> Money.of("1", "USD").times(d, RoundingMode.HALF_EVEN));
            iae(() -> Unit.RATIO.render(d));
            iae(() -> Unit.plain(d));
            iae(() -> new Measurement("x.y", d, Unit.COUNT));
            iae(() -> new Threshold("x.y", Comparison.AT_MOST, d, d, Unit.COUNT));
            iae(() -> Incident.builder("i", "svc", Severity.SEV1).started(Instant.EPOCH).detected(Instant.EPOCH)
                    .impact(d).build());
        }
        assertEquals("x must be greater than 0, but was 0E+2147483647",
                iae(() -> Checks.positive(new BigDecimal(BigInteger.ZERO, Integer.MIN_VALUE + 1), "x")));
        assertTrue(Checks.bounded(new BigDecimal("1e-100")));
        assertTrue(!Checks.bounded(new BigDecimal("1e-101")));
        assertTrue(Checks.bounded(new BigDecimal(BigInteger.TEN.pow(99))));
        assertTrue(!Checks.bounded(new BigDecimal(BigInteger.TEN.pow(100))));
    }

    @Test
    void factsOfHugeDecimals_renderWithAnExponent() {
        assertEquals("x=1E+999999999", assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> Facts.of("x", HUGE_EXPONENT).toString()));
        assertEquals("1E+2147483647", Facts.format(HUGE_SCALE));
        assertEquals("0.25", Facts.format(new BigDecimal("0.2500")));
        // found by HardeningProperties: rounding 101 digits at scale MIN_VALUE + 1 underflows the scale
        BigDecimal wide = new BigDecimal(BigInteger.TEN.pow(101).add(BigInteger.ONE), Integer.MIN_VALUE + 1);
        assertEquals(wide.toString(), Facts.format(wide));
    }

    @Test
    void longStrings_areCutInMessages() {
        String m = Checks.invalid("name", "must be short", "x".repeat(1_000_000)).getMessage();
        assertTrue(m.length() < 2_000, "length " + m.length());
    }

    @Test
    void nullElements_nameTheirIndex() {
        Finding f = Finding.info("a.b", "m", Facts.none());
        assertEquals("findings[1] must not be null, but was null", iae(() -> Findings.of(f, null)));
        assertEquals("findings[0] must not be null, but was null", iae(() -> RuleResult.of("x", (Finding) null)));
        assertEquals("findings[1] must not be null, but was null", iae(() -> RuleResult.of("x", Arrays.asList(f, null))));
        assertEquals("providers[0] must not be null, but was null",
                iae(() -> ProviderRegistry.of(Provider.class, (Provider) null)));
    }

    @Test
    void nullArguments_nameTheParameter() {
        assertEquals("other must not be null, but was null", iae(() -> Level.PASS.worse(null)));
        assertEquals("format must not be null, but was null", iae(() -> Checks.message(null, 1)));
        assertTrue(iae(() -> Checks.message("%d", "not a number")).startsWith("format '%d' does not match"));
        assertEquals("value must not be null, but was null", iae(() -> Unit.plain(null)));
    }
}
