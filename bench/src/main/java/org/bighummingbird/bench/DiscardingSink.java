package org.bighummingbird.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;

/**
 * A sink that tags every version {@code name:v1} and throws runs away, counting them: the
 * exporter's own cost without storage, the peer of OpenTelemetry's no-op exporter. It keeps the
 * last registration so a benchmark can check what was fingerprinted. Thread-safe.
 */
public final class DiscardingSink implements RunSink {
    private final AtomicLong written = new AtomicLong();
    private volatile VersionRegistration lastRegistration;

    @Override
    public Tag register(String project, VersionRegistration registration) {
        lastRegistration = registration;
        return new Tag(registration.modelName(), 1);
    }

    @Override
    public void write(String project, List<RunRecord> runs) {
        written.addAndGet(runs.size());
    }

    /** Runs handed to {@link #write} so far. */
    public long written() {
        return written.get();
    }

    /** The last version registered, or null. */
    public VersionRegistration lastRegistration() {
        return lastRegistration;
    }
}
