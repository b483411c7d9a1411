package org.bighummingbird.store;

/**
 * The one rule for text written into run columns, the same on SQLite and PostgreSQL: every raw
 * U+0000 becomes U+FFFD (the Unicode replacement character); everything else is stored verbatim.
 *
 * <p>PostgreSQL cannot store U+0000 in {@code text} at all, so a run carrying one (a thread name, an
 * exception message) would fail its whole batch on every retry. Replacing it keeps the run, and
 * doing the same on SQLite keeps the two databases answering alike. JSON written by the SDK never
 * holds a raw U+0000 (Jackson escapes it as {@code \u0000}), so inputs and outputs are unaffected.
 */
final class StoredText {
    /** What a raw U+0000 is stored as. */
    static final char NUL_REPLACEMENT = '\uFFFD';

    private StoredText() {}

    /** {@code value} as it is stored: null stays null, U+0000 becomes {@link #NUL_REPLACEMENT}. */
    static String of(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', NUL_REPLACEMENT);
    }
}
