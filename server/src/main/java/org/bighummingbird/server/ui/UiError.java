package org.bighummingbird.server.ui;

/** A dashboard request that cannot be answered: shown as an HTML error page with this status. */
final class UiError extends RuntimeException {
    private final int status;

    private UiError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 400: a query parameter or path segment is malformed; the message names it. */
    static UiError badRequest(String message) {
        return new UiError(400, message);
    }

    /** 404: the project, model, run … is not in the session's workspace. */
    static UiError notFound(String message) {
        return new UiError(404, message);
    }

    /** 401: nobody is signed in. */
    static UiError unauthorized(String message) {
        return new UiError(401, message);
    }

    int status() {
        return status;
    }
}
