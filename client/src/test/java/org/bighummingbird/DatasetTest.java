package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building datasets, and reading them back with {@link BigHummingbird#dataset(String)}. */
class DatasetTest {
    @TempDir
    Path home;
    BigHummingbird bhb;

    record Question(String text, List<String> tags) {}

    @BeforeEach
    void open() {
        bhb = BigHummingbird.local("Datasets", home);
    }

    @AfterEach
    void close() {
        bhb.close();
    }

    @Test
    void valuesRoundTripThroughTheStore() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("unicode", "ünïcødé ✓ 😀 \u0000 \"q\" \\ \n");
        nested.put("list", Arrays.asList(1, 2.5, null, true, List.of()));
        nested.put("nothing", null);
        nested.put("big", 9_007_199_254_740_992L);
        Dataset sent = Dataset.of("round trip", "Ünïcødé description\nline two", Arrays.asList(
                nested,
                Dataset.Row.of("input", Map.of("answer", 42)),
                Dataset.Row.of("with null expected", null),
                null,
                new Question("why?", List.of("a", "b"))));
        String tag = bhb.uploadDataset(sent);

        Dataset back = bhb.dataset(tag);
        assertThat(back).isEqualTo(sent);
        assertThat(back.name()).isEqualTo("round trip");
        assertThat(back.description()).isEqualTo("Ünïcødé description\nline two");
        assertThat(back.size()).isEqualTo(5);
        List<Dataset.Row> rows = back.rows();
        assertThat(rows.get(0).input()).isEqualTo(nested);
        assertThat(rows.get(0).hasExpected()).isFalse();
        assertThat(rows.get(0).expected()).isNull();
        assertThat(rows.get(1).input()).isEqualTo("input");
        assertThat(rows.get(1).expected()).isEqualTo(Map.of("answer", 42));
        assertThat(rows.get(2).hasExpected()).isTrue();
        assertThat(rows.get(2).expected()).isNull();
        assertThat(rows.get(2).expectedJson()).isEqualTo("null");
        assertThat(rows.get(3).input()).isNull();
        assertThat(rows.get(4).inputAs(Question.class)).isEqualTo(new Question("why?", List.of("a", "b")));
        assertThat((Object) rows.get(1).expectedAs(Map.class)).isEqualTo(Map.of("answer", 42));
        assertThat(rows.get(1)).hasToString("{\"expected\":{\"answer\":42},\"input\":\"input\"}");
    }

    @Test
    void numbersComeBackInCanonicalForm() {
        String tag = bhb.uploadDataset(Dataset.of("numbers", "", List.of(List.of(1.0, 4.50, 1e30, 2e-3, -0.0))));
        assertThat(bhb.dataset(tag).rows().get(0).inputJson()).isEqualTo("[1,4.5,1e+30,0.002,0]");
        assertThat(bhb.dataset(tag).rows().get(0).input()).isEqualTo(List.of(1, 4.5, 1e30, 0.002, 0));
    }

    @Test
    void valuesAreSnapshotsAndUnmodifiable() {
        List<Object> mutable = new ArrayList<>(List.of("a"));
        Dataset ds = Dataset.of("snap", "", List.of(mutable));
        mutable.add("b");
        assertThat(ds.rows().get(0).input()).isEqualTo(List.of("a"));
        assertThatThrownBy(() -> ds.rows().add(Dataset.Row.of(1))).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> input = (List<Object>) ds.rows().get(0).input();
        assertThatThrownBy(() -> input.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void latestIsTheHighestVersion() {
        bhb.uploadDataset(Dataset.of("qa", "one", List.of(1)));
        bhb.uploadDataset(Dataset.of("qa", "two", List.of(2)));
        assertThat(bhb.dataset("qa:latest").description()).isEqualTo("two");
        assertThat(bhb.dataset("qa:v1").rows().get(0).input()).isEqualTo(1);
    }

    @Test
    void unknownTagsNameTagAndProjectAndMalformedOnesAreInvalidTags() {
        bhb.uploadDataset(Dataset.of("qa", "", List.of(1)));
        assertThatThrownBy(() -> bhb.dataset("qa:v2"))
                .isInstanceOf(NoSuchDataset.class).hasMessage("no dataset version qa:v2 in project \"Datasets\"");
        assertThatThrownBy(() -> bhb.dataset("nosuch:latest"))
                .isInstanceOf(NoSuchDataset.class).hasMessageContaining("nosuch:latest");
        for (String bad : new String[] {"qa", "qa:v0", "qa:v01", ":v1", "qa:vx", "qa:1"}) {
            assertThatThrownBy(() -> bhb.dataset(bad)).as(bad).isInstanceOf(InvalidTag.class);
        }
        assertThatThrownBy(() -> bhb.dataset(null)).isInstanceOf(InvalidTag.class);
    }

    @Test
    void badArgumentsAreRejectedNamingTheParameterOrRow() {
        assertThatThrownBy(() -> Dataset.of("a:b", "", List.of(1)))
                .isInstanceOf(InvalidName.class).hasMessageStartingWith("dataset name");
        assertThatThrownBy(() -> Dataset.of("ds", null, List.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("description must not be null");
        assertThatThrownBy(() -> Dataset.of("ds", "x".repeat(10_001), List.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10000 characters");
        assertThatThrownBy(() -> Dataset.of("ds", "", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rows must not be null");
        assertThatThrownBy(() -> Dataset.of("ds", "", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows must not be empty");
        assertThatThrownBy(() -> Dataset.of("ds", "", List.of(1, Map.of("score", Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rows[1]: input $.score: NaN is not a JSON number");
        assertThatThrownBy(() -> Dataset.of("ds", "", List.of(Dataset.Row.of(1, List.of(1L << 60)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected $[0]: integer 1152921504606846976 is beyond ±2^53");
        assertThatThrownBy(() -> Dataset.of("ds", "", List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rows[0]: input (java.lang.Object) is not JSON-able");
        assertThatThrownBy(() -> Dataset.of("ds", "", List.of("é".repeat(600_000))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1048576 bytes");
        assertThatThrownBy(() -> bhb.uploadDataset(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withACustomSinkDatasetsGoToTheStoreUnderHome() {
        RunSink sink = new RunSink() {
            @Override
            public Tag register(String project, VersionRegistration registration) {
                return new Tag(registration.modelName(), 1);
            }

            @Override
            public void write(String project, List<RunRecord> runs) {}
        };
        try (BigHummingbird custom = BigHummingbird.builder("P").home(home).sink(sink)
                .closeTimeout(Duration.ofSeconds(1)).build()) {
            assertThat(custom.uploadDataset(Dataset.of("qa", "", List.of(1)))).isEqualTo("qa:v1");
        }
        try (BigHummingbird local = BigHummingbird.local("P", home)) {
            assertThat(local.dataset("qa:v1").rows()).extracting(Dataset.Row::input).containsExactly(1);
        }
    }

    @Test
    void aHundredThousandRowDatasetUploadsAndComesBack() {
        List<Object> rows = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            rows.add(Dataset.Row.of(Map.of("question", "q" + i), i));
        }
        String tag = bhb.uploadDataset(Dataset.of("hundred-k", "", rows));
        Dataset back = bhb.dataset(tag);
        assertThat(back.size()).isEqualTo(100_000);
        assertThat(back.rows().get(99_999).expected()).isEqualTo(99_999);
        assertThat(bhb.uploadDataset(Dataset.of("hundred-k", "", rows))).isEqualTo(tag);
    }

    @Test
    void datasetCallsAfterCloseFail() {
        bhb.close();
        assertThatThrownBy(() -> bhb.uploadDataset(Dataset.of("qa", "", List.of(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
