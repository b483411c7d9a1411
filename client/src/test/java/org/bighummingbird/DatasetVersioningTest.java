package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset versions through the SDK on a real SQLite home: the content, not the spelling, makes the tag. */
class DatasetVersioningTest {
    @TempDir
    Path home;
    BigHummingbird bhb;

    record Question(String text, int priority) {}

    @BeforeEach
    void open() {
        bhb = BigHummingbird.local("Datasets", home);
    }

    @AfterEach
    void close() {
        bhb.close();
    }

    private String upload(String name, List<?> rows) {
        return bhb.uploadDataset(Dataset.of(name, "", rows));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void sameRowsGiveTheSameTagAlsoFromAnotherInstance() {
        List<Object> rows = List.of("a", new Question("why?", 2), Dataset.Row.of(1, 2));
        assertThat(upload("qa", rows)).isEqualTo("qa:v1");
        assertThat(upload("qa", rows)).isEqualTo("qa:v1");
        try (BigHummingbird other = BigHummingbird.local("Datasets", home)) {
            assertThat(other.uploadDataset(Dataset.of("qa", "", rows))).isEqualTo("qa:v1");
        }
    }

    @Test
    void mapKeyOrderAndNumberSpellingDoNotMatter() {
        String first = upload("qa", List.of(ordered("a", 1, "b", List.of(2.0, 0.5))));
        assertThat(upload("qa", List.of(ordered("b", List.of(2, 0.50), "a", 1.0)))).isEqualTo(first);
        assertThat(upload("qa", List.of(Map.of("a", 1L, "b", List.of(2f, 0.5f))))).isEqualTo(first);
    }

    @Test
    void aRecordAndTheMapOfItsComponentsAreTheSameRow() {
        String tag = upload("qa", List.of(new Question("why?", 2)));
        assertThat(upload("qa", List.of(Map.of("priority", 2, "text", "why?")))).isEqualTo(tag);
    }

    @Test
    void changedValueOrStructureGivesTheNextVersionAndRevertingTheOldTag() {
        assertThat(upload("qa", List.of(Map.of("a", 1)))).isEqualTo("qa:v1");
        assertThat(upload("qa", List.of(Map.of("a", 2)))).isEqualTo("qa:v2");
        assertThat(upload("qa", List.of(Map.of("a", List.of(1))))).isEqualTo("qa:v3");
        assertThat(upload("qa", List.of(Map.of("a", "1")))).isEqualTo("qa:v4");
        assertThat(upload("qa", List.of(Map.of("a", 1)))).isEqualTo("qa:v1");
    }

    @Test
    void rowOrderAndExpectedValuesCount() {
        assertThat(upload("qa", List.of("x", "y"))).isEqualTo("qa:v1");
        assertThat(upload("qa", List.of("y", "x"))).isEqualTo("qa:v2");
        assertThat(upload("qa", List.of(Dataset.Row.of("x", "X"), "y"))).isEqualTo("qa:v3");
        assertThat(upload("qa", List.of(Dataset.Row.of("x", null), "y"))).isEqualTo("qa:v4");
        assertThat(upload("qa", List.of(Dataset.Row.of("x"), "y"))).isEqualTo("qa:v1");
    }

    @Test
    void aDifferentNameStartsAtV1AndTheDescriptionIsNotPartOfTheKey() {
        assertThat(bhb.uploadDataset(Dataset.of("qa", "first words", List.of(1, 2)))).isEqualTo("qa:v1");
        assertThat(bhb.uploadDataset(Dataset.of("qa", "second thoughts", List.of(1, 2)))).isEqualTo("qa:v1");
        assertThat(bhb.uploadDataset(Dataset.of("other", "", List.of(1, 2)))).isEqualTo("other:v1");
        assertThat(bhb.dataset("qa:v1").description()).isEqualTo("first words");
    }

    @Test
    void projectsDoNotShareVersions() {
        upload("qa", List.of(1));
        upload("qa", List.of(2));
        try (BigHummingbird other = BigHummingbird.local("Other Project", home)) {
            assertThat(other.uploadDataset(Dataset.of("qa", "", List.of(2)))).isEqualTo("qa:v1");
        }
    }
}
