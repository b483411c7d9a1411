package org.bighummingbird.server.log;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of each request: the caller's {@code X-Request-Id} when it is sane (1 to 64 characters of
 * letters, digits and {@code . _ -}), else a random UUID. Echoed in the response and logged.
 */
public final class RequestIds {
    /** The request and response header carrying the id. */
    public static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    /** The id of {@code request}, assigning one if it has none yet. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id instanceof String s) {
            return s;
        }
        String given = request.getHeader(HEADER);
        String assigned = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, assigned);
        return assigned;
    }
}
