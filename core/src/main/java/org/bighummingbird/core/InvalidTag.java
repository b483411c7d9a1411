package org.bighummingbird.core;

/** A string that is not a tag ({@code name:vN} or {@code name:latest}). */
public final class InvalidTag extends BhbException {
    private static final long serialVersionUID = 1L;

    public InvalidTag(String message) {
        super(message);
    }
}
