package org.bighummingbird;

import org.bighummingbird.core.BhbException;

/** {@link Traced#tag()} could not be answered: registration failed or did not finish in time. */
public final class TagUnavailable extends BhbException {
    private static final long serialVersionUID = 1L;

    public TagUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
