package org.bighummingbird.internal.judge;

import java.util.Optional;
import java.util.function.Supplier;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.RegisteredJudge;
import org.bighummingbird.store.Store;

/**
 * Judges in a store, registered synchronously on the caller's thread. The store and the project
 * are looked up on first use. Thread-safe.
 */
public final class StoreJudgeCatalog implements JudgeCatalog {
    private final String project;
    private final Supplier<Store> opener;
    private final boolean owned;
    private Store store;
    private ProjectRef projectRef;

    /**
     * @param project the project's name, found or created in the default workspace
     * @param opener gives the store on first use
     * @param owned whether {@link #close()} closes the store (one this catalog opened for itself)
     */
    public StoreJudgeCatalog(String project, Supplier<Store> opener, boolean owned) {
        this.project = project;
        this.opener = opener;
        this.owned = owned;
    }

    private synchronized ProjectRef project() {
        if (store == null) {
            store = opener.get();
        }
        if (projectRef == null) {
            projectRef = store.project(Store.DEFAULT_WORKSPACE, project);
        }
        return projectRef;
    }

    @Override
    public RegisteredJudge register(JudgeRegistration registration) {
        ProjectRef p = project();
        return store.registerJudge(p, registration);
    }

    @Override
    public Optional<JudgeVersion> find(TagReference tag) {
        ProjectRef p = project();
        return store.judge(p, tag);
    }

    @Override
    public synchronized void close() {
        if (owned && store != null) {
            store.close();
        }
        store = null;
        projectRef = null;
    }
}
