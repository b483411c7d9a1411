package org.bighummingbird.core;

/**
 * A value that has no canonical JSON form: a non-finite number, an integer beyond the ±2^53 that a
 * JSON number holds exactly, a string with an unpaired surrogate, or text that is not one JSON value.
 * The message names the place in the value, as in {@code $.scores[2]}.
 */
public final class InvalidJson extends BhbException {
    private static final long serialVersionUID = 1L;

    public InvalidJson(String message) {
        super(message);
    }

    public InvalidJson(String message, Throwable cause) {
        super(message, cause);
    }
}
