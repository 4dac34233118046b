package io.github.deliverykit.policy.governance;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An append-only, tamper-evident audit log kept in memory, and the SHA-256 hash chain behind it:
 * each appended record is linked to the previous one by its hash. Each entry's hash is the SHA-256
 * of an unambiguous encoding of its sequence number, the previous entry's hash and every field of
 * its record, so that any edit of an entry changes its hash and any removal or reordering breaks a
 * link.
 *
 * <p>Encoding (big-endian): the sequence as 8 bytes; the previous hash as 64 ASCII hex digits; then
 * each record field in declaration order as a marker byte (0 absent, 1 present) followed, when
 * present, by its value: text as a 4-byte UTF-8 length and the UTF-8 bytes, the timestamp as 8-byte
 * epoch seconds and 4-byte nanos, the iteration count as 4 bytes.
 *
 * <p>Persist {@link #entries()} wherever you like and check them later with
 * {@link #verify(List, Head)} against a {@link #head()} kept elsewhere: without an anchor, an
 * attacker who rewrites the chain from some entry to the end (or drops the last entries) is not
 * detectable. Thread safe: appends are serialised; the static chain functions are stateless and
 * verification is linear in the number of entries (one digest update per entry, no per-entry
 * allocation beyond the hex text).
 */
public final class AuditLog {

    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final List<Entry> entries = new ArrayList<>();

    private AuditLog() {}

    /**
     * One entry of the log: the record, its position, the SHA-256 of the previous entry and its own
     * SHA-256 over position, previous hash and record (see {@link AuditLog#hash}).
     *
     * @param sequence the position in the log, from 0
     * @param record the audit record
     * @param previousHash the hash of the previous entry ({@link #GENESIS} for the first)
     * @param hash this entry's hash, 64 lower-case hex digits
     */
    public record Entry(long sequence, AuditRecord record, String previousHash, String hash) {

        /**
         * Validates the entry's shape (not its hash: that is {@link AuditLog#verify}'s job).
         *
         * @throws IllegalArgumentException if the sequence is negative, the record null or a hash
         *     not 64 lower-case hex digits
         */
        public Entry {
            Checks.nonNegative(sequence, "sequence");
            Checks.notNull(record, "record");
            hex(previousHash, "previousHash");
            hex(hash, "hash");
        }
    }

    /**
     * An anchor of the log kept outside it (e.g. published, or stored elsewhere): how many entries
     * it had and the hash of the last one. Verifying against an anchor also detects removal of the
     * last entries and a rewrite of the whole chain up to the anchor.
     *
     * @param size the number of entries
     * @param hash the hash of the last entry ({@link #GENESIS} when empty)
     */
    public record Head(long size, String hash) {

        /**
         * Validates the anchor.
         *
         * @throws IllegalArgumentException if the size is negative or the hash malformed
         */
        public Head {
            Checks.nonNegative(size, "size");
            hex(hash, "hash");
        }
    }

    /** How a log was tampered with, as far as verification can tell. */
    public enum TamperKind {
        /** An entry's content no longer matches its hash, or the hash its successor recorded. */
        EDITED,
        /** An entry is missing (a gap in the sequence, or fewer entries than the anchor). */
        REMOVED,
        /** An entry is out of order. */
        REORDERED
    }

    /**
     * The result of verifying a log: intact, or the first tampered entry (its index in the list
     * verified, the sequence number expected there, and the kind of tampering), with findings
     * {@code audit.log.intact} or {@code audit.log.edited} / {@code .removed} / {@code .reordered}.
     *
     * @param intact whether no tampering was found
     * @param kind the kind of tampering, or null when intact
     * @param index the index of the first tampered entry, or -1 when intact
     * @param expectedSequence the sequence number expected at that index, or -1 when intact
     * @param findings the findings
     */
    public record Verification(boolean intact, @Nullable TamperKind kind, int index, long expectedSequence,
            Findings findings) implements Decided<Verification.Verdict> {

        /** The verdict of a verification. */
        public enum Verdict {
            /** No tampering found. */
            INTACT,
            /** Tampering found. */
            TAMPERED
        }

        /**
         * Validates the result.
         *
         * @throws IllegalArgumentException if the fields contradict each other
         */
        public Verification {
            Checks.notNull(findings, "findings");
            if (intact != (kind == null) || intact != (index == -1) || index < -1) {
                throw new IllegalArgumentException(Checks.message(
                        "intact, kind and index must agree, but were %s, %s, %d", intact, kind, index));
            }
        }

        /**
         * INTACT or TAMPERED.
         *
         * @return the verdict
         */
        @Override
        public Verdict verdict() {
            return intact ? Verdict.INTACT : Verdict.TAMPERED;
        }

        /**
         * The kind of tampering.
         *
         * @return the kind, empty when intact
         */
        public Optional<TamperKind> tamperKind() {
            return Optional.ofNullable(kind);
        }
    }

    /**
     * An empty log.
     *
     * @return the log
     */
    public static AuditLog create() {
        return new AuditLog();
    }

    /**
     * A log that continues verified entries (e.g. loaded from storage).
     *
     * @param entries the entries so far
     * @return the log
     * @throws IllegalArgumentException if the entries are null or do not verify
     */
    public static AuditLog resume(List<Entry> entries) {
        Verification v = verify(entries);
        if (!v.intact()) {
            throw Checks.invalid("entries", "must form an intact chain", v.findings().toText().strip());
        }
        AuditLog log = new AuditLog();
        log.entries.addAll(entries);
        return log;
    }

    /**
     * The hash of an entry, per the encoding above.
     *
     * @param sequence its position
     * @param previousHash the previous entry's hash
     * @param record the record
     * @return 64 lower-case hex digits
     * @throws IllegalArgumentException if an argument is null or malformed
     */
    public static String hash(long sequence, String previousHash, AuditRecord record) {
        return AuditChain.hash(sequence, previousHash, record);
    }

    /**
     * The entry that follows a previous hash at a position.
     *
     * @param sequence the position
     * @param previousHash the previous entry's hash
     * @param record the record
     * @return the entry with its hash
     * @throws IllegalArgumentException if an argument is null or malformed
     */
    public static Entry link(long sequence, String previousHash, AuditRecord record) {
        return AuditChain.link(sequence, previousHash, record);
    }

    /**
     * Verifies a log from its first entry.
     *
     * @param entries the entries in log order
     * @return intact, or the first tampered entry
     * @throws IllegalArgumentException if the list or an element is null
     */
    public static Verification verify(List<Entry> entries) {
        return AuditChain.verify(entries, null);
    }

    /**
     * Verifies a log against an anchor kept elsewhere (entries appended after the anchor are fine).
     *
     * @param entries the entries in log order
     * @param anchor the anchor, or null for none
     * @return intact, or the first tampered entry
     * @throws IllegalArgumentException if the list or an element is null
     */
    public static Verification verify(List<Entry> entries, @Nullable Head anchor) {
        return AuditChain.verify(entries, anchor);
    }

    /**
     * Appends a record.
     *
     * @param record the record
     * @return the new entry
     * @throws IllegalArgumentException if the record is null
     */
    public synchronized Entry append(AuditRecord record) {
        Checks.notNull(record, "record");
        String previous = entries.isEmpty() ? GENESIS : entries.get(entries.size() - 1).hash();
        Entry entry = AuditChain.link(entries.size(), previous, record);
        entries.add(entry);
        return entry;
    }

    /**
     * A snapshot of the entries.
     *
     * @return the entries in order
     */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * The anchor of the log as it is now.
     *
     * @return the size and last hash
     */
    public synchronized Head head() {
        return new Head(entries.size(), entries.isEmpty() ? GENESIS : entries.get(entries.size() - 1).hash());
    }

    /**
     * The number of entries.
     *
     * @return the size
     */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * Verifies the log's own entries.
     *
     * @return the verification
     */
    public Verification verify() {
        return verify(entries());
    }

    static String hex(@Nullable String value, String field) {
        Checks.notNull(value, field);
        if (!HEX.matcher(value).matches()) {
            throw Checks.invalid(field, "must be 64 lower-case hex digits (SHA-256)", value);
        }
        return value;
    }
}
