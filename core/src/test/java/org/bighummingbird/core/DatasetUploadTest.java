package org.bighummingbird.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetUploadTest {
    @Test
    void theContentKeyIsTheSha256OfTheCanonicalRowArray() {
        List<DatasetRow> rows = List.of(DatasetRow.parse("{\"b\":1.0,\"a\":\"x\"}", null),
                DatasetRow.parse("2", "[true, null]"));
        String canonical = "[{\"input\":{\"a\":\"x\",\"b\":1}},{\"expected\":[true,null],\"input\":2}]";
        assertThat(DatasetUpload.of("ds", "", rows).contentKey()).isEqualTo(Hashing.sha256Hex(canonical));
        assertThat(CanonicalJson.canonicalize(canonical)).isEqualTo(canonical);
    }

    @Test
    void descriptionIsNotPartOfTheKeyButRowOrderIs() {
        DatasetRow a = DatasetRow.parse("\"a\"", null);
        DatasetRow b = DatasetRow.parse("\"b\"", null);
        assertThat(DatasetUpload.of("ds", "one", List.of(a, b)).contentKey())
                .isEqualTo(DatasetUpload.of("other", "two", List.of(a, b)).contentKey())
                .isNotEqualTo(DatasetUpload.of("ds", "one", List.of(b, a)).contentKey());
    }

    @Test
    void anExpectedNullDiffersFromNoExpectedValue() {
        assertThat(DatasetRow.parse("1", "null")).isNotEqualTo(DatasetRow.parse("1", null));
        assertThat(DatasetRow.parse("1", "null").hasExpected()).isTrue();
        assertThat(DatasetUpload.contentKey(List.of(DatasetRow.parse("1", "null"))))
                .isNotEqualTo(DatasetUpload.contentKey(List.of(DatasetRow.parse("1", null))));
    }

    @Test
    void limitsAreEnforcedWithTheNumbers() {
        DatasetRow row = DatasetRow.parse("1", null);
        assertThatThrownBy(() -> DatasetUpload.of("ds", "x".repeat(10_001), List.of(row)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10000 characters, got 10001");
        assertThatThrownBy(() -> DatasetUpload.of("ds", "a\u0000b", List.of(row)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> DatasetUpload.of("ds", null, List.of(row)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("description must not be null");
        assertThatThrownBy(() -> DatasetUpload.of("ds", "", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows must not be empty");
        assertThatThrownBy(() -> DatasetUpload.of("a:b", "", List.of(row)))
                .isInstanceOf(InvalidName.class).hasMessageStartingWith("dataset name");
        assertThatThrownBy(() -> DatasetRow.parse("\"" + "é".repeat(600_000) + "\"", null))
                .isInstanceOf(InvalidJson.class).hasMessageContaining("at most 1048576 bytes");
        assertThatThrownBy(() -> DatasetRow.parse("{\"a\":NaN}", null))
                .isInstanceOf(InvalidJson.class).hasMessageStartingWith("input is not JSON");
    }
}
