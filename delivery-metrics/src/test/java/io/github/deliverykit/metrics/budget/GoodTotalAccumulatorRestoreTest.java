package io.github.deliverykit.metrics.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link GoodTotalAccumulator#restore}: the inverse of reading an accumulator's state. */
final class GoodTotalAccumulatorRestoreTest {

    private static final Instant ORIGIN = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void restore_ofTheReadState_equalsTheOriginal() {
        GoodTotalAccumulator a = GoodTotalAccumulator.create(ORIGIN, Duration.ofMinutes(1), 3);
        a.record(ORIGIN.toEpochMilli(), true);
        a.record(ORIGIN.toEpochMilli() + 61_000, false);
        a.record(ORIGIN.toEpochMilli() + 150_000, 7, 9);
        a.record(ORIGIN.toEpochMilli() - 1, true);
        long[] good = {a.good(0), a.good(1), a.good(2)};
        long[] total = {a.total(0), a.total(1), a.total(2)};
        GoodTotalAccumulator b = GoodTotalAccumulator.restore(ORIGIN, Duration.ofMinutes(1), good, total, a.rejected());
        assertEquals(a, b);
        assertEquals(1, b.rejected());
        good[0] = 0; // copied
        assertEquals(1, b.good(0));
        assertNotSame(a, b);
    }

    @Test
    void restore_rejectsInconsistentState_namingTheField() {
        Duration m = Duration.ofMinutes(1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GoodTotalAccumulator.restore(ORIGIN, m,
                new long[] {1}, new long[] {1, 2}, 0)).getMessage().contains("good"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GoodTotalAccumulator.restore(ORIGIN, m,
                new long[] {3}, new long[] {2}, 0)).getMessage().contains("good[0]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GoodTotalAccumulator.restore(ORIGIN, m,
                new long[] {-1}, new long[] {2}, 0)).getMessage().contains("good[0]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GoodTotalAccumulator.restore(ORIGIN, m,
                new long[] {1}, new long[] {2}, -1)).getMessage().contains("rejected"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GoodTotalAccumulator.restore(ORIGIN, m,
                null, new long[] {2}, 0)).getMessage().contains("good"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GoodTotalAccumulator.restore(ORIGIN, m,
                new long[0], new long[0], 0)).getMessage().contains("buckets"));
        GoodTotalAccumulator edge = GoodTotalAccumulator.restore(ORIGIN, m, new long[] {2}, new long[] {2}, 0);
        assertEquals(2, edge.good(0));
    }
}
