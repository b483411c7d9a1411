package org.bighummingbird.server.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts by longest common subsequence, for the version diff page. Texts longer
 * than {@link #MAX_LINES} lines each are compared on their first {@code MAX_LINES} lines only (and
 * say so), so one request's work stays bounded.
 */
public final class LineDiff {
    /** Most lines of each side compared. */
    public static final int MAX_LINES = 2_000;

    /**
     * One line of the unified diff.
     *
     * @param op {@code same}, {@code add} or {@code del}
     * @param fromLine its number in the old text, or 0 for an added line
     * @param toLine its number in the new text, or 0 for a removed line
     * @param text the line
     */
    public record Line(String op, int fromLine, int toLine, String text) {}

    /**
     * The diff.
     *
     * @param lines the unified diff, in order
     * @param added how many lines were added
     * @param removed how many lines were removed
     * @param truncated whether either text was longer than {@link #MAX_LINES}
     */
    public record Result(List<Line> lines, int added, int removed, boolean truncated) {
        /** Whether the texts are the same (as far as compared). */
        public boolean same() {
            return added == 0 && removed == 0;
        }
    }

    private LineDiff() {}

    /** The diff from {@code from} to {@code to}. */
    public static Result of(String from, String to) {
        String[] a = from.split("\n", -1);
        String[] b = to.split("\n", -1);
        boolean truncated = a.length > MAX_LINES || b.length > MAX_LINES;
        int n = Math.min(a.length, MAX_LINES);
        int m = Math.min(b.length, MAX_LINES);
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[i].equals(b[j])) {
                lines.add(new Line("same", i + 1, j + 1, a[i]));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                lines.add(new Line("add", 0, j + 1, b[j]));
                added++;
                j++;
            } else {
                lines.add(new Line("del", i + 1, 0, a[i]));
                removed++;
                i++;
            }
        }
        return new Result(lines, added, removed, truncated);
    }
}
