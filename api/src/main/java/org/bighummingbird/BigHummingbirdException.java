package org.bighummingbird;

/**
 * The root of the API's own exceptions: a dataset, judge, evaluation or tag the project cannot
 * give. (Errors of the implementation, such as a store that cannot be opened, are the
 * implementation's exceptions; bad arguments are {@link IllegalArgumentException}s.)
 */
public class BigHummingbirdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the value */
    public BigHummingbirdException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the value
     * @param cause the underlying failure, or null
     */
    public BigHummingbirdException(String message, Throwable cause) {
        super(message, cause);
    }
}
