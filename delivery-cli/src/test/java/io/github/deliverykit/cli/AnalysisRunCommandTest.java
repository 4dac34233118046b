package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.json;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code delivery deploy --analysis-run}: an Argo Rollouts AnalysisRun's measurements as the stage's observations. */
final class AnalysisRunCommandTest {

    @Test
    void deploy_analysisRun_judgesTheMeasurements() {
        CliTestSupport.Result r = run("deploy", "--env", "production", "--strategy", "canary", "--plan", example("plan.json"),
                "--analysis-run", example("formats/argo/analysisrun.yaml"), "--as-of", "2025-07-01T10:06:00Z",
                "--format", "json");
        assertEquals(ExitCode.OK, r.code(), r.err());
        JsonNode report = json(r.out());
        assertEquals("HOLD", report.path("verdict").asText());
        assertEquals("checkout-7d9f-2", report.path("data").path("analysisRun").asText());
        assertEquals("Running", report.path("data").path("analysisRunPhase").asText());
        assertEquals("read 8, accepted 5, rejected 0, skipped 3, merged 0, noted 0",
                report.path("data").path("analysisRunRead").asText());
        boolean health = false;
        boolean queryError = false;
        for (JsonNode f : report.path("findings")) {
            health |= f.path("code").asText().equals("threshold.health") && f.path("level").asText().equals("PASS");
            queryError |= f.path("code").asText().equals("threshold.latency.query-error");
        }
        assertTrue(health && queryError, r.out());
    }

    @Test
    void deploy_formatKayenta_writesOneJudgeResultPerJudge() {
        CliTestSupport.Result r = run("deploy", "--env", "production", "--strategy", "canary", "--plan", example("plan.json"),
                "--analysis-run", example("formats/argo/analysisrun.yaml"), "--as-of", "2025-07-01T10:06:00Z",
                "--format", "kayenta");
        assertEquals(ExitCode.OK, r.code(), r.err());
        JsonNode judges = json(r.out());
        assertTrue(judges.isArray() && judges.size() >= 1, r.out());
        JsonNode threshold = judges.get(0);
        assertEquals("threshold", threshold.path("judgeName").asText());
        boolean latencyError = false;
        for (JsonNode m : threshold.path("results")) {
            latencyError |= m.path("name").asText().equals("latency") && m.path("classification").asText().equals("Error");
        }
        assertTrue(latencyError, r.out());
        assertEquals("Error", threshold.path("score").path("classification").asText(), r.out());
        CliTestSupport.Result elsewhere = run("change", "--request", example("change.json"), "--format", "kayenta");
        assertEquals(ExitCode.INVALID_INPUT, elsewhere.code(), elsewhere.out());
        assertTrue(elsewhere.err().contains("--format kayenta is available on deploy"), elsewhere.err());
    }

    @Test
    void deploy_needsExactlyOneObservationSource() {
        CliTestSupport.Result both = run("deploy", "--env", "production", "--strategy", "canary", "--plan",
                example("plan.json"), "--analysis-run", example("formats/argo/analysisrun.yaml"), "--observations",
                example("observations.json"));
        assertEquals(ExitCode.INVALID_INPUT, both.code());
        assertTrue(both.err().contains("exactly one of --observations and --analysis-run"), both.err());
        CliTestSupport.Result none = run("deploy", "--env", "production", "--strategy", "canary", "--plan", example("plan.json"));
        assertEquals(ExitCode.INVALID_INPUT, none.code());
        CliTestSupport.Result missing = run("deploy", "--env", "production", "--strategy", "canary", "--plan",
                example("plan.json"), "--analysis-run", "no-such-run.yaml");
        assertEquals(ExitCode.INVALID_INPUT, missing.code(), missing.err());
        assertTrue(missing.err().contains("--analysis-run: no such file"), missing.err());
    }
}
