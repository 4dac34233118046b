package io.github.deliverykit.formats.events;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Deployment;
import io.github.deliverykit.core.event.DeploymentOutcome;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.GitHubShapes;
import io.github.deliverykit.formats.internal.GitHubShapes.Status;
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
 * Reads GitHub REST API deployments ({@code GET /repos/{owner}/{repo}/deployments}, an array,
 * streamed element by element) into core {@link Deployment}s. Each element carries its statuses
 * ({@code GET /repos/{owner}/{repo}/deployments/{id}/statuses}) in a {@code statuses} array; the
 * outcome comes from the latest status that is not {@code inactive} (GitHub marks older successful
 * deployments inactive): {@code success} gives SUCCESS, {@code failure} and {@code error} FAILED,
 * {@code queued}, {@code pending} and {@code in_progress} IN_PROGRESS. A deployment without statuses
 * has no outcome and is skipped and reported. The version is the sha; each deployment links to the
 * previous one of its environment. Stateless and thread safe.
 */
public final class GitHubDeployments {

    private GitHubDeployments() {}

    /**
     * Reads a deployments file.
     *
     * @param file the JSON array
     * @param service the service (repository) the deployments are of
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
        Json.elements(source, in, null, "deployments", GitHubShapes.Deployment.class, report, (d, at) -> {
            Deployment mapped = map(d, service, source, at, report);
            return mapped != null && out.add(mapped);
        });
        return DeploymentRead.linked(out, report.build());
    }

    private static @Nullable Deployment map(GitHubShapes.Deployment d, String service, String source, String at,
            ReadReport.Builder report) {
        if (d.id() == null || d.sha() == null || d.sha().isBlank() || d.createdAt() == null) {
            report.issue(IssueKind.REJECTED, source, at, "id, sha and created_at are required");
            return null;
        }
        String environment = d.environment() == null || d.environment().isBlank() ? null : d.environment();
        if (environment == null) {
            report.issue(IssueKind.REJECTED, source, at + ".environment", "is required");
            return null;
        }
        Status latest = null;
        for (Status s : d.statuses() == null ? List.<Status>of() : d.statuses()) {
            if (s == null || s.state() == null || s.createdAt() == null || s.state().equals("inactive")) {
                continue;
            }
            if (latest == null || s.createdAt().isAfter(latest.createdAt())
                    || (s.createdAt().equals(latest.createdAt()) && id(s) > id(latest))) {
                latest = s;
            }
        }
        if (latest == null) {
            report.issue(IssueKind.SKIPPED, source, at + ".statuses", "no status other than inactive: the outcome is unknown");
            return null;
        }
        DeploymentOutcome outcome;
        Instant finished;
        switch (latest.state()) {
            case "success" -> {
                outcome = DeploymentOutcome.SUCCESS;
                finished = latest.createdAt();
            }
            case "failure", "error" -> {
                outcome = DeploymentOutcome.FAILED;
                finished = latest.createdAt();
            }
            case "queued", "pending", "in_progress" -> {
                outcome = DeploymentOutcome.IN_PROGRESS;
                finished = null;
            }
            default -> {
                report.issue(IssueKind.REJECTED, source, at + ".statuses", "unknown state '" + latest.state() + "'");
                return null;
            }
        }
        try {
            return new Deployment(Long.toString(d.id()), service, environment, d.sha(), d.createdAt(), finished, outcome,
                    List.of(), null);
        } catch (IllegalArgumentException e) {
            report.issue(IssueKind.REJECTED, source, at, e.getMessage());
            return null;
        }
    }

    private static long id(Status s) {
        return s.id() == null ? Long.MIN_VALUE : s.id();
    }
}
