package org.bighummingbird.internal.export;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.spi.RunSink;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.StoreUnavailable;

/**
 * The embedded store as a sink. When the database file disappears under it (deleted while open,
 * SQLite would go on writing into the unlinked file and lose everything), it refuses to write and
 * reopens a new store at the same place on the next attempt.
 */
public final class StoreSink implements RunSink {
    private final Path home;
    private Store store;
    private final Map<String, ProjectRef> projects = new HashMap<>();

    /** Wraps an open store at {@code home}. */
    public StoreSink(Path home, Store store) {
        this.home = home;
        this.store = store;
    }

    @Override
    public Tag register(String project, VersionRegistration registration) {
        return open().models().register(project(project), registration).tag();
    }

    @Override
    public void write(String project, List<RunRecord> runs) {
        open().runs().insert(project(project), runs);
    }

    private ProjectRef project(String name) {
        return projects.computeIfAbsent(name, n -> store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, n));
    }

    private Store open() {
        if (store != null && store.fileIntact()) {
            return store;
        }
        if (store != null) {
            Path gone = store.file().orElseThrow();
            closeQuietly();
            throw new StoreUnavailable("the store file " + gone + " was removed or replaced while in use", null);
        }
        store = Store.openLocal(home);
        projects.clear();
        return store;
    }

    private void closeQuietly() {
        try {
            store.close();
        } catch (RuntimeException e) {
            // the file is gone already; nothing to release but the handle
        }
        store = null;
        projects.clear();
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Override
    public String toString() {
        return "the store under " + home;
    }
}
