package org.bighummingbird.store;

/** A project, model or version that the store does not hold. */
public final class NotFound extends StoreException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message);
    }
}
