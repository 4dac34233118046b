package io.github.deliverykit.benchmarks.governance;

import io.github.deliverykit.policy.governance.AuditLog;
import io.github.deliverykit.policy.governance.AuditRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.digest.DigestUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying a SHA-256 hash-chained audit log: deliverykit's {@link AuditLog#verify(List, AuditLog.Head)} (length-prefixed
 * binary encoding into a per-thread buffer, one digest update per entry) against the usual
 * hand-rolled chain (fields joined with {@code |} into a string, hashed with Apache Commons Codec's
 * {@code sha256Hex}). Both encode every record while verifying, as a verifier reading a stored log must.
 * Both verify an intact chain of {@code size} entries; the setup checks that both accept the intact
 * chain and report the same first edited entry in a tampered copy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuditChainBenchmark {

    @Param({"1000"})
    int size;

    List<AuditLog.Entry> entries;
    AuditLog.Head head;
    List<AuditRecord> peerRecords;
    String[] peerHashes;

    /** One entry of the hand-rolled chain: the payload without the previous hash, and the hash. */
    static String peerPayload(long sequence, AuditRecord r) {
        return sequence + "|" + r.changeId() + "|" + r.modelId() + "|" + r.timestamp() + "|" + r.context() + "|"
                + r.approver() + "|" + r.modelVersion() + "|" + r.promptContext() + "|" + r.agentSessionId() + "|"
                + r.iterationCount();
    }

    static int peerVerify(List<AuditRecord> records, String[] hashes) {
        String previous = "0".repeat(64);
        for (int i = 0; i < hashes.length; i++) {
            String h = DigestUtils.sha256Hex(previous + "|" + peerPayload(i, records.get(i)));
            if (!h.equals(hashes[i])) {
                return i;
            }
            previous = h;
        }
        return -1;
    }

    static AuditRecord record(int i) {
        return AuditRecord.minimum("PR-" + i, "claude-opus", Instant.ofEpochSecond(1_760_000_000L + i),
                        "Fix flaky checkout test number " + i, "reviewer-" + (i % 7))
                .withProvenance("4.1-2026-04", "Make the checkout test deterministic", "session-" + (i / 10),
                        1 + i % 3);
    }

    @Setup
    public void setUp() {
        AuditLog log = AuditLog.create();
        peerRecords = new ArrayList<>(size);
        peerHashes = new String[size];
        String previous = "0".repeat(64);
        for (int i = 0; i < size; i++) {
            AuditRecord r = record(i);
            log.append(r);
            peerRecords.add(r);
            previous = DigestUtils.sha256Hex(previous + "|" + peerPayload(i, r));
            peerHashes[i] = previous;
        }
        entries = log.entries();
        head = log.head();
        if (!AuditLog.verify(entries, head).intact() || peerVerify(peerRecords, peerHashes) != -1) {
            throw new IllegalStateException("both must accept the intact chain");
        }
        int edited = size / 2;
        List<AuditLog.Entry> tampered = new ArrayList<>(entries);
        AuditLog.Entry e = tampered.get(edited);
        AuditRecord r = e.record();
        AuditRecord forged = AuditRecord.minimum(r.changeId(), r.modelId(), r.timestamp(), r.context(), "mallory")
                .withProvenance(r.modelVersion(), r.promptContext(), r.agentSessionId(), r.iterationCount());
        tampered.set(edited, new AuditLog.Entry(e.sequence(), forged, e.previousHash(), e.hash()));
        List<AuditRecord> tamperedRecords = new ArrayList<>(peerRecords);
        tamperedRecords.set(edited, forged);
        AuditLog.Verification ours = AuditLog.verify(tampered, head);
        int theirs = peerVerify(tamperedRecords, peerHashes);
        if (ours.index() != edited || theirs != edited) {
            throw new IllegalStateException("both must report entry " + edited + ": " + ours.index() + ", " + theirs);
        }
    }

    @Benchmark
    public AuditLog.Verification deliverykitVerify() {
        return AuditLog.verify(entries, head);
    }

    @Benchmark
    public int commonsCodecJoinedStrings() {
        return peerVerify(peerRecords, peerHashes);
    }
}
