package io.github.deliverykit.policy.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.policy.governance.AuditTrailConfig.AuditLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AuditTest {

    static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);

    static AuditTrail trail(AuditLevel level) {
        return AuditTrail.of(AuditTrailConfig.custom().level(level).build());
    }

    static AuditRecord full(int i) {
        return AuditRecord.minimum("PR-" + i, "claude-opus", T.plusSeconds(i), "Fix flaky checkout test", "dana")
                .withProvenance("4.1-2026-04", "Make the checkout test deterministic", "session-" + i, 1 + i % 3);
    }

    @Test
    void evaluate_minimumRecordComplete_isCompliant() {
        AuditDecision d = trail(AuditLevel.MINIMUM).evaluate(List.of(AuditRecord.minimum("PR-1", "claude-opus", T, "ctx", "dana")), CLOCK);
        assertEquals(AuditDecision.Verdict.COMPLIANT, d.verdict());
        assertEquals(List.of("audit.complete"), d.findings().codes());
    }

    @Test
    void evaluate_missingApprover_fails() {
        AuditDecision d = trail(AuditLevel.MINIMUM).evaluate(List.of(AuditRecord.minimum("PR-2", "claude-opus", T, "ctx", " ")), CLOCK);
        assertEquals(AuditDecision.Verdict.NON_COMPLIANT, d.verdict());
        Finding f = d.findings().list().get(0);
        assertEquals("audit.field_missing", f.code());
        assertEquals(Level.FAIL, f.level());
        assertEquals(List.of("approver"), f.fact("missing"));
        assertEquals("Audit trail of PR-2 is missing approver", f.message());
        assertEquals(List.of(AuditRecord.Field.APPROVER), d.missing().get("PR-2"));
    }

    @Test
    void evaluate_fullProvenanceRequiresProvenance() {
        AuditRecord minimum = AuditRecord.minimum("PR-3", "m", T, "ctx", "dana");
        AuditDecision d = trail(AuditLevel.FULL_PROVENANCE).evaluate(List.of(minimum), CLOCK);
        assertEquals(AuditDecision.Verdict.NON_COMPLIANT, d.verdict());
        assertEquals(List.of("model_version", "prompt_context", "agent_session_id", "iteration_count"),
                d.findings().list().get(0).fact("missing"));
        AuditDecision all = trail(AuditLevel.FULL_PROVENANCE).evaluate(List.of(full(1), AuditRecord.minimum("PR-4", null, null, null, null)), CLOCK);
        assertEquals(AuditDecision.Verdict.NON_COMPLIANT, all.verdict());
        assertEquals(List.of("audit.complete", "audit.field_missing"), all.findings().codes());
        assertEquals(AuditLevel.FULL_PROVENANCE, trail(AuditLevel.FULL_PROVENANCE).config().level());
        assertEquals(8, all.missing().get("PR-4").size());
        assertFalse(all.compliant());
    }

    @Test
    void auditLog_appendAndVerify_isIntact() {
        AuditLog log = AuditLog.create();
        assertEquals(AuditLog.GENESIS, log.head().hash());
        for (int i = 0; i < 5; i++) {
            AuditLog.Entry e = log.append(full(i));
            assertEquals(i, e.sequence());
        }
        List<AuditLog.Entry> entries = log.entries();
        assertEquals(AuditLog.GENESIS, entries.get(0).previousHash());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).hash(), entries.get(i).previousHash());
        }
        AuditLog.Verification v = log.verify();
        assertTrue(v.intact());
        assertEquals(-1, v.index());
        assertTrue(v.tamperKind().isEmpty());
        assertEquals(AuditLog.Verification.Verdict.INTACT, v.toDecision().verdict());
        assertEquals("The audit log of 5 entries is intact", v.findings().list().get(0).message());
        assertTrue(AuditLog.verify(entries, log.head()).intact());
        assertEquals(5, log.size());
        assertEquals(new AuditLog.Head(5, entries.get(4).hash()), log.head());
        AuditLog resumed = AuditLog.resume(entries);
        resumed.append(full(5));
        assertTrue(AuditLog.verify(resumed.entries(), log.head()).intact());
    }

    @Test
    void hash_isStableSha256OfTheEncoding() {
        String h = AuditLog.hash(0, AuditLog.GENESIS, AuditRecord.minimum("PR-1", null, null, null, null));
        assertEquals(64, h.length());
        assertEquals(h, AuditLog.hash(0, AuditLog.GENESIS, AuditRecord.minimum("PR-1", null, null, null, null)));
        // an absent field and an empty one are different; moving text between fields changes the hash
        assertNotEquals(h, AuditLog.hash(0, AuditLog.GENESIS, AuditRecord.minimum("PR-1", "", null, null, null)));
        assertNotEquals(AuditLog.hash(0, AuditLog.GENESIS, AuditRecord.minimum("PR-1", "ab", null, "c", null)),
                AuditLog.hash(0, AuditLog.GENESIS, AuditRecord.minimum("PR-1", "a", null, "bc", null)));
        assertNotEquals(h, AuditLog.hash(1, AuditLog.GENESIS, AuditRecord.minimum("PR-1", null, null, null, null)));
    }

    @Test
    void hash_matchesDocumentedEncoding() {
        // expected values computed independently (Python hashlib) from the encoding in AuditChain's docs
        assertEquals("5a6729fd7629cfef7569f6f1457840c857c1b13dd6a8c01329192d3ddd767bf8",
                AuditLog.hash(0, AuditLog.GENESIS, full(1)));
        assertEquals("4a91bfdcab5038bc9724d26744bb58a0fd771f298dbfb6ef953783084b84bcd2",
                AuditLog.hash(3, "ab".repeat(32), AuditRecord.minimum("PR-9", null, null, null, "\u00e9")));
    }

    @Test
    void verify_removedEntry_reportsGap() {
        List<AuditLog.Entry> entries = log(6);
        entries.remove(2);
        AuditLog.Verification v = AuditLog.verify(entries);
        assertFalse(v.intact());
        assertEquals(AuditLog.TamperKind.REMOVED, v.kind());
        assertEquals(2, v.index());
        assertEquals("audit.log.removed", v.findings().list().get(0).code());
        assertEquals("Entry 2 was removed: the log jumps from 1 to 3", v.findings().list().get(0).message());
    }

    @Test
    void verify_removedLastEntry_needsAnchor() {
        AuditLog log = AuditLog.create();
        for (int i = 0; i < 4; i++) {
            log.append(full(i));
        }
        AuditLog.Head head = log.head();
        List<AuditLog.Entry> entries = new ArrayList<>(log.entries());
        entries.remove(3);
        assertTrue(AuditLog.verify(entries).intact());
        AuditLog.Verification v = AuditLog.verify(entries, head);
        assertEquals(AuditLog.TamperKind.REMOVED, v.kind());
        assertEquals(3, v.index());
    }

    @Test
    void verify_swappedEntries_reportsReorder() {
        List<AuditLog.Entry> entries = log(5);
        AuditLog.Entry a = entries.get(1);
        entries.set(1, entries.get(3));
        entries.set(3, a);
        AuditLog.Verification v = AuditLog.verify(entries);
        assertEquals(AuditLog.TamperKind.REORDERED, v.kind());
        assertEquals(1, v.index());
        assertEquals(1, v.expectedSequence());
    }

    @Test
    void verify_editedAndRehashed_reportsEditedEntryThroughSuccessor() {
        List<AuditLog.Entry> entries = log(4);
        AuditLog.Entry old = entries.get(1);
        AuditRecord forged = AuditRecord.minimum(old.record().changeId(), "other-model", old.record().timestamp(),
                old.record().context(), "mallory");
        entries.set(1, AuditLog.link(1, old.previousHash(), forged));
        AuditLog.Verification v = AuditLog.verify(entries);
        assertEquals(AuditLog.TamperKind.EDITED, v.kind());
        assertEquals(1, v.index());
        assertEquals("Entry 1 was edited: its hash no longer matches the one recorded by entry 2",
                v.findings().list().get(0).message());
    }

    @Test
    void verify_firstEntryNotFromGenesis_isEdited() {
        List<AuditLog.Entry> entries = new ArrayList<>();
        entries.add(AuditLog.link(0, "f".repeat(64), full(0)));
        AuditLog.Verification v = AuditLog.verify(entries);
        assertEquals(AuditLog.TamperKind.EDITED, v.kind());
        assertEquals(0, v.index());
    }

    @Test
    void verify_rewrittenChainDetectedByAnchor() {
        AuditLog log = AuditLog.create();
        log.append(full(0));
        log.append(full(1));
        AuditLog.Head head = log.head();
        AuditLog forged = AuditLog.create();
        forged.append(full(0));
        forged.append(AuditRecord.minimum("PR-1", "x", T, "y", "mallory"));
        forged.append(full(2));
        AuditLog.Verification v = AuditLog.verify(forged.entries(), head);
        assertEquals(AuditLog.TamperKind.EDITED, v.kind());
        assertEquals(1, v.index());
        assertTrue(AuditLog.verify(List.of(), new AuditLog.Head(0, AuditLog.GENESIS)).intact());
    }

    @Test
    void resume_tamperedEntries_throws() {
        List<AuditLog.Entry> entries = log(3);
        entries.remove(0);
        assertThrows(IllegalArgumentException.class, () -> AuditLog.resume(entries));
    }

    static List<AuditLog.Entry> log(int n) {
        AuditLog log = AuditLog.create();
        for (int i = 0; i < n; i++) {
            log.append(full(i));
        }
        return new ArrayList<>(log.entries());
    }
}
