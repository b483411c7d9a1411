package org.bighummingbird.cli;

import java.io.PrintWriter;
import java.util.List;
import org.bighummingbird.core.BhbException;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr and picocli's exit codes: usage errors (bad options,
 * malformed tags and names) exit 2; failures to give a result (unknown project or version, store
 * errors) exit 1. A stack trace is printed only with {@code --verbose}, and only for the unexpected.
 */
final class ErrorReporting implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String VERBOSE = "--verbose";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        StringBuilder line = new StringBuilder(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> rest = unmatched.getUnmatched();
            if (!command.getSubcommands().isEmpty() && !rest.isEmpty() && !rest.get(0).startsWith("-")) {
                // picocli lists every argument after the unknown word; the word is what matters
                line = new StringBuilder("unknown command '" + rest.get(0) + "'");
            }
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
            }
        }
        line.append("; see '").append(command.getCommandSpec().qualifiedName()).append(" --help'");
        report(command.getErr(), line.toString());
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        boolean verbose = verbose(parseResult);
        if (ex instanceof CommandFailure) {
            report(err, ex.getMessage());
            return ExitCode.SOFTWARE;
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        if (ex instanceof InvalidTag || ex instanceof InvalidName) {
            report(err, ex.getMessage());
            return command.getCommandSpec().exitCodeOnInvalidInput();
        }
        if (ex instanceof BhbException) {
            report(err, ex.getMessage());
            return ExitCode.SOFTWARE;
        }
        report(err, "unexpected " + ex.getClass().getName() + ": " + ex.getMessage()
                + (verbose ? "" : " (run with --verbose for the stack trace)"));
        return ExitCode.SOFTWARE;
    }

    private static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static void report(PrintWriter err, String message) {
        err.println("bhb: " + Text.oneLine(message));
        err.flush();
    }
}
