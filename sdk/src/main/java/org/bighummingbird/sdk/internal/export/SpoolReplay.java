package org.bighummingbird.sdk.internal.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.BhbException;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.SinkUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the spool into the sink, one file at a time, oldest first: each file's registrations and
 * runs in the order they were spooled, runs in batches. What the sink refuses for good
 * ({@link SinkRejected}) is dropped with its reason and the rest goes on; a file the embedded store
 * rejects is set aside for a person to look at; any other failure puts the file back for a later
 * attempt (the sink is idempotent). Exporter thread only; not thread-safe.
 */
final class SpoolReplay {
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

    /** What {@link #replayOne()} did. */
    enum Outcome {
        /** there was no file to replay */
        NOTHING,
        /** a file was delivered (less what the sink refused) and deleted */
        REPLAYED,
        /** the store rejected a file's content: it is kept aside, never replayed again */
        SET_ASIDE,
        /** the sink failed: the file is back in the spool, see {@link #failure()} */
        SINK_FAILED
    }

    private final Spool spool;
    private final RunSink sink;
    private final int batchSize;
    private final Rejections rejections;
    private Exception failure;

    SpoolReplay(Spool spool, RunSink sink, int batchSize, Rejections rejections) {
        this.spool = spool;
        this.sink = sink;
        this.batchSize = batchSize;
        this.rejections = rejections;
    }

    /** Replays the oldest spool file. */
    Outcome replayOne() throws IOException {
        if (!spool.hasData()) {
            return Outcome.NOTHING;
        }
        Path claimed = spool.claim();
        if (claimed == null) {
            return Outcome.NOTHING;
        }
        try {
            replay(Spool.read(claimed));
            spool.done(claimed);
            return Outcome.REPLAYED;
        } catch (Exception e) {
            if (isRejection(e)) {
                // the store is there and says no to this file's content: retrying it would block every
                // file behind it forever, so set it aside for a person to look at
                Path rejected = spool.reject(claimed);
                LOG.error("BigHummingbird's store rejected the spooled runs in {}; the file is kept as {}",
                        claimed.getFileName(), rejected, e);
                return Outcome.SET_ASIDE;
            }
            failure = e;
            spool.release(claimed);
            return Outcome.SINK_FAILED;
        }
    }

    /** Why the last replay that returned {@link Outcome#SINK_FAILED} failed. */
    Exception failure() {
        return failure;
    }

    private void replay(List<SpoolLine> lines) throws Exception {
        Map<String, SinkRejected> refused = new HashMap<>();
        Map<String, List<RunRecord>> byProject = new LinkedHashMap<>();
        for (SpoolLine line : lines) {
            if (line.v() != null) {
                try {
                    sink.register(line.p(), line.v());
                } catch (SinkRejected e) {
                    refused.put(versionIn(line.p(), line.v().modelName(), line.v().key()), e);
                    rejections.registration(e);
                }
            } else if (line.r() != null) {
                SinkRejected no = refused.get(versionIn(line.p(), line.r().modelName(), line.r().versionKey()));
                if (no != null) {
                    rejections.runs(no, 1);
                    continue;
                }
                List<RunRecord> runs = byProject.computeIfAbsent(line.p(), p -> new ArrayList<>());
                runs.add(line.r());
                if (runs.size() >= batchSize) {
                    write(line.p(), runs);
                    runs.clear();
                }
            }
        }
        for (Map.Entry<String, List<RunRecord>> e : byProject.entrySet()) {
            if (!e.getValue().isEmpty()) {
                write(e.getKey(), e.getValue());
            }
        }
    }

    private void write(String project, List<RunRecord> runs) throws Exception {
        try {
            sink.writeInOrder(project, runs);
        } catch (SinkRejected e) {
            rejections.runs(e, e.refusedRuns().orElse(runs.size()));
        }
    }

    private static String versionIn(String project, String modelName, String key) {
        return project + '\u0000' + PendingVersion.id(modelName, key);
    }

    /**
     * Failures that retrying cannot mend: the sink answered, and refused the data. A sink that is
     * away says so with {@link SinkUnavailable} (the embedded store's sink turns its store's
     * unavailability into one).
     */
    private static boolean isRejection(Exception e) {
        return e instanceof IllegalArgumentException
                || (e instanceof BhbException && !(e instanceof SinkUnavailable));
    }
}
