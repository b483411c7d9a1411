package org.bighummingbird.server.ui.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.RandomTokens;

/** Random tokens, CSRF tokens derived from session ids, and their constant-time comparison. */
final class Tokens {
    /** The length of a 256-bit token in unpadded base64url. */
    static final int LENGTH = RandomTokens.BASE64URL_256_LENGTH;

    private Tokens() {}

    /** A fresh random 256-bit token, unpadded base64url. */
    static String random() {
        return RandomTokens.base64Url256();
    }

    /**
     * The CSRF token of a session: a hash of its id under a label of its own, so that the page
     * that shows the token reveals nothing of the cookie, and the store (which keeps another hash
     * of the id) cannot produce it.
     */
    static String csrfOf(String sessionId) {
        byte[] digest = Hashing.sha256().digest(("bhb-dashboard-csrf\0" + sessionId).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** Whether both are present and equal, compared in time independent of where they differ. */
    static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
