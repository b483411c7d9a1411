package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SinkUnavailable;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One home, several destinations: runs spooled for one kind of sink (the embedded store, a custom
 * sink, another custom sink) are replayed only into that destination, never into another.
 */
class SpoolIsolationTest {
    @TempDir
    Path home;

    /** A custom sink that is away, or takes everything and remembers it. */
    static class CustomSink implements RunSink {
        final boolean up;
        final String name;
        final List<RunRecord> runs = new CopyOnWriteArrayList<>();

        CustomSink(boolean up, String name) {
            this.up = up;
            this.name = name;
        }

        @Override
        public Tag register(String project, VersionRegistration registration) {
            check();
            return new Tag(registration.modelName(), 1);
        }

        @Override
        public void write(String project, List<RunRecord> runs) {
            check();
            this.runs.addAll(runs);
        }

        private void check() {
            if (!up) {
                throw new SinkUnavailable("the custom sink is away", null, null);
            }
        }

        @Override
        public String spoolName() {
            return name == null ? RunSink.super.spoolName() : name;
        }
    }

    private BigHummingbird custom(CustomSink sink, Duration closeTimeout) {
        return BigHummingbird.builder("P").home(home).sink(sink).closeTimeout(closeTimeout)
                .retryBackoff(Duration.ofMillis(10)).maxRetryBackoff(Duration.ofMillis(20)).build();
    }

    private static void trace(BigHummingbird bhb, int runs) {
        var model = bhb.trace("model", (Integer x) -> x + 1);
        for (int i = 0; i < runs; i++) {
            model.apply(i);
        }
    }

    @Test
    void runsSpooledForACustomSinkAreNeverReplayedIntoTheEmbeddedStoreButIntoThatSink() {
        try (var away = custom(new CustomSink(false, null), Duration.ofMillis(100))) {
            trace(away, 20);
        }
        try (var local = BigHummingbird.local("P", home)) {
            assertThat(local.flush(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(StoredRuns.runs(home, "P")).as("the embedded store replayed none of them").isEmpty();

        CustomSink back = new CustomSink(true, null);
        try (var next = custom(back, Duration.ofSeconds(10))) {
            assertThat(next.project()).isEqualTo("P");
        }
        assertThat(back.runs).hasSize(20);
    }

    @Test
    void runsSpooledForTheEmbeddedStoreAreNeverReplayedIntoACustomSink() throws IOException {
        try (var bhb = BigHummingbird.builder("P").home(home).closeTimeout(Duration.ofMillis(200))
                .retryBackoff(Duration.ofMillis(20)).build()) {
            var model = bhb.trace("model", (Integer x) -> x * 2);
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(home.resolve(Store.DB_FILE + suffix));
            }
            // a directory where the database file was: the store cannot be reopened
            Files.createDirectory(home.resolve(Store.DB_FILE));
            for (int i = 0; i < 30; i++) {
                model.apply(i);
            }
        }
        CustomSink sink = new CustomSink(true, null);
        try (var other = custom(sink, Duration.ofSeconds(5))) {
            assertThat(other.flush(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(sink.runs).as("the custom sink replayed none of the store's runs").isEmpty();

        Files.delete(home.resolve(Store.DB_FILE));
        try (var local = BigHummingbird.local("P", home)) {
            assertThat(local.project()).isEqualTo("P");
        }
        assertThat(StoredRuns.runs(home, "P")).hasSize(30);
    }

    @Test
    void customSinksWithDifferentSpoolNamesHaveSpoolsOfTheirOwn() {
        try (var away = custom(new CustomSink(false, "billing-sink"), Duration.ofMillis(100))) {
            trace(away, 10);
        }
        CustomSink other = new CustomSink(true, "audit-sink");
        try (var next = custom(other, Duration.ofSeconds(5))) {
            assertThat(next.flush(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(other.runs).isEmpty();
        CustomSink same = new CustomSink(true, "billing-sink");
        try (var next = custom(same, Duration.ofSeconds(5))) {
            assertThat(next.project()).isEqualTo("P");
        }
        assertThat(same.runs).hasSize(10);
    }

    @Test
    void aSpoolNameThatCannotNameADirectoryIsRefusedWhenTheProjectIsOpened() {
        for (String bad : new String[] {"", "..", "a/b", "a\\b", ".hidden", "x".repeat(201), "tab\there"}) {
            assertThatThrownBy(() -> custom(new CustomSink(true, bad), Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spoolName");
        }
    }

    @Test
    void aServersSpoolIsNamedByItsUrlAndTheKeysIdNeverByTheSecret() {
        var url = org.bighummingbird.exporter.http.ServerUrl.parse("http://bhb.example:8080");
        String secret = "Abc-_0123456789Abc-_0123456789Abc-_0123456";
        Path a = org.bighummingbird.exporter.http.RemoteSpools.remote(home, url, "bhb_0123456789ab_" + secret);
        assertThat(org.bighummingbird.exporter.http.RemoteSpools.remote(home, url, "bhb_0123456789ab_" + "z".repeat(43)))
                .as("the same key with another secret").isEqualTo(a);
        assertThat(org.bighummingbird.exporter.http.RemoteSpools.remote(home, url, "bhb_ba9876543210_" + secret)).isNotEqualTo(a);
        assertThat(org.bighummingbird.exporter.http.RemoteSpools.remote(home, url, null)).isNotEqualTo(a);
        assertThat(org.bighummingbird.exporter.http.RemoteSpools.remote(home, org.bighummingbird.exporter.http.ServerUrl.parse("http://other:8080"),
                "bhb_0123456789ab_" + secret)).isNotEqualTo(a);
        assertThat(a.getParent()).isEqualTo(home.resolve("spool-remote"));
        assertThat(a.getFileName().toString()).matches("[0-9a-f]{16}").doesNotContain(secret)
                .isNotEqualTo(url.spoolName());
        assertThat(org.bighummingbird.exporter.http.RemoteSpools.keyIdentity("bhb_0123456789ab_" + secret)).isEqualTo("key 0123456789ab");
        assertThat(org.bighummingbird.exporter.http.RemoteSpools.keyIdentity("all-of-it-may-be-secret")).isEqualTo("unrecognised key");
        assertThat(org.bighummingbird.sdk.spi.SpoolLocations.store(home)).isEqualTo(home.resolve("spool"));
        assertThat(org.bighummingbird.sdk.spi.SpoolLocations.custom(home, new CustomSink(true, null)))
                .isEqualTo(home.resolve("spool-sink").resolve(CustomSink.class.getName()));
    }
}
