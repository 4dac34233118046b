package io.github.deliverykit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
     * The subcommands' names, in the order the help lists them. picocli reflects a command's model from its
     * annotations when it is added, which for all of them took about 0.3 s of a short run: a run that names
     * one builds only that one ({@link #commandLine(String...)}).
     */
    static final List<String> SUBCOMMANDS = List.of("release-check", "deploy", "sla", "incident-report", "dora", "change",
            "strategy", "assess", "demo", "report", "cost", "merge", "help");

    /**
     * A new subcommand of that name, or null. A switch, not a map of constructor references: linking a dozen
     * method references at class initialisation took about 10 ms of every run.
     */
    static @Nullable Object subcommand(String name) {
        return switch (name) {
            case "release-check" -> new ReleaseCheckCommand();
            case "deploy" -> new DeployCommand();
            case "sla" -> new SlaCommand();
            case "incident-report" -> new IncidentReportCommand();
            case "dora" -> new DoraCommand();
            case "change" -> new ChangeCommand();
            case "strategy" -> new StrategyCommand();
            case "assess" -> new AssessCommand();
            case "demo" -> new DemoCommand();
            case "report" -> new PictureCommand();
            case "cost" -> new CostCommand();
            case "merge" -> new MergeCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> null;
        };
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
        Object named = args.length > 0 && args[0] != null && !"help".equals(args[0]) ? subcommand(args[0]) : null;
        if (named == null) {
            CommandLine cli = new CommandLine(new DeliveryCli());
            for (String name : SUBCOMMANDS) {
                cli.addSubcommand(name, subcommand(name));
            }
            return configured(cli);
        }
        // the subcommand's model is reflected from its annotations on another thread while the top-level one is
        // (each took a few tens of milliseconds of a run, one after the other)
        java.util.concurrent.FutureTask<CommandLine> sub = new java.util.concurrent.FutureTask<>(new Reflect(named));
        Thread reflect = new Thread(sub, "command-line");
        reflect.setDaemon(true);
        reflect.start();
        CommandLine cli = new CommandLine(new DeliveryCli());
        try {
            cli.addSubcommand(args[0], sub.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the command line", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("cannot build the command line", e.getCause());
        }
        return configured(cli);
    }

    /** Builds one command's command line (its model, from its annotations). */
    private record Reflect(Object command) implements java.util.concurrent.Callable<CommandLine> {
        @Override
        public CommandLine call() {
            return new CommandLine(command);
        }
    }

    /** The settings of every run's command line, on it and its subcommands. */
    private static CommandLine configured(CommandLine cli) {
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
