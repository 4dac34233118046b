package io.github.deliverykit.formats.findings;

import io.github.deliverykit.core.event.CiRun;
import io.github.deliverykit.core.event.PullRequest;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.change.ChangeApproval;
import io.github.deliverykit.policy.change.ChangeApprovalConfig;
import io.github.deliverykit.policy.change.ChangeDecision;
import io.github.deliverykit.policy.change.ChangeRequest;
import io.github.deliverykit.policy.change.ChangeRequest.Type;
import io.github.deliverykit.policy.governance.MergeDecision;
import io.github.deliverykit.policy.governance.MergeGate;
import io.github.deliverykit.policy.governance.MergeGateConfig;
import io.github.deliverykit.policy.release.ReadinessDecision;
import io.github.deliverykit.policy.release.Release;
import io.github.deliverykit.policy.release.ReleaseEvidence;
import io.github.deliverykit.policy.release.ReleaseReadiness;
import io.github.deliverykit.policy.release.ReleaseReadinessConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Real decisions of the three engines the writers are for (no hand-made findings). */
final class Decisions {

    private Decisions() {}

    /** A standard change missing a required rule: REJECTED with a FAIL finding. */
    static ChangeDecision change() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        ChangeApprovalConfig config = ChangeApprovalConfig.custom().requireRule("ticket-reference").build();
        ChangeRequest request = ChangeRequest.builder("CHG-1", Type.STANDARD, ChangeKind.ROUTINE, "web", "alice",
                        now.minusSeconds(60))
                .description("Rotate TLS certificate").implementationPlan("Runbook RB-12")
                .window(Interval.of(now.plus(Duration.ofMinutes(5)), Duration.ofMinutes(30))).build();
        return ChangeApproval.of(config).evaluate(request, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The seed's release: CONDITIONAL GO with a WARN (documentation pending) and PASS findings. */
    static ReadinessDecision release() {
        Clock clock = Clock.fixed(Instant.parse("2024-01-20T09:00:00Z"), ZoneOffset.UTC);
        Release release = Release.of("v2.5.0", "v2.4.3", LocalDate.of(2024, 1, 25));
        ReleaseEvidence evidence = ReleaseEvidence.builder().openBugs(0, 0).p99Latency(Duration.ofMillis(320))
                .securityScan(0, 0).loadTestPeakMultiple(2.0).uatSignOff(LocalDate.of(2024, 1, 23))
                .documentation(true, 2).runbookReviewed(true).build();
        return ReleaseReadiness.load(ReleaseReadinessConfig.ofDefaults())
                .evaluate(ReleaseReadiness.Input.of(release, evidence), clock);
    }

    /** A pull request with a failed check after three CI rounds. */
    static MergeDecision merge() {
        Instant at = Instant.parse("2026-05-01T10:00:00Z");
        MergeGate merge = MergeGate.of(MergeGateConfig.ofDefaults());
        PullRequest pr = new PullRequest("PR-881", "acme/checkout", "payments", "agent-1", at, null, null,
                List.of("src/App.java"));
        return merge.evaluate(MergeGate.Input.of(pr, List.of(CiRun.check("PR-881", "unit-tests", CiRun.Outcome.FAILED, at)),
                List.of(), 3), Clock.fixed(at, ZoneOffset.UTC));
    }
}
