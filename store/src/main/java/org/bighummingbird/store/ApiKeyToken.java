package org.bighummingbird.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.bighummingbird.core.Hashing;

/**
 * The text of an API key, {@code bhb_<id>_<secret>}: parsed by position, checked character by
 * character before any SQL, never logged. {@link #toString()} hides the secret.
 */
record ApiKeyToken(String id, String secret) {
    static final String PREFIX = "bhb_";
    static final int ID_LENGTH = 12;
    static final int SECRET_LENGTH = 43;
    static final int LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;

    /** A new token: 48 random bits of id, 256 random bits of secret. */
    static ApiKeyToken generate(SecureRandom random) {
        byte[] id = new byte[ID_LENGTH / 2];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new ApiKeyToken(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The token's parts when it is well-formed, else empty; never throws, whatever the input. */
    static Optional<ApiKeyToken> parse(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int idEnd = PREFIX.length() + ID_LENGTH;
        if (token.charAt(idEnd) != '_') {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), idEnd);
        String secret = token.substring(idEnd + 1);
        if (!isId(id) || !secret.chars().allMatch(ApiKeyToken::isBase64Url)) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyToken(id, secret));
    }

    /** Whether {@code id} has the form of a key id: 12 lowercase hex characters. */
    static boolean isId(String id) {
        return id != null && id.length() == ID_LENGTH
                && id.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
    }

    private static boolean isBase64Url(int ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    }

    /** Lowercase hex SHA-256 of the secret's text: what the store keeps. */
    String secretHash() {
        return Hashing.sha256Hex(secret);
    }

    /** Whether the secret hashes to {@code storedHash}, compared in constant time. */
    boolean matches(String storedHash) {
        return MessageDigest.isEqual(secretHash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    String text() {
        return PREFIX + id + "_" + secret;
    }

    @Override
    public String toString() {
        return "ApiKeyToken[id=" + id + ", secret=<hidden>]";
    }
}
