package io.github.deliverykit.flink;

/**
 * An input line that could not be read as an event, with the reason: what the parsers send to
 * their side output instead of failing the job or dropping the line silently.
 *
 * @param line the line as read
 * @param reason why it was rejected, naming the field and the value
 */
public record MalformedEvent(String line, String reason) {}
