package io.github.deliverykit.formats;

import io.github.deliverykit.core.check.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a reader did with its input: how many items it read and accepted, and every item it rejected,
 * skipped or merged, each with its source, position and reason. Nothing a reader drops is missing here.
 *
 * @param read items seen
 * @param accepted items turned into results
 * @param rejected items left out as malformed or invalid
 * @param skipped items of a kind the reader does not turn into results
 * @param merged items that repeat another and count once
 * @param noted items read with a remark that changes their meaning
 * @param issues the issues, in input order (up to a bound per kind; the counts are exact)
 */
public record ReadReport(long read, long accepted, long rejected, long skipped, long merged, long noted,
        List<Issue> issues) {

    /**
     * Validates the report.
     *
     * @throws IllegalArgumentException if a count is negative or the issues are null
     */
    public ReadReport {
        Checks.nonNegative(read, "read");
        Checks.nonNegative(accepted, "accepted");
        Checks.nonNegative(rejected, "rejected");
        Checks.nonNegative(skipped, "skipped");
        Checks.nonNegative(merged, "merged");
        Checks.nonNegative(noted, "noted");
        issues = Checks.listOf(issues, "issues");
    }

    /**
     * The number of issues of one kind.
     *
     * @param kind the kind
     * @return the count
     */
    public long count(IssueKind kind) {
        return switch (Checks.notNull(kind, "kind")) {
            case REJECTED -> rejected;
            case SKIPPED -> skipped;
            case MERGED -> merged;
            case NOTE -> noted;
        };
    }

    /**
     * A one-line summary, e.g. {@code read 10, accepted 8, rejected 1, skipped 1, merged 0, noted 0}.
     *
     * @return the summary
     */
    public String summary() {
        return String.format(Locale.ROOT, "read %d, accepted %d, rejected %d, skipped %d, merged %d, noted %d", read,
                accepted, rejected, skipped, merged, noted);
    }

    /** Why an item was not accepted as it was. */
    public enum IssueKind {
        /** The item is malformed or invalid and was left out. */
        REJECTED,
        /** The item is well formed but not of a kind the reader turns into a result (e.g. a user message). */
        SKIPPED,
        /** The item repeats another (a streaming snapshot, a resumed session) and counts once. */
        MERGED,
        /** The item was read, but something in it changes its meaning (e.g. an unknown model price). */
        NOTE
    }

    /**
     * One item not accepted as it was.
     *
     * @param kind rejected, skipped, merged or noted
     * @param source the file or payload name
     * @param position the line, or the JSON path
     * @param reason why
     */
    public record Issue(IssueKind kind, String source, String position, String reason) {
        /**
         * Validates the issue.
         *
         * @throws IllegalArgumentException if a field is null or blank
         */
        public Issue {
            Checks.notNull(kind, "kind");
            Checks.notBlank(source, "source");
            Checks.notBlank(position, "position");
            Checks.notBlank(reason, "reason");
        }

        @Override
        public String toString() {
            return kind + " " + source + ": " + position + ": " + reason;
        }
    }

    /**
     * Collects a report while a reader runs. Not thread safe.
     */
    public static final class Builder {
        /** At most this many issues of one kind are listed; the counts stay exact beyond it. */
        public static final int DEFAULT_MAX_LISTED = 10_000;

        private long read;
        private long accepted;
        private final List<Issue> issues = new ArrayList<>();
        private final long[] counts = new long[IssueKind.values().length];
        private final int maxListed;

        /** A builder listing up to {@link #DEFAULT_MAX_LISTED} issues of each kind. */
        public Builder() {
            this(DEFAULT_MAX_LISTED);
        }

        /**
         * A builder listing up to {@code maxListed} issues of each kind (counts stay exact).
         *
         * @param maxListed the bound, not negative
         */
        public Builder(int maxListed) {
            this.maxListed = (int) Checks.nonNegative(maxListed, "maxListed");
        }

        /** Counts one item seen. */
        public void read() {
            read++;
        }

        /** Counts one item accepted. */
        public void accepted() {
            accepted++;
        }

        /**
         * Takes back one accepted item (a later snapshot replaced it).
         */
        public void unaccepted() {
            accepted--;
        }

        /**
         * Records an issue.
         *
         * @param kind the kind
         * @param source the source
         * @param position the position
         * @param reason the reason
         */
        public void issue(IssueKind kind, String source, String position, String reason) {
            if (counts[kind.ordinal()]++ < maxListed) {
                issues.add(new Issue(kind, source, position, reason));
            }
        }

        /**
         * Whether an issue of a kind recorded now would be listed: past the bound only its count is
         * kept, so a caller may skip building its text.
         *
         * @param kind the kind
         * @return true while fewer than the bound are listed
         */
        public boolean listing(IssueKind kind) {
            return counts[kind.ordinal()] < maxListed;
        }

        /**
         * The issues counted of one kind, including those past the listing bound.
         *
         * @param kind the kind
         * @return the count
         */
        public long count(IssueKind kind) {
            return counts[kind.ordinal()];
        }

        /**
         * The report so far.
         *
         * @return the report
         */
        public ReadReport build() {
            return new ReadReport(read, accepted, count(IssueKind.REJECTED), count(IssueKind.SKIPPED),
                    count(IssueKind.MERGED), count(IssueKind.NOTE), issues);
        }
    }
}
