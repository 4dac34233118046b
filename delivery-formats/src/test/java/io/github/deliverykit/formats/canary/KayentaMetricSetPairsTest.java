package io.github.deliverykit.formats.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.Samples;
import io.github.deliverykit.formats.prometheus.CanaryRead;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class KayentaMetricSetPairsTest {

    static CanaryRead read(String text) {
        return KayentaMetricSetPairs.read("pairs.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sample_controlIsBaseline_experimentIsCanary() {
        CanaryRead r = KayentaMetricSetPairs.read(Samples.path("kayenta/metric-set-pairs.json"));
        assertEquals(14, r.observations().size());
        assertEquals(new Observation.Sample(Instant.parse("2025-07-01T10:00:00Z"), Variant.BASELINE, "latency", 212.0),
                r.observations().get(0));
        Observation.Sample gap = (Observation.Sample) r.observations().get(3);
        assertEquals(Instant.parse("2025-07-01T10:03:00Z"), gap.at());
        assertTrue(Double.isNaN(gap.value()), "Kayenta's NaN gap is kept");
        assertEquals(new Observation.Sample(Instant.parse("2025-07-01T10:04:00Z"), Variant.CANARY, "latency", 226.7),
                r.observations().get(9));
        assertEquals(new Observation.Sample(Instant.parse("2025-07-01T10:05:00Z"), Variant.CANARY, "cpu", 0.47),
                r.observations().get(13));
        assertEquals("read 3, accepted 2, rejected 1, skipped 0, merged 0, noted 0", r.report().summary());
        assertEquals("line 25, $[2]", r.report().issues().get(0).position());
        assertEquals("values.control and values.experiment are required", r.report().issues().get(0).reason());
    }

    @Test
    void hostilePairs_areRejected_withNothingHalfRead() {
        String scope = "\"scopes\":{\"control\":{\"startTimeMillis\":0,\"stepMillis\":1000},"
                + "\"experiment\":{\"startTimeMillis\":0,\"stepMillis\":1000}}";
        CanaryRead r = read("[{\"values\":{\"control\":[1],\"experiment\":[1]}," + scope + "},"
                + "{\"name\":\"m\",\"values\":{\"control\":[1],\"experiment\":[\"Infinity\"]}," + scope + "},"
                + "{\"name\":\"m\",\"values\":{\"control\":[1],\"experiment\":[1]},\"scopes\":{\"control\":{\"startTimeMillis\":0,"
                + "\"stepMillis\":0},\"experiment\":{\"startTimeMillis\":0,\"stepMillis\":1000}}},"
                + "{\"name\":\"m\",\"values\":{\"control\":[1],\"experiment\":[1]},\"scopes\":{\"control\":{\"startTimeIso\":\"noon\","
                + "\"stepMillis\":1},\"experiment\":{\"startTimeMillis\":0,\"stepMillis\":1000}}},"
                + "{\"name\":\"m\",\"values\":{\"control\":[\"x\"],\"experiment\":[1]}," + scope + "},"
                + "{\"name\":\"m\",\"values\":{\"control\":[1,2,3],\"experiment\":[1]},\"scopes\":{\"control\":{\"startTimeMillis\":"
                + Long.MAX_VALUE + ",\"stepMillis\":" + Long.MAX_VALUE + "},\"experiment\":{\"startTimeMillis\":0,\"stepMillis\":1}}},"
                + "null, 7]");
        assertEquals(8, r.report().read());
        assertEquals(0, r.report().accepted(), r.report().issues().toString());
        assertEquals(8, r.report().rejected());
        assertEquals(0, r.observations().size());
        assertTrue(r.report().issues().get(1).reason().contains("values.experiment[0] is infinite"), r.report().issues().toString());
        assertTrue(r.report().issues().get(4).position().contains("values.control[0]"), r.report().issues().toString());
    }

    @Test
    void notAnArray_isAFormatException() {
        assertEquals("$", assertThrows(FormatException.class, () -> read("{\"name\":\"m\"}")).position());
        assertThrows(FormatException.class, () -> read("[{\"name\":"));
        assertThrows(FormatException.class, () -> read(""));
    }
}
