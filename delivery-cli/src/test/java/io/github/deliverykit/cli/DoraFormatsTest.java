package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `delivery dora` on the ecosystem's deployment and incident payloads (delivery-formats readers). */
final class DoraFormatsTest {

    @Test
    void gitlabDeploymentsAndOpsgenieIncidents_readWithTheirCounts() {
        CliTestSupport.Result r = run("dora", "--gitlab-deployments", example("formats/gitlab/deployments.json"),
                "--opsgenie", example("formats/opsgenie/incidents.json"), "--service", "checkout",
                "--as-of", "2024-03-01T00:00:00Z", "--days", "90");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("GitLab deployments (read 5, accepted 3, rejected 1, skipped 1"), r.out());
        assertTrue(r.out().contains("Opsgenie incidents (read 3, accepted 2, rejected 1"), r.out());
    }

    @Test
    void githubDeploymentsAndPagerDuty_readWithTheirCounts() {
        CliTestSupport.Result r = run("dora", "--github-deployments", example("formats/github/deployments.json"),
                "--pagerduty", example("formats/pagerduty/incidents.json"), "--service", "checkout",
                "--as-of", "2024-03-01T00:00:00Z", "--days", "90");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("GitHub deployments (read "), r.out());
        assertTrue(r.out().contains("PagerDuty incidents (read "), r.out());
    }

    @Test
    void twoIncidentSources_areAnInputError() {
        CliTestSupport.Result r = run("dora", "--gitlab-deployments", example("formats/gitlab/deployments.json"),
                "--opsgenie", example("formats/opsgenie/incidents.json"), "--pagerduty",
                example("formats/pagerduty/incidents.json"), "--service", "checkout");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("give at most one of them"), r.err());
    }
}
