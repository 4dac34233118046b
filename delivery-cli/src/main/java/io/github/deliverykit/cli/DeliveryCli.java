package io.github.deliverykit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code delivery} command line. Exit codes: 0 success / go / advance, 1 a negative decision
 * (no-go, rollback, rejected, breach, freeze), 2 invalid input or a usage error (one message naming
 * the file, the JSON path and the problem, or the option, and a pointer to {@code --help}; never a
 * stack trace), 3 an internal error or out of memory (one line).
 */
@Command(name = "delivery", mixinStandardHelpOptions = true, version = "delivery 0.1.0-SNAPSHOT",
        description = "Delivery-management decisions and numbers on JSON files and git histories.")
public final class DeliveryCli {

    /**
     * The subcommands by name, in the order the help lists them. picocli reflects a command's model from its
     * annotations when it is added, which for all of them took about 0.3 s of a short run: a run that names
     * one builds only that one ({@link #commandLine(String...)}).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("release-check", ReleaseCheckCommand::new);
        m.put("deploy", DeployCommand::new);
        m.put("sla", SlaCommand::new);
        m.put("incident-report", IncidentReportCommand::new);
        m.put("dora", DoraCommand::new);
        m.put("change", ChangeCommand::new);
        m.put("strategy", StrategyCommand::new);
        m.put("assess", AssessCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("report", PictureCommand::new);
        m.put("cost", CostCommand::new);
        m.put("merge", MergeCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return java.util.Collections.unmodifiableMap(m);
    }

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
        CommandLine cli = commandLine(args);
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
            if (ex instanceof UncheckedIOException io) {
                // a file that cannot be read (missing, a directory, no permission): bad input, not a bug
                commandLine.getErr().println("delivery: invalid input: " + unreadable(io));
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

    /** What an unreadable input was and why, in words ("cannot read prices.json: file not found"). */
    static String unreadable(UncheckedIOException e) {
        IOException cause = e.getCause();
        String why;
        if (cause instanceof NoSuchFileException) {
            why = "file not found";
        } else if (cause instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (cause != null && cause.getMessage() != null) {
            why = cause.getMessage();
        } else {
            why = "read failed";
        }
        return e.getMessage() + ": " + why;
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

    /**
     * The command line for {@code args}: when they start with a subcommand's name, with that subcommand only
     * (what the run parses and executes is the same); else (help, the version, a mistyped name, which picocli
     * answers with suggestions) with all of them.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new DeliveryCli());
        Supplier<Object> named = args.length > 0 && args[0] != null ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null && !"help".equals(args[0])) {
            cli.addSubcommand(args[0], named.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
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
