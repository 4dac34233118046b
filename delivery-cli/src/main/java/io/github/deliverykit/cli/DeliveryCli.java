package io.github.deliverykit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code delivery} command line. Exit codes: 0 success / go / advance, 1 a negative decision
 * (no-go, rollback, rejected, breach, freeze), 2 invalid input (one message naming the file, the
 * JSON path and the problem; never a stack trace).
 */
@Command(name = "delivery", mixinStandardHelpOptions = true, version = "delivery 0.1.0-SNAPSHOT",
        description = "Delivery-management decisions and numbers on JSON files and git histories.",
        subcommands = {ReleaseCheckCommand.class, DeployCommand.class, SlaCommand.class, IncidentReportCommand.class,
            DoraCommand.class, ChangeCommand.class, StrategyCommand.class, AssessCommand.class,
            DemoCommand.class, CostCommand.class,
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
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DeliveryCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
