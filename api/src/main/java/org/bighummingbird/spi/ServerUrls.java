package org.bighummingbird.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The check of a team server's base URL, made at once by {@link org.bighummingbird.BigHummingbird.Builder#url(String)}
 * and again by the HTTP exporter, so that both accept and normalise exactly the same URLs.
 */
public final class ServerUrls {
    private ServerUrls() {}

    /**
     * The URL in normal form: scheme and host in lower case, no default port, no trailing slash.
     *
     * @throws IllegalArgumentException when it is not an absolute http or https URL with a host and
     *     without query, fragment or user info
     */
    public static String normalise(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url must be an absolute http or https URL, got " + quoted(url));
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url must be an absolute http or https URL, got " + quoted(url)
                    + ": " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute http or https URL with a host, got "
                    + quoted(url));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must have no query, fragment or user info (the API key has"
                    + " its own setting), got " + quoted(url));
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    private static String quoted(String url) {
        return url == null ? "null" : "\"" + url + "\"";
    }
}
