package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.json;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code delivery sla --openslo --prometheus}: the OpenSLO SLO over Prometheus good / total counts. */
final class SlaOpenSloCommandTest {

    private static final String AS_OF = "2025-01-01T04:00:00Z";

    @Test
    void openSlo_prometheus_eventBudget() {
        CliTestSupport.Result r = run("sla", "--openslo", example("formats/openslo/checkout.yaml"), "--prometheus",
                example("formats/prometheus/good_total.json"), "--slo-name", "checkout-availability", "--as-of", AS_OF,
                "--format", "json");
        assertEquals(ExitCode.NEGATIVE, r.code(), r.err());
        JsonNode data = json(r.out()).path("data");
        // 5976 good of 6000 over three hourly steps (the NaN step skipped): 24 bad events of a 6-event budget
        assertEquals("EVENTS", data.path("unit").asText());
        assertEquals(6, data.path("allowed").asInt());
        assertEquals(24, data.path("consumed").asInt());
        assertEquals("BREACHED", json(r.out()).path("verdict").asText());
        assertEquals("FREEZE", data.path("deployFreeze").asText());
        assertEquals("checkout-availability", data.path("slo").asText());
        assertEquals("read 8, accepted 7, rejected 0, skipped 1, merged 0, noted 1", data.path("prometheus").asText());
    }

    @Test
    void openSlo_badCombinations_areInputErrors() {
        CliTestSupport.Result two = run("sla", "--openslo", example("formats/openslo/checkout.yaml"), "--prometheus",
                example("formats/prometheus/good_total.json"), "--as-of", AS_OF);
        assertEquals(ExitCode.INVALID_INPUT, two.code());
        assertTrue(two.err().contains("choose one with --slo-name"), two.err());
        CliTestSupport.Result alone = run("sla", "--openslo", example("formats/openslo/checkout.yaml"));
        assertEquals(ExitCode.INVALID_INPUT, alone.code());
        assertTrue(alone.err().contains("--openslo and --prometheus go together"), alone.err());
        CliTestSupport.Result mixed = run("sla", "--openslo", example("formats/openslo/checkout.yaml"), "--prometheus",
                example("formats/prometheus/good_total.json"), "--slo", example("slo.json"));
        assertEquals(ExitCode.INVALID_INPUT, mixed.code());
        CliTestSupport.Result step = run("sla", "--openslo", example("formats/openslo/checkout.yaml"), "--prometheus",
                example("formats/prometheus/good_total.json"), "--slo-name", "checkout-availability", "--step", "0m");
        assertEquals(ExitCode.INVALID_INPUT, step.code());
        assertTrue(step.err().contains("--step must be a positive duration"), step.err());
        CliTestSupport.Result none = run("sla");
        assertEquals(ExitCode.INVALID_INPUT, none.code());
        assertTrue(none.err().contains("give --slo and --incidents, or --openslo and --prometheus"), none.err());
    }
}
