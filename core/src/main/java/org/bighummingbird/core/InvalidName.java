package org.bighummingbird.core;

/** A model, project, dataset or judge name that breaks the naming rules in {@link Names}. */
public final class InvalidName extends BhbException {
    private static final long serialVersionUID = 1L;

    public InvalidName(String message) {
        super(message);
    }
}
