package io.github.deliverykit.metrics.dora;

import static io.github.deliverykit.metrics.dora.Events.commit;
import static io.github.deliverykit.metrics.dora.Events.h;
import static io.github.deliverykit.metrics.dora.Events.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lead-time histogram query: a worked example, the default buckets and bad bounds. */
final class LeadTimeHistogramTest {

    private static DoraDataset dataset() {
        // lead times 30 min, 2 h, 5 h, 3 days and 40 days; one commit after its deployment (dropped)
        return DoraDataset.of(DoraEvents.builder()
                .commits(List.of(commit("aaaa", h(99.5), h(99.5)), commit("bbbb", h(98), h(98)), commit("cccc", h(95), h(95)),
                        commit("dddd", h(100 - 72), h(100 - 72)), commit("eeee", h(100 - 960), h(100 - 960)),
                        commit("ffff", h(101), h(101))))
                .deployments(List.of(ok("d1", h(100), "aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff"))).build());
    }

    @Test
    void leadTimeHistogram_defaultBuckets() {
        LeadTimeHistogram hist = dataset().leadTimeHistogram(Events.days(-60, 30), LeadTimeHistogram.DEFAULT_BOUNDS);
        assertEquals(List.of(1L, 1L, 1L, 1L, 0L), hist.counts());
        assertEquals(0, hist.below());
        assertEquals(1, hist.atOrAbove(), "40 days is over 30 days");
        assertEquals(5, hist.total());
        assertEquals(5, hist.buckets());
        assertEquals(1, hist.count(3));
    }

    @Test
    void leadTimeHistogram_boundsAreHalfOpenAndExact() {
        DoraDataset d = dataset();
        LeadTimeHistogram hist = d.leadTimeHistogram(Events.days(-60, 30),
                List.of(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(2).plusNanos(1)));
        // 30 min is in the first bucket, 2 h in the second (from 2 h, up to 2 h + 1 ns)
        assertEquals(List.of(1L, 1L), hist.counts());
        assertEquals(0, hist.below());
        assertEquals(3, hist.atOrAbove());
        LeadTimeHistogram none = d.leadTimeHistogram(Events.days(10, 20), LeadTimeHistogram.DEFAULT_BOUNDS);
        assertEquals(0, none.total());
    }

    @Test
    void leadTimeHistogram_badBounds_nameTheBound() {
        DoraDataset d = dataset();
        var window = Events.days(0, 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.leadTimeHistogram(window, List.of(Duration.ofHours(2), Duration.ofHours(1))));
        assertTrue(e.getMessage().contains("bounds[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> d.leadTimeHistogram(window, List.of(Duration.ofHours(-1), Duration.ofHours(1))));
        assertTrue(e.getMessage().contains("bounds[0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.leadTimeHistogram(window, List.of(Duration.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> d.leadTimeHistogram(window, null));
        assertThrows(IllegalArgumentException.class,
                () -> d.leadTimeHistogram(window, Arrays.asList(Duration.ZERO, null)));
        assertThrows(IllegalArgumentException.class,
                () -> d.leadTimeHistogram(null, LeadTimeHistogram.DEFAULT_BOUNDS));
        assertThrows(IllegalArgumentException.class,
                () -> d.leadTimeHistogram(window, null, LeadTimeHistogram.DEFAULT_BOUNDS));
        List<Duration> many = new ArrayList<>();
        for (int i = 0; i <= LeadTimeHistogram.MAX_BOUNDS; i++) {
            many.add(Duration.ofSeconds(i));
        }
        assertThrows(IllegalArgumentException.class, () -> d.leadTimeHistogram(window, many));
        LeadTimeHistogram huge = d.leadTimeHistogram(Events.days(-60, 30),
                List.of(Duration.ZERO, Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
        assertEquals(5, huge.count(0), "a bound past every lead time saturates");
    }

    @Test
    void histogram_record_rejectsMismatchedCounts() {
        assertThrows(IllegalArgumentException.class,
                () -> new LeadTimeHistogram(LeadTimeHistogram.DEFAULT_BOUNDS, List.of(1L), 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LeadTimeHistogram(List.of(Duration.ZERO, Duration.ofHours(1)), List.of(-1L), 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LeadTimeHistogram(List.of(Duration.ZERO, Duration.ofHours(1)), List.of(1L), -1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LeadTimeHistogram(List.of(Duration.ZERO, Duration.ofHours(1)), List.of(1L), 0, 0).count(1));
    }
}
