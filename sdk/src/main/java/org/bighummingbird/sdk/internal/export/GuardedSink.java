package org.bighummingbird.sdk.internal.export;

import java.util.List;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SinkUnavailable;

/**
 * The exporter's view of a {@link RunSink}: an {@link Error} a sink throws (a bug's
 * AssertionError, an OutOfMemoryError while it built a request) is a failed call like any
 * exception, {@link SinkUnavailable}, so the runs are kept, spooled and tried again, and the
 * exporter thread goes on. Everything else passes through. As thread-safe as the sink.
 */
final class GuardedSink implements RunSink {
    private final RunSink sink;

    GuardedSink(RunSink sink) {
        this.sink = sink;
    }

    @Override
    public Tag register(String project, VersionRegistration registration) throws Exception {
        try {
            return sink.register(project, registration);
        } catch (Error e) {
            throw unavailable(e);
        }
    }

    @Override
    public void write(String project, List<RunRecord> runs) throws Exception {
        try {
            sink.write(project, runs);
        } catch (Error e) {
            throw unavailable(e);
        }
    }

    @Override
    public void writeInOrder(String project, List<RunRecord> runs) throws Exception {
        try {
            sink.writeInOrder(project, runs);
        } catch (Error e) {
            throw unavailable(e);
        }
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (Error e) {
            throw unavailable(e);
        }
    }

    private SinkUnavailable unavailable(Error e) {
        return new SinkUnavailable(sink + " threw " + e, null, e);
    }

    /** The sink's own name: the logs speak of it. */
    @Override
    public String toString() {
        return sink.toString();
    }
}
