package io.github.deliverykit.metrics.dora;

import io.github.deliverykit.core.metric.Comparison;
import java.util.List;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.BandTable;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.BandRule;
import io.github.deliverykit.metrics.dora.spi.PerformanceBands.Measure;

/** A test-only provider found through ServiceLoader (src/test/resources/META-INF/services). */
public final class TestTwoBands implements PerformanceBands {

    @Override
    public String id() {
        return "test-two-bands";
    }

    @Override
    public BandTable table() {
        return new BandTable("test-two-bands", "Test", "test", List.of("good", "bad"), List.of(
                new BandRule("good", Measure.REWORK_RATE, Comparison.LESS_THAN, 0.1),
                BandRule.otherwise("bad", Measure.REWORK_RATE)));
    }
}
