package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.AS_OF;
import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.cli.CliTestSupport.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strategies, periods, windows and timeline parts beyond the sample files. */
final class CommandOptionsTest {

    @TempDir
    Path dir;

    private Path file(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    private Result deploy(String strategy, Path plan) {
        return run("deploy", "--env", "production", "--strategy", strategy, "--plan", plan.toString(), "--observations",
                example("observations.json"), "--as-of", AS_OF);
    }

    @Test
    void deploy_rollingPlan_batches() throws IOException {
        Path plan = file("plan.json", "{\"service\": \"portal\", \"version\": \"v2.5.1\", \"stageStartedAt\": "
                + "\"2024-01-27T08:00:00Z\", \"rolling\": {\"instances\": 4, \"batchSize\": 2, \"bakePerBatch\": \"10m\"}}");
        Result r = deploy("rolling", plan);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(rolling, rollback moderate)"), r.out());
        assertTrue(r.out().contains("> Stage 1: 50% old / 50% new -- monitor for 10 min\n"), r.out());
        assertTrue(r.out().contains("  Stage 2: 0% old / 100% new\n"), r.out());
        assertTrue(r.out().contains("Re-deploy the previous version 2 instance(s) at a time"), r.out());
    }

    @Test
    void deploy_blueGreenDefaults_andBigBang() throws IOException {
        Path plan = file("plan.json", "{\"service\": \"portal\", \"version\": \"v2.5.1\", \"stageStartedAt\": "
                + "\"2024-01-27T08:00:00Z\"}");
        Result bg = deploy("blue-green", plan);
        assertEquals(0, bg.code(), bg.err());
        assertTrue(bg.out().contains("> Stage 1: 100% old / 0% new -- monitor for 15 min\n"), bg.out());
        assertTrue(bg.out().contains("Route traffic from green back to blue (instant)"), bg.out());
        Result bb = deploy("BIG_BANG", plan);
        assertEquals(0, bb.code(), bb.err());
        assertTrue(bb.out().contains("(big-bang, rollback slow)"), bb.out());
    }

    @Test
    void deploy_lastStagePassed_promotes() throws IOException {
        Path plan = file("plan.json", "{\"service\": \"portal\", \"version\": \"v2.5.1\", \"stageStartedAt\": "
                + "\"2024-01-27T08:00:00Z\", \"currentStage\": 2, \"stages\": [{\"weightPercent\": 5, \"bakeTime\": \"30m\"},"
                + " {\"weightPercent\": 100, \"bakeTime\": \"30m\"}]}");
        Result r = deploy("canary", plan);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Verdict: PROMOTE"), r.out());
    }

    @Test
    void deploy_bakeTimeNotOver_holds() throws IOException {
        Path plan = file("plan.json", "{\"service\": \"portal\", \"version\": \"v2.5.1\", \"stageStartedAt\": "
                + "\"2024-01-27T08:20:00Z\"}");
        Result r = deploy("canary", plan);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Verdict: HOLD"), r.out());
    }

    @Test
    void sla_rollingPeriodWithoutStart_and_recurringMaintenance() throws IOException {
        Path slo = file("slo.json", "{\"target\": 99.9, \"recurringMaintenance\": [{\"day\": \"sunday\", "
                + "\"start\": \"02:00\", \"length\": \"2h\", \"zone\": \"UTC\"}]}");
        Result r = run("sla", "--service", "portal", "--period", "28d", "--slo", slo.toString(), "--incidents",
                example("incidents.json"), "--as-of", AS_OF);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("period [2023-12-30T08:40:00Z, 2024-01-27T08:40:00Z)"), r.out());
        // 2024-01-21 is a Sunday: the 02:10-02:40 incident falls in the weekly window
        assertTrue(r.out().contains("Incident INC-2024-0121: SEV-4, 0 min\n"), r.out());
        assertTrue(r.out().contains("Budget: 40.32 min\n"), r.out());
    }

