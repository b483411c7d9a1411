package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.Capsule;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.core.VersionRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capsules in the store, run against SQLite and PostgreSQL alike. */
abstract class CapsuleStoreContract {
    Store store;
    ProjectRef project;

    abstract Store openFresh() throws Exception;

    /** A JDBC URL onto the same database, to count and tamper with rows behind the store's back. */
    abstract String jdbcUrl();

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Concept Project");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Tag register(String model, String code) {
        return store.models().register(project, new VersionRegistration(model, Hashing.sha256Hex(code),
                Hashing.sha256Hex(code), "{}", code, "source", "{}")).tag();
    }

    private static String digest(byte[] bytes) {
        return Hashing.hex(Hashing.sha256().digest(bytes));
    }

    @Test
    void aCapsuleIsReadBackWithItsClassesAndTheirBytes() {
        Tag v1 = register("model", "a + b");
        byte[] helper = "helper class".getBytes(StandardCharsets.UTF_8);
        Capsule capsule = new Capsule(true, null, new byte[] {1, 2, 3},
                List.of(new Capsule.ClassRef("com.acme.Helper", digest(helper))));

        assertThat(store.capsules().put(project, v1, capsule, Map.of(digest(helper), helper))).isTrue();
        assertThat(store.capsules().put(project, v1, Capsule.notRunnable("later"), Map.of())).isFalse();

        CapsuleStore.VersionCapsule found = store.capsules().find(project, TagReference.parse("model:latest")).orElseThrow();
        assertThat(found.tag()).isEqualTo(v1);
        assertThat(found.capsule().runnable()).isTrue();
        assertThat(found.capsule().function()).containsExactly(1, 2, 3);
        assertThat(found.capsule().classes()).extracting(Capsule.ClassRef::name).containsExactly("com.acme.Helper");
        assertThat(store.capsules().classFile(project, digest(helper))).hasValueSatisfying(
                b -> assertThat(b).isEqualTo(helper));
        assertThat(store.capsules().missing(List.of(digest(helper), digest(new byte[] {9})))).containsExactly(
                digest(new byte[] {9}));
    }

    @Test
    void aVersionThatCannotBeCapturedKeepsWhy() {
        Tag v1 = register("model", "captures a socket");
        store.capsules().put(project, v1, Capsule.notRunnable("a value the function captures is not serializable"),
                Map.of());

        Capsule capsule = store.capsules().find(project, TagReference.parse("model:v1")).orElseThrow().capsule();
        assertThat(capsule.runnable()).isFalse();
        assertThat(capsule.reason()).contains("not serializable");
        assertThat(store.capsules().find(project, TagReference.parse("model:v2"))).isEmpty();
        assertThat(store.capsules().find(project, TagReference.parse("other:v1"))).isEmpty();
    }

    @Test
    void classFilesSharedByAHundredVersionsAreStoredOnce() throws Exception {
        byte[] shared = new byte[10_000];
        shared[0] = 42;
        for (int i = 0; i < 100; i++) {
            Tag tag = register("model", "version " + i);
            byte[] own = ("own " + i).getBytes(StandardCharsets.UTF_8);
            store.capsules().put(project, tag, new Capsule(true, null, new byte[] {(byte) i}, List.of(
                    new Capsule.ClassRef("com.acme.Shared", digest(shared)),
                    new Capsule.ClassRef("com.acme.Model", digest(own)))),
                    Map.of(digest(shared), shared, digest(own), own));
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl());
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*), SUM(size) FROM class_files")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(101);
            assertThat(rs.getLong(2)).isLessThan(2 * 10_000L);
        }
    }

    @Test
    void aClassFileThatDoesNotMatchItsDigestIsRefused() {
        Tag v1 = register("model", "a + b");
        byte[] helper = "helper class".getBytes(StandardCharsets.UTF_8);
        Capsule capsule = new Capsule(true, null, new byte[] {1},
                List.of(new Capsule.ClassRef("com.acme.Helper", digest(helper))));

        assertThatThrownBy(() -> store.capsules().put(project, v1, capsule,
                Map.of(digest(helper), "tampered".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> store.capsules().put(project, v1, capsule, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither given nor stored");
        assertThat(store.capsules().find(project, TagReference.parse("model:v1")).orElseThrow().capsule()).isNull();
    }

    @Test
    void anotherProjectsClassFilesAreMissing() {
        Tag v1 = register("model", "a + b");
        byte[] helper = "helper class".getBytes(StandardCharsets.UTF_8);
        store.capsules().put(project, v1, new Capsule(true, null, new byte[] {1},
                List.of(new Capsule.ClassRef("com.acme.Helper", digest(helper)))), Map.of(digest(helper), helper));
        ProjectRef other = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Other Project");

        assertThat(store.capsules().classFile(other, digest(helper))).isEmpty();
        assertThat(store.capsules().find(other, TagReference.parse("model:v1"))).isEmpty();
        assertThatThrownBy(() -> store.capsules().put(other, v1, Capsule.notRunnable("x"), Map.of()))
                .isInstanceOf(NotFound.class);
    }
}
