package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.AS_OF;
import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.cli.CliTestSupport.Result;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import java.time.Instant;
import java.util.List;
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
    void demo_jsonAndMarkdown_everyStep() {
        Result json = run("demo", "--format", "json");
        assertEquals(0, json.code(), json.err());
        assertEquals(10, json.out().lines().filter(l -> l.startsWith("    \"step\" : ")).count(), json.out());
        Result md = run("demo", "--format", "markdown");
        assertEquals(0, md.code(), md.err());
        assertEquals(10, md.out().lines().filter(l -> l.matches("## [0-9]+\\. .*")).count(), md.out());
        assertTrue(md.out().contains("Consumes: change.json; FreezeDecision ALLOW of step 5"), md.out());
    }

    @Test
    void demo_ownExamplesDirectory_badSample_oneMessage() throws IOException {
        for (String f : DemoCommand.FILES) {
            Files.copy(Path.of(example(f)), dir.resolve(f));
        }
        Files.writeString(dir.resolve("slo.json"), "{\"service\": \"portal\", \"target\": \"99.9\", "
                + "\"periodStart\": \"2024-01-10T00:00:00Z\", \"x\": 1}");
        Result r = run("demo", "--examples", dir.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.code());
        assertEquals("", r.out(), "nothing is printed before the samples are all valid");
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("delivery: invalid input: "), r.err());
        assertTrue(r.err().contains("slo.json: $.x: unknown field"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void demo_ownExamplesDirectory_measuredAndCopiedEvidenceDisagree_exits2() throws IOException {
        for (String f : DemoCommand.FILES) {
            Files.copy(Path.of(example(f)), dir.resolve(f));
        }
        Files.writeString(dir.resolve("metrics.json"), "{\"ci.duration.median\": \"14m\", "
                + "\"deploy.frequency.per_week\": 1.2}");
        Result r = run("demo", "--examples", dir.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.code(), r.out());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("metrics.json: ") && r.err().contains("deploy.frequency.per_week"), r.err());
    }

    @Test
    void demo_changeStep_consumesTheBudgetStepsFreezeDecision() throws IOException {
        // the demo's own samples: the budget allows, and the change reports that very decision
        List<DemoCommand.Step> steps = DemoCommand.run(Path.of(example("slo.json")).getParent(),
                Instant.parse(DemoCommand.AS_OF));
        DemoCommand.Step budget = steps.get(4);
        DemoCommand.Step change = steps.get(9);
        assertEquals("Track the error budget", budget.name());
        assertEquals("Evaluate the change request", change.name());
        assertTrue(change.consumes().contains("FreezeDecision ALLOW of step 5"), change.consumes().toString());
        Finding f = only(change.report().findings(), "freeze-error-budget.");
        assertEquals("freeze-error-budget.clear", f.code());
        assertEquals(budget.report().data().get("burnRate").toString(), Facts.format(f.facts().values().get("burnRate")));

        // a budget that burns too fast: the budget step freezes, and the change step reports the freeze
        for (String name : DemoCommand.FILES) {
            Files.copy(Path.of(example(name)), dir.resolve(name));
        }
        String incidents = Files.readString(dir.resolve("incidents.json"));
        Files.writeString(dir.resolve("incidents.json"), incidents.replace("\"mitigated\": \"2024-01-14T09:05:00Z\"",
                "\"mitigated\": \"2024-01-14T09:40:00Z\""));
        List<DemoCommand.Step> frozen = DemoCommand.run(dir, Instant.parse(DemoCommand.AS_OF));
        assertEquals("FREEZE", frozen.get(4).report().data().get("deployFreeze"));
        assertTrue(frozen.get(5).produces().startsWith("DeployDecision BLOCKED"), frozen.get(5).produces());
        DemoCommand.Step frozenChange = frozen.get(frozen.size() - 1);
        assertTrue(frozenChange.consumes().contains("FreezeDecision FREEZE of step 5"), frozenChange.consumes().toString());
        assertEquals("freeze-error-budget.frozen", only(frozenChange.report().findings(), "freeze-error-budget.").code());
        assertEquals("REJECTED", frozenChange.report().verdict());
    }

    private static Finding only(Findings findings, String prefix) {
        List<Finding> matching = findings.list().stream().filter(f -> f.code().startsWith(prefix)).toList();
        assertEquals(1, matching.size(), matching.toString());
        return matching.get(0);
    }
}
