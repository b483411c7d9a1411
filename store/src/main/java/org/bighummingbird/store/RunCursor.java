package org.bighummingbird.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position after which a page of runs continues: the last run's (started_at, id), encoded as
 * an opaque base64url string. Decoding checks everything, so a damaged or forged cursor is an
 * {@link IllegalArgumentException} before any SQL runs.
 */
record RunCursor(long startedAtMicros, String runId) {
    /** Longer than any cursor {@link #encode()} makes: a 20-digit time and a 36-character id. */
    static final int MAX_LENGTH = 128;
    private static final int MAX_ID_LENGTH = 36;

    static RunCursor after(RunView run) {
        return new RunCursor(run.startedAtMicros(), run.id());
    }

    String encode() {
        byte[] text = (startedAtMicros + ":" + runId).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /** Reads a cursor {@link #encode()} made; null for none. */
    static RunCursor decode(String cursor) {
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
        if (colon < 1) {
            throw invalid("it has no start time");
        }
        long startedAt;
        try {
            startedAt = Long.parseLong(text.substring(0, colon));
        } catch (NumberFormatException e) {
            throw invalid("its start time is not a number");
        }
        String id = text.substring(colon + 1);
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw invalid("its run id is not a run id");
        }
        return new RunCursor(startedAt, id);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(
                "cursor is not one this store made: " + why + "; pass back a page's nextCursor unchanged");
    }
}
