package org.bighummingbird.sdk.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;
import org.junit.jupiter.api.Test;

/** The evaluation's console output: row lines and verdict on one stream, the progress bar on another. */
class ConsoleReporterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static EvaluationRowView row(int i, Double score, Boolean passed, String error) {
        return new EvaluationRowView(i, "1", "2", score, passed, 10, error, null);
    }

    private static String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rowLinesAndVerdictGoToStdoutAndTheBarOnlyToItsOwnStream() {
        var reporter = new ConsoleReporter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "ds", 4, true);

        reporter.row(row(0, 7.0, true, null));
        reporter.row(row(1, 2.5, false, null));
        reporter.row(row(2, 3.0, null, null));
        reporter.row(row(3, null, null, "the model threw java.lang.IllegalStateException: no"));
        reporter.verdict(2, 4);

        assertThat(text(out)).isEqualTo(String.join(System.lineSeparator(), "✔ ds[0] score: 7", "✖ ds[1] score: 2.5",
                "✔ ds[2] score: 3", "✖ ds[3] error: the model threw java.lang.IllegalStateException: no",
                "✖ 2 out of 4 failed.", ""));
        assertThat(text(err)).contains("[" + "#".repeat(30) + "] 4/4").endsWith("\r\033[K");
    }

    @Test
    void withoutATerminalThereIsNoBarAndWithoutRowLinesOnlyTheVerdict() {
        var reporter = new ConsoleReporter(new PrintStream(out, true, StandardCharsets.UTF_8), null, "ds", 1, false);

        reporter.row(row(0, 7.0, true, null));
        reporter.verdict(0, 1);

        assertThat(text(out)).isEqualTo("✔ All cases in dataset passed." + System.lineSeparator());
    }

    @Test
    void stdoutGetsUtf8EvenWhenTheJvmEncodesItAsAscii() {
        PrintStream original = System.out;
        // what Java 17 sets up under LANG=C: a stdout that would turn ✔ into ?
        System.setOut(new PrintStream(out, true, StandardCharsets.US_ASCII));
        try {
            ConsoleReporter reporter = ConsoleReporter.standard("ds", 1, true);
            reporter.row(row(0, 7.0, true, null));
            reporter.verdict(0, 1);
        } finally {
            System.setOut(original);
        }
        assertThat(text(out)).isEqualTo(String.join(System.lineSeparator(), "✔ ds[0] score: 7",
                "✔ All cases in dataset passed.", ""));
    }

    @Test
    void wholeScoresHaveNoFraction() {
        assertThat(ConsoleReporter.formatScore(7.0)).isEqualTo("7");
        assertThat(ConsoleReporter.formatScore(-3.0)).isEqualTo("-3");
        assertThat(ConsoleReporter.formatScore(7.25)).isEqualTo("7.25");
        assertThat(ConsoleReporter.formatScore(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(ConsoleReporter.formatScore(1e20)).isEqualTo("1.0E20");
    }
}
