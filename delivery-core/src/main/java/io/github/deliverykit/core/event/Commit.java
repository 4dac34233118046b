package io.github.deliverykit.core.event;

import io.github.deliverykit.core.check.Checks;
import java.time.Instant;

/**
 * A commit: its id and its two timestamps. The author time is when the change was written; the
 * commit time is when it was (re)committed, which rebases and squash merges move forward. Lead-time
 * calculations pick which one to use.
 *
 * @param sha the commit id, 4 to 64 hexadecimal characters
 * @param authored when the change was authored
 * @param committed when it was committed
 */
public record Commit(String sha, Instant authored, Instant committed) {

    /**
     * Validates the commit.
     *
     * @throws IllegalArgumentException if a field is null or the sha is not hexadecimal
     */
    public Commit {
        Checks.notNull(sha, "sha");
        if (!isSha(sha)) {
            throw Checks.invalid("sha", "must be 4 to 64 hexadecimal characters", sha);
        }
        Checks.notNull(authored, "authored");
        Checks.notNull(committed, "committed");
    }

    /**
     * A commit authored and committed at the same instant.
     *
     * @param sha the id
     * @param at the instant
     * @return the commit
     */
    public static Commit of(String sha, Instant at) {
        return new Commit(sha, at, at);
    }

    /** 4 to 64 hexadecimal characters; a character loop, so a commit costs no matcher. */
    private static boolean isSha(String sha) {
        int n = sha.length();
        if (n < 4 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = sha.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
