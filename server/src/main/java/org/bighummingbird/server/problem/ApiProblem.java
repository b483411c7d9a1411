package org.bighummingbird.server.problem;

import org.bighummingbird.server.ServerException;

/**
 * A request the server answers with a problem: thrown by handlers and filters, answered by
 * {@link Problems}. The message is the problem's {@code detail}, for people.
 */
public final class ApiProblem extends ServerException {
    private static final long serialVersionUID = 1L;

    private final ProblemType type;

    private ApiProblem(ProblemType type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
    }

    /** A problem of {@code type} saying {@code detail}. */
    public static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(type, detail, null);
    }

    /** A problem of {@code type} saying {@code detail}, caused by {@code cause} (kept for logs, never answered). */
    public static ApiProblem of(ProblemType type, String detail, Throwable cause) {
        return new ApiProblem(type, detail, cause);
    }

    /** The problem's type. */
    public ProblemType type() {
        return type;
    }
}
