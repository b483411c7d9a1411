package org.bighummingbird.cli;

import org.bighummingbird.store.RunView;
import org.bighummingbird.store.json.ViewJson;

/** The text form of {@code bhb runs}: one line per run, long values cut, errors marked with ✖. */
final class RunTable {
    private static final int MAX_VALUE_WIDTH = 48;

    /** {@code bhb runs}' listing: {@link ViewJson#run} documents, or this table. */
    static final Listing<RunView> LISTING = Listing.of(ViewJson::run, RunTable::row,
            "ID", "MODEL", "STARTED", "LATENCY", "INPUTS", "OUTPUT");

    private RunTable() {}

    private static String[] row(RunView run) {
        return new String[] {run.id(), run.modelTag().toString(), Text.humanInstant(run.startedAtMicros()),
            Text.latency(run.latencyNs()), Text.cut(run.inputsJson(), MAX_VALUE_WIDTH), outcome(run)};
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
