package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain behind the tamper-evident {@link AuditLog}. Each entry's hash is the SHA-256 of an
 * unambiguous encoding of its sequence number, the previous entry's hash and every field of its
 * record, so that any edit of an entry changes its hash and any removal or reordering breaks a link.
 *
 * <p>Encoding (big-endian): the sequence as 8 bytes; the previous hash as 64 ASCII hex digits; then
 * each record field in declaration order as a marker byte (0 absent, 1 present) followed, when
 * present, by its value: text as a 4-byte UTF-8 length and the UTF-8 bytes, the timestamp as 8-byte
 * epoch seconds and 4-byte nanos, the iteration count as 4 bytes.
 *
 * <p>{@link AuditLog#verify(List)} reports the first tampered entry. Without an anchor, an attacker who
 * rewrites the chain from some entry to the end (or drops the last entries) is not detectable; keep
 * a {@link AuditLog.Head} elsewhere and use {@link AuditLog#verify(List, AuditLog.Head)}. Stateless and thread safe;
 * verification is linear in the number of entries.
 */
final class AuditChain {

    static final String GENESIS = AuditLog.GENESIS;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AuditChain() {}

    /**
     * The hash of an entry.
     *
     * @param sequence its position
     * @param previousHash the previous entry's hash
     * @param record the record
     * @return 64 lower-case hex digits
     * @throws IllegalArgumentException if an argument is null or malformed
     */
    static String hash(long sequence, String previousHash, AuditRecord record) {
        Checks.nonNegative(sequence, "sequence");
        AuditLog.hex(previousHash, "previousHash");
        Checks.notNull(record, "record");
        return digest(sequence, previousHash, record);
    }

    /** Hashes validated parts with this thread's digest; the encoding is documented on the class. */
    private static String digest(long sequence, String previousHash, AuditRecord record) {
        Hasher h = HASHER.get();
        h.size = 0;
        h.putLong(sequence);
        h.putAscii(previousHash);
        h.putText(record.changeId());
        h.putText(record.modelId());
        Instant ts = record.timestamp();
        if (ts == null) {
            h.putByte(0);
        } else {
            h.putByte(1);
            h.putLong(ts.getEpochSecond());
            h.putInt(ts.getNano());
        }
        h.putText(record.context());
        h.putText(record.approver());
        h.putText(record.modelVersion());
        h.putText(record.promptContext());
        h.putText(record.agentSessionId());
        Integer iterations = record.iterationCount();
        if (iterations == null) {
            h.putByte(0);
        } else {
            h.putByte(1);
            h.putInt(iterations);
        }
        h.md.update(h.buf, 0, h.size);
        return hex(h.md.digest());
    }

    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    /**
     * A reusable SHA-256 digest and encoding buffer per thread, so that an entry is encoded into one
     * array and hashed with a single update; {@code digest()} resets the digest.
     */
    private static final class Hasher {
        final MessageDigest md = sha256();
        byte[] buf = new byte[512];
        int size;

        void ensure(int more) {
            if (buf.length - size < more) {
                // entries are small; a huge text grows the buffer once, to the size it needs
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        void putByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void putLong(long v) {
            ensure(8);
            for (int i = 0; i < 8; i++) {
                buf[size++] = (byte) (v >>> (56 - 8 * i));
            }
        }

        void putInt(int v) {
            ensure(4);
            for (int i = 0; i < 4; i++) {
                buf[size++] = (byte) (v >>> (24 - 8 * i));
            }
        }

        @SuppressWarnings("deprecation")
        void putAscii(String s) {
            int n = s.length();
            ensure(n);
            // copies the low byte of each char: exact for ASCII, and a bulk copy for Latin-1 strings
            s.getBytes(0, n, buf, size);
            size += n;
        }

        void putText(@Nullable String s) {
            if (s == null) {
                putByte(0);
                return;
            }
            putByte(1);
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }
    }

    /**
     * The entry that follows a previous hash at a position.
     *
     * @param sequence the position
     * @param previousHash the previous entry's hash
     * @param record the record
     * @return the entry with its hash
     */
    static AuditLog.Entry link(long sequence, String previousHash, AuditRecord record) {
        return new AuditLog.Entry(sequence, record, previousHash, hash(sequence, previousHash, record));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * Verifies a log against an anchor kept elsewhere (entries appended after the anchor are fine).
     *
     * @param entries the entries in log order
     * @param anchor the anchor, or null for none
     * @return intact, or the first tampered entry
     * @throws IllegalArgumentException if the list or an element is null
     */
    static AuditLog.Verification verify(List<AuditLog.Entry> entries, AuditLog.@Nullable Head anchor) {
        List<AuditLog.Entry> list = Checks.listOf(entries, "entries");
        String expectedPrevious = GENESIS;
        for (int i = 0; i < list.size(); i++) {
            AuditLog.Entry e = list.get(i);
            // entries were validated when built: hash without re-checking them
            if (!digest(e.sequence(), e.previousHash(), e.record()).equals(e.hash())) {
                return tampered(AuditLog.TamperKind.EDITED, i, i, "Entry " + i + " (" + e.record().changeId()
                        + ") was edited: its content no longer matches its hash");
            }
            if (e.sequence() != i) {
                if (e.sequence() > i && !containsSequence(list, i)) {
                    return tampered(AuditLog.TamperKind.REMOVED, i, i, "Entry " + i + " was removed: the log jumps from "
                            + (i - 1) + " to " + e.sequence());
                }
                return tampered(AuditLog.TamperKind.REORDERED, i, i, "Entry " + i + " is out of order: found entry "
                        + e.sequence() + " in its place");
            }
            if (!e.previousHash().equals(expectedPrevious)) {
                int edited = Math.max(0, i - 1);
                return tampered(AuditLog.TamperKind.EDITED, edited, edited, "Entry " + edited + " was edited: "
                        + (i == 0 ? "the first entry does not start from the genesis hash"
                                : "its hash no longer matches the one recorded by entry " + i));
            }
            expectedPrevious = e.hash();
        }
        if (anchor != null) {
            if (list.size() < anchor.size()) {
                long idx = list.size();
                return tampered(AuditLog.TamperKind.REMOVED, (int) idx, idx, "Entry " + idx + " was removed: the anchor "
                        + "records " + anchor.size() + " entries, the log has " + list.size());
            }
            String atAnchor = anchor.size() == 0 ? GENESIS : list.get((int) (anchor.size() - 1)).hash();
            if (!atAnchor.equals(anchor.hash())) {
                int idx = (int) Math.max(0, anchor.size() - 1);
                return tampered(AuditLog.TamperKind.EDITED, idx, idx, "Entry " + idx + " was edited: its hash differs from "
                        + "the anchored head");
            }
        }
        return new AuditLog.Verification(true, null, -1, -1, Findings.of(Finding.pass("audit.log.intact",
                "The audit log of " + list.size() + " entries is intact",
                Facts.of("entries", list.size(), "anchored", anchor != null))));
    }

    private static boolean containsSequence(List<AuditLog.Entry> list, long sequence) {
        for (AuditLog.Entry e : list) {
            if (e.sequence() == sequence) {
                return true;
            }
        }
        return false;
    }

    private static AuditLog.Verification tampered(AuditLog.TamperKind kind, int index, long sequence, String message) {
        return new AuditLog.Verification(false, kind, index, sequence, Findings.of(Finding.fail(
                "audit.log." + kind.name().toLowerCase(java.util.Locale.ROOT), message,
                Facts.of("index", index, "kind", kind))));
    }
}
