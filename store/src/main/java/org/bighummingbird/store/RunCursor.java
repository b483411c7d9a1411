package org.bighummingbird.store;

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
        return CursorText.encode(startedAtMicros + ":" + runId);
    }

    /** Reads a cursor {@link #encode()} made; null for none. */
    static RunCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        String text = CursorText.decode(cursor, MAX_LENGTH);
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw CursorText.invalid("it has no start time");
        }
        long startedAt;
        try {
            startedAt = Long.parseLong(text.substring(0, colon));
        } catch (NumberFormatException e) {
            throw CursorText.invalid("its start time is not a number");
        }
        String id = text.substring(colon + 1);
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw CursorText.invalid("its run id is not a run id");
        }
        return new RunCursor(startedAt, id);
    }
}
