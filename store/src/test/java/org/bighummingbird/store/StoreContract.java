package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.InvalidName;
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

    /** The JDBC URL of the store {@link #openFresh()} made, for reading its tables directly. */
    abstract String url();

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Concept Project");
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
    void runAttributesAreStoredOnceAndFilterableByKeyAndValue() {
        store.models().register(project, reg("model", "a + b"));
        RunRecord cheap = run("model", "a + b", "{}").withAttributes(
                "{\"gen_ai.usage.input_tokens\":12,\"user\":\"ada\",\"nested\":{\"a\":1}}");
        RunRecord dear = run("model", "a + b", "{}").withAttributes("{\"gen_ai.usage.input_tokens\":900}");
        RunRecord plain = run("model", "a + b", "{}");
        assertThat(store.runs().insert(project, List.of(cheap, dear, plain))).isEqualTo(3);
        // re-sent: nothing new, in runs nor in the attribute index
        assertThat(store.runs().insert(project, List.of(cheap, dear))).isZero();

        assertThat(store.runs().page(project, RunQuery.newest(10).withAttribute("gen_ai.usage.input_tokens", "12"),
                null).runs()).extracting(RunView::id).containsExactly(cheap.id());
        assertThat(store.runs().page(project, RunQuery.newest(10).withAttribute("gen_ai.usage.input_tokens", "12")
                .withAttribute("user", "ada"), null).runs()).extracting(RunView::id).containsExactly(cheap.id());
        assertThat(store.runs().page(project, RunQuery.newest(10).withAttribute("user", "bob"), null).runs()).isEmpty();
        assertThat(store.runs().page(project, RunQuery.newest(10).withAttribute("nested", "{\"a\":1}"), null)
                .runs()).as("objects are not indexed").isEmpty();
        List<RunView> all = store.runs().page(project, RunQuery.newest(10), null).runs();
        assertThat(all).filteredOn(r -> r.id().equals(cheap.id())).singleElement()
                .extracting(RunView::attributesJson).isEqualTo(cheap.attributesJson());
        assertThat(all).filteredOn(r -> r.id().equals(plain.id())).singleElement()
                .extracting(RunView::attributesJson).isNull();
        ProjectRef other = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Other Project");
        assertThat(store.runs().page(other, RunQuery.newest(10).withAttribute("user", "ada"), null).runs()).isEmpty();
    }

    @Test
    void projectsAreFoundOrCreatedByName() {
        assertThat(store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Concept Project")).isEqualTo(project);
        assertThat(store.projects().find(Store.DEFAULT_WORKSPACE, "Concept Project")).contains(project);
        assertThat(store.projects().find(Store.DEFAULT_WORKSPACE, "Other")).isEmpty();
        ProjectRef other = store.projects().findOrCreate("team-b", "Concept Project");
        assertThat(other.id()).isNotEqualTo(project.id());
    }

    @Test
    void newKeyGetsNextVersionAndKnownKeyItsOldTag() {
        RegisteredVersion v1 = store.models().register(project, reg("model", "a + b"));
        RegisteredVersion v2 = store.models().register(project, reg("model", "a - b"));
        RegisteredVersion again = store.models().register(project, reg("model", "a + b"));
        assertThat(v1.tag()).isEqualTo(new Tag("model", 1));
        assertThat(v1.existed()).isFalse();
        assertThat(v2.tag()).isEqualTo(new Tag("model", 2));
        assertThat(again.tag()).isEqualTo(new Tag("model", 1));
        assertThat(again.existed()).isTrue();
        assertThat(again.id()).isEqualTo(v1.id());
    }

    @Test
    void otherNamesAndProjectsCountFromOne() {
        store.models().register(project, reg("model", "a + b"));
        store.models().register(project, reg("model", "a - b"));
        assertThat(store.models().register(project, reg("other", "a + b")).tag()).isEqualTo(new Tag("other", 1));
        ProjectRef second = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Second Project");
        assertThat(store.models().register(second, reg("model", "a - b")).tag()).isEqualTo(new Tag("model", 1));
    }

    @Test
    void unicodeNamesRoundTrip() {
        ProjectRef p = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Проект 模型 ü");
        assertThat(store.models().register(p, reg("模型-ä.1", "x")).tag().toString()).isEqualTo("模型-ä.1:v1");
        assertThat(store.models().list(p)).extracting(v -> v.tag().name()).containsExactly("模型-ä.1");
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
                    ProjectRef p = s.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Race");
                    start.await();
                    return s.models().register(p, reg("model", "same code")).tag();
                });
            }
            assertThat(runAll(same)).containsOnly(new Tag("model", 1));

            CyclicBarrier again = new CyclicBarrier(stores.size());
            List<Callable<Tag>> distinct = new ArrayList<>();
            for (int i = 0; i < stores.size(); i++) {
                Store s = stores.get(i);
                String code = "code " + i;
                distinct.add(() -> {
                    ProjectRef p = s.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Race");
                    again.await();
                    return s.models().register(p, reg("model", code)).tag();
                });
            }
            Set<Integer> versions = new TreeSet<>();
            runAll(distinct).forEach(t -> versions.add(t.version()));
            assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(2, 9).boxed().toList());
        } finally {
            stores.forEach(Store::close);
        }
    }

    static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
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
        store.models().register(project, reg("model", "a + b"));
        List<RunRecord> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(run("model", "a + b", "{\"a\":" + i + ",\"b\":2}"));
        }
        assertThat(store.runs().insert(project, batch)).isEqualTo(500);
        assertThat(store.runs().insert(project, batch)).isZero();
        assertThat(store.runs().insert(project, batch.subList(0, 10))).isZero();
        assertThat(store.runs().count(project)).isEqualTo(500);
    }

    @Test
    void aLargeBatchWithRepeatsStoresEachIdOnce() {
        store.models().register(project, reg("model", "a + b"));
        List<RunRecord> first = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            first.add(run("model", "a + b", "{\"i\":" + i + "}"));
        }
        assertThat(store.runs().insert(project, first)).isEqualTo(1_500);
        // 2,500 runs across statement chunks: 1,000 stored already, 500 repeated within the call.
        List<RunRecord> second = new ArrayList<>(first.subList(500, 1_500));
        for (int i = 0; i < 1_000; i++) {
            second.add(run("model", "a + b", "{\"j\":" + i + "}"));
        }
        second.addAll(second.subList(1_000, 1_500));
        assertThat(second).hasSize(2_500);
        assertThat(store.runs().insert(project, second)).isEqualTo(1_000);
        assertThat(store.runs().count(project)).isEqualTo(2_500);
    }

    @Test
    void aBatchNamingAnUnknownVersionStoresNothing() {
        store.models().register(project, reg("model", "a + b"));
        List<RunRecord> batch = List.of(run("model", "a + b", "{}"), run("model", "never registered", "{}"));
        assertThatThrownBy(() -> store.runs().insert(project, batch))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("never registered");
        assertThat(store.runs().count(project)).isZero();
    }

    @Test
    void hostileValuesAreStoredVerbatim() {
        store.models().register(project, reg("model", "a + b"));
        String inputs = "{\"q\":\"x'); DROP TABLE runs; -- <script>alert(1)</script> \\u0000 \\n ü 🐦\"}";
        RunRecord r = run("model", "a + b", inputs);
        store.runs().insert(project, List.of(r));
        RunView back = store.runs().list(project, new RunQuery(null, 1)).get(0);
        assertThat(back.inputsJson()).isEqualTo(inputs);
        assertThat(back.id()).isEqualTo(r.id());
    }

    @Test
    void theSameBatchTwiceStoresEachRunOnceAndCountsNothingNew() {
        store.models().register(project, reg("model", "a + b"));
        List<RunRecord> batch = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            batch.add(run("model", "a + b", "{\"i\":" + i + ",\"pad\":\"" + "x".repeat(300) + "\"}"));
        }
        assertThat(store.runs().insert(project, batch)).isEqualTo(2_345);
        assertThat(store.runs().insert(project, batch)).isZero();
        assertThat(allPages(RunQuery.newest(1_000))).extracting(RunView::id)
                .containsExactlyInAnyOrderElementsOf(batch.stream().map(RunRecord::id).toList());
    }

    @Test
    void aRunIdAnotherWorkspaceSentFirstDoesNotHideThisProjectsRun() {
        ProjectRef other = store.projects().findOrCreate("another-team", "Concept Project");
        store.models().register(project, reg("model", "a + b"));
        store.models().register(other, reg("model", "a + b"));
        RunRecord theirs = run("model", "a + b", "{\"theirs\":1}");
        RunRecord ours = new RunRecord(theirs.id(), "model", theirs.versionKey(), null, null, theirs.startedAtMicros(),
                1, "main", "{\"ours\":1}", "3", "\"Integer\"", null, null, null);
        assertThat(store.runs().insert(other, List.of(theirs))).isEqualTo(1);
        assertThat(store.runs().insert(project, List.of(ours))).isEqualTo(1);
        assertThat(store.runs().list(project, RunQuery.newest(10))).extracting(RunView::inputsJson).containsExactly("{\"ours\":1}");
        assertThat(store.runs().list(other, RunQuery.newest(10))).extracting(RunView::inputsJson)
                .containsExactly("{\"theirs\":1}");
    }

    @Test
    void aBatchMixingStoredAndNewRunsCountsOnlyTheNewOnes() {
        store.models().register(project, reg("model", "a + b"));
        List<RunRecord> old = List.of(run("model", "a + b", "{}"), run("model", "a + b", "{}"),
                run("model", "a + b", "{}"));
        store.runs().insert(project, old);
        RunRecord fresh = run("model", "a + b", "{\"new\":1}");
        List<RunRecord> mixed = List.of(old.get(0), fresh, old.get(1), run("model", "a + b", "{\"new\":2}"), fresh,
                old.get(2));
        assertThat(store.runs().insert(project, mixed)).isEqualTo(2);
        assertThat(store.runs().count(project)).isEqualTo(5);
    }

    @Test
    void anEmptyBatchStoresNothing() {
        store.models().register(project, reg("model", "a + b"));
        assertThat(store.runs().insert(project, List.of())).isZero();
        assertThat(store.runs().count(project)).isZero();
    }

    @Test
    void anUnknownVersionAfterManyGoodRunsStoresNoneOfTheBatch() {
        store.models().register(project, reg("model", "a + b"));
        List<RunRecord> batch = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            batch.add(run("model", "a + b", "{\"i\":" + i + "}"));
        }
        batch.add(run("other model", "a + b", "{}"));
        assertThatThrownBy(() -> store.runs().insert(project, batch))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("other model");
        assertThat(store.runs().count(project)).isZero();
    }

    /** Text that a COPY stream, a CSV file or a careless escaper would get wrong. */
    static final List<String> HOSTILE_TEXT = List.of("", " ", "\\N", "\\", "a\\b\\\\c", "\t", "tab\there", "\n",
            "line\nbreak\r\nand cr\r", "x\n\\.\ny", "\\.", "\"", "'", "a,b", "\"a\",\"b\"", "1\t2\\t3\\\\N",
            "\u0001\u001f\u007f\b\f", "Проект 模型 ü مرحبا", "🐦🏳️‍🌈 e\u0301", "\uFEFFbom \u2028 \u2029",
            "\u00ff\u0100\uffff", "a\tb\\c\nd\re\"f,g'".repeat(120_000), "x".repeat(1 << 20));

    @Test
    void hostileTextInEveryColumnComesBackVerbatim() {
        store.models().register(project, reg("model", "a + b"));
        List<RunRecord> batch = new ArrayList<>();
        for (String text : HOSTILE_TEXT) {
            String shortText = text.length() <= 36 ? text : null;
            batch.add(new RunRecord(RunIds.next().toString(), "model", Hashing.sha256Hex("a + b"), shortText, shortText,
                    1, 2, text, text, text, text, text, text, text));
        }
        assertThat(store.runs().insert(project, batch)).isEqualTo(HOSTILE_TEXT.size());
        List<RunView> back = allPages(RunQuery.newest(100));
        assertThat(back).hasSize(HOSTILE_TEXT.size());
        for (RunRecord sent : batch) {
            RunView got = back.stream().filter(v -> v.id().equals(sent.id())).findFirst().orElseThrow();
            String text = sent.thread();
            String what = text.length() > 40 ? text.length() + " chars starting " + text.substring(0, 40) : text;
            assertThat(List.of(got.thread(), got.inputsJson(), got.outputJson(), got.outputShapeJson(), got.errorType(),
                    got.errorMessage(), got.errorStack())).as(what).containsOnly(text);
            assertThat(got.parentId()).as(what).isEqualTo(sent.parentId());
            assertThat(got.rootId()).as(what).isEqualTo(sent.rootId());
        }
    }

    @Test
    void nullsStayNullAndEmptyStringsStayEmpty() {
        store.models().register(project, reg("model", "a + b"));
        RunRecord nulls = new RunRecord(RunIds.next().toString(), "model", Hashing.sha256Hex("a + b"), null, null, 1,
                2, "", "", null, null, null, null, null);
        RunRecord empties = new RunRecord(RunIds.next().toString(), "model", Hashing.sha256Hex("a + b"), "", "", 2, 2,
                "", "", "", "", "", "", "");
        store.runs().insert(project, List.of(nulls, empties));
        List<RunView> back = store.runs().list(project, RunQuery.newest(2));
        assertThat(back.get(1)).extracting(RunView::parentId, RunView::rootId, RunView::outputJson,
                RunView::outputShapeJson, RunView::errorType, RunView::errorMessage, RunView::errorStack)
                .containsOnlyNulls();
        assertThat(back.get(0)).extracting(RunView::parentId, RunView::rootId, RunView::thread, RunView::inputsJson,
                RunView::outputJson, RunView::outputShapeJson, RunView::errorType, RunView::errorMessage,
                RunView::errorStack).containsOnly("");
    }

    @Test
    void aRawNulCharacterIsStoredAsTheReplacementCharacterOnEveryDatabase() {
        store.models().register(project, reg("model", "a + b"));
        String nul = "worker\u0000thread \u0000";
        String stored = "worker\uFFFDthread \uFFFD";
        RunRecord r = new RunRecord(RunIds.next().toString(), "model", Hashing.sha256Hex("a + b"), null, null, 1, 2,
                nul, "{\"q\":\"" + nul + "\"}", nul, nul, nul, nul, nul);
        List<RunRecord> batch = new ArrayList<>(List.of(r));
        for (int i = 0; i < 1_200; i++) {
            batch.add(run("model", "a + b", "{\"i\":" + i + "}"));
        }
        assertThat(store.runs().insert(project, batch)).isEqualTo(1_201);
        RunView back = allPages(RunQuery.newest(1_000)).stream().filter(v -> v.id().equals(r.id())).findFirst()
                .orElseThrow();
        assertThat(List.of(back.thread(), back.outputJson(), back.outputShapeJson(), back.errorType(),
                back.errorMessage(), back.errorStack())).containsOnly(stored);
        assertThat(back.inputsJson()).isEqualTo("{\"q\":\"" + stored + "\"}");
        assertThat(store.runs().insert(project, batch)).isZero();
    }

    @Test
    void runsAreFilteredByTagAndLatestAndLimited() throws InterruptedException {
        store.models().register(project, reg("model", "v1"));
        store.models().register(project, reg("model", "v2"));
        for (int i = 0; i < 5; i++) {
            store.runs().insert(project, List.of(run("model", "v1", "{\"i\":" + i + "}")));
        }
        store.runs().insert(project, List.of(run("model", "v2", "{\"i\":99}")));
        assertThat(store.runs().list(project, new RunQuery(TagReference.parse("model:v1"), 100))).hasSize(5)
                .allMatch(r -> r.modelTag().equals(new Tag("model", 1)));
        assertThat(store.runs().list(project, new RunQuery(TagReference.parse("model:latest"), 100)))
                .extracting(RunView::inputsJson).containsExactly("{\"i\":99}");
        assertThat(store.runs().list(project, new RunQuery(null, 3))).hasSize(3);
        assertThat(store.runs().list(project, new RunQuery(TagReference.parse("model:v7"), 3))).isEmpty();
    }

    @Test
    void versionDetailCountsOutputShapes() {
        store.models().register(project, reg("model", "a + b"));
        RunRecord a = run("model", "a + b", "{}");
        RunRecord b = run("model", "a + b", "{}");
        RunRecord c = new RunRecord(RunIds.next().toString(), "model", Hashing.sha256Hex("a + b"), null, null, 1, 1,
                "t", "{}", "{\"answer\":\"x\"}", "{\"answer\":\"String\"}", null, null, null);
        store.runs().insert(project, List.of(a, b, c));
        ModelVersionDetail d = store.models().find(project, TagReference.parse("model:latest")).orElseThrow();
        assertThat(d.runCount()).isEqualTo(3);
        assertThat(d.code()).isEqualTo("// a + b");
        assertThat(d.outputShapes()).containsExactly(new ModelVersionDetail.ShapeCount("\"Integer\"", 2),
                new ModelVersionDetail.ShapeCount("{\"answer\":\"String\"}", 1));
        assertThat(store.models().find(project, TagReference.parse("model:v2"))).isEmpty();
    }

    @Test
    void errorRunsKeepTheirException() {
        store.models().register(project, reg("model", "a + b"));
        RunRecord failed = new RunRecord(RunIds.next().toString(), "model", Hashing.sha256Hex("a + b"), null, null, 1,
                1, "t", "{}", null, null, "java.lang.ArithmeticException", "/ by zero", "stack\n\tat x");
        store.runs().insert(project, List.of(failed));
        RunView back = store.runs().list(project, new RunQuery(null, 1)).get(0);
        assertThat(back.errorType()).isEqualTo("java.lang.ArithmeticException");
        assertThat(back.errorMessage()).isEqualTo("/ by zero");
        assertThat(back.outputJson()).isNull();
    }

    static RunRecord runAt(String model, String code, long startedAtMicros, boolean failed) {
        return new RunRecord(RunIds.next().toString(), model, Hashing.sha256Hex(code), null, null, startedAtMicros,
                1, "t", "{}", failed ? null : "1", null, failed ? "java.lang.IllegalStateException" : null,
                failed ? "boom" : null, failed ? "stack" : null);
    }

    /** Every page of a query, following nextCursor to the end. */
    List<RunView> allPages(RunQuery query) {
        List<RunView> out = new ArrayList<>();
        String cursor = null;
        do {
            RunPage page = store.runs().page(project, query, cursor);
            assertThat(page.runs()).hasSizeLessThanOrEqualTo(query.limit());
            out.addAll(page.runs());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    static void assertNewestFirst(List<RunView> runs) {
        assertThat(runs).isSortedAccordingTo(Comparator.comparingLong(RunView::startedAtMicros).reversed());
        assertThat(new HashSet<>(runs.stream().map(RunView::id).toList())).hasSameSizeAs(runs);
    }

    @Test
    void pagingVisitsEveryRunOnceInOrderIncludingRunsSharingAStartTime() {
        store.models().register(project, reg("model", "a + b"));
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            runs.add(runAt("model", "a + b", 1_000_000 + i / 7, false)); // seven runs per start time
        }
        store.runs().insert(project, runs);

        RunPage first = store.runs().page(project, RunQuery.newest(1_000), null);
        assertThat(first.runs()).hasSize(1_000);
        assertThat(first.nextCursor()).isNotNull();
        List<RunView> paged = allPages(RunQuery.newest(1_000));
        assertThat(paged).hasSize(2_500);
        assertNewestFirst(paged);
        assertThat(paged).extracting(RunView::id)
                .containsExactlyInAnyOrderElementsOf(runs.stream().map(RunRecord::id).toList())
                .containsExactlyElementsOf(store.runs().list(project, RunQuery.newest(2_500)).stream().map(RunView::id).toList());
        // An exact multiple of the page size ends with a null cursor, not an empty page.
        RunPage last = store.runs().page(project, RunQuery.newest(500), store.runs().page(project, RunQuery.newest(2_000), null).nextCursor());
        assertThat(last.runs()).hasSize(500);
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void filtersCombineWithPaging() {
        store.models().register(project, reg("model", "v1"));
        store.models().register(project, reg("model", "v2"));
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            runs.add(runAt("model", i % 2 == 0 ? "v1" : "v2", 5_000 + i / 3, i % 5 == 0));
        }
        store.runs().insert(project, runs);
        RunQuery query = RunQuery.newest(7).withModel(TagReference.parse("model:v1"))
                .withStartedBetween(5_010L, 5_090L).withErrorsOnly(true);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long at = 5_000 + i / 3;
            if (i % 2 == 0 && i % 5 == 0 && at >= 5_010 && at < 5_090) {
                expected.add(runs.get(i).id());
            }
        }
        List<RunView> paged = allPages(query);
        assertNewestFirst(paged);
        assertThat(paged).extracting(RunView::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(paged).allMatch(r -> r.modelTag().equals(new Tag("model", 1)) && r.errorType() != null
                && r.startedAtMicros() >= 5_010 && r.startedAtMicros() < 5_090);
        assertThat(allPages(RunQuery.newest(50).withModel(TagReference.parse("model:latest")))).hasSize(150);
        assertThat(allPages(RunQuery.newest(50).withStartedBetween(null, 5_001L))).hasSize(3);
        assertThat(allPages(RunQuery.newest(50).withErrorsOnly(true))).hasSize(60);
        assertThatThrownBy(() -> RunQuery.newest(5).withStartedBetween(10L, 9L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromMicros");
    }

    @Test
    void aMalformedCursorIsRejectedAndChangesNothing() {
        store.models().register(project, reg("model", "a + b"));
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            runs.add(runAt("model", "a + b", 1_000 + i, false));
        }
        store.runs().insert(project, runs);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        List<String> hostile = List.of("x", "'; DROP TABLE runs; --", "", "////", "%%%%",
                b64.encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}),
                b64.encodeToString("no colon".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("12:".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(":abc".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("99999999999999999999999:abc".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("1:' OR 1=1; DROP TABLE runs; -- and far too long".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("1:a\u0000b".getBytes(StandardCharsets.UTF_8)),
                "A".repeat(1_000_000));
        for (String cursor : hostile) {
            assertThatThrownBy(() -> store.runs().page(project, RunQuery.newest(10), cursor))
                    .as("cursor %s", cursor.length() > 50 ? cursor.substring(0, 50) + "…" : cursor)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cursor");
        }
        assertThat(store.runs().count(project)).isEqualTo(30);
        assertThat(allPages(RunQuery.newest(10))).hasSize(30);
    }

    @Test
    void readersPagingWhileAWriterInsertsSeeConsistentPages() throws Exception {
        store.models().register(project, reg("model", "a + b"));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> writer = pool.submit(() -> {
                int stored = 0;
                try {
                    for (int b = 0; b < 40; b++) {
                        List<RunRecord> batch = new ArrayList<>();
                        for (int i = 0; i < 100; i++) {
                            batch.add(runAt("model", "a + b", 1_000_000 + b * 100 + i / 3, i % 4 == 0));
                        }
                        stored += store.runs().insert(project, batch);
                    }
                    return stored;
                } finally {
                    writing.set(false);
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                boolean errorsOnly = r == 2;
                readers.add(pool.submit(() -> {
                    int traversals = 0;
                    do {
                        List<RunView> seen = allPages(RunQuery.newest(250).withErrorsOnly(errorsOnly));
                        assertNewestFirst(seen);
                        assertThat(seen).allMatch(v -> !errorsOnly || v.errorType() != null);
                        traversals++;
                    } while (writing.get());
                    return traversals;
                }));
            }
            assertThat(writer.get(120, TimeUnit.SECONDS)).isEqualTo(4_000);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(120, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allPages(RunQuery.newest(1_000))).hasSize(4_000);
        assertThat(allPages(RunQuery.newest(1_000).withErrorsOnly(true))).hasSize(1_000);
    }

    static final Pattern TOKEN = Pattern.compile("bhb_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");

    @Test
    void createdKeysHaveTheDocumentedFormAndHideTheirToken() {
        NewApiKey key = store.apiKeys().create("team-a", "ci runner");
        Matcher m = TOKEN.matcher(key.token());
        assertThat(m.matches()).as("token form").isTrue();
        assertThat(key.info()).isEqualTo(new ApiKeyInfo(m.group(1), "team-a", "ci runner",
                key.info().createdAtMicros(), null));
        assertThat(key.info().revoked()).isFalse();
        assertThat(key.info().createdAtMicros()).isPositive();
        assertThat(key.toString()).doesNotContain(key.token()).doesNotContain(m.group(2));
        assertThat(store.apiKeys().list()).containsExactly(key.info());
        assertThat(store.apiKeys().create("team-a", "").token()).isNotEqualTo(key.token());
    }

    @Test
    void onlyActiveKeysWithTheirOwnSecretAuthenticate() {
        NewApiKey key = store.apiKeys().create("team-a", "k");
        NewApiKey other = store.apiKeys().create("team-b", "k");
        assertThat(store.apiKeys().authenticate(key.token())).contains("team-a");
        assertThat(store.apiKeys().authenticate(other.token())).contains("team-b");
        String id = key.info().id();
        String secret = key.token().substring(17);
        String otherSecret = other.token().substring(17);
        assertThat(store.apiKeys().authenticate("bhb_" + id + "_" + otherSecret)).as("right id, wrong secret").isEmpty();
        String flipped = secret.substring(0, 42) + (secret.charAt(42) == 'A' ? 'B' : 'A');
        assertThat(store.apiKeys().authenticate("bhb_" + id + "_" + flipped)).as("one character off").isEmpty();
        String unknownId = id.equals("000000000000") ? "000000000001" : "000000000000";
        assertThat(store.apiKeys().authenticate("bhb_" + unknownId + "_" + secret)).as("unknown id").isEmpty();
        assertThat(store.apiKeys().revoke(id)).isTrue();
        assertThat(store.apiKeys().authenticate(key.token())).as("revoked").isEmpty();
        assertThat(store.apiKeys().authenticate(other.token())).contains("team-b");
    }

    @Test
    void malformedTokensAreRejectedWithoutTouchingTheDatabase() throws Exception {
        String token = store.apiKeys().create("team-a", "k").token();
        String id = token.substring(4, 16);
        String secret = token.substring(17);
        List<String> hostile = Arrays.asList(null, "", "bhb_", "bhb__", token + "x", token.substring(0, 59),
                " " + token, token + "\n", "Bearer " + token, token.toUpperCase(java.util.Locale.ROOT),
                "BHB_" + token.substring(4), "bhx_" + token.substring(4), "bhb-" + id + "_" + secret,
                "bhb_" + id + "-" + secret, "bhb_" + id.toUpperCase(java.util.Locale.ROOT) + "_" + secret,
                "bhb_" + id.substring(0, 11) + "g_" + secret, "bhb_" + id + "_" + secret.substring(0, 42) + "=",
                "bhb_" + id + "_" + secret.substring(0, 42) + "+", "bhb_" + id + "_" + secret.substring(0, 42) + "/",
                "bhb_" + id + "_" + secret.substring(0, 42) + "\u0000", "bhb_" + id + "_" + secret.substring(0, 42) + "é",
                "bhb_" + id + "_" + secret.substring(0, 41) + "🐦", "bhb_' OR '1'='1_" + secret,
                "bhb_" + id + "_' OR 1=1; DROP TABLE api_keys; -- xxxxxxxxx", "x".repeat(60), "b".repeat(1_000_000));
        for (String t : hostile) {
            assertThat(store.apiKeys().authenticate(t)).as("token %s", shorten(t)).isEmpty();
        }
        // A closed store fails every query, so an answer from it proves no SQL ran.
        Store closed = openAgain();
        closed.close();
        for (String t : hostile) {
            assertThat(closed.apiKeys().authenticate(t)).as("token %s on a closed store", shorten(t)).isEmpty();
        }
        assertThatThrownBy(() -> closed.apiKeys().authenticate(token)).isInstanceOf(StoreUnavailable.class);
        assertThat(store.apiKeys().authenticate(token)).contains("team-a");
    }

    private static String shorten(String s) {
        return s == null || s.length() <= 70 ? s : s.substring(0, 70) + "…";
    }

    @Test
    void onlyAHashOfTheSecretIsStored() throws Exception {
        NewApiKey key = store.apiKeys().create("team-a", "label");
        String secret = key.token().substring(17);
        StringBuilder everything = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM api_keys")) {
            int columns = rs.getMetaData().getColumnCount();
            assertThat(rs.next()).isTrue();
            for (int i = 1; i <= columns; i++) {
                everything.append(rs.getString(i)).append('|');
            }
            assertThat(rs.getString("secret_hash")).isEqualTo(Hashing.sha256Hex(secret));
            assertThat(rs.getString("id")).isEqualTo(key.info().id());
            assertThat(rs.next()).isFalse();
        }
        assertThat(everything.toString()).doesNotContain(secret).doesNotContain(secret.substring(0, 20))
                .doesNotContain(key.token());
    }

    @Test
    void creatingAKeyCreatesItsWorkspaceOnce() throws Exception {
        store.apiKeys().create("Команда ü", "first");
        store.apiKeys().create("Команда ü", "second");
        try (Connection c = DriverManager.getConnection(url());
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM workspaces WHERE name = ?")) {
            ps.setString(1, "Команда ü");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(store.apiKeys().list()).extracting(ApiKeyInfo::workspace, ApiKeyInfo::name)
                .containsExactly(tuple("Команда ü", "first"), tuple("Команда ü", "second"));
        assertThat(store.projects().create("Команда ü", "P").created()).isTrue();
    }

    @Test
    void invalidWorkspaceNamesAndLabelsCreateNoKey() {
        for (String bad : Arrays.asList(null, "", "  ", "a:b", "nul\u0000", "bell\u0007", "x".repeat(201))) {
            assertThatThrownBy(() -> store.apiKeys().create(bad, "k")).isInstanceOf(InvalidName.class)
                    .hasMessageContaining("workspace name");
        }
        for (String bad : Arrays.asList(null, "x".repeat(201), "line\nbreak", "esc\u001b[31m")) {
            assertThatThrownBy(() -> store.apiKeys().create("team-a", bad)).isInstanceOf(InvalidName.class)
                    .hasMessageContaining("key name");
        }
        assertThat(store.apiKeys().list()).isEmpty();
        assertThat(store.apiKeys().create("team-a", "模型 label: ü/🐦").info().name()).isEqualTo("模型 label: ü/🐦");
    }

    @Test
    void revokingSaysWhetherItChangedAnything() {
        NewApiKey key = store.apiKeys().create("team-a", "k");
        NewApiKey kept = store.apiKeys().create("team-a", "kept");
        assertThat(store.apiKeys().revoke(key.info().id())).isTrue();
        assertThat(store.apiKeys().revoke(key.info().id())).isFalse();
        String unknown = key.info().id().equals("abcdefabcdef") ? "abcdefabcde0" : "abcdefabcdef";
        for (String id : Arrays.asList(unknown, "", "ABCDEFABCDEF", "' OR 1=1 --", null, "z".repeat(10_000))) {
            assertThatThrownBy(() -> store.apiKeys().revoke(id)).as("id %s", shorten(id)).isInstanceOf(NotFound.class)
                    .hasMessageContaining("no API key with id");
        }
        assertThatThrownBy(() -> store.apiKeys().revoke(unknown)).hasMessageContaining(unknown);
        List<ApiKeyInfo> keys = store.apiKeys().list();
        assertThat(keys).extracting(ApiKeyInfo::id).containsExactly(key.info().id(), kept.info().id());
        assertThat(keys.get(0).revoked()).isTrue();
        assertThat(keys.get(0).revokedAtMicros()).isGreaterThanOrEqualTo(keys.get(0).createdAtMicros());
        assertThat(keys.get(1).revoked()).isFalse();
    }

    @Test
    void keysAreListedByWorkspaceThenCreation() {
        NewApiKey b1 = store.apiKeys().create("b", "1");
        NewApiKey a1 = store.apiKeys().create("a", "1");
        NewApiKey b2 = store.apiKeys().create("b", "2");
        NewApiKey a2 = store.apiKeys().create("a", "2");
        assertThat(store.apiKeys().list()).extracting(ApiKeyInfo::id).containsExactly(a1.info().id(), a2.info().id(),
                b1.info().id(), b2.info().id());
    }

    @Test
    void projectsAreListedPerWorkspace() {
        store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Another");
        store.projects().findOrCreate("team-b", "Hidden");
        assertThat(store.projects().list(Store.DEFAULT_WORKSPACE)).extracting(ProjectInfo::name)
                .containsExactly("Another", "Concept Project");
        assertThat(store.projects().list("team-b")).extracting(ProjectInfo::name).containsExactly("Hidden");
        assertThat(store.projects().list("no such workspace")).isEmpty();
        assertThat(store.projects().list(Store.DEFAULT_WORKSPACE)).allMatch(p -> p.createdAtMicros() > 0);
    }

    @Test
    void createProjectSaysWhetherItCreated() {
        ProjectCreation first = store.projects().create("team-c", "New");
        ProjectCreation again = store.projects().create("team-c", "New");
        assertThat(first.created()).isTrue();
        assertThat(again).isEqualTo(new ProjectCreation(first.project(), first.createdAtMicros(), false));
        assertThat(store.projects().create(Store.DEFAULT_WORKSPACE, "Concept Project"))
                .extracting(ProjectCreation::project, ProjectCreation::created).containsExactly(project, false);
        assertThat(store.projects().list("team-c")).containsExactly(new ProjectInfo("New", first.createdAtMicros()));
    }

    @Test
    void exactlyOneOfConcurrentCreatorsCreatesTheProject() throws Exception {
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stores.add(openAgain());
        }
        try {
            CyclicBarrier start = new CyclicBarrier(stores.size());
            List<Callable<ProjectCreation>> creators = new ArrayList<>();
            for (Store s : stores) {
                creators.add(() -> {
                    start.await();
                    return s.projects().create("race-workspace", "Race project");
                });
            }
            List<ProjectCreation> results = runAll(creators);
            assertThat(results).filteredOn(ProjectCreation::created).hasSize(1);
            assertThat(results).extracting(ProjectCreation::project).containsOnly(results.get(0).project());
        } finally {
            stores.forEach(Store::close);
        }
    }

    @Test
    void pingAnswersWhileTheStoreIsOpen() throws Exception {
        store.ping();
        Store closed = openAgain();
        closed.close();
        assertThatThrownBy(closed::ping).isInstanceOf(StoreUnavailable.class);
    }
}
