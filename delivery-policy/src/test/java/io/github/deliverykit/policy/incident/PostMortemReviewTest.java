package io.github.deliverykit.policy.incident;

import io.github.deliverykit.core.metric.SlaStatus;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SeverityRule;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTable;
import io.github.deliverykit.policy.incident.IncidentSlaConfig.SlaTarget;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockKind;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.ClockResult;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemReview;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.PostMortemVerdict;
import io.github.deliverykit.policy.incident.IncidentSlaDecision.StatusUpdates;
import io.github.deliverykit.policy.incident.IncidentTimeline.Entry;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.IllegalTransitionException;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.Phase;
import io.github.deliverykit.policy.incident.IncidentTimeline.Lifecycle.Transition;
import io.github.deliverykit.policy.incident.IncidentTimeline.Pause;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem;
import io.github.deliverykit.policy.incident.IncidentTimeline.PostMortem.ActionItem;
import io.github.deliverykit.policy.incident.IncidentTimeline.SeverityChange;
import io.github.deliverykit.policy.incident.SeverityClassification.Impact;
import io.github.deliverykit.policy.incident.internal.SeedSlaTableProvider;
import io.github.deliverykit.policy.incident.spi.SlaTableProvider;

import static io.github.deliverykit.policy.incident.Fixtures.at;
import static io.github.deliverykit.policy.incident.Fixtures.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.finding.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PostMortemReviewTest {

    private static final IncidentSla POLICY = IncidentSla.of(IncidentSlaConfig.ofDefaults());
    private static final long H = 60;

    private static final Incident SEV2 = incident(Severity.SEV2).acknowledged(at(10)).resolved(at(2 * H)).build();

    private static PostMortem complete(long publishedMinutes) {
        return new PostMortem(at(publishedMinutes),
                List.of(new Entry(at(0), "alert fired"), new Entry(at(2 * H), "rolled back")),
                "connection pool exhausted by a retry storm",
                List.of(ActionItem.of("cap retries", "bob", at(14 * 24 * H)),
                        ActionItem.of("pool alert", "carol", at(7 * 24 * H))));
    }

    private static PostMortemReview review(Incident inc, PostMortem pm, long nowMinutes) {
        return Fixtures.reviewPostMortem(POLICY, IncidentTimeline.builder(inc).postMortem(pm).build(), at(nowMinutes));
    }

    @Test
    void sev3_needsNone() {
        Incident inc = incident(Severity.SEV3).resolved(at(60)).build();
        PostMortemReview r = Fixtures.reviewPostMortem(POLICY, IncidentTimeline.of(inc), at(10_000));
        assertEquals(PostMortemVerdict.NOT_REQUIRED, r.verdict());
        assertFalse(r.required());
        assertNull(r.due());
        assertEquals(List.of("incident.postmortem.not-required"), r.findings().codes());
    }

    @Test
    void sev2_dueWithin48hOfResolution_pendingThenOverdue() {
        PostMortemReview pending = Fixtures.reviewPostMortem(POLICY, IncidentTimeline.of(SEV2), at(50 * H));
        assertEquals(PostMortemVerdict.PENDING, pending.verdict());
        assertTrue(pending.required());
        assertEquals(at(50 * H), pending.due());
        // exactly on the due instant it is not yet overdue
        assertEquals(PostMortemVerdict.PENDING, Fixtures.reviewPostMortem(POLICY, IncidentTimeline.of(SEV2), at(50 * H)).verdict());
        PostMortemReview overdue = Fixtures.reviewPostMortem(POLICY, IncidentTimeline.of(SEV2), at(50 * H + 1));
        assertEquals(PostMortemVerdict.OVERDUE, overdue.verdict());
        assertEquals(Level.FAIL, overdue.findings().find("incident.postmortem.overdue").orElseThrow().level());
        assertEquals(PostMortemVerdict.OVERDUE, overdue.toDecision().verdict());
    }

    @Test
    void openSev1_isPendingWithoutADueInstant() {
        Incident open = incident(Severity.SEV1).build();
        PostMortemReview r = Fixtures.reviewPostMortem(POLICY, IncidentTimeline.of(open), at(1000 * H));
        assertEquals(PostMortemVerdict.PENDING, r.verdict());
        assertNull(r.due());
        assertEquals("SEV-1 requires a post-mortem within 2d of resolution",
                r.findings().find("incident.postmortem.pending").orElseThrow().message());
    }

    @Test
    void completePostMortem_onTime() {
        PostMortemReview r = review(SEV2, complete(30 * H), 31 * H);
        assertEquals(PostMortemVerdict.COMPLETE, r.verdict());
        assertEquals(List.of("incident.postmortem.complete"), r.findings().codes());
        assertEquals(List.of(), r.overdueActionItems());
    }

    @Test
    void completePostMortem_publishedLate_warns() {
        PostMortemReview r = review(SEV2, complete(60 * H), 61 * H);
        assertEquals(PostMortemVerdict.COMPLETE, r.verdict());
        assertEquals(Level.WARN, r.findings().find("incident.postmortem.late").orElseThrow().level());
    }

    @Test
    void missingParts_makeItIncomplete_withAFindingEach() {
        PostMortem pm = new PostMortem(at(20 * H), List.of(), null,
                List.of(new ActionItem("cap retries", null, null, null)));
        PostMortemReview r = review(SEV2, pm, 21 * H);
        assertEquals(PostMortemVerdict.INCOMPLETE, r.verdict());
        assertEquals(List.of("incident.postmortem.timeline.missing", "incident.postmortem.root-cause.missing",
                "incident.postmortem.action-item.owner.missing", "incident.postmortem.action-item.due.missing",
                "incident.postmortem.incomplete"), r.findings().codes());
        assertEquals(1, r.findings().find("incident.postmortem.action-item.owner.missing").orElseThrow().fact("item"));
        assertEquals(1, r.findings().find("incident.postmortem.action-item.due.missing").orElseThrow().fact("item"));
        PostMortem noItems = new PostMortem(at(20 * H), List.of(new Entry(at(0), "x")), "y", List.of());
        PostMortemReview r2 = review(SEV2, noItems, 21 * H);
        assertEquals(PostMortemVerdict.INCOMPLETE, r2.verdict());
        assertEquals(List.of("incident.postmortem.action-items.missing", "incident.postmortem.incomplete"),
                r2.findings().codes());
    }

    @Test
    void overdueActionItems_areListed_doneOnesAreNot() {
        PostMortem pm = complete(30 * H);
        PostMortem withDone = new PostMortem(pm.published(), pm.timeline(), pm.rootCause(),
                List.of(pm.actionItems().get(0), pm.actionItems().get(1).completed(at(6 * 24 * H))));
        PostMortemReview r = review(SEV2, withDone, 15 * 24 * H);
        assertEquals(PostMortemVerdict.COMPLETE, r.verdict());
        assertEquals(List.of(pm.actionItems().get(0)), r.overdueActionItems());
        assertEquals(Level.FAIL, r.findings().find("incident.postmortem.action-item.overdue").orElseThrow().level());
        assertEquals(1, r.findings().find("incident.postmortem.action-item.overdue").orElseThrow().fact("item"));
        assertEquals("action item 'cap retries' (owner bob) was due at 2024-02-08T10:00:00Z and is still open",
                r.findings().find("incident.postmortem.action-item.overdue").orElseThrow().message());
        PostMortem unowned = new PostMortem(pm.published(), pm.timeline(), pm.rootCause(),
                List.of(new ActionItem("cap retries", null, at(60), null)));
        assertEquals("action item 'cap retries' (owner unassigned) was due at 2024-01-25T11:00:00Z and is still open",
                review(SEV2, unowned, 15 * 24 * H).findings().find("incident.postmortem.action-item.overdue")
                        .orElseThrow().message());
        // on the due instant an item is not yet overdue
        assertEquals(List.of(), review(SEV2, withDone, 14 * 24 * H).overdueActionItems());
    }

    @Test
    void draft_isPendingUntilDue_thenOverdue() {
        PostMortem pm = complete(30 * H);
        PostMortem draft = new PostMortem(null, pm.timeline(), pm.rootCause(), pm.actionItems());
        assertFalse(draft.isPublished());
        assertTrue(pm.isPublished());
        PostMortemReview pending = review(SEV2, draft, 40 * H);
        assertEquals(PostMortemVerdict.PENDING, pending.verdict());
        assertEquals("post-mortem is a draft, due at 2024-01-27T12:00:00Z",
                pending.findings().find("incident.postmortem.draft").orElseThrow().message());
        Incident open = incident(Severity.SEV1).build();
        assertEquals("post-mortem is a draft", Fixtures.reviewPostMortem(POLICY, IncidentTimeline.builder(open).postMortem(draft)
                .build(), at(10)).findings().find("incident.postmortem.draft").orElseThrow().message());
        PostMortemReview late = review(SEV2, draft, 51 * H);
        assertEquals(PostMortemVerdict.OVERDUE, late.verdict());
        assertTrue(late.findings().find("incident.postmortem.overdue").orElseThrow().message().endsWith("still a draft"));
    }

    @Test
    void sev1DowngradedToSev3_stillNeedsOne() {
        Incident inc = incident(Severity.SEV3).acknowledged(at(5)).resolved(at(60)).build();
        IncidentTimeline t = IncidentTimeline.builder(inc).severityChange(at(30), Severity.SEV1, Severity.SEV3, null).build();
        assertEquals(Severity.SEV1, t.peakSeverity());
        PostMortemReview r = Fixtures.reviewPostMortem(POLICY, t, at(60 + 49 * H));
        assertTrue(r.required());
        assertEquals(PostMortemVerdict.OVERDUE, r.verdict());
    }

    @Test
    void notRequiredButWritten_isStillValidated() {
        Incident inc = incident(Severity.SEV4).resolved(at(60)).build();
        PostMortemReview r = review(inc, complete(120), 200);
        assertFalse(r.required());
        assertEquals(PostMortemVerdict.COMPLETE, r.verdict());
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ActionItem(" ", "bob", null, null));
        assertThrows(IllegalArgumentException.class, () -> new ActionItem("x", " ", null, null));
        assertThrows(IllegalArgumentException.class, () -> ActionItem.of("x", null, at(1)));
        assertThrows(IllegalArgumentException.class, () -> ActionItem.of("x", "bob", null));
        assertThrows(IllegalArgumentException.class, () -> ActionItem.of("x", "bob", at(1)).completed(null));
        assertThrows(IllegalArgumentException.class, () -> ActionItem.of("x", "bob", at(1)).isOverdue(null));
        assertThrows(IllegalArgumentException.class, () -> new PostMortem(null, null, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new PostMortem(null, List.of(), " ", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new PostMortem(null, List.of(), null, null));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.reviewPostMortem(POLICY, IncidentTimeline.of(SEV2), at(-1)));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.reviewPostMortem(POLICY, null, at(1)));
    }
}
