package org.bighummingbird.cli;

/**
 * A command could not give its result for a reason the user can act on (an unknown project or
 * version, an empty home). Reported as one line on stderr, exit code 1, never with a stack trace.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message, null, false, false);
    }
}
