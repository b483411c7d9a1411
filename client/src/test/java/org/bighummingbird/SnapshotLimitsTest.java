package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bighummingbird.store.RunView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's snapshot limits: each one cuts with its marker, and a bad value fails naming the option. */
class SnapshotLimitsTest {
    @TempDir
    Path home;

    private RunView only(BigHummingbird.Builder builder, Fn1<Object, Object> model, Object input) {
        try (var bhb = builder.home(home).build()) {
            bhb.trace("model", model).apply(input);
        }
        List<RunView> runs = StoredRuns.runs(home, "P");
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    @Test
    void containersDeeperThanTheDepthLimitBecomeDepthMarkers() {
        RunView run = only(BigHummingbird.builder("P").maxSnapshotDepth(2), m -> "ok",
                Map.of("a", Map.of("b", Map.of("c", 1)), "flat", 2));
        JsonNode in = StoredRuns.json(run.inputsJson()).get("m");
        assertThat(in.at("/a/b/$truncated/reason").asText()).isEqualTo("depth");
        assertThat(in.at("/a/b/$truncated/type").asText()).startsWith("java.util.");
        assertThat(in.get("flat").asInt()).isEqualTo(2);
    }

    @Test
    void theByteBudgetCutsTheInputsToHalfAndLeavesTheRestToTheOutput() {
        String text = "x".repeat(5_000);
        RunView run = only(BigHummingbird.builder("P").maxSnapshotBytes(2_048), s -> s + "!", text);
        JsonNode cut = StoredRuns.json(run.inputsJson()).at("/s/$truncated");
        assertThat(cut.get("reason").asText()).isEqualTo("budget");
        assertThat(cut.get("type").asText()).isEqualTo("java.lang.String");
        assertThat(cut.get("size").asInt()).isEqualTo(5_000);
        assertThat(cut.get("prefix").asText()).hasSizeLessThanOrEqualTo(1_024).startsWith("xxx");
        assertThat(run.inputsJson().length()).isLessThan(1_300);
        JsonNode out = StoredRuns.json(run.outputJson()).get("$truncated");
        assertThat(out.get("size").asInt()).isEqualTo(5_001);
        assertThat(out.get("prefix").asText().length()).isGreaterThanOrEqualTo(cut.get("prefix").asText().length());
        assertThat(run.outputJson().length()).isLessThan(2_048);
        assertThat(run.outputShapeJson()).isEqualTo("\"String\"");
    }

    @Test
    void collectionsAreCutAtTheElementLimitWithTheirTotalSize() {
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(i);
        }
        RunView run = only(BigHummingbird.builder("P").maxSnapshotElements(10), xs -> xs, many);
        JsonNode in = StoredRuns.json(run.inputsJson()).get("xs");
        assertThat(in.size()).isEqualTo(11);
        assertThat(in.get(9).asInt()).isEqualTo(9);
        assertThat(in.at("/10/$truncated/reason").asText()).isEqualTo("size");
        assertThat(in.at("/10/$truncated/size").asInt()).isEqualTo(100);
        assertThat(StoredRuns.json(run.outputShapeJson())).isEqualTo(StoredRuns.json("[\"Integer\"]"));
    }

    /** A bean the user vouches for: Jackson may call its getters. */
    public static final class Vouched {
        static final AtomicInteger GETTER_CALLS = new AtomicInteger();
        private final int secret = 7;

        public String getShown() {
            GETTER_CALLS.incrementAndGet();
            return "from the getter " + secret;
        }
    }

    @Test
    void safeTypesAreWrittenByJacksonThroughTheirGetters() {
        Vouched.GETTER_CALLS.set(0);
        RunView run = only(BigHummingbird.builder("P").safeTypes(Vouched.class), v -> 1, new Vouched());
        assertThat(StoredRuns.json(run.inputsJson()))
                .isEqualTo(StoredRuns.json("{\"v\":{\"shown\":\"from the getter 7\"}}"));
        assertThat(Vouched.GETTER_CALLS).hasValue(1);
    }

    @Test
    void badLimitsFailInTheirSetterNamingTheOption() {
        BigHummingbird.Builder b = BigHummingbird.builder("P");
        assertThatThrownBy(() -> b.maxSnapshotBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSnapshotBytes must be positive, got 0");
        assertThatThrownBy(() -> b.maxSnapshotDepth(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSnapshotDepth must be between 1 and 1000, got 0");
        assertThatThrownBy(() -> b.maxSnapshotDepth(100_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSnapshotDepth");
        assertThatThrownBy(() -> b.maxSnapshotElements(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSnapshotElements must be positive, got -1");
        assertThatThrownBy(() -> b.maxQueueBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxQueueBytes must be positive, got 0");
        assertThatThrownBy(() -> b.safeTypes(String.class, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("safeTypes must not be or contain null");
        assertThatThrownBy(() -> b.safeTypes((Class<?>[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("safeTypes");
        // a refused value leaves the builder as it was
        try (var bhb = b.home(home).build()) {
            assertThat(bhb.trace("model", (Integer x) -> x).apply(1)).isEqualTo(1);
        }
    }
}
