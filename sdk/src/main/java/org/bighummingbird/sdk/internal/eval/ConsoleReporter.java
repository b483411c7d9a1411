package org.bighummingbird.sdk.internal.eval;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;

/**
 * What an evaluation prints: one line per row to stdout, in row order ({@code ✔ name[i] score: s},
 * {@code ✖ name[i] score: s}, or {@code ✖ name[i] error: reason} for an error row), then the verdict
 * ({@code ✔ All cases in dataset passed.} or {@code ✖ N out of M failed.}), terminal or not. A progress
 * bar goes to stderr only when a terminal is attached. Called under the runner's lock: not thread-safe.
 */
public final class ConsoleReporter {
    private static final int BAR_WIDTH = 30;
    private static final long BAR_INTERVAL_NS = 100_000_000L;

    private final PrintStream out;
    private final PrintStream progress;
    private final String datasetName;
    private final int total;
    private final boolean rowLines;
    private int done;
    private long lastBarNanos;
    private boolean barShown;

    /**
     * @param out where rows and the verdict go (stdout)
     * @param progress where the progress bar goes (stderr), or null for none
     * @param rowLines whether to print a line per row; the verdict is always printed
     */
    public ConsoleReporter(PrintStream out, PrintStream progress, String datasetName, int total, boolean rowLines) {
        this.out = out;
        this.progress = progress;
        this.datasetName = datasetName;
        this.total = total;
        this.rowLines = rowLines;
    }

    /**
     * Stdout for rows and verdict, always UTF-8 (Java 17 encodes stdout for the locale, and under
     * {@code LANG=C}, usual in containers and CI, ✔ and ✖ would come out as {@code ?}); a progress
     * bar on stderr when {@code System.console()} is not null.
     */
    public static ConsoleReporter standard(String datasetName, int total, boolean rowLines) {
        return new ConsoleReporter(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                System.console() != null ? System.err : null, datasetName, total, rowLines);
    }

    /** A finished row, in index order. */
    void row(EvaluationRowView row) {
        done++;
        if (rowLines) {
            clearBar();
            out.println(line(datasetName, row));
        }
        long now = System.nanoTime();
        if (progress != null && (done == total || now - lastBarNanos >= BAR_INTERVAL_NS)) {
            lastBarNanos = now;
            drawBar();
        }
    }

    /** The closing verdict. */
    void verdict(int failures, int rows) {
        clearBar();
        out.println(verdictLine(failures, rows));
        out.flush();
    }

    /** Ends the progress bar's line when the evaluation stops early. */
    void abandon() {
        clearBar();
    }

    static String line(String datasetName, EvaluationRowView row) {
        String mark = row.isFailure() ? "✖ " : "✔ ";
        if (row.isError()) {
            return mark + datasetName + "[" + row.index() + "] error: " + row.error();
        }
        return mark + datasetName + "[" + row.index() + "] score: " + formatScore(row.score());
    }

    static String verdictLine(int failures, int rows) {
        return failures == 0 ? "✔ All cases in dataset passed." : "✖ " + failures + " out of " + rows + " failed.";
    }

    /** A whole score without a fraction ({@code 7}), else Java's shortest form ({@code 7.25}). */
    public static String formatScore(double score) {
        if (score == Math.rint(score) && Math.abs(score) < 1e15) {
            return Long.toString((long) score);
        }
        return Double.toString(score);
    }

    private void drawBar() {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) done * BAR_WIDTH / total);
        progress.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total);
        progress.flush();
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            progress.print("\r\033[K");
            progress.flush();
            barShown = false;
        }
    }
}
