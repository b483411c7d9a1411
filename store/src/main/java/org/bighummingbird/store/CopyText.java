package org.bighummingbird.store;

import org.bighummingbird.core.RunRecord;

/**
 * Rows of runs in PostgreSQL's COPY text format: columns separated by tab, rows ended by newline,
 * {@code \N} for NULL (so an empty string stays empty), and backslash, tab, newline and carriage
 * return escaped with a backslash. Every other character, quotes and commas included, is data.
 */
final class CopyText {
    private CopyText() {}

    /** Appends one run as a row of {@link RunColumns#LIST}. */
    static void appendRow(StringBuilder out, String projectId, String versionId, RunRecord run) {
        append(out, run.id()).append('\t');
        append(out, projectId).append('\t');
        append(out, versionId).append('\t');
        append(out, run.parentId()).append('\t');
        append(out, run.rootId()).append('\t');
        out.append(run.startedAtMicros()).append('\t');
        out.append(run.latencyNs()).append('\t');
        append(out, run.thread()).append('\t');
        append(out, run.inputsJson()).append('\t');
        append(out, run.outputJson()).append('\t');
        append(out, run.outputShapeJson()).append('\t');
        append(out, run.errorType()).append('\t');
        append(out, run.errorMessage()).append('\t');
        append(out, run.errorStack()).append('\n');
    }

    /** Appends one text value, escaped, or {@code \N} for null. */
    static StringBuilder append(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        String text = StoredText.of(value);
        int plainFrom = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                out.append(text, plainFrom, i).append('\\').append(escape(ch));
                plainFrom = i + 1;
            }
        }
        return out.append(text, plainFrom, text.length());
    }

    private static char escape(char ch) {
        return switch (ch) {
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> ch;
        };
    }
}
