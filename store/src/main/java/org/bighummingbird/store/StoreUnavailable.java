package org.bighummingbird.store;

/** The store cannot be opened or written: a directory that is not writable, a database that is gone. */
public final class StoreUnavailable extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
