package io.github.deliverykit.formats.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.deliverykit.formats.internal.KayentaShapes.AnalysisResult;
import io.github.deliverykit.formats.internal.KayentaShapes.JudgeResult;
import io.github.deliverykit.policy.canary.CanaryAnalysis;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.MetricSpec;
import io.github.deliverykit.policy.canary.CanaryAnalysisConfig.NoDataStrategy;
import io.github.deliverykit.policy.canary.CanaryDecision;
import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import io.github.deliverykit.policy.canary.Rollout;
import io.github.deliverykit.policy.canary.RolloutPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class KayentaJudgeResultsTest {

    static final Instant T0 = Instant.parse("2026-01-25T10:00:00Z");

    /** Both built-in judges: error rate high on the canary, latency equal, one metric without data. */
    static CanaryAnalysisConfig config() {
        return CanaryAnalysisConfig.custom().judges(List.of("threshold", "mann-whitney"))
                // the power check off: 1,000 requests per variant cannot exclude +1 point, which the examples do not test
                .metric(MetricSpec.proportion("requests").group("errors").harmfulIncrease(0).build())
                .metric(MetricSpec.samples("latency").group("latency").minSamples(3).build())
                .metric(MetricSpec.samples("cpu").group("latency").dryRun().noData(NoDataStrategy.IGNORE).build())
                .build();
    }

    static CanaryDecision decide(CanaryAnalysisConfig config, List<Observation> log) {
        return CanaryAnalysis.of(config).evaluate(
                CanaryAnalysis.StageInput.of(RolloutPlan.canaryDefault(), Rollout.State.start(T0), log),
                Clock.fixed(T0.plus(Duration.ofMinutes(30)), ZoneOffset.UTC));
    }

    static List<Observation> log(long canaryBad, long baselineBad) {
        List<Observation> log = new ArrayList<>();
        log.add(new Observation.Count(T0, Variant.CANARY, "requests", canaryBad, 1000));
        log.add(new Observation.Count(T0, Variant.BASELINE, "requests", baselineBad, 1000));
        for (int i = 0; i < 30; i++) {
            log.add(new Observation.Sample(T0.plusSeconds(i), Variant.CANARY, "latency", 100 + i));
            log.add(new Observation.Sample(T0.plusSeconds(i), Variant.BASELINE, "latency", 100 + i));
        }
        return log;
    }

    static List<JudgeResult> readBack(String json) throws Exception {
        return KayentaJudgeResults.JSON.readValue(json, new TypeReference<List<JudgeResult>>() {});
    }

    private static AnalysisResult metric(JudgeResult j, String name) {
        return j.results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void write_roundTripsIntoTheSameFields() throws Exception {
        CanaryAnalysisConfig config = config();
        CanaryDecision d = decide(config, log(80, 10));
        String json = KayentaJudgeResults.toJson(d, config);
        assertEquals(KayentaJudgeResults.results(d, config), readBack(json));
    }

    @Test
    void write_usesKayentasFieldNamesAndOrder() throws Exception {
        CanaryAnalysisConfig config = config();
        JsonNode root = KayentaJudgeResults.JSON.readTree(KayentaJudgeResults.toJson(decide(config, log(80, 10)), config));
        assertEquals(2, root.size());
        JsonNode mw = root.get(1);
        assertEquals(List.of("judgeName", "results", "groupScores", "score"), names(mw));
        assertEquals("mann-whitney", mw.get("judgeName").asText());
        assertEquals(List.of("score", "classification", "classificationReason"), names(mw.get("score")));
        JsonNode requests = mw.get("results").get(0);
        assertEquals(List.of("name", "tags", "id", "classification", "classificationReason", "groups", "experimentMetadata",
                "controlMetadata", "resultMetadata", "criticality"), names(requests));
        assertEquals(List.of("name", "score", "classification", "classificationReason"), names(mw.get("groupScores").get(0)));
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void mannWhitney_classifiesPerMetricAndScoresByGroup() {
        CanaryAnalysisConfig config = config();
        JudgeResult mw = KayentaJudgeResults.results(decide(config, log(80, 10)), config).get(1);
        AnalysisResult requests = metric(mw, "requests");
        assertEquals("High", requests.classification());
        assertEquals("mann-whitney/requests", requests.id());
        assertEquals(List.of("errors"), requests.groups());
        assertEquals("normal", requests.criticality());
        assertEquals(Map.of("stats", Map.of("bad", 80L, "count", 1000L, "rate", new java.math.BigDecimal("0.08"))),
                requests.experimentMetadata());
        assertEquals(Map.of("stats", Map.of("bad", 10L, "count", 1000L, "rate", new java.math.BigDecimal("0.01"))),
                requests.controlMetadata());
        assertEquals(8L, requests.resultMetadata().get("rateRatio"));
        assertTrue(requests.classificationReason().contains("significantly higher"), requests.classificationReason());
        assertEquals("Pass", metric(mw, "latency").classification());
        AnalysisResult cpu = metric(mw, "cpu");
        assertEquals("Nodata", cpu.classification());
        assertEquals("report-only", cpu.criticality());
        // groups: errors 0 of 1, latency 1 of 1 (the dry run does not count)
        assertEquals(2, mw.groupScores().size());
        assertEquals("errors", mw.groupScores().get(0).name());
        assertEquals(0.0, mw.groupScores().get(0).score());
        assertEquals("", mw.groupScores().get(0).classification());
        assertEquals(100.0, mw.groupScores().get(1).score());
        assertEquals(50.0, mw.score().score());
        assertEquals("Marginal", mw.score().classification(), "50 is the default marginal score");
        assertTrue(mw.score().classificationReason().contains("marginal"), mw.score().classificationReason());
        assertFalse(mw.results().stream().anyMatch(r -> r.name().equals("score")), "the score is not a metric");
    }

    @Test
    void mannWhitney_passingCanaryPasses() {
        CanaryAnalysisConfig config = config();
        JudgeResult mw = KayentaJudgeResults.results(decide(config, log(10, 10)), config).get(1);
        assertEquals("Pass", metric(mw, "requests").classification());
        assertEquals(100.0, mw.score().score());
        assertEquals("Pass", mw.score().classification());
    }

    @Test
    void threshold_scoresItsGatesWithoutGroups() {
        CanaryAnalysisConfig config = config();
        JudgeResult t = KayentaJudgeResults.results(decide(config, log(80, 10)), config).get(0);
        assertEquals("threshold", t.judgeName());
        AnalysisResult rate = metric(t, "error-rate");
        assertEquals("High", rate.classification(), "8 % against the default maximum");
        assertEquals(List.of(), rate.groups());
        assertEquals(new java.math.BigDecimal("0.08"), rate.resultMetadata().get("value"));
        assertEquals(List.of(), t.groupScores());
        assertEquals("Fail", t.score().classification());
        AnalysisResult latency = metric(t, "latency");
        assertEquals("Nodata", latency.classification(), "30 samples are below the latency gate's minimum");
        assertTrue(latency.classificationReason().contains("holding"), latency.classificationReason());
        assertEquals(0.0, t.score().score());
        assertTrue(t.score().classificationReason().contains("error-rate"), t.score().classificationReason());
    }

    @Test
    void threshold_withoutTrafficIsNodata() {
        CanaryAnalysisConfig config = CanaryAnalysisConfig.custom().judges(List.of("threshold")).noLatencyGate().build();
        JudgeResult t = KayentaJudgeResults.results(decide(config, List.of()), null).get(0);
        assertEquals("Nodata", metric(t, "error-rate").classification());
        assertEquals("Nodata", t.score().classification());
        assertEquals(0.0, t.score().score());
    }

    @Test
    void queryError_isError() {
        CanaryAnalysisConfig config = config();
        List<Observation> log = new ArrayList<>(log(10, 10));
        log.add(new Observation.QueryError(T0, "latency", "timeout"));
        JudgeResult mw = KayentaJudgeResults.results(decide(config, log), config).get(1);
        AnalysisResult latency = metric(mw, "latency");
        assertEquals("Error", latency.classification());
        assertEquals("timeout", latency.resultMetadata().get("errors"));
        JudgeResult t = KayentaJudgeResults.results(decide(config, log), config).get(0);
        assertEquals("Error", metric(t, "latency").classification());
        assertEquals("Error", t.score().classification());
    }

    @Test
    void segment_isTheCodePartAfterTheJudge() {
        assertEquals("error-rate", KayentaJudgeResults.segment("threshold.error-rate.no-data", "threshold."));
        assertEquals("latency", KayentaJudgeResults.segment("threshold.latency", "threshold."));
        assertNull(KayentaJudgeResults.segment("canary.stage", "threshold."));
    }

    @Test
    void write_rejectsNulls() {
        assertThrows(IllegalArgumentException.class, () -> KayentaJudgeResults.toJson(null, null));
        assertThrows(IllegalArgumentException.class,
                () -> KayentaJudgeResults.write(decide(config(), log(1, 1)), null, null));
    }

    /** A third-party judge's result: facts named exactly like the prefixes, criticality from the result and the facts. */
    @Test
    void thirdPartyJudge_factsAndCriticality() {
        io.github.deliverykit.core.finding.Findings fs = io.github.deliverykit.core.finding.Findings.of(
                io.github.deliverykit.core.finding.Finding.fail("acme.p99", "p99 too high",
                        io.github.deliverykit.core.finding.Facts.of("canary", 3, "baseline", 4, "canaryP99", 250.5,
                                "big", new java.math.BigDecimal("1E+3"), "ratio", 0.25, "whole", 2.0, "critical", true)),
                io.github.deliverykit.core.finding.Finding.pass("acme.cpu", "cpu fine",
                        io.github.deliverykit.core.finding.Facts.of("critical", false)),
                io.github.deliverykit.core.finding.Finding.warn("acme.mem", "mem marginal",
                        io.github.deliverykit.core.finding.Facts.none()));
        List<io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult> ms = List.of(
                new io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult("p99",
                        io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome.FAIL, false, false, 250.5),
                new io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult("cpu",
                        io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome.PASS, true, false),
                new io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult("mem",
                        io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome.INCONCLUSIVE, false, false),
                new io.github.deliverykit.policy.canary.spi.CanaryJudge.MetricResult("disk",
                        io.github.deliverykit.policy.canary.spi.CanaryJudge.Outcome.ERROR, false, true));
        CanaryDecision real = decide(config(), log(10, 10));
        CanaryDecision d = new CanaryDecision(real.at(), 0, 5, real.verdict(), fs,
                List.of(new CanaryDecision.Judgement("acme", ms, fs)), null, List.of(), real.next());
        JudgeResult j = KayentaJudgeResults.results(d, null).get(0);
        AnalysisResult p99 = metric(j, "p99");
        assertEquals("High", p99.classification());
        assertEquals("critical", p99.criticality(), "a critical fact makes it critical");
        assertEquals(3L, p99.resultMetadata().get("canary"), "a fact named just canary is not a stat");
        assertEquals(4L, p99.resultMetadata().get("baseline"));
        assertEquals(Map.of("stats", Map.of("p99", new java.math.BigDecimal("250.5"))), p99.experimentMetadata());
        assertEquals(1000L, p99.resultMetadata().get("big"));
        assertEquals(new java.math.BigDecimal("0.25"), p99.resultMetadata().get("ratio"));
        assertEquals(2L, p99.resultMetadata().get("whole"));
        assertEquals(new java.math.BigDecimal("250.5"), p99.resultMetadata().get("value"));
        assertEquals("critical", metric(j, "cpu").criticality(), "a critical result stays critical");
        assertEquals("Pass", metric(j, "cpu").classification());
        assertEquals("Nodata", metric(j, "mem").classification());
        AnalysisResult disk = metric(j, "disk");
        assertEquals("Error", disk.classification());
        assertEquals("report-only", disk.criticality());
        assertNull(disk.classificationReason());
        assertEquals(50.0, j.score().score(), "cpu passes, p99 fails; the dry run does not count");
        assertEquals("Fail", j.score().classification());
        assertEquals("failed: p99", j.score().classificationReason());
    }
}
