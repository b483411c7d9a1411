package org.bighummingbird.server;

import org.bighummingbird.core.BhbException;

/** Root of the server's exceptions: a server that cannot start, or a request that cannot be answered. */
public class ServerException extends BhbException {
    private static final long serialVersionUID = 1L;

    public ServerException(String message) {
        super(message);
    }

    public ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
