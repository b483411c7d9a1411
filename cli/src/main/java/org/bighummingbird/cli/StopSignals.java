package org.bighummingbird.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) as a request to stop, for {@code bhb server}. The JVM's own handling
 * of them starts the shutdown at once and ends the process with 128 + the signal's number (143 for
 * SIGTERM) whatever the shutdown hooks do, so a service manager would log every graceful stop as a
 * failure. Handled here, the signal only asks to stop; the command stops the server and returns 0.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private StopSignals() {}

    /**
     * Runs {@code onStop} on each SIGTERM and SIGINT from now on, instead of the JVM's shutdown.
     *
     * @return false when this JVM does not let them be handled; the JVM then shuts down on them as usual
     */
    static boolean handle(Runnable onStop) {
        try {
            for (String name : SIGNALS) {
                Signal.handle(new Signal(name), signal -> onStop.run());
            }
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.warn("cannot handle SIGTERM and SIGINT here ({}); they stop the server through the JVM's shutdown", e.toString());
            return false;
        }
    }
}
