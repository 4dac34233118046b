package io.github.deliverykit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code delivery} command line. Exit codes: 0 success / go / advance, 1 a negative decision
 * (no-go, rollback, rejected, breach, freeze), 2 invalid input or a usage error (one message naming
 * the file, the JSON path and the problem, or the option, and a pointer to {@code --help}; never a
 * stack trace), 3 an internal error or out of memory (one line).
 */
@Command(name = "delivery", mixinStandardHelpOptions = true, version = "delivery 0.1.0-SNAPSHOT",
        description = "Delivery-management decisions and numbers on JSON files and git histories.",
        subcommands = {ReleaseCheckCommand.class, DeployCommand.class, SlaCommand.class, IncidentReportCommand.class,
            DoraCommand.class, ChangeCommand.class, StrategyCommand.class, AssessCommand.class,
            DemoCommand.class, PictureCommand.class, CostCommand.class, MergeCommand.class,
            CommandLine.HelpCommand.class})
public final class DeliveryCli {

    private DeliveryCli() {}

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command line without exiting (for tests and embedding).
     *
     * @param out where reports go
     * @param err where errors go
     * @param args the arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException) {
                commandLine.getErr().println("delivery: invalid input: " + ex.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("delivery: invalid input: " + ex.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            // a bug, not bad input: still one line, never a stack trace
            commandLine.getErr().println("delivery: internal error (please report it): " + ex);
            return ExitCode.INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler(DeliveryCli::usageError);
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // the inputs are unreachable once the stack has unwound, so there is room for one line
            err.println("delivery: out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB heap): give the JVM more with -Xmx, e.g. java -Xmx2g -jar delivery.jar ...");
            code = ExitCode.INTERNAL_ERROR;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** A usage error: the one line that matters and where the help is, never the whole usage text. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder(name).append(": ").append(ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?)");
        }
        PrintWriter err = cmd.getErr();
        err.println(line);
        err.println("Try '" + name + " --help' for more information.");
        return ExitCode.INVALID_INPUT;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DeliveryCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // -V on a subcommand prints the version of the command line, as on the top-level command
        String[] version = cli.getCommandSpec().version();
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().version(version);
            }
        }
        return cli;
    }
}
