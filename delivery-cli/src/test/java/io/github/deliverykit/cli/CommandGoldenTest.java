package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.AS_OF;
import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.golden;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.cli.CliTestSupport.Result;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every command end to end on the sample files, compared with golden outputs. */
final class CommandGoldenTest {

    private static void assertGolden(String golden, int exit, String... args) throws IOException {
        Result r = run(args);
        assertEquals("", r.err(), "stderr");
        assertEquals(golden(golden), r.out(), golden);
        assertEquals(exit, r.code(), "exit code");
    }

    @Test
    void releaseCheck_seedExample_conditionalGo() throws IOException {
        assertGolden("release-check.txt", 0, "release-check", "--version", "v2.5.0", "--release", example("release.json"),
                "--as-of", AS_OF);
    }

    @Test
    void releaseCheck_json() throws IOException {
        assertGolden("release-check.json", 0, "release-check", "--version", "v2.5.0", "--release",
                example("release.json"), "--as-of", AS_OF, "--format", "json");
    }

    @Test
    void releaseCheck_seedReportLines() {
        Result r = run("release-check", "--version", "v2.5.0", "--release", example("release.json"));
        assertTrue(r.out().contains("Type: Minor Release (new features)\n"), r.out());
        assertTrue(r.out().contains("[WARN] Documentation: 2 pages pending review\n"), r.out());
        assertEquals(6, r.out().lines().filter(l -> l.startsWith("[PASS]")).count());
        assertTrue(r.out().contains("Recommendation: CONDITIONAL GO\n"), r.out());
    }

    @Test
    void deploy_canaryStageOne_advances() throws IOException {
        assertGolden("deploy.txt", 0, "deploy", "--env", "production", "--strategy", "canary", "--plan",
                example("plan.json"), "--observations", example("observations.json"), "--as-of", AS_OF);
    }

    @Test
    void sla_seedExample() throws IOException {
        assertGolden("sla.txt", 0, "sla", "--service", "portal", "--period", "month", "--slo", example("slo.json"),
                "--incidents", example("incidents.json"), "--as-of", AS_OF);
        Result r = run("sla", "--service", "portal", "--slo", example("slo.json"), "--incidents",
                example("incidents.json"), "--as-of", AS_OF);
        assertTrue(r.out().contains("Budget: 43.8 min\n"), r.out());
        assertTrue(r.out().contains("Consumed: 20 min"), r.out());
        assertTrue(r.out().contains("Remaining: 23.8 min (54.34%)\n"), r.out());
        assertTrue(r.out().contains("Burn rate: 0.8x\n"), r.out());
        assertTrue(r.out().contains("Status: ON_TRACK"), r.out());
    }

    @Test
    void sla_json() throws IOException {
        assertGolden("sla.json", 0, "sla", "--service", "portal", "--period", "month", "--slo", example("slo.json"),
                "--incidents", example("incidents.json"), "--as-of", AS_OF, "--format", "json");
    }

    @Test
    void incidentReport_responseBreach_exits1() throws IOException {
        assertGolden("incident-report.txt", 1, "incident-report", "--id", "INC-2024-0125", "--incidents",
                example("incidents.json"), "--as-of", AS_OF);
    }

    @Test
    void incidentReport_markdown() throws IOException {
        assertGolden("incident-report.md", 1, "incident-report", "--id", "INC-2024-0125", "--incidents",
                example("incidents.json"), "--as-of", AS_OF, "--format", "markdown");
    }

    @Test
    void incidentReport_withinSla_exits0() {
        Result r = run("incident-report", "--id", "INC-2024-0114", "--incidents", example("incidents.json"),
                "--as-of", AS_OF);
        assertEquals(0, r.code(), r.out());
    }

    @Test
    void change_approved() throws IOException {
        assertGolden("change.txt", 0, "change", "--request", example("change.json"), "--as-of", AS_OF);
    }

    @Test
    void strategy_fromConstraints() throws IOException {
        assertGolden("strategy.txt", 0, "strategy", "--constraints", example("constraints.json"), "--as-of", AS_OF);
    }

    @Test
    void strategy_optionsOverrideFile_blueGreen() {
        Result r = run("strategy", "--constraints", example("constraints.json"), "--instant-rollback", "true",
                "--spare-capacity", "true", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"recommended\" : \"blue-green\""), r.out());
    }

    @Test
    void assess_aiDelivery() throws IOException {
        assertGolden("assess.txt", 0, "assess", "--model", "ai-delivery", "--answers", example("answers.json"),
                "--metrics", example("metrics.json"), "--deployments", example("deployments.json"), "--incidents",
                example("incidents.json"), "--as-of", AS_OF);
    }

    @Test
    void dora_fromFiles() throws IOException {
        assertGolden("dora.txt", 0, "dora", "--deployments", example("deployments.json"), "--incidents",
                example("incidents.json"), "--as-of", AS_OF);
    }

    @Test
    void demo_runsTheWorkflowOnTheBundledSamples() throws IOException {
        // the module directory has no examples/: the demo uses the copies bundled as resources
        assertGolden("demo.txt", 0, "demo");
    }

    @Test
    void demo_json() throws IOException {
        assertGolden("demo.json", 0, "demo", "--format", "json");
    }

    @Test
    void change_withBudget_consultsTheFreezeDecision() {
        Result r = run("change", "--request", example("change.json"), "--slo", example("slo.json"), "--incidents",
                example("incidents.json"), "--as-of", AS_OF);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[PASS] freeze-error-budget.clear: No error-budget freeze: burn rate 0.8x, "
                + "54.3379% of the error budget remains"), r.out());
        Result half = run("change", "--request", example("change.json"), "--slo", example("slo.json"), "--as-of",
                AS_OF);
        assertEquals(ExitCode.INVALID_INPUT, half.code());
        assertTrue(half.err().contains("--slo and --incidents go together"), half.err());
    }

    @Test
    void help_everyCommand() {
        for (String command : new String[] {"release-check", "deploy", "sla", "incident-report", "change", "strategy",
            "assess", "dora", "demo"}) {
            Result r = run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().startsWith("Usage: delivery " + command), r.out());
            assertTrue(r.out().contains("--format"), command);
        }
        Result top = run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("release-check"), top.out());
    }
}
