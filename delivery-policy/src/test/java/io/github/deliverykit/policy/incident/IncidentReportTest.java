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

import static io.github.deliverykit.policy.incident.Fixtures.T0;
import static io.github.deliverykit.policy.incident.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

final class IncidentReportTest {

    /** INC-2024-0125: checkout down, triaged as SEV-2, escalated to SEV-1, rolled back. */
    static IncidentTimeline example() {
        Incident inc = Incident.builder("INC-2024-0125", "checkout", Severity.SEV1)
                .started(at(-5)).detected(T0).acknowledged(at(12)).mitigated(at(95)).resolved(at(110))
                .causedBy("deploy-v2.5.0").build();
        Lifecycle lc = Lifecycle.start(T0).to(Phase.TRIAGE, at(5), "IC: alice").to(Phase.RESPOND, at(12))
                .to(Phase.RESOLVE, at(95)).to(Phase.REVIEW, at(110));
        PostMortem pm = new PostMortem(at(30 * 60),
                List.of(new Entry(at(-5), "v2.5.0 reached 100 %"), new Entry(at(95), "rolled back")),
                "connection pool exhausted by a retry storm",
                List.of(ActionItem.of("cap client retries", "bob", at(7 * 24 * 60)),
                        new ActionItem("alert on pool saturation", null, at(3 * 24 * 60), null)));
        return IncidentTimeline.builder(inc)
                .title("Checkout returns 503")
                .summary("Checkout failed for all users after v2.5.0; rolled back to v2.4.")
                .impact(Impact.builder().completeOutage().usersAffected(1).build())
                .severityChange(at(20), Severity.SEV2, Severity.SEV1, "all regions affected")
                .pause(at(60), at(70), "waiting on payment provider")
                .statusUpdate(at(25)).statusUpdate(at(100))
                .entry(at(90), "Rollback to v2.4 started")
                .lifecycle(lc)
                .postMortem(pm)
                .build();
    }

    @Test
    void markdown_isTheFullReport() {
        String md = Fixtures.report(example(), at(4 * 24 * 60)).toMarkdown();
        String expected = """
                # Incident report: INC-2024-0125

                ## Summary

                - **Title:** Checkout returns 503
                - **Service:** checkout (production)
                - **Status:** RESOLVED, phase REVIEW
                - **Severity:** SEV-1 (initial SEV-2, peak SEV-1)
                - **SLA:** MET
                - **Post-mortem:** INCOMPLETE
                - **Generated at:** 2024-01-29T10:00:00Z

                Checkout failed for all users after v2.5.0; rolled back to v2.4.

                ## Severity and why

                - Impact facts call for SEV-1.
                - complete outage: SEV-1

                ## Timeline

                | time (UTC) | event |
                | --- | --- |
                | 2024-01-25T09:55:00Z | Impact started |
                | 2024-01-25T10:00:00Z | Detected (SEV-2) |
                | 2024-01-25T10:05:00Z | Phase DETECT -> TRIAGE: IC: alice |
                | 2024-01-25T10:12:00Z | Acknowledged |
                | 2024-01-25T10:12:00Z | Phase TRIAGE -> RESPOND |
                | 2024-01-25T10:20:00Z | Severity SEV-2 -> SEV-1: all regions affected |
                | 2024-01-25T10:25:00Z | Status update sent |
                | 2024-01-25T11:00:00Z | SLA clocks paused: waiting on payment provider |
                | 2024-01-25T11:10:00Z | SLA clocks resumed |
                | 2024-01-25T11:30:00Z | Rollback to v2.4 started |
                | 2024-01-25T11:35:00Z | Impact mitigated |
                | 2024-01-25T11:35:00Z | Phase RESPOND -> RESOLVE |
                | 2024-01-25T11:40:00Z | Status update sent |
                | 2024-01-25T11:50:00Z | Resolved |
                | 2024-01-25T11:50:00Z | Phase RESOLVE -> REVIEW |

                ## Durations

                | measure | duration |
                | --- | --- |
                | Time to detect | 5m |
                | Time to acknowledge | 12m |
                | Time to mitigate | 1h 40m |
                | Time to resolve | 1h 50m |
                | Time paused | 10m |

                ## SLA results

                | clock | severity | target | deadline | stopped | elapsed | status |
                | --- | --- | --- | --- | --- | --- | --- |
                | Response | SEV-2 | 30m | 2024-01-25T10:30:00Z | 2024-01-25T10:12:00Z | 12m | MET |
                | Resolution | SEV-1 | 4h | 2024-01-25T14:30:00Z | 2024-01-25T11:50:00Z | 1h 40m | MET |

                Status updates: 2 sent, 2 missed
                - missed update due at 2024-01-25T10:55:00Z
                - missed update due at 2024-01-25T11:25:00Z

                ## Post-mortem

                - **Verdict:** INCOMPLETE
                - **Required:** yes
                - **Due:** 2024-01-27T11:50:00Z
                - **Published:** 2024-01-26T16:00:00Z
                - **Root cause:** connection pool exhausted by a retry storm

                ## Action items

                | item | owner | due | state |
                | --- | --- | --- | --- |
                | cap client retries | bob | 2024-02-01T10:00:00Z | open |
                | alert on pool saturation | - | 2024-01-28T10:00:00Z | OVERDUE |

                ## Findings

                | level | code | message | facts |
                | --- | --- | --- | --- |
                """;
        assertTrue(md.startsWith(expected), md);
        assertTrue(md.contains("| FAIL | `incident.status-updates.missed` | 2 status update(s) missed, due at "
                + "2024-01-25T10:55:00Z, 2024-01-25T11:25:00Z | missed=2, updates=2 |\n"), md);
        assertTrue(md.contains("| FAIL | `incident.postmortem.action-item.owner.missing` |"), md);
        assertTrue(md.contains("| FAIL | `incident.postmortem.action-item.overdue` |"), md);
        assertTrue(md.endsWith(" |\n"));
    }

