package io.github.deliverykit.cli;

import static io.github.deliverykit.cli.CliTestSupport.example;
import static io.github.deliverykit.cli.CliTestSupport.golden;
import static io.github.deliverykit.cli.CliTestSupport.json;
import static io.github.deliverykit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.cli.CliTestSupport.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code delivery merge} with a merge policy whose ci_rounds rule is in shadow until 2026-06-01. */
final class MergeCommandTest {

    static final String DAY_BEFORE = "2026-05-31T00:00:00Z";
    static final String ON_THE_DAY = "2026-06-01T00:00:00Z";

    @TempDir
    Path dir;

    private static Result merge(String policy, String asOf, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("merge", "--policy", policy,
                "--pull-request", example("pull-request.json"), "--as-of", asOf));
        args.addAll(java.util.List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void dayBefore_shadowWarns_autoMerges() throws IOException {
        Result r = merge(example("merge-policy.json"), DAY_BEFORE);
        assertEquals("", r.err());
        assertEquals(golden("merge-shadow.txt"), r.out());
        assertEquals(ExitCode.OK, r.code());
        assertTrue(r.out().contains("[WARN] merge.rule.shadow: Rule ci_rounds is in shadow until 2026-06-01T00:00:00Z"),
                r.out());
    }

    @Test
    void dayBefore_json() throws IOException {
        Result r = merge(example("merge-policy.json"), DAY_BEFORE, "--format", "json");
        assertEquals(golden("merge-shadow.json"), r.out());
        assertEquals("FLAGGED", json(r.out()).get("data").get("wouldBe").asText());
        assertEquals("ci_rounds", json(r.out()).get("data").get("shadowed").get(0).get("rule").asText());
    }

    @Test
    void onTheDay_enforced_flaggedExits1() throws IOException {
        Result r = merge(example("merge-policy.json"), ON_THE_DAY);
        assertEquals("", r.err());
        assertEquals(golden("merge-enforced.txt"), r.out());
        assertEquals(ExitCode.NEGATIVE, r.code());
        assertFalse(r.out().contains("merge.rule.shadow"), r.out());
    }

    @Test
    void markdown_saysWhatItWouldBe() {
        Result r = merge(example("merge-policy.json"), DAY_BEFORE, "--format", "markdown");
        assertTrue(r.out().startsWith("## Merge gate: PR-881\n\n**Verdict: AUTO_MERGE**\n\n"
                + "Would be, with every rule enforced: FLAGGED\n"), r.out());
        assertTrue(r.out().contains("| WARN | `merge.rule.shadow` |"), r.out());
    }

    @Test
    void withoutPolicy_defaultsEnforceEveryRule() {
        Result r = run("merge", "--pull-request", example("pull-request.json"), "--as-of", DAY_BEFORE);
        assertEquals(ExitCode.NEGATIVE, r.code(), r.out());
        assertTrue(r.out().startsWith("Merge gate: PR-881\nVerdict: FLAGGED\n"), r.out());
    }

    private Path policyWith(String from, String to) throws IOException {
        return CliTestSupport.exampleWith(dir, "merge-policy.json", from, to);
    }

    private static void assertInvalid(Result r, String part) {
        assertEquals(ExitCode.INVALID_INPUT, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(part), "'" + part + "' in: " + r.err());
    }

    @Test
    void badPolicy_namesTheFieldAndValue() throws IOException {
        assertInvalid(merge(policyWith("\"ci_rounds\":", "\"ci-rounds\":").toString(), DAY_BEFORE),
                "$.effectiveOn.ci-rounds: unknown rule 'ci-rounds' (rules: checks, policy, ci_rounds, paths)");
        assertInvalid(merge(policyWith("\"2026-06-01T00:00:00Z\"", "\"June\"").toString(), DAY_BEFORE),
                "$.effectiveOn.ci_rounds: must be an ISO-8601 instant like 2024-01-25T09:00:00Z, but was 'June'");
        assertInvalid(merge(policyWith("\"maxCiRounds\": 2", "\"maxCiRounds\": 0").toString(), DAY_BEFORE),
                "$.maxCiRounds: must be at least 1, but was 0");
        assertInvalid(merge(policyWith("\"source\": \"security_scan\"", "\"source\": \"benchmark_score\"").toString(),
                DAY_BEFORE), "$.autoApprovalCriteria[1]: criterion must not rest on a benchmark score");
        assertInvalid(merge(policyWith("\"maxCiRounds\"", "\"maxRounds\"").toString(), DAY_BEFORE),
                "$.maxRounds: unknown field");
    }
}
