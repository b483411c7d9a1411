package org.bighummingbird.core;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a URL path segment or query value as RFC 3986 says: UTF-8, every byte but the
 * unreserved ones. The one encoding every client of the REST API (the SDK, the CLI) puts names,
 * tags and cursors into URLs with. Stateless.
 */
public final class PathSegment {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {}

    /** {@code segment} percent-encoded: letters, digits and {@code - . _ ~} stay, every other byte is {@code %XX}. */
    public static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length() * 3);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
