package org.bighummingbird.core;

/** Root of every exception BigHummingbird throws; unchecked. */
public class BhbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BhbException(String message) {
        super(message);
    }

    public BhbException(String message, Throwable cause) {
        super(message, cause);
    }
}
