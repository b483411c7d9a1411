package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bighummingbird.core.InvalidName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreOpeningTest {
    @TempDir
    Path dir;

    @Test
    void aReadOnlyDirectoryFailsAtOpenWithItsPath() throws Exception {
        Path home = Files.createDirectory(dir.resolve("readonly"));
        try (ReadOnly ignored = ReadOnly.make(home)) {
            assertThatThrownBy(() -> Store.openLocal(home))
                    .isInstanceOf(StoreUnavailable.class)
                    .hasMessageContaining(home.toString())
                    .hasMessageContaining("not writable");
        }
    }

    @Test
    void aHomeThatIsAFileFailsAtOpen() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> Store.openLocal(file))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aCorruptDatabaseFileFailsAtOpenAndIsLeftAlone() throws IOException {
        Path db = dir.resolve(Store.DB_FILE);
        byte[] garbage = "this is not a database, just some text that is long enough to fill a header page"
                .repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(db, garbage);
        assertThatThrownBy(() -> Store.openLocal(dir))
                .isInstanceOf(StoreCorrupt.class)
                .hasMessageContaining(db.toString())
                .hasMessageContaining("not a database");
        assertThat(Files.readAllBytes(db)).isEqualTo(garbage);
    }

    @Test
    void reopeningKeepsEverything() {
        try (Store store = Store.openLocal(dir)) {
            ProjectRef p = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "P");
            store.models().register(p, StoreContract.reg("model", "x"));
        }
        try (Store store = Store.openLocal(dir)) {
            ProjectRef p = store.projects().find(Store.DEFAULT_WORKSPACE, "P").orElseThrow();
            assertThat(store.models().list(p)).hasSize(1);
        }
    }

    @Test
    void invalidProjectNamesAreRejectedBeforeTouchingTheDatabase() {
        try (Store store = Store.openLocal(dir)) {
            for (String bad : new String[] {"", "   ", "a:b", "tab\there", "nul\u0000", "x".repeat(201)}) {
                assertThatThrownBy(() -> store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, bad)).isInstanceOf(InvalidName.class);
            }
            assertThatThrownBy(() -> store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, null)).isInstanceOf(InvalidName.class);
        }
    }

    /**
     * Makes a directory read-only even for root: the immutable attribute where chattr works (root on
     * ext4 ignores permission bits), else permission bits.
     */
    static final class ReadOnly implements AutoCloseable {
        private final Path dir;
        private final boolean immutable;

        private ReadOnly(Path dir, boolean immutable) {
            this.dir = dir;
            this.immutable = immutable;
        }

        static ReadOnly make(Path dir) throws Exception {
            if ("root".equals(System.getProperty("user.name"))) {
                Process p = new ProcessBuilder("chattr", "+i", dir.toString()).inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("chattr +i failed; cannot make " + dir + " read-only as root");
                }
                return new ReadOnly(dir, true);
            }
            dir.toFile().setWritable(false, false);
            return new ReadOnly(dir, false);
        }

        @Override
        public void close() throws Exception {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", dir.toString()).inheritIO().start().waitFor();
            } else {
                dir.toFile().setWritable(true, false);
            }
        }
    }
}
