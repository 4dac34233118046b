package io.github.deliverykit.formats.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.formats.internal.KayentaShapes.AnalysisResult;
import io.github.deliverykit.formats.internal.KayentaShapes.GroupScore;
import io.github.deliverykit.formats.internal.KayentaShapes.JudgeResult;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.CanaryDecision;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

final class KayentaJudgeResultsPropertyTest {

    /**
     * Any canary data: the judge results read back into the same fields, one per judge, every
     * classification one of Kayenta's, every score within 0 and 100.
     */
    @Property(tries = 60)
    void write_anyData_roundTripsWithKayentasLabels(@ForAll @IntRange(max = 1000) int canaryBad,
            @ForAll @IntRange(max = 1000) int baselineBad, @ForAll @IntRange(max = 1000) int total,
            @ForAll("latencies") @Size(max = 40) List<Double> canary, @ForAll("latencies") @Size(max = 40) List<Double> baseline,
            @ForAll boolean queryError) throws Exception {
        CanaryAnalysisConfig config = KayentaJudgeResultsTest.config();
        List<Observation> log = new ArrayList<>();
        log.add(new Observation.Count(KayentaJudgeResultsTest.T0, Variant.CANARY, "requests", Math.min(canaryBad, total), total));
        log.add(new Observation.Count(KayentaJudgeResultsTest.T0, Variant.BASELINE, "requests", Math.min(baselineBad, total), total));
        for (double v : canary) {
            log.add(new Observation.Sample(KayentaJudgeResultsTest.T0, Variant.CANARY, "latency", v));
        }
        for (double v : baseline) {
            log.add(new Observation.Sample(KayentaJudgeResultsTest.T0, Variant.BASELINE, "latency", v));
        }
        if (queryError) {
            log.add(new Observation.QueryError(KayentaJudgeResultsTest.T0, "cpu", "no such series"));
        }
        CanaryDecision d = KayentaJudgeResultsTest.decide(config, log);
        List<JudgeResult> written = KayentaJudgeResults.results(d, config);
        assertEquals(written, KayentaJudgeResultsTest.readBack(KayentaJudgeResults.toJson(d, config)));
        assertEquals(d.judgements().size(), written.size());
        for (JudgeResult j : written) {
            assertTrue(KayentaJudgeResults.SCORE_CLASSIFICATIONS.contains(j.score().classification()), j.score().toString());
            assertTrue(j.score().score() >= 0 && j.score().score() <= 100, j.score().toString());
            for (AnalysisResult r : j.results()) {
                assertTrue(KayentaJudgeResults.METRIC_CLASSIFICATIONS.contains(r.classification()), r.toString());
                assertTrue(List.of("normal", "critical", "report-only").contains(r.criticality()), r.toString());
            }
            for (GroupScore g : j.groupScores()) {
                assertTrue(g.score() >= 0 && g.score() <= 100, g.toString());
            }
        }
    }

    @Provide
    Arbitrary<List<Double>> latencies() {
        return Arbitraries.doubles().between(0, 5000).ofScale(2).list();
    }
}
