package org.bighummingbird.cli;

import java.io.PrintWriter;
import java.util.List;
import org.bighummingbird.store.RunView;

/** The text form of {@code bhb runs}: one line per run, long values cut, errors marked with ✖. */
final class RunTable {
    private static final int MAX_VALUE_WIDTH = 48;

    private RunTable() {}

    static void print(List<RunView> runs, PrintWriter out) {
        Table table = Table.withHeader("ID", "MODEL", "STARTED", "LATENCY", "INPUTS", "OUTPUT");
        for (RunView run : runs) {
            table.row(run.id(), run.modelTag().toString(), Text.humanInstant(run.startedAtMicros()),
                    Text.latency(run.latencyNs()), Text.cut(run.inputsJson(), MAX_VALUE_WIDTH), outcome(run));
        }
        table.print(out);
    }

    private static String outcome(RunView run) {
        if (run.errorType() == null) {
            return Text.cut(run.outputJson() == null ? "null" : run.outputJson(), MAX_VALUE_WIDTH);
        }
        String type = run.errorType().substring(run.errorType().lastIndexOf('.') + 1);
        String message = run.errorMessage() == null ? "" : ": " + run.errorMessage();
        return Text.cut("✖ " + type + message, MAX_VALUE_WIDTH);
    }
}
