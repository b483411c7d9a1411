package org.bighummingbird;

/** {@link BigHummingbird#dataset(String)} named a dataset version the project does not hold. */
public final class NoSuchDataset extends BigHummingbirdException {
    private static final long serialVersionUID = 1L;

    public NoSuchDataset(String message) {
        super(message);
    }
}
