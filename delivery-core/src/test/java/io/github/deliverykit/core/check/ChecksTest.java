package io.github.deliverykit.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ChecksTest {

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void messagesNameFieldAndValue() {
        assertEquals("target must not be null, but was null", message(() -> Checks.notNull(null, "target")));
        assertEquals("service must not be blank, but was ' '", message(() -> Checks.notBlank(" ", "service")));
        assertEquals("count must be greater than 0, but was 0", message(() -> Checks.positive(0L, "count")));
        assertEquals("count must not be negative, but was -1", message(() -> Checks.nonNegative(-1L, "count")));
        assertEquals("rate must be a finite number of 0 or more, but was NaN", message(() -> Checks.nonNegative(Double.NaN, "rate")));
        assertEquals("rate must be a finite number, but was Infinity", message(() -> Checks.finite(Double.POSITIVE_INFINITY, "rate")));
        assertEquals("p must be between 0.0 and 1.0, but was 1.5", message(() -> Checks.inRange(1.5, 0.0, 1.0, "p")));
        assertEquals("n must be between 1 and 9, but was 10", message(() -> Checks.inRange(10L, 1, 9, "n")));
        assertEquals("bake must be a positive duration, but was PT0S", message(() -> Checks.positive(Duration.ZERO, "bake")));
        assertEquals("bake must not be a negative duration, but was PT-1S",
                message(() -> Checks.nonNegative(Duration.ofSeconds(-1), "bake")));
        assertEquals("factor must be greater than 0, but was -1.5", message(() -> Checks.positive(new BigDecimal("-1.5"), "factor")));
        assertEquals("end must not be before start (2024-01-01T00:00:00Z), but was 2023-12-31T23:59:59Z",
                message(() -> Checks.notBefore(Instant.parse("2024-01-01T00:00:00Z"), "start",
                        Instant.parse("2023-12-31T23:59:59Z"), "end")));
        assertEquals("items[1] must not be null, but was null", message(() -> Checks.listOf(Arrays.asList("a", null), "items")));
    }

    @Test
    void goodValuesPassThrough() {
        assertEquals("x", Checks.notNull("x", "f"));
        assertEquals("x", Checks.notBlank("x", "f"));
        assertEquals(1L, Checks.positive(1L, "f"));
        assertEquals(0L, Checks.nonNegative(0L, "f"));
        assertEquals(0.0, Checks.nonNegative(0.0, "f"));
        assertEquals(-2.5, Checks.finite(-2.5, "f"));
        assertEquals(1.0, Checks.inRange(1.0, 0.0, 1.0, "f"));
        assertEquals(0.0, Checks.inRange(0.0, 0.0, 1.0, "f"));
        assertEquals(9L, Checks.inRange(9L, 1, 9, "f"));
        assertEquals(1L, Checks.inRange(1L, 1, 9, "f"));
        assertEquals(Duration.ofSeconds(1), Checks.positive(Duration.ofSeconds(1), "f"));
        assertEquals(Duration.ZERO, Checks.nonNegative(Duration.ZERO, "f"));
        assertEquals(BigDecimal.ONE, Checks.positive(BigDecimal.ONE, "f"));
        Checks.notBefore(Instant.EPOCH, "a", Instant.EPOCH, "b");
        assertEquals(List.of("a", "b"), Checks.listOf(List.of("a", "b"), "f"));
        assertEquals("a 1", Checks.message("%s %d", "a", 1));
    }

    /** notBlank agrees with String.isBlank on every character a text can start with, white space or not. */
    @Test
    void notBlank_isStringIsBlank_forEveryFirstCharacter() {
        for (char c = 0; c < 0x3100; c++) {
            for (String s : new String[] {String.valueOf(c), c + "x", c + " "}) {
                if (s.isBlank()) {
                    assertThrows(IllegalArgumentException.class, () -> Checks.notBlank(s, "f"), Integer.toHexString(c));
                } else {
                    assertEquals(s, Checks.notBlank(s, "f"), Integer.toHexString(c));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Checks.notBlank("", "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.notBlank(" \t\u2003", "f"));
    }

    @Test
    void nullsAreIllegalArguments() {
        assertThrows(IllegalArgumentException.class, () -> Checks.notBlank(null, "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.positive((Duration) null, "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative((Duration) null, "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.positive((BigDecimal) null, "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.notBefore(null, "a", Instant.EPOCH, "b"));
        assertThrows(IllegalArgumentException.class, () -> Checks.notBefore(Instant.EPOCH, "a", null, "b"));
        assertThrows(IllegalArgumentException.class, () -> Checks.listOf(null, "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative(Double.POSITIVE_INFINITY, "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative(-0.5, "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange(Double.NaN, 0, 1, "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange(-0.1, 0, 1, "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange(0L, 1, 9, "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.positive(Duration.ofSeconds(-1), "f"));
        assertThrows(IllegalArgumentException.class, () -> Checks.positive(BigDecimal.ZERO, "f"));
    }
}
