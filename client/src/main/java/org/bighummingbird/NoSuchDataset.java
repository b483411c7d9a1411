package org.bighummingbird;

import org.bighummingbird.core.BhbException;

/** {@link BigHummingbird#dataset(String)} named a dataset version the project does not hold. */
public final class NoSuchDataset extends BhbException {
    private static final long serialVersionUID = 1L;

    public NoSuchDataset(String message) {
        super(message);
    }
}
