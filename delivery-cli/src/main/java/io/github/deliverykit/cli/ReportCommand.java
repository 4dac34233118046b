package io.github.deliverykit.cli;

import java.io.PrintWriter;
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

    @Override
    public Integer call() {
        Format format = common.format();
        common.now(); // validates --as-of before any file is read
        if (format == Format.HTML && !drawsPicture()) {
            throw new InputException("--format html is available on demo, report, sla, assess, incident-report and "
                    + "deploy, not on " + spec.name());
        }
        Report report = report();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.HTML && picture != null) {
            picture.step(report.title(), report.verdict());
            out.print(picture.render());
        } else {
            out.print(report.render(format));
        }
        out.flush();
        return report.exitCode();
    }
}