    @Test
    void sla_burnAboveFreezeThreshold_freezesAndExits1() throws IOException {
        Path slo = file("slo.json", "{\"target\": \"99.99\", \"periodStart\": \"2024-01-10T00:00:00Z\"}");
        Result r = run("sla", "--service", "portal", "--slo", slo.toString(), "--incidents", example("incidents.json"),
                "--as-of", AS_OF, "--format", "json");
        assertEquals(ExitCode.NEGATIVE, r.code(), r.err());
        assertTrue(r.out().contains("\"deployFreeze\" : \"FREEZE\""), r.out());
        assertTrue(r.out().contains("\"status\" : \"BREACHED\""), r.out());
    }

    @Test
    void incidentReport_severityChangeAndPause() throws IOException {
        Path incidents = file("incidents.json", "{\"incidents\": [{\"id\": \"INC-9\", \"service\": \"api\", "
                + "\"severity\": \"SEV-1\", \"started\": \"2024-01-26T10:00:00Z\", \"acknowledged\": \"2024-01-26T10:20:00Z\", "
                + "\"severityChanges\": [{\"at\": \"2024-01-26T10:30:00Z\", \"from\": \"SEV-3\", \"to\": \"SEV-1\", "
                + "\"reason\": \"all regions down\"}], \"pauses\": [{\"from\": \"2024-01-26T11:00:00Z\", "
                + "\"to\": \"2024-01-26T11:30:00Z\", \"reason\": \"waiting on vendor\"}], "
                + "\"statusUpdates\": [\"2024-01-26T10:45:00Z\"]}]}");
        Result r = run("incident-report", "--id", "INC-9", "--incidents", incidents.toString(), "--as-of", AS_OF);
        // still open a day later: a SEV-1 resolution target of 4 h is breached
        assertEquals(ExitCode.NEGATIVE, r.code(), r.err());
        assertTrue(r.out().contains("SEV-1"), r.out());
        assertTrue(r.out().contains("all regions down"), r.out());
        assertTrue(r.out().contains("waiting on vendor"), r.out());
    }

    @Test
    void dora_windowAndBandsOptions() {
        Result since = run("dora", "--deployments", example("deployments.json"), "--since", "2024-01-10T00:00:00Z",
                "--as-of", AS_OF, "--bands", "seed-elite", "--format", "json");
        assertEquals(0, since.code(), since.err());
        assertTrue(since.out().contains("\"window\" : \"[2024-01-10T00:00:00Z, 2024-01-27T08:40:00Z)\""), since.out());
        assertTrue(since.out().contains("\"bands\" : \"seed-elite\""), since.out());
        assertTrue(since.out().contains("\"deployments\" : 2"), since.out()); // v2.4.3, v2.5.0 (v2.4.2 failed)
        Result bad = run("dora", "--deployments", example("deployments.json"), "--days", "0");
        assertEquals(ExitCode.INVALID_INPUT, bad.code());
        assertTrue(bad.err().contains("--days must be 1.."), bad.err());
        Result bands = run("dora", "--deployments", example("deployments.json"), "--bands", "dora-1999");
        assertEquals(ExitCode.INVALID_INPUT, bands.code());
        assertTrue(bands.err().contains("--bands must be one of"), bands.err());
        Result both = run("dora", "--deployments", example("deployments.json"), "--git", ".");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void demo_jsonAndMarkdown_everyCommand() {
        Result json = run("demo", "--format", "json");
        assertEquals(0, json.code(), json.err());
        assertEquals(8, json.out().lines().filter(l -> l.startsWith("  \"title\" : ")).count(), json.out());
        Result md = run("demo", "--format", "markdown");
        assertEquals(0, md.code(), md.err());
        assertEquals(8, md.out().lines().filter(l -> l.startsWith("<!-- $ delivery ")).count(), md.out());
    }

    @Test
    void demo_ownExamplesDirectory() throws IOException {
        for (String f : DemoCommand.FILES) {
            Files.copy(Path.of(example(f)), dir.resolve(f));
        }
        Files.writeString(dir.resolve("slo.json"), "{\"target\": \"99.9\", \"periodStart\": \"2024-01-10T00:00:00Z\", \"x\": 1}");
        Result r = run("demo", "--examples", dir.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("slo.json: $.x: unknown field"), r.err());
        assertTrue(r.out().contains("Release Readiness: v2.5.0"), r.out());
    }
}
