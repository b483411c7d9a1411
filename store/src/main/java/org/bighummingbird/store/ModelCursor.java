package org.bighummingbird.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bighummingbird.core.Names;

/**
 * The position after which a page of model versions continues: the last version's (model name,
 * version), encoded as an opaque base64url string. Decoding checks everything, so a damaged or
 * forged cursor is an {@link IllegalArgumentException} before any SQL runs.
 */
record ModelCursor(String name, int version) {
    /** Longer than any cursor {@link #encode()} makes: a 10-digit version and a 200-character name in UTF-8. */
    static final int MAX_LENGTH = 1_200;

    static ModelCursor after(ModelVersionInfo version) {
        return new ModelCursor(version.tag().name(), version.tag().version());
    }

    String encode() {
        byte[] text = (version + ":" + name).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /** Reads a cursor {@link #encode()} made; null for none. */
    static ModelCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH) {
            throw invalid("it is " + cursor.length() + " characters long, at most " + MAX_LENGTH + " are possible");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid("it is not base64url text (" + e.getMessage() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("it does not decode to UTF-8 text");
        }
        int colon = text.indexOf(':');
        if (colon < 1 || colon > 10) {
            throw invalid("it has no version");
        }
        int version;
        try {
            version = Integer.parseInt(text.substring(0, colon));
        } catch (NumberFormatException e) {
            throw invalid("its version is not a number");
        }
        String name = text.substring(colon + 1);
        if (version < 1 || !Names.isValid(name)) {
            throw invalid("it does not name a model version");
        }
        return new ModelCursor(name, version);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(
                "cursor is not one this store made: " + why + "; pass back a page's nextCursor unchanged");
    }
}
