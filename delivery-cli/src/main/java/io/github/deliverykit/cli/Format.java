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
    HTML,
    /** JUnit XML, one test case per finding (the decision commands: change, release-check). */
    JUNIT,
    /** SARIF 2.1.0, one result per finding (the decision commands: change, release-check). */
    SARIF,
    /** Kayenta's judge result JSON, one {@code CanaryJudgeResult} per judge (deploy). */
    KAYENTA
}
