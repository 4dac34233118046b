package io.github.deliverykit.cli;

import io.github.deliverykit.core.event.Feature;
import io.github.deliverykit.policy.release.ReadinessDecision;
import io.github.deliverykit.policy.release.ReadinessDecision.Recommendation;
import io.github.deliverykit.policy.release.Release;
import io.github.deliverykit.policy.release.Release.Dependency;
import io.github.deliverykit.policy.release.ReleaseEvidence;
import io.github.deliverykit.policy.release.ReleaseReadiness;
import io.github.deliverykit.policy.release.ReleaseReadinessConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code delivery release-check}: release readiness against the exit criteria (seed release_checker). */
@Command(name = "release-check",
        description = "Check a release's readiness against the exit criteria: GO / CONDITIONAL GO (exit 0) or NO-GO (exit 1).")
final class ReleaseCheckCommand extends ReportCommand {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", paramLabel = "VERSION",
            description = "The release version, e.g. v2.5.0 (default: the release file's version; when both are given "
                    + "they must match).")
    @Nullable String version;

    @Option(names = "--release", required = true, paramLabel = "FILE", description = "The release file (JSON).")
    Path file;

    @Override
    Path findingsArtifact() {
        return file;
    }

    @Override
    Report report() {
        Parsed parsed = parse(file, version);
        ReleaseReadinessConfig config = ReleaseReadinessConfig.ofDefaults();
        if (parsed.constraints() != null) {
            config = parsed.root().build(x -> ReleaseReadinessConfig.custom().constraints(parsed.constraints()).build());
        }
        ReleaseReadiness engine = ReleaseReadiness.of(config);
        ReadinessDecision readiness = parsed.root().build(x -> engine.evaluate(
                ReleaseReadiness.Input.of(parsed.release(), parsed.evidence()), common.clock()));
        return report(readiness, version != null ? version : parsed.root().string("version"));
    }

    /**
     * A release file read: the release, its exit-criteria evidence and its optional constraints.
     *
     * @param root the file's root object
     * @param release the release
     * @param evidence the evidence
     * @param constraints the infrastructure constraints of the file, or null
     */
    record Parsed(JsonInput root, Release release, ReleaseEvidence evidence,
            @Nullable DeploymentConstraints constraints) {}

    /**
     * Reads a release file.
     *
     * @param file the file
     * @param version the version the caller expects, or null to take the file's (then required)
     * @return the release
     */
    static Parsed parse(Path file, @Nullable String version) {
        JsonInput root = JsonInput.read(file).allowOnly("version", "previousVersion", "targetDate", "scope",
                "evidence", "constraints");
        if (version == null && !root.has("version")) {
            throw root.problem("version", "missing: give --version or a \"version\" in the release file");
        }
        String v = version == null ? root.string("version") : version;
        if (root.has("version") && !normal(root.string("version")).equals(normal(v))) {
            throw root.problem("version", "the file describes " + root.string("version") + ", not " + v);
        }
        String previous = root.optString("previousVersion");
        LocalDate target = root.date("targetDate");
        Release release = root.build(r -> Release.of(v, previous, target));
        JsonInput scope = root.optObject("scope");
        if (scope != null) {
            Release.Scope s = scope(scope);
            release = release.withScope(s);
        }
        ReleaseEvidence evidence = evidence(root.object("evidence"));
        JsonInput constraints = root.optObject("constraints");
        DeploymentConstraints c = constraints == null ? null
                : constraints.build(x -> StrategyCommand.constraints(constraints).build());
        return new Parsed(root, release, evidence, c);
    }

    /** The report of a readiness decision (also the demo's plan-release step). */
    static Report report(ReadinessDecision readiness, String version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", version);
        data.put("type", readiness.type().name());
        data.put("targetDate", readiness.release().targetDate().toString());
        data.put("recommendation", readiness.recommendation().label());
        data.put("conditions", readiness.conditions());
        if (readiness.recommendedDate() != null) {
            data.put("recommendedDate", readiness.recommendedDate().toString());
        }
        String text = readiness.toText();
        String markdown = "## Release readiness: " + version + "\n\n```\n" + text + "```\n\n"
                + readiness.findings().toMarkdown();
        int exit = readiness.recommendation() == Recommendation.NO_GO ? ExitCode.NEGATIVE : ExitCode.OK;
        return new Report("Release readiness: " + version, readiness.recommendation().name(), readiness.findings(),
                text, markdown, data, exit);
    }

    private static String normal(String v) {
        String t = v.trim();
        return t.startsWith("v") || t.startsWith("V") ? t.substring(1) : t;
    }

    private static Release.Scope scope(JsonInput scope) {
        scope.allowOnly("features", "bugFixes", "dependencies");
        List<Feature> features = new ArrayList<>();
        for (JsonInput f : scope.optObjects("features")) {
            f.allowOnly("name", "status");
            String name = f.string("name");
            Feature.Status status = f.enumValue("status", Feature.Status.class);
            features.add(f.build(x -> new Feature(name, status)));
        }
        List<Dependency> deps = new ArrayList<>();
        for (JsonInput d : scope.optObjects("dependencies")) {
            d.allowOnly("kind", "name");
            Dependency.Kind kind = d.enumValue("kind", Dependency.Kind.class);
            String name = d.string("name");
            deps.add(d.build(x -> Dependency.of(kind, name)));
        }
        List<String> fixes = scope.strings("bugFixes");
        return scope.build(x -> new Release.Scope(features, fixes, deps));
    }

    private static ReleaseEvidence evidence(JsonInput e) {
        e.allowOnly("openBugs", "p99LatencyMs", "securityScan", "loadTestPeakMultiple", "uatSignOff",
                "documentation", "runbookReviewed");
        ReleaseEvidence.Builder b = ReleaseEvidence.builder();
        JsonInput bugs = e.optObject("openBugs");
        if (bugs != null) {
            bugs.allowOnly("p1", "p2");
            int p1 = intValue(bugs, "p1");
            int p2 = intValue(bugs, "p2");
            bugs.build(x -> b.openBugs(p1, p2));
        }
        if (e.has("p99LatencyMs")) {
            long ms = e.integer("p99LatencyMs");
            e.build(x -> b.p99Latency(Duration.ofMillis(ms)));
        }
        JsonInput scan = e.optObject("securityScan");
        if (scan != null) {
            scan.allowOnly("critical", "high");
            int c = intValue(scan, "critical");
            int h = intValue(scan, "high");
            scan.build(x -> b.securityScan(c, h));
        }
        if (e.has("loadTestPeakMultiple")) {
            double m = e.number("loadTestPeakMultiple");
            e.build(x -> b.loadTestPeakMultiple(m));
        }
        if (e.has("uatSignOff")) {
            LocalDate d = e.date("uatSignOff");
            e.build(x -> b.uatSignOff(d));
        }
        JsonInput doc = e.optObject("documentation");
        if (doc != null) {
            doc.allowOnly("updated", "pagesPendingReview");
            boolean updated = doc.bool("updated");
            int pending = doc.has("pagesPendingReview") ? intValue(doc, "pagesPendingReview") : 0;
            doc.build(x -> b.documentation(updated, pending));
        }
        if (e.has("runbookReviewed")) {
            boolean r = e.bool("runbookReviewed");
            e.build(x -> b.runbookReviewed(r));
        }
        return e.build(x -> b.build());
    }

    static int intValue(JsonInput in, String field) {
        long v = in.integer(field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw in.problem(field, "out of range: " + v);
        }
        return (int) v;
    }
}
