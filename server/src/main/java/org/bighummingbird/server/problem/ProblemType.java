package org.bighummingbird.server.problem;

/** The stable problem types of REST API v1 (docs/api.md), each with its HTTP status and title. */
public enum ProblemType {
    UNAUTHENTICATED(401, "Unauthenticated"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    MALFORMED_JSON(400, "Malformed JSON"),
    INVALID_REQUEST(400, "Invalid request"),
    INVALID_TAG(400, "Invalid tag"),
    UNKNOWN_VERSION(422, "Unknown version"),
    EVALUATION_NOT_RUNNING(409, "Evaluation not running"),
    EVALUATION_CONFLICT(409, "Evaluation conflict"),
    NOT_COMPARABLE(422, "Not comparable"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNAVAILABLE(503, "Unavailable"),
    INTERNAL(500, "Internal server error");

    /** The prefix of every {@code type} URI. */
    public static final String URN_PREFIX = "urn:bighummingbird:problem:";

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The HTTP status answered with this type. */
    public int status() {
        return status;
    }

    /** The short, fixed title. */
    public String title() {
        return title;
    }

    /** The {@code type} member, as in {@code urn:bighummingbird:problem:not-found}. */
    public String uri() {
        return URN_PREFIX + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