    @Test
    void text_isTheSameReportInPlainLines() {
        String text = Fixtures.report(example(), at(4 * 24 * 60)).toText();
        String expected = """
                Incident report: INC-2024-0125
                Title:       Checkout returns 503
                Service:     checkout (production)
                Status:      RESOLVED, phase REVIEW
                Severity:    SEV-1 (initial SEV-2, peak SEV-1)
                SLA:         MET
                Post-mortem: INCOMPLETE
                Generated:   2024-01-29T10:00:00Z

                Checkout failed for all users after v2.5.0; rolled back to v2.4.

                Severity and why
                  Impact facts call for SEV-1.
                  complete outage: SEV-1

                Timeline (UTC)
                  2024-01-25T09:55:00Z  Impact started
                """;
        assertTrue(text.startsWith(expected), text);
        assertTrue(text.contains("""

                SLA results
                  Response, SEV-2, 30m, 2024-01-25T10:30:00Z, 2024-01-25T10:12:00Z, 12m, MET
                  Resolution, SEV-1, 4h, 2024-01-25T14:30:00Z, 2024-01-25T11:50:00Z, 1h 40m, MET
                  Status updates: 2 sent, 2 missed
                    missed update due at 2024-01-25T10:55:00Z
                    missed update due at 2024-01-25T11:25:00Z
                """), text);
        assertTrue(text.contains("""
                Action items
                  - cap client retries (owner bob, due 2024-02-01T10:00:00Z, open)
                  - alert on pool saturation (owner -, due 2024-01-28T10:00:00Z, OVERDUE)
                """), text);
        assertTrue(text.contains("\nFindings\n[INFO] incident.severity.outage: complete outage: SEV-1 (severity=SEV-1)\n"), text);
    }

    @Test
    void rendering_isDeterministic() {
        IncidentSlaDecision a = Fixtures.report(example(), at(4 * 24 * 60));
        IncidentSlaDecision b = Fixtures.report(example(), at(4 * 24 * 60));
        assertEquals(a, b);
        assertEquals(a.toMarkdown(), b.toMarkdown());
        assertEquals(a.toText(), b.toText());
        assertEquals("INC-2024-0125", a.id());
    }

