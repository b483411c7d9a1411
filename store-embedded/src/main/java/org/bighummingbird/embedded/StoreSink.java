package org.bighummingbird.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SinkUnavailable;
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
        try {
            return open().models().register(project(project), registration).tag();
        } catch (StoreUnavailable e) {
            throw away(e);
        }
    }

    @Override
    public void write(String project, List<RunRecord> runs) {
        try {
            open().runs().insert(project(project), runs);
        } catch (StoreUnavailable e) {
            throw away(e);
        }
    }

    /** The store is away (locked, its file gone, the disk full): the exporter keeps the runs and tries again. */
    private static SinkUnavailable away(StoreUnavailable e) {
        return new SinkUnavailable(e.getMessage(), null, e);
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
