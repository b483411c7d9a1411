package org.bighummingbird.embedded;

import org.bighummingbird.sdk.spi.Backend;
import org.bighummingbird.sdk.spi.BackendSettings;
import org.bighummingbird.sdk.spi.SpoolLocations;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.store.Store;

/**
 * The embedded store under {@code BHB_HOME} as the SDK's back-end, found by
 * {@link java.util.ServiceLoader}: runs go through a {@link StoreSink}, datasets, judges and
 * evaluations through a {@link LocalCatalog}, and runs the store cannot take now wait in
 * {@code BHB_HOME/spool}. The store is opened (and the project created) when the sink is, so a store
 * directory that is not writable, or a file that is not a database, fails at once. Stateless and
 * thread-safe.
 */
public final class EmbeddedBackend implements Backend {
    /** For {@link java.util.ServiceLoader}. */
    public EmbeddedBackend() {}

    @Override
    public Kind kind() {
        return Kind.EMBEDDED;
    }

    @Override
    public Catalog catalog(BackendSettings s) {
        return new LocalCatalog(s.home(), s.project());
    }

    @Override
    public Delivery delivery(BackendSettings s) {
        Store store = Store.openLocal(s.home());
        try {
            store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, s.project());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new Delivery(new StoreSink(s.home(), store), SpoolLocations.store(s.home()), DEFAULT_BATCH_SIZE);
    }
}
