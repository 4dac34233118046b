package io.github.deliverykit.cli;

import io.github.deliverykit.formats.findings.JUnitXml;
import io.github.deliverykit.formats.findings.Sarif;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand that builds one {@link Report}, prints it in the chosen format and exits with its code. */
abstract class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Spec
    CommandSpec spec;

    /**
     * Builds the report.
     *
     * @return the report
     * @throws InputException on invalid input
     */
    abstract Report report();

    /** The chart data a command that draws a picture collects in {@link #report()} for {@code --format html}. */
    @Nullable HtmlPicture picture;

    /**
     * Whether this command draws a picture for {@code --format html}.
     *
     * @return false unless the command overrides it
     */
    boolean drawsPicture() {
        return false;
    }

    /**
     * Whether the output is the HTML picture, so that {@link #report()} collects its chart data.
     *
     * @return true for {@code --format html}
     */
    boolean html() {
        return common.format() == Format.HTML;
    }

    /** The Kayenta judge result JSON a command that makes a canary decision sets in {@link #report()}. */
    @Nullable String kayenta;

    /**
     * The input file a decision command's SARIF results point at when their facts name no file (GitHub
     * code scanning needs a file per result).
     *
     * @return the file, or null
     */
    java.nio.file.@Nullable Path findingsArtifact() {
        return null;
    }

    /** The decision commands that write their findings as JUnit XML or SARIF. */
    static final Set<String> FINDING_FORMAT_COMMANDS = Set.of("change", "release-check");

    @Override
    public Integer call() {
        Format format = common.format();
        common.now(); // validates --as-of before any file is read
        if (format == Format.HTML && !drawsPicture()) {
            throw new InputException("--format html is available on demo, report, sla, assess, incident-report and "
                    + "deploy, not on " + spec.name());
        }
        if ((format == Format.JUNIT || format == Format.SARIF) && !FINDING_FORMAT_COMMANDS.contains(spec.name())) {
            throw new InputException("--format " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " is available on change and release-check, not on " + spec.name());
        }
        if (format == Format.KAYENTA && !"deploy".equals(spec.name())) {
            throw new InputException("--format kayenta is available on deploy, not on " + spec.name());
        }
        Report report = report();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.KAYENTA && kayenta != null) {
            out.print(kayenta);
        } else if (format == Format.JUNIT) {
            JUnitXml.write(report.title(), report.verdict(), report.findings(), out);
        } else if (format == Format.SARIF) {
            java.nio.file.Path input = findingsArtifact();
            String artifact = input == null ? null : input.isAbsolute() ? input.toUri().toString() : input.normalize().toString();
            Sarif.write(report.title(), report.verdict(), report.findings(), artifact, out);
        } else if (format == Format.HTML && picture != null) {
            picture.step(report.title(), report.verdict());
            out.print(picture.render());
        } else {
            out.print(report.render(format));
        }
        out.flush();
        return report.exitCode();
    }
}
