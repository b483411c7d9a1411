package org.bighummingbird.exporter.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A server's base URL, validated and normalised: scheme and host in lower case, the scheme's
 * default port and trailing slashes dropped. Two spellings of one server have one
 * {@link #normalised()} form, and so one spool directory.
 *
 * @param normalised the normalised URL, as in {@code http://bhb.example.com:8080/team}
 */
public record ServerUrl(String normalised) {
    /**
     * Parses an absolute {@code http} or {@code https} URL with a host, and no query, fragment or
     * user info (the API key goes in its own setting).
     *
     * @throws IllegalArgumentException naming {@code url} and the value when it is not one
     */
    public static ServerUrl parse(String url) {
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
        return new ServerUrl(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port) + path);
    }

    /** The address of an API route, {@code route} starting with a slash. */
    URI resolve(String route) {
        return URI.create(normalised + route);
    }

    /**
     * The first 16 hex digits of SHA-256 of the normalised URL: the name an earlier SDK gave this
     * server's spool directory, whatever the key (the SDK now keys it by URL and key, so this is
     * only looked for, to say where such runs wait).
     */
    public String spoolName() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String quoted(String url) {
        return url == null ? "null" : "\"" + url + "\"";
    }

    @Override
    public String toString() {
        return normalised;
    }
}
