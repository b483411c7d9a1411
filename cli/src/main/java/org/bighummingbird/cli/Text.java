package org.bighummingbird.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.bighummingbird.store.json.ViewJson;

/**
 * Turns stored values into text that is safe for a terminal and a log: control characters and bidi
 * controls are escaped, so a stored string can neither break a line nor drive the terminal.
 */
final class Text {
    private static final DateTimeFormatter HUMAN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Text() {}

    /** One line: line breaks and tabs become spaces, other control characters {@code \}{@code uXXXX}. */
    static String oneLine(String s) {
        return escape(s, false);
    }

    /** Keeps line breaks and tabs (source code, stack traces), escapes every other control character. */
    static String multiLine(String s) {
        return escape(s, true);
    }

    /** {@link #oneLine} cut to at most {@code max} code points, marked with an ellipsis when cut. */
    static String cut(String s, int max) {
        String line = oneLine(s);
        if (line.codePointCount(0, line.length()) <= max) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** The instant as ISO-8601 UTC with microseconds, as {@link ViewJson#isoInstant} writes it. */
    static String isoInstant(long epochMicros) {
        return ViewJson.isoInstant(epochMicros);
    }

    /** The instant to the second, for tables. */
    static String humanInstant(long epochMicros) {
        return HUMAN_TIME.format(Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS));
    }

    /** A latency for people: {@code 850 ns}, {@code 12.3 µs}, {@code 4.56 ms}, {@code 1.20 s}. */
    static String latency(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format("%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format("%.2f ms", nanos / 1e6);
        }
        return String.format("%.2f s", nanos / 1e9);
    }

    /** The first 12 characters of a fingerprint, enough to tell versions apart in a table. */
    static String shortFingerprint(String fingerprint) {
        return fingerprint == null || fingerprint.length() <= 12 ? String.valueOf(fingerprint)
                : fingerprint.substring(0, 12);
    }

    private static String escape(String s, boolean keepLines) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || cp == '\t' || cp == '\r') {
                out.append(keepLines && cp != '\r' ? (char) cp : ' ');
            } else if (Character.isISOControl(cp) || isBidiControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    // Bidi overrides and isolates can make a terminal show text in another order than stored.
    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }
}
