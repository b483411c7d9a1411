package org.bighummingbird.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: a header and rows, columns padded to their widest cell. Not thread-safe. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    private Table(int columns) {
        this.columns = columns;
    }

    /** A table whose first line names the columns. */
    static Table withHeader(String... header) {
        return new Table(header.length).row(header);
    }

    /** A table without a header, for aligned label/value lines. */
    static Table headless(int columns) {
        return new Table(columns);
    }

    /** Adds a row; every cell is made one line, so a stored value cannot break the layout. */
    Table row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("row must have " + columns + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(Text::oneLine).toArray(String[]::new));
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - width(row[i]) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
