package org.bighummingbird.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The envelope every paging cursor of the store shares: its text as opaque base64url, and the
 * checks of length, alphabet and UTF-8 that a cursor passes before its own fields are read.
 */
final class CursorText {
    private CursorText() {}

    /** {@code text} as unpadded base64url of its UTF-8 bytes. */
    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The text inside a cursor {@link #encode} made.
     *
     * @throws IllegalArgumentException ({@link #invalid}) when it is longer than {@code maxLength},
     *     not base64url, or not UTF-8
     */
    static String decode(String cursor, int maxLength) {
        if (cursor.length() > maxLength) {
            throw invalid("it is " + cursor.length() + " characters long, at most " + maxLength + " are possible");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid("it is not base64url text (" + e.getMessage() + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("it does not decode to UTF-8 text");
        }
    }

    /** The refusal of a cursor this store did not make, saying why. */
    static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(
                "cursor is not one this store made: " + why + "; pass back a page's nextCursor unchanged");
    }
}
