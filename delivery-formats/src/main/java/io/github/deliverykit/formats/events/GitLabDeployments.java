package io.github.deliverykit.formats.events;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.GitLabShapes;
import io.github.deliverykit.formats.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads GitLab REST API deployments ({@code GET /projects/:id/deployments}, an array, streamed
 * element by element) into core {@link Deployment}s. The outcome is the deployment's {@code status}:
 * {@code success} gives SUCCESS and {@code failed} FAILED, finished when the deploying job
 * ({@code deployable.finished_at}) finished, else at {@code updated_at}; {@code running} gives
 * IN_PROGRESS. A deployment that never changed the environment ({@code created}, {@code blocked}
 * waiting for approval, {@code canceled}, {@code skipped}) is skipped and reported. It started when
 * the job started ({@code deployable.started_at}), else at {@code created_at}. The id is the global
 * {@code id}, the version the sha; each deployment links to the previous one of its environment.
 * Stateless and thread safe.
 */
public final class GitLabDeployments {

    private GitLabDeployments() {}

    /**
     * Reads a deployments file.
     *
     * @param file the JSON array
     * @param service the service (project) the deployments are of
     * @return the deployments, oldest first, and the report
     * @throws FormatException if the file is not a JSON array
     * @throws UncheckedIOException if the file cannot be read
     */
    public static DeploymentRead read(Path file, String service) {
        Checks.notNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, service);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads deployments.
     *
     * @param source the name used in errors and the report
     * @param in the JSON array
     * @param service the service the deployments are of
     * @return the deployments, oldest first, and the report
     * @throws FormatException if the input is not a JSON array
     */
    public static DeploymentRead read(String source, InputStream in, String service) {
        Checks.notBlank(source, "source");
        Checks.notNull(in, "in");
        Checks.notBlank(service, "service");
        ReadReport.Builder report = new ReadReport.Builder();
        List<Deployment> out = new ArrayList<>();
        Json.elements(source, in, null, "deployments", GitLabShapes.Deployment.class, report, (d, at) -> {
            Deployment mapped = map(d, service, source, at, report);
            return mapped != null && out.add(mapped);
        });
        return DeploymentRead.linked(out, report.build());
    }

    private static @Nullable Deployment map(GitLabShapes.Deployment d, String service, String source, String at,
            ReadReport.Builder report) {
        if (d.id() == null || d.sha() == null || d.sha().isBlank() || d.createdAt() == null || d.status() == null) {
            report.issue(IssueKind.REJECTED, source, at, "id, sha, created_at and status are required");
            return null;
        }
        String environment = d.environment() == null || d.environment().name() == null
                || d.environment().name().isBlank() ? null : d.environment().name();
        if (environment == null) {
            report.issue(IssueKind.REJECTED, source, at + ".environment.name", "is required");
            return null;
        }
        Instant started = d.deployable() != null && d.deployable().startedAt() != null ? d.deployable().startedAt()
                : d.createdAt();
        Instant end = d.deployable() != null && d.deployable().finishedAt() != null ? d.deployable().finishedAt()
                : d.updatedAt();
        DeploymentOutcome outcome;
        Instant finished;
        switch (d.status()) {
            case "success", "failed" -> {
                outcome = d.status().equals("success") ? DeploymentOutcome.SUCCESS : DeploymentOutcome.FAILED;
                if (end == null) {
                    report.issue(IssueKind.REJECTED, source, at + ".updated_at", "a finished deployment needs "
                            + "deployable.finished_at or updated_at");
                    return null;
                }
                finished = end;
            }
            case "running" -> {
                outcome = DeploymentOutcome.IN_PROGRESS;
                finished = null;
            }
            case "created", "blocked", "canceled", "skipped" -> {
                report.issue(IssueKind.SKIPPED, source, at + ".status", "'" + d.status()
                        + "': the deployment did not change the environment");
                return null;
            }
            default -> {
                report.issue(IssueKind.REJECTED, source, at + ".status", "unknown value '" + d.status()
                        + "' (one of created, running, success, failed, canceled, skipped, blocked)");
                return null;
            }
        }
        try {
            return new Deployment(Long.toString(d.id()), service, environment, d.sha(), started, finished, outcome,
                    List.of(), null);
        } catch (IllegalArgumentException e) {
            report.issue(IssueKind.REJECTED, source, at, e.getMessage());
            return null;
        }
    }
}