    @Test
    void minimalOpenIncident_rendersWithoutOptionalParts() {
        Incident inc = Incident.builder("INC-7", "search", Severity.SEV3).started(T0).build();
        IncidentSlaDecision r = Fixtures.report(IncidentTimeline.of(inc), at(30));
        assertNull(r.classification());
        String md = r.toMarkdown();
        assertTrue(md.contains("- **Title:** INC-7\n"), md);
        assertTrue(md.contains("- **Status:** OPEN\n"), md);
        assertTrue(md.contains("- Set by the responders; no impact facts were recorded.\n"), md);
        assertTrue(md.contains("| Response | SEV-3 | 2h | 2024-01-25T12:00:00Z | - | 30m | ON_TRACK |"), md);
        assertTrue(md.contains("Status updates: not required\n"), md);
        assertTrue(md.contains("- **Due:** -\n"), md);
        assertTrue(md.contains("## Action items\n\nNone recorded.\n"), md);
        assertEquals(List.of("Time to detect", "Time paused"),
                r.durations().stream().map(IncidentSlaDecision.Measure::label).toList());
        String text = r.toText();
        assertTrue(text.contains("Status:      OPEN\n"), text);
        assertTrue(text.contains("  None recorded.\n"), text);
        assertTrue(text.contains("  Verdict: NOT_REQUIRED\n  Required: no\n  Due: -\n\nAction items"), text);
    }

    @Test
    void recordedSeverityDifferentFromClassification_isCalledOut_andBreachesShowTheOverrun() {
        Incident inc = Incident.builder("INC-8", "search", Severity.SEV2).started(T0).acknowledged(at(40))
                .resolved(at(60)).build();
        IncidentTimeline t = IncidentTimeline.builder(inc)
                .impact(Impact.builder().minorFeatureImpact().workaroundAvailable(true).build())
                .summary("a | b\nc").build();
        String md = Fixtures.report(t, at(60)).toMarkdown();
        assertTrue(md.contains("- The recorded severity SEV-2 differs from the classification SEV-3.\n"), md);
        assertTrue(md.contains("| BREACHED by 10m |"), md);
        assertTrue(md.contains("a \\| b<br>c"), md);
        assertTrue(md.contains("Status updates: 1 sent, 0 missed") || md.contains("Status updates: 0 sent, 1 missed"), md);
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Fixtures.report(null, T0));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.report(example(), null));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.report(example(), at(-1)));
        assertThrows(IllegalArgumentException.class, () -> new IncidentSlaDecision.Measure(" ", java.time.Duration.ZERO));
    }

    @Test
    void doneItemsAndOnTimeUpdates_areShown() {
        Incident inc = Incident.builder("INC-9", "api", Severity.SEV2).started(T0).acknowledged(at(5))
                .resolved(at(50)).build();
        PostMortem pm = new PostMortem(at(60), List.of(new Entry(T0, "x")), "y",
                List.of(ActionItem.of("fix", "dan", at(600)).completed(at(300))));
        IncidentTimeline t = IncidentTimeline.builder(inc).statusUpdate(at(30)).postMortem(pm).build();
        String md = Fixtures.report(t, at(1000)).toMarkdown();
        assertTrue(md.contains("| fix | dan | 2024-01-25T20:00:00Z | done 2024-01-25T15:00:00Z |"), md);
        assertTrue(md.contains("Status updates: 1 sent, none missed\n"), md);
    }

    @Test
    void draftWithoutRootCauseOrItems_rendersDashesAndNoItems() {
        Incident inc = Incident.builder("INC-10", "api", Severity.SEV2).started(T0).acknowledged(at(5))
                .resolved(at(50)).build();
        PostMortem draft = new PostMortem(null, List.of(), null, List.of());
        IncidentSlaDecision r = Fixtures.report(IncidentTimeline.builder(inc).postMortem(draft).build(), at(60));
        String text = r.toText();
        assertTrue(text.contains("  Required: yes\n  Due: 2024-01-27T10:50:00Z\n  Published: -\n  Root cause: -\n"), text);
        assertTrue(text.contains("Action items\n  None recorded.\n"), text);
        String md = r.toMarkdown();
        assertTrue(md.contains("- **Published:** -\n- **Root cause:** -\n"), md);
        assertEquals(List.of("Impact started", "Detected (SEV-2)", "Acknowledged", "Resolved"),
                r.events().stream().map(Entry::text).toList());
    }
}
