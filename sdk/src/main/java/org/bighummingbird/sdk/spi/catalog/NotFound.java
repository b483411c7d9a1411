package org.bighummingbird.sdk.spi.catalog;

import org.bighummingbird.core.BhbException;

/** The catalog (the embedded store, or the server) does not hold the project, version or evaluation named. */
public final class NotFound extends BhbException {
    private static final long serialVersionUID = 1L;

    /** @param message what was asked for and where, as in {@code no evaluation 0192… in project "p"} */
    public NotFound(String message) {
        super(message);
    }
}
