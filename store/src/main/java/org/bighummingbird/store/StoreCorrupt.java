package org.bighummingbird.store;

/** The database file exists but is not a BigHummingbird store SQLite can read. */
public final class StoreCorrupt extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreCorrupt(String message, Throwable cause) {
        super(message, cause);
    }
}
