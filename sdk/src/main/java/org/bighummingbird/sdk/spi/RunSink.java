package org.bighummingbird.sdk.spi;

import java.util.List;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;

/**
 * Where the exporter delivers versions and runs. Called from the exporter's one background thread
 * only, so implementations need not be thread-safe. A method that throws marks the sink away: the
 * exporter spools what it could not deliver and tries again later, so every method must be
 * idempotent (runs are keyed by id, versions by key). Two exceptions say more:
 * {@link SinkUnavailable} may name when to try again, and {@link SinkRejected} means the sink
 * answered and refused the data for good: it is dropped with that reason, never retried.
 */
public interface RunSink extends AutoCloseable, org.bighummingbird.spi.CustomSink {
    /** Registers a model version in a project (found or created by name) and returns its tag. */
    Tag register(String project, VersionRegistration registration) throws Exception;

    /**
     * Stores runs of versions already registered through this sink. A sink may store parts of one
     * call concurrently, so they may arrive in another order than given.
     */
    void write(String project, List<RunRecord> runs) throws Exception;

    /**
     * As {@link #write}, with the runs arriving in the order given: the spool is replayed this way.
     * The default is {@link #write}; a sink whose {@code write} stores parts concurrently overrides
     * it.
     */
    default void writeInOrder(String project, List<RunRecord> runs) throws Exception {
        write(project, runs);
    }

    /**
     * The name of this sink's spool directory, {@code BHB_HOME/spool-sink/<name>}: runs this sink
     * could not take wait there, and are replayed only into a sink that gives the same name, never
     * into the embedded store or another sink. 1 to 200 letters, digits, {@code . _ - $}, not
     * starting with {@code .}. The default is the sink's class name; give a name of your own when
     * instances of one class deliver to different places, or to keep the spool across a rename.
     */
    default String spoolName() {
        return getClass().getName();
    }

    /** Releases the sink's resources; the default does nothing. */
    @Override
    default void close() {}
}
