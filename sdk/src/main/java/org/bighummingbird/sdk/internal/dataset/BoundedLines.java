package org.bighummingbird.sdk.internal.dataset;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text, ended by LF, CRLF or CR, each at most a given length: a file of one huge line
 * fails with a clear message instead of filling the heap. A leading byte order mark is skipped.
 * Not thread-safe.
 */
final class BoundedLines {
    private final Reader in;
    private final int maxChars;
    private final StringBuilder line = new StringBuilder();
    private int number;
    private int pending = -2; // a char read ahead after CR, -1 at end, -2 none

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    int number() {
        return number;
    }

    /**
     * The next line without its terminator, or null at the end.
     *
     * @throws LineTooLong when a line has more than the maximum characters
     */
    String next() throws IOException {
        line.setLength(0);
        int c = read();
        if (c < 0) {
            return null;
        }
        number++;
        if (number == 1 && c == '\uFEFF') {
            c = read();
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (line.length() == maxChars) {
                throw new LineTooLong(number, maxChars);
            }
            line.append((char) c);
            c = read();
        }
        if (c == '\r') {
            int after = in.read();
            if (after != '\n') {
                pending = after;
            }
        }
        return line.toString();
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }

    /** A line over the limit. */
    static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLong(int line, int max) {
            super("line " + line + " is longer than " + max + " characters");
        }
    }
}
