package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSONL and CSV files, friendly and hostile. */
class DatasetFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void jsonlLinesAreRowsAndInputObjectsCarryExpectedValues() throws IOException {
        Path file = file("qa.jsonl", "{\"input\": {\"q\": \"2+2\"}, \"expected\": 4}\n"
                + "\n"
                + "   \n"
                + "{\"input\": \"no expected\"}\n"
                + "{\"input\": 1, \"other\": 2}\n"
                + "{\"expected\": 5}\n"
                + "\"plain\"\n"
                + "[1, 2.0]\n"
                + "{\"input\": null, \"expected\": null}\n");
        Dataset ds = Dataset.fromJsonl("qa", "from a file", file);

        assertThat(ds.rows()).extracting(Dataset.Row::toString).containsExactly(
                "{\"expected\":4,\"input\":{\"q\":\"2+2\"}}",
                "{\"input\":\"no expected\"}",
                "{\"input\":{\"input\":1,\"other\":2}}",
                "{\"input\":{\"expected\":5}}",
                "{\"input\":\"plain\"}",
                "{\"input\":[1,2]}",
                "{\"expected\":null,\"input\":null}");
        assertThat(ds.description()).isEqualTo("from a file");
    }

    @Test
    void jsonlAcceptsByteOrderMarkCrlfAndNoFinalNewline() throws IOException {
        Dataset plain = Dataset.fromJsonl("qa", "", file("a.jsonl", "{\"a\":1}\n{\"b\":2}\n"));
        Dataset windows = Dataset.fromJsonl("qa", "", file("b.jsonl", "\uFEFF{\"a\":1}\r\n{\"b\":2}"));
        assertThat(windows).isEqualTo(plain);
    }

    @Test
    void aBadJsonlLineNamesFileAndLine() throws IOException {
        Path file = file("bad.jsonl", "1\n\n{\"a\": }\n3\n");
        assertThatThrownBy(() -> Dataset.fromJsonl("qa", "", file))
                .isInstanceOf(InvalidDatasetFile.class)
                .hasMessageStartingWith(file + ":3: not JSON");
        Path twoValues = file("two.jsonl", "1 2\n");
        assertThatThrownBy(() -> Dataset.fromJsonl("qa", "", twoValues))
                .isInstanceOf(InvalidDatasetFile.class).hasMessageStartingWith(twoValues + ":1: not JSON");
        Path duplicate = file("dup.jsonl", "{\"a\":1}\n{\"a\":1,\"a\":2}\n");
        assertThatThrownBy(() -> Dataset.fromJsonl("qa", "", duplicate))
                .isInstanceOf(InvalidDatasetFile.class).hasMessageStartingWith(duplicate + ":2:")
                .hasMessageContaining("Duplicate field 'a'");
        Path nan = file("nan.jsonl", "{\"a\":1e999}\n");
        assertThatThrownBy(() -> Dataset.fromJsonl("qa", "", nan))
                .isInstanceOf(InvalidDatasetFile.class).hasMessageStartingWith(nan + ":1: input $.a: Infinity is not a JSON number");
    }

    @Test
    void emptyMissingAndNonUtf8JsonlFilesAreClearErrors() throws IOException {
        Path empty = file("empty.jsonl", "");
        assertThatThrownBy(() -> Dataset.fromJsonl("qa", "", empty))
                .isInstanceOf(InvalidDatasetFile.class).hasMessage(empty + " has no rows: every line is blank");
        Path blank = file("blank.jsonl", "\n \r\n\t\n");
        assertThatThrownBy(() -> Dataset.fromJsonl("qa", "", blank)).isInstanceOf(InvalidDatasetFile.class);
        Path missing = dir.resolve("missing.jsonl");
        assertThatThrownBy(() -> Dataset.fromJsonl("qa", "", missing))
                .isInstanceOf(InvalidDatasetFile.class).hasMessage("no such file: " + missing);
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, new byte[] {'"', (byte) 0xE9, '"', '\n'});
        assertThatThrownBy(() -> Dataset.fromJsonl("qa", "", latin1))
                .isInstanceOf(InvalidDatasetFile.class).hasMessageContaining("is not UTF-8");
    }

    @Test
    void overlongJsonlLinesAndRowsAreRejected() throws IOException {
        Path tenMegabytes = dir.resolve("huge.jsonl");
        try (Writer w = Files.newBufferedWriter(tenMegabytes)) {
            w.write("1\n\"");
            for (int i = 0; i < 10 << 20; i++) {
                w.write('x');
            }
            w.write("\"\n");
        }
        assertThatThrownBy(() -> Dataset.fromJsonl("qa", "", tenMegabytes))
                .isInstanceOf(InvalidDatasetFile.class)
                .hasMessage(tenMegabytes + ": line 2 is longer than 8388608 characters");

        Path twoMegabytes = file("big.jsonl", "1\n\"" + "x".repeat(2 << 20) + "\"\n");
        assertThatThrownBy(() -> Dataset.fromJsonl("qa", "", twoMegabytes))
                .isInstanceOf(InvalidDatasetFile.class)
                .hasMessageStartingWith(twoMegabytes + ":2: a dataset row may hold at most 1048576 bytes");
    }

    @Test
    void csvWithInputAndExpectedColumns() throws IOException {
        Path file = file("qa.csv", "input,expected\r\n"
                + "\"What is 2+2?\",4\r\n"
                + "\"A \"\"quoted\"\", comma, and\r\nline break\",\"\"\r\n");
        Dataset ds = Dataset.fromCsv("qa", "", file);

        assertThat(ds.size()).isEqualTo(2);
        assertThat(ds.rows().get(0).input()).isEqualTo("What is 2+2?");
        assertThat(ds.rows().get(0).expected()).isEqualTo("4");
        assertThat(ds.rows().get(1).input()).isEqualTo("A \"quoted\", comma, and\r\nline break");
        assertThat(ds.rows().get(1).expected()).isEqualTo("");
    }

    @Test
    void csvWithoutInputColumnMakesObjectInputsOfTheOtherColumns() throws IOException {
        Path file = file("qa.csv", "\uFEFFquestion,lang,expected\nhello,en,hi\nbonjour,fr,salut\n\n");
        Dataset ds = Dataset.fromCsv("qa", "", file);

        assertThat(ds.rows()).extracting(Dataset.Row::input).containsExactly(
                Map.of("question", "hello", "lang", "en"), Map.of("question", "bonjour", "lang", "fr"));
        assertThat(ds.rows()).extracting(Dataset.Row::expected).containsExactly("hi", "salut");
        Dataset noExpected = Dataset.fromCsv("qa", "", file("plain.csv", "a,b\n1,2\n"));
        assertThat(noExpected.rows().get(0).hasExpected()).isFalse();
        assertThat(noExpected.rows().get(0).input()).isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void raggedCsvRowsNameTheirLine() throws IOException {
        Path tooMany = file("ragged.csv", "a,b\n1,2\n\"multi\nline\",2\n1,2,3\n");
        assertThatThrownBy(() -> Dataset.fromCsv("qa", "", tooMany))
                .isInstanceOf(InvalidDatasetFile.class)
                .hasMessage(tooMany + ":5: has 3 fields but the header has 2");
        Path tooFew = file("short.csv", "a,b\n1,2\n1\n");
        assertThatThrownBy(() -> Dataset.fromCsv("qa", "", tooFew))
                .isInstanceOf(InvalidDatasetFile.class)
                .hasMessage(tooFew + ":3: has 1 field but the header has 2");
    }

    @Test
    void hostileCsvHeadersAndQuotesAreClearErrors() throws IOException {
        Path empty = file("empty.csv", "");
        assertThatThrownBy(() -> Dataset.fromCsv("qa", "", empty))
                .isInstanceOf(InvalidDatasetFile.class).hasMessageContaining("is empty");
        Path headerOnly = file("header.csv", "input,expected\r\n");
        assertThatThrownBy(() -> Dataset.fromCsv("qa", "", headerOnly))
                .isInstanceOf(InvalidDatasetFile.class).hasMessage(headerOnly + " has a header but no rows");
        Path duplicate = file("dup.csv", "a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> Dataset.fromCsv("qa", "", duplicate))
                .isInstanceOf(InvalidDatasetFile.class).hasMessage(duplicate + ":1: header names column \"a\" twice");
        Path extra = file("extra.csv", "id,input\n1,x\n");
        assertThatThrownBy(() -> Dataset.fromCsv("qa", "", extra))
                .isInstanceOf(InvalidDatasetFile.class).hasMessageContaining("only other column may be expected");
        Path unclosed = file("unclosed.csv", "a\n\"open\n");
        assertThatThrownBy(() -> Dataset.fromCsv("qa", "", unclosed))
                .isInstanceOf(InvalidDatasetFile.class).hasMessageStartingWith(unclosed + ":");
    }

    @Test
    void fileDatasetsVersionLikeAnyOther(@TempDir Path home) throws IOException {
        Path jsonl = file("qa.jsonl", "{\"input\":\"q\",\"expected\":\"a\"}\n");
        Path csv = file("qa.csv", "input,expected\nq,a\n");
        try (BigHummingbird bhb = BigHummingbird.local("Files", home)) {
            String fromJsonl = bhb.uploadDataset(Dataset.fromJsonl("qa", "", jsonl));
            assertThat(bhb.uploadDataset(Dataset.fromCsv("qa", "", csv))).isEqualTo(fromJsonl);
            assertThat(bhb.uploadDataset(Dataset.of("qa", "", List.of(Dataset.Row.of("q", "a"))))).isEqualTo(fromJsonl);
        }
    }
}
