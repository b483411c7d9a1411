package org.bighummingbird.store;

import org.bighummingbird.core.BhbException;

/** Root of the store's exceptions: a database that cannot be opened, read or written. */
public class StoreException extends BhbException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
