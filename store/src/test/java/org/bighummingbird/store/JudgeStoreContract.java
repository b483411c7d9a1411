package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Judge versions in the store, run against SQLite and PostgreSQL alike. */
abstract class JudgeStoreContract {
    Store store;
    ProjectRef project;

    abstract Store openFresh() throws Exception;

    abstract Store openAgain() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Concept Project");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static JudgeRegistration judge(String name, String spec) {
        return new JudgeRegistration(name, Hashing.sha256Hex(spec), "regex", "matches " + spec,
                "{\"kind\":\"regex\",\"pattern\":\"" + spec + "\"}", "", "{}");
    }

    @Test
    void newKeyGetsNextVersionAndKnownKeyItsOldTag() {
        RegisteredJudge v1 = store.judges().register(project, judge("judge", "a+"));
        RegisteredJudge v2 = store.judges().register(project, judge("judge", "b+"));
        RegisteredJudge again = store.judges().register(project, judge("judge", "a+"));

        assertThat(v1.tag()).isEqualTo(new Tag("judge", 1));
        assertThat(v1.existed()).isFalse();
        assertThat(v2.tag()).isEqualTo(new Tag("judge", 2));
        assertThat(again.tag()).isEqualTo(new Tag("judge", 1));
        assertThat(again.existed()).isTrue();
        assertThat(again.id()).isEqualTo(v1.id());
    }

    @Test
    void otherNamesAndProjectsCountFromOneAndModelsDoNotShareNumbers() {
        store.models().register(project, StoreContract.reg("judge", "a + b"));
        store.judges().register(project, judge("judge", "a+"));
        store.judges().register(project, judge("judge", "b+"));

        assertThat(store.judges().register(project, judge("other", "a+")).tag()).isEqualTo(new Tag("other", 1));
        ProjectRef second = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Second Project");
        assertThat(store.judges().register(second, judge("judge", "b+")).tag()).isEqualTo(new Tag("judge", 1));
        assertThat(store.models().list(project)).extracting(v -> v.tag().toString()).containsExactly("judge:v1");
    }

    @Test
    void judgesAreListedByNameThenVersionWithEverythingStored() {
        store.judges().register(project, judge("zeta", "z"));
        store.judges().register(project, judge("alpha", "a"));
        store.judges().register(project, judge("alpha", "b"));
        store.judges().register(store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Elsewhere"), judge("hidden", "h"));

        List<JudgeVersion> judges = store.judges().list(project);

        assertThat(judges).extracting(j -> j.tag().toString()).containsExactly("alpha:v1", "alpha:v2", "zeta:v1");
        JudgeVersion first = judges.get(0);
        assertThat(first.kind()).isEqualTo("regex");
        assertThat(first.description()).isEqualTo("matches a");
        assertThat(first.specJson()).isEqualTo("{\"kind\":\"regex\",\"pattern\":\"a\"}");
        assertThat(first.key()).isEqualTo(Hashing.sha256Hex("a"));
        assertThat(first.code()).isEmpty();
        assertThat(first.createdAtMicros()).isPositive();
    }

    @Test
    void aJudgeIsFoundByTagOrLatest() {
        store.judges().register(project, judge("judge", "a"));
        store.judges().register(project, judge("judge", "b"));

        assertThat(store.judges().find(project, TagReference.parse("judge:v1")).orElseThrow().specJson()).contains("\"a\"");
        assertThat(store.judges().find(project, TagReference.parse("judge:latest")).orElseThrow().tag())
                .isEqualTo(new Tag("judge", 2));
        assertThat(store.judges().find(project, TagReference.parse("judge:v3"))).isEmpty();
        assertThat(store.judges().find(project, TagReference.parse("nosuch:latest"))).isEmpty();
    }

    @Test
    void longDescriptionsAndCodeRoundTrip() {
        String description = "d".repeat(10_000);
        String code = "// ünïcödé 模型\n".repeat(5_000);
        store.judges().register(project, new JudgeRegistration("big", "k", "code", description, "{}", code, "{}"));

        JudgeVersion stored = store.judges().find(project, TagReference.parse("big:v1")).orElseThrow();
        assertThat(stored.description()).isEqualTo(description);
        assertThat(stored.code()).isEqualTo(code);
    }

    @Test
    void invalidRegistrationsAreRejectedBeforeTheStore() {
        assertThatThrownBy(() -> judge("bad:name", "x")).isInstanceOf(InvalidName.class).hasMessageContaining("judge name");
        assertThatThrownBy(() -> new JudgeRegistration("j", "k", "shell", "", "{}", "", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind must be one of");
    }

    @Test
    void concurrentWritersOfOneNewKeyCreateOneVersion() throws Exception {
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stores.add(openAgain());
        }
        try {
            CyclicBarrier start = new CyclicBarrier(stores.size());
            List<Callable<Tag>> same = new ArrayList<>();
            for (Store s : stores) {
                same.add(() -> {
                    ProjectRef p = s.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Race");
                    start.await();
                    return s.judges().register(p, judge("judge", "same")).tag();
                });
            }
            assertThat(StoreContract.runAll(same)).containsOnly(new Tag("judge", 1));

            CyclicBarrier again = new CyclicBarrier(stores.size());
            List<Callable<Tag>> distinct = new ArrayList<>();
            for (int i = 0; i < stores.size(); i++) {
                Store s = stores.get(i);
                String spec = "spec " + i;
                distinct.add(() -> {
                    ProjectRef p = s.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Race");
                    again.await();
                    return s.judges().register(p, judge("judge", spec)).tag();
                });
            }
            Set<Integer> versions = new TreeSet<>();
            StoreContract.runAll(distinct).forEach(t -> versions.add(t.version()));
            assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(2, 7).boxed().toList());
        } finally {
            stores.forEach(Store::close);
        }
    }
}
