package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bighummingbird.store.RunView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs and outputs that used to make the traced call do unbounded work on the caller's thread:
 * each is recorded within the default limits, with a {@code $truncated} marker where it was cut.
 * The timeouts only keep a regression (a hang) from stalling the build; nothing here is timed.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileInputsTest {
    private static final int DEFAULT_BUDGET = 64 * 1024;

    @TempDir
    Path home;

    private RunView only(Fn1<Object, Object> model, Object input) {
        try (var bhb = BigHummingbird.local("P", home)) {
            bhb.trace("model", model).apply(input);
        }
        List<RunView> runs = StoredRuns.runs(home, "P");
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private static JsonNode marker(JsonNode node) {
        assertThat(node.has("$truncated")).as("a marker: %s", abbreviated(node)).isTrue();
        return node.get("$truncated");
    }

    private static String abbreviated(JsonNode node) {
        String s = String.valueOf(node);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    @Test
    void aListThatContainsItselfTwiceReturnsAndIsStoredWithCycleMarkers() {
        List<Object> list = new ArrayList<>();
        list.add(list);
        list.add(list);
        list.add("end");
        RunView run = only(xs -> ((List<?>) xs).size(), list);
        JsonNode in = StoredRuns.json(run.inputsJson()).get("xs");
        assertThat(marker(in.get(0)).get("reason").asText()).isEqualTo("cycle");
        assertThat(marker(in.get(1)).get("type").asText()).isEqualTo(ArrayList.class.getName());
        assertThat(in.get(2).asText()).isEqualTo("end");
        assertThat(run.outputJson()).isEqualTo("3");
    }

    @Test
    void aMapThatContainsItselfIsStoredWithACycleMarker() {
        Map<String, Object> map = new HashMap<>();
        map.put("self", map);
        map.put("n", 1);
        RunView run = only(m -> ((Map<?, ?>) m).size(), map);
        JsonNode in = StoredRuns.json(run.inputsJson()).get("m");
        assertThat(marker(in.get("self")).get("reason").asText()).isEqualTo("cycle");
        assertThat(in.get("n").asInt()).isEqualTo(1);
    }

    @Test
    void aMillionElementFloatArrayIsStoredAsASummaryWithItsHash() throws Exception {
        float[] big = new float[1_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 0.5f;
        }
        RunView run = only(a -> ((float[]) a).length, big);
        assertThat(run.inputsJson().length()).isLessThan(DEFAULT_BUDGET);
        JsonNode summary = marker(StoredRuns.json(run.inputsJson()).get("a"));
        assertThat(summary.get("type").asText()).isEqualTo("float[]");
        assertThat(summary.get("size").asInt()).isEqualTo(1_000_000);
        assertThat(summary.get("prefix").size()).isBetween(1, 64);
        assertThat(summary.get("prefix").get(3).floatValue()).isEqualTo(1.5f);
        ByteBuffer bytes = ByteBuffer.allocate(big.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(big);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        assertThat(summary.get("sha256").asText()).isEqualTo(sha256);
    }

    @Test
    void smallArraysOfArraysAreStoredAsNestedLists() {
        RunView run = only(a -> ((int[][]) a).length, new int[][] {{1, 2}, {3}, {}});
        assertThat(StoredRuns.json(run.inputsJson())).isEqualTo(StoredRuns.json("{\"a\":[[1,2],[3],[]]}"));
    }

    @Test
    void aLargeArrayOfArraysStaysWithinTheBudget() {
        RunView run = only(a -> ((double[][]) a).length, new double[1_000][1_000]);
        assertThat(run.inputsJson().length()).isLessThan(DEFAULT_BUDGET);
        JsonNode in = StoredRuns.json(run.inputsJson()).get("a");
        // the first inner array fits whole; the next ones are summarised until the budget is spent
        assertThat(in.get(0).size()).isEqualTo(1_000);
        assertThat(marker(in.get(1)).get("type").asText()).isEqualTo("double[]");
        assertThat(marker(in.get(1)).get("sha256").asText()).hasSize(64);
        JsonNode last = marker(in.get(in.size() - 1));
        assertThat(last.get("reason").asText()).isEqualTo("budget");
        assertThat(last.get("size").asInt()).isEqualTo(1_000);
    }

    @Test
    void aLongListIsCutAfterABoundedNumberOfElementsWithItsTotalSize() {
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(i);
        }
        RunView run = only(xs -> ((List<?>) xs).size(), many);
        JsonNode in = StoredRuns.json(run.inputsJson()).get("xs");
        assertThat(in.size()).isLessThan(10_000);
        assertThat(in.get(0).asInt()).isZero();
        JsonNode last = marker(in.get(in.size() - 1));
        assertThat(last.get("size").asInt()).isEqualTo(100_000);
        assertThat(last.get("type").asText()).isEqualTo(ArrayList.class.getName());
    }

    @Test
    void aHugeStringIsCutWithAMarkerThatKeepsAPrefix() {
        String huge = "ab".repeat(2_000_000);
        RunView run = only(s -> ((String) s).length(), huge);
        assertThat(run.inputsJson().length()).isLessThan(DEFAULT_BUDGET);
        JsonNode cut = marker(StoredRuns.json(run.inputsJson()).get("s"));
        assertThat(cut.get("reason").asText()).isEqualTo("budget");
        assertThat(cut.get("size").asInt()).isEqualTo(4_000_000);
        assertThat(cut.get("prefix").asText()).startsWith("abab").hasSizeGreaterThan(1_000);
        assertThat(run.outputJson()).isEqualTo("4000000");
    }

    @Test
    void nestingAHundredThousandDeepIsCutAtTheDepthLimit() {
        List<Object> root = new ArrayList<>();
        List<Object> current = root;
        for (int i = 0; i < 100_000; i++) {
            List<Object> next = new ArrayList<>();
            current.add(next);
            current = next;
        }
        RunView run = only(xs -> ((List<?>) xs).size(), root);
        JsonNode node = StoredRuns.json(run.inputsJson()).get("xs");
        int depth = 0;
        while (node.isArray()) {
            node = node.get(0);
            depth++;
        }
        assertThat(depth).isBetween(2, 100);
        assertThat(marker(node).get("reason").asText()).isEqualTo("depth");
    }

    @Test
    void aMapWithANullKeyIsStoredWithTheKeyNull() {
        Map<String, Integer> map = new HashMap<>();
        map.put(null, 1);
        map.put("a", 2);
        RunView run = only(m -> ((Map<?, ?>) m).size(), map);
        assertThat(StoredRuns.json(run.inputsJson())).isEqualTo(StoredRuns.json("{\"m\":{\"null\":1,\"a\":2}}"));
    }

    /** A JPA-style entity: its getters count their calls, and one of them would load lazily and fail. */
    static final class Entity {
        static final AtomicInteger GETTER_CALLS = new AtomicInteger();
        private final String name = "kept";
        private final int count = 3;

        public String getName() {
            GETTER_CALLS.incrementAndGet();
            return name;
        }

        public int getCount() {
            GETTER_CALLS.incrementAndGet();
            return count;
        }

        public List<String> getLazyChildren() {
            GETTER_CALLS.incrementAndGet();
            throw new IllegalStateException("could not initialize proxy - no Session");
        }
    }

    @Test
    void objectsAreReadByTheirFieldsAndTheirGettersAreNeverCalled() {
        Entity.GETTER_CALLS.set(0);
        RunView run = only(e -> "ok", new Entity());
        assertThat(Entity.GETTER_CALLS).hasValue(0);
        assertThat(StoredRuns.json(run.inputsJson()))
                .isEqualTo(StoredRuns.json("{\"e\":{\"name\":\"kept\",\"count\":3}}"));
        assertThat(run.outputJson()).isEqualTo("\"ok\"");
    }

    /** No fields to read; its toString() fails the way a broken one can: with an Error. */
    static final class Exploding {
        @Override
        public String toString() {
            throw new OutOfMemoryError("toString() of a test value");
        }
    }

    @Test
    void aToStringThatThrowsAnErrorLosesNeitherTheResultNorTheRun() {
        try (var bhb = BigHummingbird.local("P", home)) {
            Fn1<Object, String> model = bhb.trace("model", (Object x) -> "returned");
            assertThat(model.apply(new Exploding())).isEqualTo("returned");
            assertThat(model.apply("after")).isEqualTo("returned");
        }
        List<RunView> runs = StoredRuns.runs(home, "P");
        assertThat(runs).hasSize(2);
        JsonNode exploding = runs.stream().map(r -> StoredRuns.json(r.inputsJson()).get("x"))
                .filter(JsonNode::isObject).findFirst().orElseThrow();
        assertThat(exploding.toString()).contains(Exploding.class.getName()).contains("OutOfMemoryError");
    }
}
