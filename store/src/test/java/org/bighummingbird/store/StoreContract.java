package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.RunIds;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.core.VersionRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, run against SQLite and PostgreSQL alike. Subclasses say how to open
 * a fresh store, and a second independent connection to the same one.
 */
abstract class StoreContract {
    Store store;
    ProjectRef project;

    /** A new, empty store. */
    abstract Store openFresh() throws Exception;

    /** Another connection to the store {@link #openFresh()} made. */
    abstract Store openAgain() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        project = store.project(Store.DEFAULT_WORKSPACE, "Concept Project");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static VersionRegistration reg(String model, String code) {
        return new VersionRegistration(model, Hashing.sha256Hex(code), Hashing.sha256Hex("fp" + code),
                "{\"parameters\":[],\"returns\":\"java.lang.Integer\"}", "// " + code, "source", "{}");
    }

    static RunRecord run(String model, String code, String inputs) {
        return new RunRecord(RunIds.next().toString(), model, Hashing.sha256Hex(code), null, null,
                System.currentTimeMillis() * 1000, 1234, "main", inputs, "3", "\"Integer\"", null, null, null);
    }

    @Test
    void projectsAreFoundOrCreatedByName() {
        assertThat(store.project(Store.DEFAULT_WORKSPACE, "Concept Project")).isEqualTo(project);
        assertThat(store.findProject(Store.DEFAULT_WORKSPACE, "Concept Project")).contains(project);
        assertThat(store.findProject(Store.DEFAULT_WORKSPACE, "Other")).isEmpty();
        ProjectRef other = store.project("team-b", "Concept Project");
        assertThat(other.id()).isNotEqualTo(project.id());
    }

    @Test
    void newKeyGetsNextVersionAndKnownKeyItsOldTag() {
        RegisteredVersion v1 = store.register(project, reg("model", "a + b"));
        RegisteredVersion v2 = store.register(project, reg("model", "a - b"));
        RegisteredVersion again = store.register(project, reg("model", "a + b"));
        assertThat(v1.tag()).isEqualTo(new Tag("model", 1));
        assertThat(v1.existed()).isFalse();
        assertThat(v2.tag()).isEqualTo(new Tag("model", 2));
        assertThat(again.tag()).isEqualTo(new Tag("model", 1));
        assertThat(again.existed()).isTrue();
        assertThat(again.id()).isEqualTo(v1.id());
    }

    @Test
    void otherNamesAndProjectsCountFromOne() {
        store.register(project, reg("model", "a + b"));
        store.register(project, reg("model", "a - b"));
        assertThat(store.register(project, reg("other", "a + b")).tag()).isEqualTo(new Tag("other", 1));
        ProjectRef second = store.project(Store.DEFAULT_WORKSPACE, "Second Project");
        assertThat(store.register(second, reg("model", "a - b")).tag()).isEqualTo(new Tag("model", 1));
    }

    @Test
    void unicodeNamesRoundTrip() {
        ProjectRef p = store.project(Store.DEFAULT_WORKSPACE, "Проект 模型 ü");
        assertThat(store.register(p, reg("模型-ä.1", "x")).tag().toString()).isEqualTo("模型-ä.1:v1");
        assertThat(store.versions(p)).extracting(v -> v.tag().name()).containsExactly("模型-ä.1");
    }

