package org.bighummingbird.store;

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
        return CursorText.encode(version + ":" + name);
    }

    /** Reads a cursor {@link #encode()} made; null for none. */
    static ModelCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        String text = CursorText.decode(cursor, MAX_LENGTH);
        int colon = text.indexOf(':');
        if (colon < 1 || colon > 10) {
            throw CursorText.invalid("it has no version");
        }
        int version;
        try {
            version = Integer.parseInt(text.substring(0, colon));
        } catch (NumberFormatException e) {
            throw CursorText.invalid("its version is not a number");
        }
        String name = text.substring(colon + 1);
        if (version < 1 || !Names.isValid(name)) {
            throw CursorText.invalid("it does not name a model version");
        }
        return new ModelCursor(name, version);
    }
}
