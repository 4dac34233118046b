package io.github.deliverykit.formats.events;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.Json;
import io.github.deliverykit.formats.internal.PagerDutyShapes;
import io.github.deliverykit.formats.internal.PagerDutyShapes.LogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads PagerDuty REST v2 incidents ({@code GET /incidents}: an object whose {@code incidents} array
 * is streamed element by element) into core {@link Incident}s. Each incident carries its log entries
 * ({@code GET /incidents/{id}/log_entries}) in a {@code log_entries} array: the first
 * {@code acknowledge_log_entry} gives the acknowledgement, the last {@code resolve_log_entry} the
 * resolution (PagerDuty does not tell mitigation from resolution: mitigated = resolved). Impact
 * starts and is detected at {@code created_at}. The severity comes from the priority's summary
 * (P1..P5) through a mapping, else from the urgency; the mapping used is noted per incident.
 * Stateless and thread safe.
 */
public final class PagerDutyIncidents {

    /** The default mapping: priorities P1..P5 and urgencies high / low to severities. */
    public static final Map<String, Severity> DEFAULT_SEVERITIES = defaults();

    private PagerDutyIncidents() {}

    private static Map<String, Severity> defaults() {
        Map<String, Severity> m = new LinkedHashMap<>();
        m.put("P1", Severity.SEV1);
        m.put("P2", Severity.SEV2);
        m.put("P3", Severity.SEV3);
        m.put("P4", Severity.SEV4);
        m.put("P5", Severity.SEV4);
        m.put("high", Severity.SEV2);
        m.put("low", Severity.SEV3);
        return Map.copyOf(m);
    }

    /**
     * Reads an incidents file with the default severity mapping and environment {@code production}.
     *
     * @param file the JSON
     * @return the incidents and the report
     * @throws FormatException if the file is not a PagerDuty incidents response
     */
    public static IncidentRead read(Path file) {
        return read(file, DEFAULT_SEVERITIES, "production");
    }

    /**
     * Reads an incidents file.
     *
     * @param file the JSON
     * @param severities priority summaries (P1..P5) and urgencies (high, low) to severities
     * @param environment the environment the incidents are in
     * @return the incidents and the report
     * @throws FormatException if the file is not a PagerDuty incidents response
     */
    public static IncidentRead read(Path file, Map<String, Severity> severities, String environment) {
        Checks.notNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, severities, environment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads incidents.
     *
     * @param source the name used in errors and the report
     * @param in the JSON
     * @param severities priority summaries and urgencies to severities
     * @param environment the environment the incidents are in
     * @return the incidents and the report
     * @throws FormatException if the input is not a PagerDuty incidents response
     */
    public static IncidentRead read(String source, InputStream in, Map<String, Severity> severities, String environment) {
        Checks.notBlank(source, "source");
        Checks.notNull(in, "in");
        Map<String, Severity> map = Map.copyOf(Checks.notNull(severities, "severities"));
        Checks.notBlank(environment, "environment");
        ReadReport.Builder report = new ReadReport.Builder();
        List<Incident> out = new ArrayList<>();
        Json.elements(source, in, "incidents", "an incidents array", PagerDutyShapes.Incident.class, report,
                (inc, at) -> {
                    Incident mapped = map(inc, map, environment, source, at, report);
                    return mapped != null && out.add(mapped);
                });
        return new IncidentRead(out, report.build());
    }

    private static @Nullable Incident map(PagerDutyShapes.Incident inc, Map<String, Severity> map, String environment,
            String source, String at, ReadReport.Builder report) {
        if (inc.id() == null || inc.id().isBlank() || inc.createdAt() == null) {
            report.issue(IssueKind.REJECTED, source, at, "id and created_at are required");
            return null;
        }
        String service = inc.service() == null ? null : inc.service().summary();
        if (service == null || service.isBlank()) {
            report.issue(IssueKind.REJECTED, source, at + ".service.summary", "is required");
            return null;
        }
        String priority = inc.priority() == null ? null : inc.priority().summary();
        String key = priority != null && map.containsKey(priority) ? priority
                : inc.urgency() == null ? null : inc.urgency().toLowerCase(Locale.ROOT);
        Severity severity = key == null ? null : map.get(key);
        if (severity == null) {
            report.issue(IssueKind.REJECTED, source, at, "no severity for priority " + priority + " or urgency " + inc.urgency()
                    + " in the mapping " + map.keySet());
            return null;
        }
        report.issue(IssueKind.NOTE, source, at, (key.equals(priority) ? "priority " : "urgency ") + key + " read as " + severity);
        Instant ack = null;
        Instant resolved = null;
        for (LogEntry e : inc.logEntries() == null ? List.<LogEntry>of() : inc.logEntries()) {
            if (e == null || e.type() == null || e.createdAt() == null) {
                continue;
            }
            if (e.type().equals("acknowledge_log_entry") && (ack == null || e.createdAt().isBefore(ack))) {
                ack = e.createdAt();
            } else if (e.type().equals("resolve_log_entry") && (resolved == null || e.createdAt().isAfter(resolved))) {
                resolved = e.createdAt();
            }
        }
        try {
            return Incident.builder(inc.id(), service, severity).environment(environment).started(inc.createdAt())
                    .detected(inc.createdAt()).acknowledged(ack).mitigated(resolved).resolved(resolved).build();
        } catch (IllegalArgumentException e) {
            report.issue(IssueKind.REJECTED, source, at, e.getMessage());
            return null;
        }
    }
}
