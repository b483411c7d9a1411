package org.bighummingbird.server.ui.access;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a login may send the browser afterwards: a path on this server, never another origin. An
 * absolute URL, a scheme-relative {@code //host}, a backslash (which browsers read as a slash),
 * control characters or spaces, an over-long value, and the login page itself all become {@code /}.
 */
final class LocalPaths {
    /** The longest {@code next} kept. */
    static final int MAX_LENGTH = 2_048;

    private LocalPaths() {}

    /** {@code next} when it is a safe local path, else {@code /}. */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || next.charAt(0) != '/') {
            return "/";
        }
        if (next.length() > 1 && (next.charAt(1) == '/' || next.charAt(1) == '\\')) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char ch = next.charAt(i);
            if (ch <= 0x20 || ch == 0x7f || ch == '\\' || Character.isISOControl(ch) || Character.isWhitespace(ch)
                    || Character.getType(ch) == Character.FORMAT) {
                return "/";
            }
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return "/";
            }
            if (uri.getRawPath().equals(DashboardAccess.LOGIN) || uri.getRawPath().startsWith(DashboardAccess.LOGIN + "/")) {
                return "/";
            }
        } catch (URISyntaxException e) {
            return "/";
        }
        return next;
    }
}