    @Test
    void concurrentWritersOfOneNewKeyCreateOneVersion() throws Exception {
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stores.add(openAgain());
        }
        try {
            CyclicBarrier start = new CyclicBarrier(stores.size());
            List<Callable<Tag>> same = new ArrayList<>();
            for (Store s : stores) {
                same.add(() -> {
                    ProjectRef p = s.project(Store.DEFAULT_WORKSPACE, "Race");
                    start.await();
                    return s.register(p, reg("model", "same code")).tag();
                });
            }
            assertThat(runAll(same)).containsOnly(new Tag("model", 1));

            CyclicBarrier again = new CyclicBarrier(stores.size());
            List<Callable<Tag>> distinct = new ArrayList<>();
            for (int i = 0; i < stores.size(); i++) {
                Store s = stores.get(i);
                String code = "code " + i;
                distinct.add(() -> {
                    ProjectRef p = s.project(Store.DEFAULT_WORKSPACE, "Race");
                    again.await();
                    return s.register(p, reg("model", code)).tag();
                });
            }
            Set<Integer> versions = new TreeSet<>();
            runAll(distinct).forEach(t -> versions.add(t.version()));
            assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(2, 9).boxed().toList());
        } finally {
            stores.forEach(Store::close);
        }
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runsAreStoredOnceWhateverTheRetries() {
        store.register(project, reg("model", "a + b"));
        List<RunRecord> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(run("model", "a + b", "{\"a\":" + i + ",\"b\":2}"));
        }
        assertThat(store.insertRuns(project, batch)).isEqualTo(500);
        assertThat(store.insertRuns(project, batch)).isZero();
        assertThat(store.insertRuns(project, batch.subList(0, 10))).isZero();
        assertThat(store.countRuns(project)).isEqualTo(500);
    }

    @Test
    void aLargeBatchWithRepeatsStoresEachIdOnce() {
        store.register(project, reg("model", "a + b"));
        List<RunRecord> first = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            first.add(run("model", "a + b", "{\"i\":" + i + "}"));
        }
        assertThat(store.insertRuns(project, first)).isEqualTo(1_500);
        // 2,500 runs across statement chunks: 1,000 stored already, 500 repeated within the call.
        List<RunRecord> second = new ArrayList<>(first.subList(500, 1_500));
        for (int i = 0; i < 1_000; i++) {
            second.add(run("model", "a + b", "{\"j\":" + i + "}"));
        }
        second.addAll(second.subList(1_000, 1_500));
        assertThat(second).hasSize(2_500);
        assertThat(store.insertRuns(project, second)).isEqualTo(1_000);
        assertThat(store.countRuns(project)).isEqualTo(2_500);
    }

    @Test
    void aBatchNamingAnUnknownVersionStoresNothing() {
        store.register(project, reg("model", "a + b"));
        List<RunRecord> batch = List.of(run("model", "a + b", "{}"), run("model", "never registered", "{}"));
        assertThatThrownBy(() -> store.insertRuns(project, batch))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("never registered");
        assertThat(store.countRuns(project)).isZero();
    }

    @Test
    void hostileValuesAreStoredVerbatim() {
        store.register(project, reg("model", "a + b"));
        String inputs = "{\"q\":\"x'); DROP TABLE runs; -- <script>alert(1)</script> \\u0000 \\n ü 🐦\"}";
        RunRecord r = run("model", "a + b", inputs);
        store.insertRuns(project, List.of(r));
        RunView back = store.runs(project, new RunQuery(null, 1)).get(0);
        assertThat(back.inputsJson()).isEqualTo(inputs);
        assertThat(back.id()).isEqualTo(r.id());
    }

    @Test
    void runsAreFilteredByTagAndLatestAndLimited() throws InterruptedException {
        store.register(project, reg("model", "v1"));
        store.register(project, reg("model", "v2"));
        for (int i = 0; i < 5; i++) {
            store.insertRuns(project, List.of(run("model", "v1", "{\"i\":" + i + "}")));
        }
        store.insertRuns(project, List.of(run("model", "v2", "{\"i\":99}")));
        assertThat(store.runs(project, new RunQuery(TagReference.parse("model:v1"), 100))).hasSize(5)
                .allMatch(r -> r.modelTag().equals(new Tag("model", 1)));
        assertThat(store.runs(project, new RunQuery(TagReference.parse("model:latest"), 100)))
                .extracting(RunView::inputsJson).containsExactly("{\"i\":99}");
        assertThat(store.runs(project, new RunQuery(null, 3))).hasSize(3);
        assertThat(store.runs(project, new RunQuery(TagReference.parse("model:v7"), 3))).isEmpty();
    }

    @Test
    void versionDetailCountsOutputShapes() {
        store.register(project, reg("model", "a + b"));
        RunRecord a = run("model", "a + b", "{}");
        RunRecord b = run("model", "a + b", "{}");
        RunRecord c = new RunRecord(RunIds.next().toString(), "model", Hashing.sha256Hex("a + b"), null, null, 1, 1,
                "t", "{}", "{\"answer\":\"x\"}", "{\"answer\":\"String\"}", null, null, null);
        store.insertRuns(project, List.of(a, b, c));
        ModelVersionDetail d = store.version(project, TagReference.parse("model:latest")).orElseThrow();
        assertThat(d.info().runCount()).isEqualTo(3);
        assertThat(d.code()).isEqualTo("// a + b");
        assertThat(d.outputShapes()).containsExactly(new ModelVersionDetail.ShapeCount("\"Integer\"", 2),
                new ModelVersionDetail.ShapeCount("{\"answer\":\"String\"}", 1));
        assertThat(store.version(project, TagReference.parse("model:v2"))).isEmpty();
    }

    @Test
    void errorRunsKeepTheirException() {
        store.register(project, reg("model", "a + b"));
        RunRecord failed = new RunRecord(RunIds.next().toString(), "model", Hashing.sha256Hex("a + b"), null, null, 1,
                1, "t", "{}", null, null, "java.lang.ArithmeticException", "/ by zero", "stack\n\tat x");
        store.insertRuns(project, List.of(failed));
        RunView back = store.runs(project, new RunQuery(null, 1)).get(0);
        assertThat(back.errorType()).isEqualTo("java.lang.ArithmeticException");
        assertThat(back.errorMessage()).isEqualTo("/ by zero");
        assertThat(back.outputJson()).isNull();
    }
}
