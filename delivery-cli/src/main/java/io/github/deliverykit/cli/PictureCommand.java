package io.github.deliverykit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code delivery report}: the delivery workflow on a directory of input files (the ten files of
 * {@code examples/}), drawn as one self-contained HTML page: the error budget, burn rates, weekly DORA
 * figures, lead-time distribution, canary against baseline, maturity matrix and incident timeline,
 * each chart beside its data table.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Draw the delivery workflow of a directory of input files (release.json, plan.json, "
                + "observations.json, slo.json, incidents.json, change.json, constraints.json, answers.json, "
                + "metrics.json, deployments.json: the layout of examples/) as one self-contained HTML file: inline "
                + "SVG charts with their data tables, no scripts, no network. Exit 0, 2 on invalid input.")
final class PictureCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".",
            description = "The directory of input files (default: the current directory).")
    Path dir = Path.of(".");

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the HTML report to FILE (with --format html it goes to standard output instead).")
    @Nullable Path html;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Format format = common.format();
        boolean toStdout = format == Format.HTML;
        if (format != Format.HTML && format != Format.TEXT) {
            throw new InputException("report: --format must be html (or omitted with --html FILE), but was '"
                    + common.format + "'");
        }
        if (html == null && !toStdout) {
            throw new InputException("report: give --html FILE or --format html");
        }
        Instant now = common.now();
        List<String> missing = new ArrayList<>();
        for (String f : DemoCommand.FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException("--dir: " + dir + " lacks " + String.join(", ", missing));
        }
        HtmlPicture picture = new HtmlPicture("delivery report: " + dir.toAbsolutePath().normalize().getFileName(), now);
        DemoCommand.run(dir, now, picture);
        PrintWriter out = spec.commandLine().getOut();
        if (html != null) {
            picture.write(html);
            if (!toStdout) {
                out.println("delivery report: wrote " + html);
            }
        }
        if (toStdout) {
            out.print(picture.render());
        }
        out.flush();
        return ExitCode.OK;
    }
}
