package org.bighummingbird;

/** {@link Traced#tag()} could not be answered: registration failed or did not finish in time. */
public final class TagUnavailable extends BigHummingbirdException {
    private static final long serialVersionUID = 1L;

    public TagUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
