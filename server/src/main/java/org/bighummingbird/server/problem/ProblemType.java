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
    EVALUATION_ROW_CONFLICT(409, "Evaluation row conflict"),
    EVALUATION_INCOMPLETE(409, "Evaluation incomplete"),
    NOT_COMPARABLE(422, "Not comparable"),
    REQUEST_TIMEOUT(408, "Request timeout"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    HEADERS_TOO_LARGE(431, "Request header fields too large"),
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

    /**
     * The type of an error status that Jetty or Javalin chose before a handler ran: the type of its
     * own for the statuses that have one, else {@code invalid-request} for a 4xx and {@code internal}
     * for anything else.
     */
    public static ProblemType ofStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> UNAVAILABLE;
            default -> status >= 400 && status < 500 ? INVALID_REQUEST : INTERNAL;
        };
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
