package io.github.deliverykit.flink;

import io.github.deliverykit.core.check.Checks;

/**
 * One request of an event-based SLI: its id (duplicated deliveries carry the same id and count
 * once), the service, when it happened and whether it was good. A Flink record type (serialized by
 * Flink's record/POJO serializer, never by Kryo).
 *
 * @param id the unique event id
 * @param service the service it belongs to
 * @param timestampMillis when it happened, epoch milliseconds
 * @param good whether it met the SLI
 */
public record RequestEvent(String id, String service, long timestampMillis, boolean good) {

    /**
     * Validates the event.
     *
     * @throws IllegalArgumentException if the id or service is blank
     */
    public RequestEvent {
        Checks.notBlank(id, "id");
        Checks.notBlank(service, "service");
    }

    /**
     * The event as one line of the file format {@link RequestEventParser} reads:
     * {@code id,service,epochMillis,good|bad}.
     *
     * @return the line
     */
    public String toLine() {
        return id + "," + service + "," + timestampMillis + "," + (good ? "good" : "bad");
    }
}
