package io.github.deliverykit.formats.prometheus;

import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class PrometheusPropertyTest {

    private static final String SAMPLE = Samples.text("prometheus/good_total.json");

    /** A mutated response streams, or fails with a FormatException; never anything else. */
    @Property(tries = 300)
    void stream_mutated_givesResultOrFormatException(@ForAll("mutations") String json) {
        try {
            PrometheusResult.stream("mutated.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    (series, labels, millis, value) -> { });
        } catch (FormatException expected) {
            // the documented failure
        }
    }

    /** The same holds through the good / total mapping. */
    @Property(tries = 150)
    void goodTotal_mutated_givesResultOrFormatException(@ForAll("mutations") String json) throws IOException {
        Path f = Files.createTempFile("prom", ".json");
        try {
            Files.writeString(f, json);
            PrometheusSli.goodTotal(f, Duration.ofHours(1));
        } catch (FormatException expected) {
            // the documented failure
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, SAMPLE.length() - 1),
                Arbitraries.integers().between(0, 10), Arbitraries.strings().withChars("[]{},:\"-.0123456789eNaIf+ ").ofMaxLength(4))
                .as((at, cut, insert) -> SAMPLE.substring(0, at) + insert + SAMPLE.substring(Math.min(SAMPLE.length(), at + cut)));
    }
}
