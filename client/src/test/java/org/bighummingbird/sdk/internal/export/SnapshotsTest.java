package org.bighummingbird.sdk.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bighummingbird.core.RunRecord;
import org.junit.jupiter.api.Test;

/** What the calling thread keeps of a value, and the JSON the exporter writes of it. */
class SnapshotsTest {
    private static RunRecord record(Object snapshot) {
        return RunSerializer.toRecord(new RunEvent(new ModelIdentity("m", "k", List.of("x")), UUID.randomUUID(), null,
                null, 0, 1, "t", new Object[0], snapshot, null));
    }

    private static JsonNode written(Object value) throws Exception {
        return Json.READER.readTree(record(Snapshots.of(value)).outputJson());
    }

    @Test
    void jdkValuesAreWrittenAsJacksonWritesThem() throws Exception {
        List<Object> values = List.of(Path.of("/tmp/a b"), new Date(1_700_000_000_000L), URI.create("http://x/y?z"),
                new AtomicInteger(5), LocalDate.of(2026, 12, 3), Duration.ofSeconds(90), Optional.of(List.of(1, 2)),
                new StringBuilder("built"), Map.of("k", new int[] {1, 2}), new boolean[] {true},
                new String[] {"s", null}, Thread.State.RUNNABLE, 'c', 1.5f);
        for (Object value : values) {
            // as the exporter wrote them before: Jackson's tree of the value, as text
            assertThat(record(Snapshots.of(value)).outputJson()).as("%s", value)
                    .isEqualTo(Json.WRITER.writeValueAsString(Json.tree(value)));
        }
        // arrays of chars and bytes are lists of their elements, as they always were (not Jackson's string)
        assertThat(record(Snapshots.of(new char[] {'a', 'b'})).outputJson()).isEqualTo("[\"a\",\"b\"]");
        assertThat(record(Snapshots.of(new byte[] {1, -2})).outputJson()).isEqualTo("[1,-2]");
    }

    /** A record whose accessor is user code that must not run. */
    record Guarded(int x, List<String> tags) {
        @Override
        public int x() {
            throw new IllegalStateException("an accessor ran");
        }
    }

    @Test
    void recordsAreReadByTheirFieldsAndTheirShapeIsTheirName() throws Exception {
        Object snapshot = Snapshots.of(new Guarded(1, new ArrayList<>(List.of("a"))));
        assertThat(Json.READER.readTree(record(snapshot).outputJson()))
                .isEqualTo(Json.READER.readTree("{\"x\":1,\"tags\":[\"a\"]}"));
        assertThat(record(snapshot).outputShapeJson()).isEqualTo("\"Guarded\"");
    }

    static final class Pojo {
        private final String name = "n";
        private final double[] scores = {1.0, 2.0};
        private transient String cache = "not recorded";
    }

    @Test
    void objectsAreTheirFieldsAndTheirShapeTheFieldsShapes() throws Exception {
        RunRecord run = record(Snapshots.of(new Pojo()));
        assertThat(Json.READER.readTree(run.outputJson()))
                .isEqualTo(Json.READER.readTree("{\"name\":\"n\",\"scores\":[1.0,2.0]}"));
        assertThat(run.outputShapeJson()).isEqualTo("{\"name\":\"String\",\"scores\":[\"Double\"]}");
    }

    /** No fields; counts the calls of its toString(). */
    static final class Stateless {
        static final AtomicInteger TO_STRING_CALLS = new AtomicInteger();

        @Override
        public String toString() {
            TO_STRING_CALLS.incrementAndGet();
            return "stateless";
        }
    }

    @Test
    void anObjectWithoutFieldsIsDescribedByToStringWhenTheRunIsWrittenNotBefore() throws Exception {
        Stateless.TO_STRING_CALLS.set(0);
        Object snapshot = Snapshots.of(new Stateless());
        assertThat(Stateless.TO_STRING_CALLS).hasValue(0);
        JsonNode out = Json.READER.readTree(record(snapshot).outputJson());
        assertThat(out.get("$type").asText()).isEqualTo(Stateless.class.getName());
        assertThat(out.get("$toString").asText()).isEqualTo("stateless");
        assertThat(Stateless.TO_STRING_CALLS).hasValue(1);
    }

    @Test
    void jsonTreesAreCopiedAndATreeThatContainsItselfIsCutAtTheCycle() throws Exception {
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("a", 1).put("b", 2L).put("c", 1.5);
        tree.putArray("d").add("e");
        RunRecord run = record(Snapshots.of(tree));
        assertThat(run.outputJson()).isEqualTo(tree.toString());
        assertThat(run.outputShapeJson())
                .isEqualTo("{\"a\":\"Integer\",\"b\":\"Long\",\"c\":\"Double\",\"d\":[\"String\"]}");
        tree.set("self", tree);
        JsonNode cyclic = Json.READER.readTree(record(Snapshots.of(tree)).outputJson());
        assertThat(cyclic.at("/self/$truncated/reason").asText()).isEqualTo("cycle");
    }

    @Test
    void aSummarisedArrayKeepsThePrefixAsItWasAtTheCall() throws Exception {
        long[] big = new long[5_000];
        big[0] = 42;
        Object snapshot = Snapshots.of(big);
        big[0] = -1;
        JsonNode summary = Json.READER.readTree(record(snapshot).outputJson()).get("$truncated");
        assertThat(summary.get("type").asText()).isEqualTo("long[]");
        assertThat(summary.get("reason").asText()).isEqualTo("size");
        assertThat(summary.get("prefix").get(0).asLong()).isEqualTo(42);
        assertThat(summary.get("prefix").size()).isEqualTo(ArraySnapshot.PREFIX);
        assertThat(record(snapshot).outputShapeJson()).isEqualTo("[\"Long\"]");
    }

    @Test
    void mapKeysAreWrittenAsJacksonWritesThemAndNullAsNull() throws Exception {
        java.util.HashMap<Object, Object> map = new java.util.HashMap<>();
        map.put(null, 0);
        map.put(1, "one");
        map.put(Thread.State.NEW, true);
        assertThat(written(map)).isEqualTo(Json.READER.readTree("{\"null\":0,\"1\":\"one\",\"NEW\":true}"));
    }
}
