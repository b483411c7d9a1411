package org.bighummingbird.sdk.spi;

import java.nio.file.Path;
import org.bighummingbird.sdk.spi.catalog.Catalog;

/**
 * A place the SDK delivers runs to and keeps datasets, judges and evaluations in, found with
 * {@link java.util.ServiceLoader}: the embedded store ({@code bhb-store-embedded}) or a team server
 * ({@code bhb-exporter-http}). The SDK asks for {@link Kind#SERVER} when a URL is set, else for
 * {@link Kind#EMBEDDED}; beside a custom sink it asks the embedded back-end for its catalog only.
 * Implementations need a public no-argument constructor and must be thread-safe; nothing may touch
 * the network when opened (the project is found or created in the background).
 */
public interface Backend {
    /** Runs per write that suit the embedded store and most sinks: the exporter's default batch. */
    int DEFAULT_BATCH_SIZE = 2_048;

    /** Which destination a back-end serves. */
    enum Kind {
        /** the embedded store under {@code BHB_HOME} */
        EMBEDDED,
        /** a team server at {@code BHB_URL} */
        SERVER
    }

    /** The destination this back-end serves. */
    Kind kind();

    /**
     * Opens the project's catalog (datasets, judges, evaluations).
     *
     * @throws RuntimeException when it cannot be opened, saying why (a store file that is not a database)
     */
    Catalog catalog(BackendSettings settings);

    /**
     * Opens the sink the exporter delivers runs through, with the spool it keeps apart from every other
     * destination's.
     *
     * @throws RuntimeException when it cannot be opened, saying why
     */
    Delivery delivery(BackendSettings settings);

    /**
     * A sink and where its undelivered runs wait.
     *
     * @param sink where runs go
     * @param spoolDirectory the spool of this destination (and, for a server, this key) only
     * @param batchSize runs per write; a server takes bigger writes than the embedded store
     */
    record Delivery(RunSink sink, Path spoolDirectory, int batchSize) {
        /** Checks the values. */
        public Delivery {
            if (sink == null || spoolDirectory == null) {
                throw new IllegalArgumentException("sink and spoolDirectory must not be null");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
            }
        }
    }
}
