package io.github.deliverykit.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options every command takes: a reproducible "now" and the output format. */
public final class CommonOptions {

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Evaluate as of this instant (ISO-8601, e.g. 2024-01-25T12:00:00Z) instead of now; makes output reproducible.")
    @Nullable String asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, markdown, json or html (html: demo, report, sla, assess, "
                    + "incident-report, deploy; junit and sarif: change, release-check; kayenta: deploy; "
                    + "default: ${DEFAULT-VALUE}).")
    String format = "text";

    /**
     * The evaluation instant.
     *
     * @return {@code --as-of}, or the system clock's now
     */
    public Instant now() {
        if (asOf == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InputException("--as-of must be an ISO-8601 instant like 2024-01-25T12:00:00Z, but was '" + asOf + "'");
        }
    }

    /**
     * A clock fixed at {@link #now()}.
     *
     * @return the clock
     */
    public Clock clock() {
        return Clock.fixed(now(), ZoneOffset.UTC);
    }

    /**
     * The output format.
     *
     * @return the format
     */
    public Format format() {
        switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "text":
                return Format.TEXT;
            case "markdown":
            case "md":
                return Format.MARKDOWN;
            case "json":
                return Format.JSON;
            case "html":
                return Format.HTML;
            case "junit":
                return Format.JUNIT;
            case "sarif":
                return Format.SARIF;
            case "kayenta":
                return Format.KAYENTA;
            default:
                throw new InputException("--format must be text, markdown or json (or html on demo, report, sla, assess, "
                        + "incident-report, deploy), but was '" + format + "' (junit and sarif on change, release-check)");
        }
    }
}
