package io.github.deliverykit.formats.canary;

import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.Samples;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class KayentaMetricSetPairsPropertyTest {

    private static final String SAMPLE = Samples.text("kayenta/metric-set-pairs.json");

    /** A mutated MetricSetPair list reads, or fails with a FormatException; never anything else. */
    @Property(tries = 300)
    void read_mutated_givesResultOrFormatException(@ForAll("mutations") String json) {
        try {
            KayentaMetricSetPairs.read("mutated.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (FormatException expected) {
            // the documented failure
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, SAMPLE.length() - 1),
                Arbitraries.integers().between(0, 12), Arbitraries.strings().withChars(" :-[]{}\",0.9eNaI-").ofMaxLength(4))
                .as((at, cut, insert) -> SAMPLE.substring(0, at) + insert + SAMPLE.substring(Math.min(SAMPLE.length(), at + cut)));
    }
}
