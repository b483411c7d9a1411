package org.bighummingbird.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The {@code bhb} command line: {@code bhb models}, {@code bhb models show TAG} and {@code bhb runs}
 * over the embedded store under {@code --home} (default {@code bhb.home}, {@code BHB_HOME}, else
 * {@code ~/.bighummingbird}).
 *
 * <p>stdout carries only the result (a table, text, or with {@code --json} exactly one JSON
 * document, UTF-8); every error and log line goes to stderr. Exit codes follow picocli: 0 done,
 * 1 no result (unknown project or version, nothing traced yet, store errors), 2 usage error
 * (unknown option, malformed tag or name, {@code --limit} below 1). Reading never creates a store.
 *
 * <p>Each call of {@link #execute} builds its own command objects, so calls may run concurrently.
 */
@Command(name = "bhb", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ModelsCommand.class, RunsCommand.class, DatasetsCommand.class, JudgesCommand.class,
            EvalsCommand.class, KeysCommand.class, ServerCommand.class, UiCommand.class},
        description = "Reads what BigHummingbird traced: model versions and runs.")
public final class Bhb {
    @CommandLine.Option(names = ErrorReporting.VERBOSE, scope = ScopeType.INHERIT,
            description = "Print stack traces of unexpected errors.")
    boolean verbose;

    private Bhb() {}

    /** Runs {@code bhb} with {@code args} and exits the JVM with its exit code. */
    public static void main(String... args) {
        System.exit(execute(args));
    }

    /**
     * Runs one command in this JVM, printing to {@code System.out} and {@code System.err} (as
     * UTF-8), and returns its exit code without exiting; neither stream is closed.
     */
    public static int execute(String... args) {
        PrintWriter out = utf8(System.out);
        PrintWriter err = utf8(System.err);
        try {
            return execute(out, err, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs one command writing results to {@code out} and errors to {@code err}; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** A command line with bhb's error reporting, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        ErrorReporting errors = new ErrorReporting();
        return new CommandLine(new Bhb())
                .setOut(out)
                .setErr(err)
                // @file expansion would let an argument such as a project name read a file
                .setExpandAtFiles(false)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    private static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
