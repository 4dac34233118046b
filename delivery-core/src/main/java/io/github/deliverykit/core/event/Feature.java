package io.github.deliverykit.core.event;

import io.github.deliverykit.core.check.Checks;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A feature: what a release plans (and its readiness counts by status) and what the cost metrics
 * divide by once delivered. {@code delivered} may only be set on a {@link Status#DONE} feature.
 *
 * @param id the feature id or name
 * @param status where it stands
 * @param delivered when it was delivered, or null when not known or not delivered
 */
public record Feature(String id, Status status, @Nullable Instant delivered) {

    /** Where a feature stands in a release. */
    public enum Status {
        /** Complete and in the release. */
        DONE,
        /** Still being built. */
        IN_PROGRESS,
        /** Behind schedule; may miss the release. */
        AT_RISK,
        /** Moved out of this release. */
        DEFERRED
    }

    /**
     * Validates the feature.
     *
     * @throws IllegalArgumentException if the id is blank, the status null, or a delivery time is
     *     given for a feature that is not done
     */
    public Feature {
        Checks.notBlank(id, "id");
        Checks.notNull(status, "status");
        if (delivered != null && status != Status.DONE) {
            throw Checks.invalid("delivered", "may only be set on a DONE feature (status " + status + ")", delivered);
        }
    }

    /**
     * A feature with a status and no delivery time.
     *
     * @param id the id
     * @param status the status
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Feature(String id, Status status) {
        this(id, status, null);
    }

    /**
     * A feature delivered at a known time.
     *
     * @param id the id
     * @param delivered when it was delivered
     * @throws IllegalArgumentException if the id is blank or the time null
     */
    public Feature(String id, Instant delivered) {
        this(id, Status.DONE, Checks.notNull(delivered, "delivered"));
    }

    /**
     * When it was delivered.
     *
     * @return the delivery time, empty when not known
     */
    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(delivered);
    }
}
