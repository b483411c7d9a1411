package org.bighummingbird.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void showsAddedRemovedAndKeptLinesWithTheirNumbers() {
        LineDiff.Result diff = LineDiff.of("a\nb\nc", "a\nB\nc\nd");
        assertThat(diff.lines()).extracting(LineDiff.Line::op, LineDiff.Line::fromLine, LineDiff.Line::toLine,
                LineDiff.Line::text).containsExactly(tuple("same", 1, 1, "a"), tuple("add", 0, 2, "B"),
                        tuple("del", 2, 0, "b"), tuple("same", 3, 3, "c"), tuple("add", 0, 4, "d"));
        assertThat(diff.added()).isEqualTo(2);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(LineDiff.of("x\ny", "x\ny").same()).isTrue();
    }

    @Test
    void veryLongTextsAreComparedOnTheirFirstLinesOnly() {
        String longText = "line\n".repeat(LineDiff.MAX_LINES + 500);
        LineDiff.Result diff = LineDiff.of(longText, longText + "more");
        assertThat(diff.truncated()).isTrue();
        assertThat(diff.lines()).hasSize(LineDiff.MAX_LINES);
    }

    @Test
    void diffPageSplitsTheRecordedCodeIntoMethods() {
        String v1 = "// lambda in A\nx -> h(x)\n\n// A.h(I)I\nreturn x;\n\n// A.gone()V\nreturn;";
        String v2 = "// lambda in A\nx -> h(x)\n\n// A.h(I)I\nreturn x + 1;\n\n// A.added()V\nreturn;";
        List<DiffPage.MethodChange> changes = DiffPage.methods(v1, v2);
        assertThat(changes).extracting(DiffPage.MethodChange::method, DiffPage.MethodChange::change)
                .containsExactly(tuple("lambda in A", "same"), tuple("A.h(I)I", "changed"), tuple("A.added()V", "added"),
                        tuple("A.gone()V", "removed"));
        // A comment inside a method body is no section header.
        assertThat(DiffPage.sections("// lambda in A\nint a = 1;\n// not a header\nreturn a;")).hasSize(1);
    }
}
