package org.bighummingbird.core;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens from one shared {@link SecureRandom}: session ids, CSRF secrets, owner ids. Thread-safe.
 */
public final class RandomTokens {
    /** The length of a 256-bit token in unpadded base64url. */
    public static final int BASE64URL_256_LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {}

    /** A fresh random 256-bit token in unpadded base64url ({@link #BASE64URL_256_LENGTH} characters). */
    public static String base64Url256() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    /**
     * {@code byteCount} fresh random bytes as lower-case hex ({@code 2 × byteCount} characters).
     *
     * @throws IllegalArgumentException when {@code byteCount} is not positive
     */
    public static String hex(int byteCount) {
        if (byteCount <= 0) {
            throw new IllegalArgumentException("byteCount must be positive, got " + byteCount);
        }
        return HexFormat.of().formatHex(bytes(byteCount));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
