package io.github.deliverykit.formats.events;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Incident;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.Json;
import io.github.deliverykit.formats.internal.OpsgenieShapes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads Opsgenie incidents ({@code GET /v1/incidents}: an object whose {@code data} array is streamed
 * element by element) into core {@link Incident}s. The impact started at {@code impactStartDate} and
 * was detected at {@code impactDetectDate} (each {@code createdAt} when absent); a {@code resolved} or
 * {@code closed} incident was resolved (and, Opsgenie not telling them apart, mitigated) at
 * {@code impactEndDate}; Opsgenie's incident list carries no acknowledgement. The service is the first
 * of {@code impactedServices}. The severity comes from the priority (P1..P5) through a mapping, the
 * same design as {@link PagerDutyIncidents}: the mapping used is noted per incident, and a priority
 * without a mapping rejects the incident. Stateless and thread safe.
 */
public final class OpsgenieIncidents {

    /** The default mapping: P1 SEV-1, P2 SEV-2, P3 SEV-3, P4 and P5 SEV-4. */
    public static final Map<String, Severity> DEFAULT_SEVERITIES = defaults();

    private OpsgenieIncidents() {}

    private static Map<String, Severity> defaults() {
        Map<String, Severity> m = new LinkedHashMap<>();
        m.put("P1", Severity.SEV1);
        m.put("P2", Severity.SEV2);
        m.put("P3", Severity.SEV3);
        m.put("P4", Severity.SEV4);
        m.put("P5", Severity.SEV4);
        return Map.copyOf(m);
    }

    /**
     * Reads an incidents file with the default severity mapping and environment {@code production}.
     *
     * @param file the JSON
     * @return the incidents and the report
     * @throws FormatException if the file is not an Opsgenie incidents response
     * @throws UncheckedIOException if the file cannot be read
     */
    public static IncidentRead read(Path file) {
        return read(file, DEFAULT_SEVERITIES, "production");
    }

    /**
     * Reads an incidents file.
     *
     * @param file the JSON
     * @param severities priorities (P1..P5) to severities
     * @param environment the environment the incidents are in
     * @return the incidents and the report
     * @throws FormatException if the file is not an Opsgenie incidents response
     * @throws UncheckedIOException if the file cannot be read
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
     * @param severities priorities to severities
     * @param environment the environment the incidents are in
     * @return the incidents and the report
     * @throws FormatException if the input is not an Opsgenie incidents response
     */
    public static IncidentRead read(String source, InputStream in, Map<String, Severity> severities, String environment) {
        Checks.notBlank(source, "source");
        Checks.notNull(in, "in");
        Map<String, Severity> map = Map.copyOf(Checks.notNull(severities, "severities"));
        Checks.notBlank(environment, "environment");
        ReadReport.Builder report = new ReadReport.Builder();
        List<Incident> out = new ArrayList<>();
        Json.elements(source, in, "data", "a data array", OpsgenieShapes.Incident.class, report, (inc, at) -> {
            Incident mapped = map(inc, map, environment, source, at, report);
            return mapped != null && out.add(mapped);
        });
        return new IncidentRead(out, report.build());
    }

    private static @Nullable Incident map(OpsgenieShapes.Incident inc, Map<String, Severity> map, String environment,
            String source, String at, ReadReport.Builder report) {
        if (inc.id() == null || inc.id().isBlank() || inc.createdAt() == null || inc.status() == null) {
            report.issue(IssueKind.REJECTED, source, at, "id, status and createdAt are required");
            return null;
        }
        List<@Nullable String> services = inc.impactedServices() == null ? List.of() : inc.impactedServices();
        String service = services.isEmpty() ? null : services.get(0);
        if (service == null || service.isBlank()) {
            report.issue(IssueKind.REJECTED, source, at + ".impactedServices", "needs at least one service");
            return null;
        }
        Severity severity = inc.priority() == null ? null : map.get(inc.priority());
        if (severity == null) {
            report.issue(IssueKind.REJECTED, source, at + ".priority", "no severity for priority " + inc.priority()
                    + " in the mapping " + new java.util.TreeSet<>(map.keySet()));
            return null;
        }
        report.issue(IssueKind.NOTE, source, at, "priority " + inc.priority() + " read as " + severity);
        Instant started = inc.impactStartDate() != null ? inc.impactStartDate() : inc.createdAt();
        Instant detected = inc.impactDetectDate() != null ? inc.impactDetectDate() : inc.createdAt();
        Instant resolved;
        switch (inc.status()) {
            case "open" -> resolved = null;
            case "resolved", "closed" -> {
                if (inc.impactEndDate() == null) {
                    report.issue(IssueKind.REJECTED, source, at + ".impactEndDate", "a " + inc.status()
                            + " incident needs its impact end");
                    return null;
                }
                resolved = inc.impactEndDate();
            }
            default -> {
                report.issue(IssueKind.REJECTED, source, at + ".status", "unknown value '" + inc.status()
                        + "' (one of open, resolved, closed)");
                return null;
            }
        }
        try {
            return Incident.builder(inc.id(), service, severity).environment(environment).started(started)
                    .detected(detected).mitigated(resolved).resolved(resolved).build();
        } catch (IllegalArgumentException e) {
            report.issue(IssueKind.REJECTED, source, at, e.getMessage());
            return null;
        }
    }
}
