package io.github.deliverykit.cli;

/** Output formats of every report. */
public enum Format {
    /** Plain text for terminals. */
    TEXT,
    /** Markdown for chat-ops and pull-request comments. */
    MARKDOWN,
    /** JSON for other programs. */
    JSON,
    /** One self-contained HTML page of charts and data tables (the commands that draw a picture). */
    HTML
}
