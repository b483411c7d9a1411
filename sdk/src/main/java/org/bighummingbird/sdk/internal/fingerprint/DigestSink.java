package org.bighummingbird.sdk.internal.fingerprint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.bighummingbird.core.Hashing;

/** A SHA-256 fed with length-prefixed tokens, so that no two token sequences collide by concatenation. */
final class DigestSink {
    private final MessageDigest digest = Hashing.sha256();
    private final ByteBuffer header = ByteBuffer.allocate(5);

    DigestSink put(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        header.clear();
        header.put((byte) 's').putInt(bytes.length);
        digest.update(header.array(), 0, 5);
        digest.update(bytes);
        return this;
    }

    DigestSink put(int value) {
        header.clear();
        header.put((byte) 'i').putInt(value);
        digest.update(header.array(), 0, 5);
        return this;
    }

    String hex() {
        return Hashing.hex(digest.digest());
    }
}
