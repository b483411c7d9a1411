package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bighummingbird.store.RunView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracingTest {
    @TempDir
    Path home;

    @Test
    void everyCallIsARunWithInputsByNameOutputAndShape() {
        try (var bhb = BigHummingbird.local("Concept Project", home)) {
            var model = bhb.trace("model", (Integer a, Integer b) -> a + b);
            assertThat(model.apply(1, 2)).isEqualTo(3);
            assertThat(model.apply(40, 2)).isEqualTo(42);
            assertThat(((Traced) model).tag()).isEqualTo("model:v1");
            assertThat(((Traced) model).name()).isEqualTo("model");
        }
        List<RunView> runs = StoredRuns.runs(home, "Concept Project");
        assertThat(runs).hasSize(2);
        RunView last = runs.get(0);
        assertThat(StoredRuns.json(last.inputsJson())).isEqualTo(StoredRuns.json("{\"a\":40,\"b\":2}"));
        assertThat(last.outputJson()).isEqualTo("42");
        assertThat(last.outputShapeJson()).isEqualTo("\"Integer\"");
        assertThat(last.modelTag().toString()).isEqualTo("model:v1");
        assertThat(last.latencyNs()).isPositive();
        assertThat(last.thread()).isEqualTo(Thread.currentThread().getName());
        assertThat(last.startedAtMicros()).isGreaterThan(runs.get(1).startedAtMicros() - 1);
        assertThat(last.errorType()).isNull();
    }

    @Test
    void outputShapesNameTheRuntimeTypes() {
        try (var bhb = BigHummingbird.local("P", home)) {
            var model = bhb.trace("shapes", (String q) -> Map.of("answer", q, "scores", List.of(1.0, 2.5)));
            model.apply("hi");
        }
        RunView run = StoredRuns.runs(home, "P").get(0);
        assertThat(StoredRuns.json(run.outputShapeJson()))
                .isEqualTo(StoredRuns.json("{\"answer\":\"String\",\"scores\":[\"Double\"]}"));
    }

    @Test
    void aModelThatThrowsIsRecordedAndTheSameExceptionReachesTheCaller() {
        IllegalStateException thrown = new IllegalStateException("boom");
        try (var bhb = BigHummingbird.local("P", home)) {
            Fn1<Integer, Integer> model = bhb.trace("fails", (Integer x) -> {
                throw thrown;
            });
            assertThatThrownBy(() -> model.apply(1)).isSameAs(thrown);
            Fn0<String> checked = bhb.trace("checked", () -> sneakyIo());
            assertThatThrownBy(checked::apply).isInstanceOf(IOException.class).hasMessage("disk says no");
        }
        List<RunView> runs = StoredRuns.runs(home, "P");
        assertThat(runs).hasSize(2);
        RunView failed = runs.stream().filter(r -> r.modelTag().name().equals("fails")).findFirst().orElseThrow();
        assertThat(failed.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failed.errorMessage()).isEqualTo("boom");
        assertThat(failed.errorStack()).contains("IllegalStateException: boom").contains("TracingTest");
        assertThat(failed.outputJson()).isNull();
        assertThat(failed.inputsJson()).isEqualTo("{\"x\":1}");
    }

    private static String sneakyIo() {
        return TracingTest.<RuntimeException>sneaky(new IOException("disk says no"));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> String sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void nestedTracedCallsFormATree() {
        try (var bhb = BigHummingbird.local("P", home)) {
            var retrieve = bhb.trace("retrieve", (String q) -> q + " docs");
            var rank = bhb.trace("rank", (String docs) -> docs.length());
            var pipeline = bhb.trace("pipeline", (String q) -> rank.apply(retrieve.apply(q)));
            assertThat(pipeline.apply("q")).isEqualTo(6);
            retrieve.apply("alone");
        }
        List<RunView> runs = StoredRuns.runs(home, "P");
        RunView root = byModel(runs, "pipeline").get(0);
        assertThat(root.parentId()).isNull();
        assertThat(root.rootId()).isNull();
        List<RunView> retrieves = byModel(runs, "retrieve");
        RunView inner = retrieves.stream().filter(r -> r.parentId() != null).findFirst().orElseThrow();
        RunView alone = retrieves.stream().filter(r -> r.parentId() == null).findFirst().orElseThrow();
        assertThat(inner.parentId()).isEqualTo(root.id());
        assertThat(inner.rootId()).isEqualTo(root.id());
        assertThat(byModel(runs, "rank").get(0).parentId()).isEqualTo(root.id());
        assertThat(alone.rootId()).isNull();
    }

    private static List<RunView> byModel(List<RunView> runs, String name) {
        return runs.stream().filter(r -> r.modelTag().name().equals(name)).toList();
    }

    @Test
    void inputsAreRecordedAsTheyWereWhenTheCallStarted() {
        List<String> items = new ArrayList<>(List.of("a"));
        try (var bhb = BigHummingbird.local("P", home)) {
            var model = bhb.trace("mutates", (List<String> xs) -> {
                xs.add("added by the model");
                return xs.size();
            });
            model.apply(items);
            items.add("added after the call");
        }
        RunView run = StoredRuns.runs(home, "P").get(0);
        assertThat(StoredRuns.json(run.inputsJson())).isEqualTo(StoredRuns.json("{\"xs\":[\"a\"]}"));
        assertThat(run.outputJson()).isEqualTo("2");
    }

    /** Jackson could not write it: it has no properties and refers to itself. */
    static final class Opaque {
        final Opaque self = this;

        @Override
        public String toString() {
            return "Opaque#1";
        }
    }

    static final class Hostile {
        @Override
        public String toString() {
            throw new UnsupportedOperationException("no");
        }
    }

    @Test
    void valuesJacksonCannotWriteAreRecordedAsTypeAndText() {
        try (var bhb = BigHummingbird.local("P", home)) {
            var model = bhb.trace("opaque", (Opaque in) -> new Hostile());
            assertThat(model.apply(new Opaque())).isInstanceOf(Hostile.class);
            var threads = bhb.trace("threads", (Thread t) -> t);
            threads.apply(Thread.currentThread());
        }
        RunView opaque = byModel(StoredRuns.runs(home, "P"), "opaque").get(0);
        // read by its fields (no Jackson over user types any more): the field that refers back is a cycle
        JsonNode input = StoredRuns.json(opaque.inputsJson()).get("in");
        assertThat(input.at("/self/$truncated/type").asText()).isEqualTo(Opaque.class.getName());
        assertThat(input.at("/self/$truncated/reason").asText()).isEqualTo("cycle");
        JsonNode output = StoredRuns.json(opaque.outputJson());
        assertThat(output.get("$type").asText()).isEqualTo(Hostile.class.getName());
        assertThat(output.get("$toString").asText()).contains("toString() threw");
        assertThat(byModel(StoredRuns.runs(home, "P"), "threads")).hasSize(1);
    }

    @Test
    void runsFromManyThreadsAreAllStored() throws InterruptedException {
        int threads = 8;
        int calls = 2_000;
        try (var bhb = BigHummingbird.local("P", home)) {
            var model = bhb.trace("square", (Integer x) -> x * x);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    for (int i = 0; i < calls; i++) {
                        model.apply(i);
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread w : workers) {
                w.join();
            }
        }
        List<RunView> runs = StoredRuns.runs(home, "P");
        assertThat(runs).hasSize(threads * calls);
        assertThat(runs.stream().map(RunView::id).distinct().count()).isEqualTo((long) threads * calls);
        assertThat(runs.stream().max(Comparator.comparing(RunView::startedAtMicros))).isPresent();
    }

    @Test
    void identicalCodeUnderTwoNamesIsTwoModelsWithTheirOwnRuns() {
        try (var bhb = BigHummingbird.local("P", home)) {
            var first = bhb.trace("first", (Integer a) -> a + 1);
            var second = bhb.trace("second", (Integer a) -> a + 1);
            first.apply(1);
            second.apply(2);
            assertThat(((Traced) first).tag()).isEqualTo("first:v1");
            assertThat(((Traced) second).tag()).isEqualTo("second:v1");
        }
        assertThat(StoredRuns.runs(home, "P")).extracting(r -> r.modelTag().toString())
                .containsExactlyInAnyOrder("first:v1", "second:v1");
    }

    record Node(String label, Node next) {}

    @Test
    void aRecordTypeThatContainsItselfIsRecorded() {
        try (var bhb = BigHummingbird.local("P", home)) {
            var model = bhb.trace("chain", (Node n) -> n.next().label());
            assertThat(model.apply(new Node("a", new Node("b", null)))).isEqualTo("b");
        }
        RunView run = StoredRuns.runs(home, "P").get(0);
        assertThat(StoredRuns.json(run.inputsJson()).at("/n/next/label").asText()).isEqualTo("b");
        assertThat(run.outputJson()).isEqualTo("\"b\"");
    }
}
