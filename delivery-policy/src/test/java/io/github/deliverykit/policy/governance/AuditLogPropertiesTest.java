package io.github.deliverykit.policy.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

final class AuditLogPropertiesTest {

    /** Applies edit number {@code field} (0..11) to an entry, always producing a different entry. */
    static AuditLog.Entry edit(AuditLog.Entry e, int field) {
        AuditRecord r = e.record();
        AuditRecord changed = switch (field) {
            case 0 -> new AuditRecord(r.changeId() + "x", r.modelId(), r.timestamp(), r.context(), r.approver(),
                    r.modelVersion(), r.promptContext(), r.agentSessionId(), r.iterationCount());
            case 1 -> new AuditRecord(r.changeId(), r.modelId() + "x", r.timestamp(), r.context(), r.approver(),
                    r.modelVersion(), r.promptContext(), r.agentSessionId(), r.iterationCount());
            case 2 -> new AuditRecord(r.changeId(), r.modelId(), r.timestamp().plusNanos(1), r.context(), r.approver(),
                    r.modelVersion(), r.promptContext(), r.agentSessionId(), r.iterationCount());
            case 3 -> new AuditRecord(r.changeId(), r.modelId(), r.timestamp(), r.context() + " ", r.approver(),
                    r.modelVersion(), r.promptContext(), r.agentSessionId(), r.iterationCount());
            case 4 -> new AuditRecord(r.changeId(), r.modelId(), r.timestamp(), r.context(), null,
                    r.modelVersion(), r.promptContext(), r.agentSessionId(), r.iterationCount());
            case 5 -> new AuditRecord(r.changeId(), r.modelId(), r.timestamp(), r.context(), r.approver(),
                    "", r.promptContext(), r.agentSessionId(), r.iterationCount());
            case 6 -> new AuditRecord(r.changeId(), r.modelId(), r.timestamp(), r.context(), r.approver(),
                    r.modelVersion(), r.promptContext() + "!", r.agentSessionId(), r.iterationCount());
            case 7 -> new AuditRecord(r.changeId(), r.modelId(), r.timestamp(), r.context(), r.approver(),
                    r.modelVersion(), r.promptContext(), r.agentSessionId() + "0", r.iterationCount());
            case 8 -> new AuditRecord(r.changeId(), r.modelId(), r.timestamp(), r.context(), r.approver(),
                    r.modelVersion(), r.promptContext(), r.agentSessionId(), r.iterationCount() + 1);
            default -> r;
        };
        return switch (field) {
            case 9 -> new AuditLog.Entry(e.sequence() + 1, r, e.previousHash(), e.hash());
            case 10 -> new AuditLog.Entry(e.sequence(), r, flip(e.previousHash()), e.hash());
            case 11 -> new AuditLog.Entry(e.sequence(), r, e.previousHash(), flip(e.hash()));
            default -> new AuditLog.Entry(e.sequence(), changed, e.previousHash(), e.hash());
        };
    }

    static String flip(String hex) {
        char c = hex.charAt(17);
        return hex.substring(0, 17) + (c == '0' ? '1' : '0') + hex.substring(18);
    }

    @Property
    void anySingleEdit_isDetectedAtThatEntry(@ForAll @IntRange(min = 1, max = 12) int size,
            @ForAll @IntRange(max = 11) int at, @ForAll @IntRange(max = 11) int field) {
        List<AuditLog.Entry> entries = AuditTest.log(size);
        int index = at % size;
        entries.set(index, edit(entries.get(index), field));
        AuditLog.Verification v = AuditLog.verify(entries);
        assertFalse(v.intact());
        assertEquals(AuditLog.TamperKind.EDITED, v.kind());
        assertEquals(index, v.index());
    }

    @Property
    void anySingleEditRehashed_isDetectedWithAnchor(@ForAll @IntRange(min = 1, max = 12) int size,
            @ForAll @IntRange(max = 11) int at, @ForAll @IntRange(max = 8) int field) {
        AuditLog log = AuditLog.create();
        for (int i = 0; i < size; i++) {
            log.append(AuditTest.full(i));
        }
        AuditLog.Head head = log.head();
        List<AuditLog.Entry> entries = new ArrayList<>(log.entries());
        int index = at % size;
        AuditLog.Entry old = entries.get(index);
        entries.set(index, AuditLog.link(old.sequence(), old.previousHash(), edit(old, field).record()));
        AuditLog.Verification v = AuditLog.verify(entries, head);
        assertFalse(v.intact());
        assertEquals(AuditLog.TamperKind.EDITED, v.kind());
        assertEquals(index, v.index());
    }

    @Property
    void anyRemovalOrSwap_isDetected(@ForAll @IntRange(min = 2, max = 12) int size, @ForAll @IntRange(max = 11) int a,
            @ForAll @IntRange(max = 11) int b, @ForAll boolean remove) {
        AuditLog log = AuditLog.create();
        for (int i = 0; i < size; i++) {
            log.append(AuditTest.full(i));
        }
        List<AuditLog.Entry> entries = new ArrayList<>(log.entries());
        int i = a % size;
        int j = b % size;
        AuditLog.Verification v;
        if (remove) {
            entries.remove(i);
            v = AuditLog.verify(entries, log.head());
            assertEquals(AuditLog.TamperKind.REMOVED, v.kind());
            assertEquals(i, v.index());
        } else {
            if (i == j) {
                j = (i + 1) % size;
            }
            AuditLog.Entry x = entries.get(i);
            entries.set(i, entries.get(j));
            entries.set(j, x);
            v = AuditLog.verify(entries);
            assertEquals(AuditLog.TamperKind.REORDERED, v.kind());
            assertEquals(Math.min(i, j), v.index());
        }
    }

    @Property(tries = 50)
    void badInput_onlyIllegalArgument(@ForAll("junk") String s, @ForAll @IntRange(min = -2, max = 2) int n) {
        GovernancePropertiesTest.expectOnlyIae(() -> new AuditLog.Entry(n, null, s, s));
        GovernancePropertiesTest.expectOnlyIae(() -> new AuditLog.Entry(n, AuditTest.full(0), s, s));
        GovernancePropertiesTest.expectOnlyIae(() -> new AuditLog.Head(n, s));
        GovernancePropertiesTest.expectOnlyIae(() -> AuditLog.hash(n, s, null));
        GovernancePropertiesTest.expectOnlyIae(() -> AuditLog.verify(null));
        GovernancePropertiesTest.expectOnlyIae(() -> new AuditRecord(s, s, Instant.MAX, s, s, s, s, s, n));
        GovernancePropertiesTest.expectOnlyIae(() -> AuditTrail.of(null));
        GovernancePropertiesTest.expectOnlyIae(() -> AuditTest.trail(AuditTrailConfig.AuditLevel.MINIMUM)
                .evaluate(java.util.Collections.singletonList(null), AuditTest.CLOCK));
        GovernancePropertiesTest.expectOnlyIae(() -> AuditLog.create().append(null));
        GovernancePropertiesTest.expectOnlyIae(() -> new AuditLog.Verification(n > 0, null, n, n, null));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> junk() {
        return net.jqwik.api.Arbitraries.of(null, "", " ", "abc", "0".repeat(64), "F".repeat(64), "0".repeat(63));
    }
}
