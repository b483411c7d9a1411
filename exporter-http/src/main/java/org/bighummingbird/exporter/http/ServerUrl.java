package org.bighummingbird.exporter.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bighummingbird.spi.ServerUrls;

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
        return new ServerUrl(ServerUrls.normalise(url));
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

    @Override
    public String toString() {
        return normalised;
    }
}
